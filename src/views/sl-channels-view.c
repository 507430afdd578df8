/* sl-channels-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-channel-item.h"
#include "sl-channels-view.h"
#include "sl-attribution-result.h"
#include "sl-flags.h"
#include "sl-heat-map.h"
#include "sl-rtl-scroll.h"

struct _SlChannelsView
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkColumnView   *column_view;
  GtkLabel        *total_label;
  GtkBox          *heat_box;

  SlWorkspace     *workspace;
  SlViewFilter    *filter;
  GListStore      *channels;     /* SlChannelItem */
  GtkSortListModel *sorted;      /* GtkTreeListRow */
  GtkSorter       *result_sorter;  /* the default order, by business result */
  GHashTable      *items;        /* "channel:campaign" → SlChannelItem, reused */
  SlHeatMap       *heat_map;
  SlMetricsMatrix *matrix;       /* ROI by month of the fiscal year shown, credited */
  SlPeriod         matrix_year;
  int              matrix_model; /* -1: channel of origin */
  char            *heat_key;     /* what the heat map shows: matrix and rows */
  GPtrArray       *flags;        /* SlFlag of flags_period; NULL: not checked */
  SlPeriod         flags_period;
  guint            flags_idle_id;
  gboolean         stale;        /* changed while hidden */
};

G_DEFINE_FINAL_TYPE (SlChannelsView, sl_channels_view, ADW_TYPE_BIN)

/* The columns after the name, with short titles. */
static const struct {
  SlMetric    metric;
  const char *title;
} columns[] = {
  { SL_METRIC_SPEND, N_("Spend") },
  { SL_METRIC_LEADS, N_("Leads") },
  /* Translators: column title, cost per lead */
  { SL_METRIC_CPL, N_("CPL") },
  { SL_METRIC_NEW_CUSTOMERS, N_("Customers") },
  /* Translators: column title, customer acquisition cost */
  { SL_METRIC_CAC, N_("CAC") },
  { SL_METRIC_REVENUE, N_("Revenue") },
  /* Translators: column title, return on marketing investment */
  { SL_METRIC_ROI, N_("ROI") },
  /* Translators: column title, customer lifetime value to acquisition cost */
  { SL_METRIC_CLV_CAC, N_("CLV : CAC") },
};

static SlChannelItem *
row_item (gpointer row)
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
  g_autoptr(SlChannelItem) item = row_item (gtk_list_item_get_item (list_item));
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
  g_autoptr(SlChannelItem) item = row_item (gtk_list_item_get_item (list_item));

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
  gtk_widget_set_tooltip_text (label, sl_channel_item_get_name (item));
  gtk_widget_set_visible (flag, flags != NULL);
  gtk_widget_set_tooltip_text (flag, flags);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  flags != NULL ? flags : "", -1);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(SlChannelItem) item = row_item (row);
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

static void
build_columns (SlChannelsView *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkColumnViewColumn *name;

  name = add_column (self, _("Channel"), G_CALLBACK (setup_name_cb), G_CALLBACK (bind_name_cb), NULL,
                     GTK_SORTER (gtk_custom_sorter_new (compare_name, NULL, NULL)));
  gtk_column_view_column_set_expand (name, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (self, _(columns[i].title), G_CALLBACK (setup_value_cb), G_CALLBACK (bind_value_cb),
                GUINT_TO_POINTER (columns[i].metric),
                GTK_SORTER (gtk_custom_sorter_new (compare_metric, GUINT_TO_POINTER (columns[i].metric), NULL)));

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

/* The months × channels of the fiscal year holding the period, revenue
 * credited as the filter says; kept while neither changes. */
static SlMetricsMatrix *
get_matrix (SlChannelsView *self,
            SlMetrics      *metrics)
{
  const SlPeriod *period = sl_view_filter_get_period (self->filter);
  int model = sl_view_filter_get_attributed (self->filter) ? (int)sl_view_filter_get_model (self->filter) : -1;
  g_autoptr(GError) error = NULL;
  SlPeriod year;

  sl_workspace_get_fiscal_year (self->workspace, period->first, &year);
  if (self->matrix != NULL && sl_period_equal (&year, &self->matrix_year) && model == self->matrix_model)
    return self->matrix;

  g_clear_pointer (&self->matrix, sl_metrics_matrix_unref);
  g_clear_pointer (&self->heat_key, g_free);
  self->matrix = sl_metrics_get_matrix (metrics, &year, SL_PERIOD_MONTH, &error);
  if (self->matrix == NULL)
    {
      g_warning ("Could not compute ROI by month: %s", error->message);
      return NULL;
    }
  self->matrix_year = year;
  self->matrix_model = model;
  return self->matrix;
}

/* The ROI of channel @c in month @p, credited under the filter's model. */
static void
matrix_roi (SlChannelsView  *self,
            SlMetricsMatrix *matrix,
            GPtrArray       *credits,
            guint            c,
            guint            p,
            SlMetricValue   *out)
{
  SlMetricsTotals totals = *sl_metrics_matrix_get_totals (matrix, c, p);

  if (credits != NULL)
    {
      g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (SlMetricsTotals));

      g_array_append_val (one, totals);
      sl_metrics_table_apply_attribution (one, g_ptr_array_index (credits, p));
      totals = g_array_index (one, SlMetricsTotals, 0);
    }
  sl_metrics_totals_get (&totals, SL_METRIC_ROI, out);
}

/* Each month's attribution, when revenue is credited under a model. */
static GPtrArray *
month_credits (SlChannelsView  *self,
               SlMetricsMatrix *matrix)
{
  GPtrArray *credits;

  if (!sl_view_filter_get_attributed (self->filter))
    return NULL;
  credits = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_attribution_result_unref);
  for (guint p = 0; p < sl_metrics_matrix_get_n_periods (matrix); p++)
    {
      g_autoptr(GError) error = NULL;
      SlAttributionResult *result = sl_attribution_run (sl_workspace_get_database (self->workspace),
                                                        sl_view_filter_get_model (self->filter),
                                                        sl_metrics_matrix_get_period (matrix, p), 0, &error);

      if (result == NULL)
        {
          g_warning ("Could not credit revenue: %s", error->message);
          g_ptr_array_unref (credits);
          return NULL;
        }
      g_ptr_array_add (credits, result);
    }
  return credits;
}

static void
update_heat_map (SlChannelsView *self,
                 SlMetrics      *metrics,
                 GPtrArray      *items)
{
  SlMetricsMatrix *matrix = get_matrix (self, metrics);
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GString) key = NULL;
  guint n_periods;

  if (matrix == NULL)
    return;
  /* The same matrix and the same rows: nothing to redo. */
  key = g_string_new (NULL);
  g_string_append_printf (key, "%p", matrix);
  for (guint r = 0; r < items->len; r++)
    g_string_append_printf (key, ":%" G_GINT64_FORMAT, sl_channel_item_get_channel_id (items->pdata[r]));
  if (g_strcmp0 (key->str, self->heat_key) == 0)
    return;
  g_free (self->heat_key);
  self->heat_key = g_string_free (g_steal_pointer (&key), FALSE);

  credits = month_credits (self, matrix);
  n_periods = sl_metrics_matrix_get_n_periods (matrix);
  sl_heat_map_set_size (self->heat_map, items->len, n_periods);
  for (guint p = 0; p < n_periods; p++)
    {
      const SlPeriod *month = sl_metrics_matrix_get_period (matrix, p);
      g_autofree char *name = sl_calendar_month_name (month->calendar, month->index, NULL);

      sl_heat_map_set_column_label (self->heat_map, p, name);
    }
  /* A row per channel line of the table, in the channels' order. */
  for (guint r = 0; r < items->len; r++)
    {
      gint64 id = sl_channel_item_get_channel_id (items->pdata[r]);

      sl_heat_map_set_row_label (self->heat_map, r, sl_channel_item_get_name (items->pdata[r]));
      for (guint c = 0; c < sl_metrics_matrix_get_n_channels (matrix); c++)
        {
          if (sl_metrics_matrix_get_channel_id (matrix, c) != id)
            continue;
          for (guint p = 0; p < n_periods; p++)
            {
              g_autofree char *text = NULL;
              SlMetricValue roi;
              double x;

              matrix_roi (self, matrix, credits, c, p, &roi);
              text = sl_metric_value_format (&roi, NULL);
              if (sl_metric_value_to_double (&roi, &x))
                sl_heat_map_set_value (self->heat_map, r, p, x, text);
              else
                sl_heat_map_set_undefined (self->heat_map, r, p, sl_metric_reason_get_label (roi.reason));
            }
        }
    }
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
  update_heat_map (self, metrics, items);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "table" : "empty");
}

/* Hidden views catch up when they are shown. */
static void
refresh (SlChannelsView *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    refresh_now (self);
}

static void
sl_channels_view_map (GtkWidget *widget)
{
  SlChannelsView *self = SL_CHANNELS_VIEW (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      refresh_now (self);
    }
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
  build_columns (self);
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
  if (self->channels != NULL)
    refresh (self);
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
  item = row_item (row);
  sl_channel_item_get_value (item, metric, &value);
  return sl_metric_value_format (&value, NULL);
}

SlHeatMap *
sl_channels_view_get_heat_map (SlChannelsView *self)
{
  g_return_val_if_fail (SL_IS_CHANNELS_VIEW (self), NULL);
  return self->heat_map;
}
