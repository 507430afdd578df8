/* sl-channels-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-channels-view-private.h"
#include "sl-flags.h"
#include "sl-rtl-scroll.h"
#include "sl-view.h"

static void sl_channels_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlChannelsView, sl_channels_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_channels_view_view_iface_init))

static const char *
channel_name (SlChannelsView *self,
              gint64          id)
{
  SlChannel *channel = sl_channel_store_lookup (sl_workspace_get_channels (self->workspace), id);

  return channel != NULL ? sl_channel_get_name (channel) : "?";
}

static const char *
campaign_name (SlChannelsView *self,
               gint64          id)
{
  SlCampaign *campaign = sl_campaign_store_lookup (sl_workspace_get_campaigns (self->workspace), id);

  return campaign != NULL ? sl_campaign_get_name (campaign) : "?";
}

/* Whether line @row passes the scope and the search; a channel passes
 * the search when its name or one of its campaigns' does. */
static gboolean
row_in_scope (const SlMetricsRow *row,
              const SlScope      *scope)
{
  switch (scope->kind)
    {
    case SL_SCOPE_CHANNEL:
      return row->channel_id == scope->id;
    case SL_SCOPE_CAMPAIGN:
      return row->campaign_id == 0 || row->campaign_id == scope->id;
    case SL_SCOPE_WORKSPACE:
    default:
      return TRUE;
    }
}

/* The flags of the period, on the channel lines they name. */
static void
apply_flags (SlChannelsView *self)
{
  for (guint i = 0; self->flags != NULL && i < self->flags->len; i++)
    {
      const SlFlag *flag = g_ptr_array_index (self->flags, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":0", flag->channel_id);
      SlChannelItem *item = g_hash_table_lookup (self->items, key);

      if (item != NULL)
        sl_channel_item_add_flag (item, flag);
    }
}

/* Flags take a few queries more than the figures: they come in just
 * after the frame that shows the new figures, and are kept for the
 * period (a scope, credit or search change needs no new check). */
static gboolean
check_flags_cb (gpointer data)
{
  SlChannelsView *self = data;
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;
  SlFlagsOptions options;
  GHashTableIter iter;
  gpointer item;

  self->flags_idle_id = 0;
  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;
  metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  sl_flags_options_init (&options);
  self->flags_period = *sl_view_filter_get_period (self->filter);
  self->flags = sl_flags_check (metrics, &self->flags_period, &options, &error);
  if (self->flags == NULL)
    {
      g_warning ("Could not check the flags: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  apply_flags (self);
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    if (sl_channel_item_get_flags_text (item) != NULL)
      sl_channel_item_changed (item);
  return G_SOURCE_REMOVE;
}

static void
update_flags (SlChannelsView *self)
{
  const SlPeriod *period = sl_view_filter_get_period (self->filter);

  if (self->flags != NULL && sl_period_equal (period, &self->flags_period) &&
      period->kind == self->flags_period.kind)
    {
      apply_flags (self);
      return;
    }
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  if (self->flags_idle_id == 0)
    self->flags_idle_id = g_idle_add_full (G_PRIORITY_LOW, check_flags_cb, self, NULL);
}

/* The item of line @row, the same object from one refresh to the next
 * so that the rows showing it stay. */
static SlChannelItem *
item_for_row (SlChannelsView     *self,
              const SlMetricsRow *row)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                          row->channel_id, row->campaign_id);
  const char *name = row->campaign_id != 0 ? campaign_name (self, row->campaign_id)
                                           : channel_name (self, row->channel_id);
  SlChannelItem *item = g_hash_table_lookup (self->items, key);

  if (item == NULL)
    {
      item = sl_channel_item_new (name, row);
      g_hash_table_insert (self->items, g_steal_pointer (&key), item);
    }
  else
    sl_channel_item_set_row (item, name, row);
  return item;
}

/* A channel line is shown when it passes the search, or when some of
 * its campaigns do (the only ones it then shows); for a campaign scope,
 * when it holds that campaign. */
static void
keep_channel (SlChannelItem  *channel,
              gboolean        matches,
              GPtrArray      *children,
              const SlScope  *scope,
              GPtrArray      *items)
{
  if (channel == NULL)
    return;
  sl_channel_item_set_children (channel, children);
  if (children->len > 0 || (matches && scope->kind != SL_SCOPE_CAMPAIGN))
    g_ptr_array_add (items, g_object_ref (channel));
  g_ptr_array_set_size (children, 0);
}

/* The channel lines and their campaigns, as the filter wants them. */
static void
fill_items (SlChannelsView *self,
            GArray         *rows,
            GPtrArray      *items)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  SlChannelItem *channel = NULL;
  gboolean channel_matches = FALSE;
  SlScope scope;

  sl_view_filter_get_scope (self->filter, &scope);
  for (guint i = 0; i < rows->len; i++)
    {
      SlMetricsRow *row = &g_array_index (rows, SlMetricsRow, i);
      SlChannelItem *item;

      if (!row_in_scope (row, &scope))
        continue;
      item = item_for_row (self, row);
      if (row->campaign_id == 0)
        {
          keep_channel (channel, channel_matches, children, &scope, items);
          channel = item;
          channel_matches = sl_view_filter_matches (self->filter, sl_channel_item_get_name (channel));
        }
      else if (channel != NULL &&
               (channel_matches || sl_view_filter_matches (self->filter, sl_channel_item_get_name (item))))
        g_ptr_array_add (children, item);
    }
  keep_channel (channel, channel_matches, children, &scope, items);
}

/* Whether the lines shown are still in the order of the sort model's
 * sorter after new figures; resorting moves rows, so it is avoided. */
static gboolean
lines_in_order (SlChannelsView *self)
{
  GListModel *lines = G_LIST_MODEL (self->sorted);
  GtkSorter *sorter = gtk_sort_list_model_get_sorter (self->sorted);
  guint n = g_list_model_get_n_items (lines);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (lines, i - 1);
      g_autoptr(GObject) b = g_list_model_get_item (lines, i);

      if (gtk_sorter_compare (sorter, a, b) == GTK_ORDERING_LARGER)
        return FALSE;
    }
  return TRUE;
}

/* Replaces the lines when they are not the same objects in the same
 * order; otherwise the rows stay and their cells update themselves. */
static void
set_items (SlChannelsView *self,
           GPtrArray      *items)
{
  GListModel *model = G_LIST_MODEL (self->channels);
  guint n = g_list_model_get_n_items (model);
  gboolean same = n == items->len;
  GHashTableIter iter;
  gpointer item;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) shown = g_list_model_get_object (model, i);

      same = shown == items->pdata[i];
    }
  if (!same)
    g_list_store_splice (self->channels, 0, n, items->pdata, items->len);

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    sl_channel_item_changed (item);
  if (!lines_in_order (self))
    gtk_sorter_changed (self->result_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
update_total (SlChannelsView *self,
              GPtrArray      *items)
{
  static const SlMetric shown[] = {
    SL_METRIC_SPEND, SL_METRIC_LEADS, SL_METRIC_NEW_CUSTOMERS, SL_METRIC_REVENUE,
    SL_METRIC_CAC, SL_METRIC_ROI,
  };
  SlMetricsTotals total;
  g_autoptr(GString) text = g_string_new (NULL);

  sl_metrics_totals_init (&total, &SL_SCOPE_INIT_WORKSPACE, sl_workspace_get_currency (self->workspace));
  total.parts = SL_METRICS_PART_FUNNEL;
  for (guint i = 0; i < items->len; i++)
    sl_metrics_totals_add (&total, sl_channel_item_get_totals (g_ptr_array_index (items, i)));

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      SlMetricValue value;
      g_autofree char *figure = NULL;

      sl_metrics_totals_get (&total, shown[i], &value);
      figure = sl_metric_value_format (&value, NULL);
      if (i > 0)
        g_string_append (text, "  ·  ");
      /* Translators: a metric and its value in the line of totals, e.g. “Spend: $1,000” */
      g_string_append_printf (text, _("%s: %s"), sl_metric_get_label (shown[i]), figure);
    }
  /* Translators: %s is the list of totals */
  g_autofree char *line = g_strdup_printf (_("All channels shown — %s"), text->str);
  gtk_label_set_label (self->total_label, line);
}

static void
refresh_now (SlChannelsView *self)
{
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SlAttributionModel model;

  if (self->workspace == NULL)
    {
      g_list_store_remove_all (self->channels);
      return;
    }

  metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  model = sl_view_filter_get_model (self->filter);
  rows = sl_channels_view_take_prefetched_rows (self);
  if (rows == NULL)
    rows = sl_metrics_get_rows (metrics, sl_view_filter_get_period (self->filter),
                                sl_workspace_get_campaigns (self->workspace),
                                sl_view_filter_get_attributed (self->filter) ? &model : NULL, &error);
  if (rows == NULL)
    {
      g_warning ("Could not compute the channel figures: %s", error->message);
      rows = g_array_new (FALSE, TRUE, sizeof (SlMetricsRow));
    }
  fill_items (self, rows, items);
  update_flags (self);

  set_items (self, items);
  update_total (self, items);
  sl_channels_view_update_heat_map (self, metrics, items);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "table" : "empty");
}

/* Hidden views catch up when they are shown. */
static void
refresh (SlChannelsView *self)
{
  sl_view_refresh (SL_VIEW (self));
}

static void
sl_channels_view_map (GtkWidget *widget)
{
  sl_view_catch_up (SL_VIEW (widget));
  GTK_WIDGET_CLASS (sl_channels_view_parent_class)->map (widget);
}

static void
sl_channels_view_dispose (GObject *object)
{
  SlChannelsView *self = (SlChannelsView *)object;

  sl_channels_view_set_context (self, NULL, NULL);
  /* AdwBin unparents its child itself; let it before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_CHANNELS_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->channels);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->matrix, sl_metrics_matrix_unref);
  g_clear_pointer (&self->heat_key, g_free);
  sl_channels_view_clear_prefetch (self);

  G_OBJECT_CLASS (sl_channels_view_parent_class)->dispose (object);
}

static void
sl_channels_view_class_init (SlChannelsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_channels_view_dispose;
  widget_class->map = sl_channels_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-channels-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlChannelsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlChannelsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SlChannelsView, total_label);
  gtk_widget_class_bind_template_child (widget_class, SlChannelsView, heat_box);
}

static void
sl_channels_view_init (SlChannelsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  sl_channels_view_build_columns (self);
  sl_rtl_scroll_attach (GTK_SCROLLABLE (self->column_view));
  self->heat_map = SL_HEAT_MAP (sl_heat_map_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heat_map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("ROI by channel and month"), -1);
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->heat_map));
    gtk_box_append (self->heat_box, scroller);
    sl_rtl_scroll_attach (GTK_SCROLLABLE (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
  }
}

static void
workspace_changed_cb (SlChannelsView *self)
{
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  g_clear_pointer (&self->matrix, sl_metrics_matrix_unref);
  g_clear_pointer (&self->heat_key, g_free);
  sl_channels_view_clear_prefetch (self);
  refresh (self);
}

void
sl_channels_view_set_context (SlChannelsView *self,
                              SlWorkspace    *workspace,
                              SlViewFilter   *filter)
{
  g_return_if_fail (SL_IS_CHANNELS_VIEW (self));
  g_return_if_fail ((workspace == NULL) == (filter == NULL));

  if (self->filter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter, self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->filter, filter);
  if (self->items != NULL)
    {
      g_list_store_remove_all (self->channels);
      g_hash_table_remove_all (self->items);
    }
  g_clear_pointer (&self->matrix, sl_metrics_matrix_unref);
  g_clear_pointer (&self->heat_key, g_free);
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  g_clear_handle_id (&self->flags_idle_id, g_source_remove);
  if (filter != NULL)
    {
      g_signal_connect_object (filter, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
    }
  sl_channels_view_clear_prefetch (self);
  if (self->channels != NULL)
    refresh (self);
  /* Not shown yet: its figures are read meanwhile. */
  if (workspace != NULL && sl_view_is_stale (SL_VIEW (self)))
    sl_channels_view_prefetch (self);
}

GListModel *
sl_channels_view_get_rows (SlChannelsView *self)
{
  g_return_val_if_fail (SL_IS_CHANNELS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

char *
sl_channels_view_dup_cell_text (SlChannelsView *self,
                                guint           position,
                                SlMetric        metric)
{
  g_autoptr(GObject) row = NULL;
  g_autoptr(SlChannelItem) item = NULL;
  SlMetricValue value;

  g_return_val_if_fail (SL_IS_CHANNELS_VIEW (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (row == NULL)
    return NULL;
  item = sl_channels_view_row_item (row);
  sl_channel_item_get_value (item, metric, &value);
  return sl_metric_value_format (&value, NULL);
}

SlHeatMap *
sl_channels_view_get_heat_map (SlChannelsView *self)
{
  g_return_val_if_fail (SL_IS_CHANNELS_VIEW (self), NULL);
  return self->heat_map;
}

static void
sl_channels_view_iface_set_context (SlView       *view,
                       SlWorkspace  *workspace,
                       SlViewFilter *filter)
{
  sl_channels_view_set_context (SL_CHANNELS_VIEW (view), workspace, filter);
}

static void
sl_channels_view_iface_refresh (SlView *view)
{
  refresh_now (SL_CHANNELS_VIEW (view));
}

static void
sl_channels_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_channels_view_iface_set_context;
  iface->refresh = sl_channels_view_iface_refresh;
}
