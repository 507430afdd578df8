/* sl-plan-view-columns.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-tooltip.h"
#include "sl-plan-cell.h"
#include "sl-plan-row.h"
#include "sl-plan-view-private.h"

/* The plan grid's columns: the row names, one editable column per month
 * (made here since the number of months depends on the calendar), and
 * the row totals. */

static void
show_toast (SlPlanView *self,
            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  /* Toast titles are Pango markup in libadwaita 1.2; ours are text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  /* About what the user just typed: show it now, not after older toasts. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static char *
format_month_title (const SlPeriod *month)
{
  g_autoptr(GDateTime) date = NULL;
  int year, mon, mday;

  /* Gregorian and Thai months are the Gregorian ones: the locale has
   * short names for them. Solar Hijri names are short already. */
  if (month->calendar == SL_CALENDAR_SOLAR_HIJRI)
    return sl_calendar_month_name (month->calendar, month->index, NULL);

  sl_day_to_ymd (month->first, &year, &mon, &mday);
  date = g_date_time_new_utc (year, mon, mday, 0, 0, 0);
  return g_date_time_format (date, "%b");
}

static void
name_setup_cb (SlPlanView               *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "plan-name");
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (SlPlanView               *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  SlPlanRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GBinding *binding;

  binding = g_object_bind_property (row, "name", label, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (item), "binding", binding);
  sl_tooltip_set_text (label, sl_plan_row_get_name (row));

  gtk_widget_remove_css_class (label, "total-row");
  gtk_widget_remove_css_class (label, "reserve-row");
  if (sl_plan_row_get_kind (row) == SL_PLAN_ROW_TOTAL)
    gtk_widget_add_css_class (label, "total-row");
  else if (sl_plan_row_get_kind (row) == SL_PLAN_ROW_RESERVE)
    gtk_widget_add_css_class (label, "reserve-row");
}

static void
name_unbind_cb (SlPlanView               *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
cell_commit_cb (SlPlanView *self,
                const char *text,
                SlPlanCell *cell)
{
  g_autoptr(GError) error = NULL;
  SlPlanRow *row = sl_plan_cell_get_row (cell);
  guint month = sl_plan_cell_get_month (cell);
  SlMoney amount;
  gboolean has_amount = *text != '\0';

  if (self->workspace == NULL || month >= self->months->len)
    return;

  if ((has_amount &&
       !sl_money_parse (text, sl_plan_row_get_currency (row), NULL, &amount, &error)) ||
      !sl_workspace_set_budget_amount (self->workspace, SL_BUDGET_PLAN,
                                       sl_plan_row_get_channel_id (row),
                                       &g_array_index (self->months, SlPeriod, month),
                                       has_amount ? &amount : NULL, &error))
    show_toast (self, error->message);
}

static void
cell_setup_cb (SlPlanView               *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "month"));
  const char *month_label = g_object_get_data (G_OBJECT (factory), "month-label");
  GtkWidget *cell = sl_plan_cell_new (month, month_label);

  g_signal_connect_object (cell, "commit", G_CALLBACK (cell_commit_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind_cb (SlPlanView               *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  sl_plan_cell_bind (SL_PLAN_CELL (gtk_list_item_get_child (item)),
                     gtk_list_item_get_item (item));
}

static void
cell_unbind_cb (SlPlanView               *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  sl_plan_cell_unbind (SL_PLAN_CELL (gtk_list_item_get_child (item)));
}

static void
append_column (SlPlanView *self,
               const char *title,
               guint       month,
               const char *month_label)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  if (month == G_MAXUINT - 1)
    {
      g_signal_connect_object (factory, "setup", G_CALLBACK (name_setup_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (factory, "bind", G_CALLBACK (name_bind_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (name_unbind_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_object_set_data (G_OBJECT (factory), "month", GUINT_TO_POINTER (month));
      g_object_set_data_full (G_OBJECT (factory), "month-label", g_strdup (month_label), g_free);
      g_signal_connect_object (factory, "setup", G_CALLBACK (cell_setup_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (factory, "bind", G_CALLBACK (cell_bind_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (cell_unbind_cb), self, G_CONNECT_SWAPPED);
    }

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Amounts are aligned to the end, so their titles should be too; GTK 4.8
 * has no API for it, so reach the header's labels (one title per column,
 * after the name column). Does nothing if the header looks different. */
static void
align_titles (SlPlanView *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GtkWidget *title;
  guint i = 0;

  if (header == NULL)
    return;

  for (title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *label = find_label (title);

      if (i > 0 && label != NULL)
        {
          gtk_widget_set_hexpand (label, TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 1.0);
        }
    }
}

void
sl_plan_view_rebuild_columns (SlPlanView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  append_column (self, _("Channel"), G_MAXUINT - 1, NULL);
  for (guint i = 0; i < self->months->len; i++)
    {
      const SlPeriod *month = &g_array_index (self->months, SlPeriod, i);
      g_autofree char *title = format_month_title (month);
      g_autofree char *label = sl_period_format (month, NULL);

      append_column (self, title, i, label);
    }
  append_column (self, _("Total"), G_MAXUINT, NULL);
  align_titles (self);
}
