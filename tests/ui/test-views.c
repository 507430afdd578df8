/* test-views.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Channels view of the real application on the demo workspace: what
 * it shows equals what the engine computes, on its own connection, for
 * the window's period, scope and revenue credit; the default order puts
 * the better business result first (DOMAIN.md worked example 1); the
 * view, period and filters come back on the next start. Needs a display
 * (Xvfb in CI). */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "sl-application.h"
#include "sl-channel-item.h"
#include "sl-demo.h"
#include "sl-flags.h"
#include "sl-funnel.h"
#include "sl-kpi-card.h"
#include "sl-leak.h"
#include "sl-overview.h"
#include "sl-sparkline.h"
#include "sl-timeline.h"
#include "sl-importer.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-window.h"

#define DEMO_YEAR 2025

static const SlMetric shown[] = {
  SL_METRIC_SPEND, SL_METRIC_LEADS, SL_METRIC_CPL, SL_METRIC_NEW_CUSTOMERS,
  SL_METRIC_CAC, SL_METRIC_REVENUE, SL_METRIC_ROI, SL_METRIC_CLV_CAC,
};

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;
static char *demo_path;

static gboolean
window_mapped_cb (gpointer data)
{
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static SlWindow *
open_window (const char *path,
             int         width)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  GSettings *settings = sl_application_get_settings (app);

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  /* The window takes its size from the settings the last one saved. */
  if (settings != NULL)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", width < 600 ? 720 : 800);
    }
  window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, NULL, 10000));
  g_assert_true (sl_window_open_file (window, file));
  sl_ui_test_settle (200);
  return window;
}

static SlChannelItem *
line_item (GListModel *lines,
           guint       i)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (lines, i);

  return SL_CHANNEL_ITEM (gtk_tree_list_row_get_item (row));
}

/* The engine's rows for the window's filter, from a connection of our own. */
static GArray *
engine_rows (const char *path)
{
  SlViewFilter *filter = sl_window_get_view_filter (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) workspace = sl_workspace_open (path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  SlAttributionModel model = sl_view_filter_get_model (filter);
  GArray *rows;

  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  rows = sl_metrics_get_rows (metrics, sl_view_filter_get_period (filter), sl_workspace_get_campaigns (workspace),
                              sl_view_filter_get_attributed (filter) ? &model : NULL, &error);
  g_assert_no_error (error);
  return rows;
}

static const SlMetricsRow *
find_row (GArray *rows,
          gint64  channel_id,
          gint64  campaign_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const SlMetricsRow *row = &g_array_index (rows, SlMetricsRow, i);

      if (row->channel_id == channel_id && row->campaign_id == campaign_id)
        return row;
    }
  return NULL;
}

/* Every line the view shows (expanded campaigns included) has the
 * engine's figures; returns the number of lines. */
static guint
check_matches_engine (const char *path)
{
  SlChannelsView *view = sl_window_get_channels_view (window);
  GListModel *lines = sl_channels_view_get_rows (view);
  g_autoptr(GArray) rows = engine_rows (path);
  guint n = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlChannelItem) item = line_item (lines, i);
      const SlMetricsRow *row = find_row (rows, sl_channel_item_get_channel_id (item),
                                          sl_channel_item_get_campaign_id (item));

      g_assert_nonnull (row);
      for (guint m = 0; m < G_N_ELEMENTS (shown); m++)
        {
          g_autofree char *text = sl_channels_view_dup_cell_text (view, i, shown[m]);
          g_autofree char *want = NULL;
          SlMetricValue value;

          sl_metrics_totals_get (&row->totals, shown[m], &value);
          want = sl_metric_value_format (&value, NULL);
          g_assert_cmpstr (text, ==, want);
        }
    }
  return n;
}

/* Whether a label under the Channels view shows @text. */
static gboolean
view_shows_text (const char *text)
{
  g_autoptr(GPtrArray) labels = sl_ui_test_find_all (GTK_WIDGET (sl_window_get_channels_view (window)),
                                                     GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static void
show_channels (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "channels");
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_window_get_view (window), ==, "channels");
}

static void
test_matches_engine (void)
{
  SlViewFilter *filter;
  GListModel *lines;
  g_autoptr(SlChannelItem) first = NULL;
  g_autofree char *spend = NULL;
  guint n;

  open_window (demo_path, 1280);
  show_channels ();
  filter = sl_window_get_view_filter (window);
  g_assert_cmpint (sl_view_filter_get_period (filter)->kind, ==, SL_PERIOD_FISCAL_YEAR);
  lines = sl_channels_view_get_rows (sl_window_get_channels_view (window));

  /* The year, every channel. */
  n = check_matches_engine (demo_path);
  g_assert_cmpuint (n, ==, 7);
  first = line_item (lines, 0);
  spend = sl_channels_view_dup_cell_text (sl_window_get_channels_view (window), 0, SL_METRIC_SPEND);
  g_assert_true (view_shows_text (spend));
  g_assert_true (view_shows_text (sl_channel_item_get_name (first)));

  /* A month of it. */
  sl_view_filter_set_period_kind (filter, SL_PERIOD_MONTH, sl_day_from_ymd (DEMO_YEAR, 6, 15));
  sl_ui_test_settle (100);
  g_assert_cmpuint (check_matches_engine (demo_path), ==, 7);

  /* Revenue credited under a model instead of to the channel of origin. */
  sl_view_filter_set_attribution (filter, TRUE, SL_ATTRIBUTION_POSITION_BASED);
  sl_ui_test_settle (100);
  g_assert_cmpuint (check_matches_engine (demo_path), ==, 7);

  /* Expanded to campaigns. */
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (lines, i);

      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  sl_ui_test_settle (100);
  n = check_matches_engine (demo_path);
  g_assert_cmpuint (n, >, 7);
}

/* The heat map shows each channel's ROI by month as the engine has it:
 * negative months red, positive green, mirrored right to left. */
static void
test_heat_map (void)
{
  SlChannelsView *view = sl_window_get_channels_view (window);
  SlHeatMap *map = sl_channels_view_get_heat_map (view);
  SlViewFilter *filter = sl_window_get_view_filter (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) workspace = sl_workspace_open (demo_path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(SlMetricsMatrix) matrix = NULL;
  guint negatives = 0, positives = 0;
  graphene_rect_t first, second;
  SlPeriod year;

  sl_view_filter_set_attribution (filter, FALSE, SL_ATTRIBUTION_LINEAR);
  sl_ui_test_settle (100);
  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, DEMO_YEAR);
  matrix = sl_metrics_get_matrix (metrics, &year, SL_PERIOD_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_heat_map_get_n_columns (map), ==, 12);
  g_assert_cmpuint (sl_heat_map_get_n_rows (map), ==, sl_metrics_matrix_get_n_channels (matrix));

  for (guint r = 0; r < sl_heat_map_get_n_rows (map); r++)
    {
      guint c = r;  /* rows follow the channels' order, as the matrix */

      for (guint p = 0; p < 12; p++)
        {
          g_autofree char *want = NULL;
          SlMetricValue roi;
          GdkRGBA color;
          double x;

          sl_metrics_matrix_get_value (matrix, SL_METRIC_ROI, c, p, &roi);
          want = sl_metric_value_format (&roi, NULL);
          g_assert_cmpstr (sl_heat_map_get_cell_text (map, r, p), ==, want);
          sl_heat_map_get_cell_color (map, r, p, &color);
          if (!sl_metric_value_to_double (&roi, &x))
            g_assert_cmpfloat (color.alpha, <, 0.1);
          else if (x < 0)
            {
              g_assert_cmpfloat (color.red, >, color.green);
              negatives++;
            }
          else
            {
              g_assert_cmpfloat (color.green, >, color.red);
              positives++;
            }
        }
    }
  /* The demo has both seasons. */
  g_assert_cmpuint (negatives, >, 0);
  g_assert_cmpuint (positives, >, 0);

  g_assert_true (sl_heat_map_get_cell_area (map, 0, 0, &first));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 1, &second));
  g_assert_cmpfloat (first.origin.x, <, second.origin.x);
  gtk_widget_set_direction (GTK_WIDGET (map), GTK_TEXT_DIR_RTL);
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 0, &first));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 1, &second));
  g_assert_cmpfloat (first.origin.x, >, second.origin.x);
  gtk_widget_set_direction (GTK_WIDGET (map), GTK_TEXT_DIR_NONE);
}

/* Every channel the engine flags for the period carries its flags. */
static void
test_flags (void)
{
  SlViewFilter *filter = sl_window_get_view_filter (window);
  GListModel *lines = sl_channels_view_get_rows (sl_window_get_channels_view (window));
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) workspace = sl_workspace_open (demo_path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GHashTable) flagged = g_hash_table_new (g_int64_hash, g_int64_equal);
  SlFlagsOptions options;
  guint n_shown = 0;

  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  sl_flags_options_init (&options);
  flags = sl_flags_check (metrics, sl_view_filter_get_period (filter), &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < flags->len; i++)
    {
      SlFlag *flag = g_ptr_array_index (flags, i);

      if (flag->channel_id != 0)
        g_hash_table_add (flagged, &flag->channel_id);
    }
  g_assert_cmpuint (g_hash_table_size (flagged), >, 0);

  sl_ui_test_settle (300);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlChannelItem) item = line_item (lines, i);
      gint64 id = sl_channel_item_get_channel_id (item);

      if (sl_channel_item_get_campaign_id (item) != 0)
        continue;
      g_assert_cmpint (sl_channel_item_get_flags_text (item) != NULL, ==,
                       g_hash_table_contains (flagged, &id));
      n_shown += sl_channel_item_get_flags_text (item) != NULL;
    }
  g_assert_cmpuint (n_shown, ==, g_hash_table_size (flagged));
}

/* Higher ROI first, undefined ROI last. */
static void
test_default_order (void)
{
  GListModel *lines = sl_channels_view_get_rows (sl_window_get_channels_view (window));
  SlMetricValue previous = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlChannelItem) item = line_item (lines, i);
      SlMetricValue roi;

      if (sl_channel_item_get_campaign_id (item) != 0)
        continue;
      sl_channel_item_get_value (item, SL_METRIC_ROI, &roi);
      if (i > 0 && sl_metric_value_is_defined (&roi))
        {
          g_assert_true (sl_metric_value_is_defined (&previous));
          g_assert_cmpint (sl_metric_value_compare (&previous, &roi), >=, 0);
        }
      previous = roi;
    }
}

static void
test_scope_and_search (void)
{
  SlViewFilter *filter = sl_window_get_view_filter (window);
  GListModel *lines = sl_channels_view_get_rows (sl_window_get_channels_view (window));
  g_autoptr(SlChannelItem) channel = line_item (lines, 0);
  gint64 channel_id = sl_channel_item_get_channel_id (channel);
  GListModel *campaigns = sl_channel_item_get_children (channel);
  g_autoptr(SlChannelItem) campaign = NULL;
  g_autoptr(SlChannelItem) only = NULL;

  g_assert_nonnull (campaigns);
  campaign = g_list_model_get_item (campaigns, 0);

  /* The channel a scope is within: a campaign's, a channel's own, none. */
  {
    SlCampaignStore *store = sl_workspace_get_campaigns (sl_window_get_workspace (window));

    g_assert_cmpint (sl_campaign_store_get_scope_channel (store, &SL_SCOPE_INIT_CAMPAIGN (sl_channel_item_get_campaign_id (campaign))),
                     ==, channel_id);
    g_assert_cmpint (sl_campaign_store_get_scope_channel (store, &SL_SCOPE_INIT_CHANNEL (channel_id)), ==, channel_id);
    g_assert_cmpint (sl_campaign_store_get_scope_channel (store, &SL_SCOPE_INIT_WORKSPACE), ==, 0);
    g_assert_cmpint (sl_campaign_store_get_scope_channel (store, &SL_SCOPE_INIT_CAMPAIGN (G_MAXINT64)), ==, 0);
  }

  /* One channel. */
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CHANNEL (channel_id));
  sl_ui_test_settle (100);
  only = line_item (lines, 0);
  g_assert_cmpint (sl_channel_item_get_channel_id (only), ==, channel_id);
  g_assert_cmpuint (g_list_model_get_n_items (sl_channel_item_get_children (only)), ==,
                    g_list_model_get_n_items (campaigns));
  check_matches_engine (demo_path);

  /* One campaign: its channel, holding only it. */
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CAMPAIGN (sl_channel_item_get_campaign_id (campaign)));
  sl_ui_test_settle (100);
  g_clear_object (&only);
  only = line_item (lines, 0);
  g_assert_cmpint (sl_channel_item_get_channel_id (only), ==, channel_id);
  g_assert_cmpuint (g_list_model_get_n_items (sl_channel_item_get_children (only)), ==, 1);

  /* A search finds a campaign by name, under its channel. */
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_WORKSPACE);
  sl_view_filter_set_search (filter, sl_channel_item_get_name (campaign));
  sl_ui_test_settle (100);
  g_clear_object (&only);
  only = line_item (lines, 0);
  g_assert_cmpint (sl_channel_item_get_channel_id (only), ==, channel_id);
  g_assert_cmpuint (g_list_model_get_n_items (sl_channel_item_get_children (only)), >=, 1);
  sl_view_filter_set_search (filter, "no channel is called this");
  sl_ui_test_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 0);
  sl_view_filter_set_search (filter, NULL);
}

/* The view, period, scope and credit of this window come back in the next. */
static void
test_state_restored (void)
{
  SlViewFilter *filter = sl_window_get_view_filter (window);
  g_autofree char *period = NULL;
  g_autofree char *restored = NULL;
  SlScope scope, restored_scope;

  sl_view_filter_set_period_kind (filter, SL_PERIOD_QUARTER, sl_day_from_ymd (DEMO_YEAR, 8, 1));
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CHANNEL (2));
  sl_view_filter_set_attribution (filter, TRUE, SL_ATTRIBUTION_TIME_DECAY);
  period = sl_period_to_string (sl_view_filter_get_period (filter));
  sl_view_filter_get_scope (filter, &scope);

  open_window (demo_path, 1280);
  filter = sl_window_get_view_filter (window);
  g_assert_cmpstr (sl_window_get_view (window), ==, "channels");
  restored = sl_period_to_string (sl_view_filter_get_period (filter));
  g_assert_cmpstr (restored, ==, period);
  sl_view_filter_get_scope (filter, &restored_scope);
  g_assert_cmpint (restored_scope.kind, ==, SL_SCOPE_CHANNEL);
  g_assert_cmpint (restored_scope.id, ==, scope.id);
  g_assert_true (sl_view_filter_get_attributed (filter));
  g_assert_cmpint (sl_view_filter_get_model (filter), ==, SL_ATTRIBUTION_TIME_DECAY);
  check_matches_engine (demo_path);

  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_WORKSPACE);
  sl_view_filter_set_attribution (filter, FALSE, SL_ATTRIBUTION_LINEAR);
}

static void
import_text (SlDatabase   *db,
             const char   *name,
             SlImportKind  kind,
             const char   *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SlImportResult *result = NULL;
  SlImportOptions options;

  sl_test_write_file (path, contents, -1);
  sl_import_options_init (&options, kind);
  g_assert_true (sl_import_file (db, file, &options, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows_rejected, ==, 0);
  sl_import_result_free (result);
}

/* DOMAIN.md worked example 1: A's leads cost $20 and its customers
 * $10,000; B's $100 and $1,000. B comes first. */
static void
test_cheap_leads (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "example1.sunlight", NULL);
  g_autoptr(GString) deals = g_string_new ("id,created,won,channel,campaign,amount\n");
  g_autoptr(GError) error = NULL;
  GListModel *lines;

  {
    g_autoptr(SlWorkspace) workspace = sl_workspace_create (path, "Example 1", "USD",
                                                              SL_CALENDAR_GREGORIAN, 1, &error);
    SlDatabase *db;

    g_assert_no_error (error);
    db = sl_workspace_get_database (workspace);
    import_text (db, "spend.csv", SL_IMPORT_SPEND,
                 "date,channel,campaign,spend\n2025-06-02,A,A1,10000.00\n2025-06-03,B,B1,10000.00\n");
    for (guint i = 0; i < 500; i++)
      g_string_append_printf (deals, "A%u,2025-06-%02u,%s,A,A1,%s\n", i, 1 + i % 28,
                              i == 7 ? "2025-06-28" : "", i == 7 ? "500.00" : "");
    for (guint i = 0; i < 100; i++)
      g_string_append_printf (deals, "B%u,2025-06-%02u,%s,B,B1,%s\n", i, 1 + i % 28,
                              i < 10 ? "2025-06-29" : "", i < 10 ? "500.00" : "");
    import_text (db, "deals.csv", SL_IMPORT_FUNNEL, deals->str);
  }

  open_window (path, 1280);
  show_channels ();
  sl_view_filter_set_period_kind (sl_window_get_view_filter (window), SL_PERIOD_MONTH,
                                  sl_day_from_ymd (2025, 6, 1));
  sl_ui_test_settle (100);
  lines = sl_channels_view_get_rows (sl_window_get_channels_view (window));
  g_assert_cmpuint (check_matches_engine (path), ==, 2);
  {
    g_autoptr(SlChannelItem) first = line_item (lines, 0);
    g_autoptr(SlChannelItem) second = line_item (lines, 1);

    g_assert_cmpstr (sl_channel_item_get_name (first), ==, "B");
    g_assert_cmpstr (sl_channel_item_get_name (second), ==, "A");
  }
}

static void save_screenshot (const char *name);

/* The stages table shows the engine's funnel for the period and scope. */
static void
check_funnel_matches_engine (void)
{
  SlFunnelView *view = sl_window_get_funnel_view (window);
  SlViewFilter *filter = sl_window_get_view_filter (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) workspace = sl_workspace_open (demo_path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(SlFunnel) funnel = NULL;
  SlScope scope;

  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  sl_view_filter_get_scope (filter, &scope);
  funnel = sl_funnel_compute (metrics, sl_view_filter_get_period (filter), &scope, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funnel->n_steps, >=, 5);
  for (guint i = 0; i < funnel->n_steps; i++)
    {
      const SlFunnelStep *step = &funnel->steps[i];
      const SlMetricValue *values[] = { &step->conversion, &step->days, &step->cost, &step->value };
      g_autofree char *volume = sl_number_format ((double)step->volume, 0, NULL);

      g_assert_cmpstr (sl_funnel_view_get_stage_text (view, i, 1), ==, volume);
      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          g_autofree char *want = NULL;

          if (values[k]->reason == SL_METRIC_REASON_NOT_COMPUTED)
            {
              g_assert_null (sl_funnel_view_get_stage_text (view, i, k + 2));
              continue;
            }
          want = sl_metric_value_format (values[k], NULL);
          g_assert_cmpstr (sl_funnel_view_get_stage_text (view, i, k + 2), ==, want);
        }
    }
  g_assert_null (sl_funnel_view_get_stage_text (view, funnel->n_steps, 1));

  /* The chart, leads to won: bars as wide as their volumes, in proportion. */
  {
    SlFunnelChart *chart = sl_funnel_view_get_chart (view);
    const SlFunnelStep *lead = sl_funnel_get_step (funnel, SL_FUNNEL_LEAD);
    graphene_rect_t first;

    g_assert_cmpuint (sl_funnel_chart_get_n_stages (chart), ==, SL_FUNNEL_WON - SL_FUNNEL_LEAD + 1);
    g_assert_true (sl_funnel_chart_get_stage_area (chart, 0, &first));
    g_assert_cmpfloat (first.size.width, >, 100);
    for (SlFunnelStage st = SL_FUNNEL_MQL; st <= SL_FUNNEL_WON; st++)
      {
        const SlFunnelStep *step = sl_funnel_get_step (funnel, st);
        graphene_rect_t area;
        double want;

        g_assert_true (sl_funnel_chart_get_stage_area (chart, st - SL_FUNNEL_LEAD, &area));
        want = first.size.width * step->volume / lead->volume;
        g_assert_cmpfloat (fabs (area.size.width - MAX (want, 4.0)), <, 0.5);
        /* Centred: the same margin on both sides. */
        g_assert_cmpfloat (fabs ((area.origin.x + area.size.width / 2) - (first.origin.x + first.size.width / 2)), <, 0.5);
      }
  }
}

static void
test_funnel (void)
{
  SlViewFilter *filter;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) workspace = sl_workspace_open (demo_path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  SlPeriod year;
  g_autoptr(GArray) months = NULL;
  gboolean found_leak = FALSE;

  open_window (demo_path, 1280);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "funnel");
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_window_get_view (window), ==, "funnel");
  filter = sl_window_get_view_filter (window);
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_WORKSPACE);
  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, DEMO_YEAR);
  sl_view_filter_set_period (filter, &year);
  sl_ui_test_settle (100);
  check_funnel_matches_engine ();

  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CHANNEL (2));
  sl_ui_test_settle (100);
  check_funnel_matches_engine ();
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_WORKSPACE);

  /* A month where the engine finds a leak lists it with its rates. */
  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  months = sl_period_split (&year, SL_PERIOD_MONTH);
  for (guint m = 3; m < 10 && !found_leak; m++)
    {
      const SlPeriod *month = &g_array_index (months, SlPeriod, m);
      g_autoptr(GArray) leaks = sl_leak_find (metrics, month, SL_LEAK_DEFAULT_MARGIN_BP, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      sl_view_filter_set_period (filter, month);
      sl_ui_test_settle (100);
      check_funnel_matches_engine ();
      text = sl_funnel_view_dup_leaks_text (SL_FUNNEL_VIEW (sl_window_get_funnel_view (window)));
      for (guint i = 0; i < leaks->len; i++)
        {
          const SlLeak *leak = &g_array_index (leaks, SlLeak, i);
          g_autofree char *rate = sl_metric_value_format (&leak->rate, NULL);
          g_autofree char *baseline = sl_metric_value_format (&leak->baseline, NULL);

          g_assert_nonnull (strstr (text, rate));
          g_assert_nonnull (strstr (text, baseline));
          found_leak = TRUE;
        }
      if (leaks->len == 0)
        g_assert_cmpstr (text, ==, "");
      /* The chart marks the steps that leak for all channels. */
      for (SlFunnelStage st = SL_FUNNEL_LEAD; st < SL_FUNNEL_WON; st++)
        {
          gboolean leaking = FALSE;

          for (guint i = 0; i < leaks->len; i++)
            leaking |= g_array_index (leaks, SlLeak, i).channel_id == 0 &&
                       g_array_index (leaks, SlLeak, i).from == st;
          g_assert_cmpint (sl_funnel_chart_get_step_leaking (sl_funnel_view_get_chart (sl_window_get_funnel_view (window)),
                                                             st - SL_FUNNEL_LEAD), ==, leaking);
        }
    }
  g_assert_true (found_leak);
  save_screenshot ("funnel-wide.png");
}

static char *
format_usd (gint64 minor)
{
  SlMoney money;

  sl_money_init (&money, minor, "USD");
  return sl_money_format (&money, NULL);
}

/* The months table and the chart show the engine's timeline, as of
 * the same day. */
static void
test_timeline (void)
{
  SlTimelineView *view;
  SlTimelineChart *chart;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) workspace = sl_workspace_open (demo_path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(SlTimeline) timeline = NULL;
  SlDay as_of = sl_day_from_ymd (DEMO_YEAR, 10, 16);
  SlPeriod year;
  guint n, overs = 0;
  graphene_rect_t biggest = { { 0, 0 }, { 0, 0 } };
  gint64 biggest_plan = 0;

  open_window (demo_path, 1280);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  view = sl_window_get_timeline_view (window);
  sl_timeline_view_set_as_of (view, as_of);
  sl_view_filter_set_scope (sl_window_get_view_filter (window), &SL_SCOPE_INIT_WORKSPACE);
  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, DEMO_YEAR);
  sl_view_filter_set_period (sl_window_get_view_filter (window), &year);
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_window_get_view (window), ==, "timeline");

  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  timeline = sl_timeline_compute (metrics, &year, as_of, 0, NULL, &error);
  g_assert_no_error (error);
  n = sl_timeline_get_n_months (timeline);
  g_assert_cmpuint (n, ==, 12);
  chart = sl_timeline_view_get_chart (view);
  g_assert_cmpuint (sl_timeline_chart_get_n_months (chart), ==, n);

  for (guint m = 0; m <= n; m++)
    {
      const SlTimelineCell *cell = sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m < n ? m : SL_TIMELINE_TOTAL);
      const gint64 amounts[] = { cell->plan_minor, cell->committed_minor, cell->actual_minor,
                                 cell->forecast_minor, cell->outlook_minor, cell->variance_minor };

      for (guint r = 0; r < G_N_ELEMENTS (amounts); r++)
        {
          g_autofree char *want = format_usd (amounts[r]);

          g_assert_cmpstr (sl_timeline_view_get_cell_text (view, r, m), ==, want);
        }
      if (m < n)
        {
          graphene_rect_t bar;
          GdkRGBA color;

          g_assert_true (sl_timeline_chart_get_plan_bar (chart, m, &bar));
          if (cell->plan_minor > biggest_plan)
            {
              biggest_plan = cell->plan_minor;
              biggest = bar;
            }
          sl_timeline_chart_get_point_color (chart, m, &color);
          if (cell->outlook_minor > cell->plan_minor)
            {
              g_assert_cmpfloat (color.red, >, color.green);
              overs++;
            }
        }
    }
  g_assert_cmpuint (overs, >, 0);

  /* Bars as tall as their plans, in proportion. */
  for (guint m = 0; m < n; m++)
    {
      const SlTimelineCell *cell = sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m);
      graphene_rect_t bar;

      sl_timeline_chart_get_plan_bar (chart, m, &bar);
      g_assert_cmpfloat (fabs (bar.size.height - biggest.size.height * cell->plan_minor / biggest_plan), <, 0.5);
      g_assert_cmpfloat (bar.origin.y + bar.size.height, ==, biggest.origin.y + biggest.size.height);
    }

  /* Right to left, January is on the right. */
  {
    graphene_rect_t jan, feb;

    gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
    sl_ui_test_settle (50);
    sl_timeline_chart_get_plan_bar (chart, 0, &jan);
    sl_timeline_chart_get_plan_bar (chart, 1, &feb);
    g_assert_cmpfloat (jan.origin.x, >, feb.origin.x);
    gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_NONE);
    sl_ui_test_settle (50);
    sl_timeline_chart_get_plan_bar (chart, 0, &jan);
    sl_timeline_chart_get_plan_bar (chart, 1, &feb);
    g_assert_cmpfloat (jan.origin.x, <, feb.origin.x);
  }
  save_screenshot ("timeline-wide.png");
}

/* A card per KPI with the engine's value, change verdict and goal;
 * the engine's flags listed. */
static void
test_overview (void)
{
  SlOverviewView *view;
  SlViewFilter *filter;
  GPtrArray *cards;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) workspace = sl_workspace_open (demo_path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(SlOverview) overview = NULL;
  SlFlagsOptions options;
  SlScope scope;

  open_window (demo_path, 1280);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "overview");
  filter = sl_window_get_view_filter (window);
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_WORKSPACE);
  sl_view_filter_set_attribution (filter, FALSE, SL_ATTRIBUTION_LINEAR);
  sl_view_filter_set_period_kind (filter, SL_PERIOD_QUARTER, sl_day_from_ymd (DEMO_YEAR, 8, 1));
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_window_get_view (window), ==, "overview");
  view = sl_window_get_overview_view (window);

  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  sl_flags_options_init (&options);
  sl_view_filter_get_scope (filter, &scope);
  overview = sl_overview_compute (metrics, sl_view_filter_get_period (filter), &scope, NULL, &options, &error);
  g_assert_no_error (error);

  cards = sl_overview_view_get_cards (view);
  g_assert_cmpuint (cards->len, ==, sl_overview_get_n_kpis (overview));
  g_assert_cmpuint (cards->len, >, 3);
  for (guint i = 0; i < cards->len; i++)
    {
      const SlKpiSummary *kpi = sl_overview_get_kpi (overview, i);
      SlKpiCard *card = g_ptr_array_index (cards, i);
      g_autofree char *value = sl_metric_value_format (&kpi->value, NULL);
      SlKpiCardTone tone = sl_kpi_card_get_change (card);

      g_assert_cmpstr (sl_kpi_card_get_value_text (card), ==, value);
      g_assert_cmpint (tone == SL_KPI_CARD_GOOD, ==, kpi->verdict == SL_KPI_CHANGE_GOOD);
      g_assert_cmpint (tone == SL_KPI_CARD_BAD, ==, kpi->verdict == SL_KPI_CHANGE_BAD);
      g_assert_cmpint (sl_kpi_card_get_goal (card) == SL_KPI_CARD_GOAL_MET, ==, kpi->goal_status == SL_KPI_GOAL_MET);
      g_assert_cmpint (sl_kpi_card_get_goal (card) == SL_KPI_CARD_GOAL_BEHIND, ==, kpi->goal_status == SL_KPI_GOAL_BEHIND);
      if (sl_metric_value_is_defined (&kpi->change))
        {
          g_autofree char *change = sl_metric_value_format (&kpi->change, NULL);

          g_assert_nonnull (strstr (sl_kpi_card_get_change_text (card), change));
        }
      g_assert_cmpuint (sl_sparkline_get_n_values (SL_SPARKLINE (sl_kpi_card_get_trend_widget (card))), ==,
                        kpi->trend != NULL ? kpi->trend->len : 0);
    }
  g_assert_cmpuint (sl_overview_view_get_n_flags (view), ==, sl_overview_get_flags (overview)->len);
  g_assert_cmpuint (sl_overview_view_get_n_flags_shown (view), ==, MIN (5, sl_overview_get_flags (overview)->len));
  sl_overview_view_show_all_flags (view);
  g_assert_cmpuint (sl_overview_view_get_n_flags_shown (view), ==, sl_overview_get_flags (overview)->len);
  save_screenshot ("overview-wide.png");
}

static void
save_screenshot (const char *name)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  sl_ui_test_settle (300);
  path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);
  sl_ui_test_save_screenshot (GTK_WIDGET (window), path);
  g_test_message ("Screenshot: %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A new fiscal-year start recuts the period and the plan's year at once,
 * and undo puts them back. */
static void
test_follows_calendar (void)
{
  SlWorkspace *workspace;
  SlViewFilter *filter;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *back = NULL;

  open_window (demo_path, 1280);
  workspace = sl_window_get_workspace (window);
  filter = sl_window_get_view_filter (window);
  sl_view_filter_set_period_kind (filter, SL_PERIOD_QUARTER, sl_day_from_ymd (DEMO_YEAR, 8, 1));
  before = sl_period_to_string (sl_view_filter_get_period (filter));
  g_assert_cmpstr (before, ==, "2025-Q3");

  g_assert_true (sl_workspace_set_fiscal_start_month (workspace, 4, &error));
  g_assert_no_error (error);
  sl_ui_test_settle (100);
  /* August is in the second quarter of a year starting in April, FY2026. */
  after = sl_period_to_string (sl_view_filter_get_period (filter));
  g_assert_cmpstr (after, ==, "2026-Q2");
  g_assert_cmpint (sl_window_get_fiscal_year (window)->fiscal_start, ==, 4);

  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (workspace), &error));
  g_assert_no_error (error);
  sl_ui_test_settle (100);
  back = sl_period_to_string (sl_view_filter_get_period (filter));
  g_assert_cmpstr (back, ==, "2025-Q3");
  g_assert_cmpint (sl_window_get_fiscal_year (window)->fiscal_start, ==, 1);
}

/* Every analysis view wide and narrow, light and dark, into
 * build/screenshots/ (CI keeps them). */
static void
test_screenshots (void)
{
  static const char * const views[] = { "overview", "funnel", "channels", "timeline" };
  static const struct { int width, height; const char *name; } sizes[] = {
    { 360, 720, "narrow" }, { 1280, 800, "wide" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      open_window (demo_path, sizes[z].width);
      sl_view_filter_set_scope (sl_window_get_view_filter (window), &SL_SCOPE_INIT_WORKSPACE);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        for (guint dark = 0; dark < 2; dark++)
          {
            g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", views[v], sizes[z].name,
                                                     dark ? "dark" : "light");

            adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                             : ADW_COLOR_SCHEME_FORCE_LIGHT);
            gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[v]);
            g_assert_cmpstr (sl_window_get_view (window), ==, views[v]);
            save_screenshot (name);
          }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
write_demo (void)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = DEMO_YEAR };

  demo_path = g_build_filename (tmp_dir, "demo.sunlight", NULL);
  db = sl_database_open (demo_path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  tmp_dir = sl_test_make_tmp_dir ();
  write_demo ();

  app = sl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/channels/matches-engine", test_matches_engine);
  g_test_add_func ("/ui/channels/default-order", test_default_order);
  g_test_add_func ("/ui/channels/heat-map", test_heat_map);
  g_test_add_func ("/ui/channels/flags", test_flags);
  g_test_add_func ("/ui/channels/scope-and-search", test_scope_and_search);
  g_test_add_func ("/ui/channels/state-restored", test_state_restored);
  g_test_add_func ("/ui/channels/cheap-leads", test_cheap_leads);
  g_test_add_func ("/ui/channels/screenshots", test_screenshots);
  g_test_add_func ("/ui/funnel/matches-engine", test_funnel);
  g_test_add_func ("/ui/timeline/matches-engine", test_timeline);
  g_test_add_func ("/ui/overview/matches-engine", test_overview);
  g_test_add_func ("/ui/views/follow-calendar", test_follows_calendar);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);
  return status;
}
