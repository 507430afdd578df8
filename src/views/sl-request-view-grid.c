/* sl-request-view-grid.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-plan-cell.h"
#include "sl-plan-grid.h"
#include "sl-plan-row.h"
#include "sl-request-view-private.h"
#include "sl-rtl-scroll.h"
#include "sl-view-text.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-requests.h"

/* The request's grid: a row per channel, the reserve and the totals, a
 * column per month of its period (the plan's cells and rows, SlPlanCell
 * and SlPlanRow), and a goal per channel row that its lines serve.
 * Every edit is the core's, undoable; a refusal shows under the grid. */

gint64
sl_request_view_get_row_goal (SlRequestView *self,
                              gint64         channel_id)
{
  gint64 *goal = g_hash_table_lookup (self->row_goals, &channel_id);

  return goal != NULL ? *goal : 0;
}

static void
set_row_goal (SlRequestView *self,
              gint64         channel_id,
              gint64         goal_id)
{
  g_hash_table_insert (self->row_goals, g_memdup2 (&channel_id, sizeof channel_id),
                       g_memdup2 (&goal_id, sizeof goal_id));
}

/* Adds @line to @lines, in place of one of the same month. */
static void
put_line (GArray                  *lines,
          const SlRequestLineSpec *line)
{
  for (guint i = 0; i < lines->len; i++)
    {
      SlRequestLineSpec *other = &g_array_index (lines, SlRequestLineSpec, i);

      if (other->channel_id == line->channel_id && other->month == line->month)
        {
          *other = *line;
          return;
        }
    }
  g_array_append_val (lines, *line);
}

/* @channel_id's lines as they are, then the amounts typed for it that
 * were waiting for a goal, all serving @goal_id. */
static GArray *
row_lines (SlRequestView *self,
           gint64         channel_id,
           gint64         goal_id)
{
  GListModel *lines = G_LIST_MODEL (self->lines);
  GArray *specs = g_array_new (FALSE, TRUE, sizeof (SlRequestLineSpec));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlBudgetLine) line = g_list_model_get_item (lines, i);
      SlRequestLineSpec spec = { channel_id, sl_budget_line_get_first_day (line), 0, goal_id };
      SlMoney amount;

      if (sl_budget_line_get_channel_id (line) != channel_id || sl_budget_line_get_is_reserve (line) ||
          sl_budget_line_get_campaign_id (line) != 0)
        continue;
      sl_budget_line_get_amount (line, &amount);
      spec.amount_minor = amount.minor;
      put_line (specs, &spec);
    }
  for (guint i = 0; i < self->pending->len; i++)
    {
      SlRequestLineSpec spec = g_array_index (self->pending, SlRequestLineSpec, i);

      if (spec.channel_id != channel_id)
        continue;
      spec.goal_id = goal_id;
      put_line (specs, &spec);
    }
  return specs;
}

static void
drop_pending (SlRequestView *self,
              gint64         channel_id)
{
  for (guint i = self->pending->len; i > 0; i--)
    if (g_array_index (self->pending, SlRequestLineSpec, i - 1).channel_id == channel_id)
      g_array_remove_index (self->pending, i - 1);
}

/* Shows a refused edit of @row's @month under the grid, with what was typed. */
static void
show_refusal (SlRequestView *self,
              SlPlanRow     *row,
              guint          month,
              const char    *text,
              GError        *error)
{
  g_autofree char *month_text = sl_period_format (&g_array_index (self->months, SlPeriod, month), NULL);

  /* Translators: a refused edit of the request: a channel, a month, what was typed, then why */
  g_prefix_error (&error, _("%s, %s: “%s” is not in the request yet. "), sl_plan_row_get_name (row), month_text,
                  text);
  sl_view_show_error (self->grid_error, error);
}

static void
cell_commit_cb (SlRequestView *self,
                const char    *text,
                SlPlanCell    *cell)
{
  g_autoptr(GError) error = NULL;
  SlPlanRow *row = sl_plan_cell_get_row (cell);
  guint month = sl_plan_cell_get_month (cell);
  gint64 channel_id = sl_plan_row_get_channel_id (row);
  SlRequestLineSpec line = { channel_id, 0, 0, sl_request_view_get_row_goal (self, channel_id) };
  SlMoney amount;

  if (self->workspace == NULL || month >= self->months->len)
    return;
  line.month = g_array_index (self->months, SlPeriod, month).first;
  if (*text != '\0' && !sl_money_parse (text, sl_plan_row_get_currency (row), NULL, &amount, &error))
    {
      show_refusal (self, row, month, text, g_steal_pointer (&error));
      return;
    }
  line.amount_minor = *text != '\0' ? amount.minor : 0;
  if (!sl_workspace_set_request_line (self->workspace, self->request_id, &line, &error))
    {
      /* Kept, to be written once the row has a goal. */
      if (channel_id != 0 && line.goal_id == 0)
        put_line (self->pending, &line);
      show_refusal (self, row, month, text, g_steal_pointer (&error));
      return;
    }
  sl_view_show_error (self->grid_error, NULL);
}

static void
goal_selected_cb (SlRequestView *self,
                  GParamSpec    *pspec,
                  GtkDropDown   *dropdown)
{
  SlPlanRow *row = g_object_get_data (G_OBJECT (dropdown), "row");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  gint64 channel_id, goal_id;

  if (self->updating || row == NULL || selected >= self->goal_ids->len)
    return;
  channel_id = sl_plan_row_get_channel_id (row);
  goal_id = g_array_index (self->goal_ids, gint64, selected);
  if (goal_id == sl_request_view_get_row_goal (self, channel_id))
    return;
  set_row_goal (self, channel_id, goal_id);
  /* The row's lines, and what was typed while it had no goal, follow in one step. */
  lines = row_lines (self, channel_id, goal_id);
  if (lines->len > 0 && !sl_workspace_set_request_lines (self->workspace, self->request_id,
                                                         (SlRequestLineSpec *)lines->data, lines->len, &error))
    {
      sl_view_show_error (self->grid_error, error);
      return;
    }
  if (goal_id != 0)
    drop_pending (self, channel_id);
  sl_view_show_error (self->grid_error, NULL);
}

static void
goal_setup_cb (SlRequestView            *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->goal_names)), NULL);

  gtk_widget_set_name (dropdown, "goal");
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (dropdown, 160, -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (goal_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, dropdown);
}

static guint
goal_position (SlRequestView *self,
               gint64         goal_id)
{
  for (guint i = 0; i < self->goal_ids->len; i++)
    if (g_array_index (self->goal_ids, gint64, i) == goal_id)
      return i;
  return 0;
}

static void
update_goal_dropdown (SlRequestView *self,
                      GtkDropDown   *dropdown,
                      SlPlanRow     *row)
{
  gboolean channel = sl_plan_row_get_kind (row) == SL_PLAN_ROW_CHANNEL;
  g_autofree char *label = NULL;
  gint64 goal;

  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (dropdown), channel);
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), sl_request_view_is_editable (self));
  goal = sl_request_view_get_row_goal (self, sl_plan_row_get_channel_id (row));
  gtk_drop_down_set_selected (dropdown, goal_position (self, goal));
  self->updating = FALSE;
  /* Translators: accessible name of a row's goal choice; %s is a channel name */
  label = g_strdup_printf (_("Goal of %s"), sl_plan_row_get_name (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Every goal choice shown, after the goals or the lines changed. */
static void
update_goal_dropdowns (SlRequestView *self,
                       GtkWidget     *widget)
{
  SlPlanRow *row;

  if (GTK_IS_DROP_DOWN (widget) && (row = g_object_get_data (G_OBJECT (widget), "row")) != NULL)
    {
      update_goal_dropdown (self, GTK_DROP_DOWN (widget), row);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    update_goal_dropdowns (self, child);
}

static void
goal_bind_cb (SlRequestView            *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  GtkWidget *dropdown = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (dropdown), "row", gtk_list_item_get_item (item));
  update_goal_dropdown (self, GTK_DROP_DOWN (dropdown), gtk_list_item_get_item (item));
}

static void
goal_unbind_cb (SlRequestView            *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "row", NULL);
}

static GtkListItemFactory *
goal_factory_new (SlRequestView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (goal_setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (goal_bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (goal_unbind_cb), self, G_CONNECT_SWAPPED);
  return factory;
}

static void
rebuild_columns (SlRequestView *self)
{
  sl_plan_grid_remove_columns (self->column_view);
  if (self->months->len == 0)
    return;
  sl_plan_grid_append_column (self->column_view, _("Channel"), sl_plan_grid_name_factory_new ());
  sl_plan_grid_append_column (self->column_view, _("Goal"), goal_factory_new (self));
  sl_plan_grid_append_months (self->column_view, self->months, G_CALLBACK (cell_commit_cb), self);
  sl_plan_grid_align_titles (self->column_view, 2);
}

static void
rebuild_rows (SlRequestView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *channels;
  const char *currency;
  guint n = self->months->len;

  if (self->workspace == NULL || n == 0)
    {
      g_list_store_remove_all (self->rows);
      return;
    }
  channels = G_LIST_MODEL (sl_workspace_get_channels (self->workspace));
  currency = sl_workspace_get_currency (self->workspace);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);

      g_ptr_array_add (rows, sl_plan_row_new_channel (channel, n, currency));
    }
  g_ptr_array_add (rows, sl_plan_row_new (SL_PLAN_ROW_RESERVE, n, currency));
  g_ptr_array_add (rows, sl_plan_row_new (SL_PLAN_ROW_TOTAL, n, currency));
  for (guint i = 0; i < rows->len; i++)
    sl_plan_row_set_read_only (rows->pdata[i], !sl_request_view_is_editable (self));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

static void
fill_goals (SlRequestView *self)
{
  self->updating = TRUE;
  sl_view_fill_goal_names (self->workspace, _("Choose a goal"), 0, self->goal_names, self->goal_ids);
  self->updating = FALSE;
}

/* The amounts of every row, and each channel's goal from its lines. */
static void
recompute (SlRequestView *self)
{
  guint n = self->months->len, n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  GListModel *lines = G_LIST_MODEL (self->lines);
  g_autofree gint64 *minor = g_new0 (gint64, (n_rows + 1) * n);
  g_autofree SlPlanCellState *states = g_new0 (SlPlanCellState, (n_rows + 1) * n);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlBudgetLine) line = g_list_model_get_item (lines, i);
      guint month = sl_plan_grid_find_month (self->months, sl_budget_line_get_first_day (line));
      gint64 channel_id = sl_budget_line_get_channel_id (line);
      SlMoney amount;

      sl_budget_line_get_amount (line, &amount);
      for (guint r = 0; r < n_rows && month != G_MAXUINT; r++)
        {
          g_autoptr(SlPlanRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);
          SlPlanRowKind kind = sl_plan_row_get_kind (row);

          if ((kind == SL_PLAN_ROW_CHANNEL && sl_plan_row_get_channel_id (row) == channel_id &&
               !sl_budget_line_get_is_reserve (line)) ||
              (kind == SL_PLAN_ROW_RESERVE && sl_budget_line_get_is_reserve (line)) ||
              kind == SL_PLAN_ROW_TOTAL)
            {
              if (!sl_int64_add_checked (minor[r * n + month], amount.minor, &minor[r * n + month]))
                states[r * n + month] = SL_PLAN_CELL_INVALID;
              else if (states[r * n + month] == SL_PLAN_CELL_EMPTY)
                states[r * n + month] = SL_PLAN_CELL_AMOUNT;
            }
        }
      if (channel_id != 0 && sl_budget_line_get_goal_id (line) != 0)
        set_row_goal (self, channel_id, sl_budget_line_get_goal_id (line));
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(SlPlanRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);

      sl_plan_row_set_amounts (row, &minor[r * n], &states[r * n]);
    }
}

void
sl_request_view_grid_reload (SlRequestView *self)
{
  SlBudgetRequest *request = sl_request_view_get_request (self);
  SlPeriod period;

  g_clear_object (&self->lines);
  g_array_set_size (self->months, 0);
  g_array_set_size (self->pending, 0);
  g_hash_table_remove_all (self->row_goals);
  sl_view_show_error (self->grid_error, NULL);
  if (request != NULL)
    {
      g_autoptr(GArray) months = NULL;

      sl_period_init_custom (&period, sl_workspace_get_calendar (self->workspace),
                             sl_budget_request_get_first_day (request), sl_budget_request_get_last_day (request),
                             NULL);
      months = sl_period_split (&period, SL_PERIOD_MONTH);
      g_array_append_vals (self->months, months->data, months->len);
      self->lines = sl_budget_line_store_new_for_request (sl_workspace_get_database (self->workspace),
                                                          self->request_id);
    }
  rebuild_columns (self);
  rebuild_rows (self);
}

/* Rows are made again for new channels, and when the amounts may no
 * longer change (a submitted request, a viewer) or may again. */
static gboolean
rows_outdated (SlRequestView *self)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  g_autoptr(SlPlanRow) reserve = NULL;
  guint n = g_list_model_get_n_items (rows);

  if (n != g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (self->workspace))) + 2)
    return TRUE;
  reserve = g_list_model_get_item (rows, n - 2);
  return sl_plan_row_get_editable (reserve) != sl_request_view_is_editable (self);
}

void
sl_request_view_grid_refresh (SlRequestView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->lines == NULL)
    return;
  if (!sl_store_reload (SL_STORE (self->lines), &error))
    g_warning ("Could not read the request’s lines: %s", error->message);
  if (rows_outdated (self))
    rebuild_rows (self);
  fill_goals (self);
  recompute (self);
  update_goal_dropdowns (self, GTK_WIDGET (self->column_view));
}

void
sl_request_view_grid_init (SlRequestView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (SL_TYPE_PLAN_ROW);
  self->goal_names = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  sl_rtl_scroll_attach (GTK_SCROLLABLE (self->column_view));
}
