/* sl-plan-grid.c
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
#include "sl-tooltip.h"

char *
sl_plan_grid_month_title (const SlPeriod *month)
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
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "plan-name");
  gtk_list_item_set_child (item, label);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
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
name_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

GtkListItemFactory *
sl_plan_grid_name_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (name_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (name_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (name_unbind_cb), NULL);
  return factory;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  guint month = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "month"));
  const char *month_label = g_object_get_data (G_OBJECT (factory), "month-label");
  GCallback commit_cb = g_object_get_data (G_OBJECT (factory), "commit-cb");
  GObject *object = g_object_get_data (G_OBJECT (factory), "object");
  GtkWidget *cell = sl_plan_cell_new (month, month_label);

  g_signal_connect_object (cell, "commit", commit_cb, object, G_CONNECT_SWAPPED);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  sl_plan_cell_bind (SL_PLAN_CELL (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  sl_plan_cell_unbind (SL_PLAN_CELL (gtk_list_item_get_child (item)));
}

GtkListItemFactory *
sl_plan_grid_cell_factory_new (guint       month,
                               const char *month_label,
                               GCallback   commit_cb,
                               gpointer    object)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  /* The factory lives as long as its column, within the object's life. */
  g_object_set_data (G_OBJECT (factory), "month", GUINT_TO_POINTER (month));
  g_object_set_data_full (G_OBJECT (factory), "month-label", g_strdup (month_label), g_free);
  g_object_set_data (G_OBJECT (factory), "commit-cb", commit_cb);
  g_object_set_data (G_OBJECT (factory), "object", object);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
  return factory;
}

void
sl_plan_grid_append_column (GtkColumnView      *column_view,
                            const char         *title,
                            GtkListItemFactory *factory)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (column_view, column);
}

void
sl_plan_grid_append_months (GtkColumnView *column_view,
                            GArray        *months,
                            GCallback      commit_cb,
                            gpointer       object)
{
  for (guint i = 0; i < months->len; i++)
    {
      const SlPeriod *month = &g_array_index (months, SlPeriod, i);
      g_autofree char *title = sl_plan_grid_month_title (month);
      g_autofree char *label = sl_period_format (month, NULL);

      sl_plan_grid_append_column (column_view, title, sl_plan_grid_cell_factory_new (i, label, commit_cb, object));
    }
  sl_plan_grid_append_column (column_view, _("Total"),
                              sl_plan_grid_cell_factory_new (G_MAXUINT, NULL, commit_cb, object));
}

guint
sl_plan_grid_find_month (GArray *months,
                         SlDay   day)
{
  for (guint i = 0; i < months->len; i++)
    if (sl_period_contains (&g_array_index (months, SlPeriod, i), day))
      return i;
  return G_MAXUINT;
}

void
sl_plan_grid_remove_columns (GtkColumnView *column_view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (column_view, column);
    }
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

/* GTK 4.8 has no API for it, so reach the header's labels (one title
 * per column). Does nothing if the header looks different. */
void
sl_plan_grid_align_titles (GtkColumnView *column_view,
                           guint          n_leading)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (column_view));
  GtkWidget *title;
  guint i = 0;

  if (header == NULL)
    return;

  for (title = gtk_widget_get_first_child (header); title != NULL;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *label = find_label (title);

      if (i >= n_leading && label != NULL)
        {
          gtk_widget_set_hexpand (label, TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 1.0);
        }
    }
}
