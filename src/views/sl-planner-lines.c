/* sl-planner-lines.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-planner-private.h"
#include "sl-view-text.h"
#include "sl-workspace-realloc.h"

/* The planner's moves: one row per line (with a remove button in a
 * draft), the form adding one, and the reserve draw the plan declares.
 * Amounts are read exactly, in minor units (sl_money_parse()). */

static char *
format_month (SlPlanner *self,
              SlDay      day)
{
  SlPeriod month;

  sl_period_init (&month, SL_PERIOD_MONTH, sl_workspace_get_calendar (self->workspace),
                  sl_workspace_get_fiscal_start_month (self->workspace), day);
  return sl_period_format (&month, NULL);
}

/* "Paid Search, October 2025", or the reserve's. */
static char *
format_place (SlPlanner *self,
              gint64     channel_id,
              SlDay      day)
{
  SlChannel *channel = channel_id != 0 ? sl_channel_store_lookup (sl_workspace_get_channels (self->workspace),
                                                                  channel_id)
                                       : NULL;
  g_autofree char *month = format_month (self, day);

  if (channel_id == 0)
    /* Translators: where money moves from or to; %s is a month, e.g. “October 2025” */
    return g_strdup_printf (_("Reserve, %s"), month);
  /* Translators: where money moves from or to: a channel and a month, e.g. “Paid Search, October 2025” */
  return g_strdup_printf (_("%s, %s"), channel != NULL ? sl_channel_get_name (channel) : "?", month);
}

static void
remove_clicked_cb (SlPlanner *self,
                   GtkButton *button)
{
  g_autoptr(GError) error = NULL;
  gint64 *line_id = g_object_get_data (G_OBJECT (button), "line-id");

  if (!sl_workspace_remove_realloc_line (self->workspace, *line_id, &error))
    sl_view_show_error (self->line_error, error);
  else
    sl_view_show_error (self->line_error, NULL);
}

static GtkWidget *
create_line_row (SlPlanner     *self,
                 SlReallocLine *line,
                 gboolean       draft)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *from = format_place (self, sl_realloc_line_get_from_channel_id (line),
                                        sl_realloc_line_get_from_first_day (line));
  g_autofree char *to = format_place (self, sl_realloc_line_get_to_channel_id (line),
                                      sl_realloc_line_get_to_first_day (line));
  g_autofree char *amount = sl_view_format_money (self->workspace, sl_realloc_line_get_amount_minor (line));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *label = gtk_label_new (amount);

  title = g_markup_escape_text (from, -1);
  /* Translators: where a move's money goes, under where it comes from; %s is a channel and a month */
  subtitle = g_strdup_printf (_("→ %s"), to);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_free (title);
  title = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  if (draft)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gint64 *id = g_new (gint64, 1);

      *id = sl_record_get_id (SL_RECORD (line));
      g_object_set_data_full (G_OBJECT (button), "line-id", id, g_free);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove this move"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
fill_draw (SlPlanner     *self,
           SlReallocPlan *plan,
           gboolean       draft)
{
  gint64 draw = sl_realloc_plan_get_reserve_draw_minor (plan);
  g_autofree char *shown = sl_view_format_money (self->workspace, draw);
  g_autofree char *title = NULL;
  SlMoney money;

  /* Translators: %s is a currency code such as USD */
  title = g_strdup_printf (_("Declared reserve draw (%s)"), sl_workspace_get_currency (self->workspace));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->draw_row), title);
  sl_money_init (&money, draw, sl_workspace_get_currency (self->workspace));
  g_free (title);
  title = sl_money_format_amount (&money, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->draw_row), title);
  gtk_label_set_label (self->draw_label, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->draw_row), draft);
  gtk_widget_set_visible (self->draw_fixed_row, !draft);
}

void
sl_planner_lines_refresh (SlPlanner *self)
{
  SlReallocPlan *plan = sl_planner_get_plan (self);
  GListModel *lines = G_LIST_MODEL (sl_workspace_get_realloc_lines (self->workspace));
  gboolean draft = sl_planner_is_editable (self);

  clear_list (self->line_list);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlReallocLine) line = g_list_model_get_item (lines, i);

      if (sl_realloc_line_get_plan_id (line) == self->plan_id)
        gtk_list_box_append (self->line_list, create_line_row (self, line, draft));
    }
  gtk_widget_set_visible (self->add_group, draft);
  fill_draw (self, plan, draft);
}

/* The channel choices: the reserve, then every channel. */
static GListModel *
build_channel_choices (SlPlanner *self)
{
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (self->workspace));
  GtkStringList *names = gtk_string_list_new (NULL);
  gint64 reserve = 0;

  g_array_set_size (self->channel_ids, 0);
  gtk_string_list_append (names, _("Reserve"));
  g_array_append_val (self->channel_ids, reserve);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);
      gint64 id = sl_record_get_id (SL_RECORD (channel));

      gtk_string_list_append (names, sl_channel_get_name (channel));
      g_array_append_val (self->channel_ids, id);
    }
  return G_LIST_MODEL (names);
}

/* The months of the fiscal year views open on and of the next one. */
static GListModel *
build_month_choices (SlPlanner *self,
                     guint     *current)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  SlDay today = sl_planner_get_as_of (self) - 1;
  SlPeriod year, next;

  sl_workspace_get_default_fiscal_year (self->workspace, &year);
  sl_period_next (&year, &next);
  g_array_set_size (self->months, 0);
  *current = 0;
  for (guint y = 0; y < 2; y++)
    {
      g_autoptr(GArray) months = sl_period_split (y == 0 ? &year : &next, SL_PERIOD_MONTH);

      for (guint i = 0; i < months->len; i++)
        {
          const SlPeriod *month = &g_array_index (months, SlPeriod, i);
          g_autofree char *label = sl_period_format (month, NULL);

          if (sl_period_contains (month, today))
            *current = self->months->len;
          gtk_string_list_append (names, label);
          g_array_append_val (self->months, *month);
        }
    }
  return G_LIST_MODEL (names);
}

void
sl_planner_lines_reset (SlPlanner *self)
{
  g_autoptr(GListModel) from = build_channel_choices (self);
  g_autoptr(GListModel) to = NULL;
  g_autoptr(GListModel) months = NULL;
  g_autofree char *amount_title = NULL;
  guint current;

  /* The two rows show the same names, each its own selection. */
  to = G_LIST_MODEL (gtk_string_list_new (NULL));
  for (guint i = 0; i < g_list_model_get_n_items (from); i++)
    gtk_string_list_append (GTK_STRING_LIST (to),
                            gtk_string_list_get_string (GTK_STRING_LIST (from), i));
  adw_combo_row_set_model (self->from_channel_row, from);
  adw_combo_row_set_model (self->to_channel_row, to);
  adw_combo_row_set_selected (self->from_channel_row, MIN (1, self->channel_ids->len - 1));
  adw_combo_row_set_selected (self->to_channel_row, MIN (2, self->channel_ids->len - 1));

  months = build_month_choices (self, &current);
  adw_combo_row_set_model (self->from_month_row, months);
  adw_combo_row_set_model (self->to_month_row, months);
  adw_combo_row_set_selected (self->from_month_row, current);
  adw_combo_row_set_selected (self->to_month_row, current);
  /* Translators: %s is a currency code such as USD */
  amount_title = g_strdup_printf (_("Amount (%s)"), sl_workspace_get_currency (self->workspace));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
}

static gboolean
read_choice (SlPlanner   *self,
             AdwComboRow *channel_row,
             AdwComboRow *month_row,
             gint64      *channel_id,
             SlDay       *month)
{
  guint channel = adw_combo_row_get_selected (channel_row);
  guint index = adw_combo_row_get_selected (month_row);

  if (channel >= self->channel_ids->len || index >= self->months->len)
    return FALSE;
  *channel_id = g_array_index (self->channel_ids, gint64, channel);
  *month = g_array_index (self->months, SlPeriod, index).first;
  return TRUE;
}

static void
add_line_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlPlanner *self = SL_PLANNER (widget);
  g_autoptr(GError) error = NULL;
  SlReallocLineSpec line = { 0 };
  SlMoney amount;

  if (!read_choice (self, self->from_channel_row, self->from_month_row, &line.from_channel_id, &line.from_month) ||
      !read_choice (self, self->to_channel_row, self->to_month_row, &line.to_channel_id, &line.to_month))
    return;
  if (!sl_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                       sl_workspace_get_currency (self->workspace), NULL, &amount, &error))
    {
      sl_view_show_error (self->line_error, error);
      return;
    }
  line.amount_minor = amount.minor;
  if (!sl_workspace_add_realloc_line (self->workspace, self->plan_id, &line, &error))
    {
      /* The form keeps what was typed, to be fixed. */
      sl_view_show_error (self->line_error, error);
      return;
    }
  sl_view_show_error (self->line_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
}

static void
amount_activated_cb (SlPlanner *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "planner.add-line", NULL);
}

static void
draw_apply_cb (SlPlanner   *self,
               AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  SlMoney draw;

  sl_money_init (&draw, 0, sl_workspace_get_currency (self->workspace));
  if ((*text != '\0' && !sl_money_parse (text, sl_workspace_get_currency (self->workspace), NULL, &draw, &error)) ||
      !sl_workspace_set_realloc_reserve_draw (self->workspace, self->plan_id, draw.minor, &error))
    {
      sl_view_show_error (self->draw_error, error);
      return;
    }
  sl_view_show_error (self->draw_error, NULL);
}

void
sl_planner_lines_init (SlPlanner *self)
{
  GtkWidget *placeholder = gtk_label_new (_("No moves yet"));

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->line_list, placeholder);
}

void
sl_planner_class_add_lines (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "planner.add-line", NULL, add_line_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, draw_apply_cb);
}
