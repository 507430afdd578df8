/* sl-channels-view-columns.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Channels table's columns: cells that follow their line's figures,
 * and the orders (each column's, and the default by business result). */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-metrics-rows.h"
#include "sl-tooltip.h"
#include "sl-channels-view-private.h"

SlChannelItem *
sl_channels_view_row_item (gpointer row)
{
  if (row == NULL)
    return NULL;
  if (GTK_IS_TREE_LIST_ROW (row))
    return SL_CHANNEL_ITEM (gtk_tree_list_row_get_item (row));
  return g_object_ref (row);
}

/* The tooltip of a figure: the metric's definition, and why it is
 * undefined or on which basis, when that is so. */
static char *
dup_value_tooltip (SlMetric             metric,
                   const SlMetricValue *value)
{
  const char *basis = sl_metric_basis_get_label (value->basis);
  const char *description = sl_metric_get_description (metric);

  if (!sl_metric_value_is_defined (value))
    /* Translators: the metric's definition, then why it has no value */
    return g_strdup_printf (_("%s\nUndefined: %s"), description, sl_metric_reason_get_label (value->reason));
  if (basis != NULL)
    /* Translators: the metric's definition, then the formula used, e.g. “on revenue” */
    return g_strdup_printf (_("%s\nComputed %s"), description, basis);
  return g_strdup (description);
}

/* A figure's label shows @item's value of the metric set on it; its
 * tooltip is made when asked for (query_value_tooltip). */
static void
update_value_label (SlChannelItem *item,
                    GtkWidget     *label)
{
  SlMetric metric = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "metric"));
  g_autofree char *text = NULL;
  SlMetricValue value;

  sl_channel_item_get_value (item, metric, &value);
  text = sl_metric_value_format (&value, NULL);
  gtk_label_set_label (GTK_LABEL (label), text);
  if (sl_metric_value_is_defined (&value) && value.num < 0)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static gboolean
query_value_tooltip (GtkWidget  *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  SlChannelItem *item = g_object_get_data (G_OBJECT (label), "item");
  SlMetric metric = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "metric"));
  g_autofree char *text = NULL;
  SlMetricValue value;

  if (item == NULL)
    return FALSE;
  sl_channel_item_get_value (item, metric, &value);
  text = dup_value_tooltip (metric, &value);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_value_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_value_tooltip), NULL);
  gtk_list_item_set_child (list_item, label);
}

/* Cells follow their item's ::changed, so new figures for the same
 * lines need no new rows. */
static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  g_autoptr(SlChannelItem) item = sl_channels_view_row_item (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (label), "metric", user_data);
  g_object_set_data (G_OBJECT (label), "item", item);
  update_value_label (item, label);
  g_signal_connect_object (item, "changed", G_CALLBACK (update_value_label), label, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  g_autoptr(SlChannelItem) item = sl_channels_view_row_item (gtk_list_item_get_item (list_item));

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "item", NULL);
  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, gtk_list_item_get_child (list_item));
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (flag, "warning");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), flag);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
update_name (SlChannelItem *item,
             GtkWidget     *expander)
{
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *flag = gtk_widget_get_last_child (box);
  const char *flags = sl_channel_item_get_flags_text (item);

  gtk_label_set_label (GTK_LABEL (label), sl_channel_item_get_name (item));
  sl_tooltip_set_text (label, sl_channel_item_get_name (item));
  gtk_widget_set_visible (flag, flags != NULL);
  sl_tooltip_set_text (flag, flags);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  flags != NULL ? flags : "", -1);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(SlChannelItem) item = sl_channels_view_row_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  update_name (item, expander);
  g_signal_connect_object (item, "changed", G_CALLBACK (update_name), expander, 0);
}

static int
compare_metric (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SlMetric metric = GPOINTER_TO_UINT (user_data);
  SlMetricValue va, vb;

  sl_channel_item_get_value ((SlChannelItem *)a, metric, &va);
  sl_channel_item_get_value ((SlChannelItem *)b, metric, &vb);
  return sl_metric_value_compare (&va, &vb);
}

static int
compare_name (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return g_utf8_collate (sl_channel_item_get_name ((SlChannelItem *)a),
                         sl_channel_item_get_name ((SlChannelItem *)b));
}

/* Higher first, undefined last. */
static int
compare_metric_descending (gconstpointer a,
                           gconstpointer b,
                           SlMetric      metric)
{
  SlMetricValue va, vb;

  sl_channel_item_get_value ((SlChannelItem *)a, metric, &va);
  sl_channel_item_get_value ((SlChannelItem *)b, metric, &vb);
  if (sl_metric_value_is_defined (&va) != sl_metric_value_is_defined (&vb))
    return sl_metric_value_is_defined (&va) ? -1 : 1;
  return -sl_metric_value_compare (&va, &vb);
}

/* Best business result first: higher ROI, then lower CAC, then more
 * customers (undefined values last), so a channel of cheap leads that
 * few become customers never tops one that brings customers. */
static int
compare_result (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int order;

  if ((order = compare_metric_descending (a, b, SL_METRIC_ROI)) != 0 ||
      (order = compare_metric (a, b, GUINT_TO_POINTER (SL_METRIC_CAC))) != 0 ||
      (order = compare_metric_descending (a, b, SL_METRIC_NEW_CUSTOMERS)) != 0)
    return order;
  return compare_name (a, b, NULL);
}

static GtkColumnViewColumn *
add_column (SlChannelsView *self,
            const char     *title,
            GCallback       setup,
            GCallback       bind,
            gpointer        data,
            GtkSorter      *sorter)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_sorter (column, sorter);
  g_clear_object (&sorter);
  gtk_column_view_append_column (self->column_view, column);
  return column;
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = sl_channel_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

void
sl_channels_view_build_columns (SlChannelsView *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkColumnViewColumn *name;

  name = add_column (self, _("Channel"), G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb), NULL,
                     GTK_SORTER (gtk_custom_sorter_new (compare_name, NULL, NULL)));
  gtk_column_view_column_set_expand (name, TRUE);
  /* The columns after the name, as every channel report has them. */
  for (guint i = 0; i < SL_METRICS_ROW_N_COLUMNS; i++)
    add_column (self, _(sl_metrics_row_columns[i].title), G_CALLBACK (setup_value_cb), G_CALLBACK (bind_value_cb),
                GUINT_TO_POINTER (sl_metrics_row_columns[i].metric),
                GTK_SORTER (gtk_custom_sorter_new (compare_metric, GUINT_TO_POINTER (sl_metrics_row_columns[i].metric), NULL)));

  /* A header click sorts by its column; otherwise, by business result. */
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->result_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_result, NULL, NULL));
  gtk_multi_sorter_append (sorter, self->result_sorter);

  self->channels = g_list_store_new (SL_TYPE_CHANNEL_ITEM);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->channels)), FALSE, FALSE,
                                  create_children_cb, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&tree)),
                                          GTK_SORTER (gtk_tree_list_row_sorter_new (GTK_SORTER (sorter))));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

