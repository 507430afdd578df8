/* sl-plan-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-plan-grid.h"
#include "sl-plan-row.h"
#include "sl-plan-view-private.h"
#include "sl-rtl-scroll.h"

G_DEFINE_FINAL_TYPE (SlPlanView, sl_plan_view, ADW_TYPE_BIN)

/* Adds @line's amount to the cell (@minor, @state) of its row. */
static void
add_to_cell (const char      *currency,
             SlBudgetLine    *line,
             gint64          *minor,
             SlPlanCellState *state)
{
  SlMoney amount;

  sl_budget_line_get_amount (line, &amount);
  if (*state == SL_PLAN_CELL_INVALID)
    return;
  if (g_strcmp0 (amount.currency, currency) != 0 ||
      !sl_int64_add_checked (*minor, amount.minor, minor))
    *state = SL_PLAN_CELL_INVALID;
  else
    *state = SL_PLAN_CELL_AMOUNT;
}

static void
set_total_row (SlPlanView *self,
               guint       n_rows,
               gint64     *minor,
               SlPlanCellState *states)
{
  guint n = self->months->len;
  g_autofree gint64 *sum = g_new0 (gint64, n);
  g_autofree SlPlanCellState *sum_states = g_new0 (SlPlanCellState, n);
  g_autoptr(SlPlanRow) total = g_list_model_get_item (G_LIST_MODEL (self->rows), n_rows);

  for (guint m = 0; m < n; m++)
    {
      sum_states[m] = SL_PLAN_CELL_AMOUNT;
      for (guint r = 0; r < n_rows; r++)
        {
          SlPlanCellState state = states[r * n + m];

          if (state == SL_PLAN_CELL_INVALID ||
              (state == SL_PLAN_CELL_AMOUNT &&
               !sl_int64_add_checked (sum[m], minor[r * n + m], &sum[m])))
            {
              sum_states[m] = SL_PLAN_CELL_INVALID;
              break;
            }
        }
    }
  sl_plan_row_set_amounts (total, sum, sum_states);
}

static void
recompute (SlPlanView *self)
{
  GListModel *lines;
  guint n_rows, n_lines, n;
  g_autofree gint64 *minor = NULL;
  g_autofree SlPlanCellState *states = NULL;
  const char *currency;

  g_clear_handle_id (&self->recompute_id, g_source_remove);

  if (self->lines == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    return;

  lines = G_LIST_MODEL (self->lines);
  currency = sl_workspace_get_currency (self->workspace);
  n = self->months->len;
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows)) - 1;  /* without the total */
  minor = g_new0 (gint64, n_rows * n);
  states = g_new0 (SlPlanCellState, n_rows * n);

  n_lines = g_list_model_get_n_items (lines);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(SlBudgetLine) line = g_list_model_get_item (lines, i);
      gint64 channel_id = sl_budget_line_get_channel_id (line);
      guint row, month;

      /* Campaign lines belong to the campaign views, not to this grid. */
      if (sl_budget_line_get_campaign_id (line) != 0)
        continue;

      if (sl_budget_line_get_is_reserve (line))
        row = n_rows - 1;
      else
        row = GPOINTER_TO_UINT (g_hash_table_lookup (self->row_index, &channel_id)) - 1;
      month = sl_plan_grid_find_month (self->months, sl_budget_line_get_first_day (line));
      if (row >= n_rows || month == G_MAXUINT)
        continue;

      add_to_cell (currency, line, &minor[row * n + month], &states[row * n + month]);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(SlPlanRow) plan_row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);

      sl_plan_row_set_amounts (plan_row, &minor[r * n], &states[r * n]);
    }
  set_total_row (self, n_rows, minor, states);
}

static gboolean
recompute_idle_cb (gpointer user_data)
{
  SlPlanView *self = user_data;

  self->recompute_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
line_amount_changed_cb (SlPlanView   *self,
                        GParamSpec   *pspec,
                        SlBudgetLine *line)
{
  if (self->recompute_id == 0)
    self->recompute_id = g_idle_add (recompute_idle_cb, self);
}

static void
watch_lines (SlPlanView *self,
             guint       position,
             guint       n_added)
{
  for (guint i = position; i < position + n_added; i++)
    {
      g_autoptr(SlBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      g_signal_connect_object (line, "notify::amount-minor",
                               G_CALLBACK (line_amount_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
lines_changed_cb (SlPlanView *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *lines)
{
  watch_lines (self, position, added);
  recompute (self);
}

static void
rebuild_rows (SlPlanView *self)
{
  GListModel *channels;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  const char *currency;
  guint n_channels, n;

  g_hash_table_remove_all (self->row_index);

  if (self->workspace == NULL || !self->has_period)
    {
      g_list_store_remove_all (self->rows);
      return;
    }

  channels = G_LIST_MODEL (sl_workspace_get_channels (self->workspace));
  currency = sl_workspace_get_currency (self->workspace);
  n = self->months->len;
  n_channels = g_list_model_get_n_items (channels);

  for (guint i = 0; i < n_channels; i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);
      gint64 *id = g_new (gint64, 1);

      *id = sl_record_get_id (SL_RECORD (channel));
      g_hash_table_insert (self->row_index, id, GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (rows, sl_plan_row_new_channel (channel, n, currency));
    }
  g_ptr_array_add (rows, sl_plan_row_new (SL_PLAN_ROW_RESERVE, n, currency));
  g_ptr_array_add (rows, sl_plan_row_new (SL_PLAN_ROW_TOTAL, n, currency));

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  gtk_stack_set_visible_child_name (self->stack, n_channels > 0 ? "plan" : "empty");
}

static void
channels_changed_cb (SlPlanView *self,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListModel *channels)
{
  rebuild_rows (self);
  recompute (self);
}

static void
workspace_changed_cb (SlPlanView  *self,
                      const char  *table,
                      SlWorkspace *workspace)
{
  g_autofree char *caption = NULL;

  /* Translators: %s is a currency code such as USD */
  caption = g_strdup_printf (_("Amounts in %s"), sl_workspace_get_currency (workspace));
  gtk_label_set_label (self->caption, caption);

  if (g_strcmp0 (table, "workspace") == 0)
    rebuild_rows (self);
  recompute (self);
}

static void load_period (SlPlanView *self);

static void
sl_plan_view_map (GtkWidget *widget)
{
  SlPlanView *self = SL_PLAN_VIEW (widget);

  if (self->stale && self->workspace != NULL)
    load_period (self);
  GTK_WIDGET_CLASS (sl_plan_view_parent_class)->map (widget);
}

static void
sl_plan_view_dispose (GObject *object)
{
  SlPlanView *self = (SlPlanView *)object;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  sl_plan_view_set_workspace (self, NULL);
  /* AdwBin unparents its child itself; let it, before the template
   * drops its references (else both unparent the stack). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PLAN_VIEW);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (sl_plan_view_parent_class)->dispose (object);
}

static void
sl_plan_view_finalize (GObject *object)
{
  SlPlanView *self = (SlPlanView *)object;

  g_hash_table_unref (self->row_index);
  g_array_unref (self->months);

  G_OBJECT_CLASS (sl_plan_view_parent_class)->finalize (object);
}

static void
sl_plan_view_class_init (SlPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_plan_view_dispose;
  object_class->finalize = sl_plan_view_finalize;
  widget_class->map = sl_plan_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sl-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPlanView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlPlanView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SlPlanView, caption);
}

static void
sl_plan_view_init (SlPlanView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (SL_TYPE_PLAN_ROW);
  self->row_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->months = g_array_new (FALSE, TRUE, sizeof (SlPeriod));

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  sl_rtl_scroll_attach (GTK_SCROLLABLE (self->column_view));
}

GtkWidget *
sl_plan_view_new (void)
{
  return g_object_new (SL_TYPE_PLAN_VIEW, NULL);
}

void
sl_plan_view_set_workspace (SlPlanView  *self,
                            SlWorkspace *workspace)
{
  g_return_if_fail (SL_IS_PLAN_VIEW (self));
  g_return_if_fail (workspace == NULL || SL_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (sl_workspace_get_channels (self->workspace), self);
    }
  if (self->lines != NULL)
    g_signal_handlers_disconnect_by_data (self->lines, self);
  g_clear_object (&self->lines);
  g_set_object (&self->workspace, workspace);
  self->has_period = FALSE;

  if (workspace != NULL)
    {
      SlPeriod fiscal_year;

      g_signal_connect_object (workspace, "changed",
                               G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sl_workspace_get_channels (workspace), "items-changed",
                               G_CALLBACK (channels_changed_cb), self, G_CONNECT_SWAPPED);
      sl_workspace_get_default_fiscal_year (workspace, &fiscal_year);
      sl_plan_view_set_period (self, &fiscal_year);
      workspace_changed_cb (self, NULL, workspace);
    }
  else
    rebuild_rows (self);
}

SlWorkspace *
sl_plan_view_get_workspace (SlPlanView *self)
{
  g_return_val_if_fail (SL_IS_PLAN_VIEW (self), NULL);
  return self->workspace;
}

void
sl_plan_view_set_period (SlPlanView     *self,
                         const SlPeriod *fiscal_year)
{
  g_autoptr(GArray) months = NULL;

  g_return_if_fail (SL_IS_PLAN_VIEW (self));
  g_return_if_fail (fiscal_year != NULL);
  g_return_if_fail (self->workspace != NULL);

  if (self->has_period && sl_period_equal (&self->fiscal_year, fiscal_year))
    return;

  self->fiscal_year = *fiscal_year;
  self->has_period = TRUE;

  months = sl_period_split (fiscal_year, SL_PERIOD_MONTH);
  g_array_set_size (self->months, 0);
  g_array_append_vals (self->months, months->data, months->len);

  /* A hidden plan loads when it is first shown (or asked for its rows). */
  if (self->lines != NULL)
    g_signal_handlers_disconnect_by_data (self->lines, self);
  g_clear_object (&self->lines);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_period (self);
}

static void
load_period (SlPlanView *self)
{
  self->stale = FALSE;
  if (self->lines != NULL)
    g_signal_handlers_disconnect_by_data (self->lines, self);
  g_clear_object (&self->lines);
  self->lines = sl_workspace_dup_budget_lines (self->workspace, SL_BUDGET_PLAN, &self->fiscal_year);
  g_signal_connect_object (self->lines, "items-changed",
                           G_CALLBACK (lines_changed_cb), self, G_CONNECT_SWAPPED);
  watch_lines (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)));

  sl_plan_view_rebuild_columns (self);
  rebuild_rows (self);
  recompute (self);
}

GListModel *
sl_plan_view_get_rows (SlPlanView *self)
{
  g_return_val_if_fail (SL_IS_PLAN_VIEW (self), NULL);
  if (self->stale && self->workspace != NULL)
    load_period (self);
  return G_LIST_MODEL (self->rows);
}

guint
sl_plan_view_get_n_months (SlPlanView *self)
{
  g_return_val_if_fail (SL_IS_PLAN_VIEW (self), 0);
  return self->months->len;
}

const SlPeriod *
sl_plan_view_get_month (SlPlanView *self,
                        guint       month)
{
  g_return_val_if_fail (SL_IS_PLAN_VIEW (self), NULL);
  g_return_val_if_fail (month < self->months->len, NULL);
  return &g_array_index (self->months, SlPeriod, month);
}
