/* sl-view-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-view-text.h"
#include "sl-workspace-goals.h"

char *
sl_view_format_money (SlWorkspace *workspace,
                      gint64       minor)
{
  SlMoney money;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  sl_money_init (&money, minor, sl_workspace_get_currency (workspace));
  return sl_money_format (&money, NULL);
}

/* The day or month holding @day, in @workspace's calendar. */
static char *
format_period (SlWorkspace  *workspace,
               SlPeriodKind  kind,
               SlDay         day)
{
  SlPeriod period;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  sl_period_init (&period, kind, sl_workspace_get_calendar (workspace),
                  sl_workspace_get_fiscal_start_month (workspace), day);
  return sl_period_format (&period, NULL);
}

char *
sl_view_format_day (SlWorkspace *workspace,
                    SlDay        day)
{
  return format_period (workspace, SL_PERIOD_DAY, day);
}

char *
sl_view_format_month (SlWorkspace *workspace,
                      SlDay        day)
{
  return format_period (workspace, SL_PERIOD_MONTH, day);
}

char *
sl_view_format_time (SlWorkspace *workspace,
                     gint64       usec)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (local == NULL)
    return g_strdup ("");
  date = sl_view_format_day (workspace, sl_day_from_ymd (g_date_time_get_year (local),
                                                         g_date_time_get_month (local),
                                                         g_date_time_get_day_of_month (local)));
  time = g_date_time_format (local, "%OH:%OM");
  /* Translators: a date, then a time of day, as in “Nov 23, 2026 10:12” */
  return g_strdup_printf (_("%s %s"), date, time);
}

void
sl_view_show_error (GtkLabel     *label,
                    const GError *error)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

GtkWidget *
sl_view_attach_label (GtkGrid    *grid,
                      const char *text,
                      int         column,
                      int         row,
                      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, heading ? "heading" : "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

guint
sl_view_fill_goal_names (SlWorkspace   *workspace,
                         const char    *none,
                         gint64         selected_id,
                         GtkStringList *names,
                         GArray        *ids)
{
  GListModel *goals = G_LIST_MODEL (sl_workspace_get_goals (workspace));
  guint n = g_list_model_get_n_items (goals);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  gint64 id = 0;
  guint selected = 0;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), 0);

  g_array_set_size (ids, 0);
  g_array_append_val (ids, id);
  g_ptr_array_add (strings, g_strdup (none));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlGoal) goal = g_list_model_get_item (goals, i);

      id = sl_record_get_id (SL_RECORD (goal));
      g_array_append_val (ids, id);
      g_ptr_array_add (strings, g_strdup (sl_goal_get_objective (goal)));
      if (id == selected_id)
        selected = i + 1;
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *)strings->pdata);
  return selected;
}
