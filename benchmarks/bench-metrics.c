/* bench-metrics.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long the metrics engine takes on demo workspaces of 1 M and
 * 10 M spend rows (issue 5): a full channel table for one quarter, a
 * month × channel ROI matrix for the fiscal year, the fiscal year's
 * timeline (plan, actual, forecast, outlook, warnings, events) and the
 * Overview's KPIs for a quarter (with their trends and goals), each the
 * best of several warm runs, and how much slower the 10 M workspace is.
 * The engine reads the day rollups, so the ratio should stay near 1.
 * SL_BENCH_RUNS sets the runs per figure (default 20).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sl-demo.h"
#include "sl-metrics.h"
#include "sl-overview.h"
#include "sl-timeline.h"

#define DEMO_YEAR 2025

typedef struct
{
  double channel_table_ms;
  double roi_matrix_ms;
  double timeline_ms;
  double overview_ms;
} Timings;

static void
remove_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static double
time_channel_table (SlMetrics      *metrics,
                    const SlPeriod *quarter)
{
  g_autoptr(GArray) table = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  SlMetricValue v;

  table = sl_metrics_channel_table (metrics, quarter,
                                    SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS |
                                    SL_METRICS_PART_LIFECYCLE,
                                    &error);
  g_assert_no_error (error);
  /* Every metric the table's rows can answer, as a view shows them. */
  for (guint i = 0; i < table->len; i++)
    for (SlMetric m = 0; m < SL_METRIC_N_METRICS; m++)
      if ((sl_metric_get_parts (m) & ~(SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS |
                                       SL_METRICS_PART_LIFECYCLE)) == 0)
        sl_metrics_totals_get (&g_array_index (table, SlMetricsTotals, i), m, &v);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_roi_matrix (SlMetrics      *metrics,
                 const SlPeriod *year)
{
  g_autoptr(SlMetricsMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  SlMetricValue v;

  matrix = sl_metrics_get_matrix (metrics, year, SL_PERIOD_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_metrics_matrix_get_n_periods (matrix), ==, 12);
  for (guint c = 0; c < sl_metrics_matrix_get_n_channels (matrix); c++)
    for (guint p = 0; p < sl_metrics_matrix_get_n_periods (matrix); p++)
      sl_metrics_matrix_get_value (matrix, SL_METRIC_ROI, c, p, &v);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_timeline (SlMetrics      *metrics,
               const SlPeriod *year)
{
  g_autoptr(SlTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* As of the day after the demo's "now", October 15. */
  timeline = sl_timeline_compute (metrics, year, sl_day_from_ymd (DEMO_YEAR, 10, 16), 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_timeline_get_n_months (timeline), ==, 12);
  g_assert_cmpuint (sl_timeline_get_n_actual_months (timeline), ==, 9);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_overview (SlMetrics      *metrics,
               const SlPeriod *quarter)
{
  g_autoptr(SlOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  gint64 start = g_get_monotonic_time ();

  overview = sl_overview_compute (metrics, quarter, &all, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_overview_get_n_kpis (overview), >, 0);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
measure (const char *dir,
         gint64      spend_rows,
         guint       runs,
         Timings    *out)
{
  g_autofree char *name = g_strdup_printf ("bench-%" G_GINT64_FORMAT ".sunlight", spend_rows);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { 1, spend_rows, DEMO_YEAR };
  SlPeriod year, quarter;

  {
    g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_CREATE, &error);
    gint64 written = 0;

    g_assert_no_error (error);
    if (!sl_demo_write (db, &options, NULL, NULL, &error))
      g_error ("%s", error->message);
    sl_database_query_int64 (db, "SELECT count(*) FROM spend", &written, &error);
    g_assert_no_error (error);
    g_assert_cmpint (written, ==, spend_rows);
  }

  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, DEMO_YEAR);
  sl_period_init (&quarter, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (DEMO_YEAR, 8, 1));

  {
    g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
    g_autoptr(SlMetrics) metrics = NULL;

    g_assert_no_error (error);
    metrics = sl_metrics_new (db);
    out->channel_table_ms = G_MAXDOUBLE;
    out->roi_matrix_ms = G_MAXDOUBLE;
    /* The first run of each warms the page cache; the best counts. */
    for (guint i = 0; i <= runs; i++)
      {
        double t = time_channel_table (metrics, &quarter);

        if (i > 0)
          out->channel_table_ms = MIN (out->channel_table_ms, t);
      }
    for (guint i = 0; i <= runs; i++)
      {
        double t = time_roi_matrix (metrics, &year);

        if (i > 0)
          out->roi_matrix_ms = MIN (out->roi_matrix_ms, t);
      }
    out->timeline_ms = G_MAXDOUBLE;
    for (guint i = 0; i <= runs; i++)
      {
        double t = time_timeline (metrics, &year);

        if (i > 0)
          out->timeline_ms = MIN (out->timeline_ms, t);
      }
    out->overview_ms = G_MAXDOUBLE;
    for (guint i = 0; i <= runs; i++)
      {
        double t = time_overview (metrics, &quarter);

        if (i > 0)
          out->overview_ms = MIN (out->overview_ms, t);
      }
  }
  remove_workspace (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sunlight-bench-XXXXXX", &error);
  const char *runs_env = g_getenv ("SL_BENCH_RUNS");
  guint runs = runs_env != NULL ? (guint)MAX (1, g_ascii_strtoll (runs_env, NULL, 10)) : 20;
  Timings t1, t10;
  double ratio;

  g_assert_no_error (error);
  measure (dir, 1000000, runs, &t1);
  measure (dir, 10000000, runs, &t10);
  g_rmdir (dir);

  ratio = MAX (t10.channel_table_ms / t1.channel_table_ms, t10.roi_matrix_ms / t1.roi_matrix_ms);
  ratio = MAX (ratio, t10.timeline_ms / t1.timeline_ms);
  ratio = MAX (ratio, t10.overview_ms / t1.overview_ms);
  g_print ("channel_table_ms_1m=%.2f\n", t1.channel_table_ms);
  g_print ("channel_table_ms_10m=%.2f\n", t10.channel_table_ms);
  g_print ("roi_matrix_ms_1m=%.2f\n", t1.roi_matrix_ms);
  g_print ("roi_matrix_ms_10m=%.2f\n", t10.roi_matrix_ms);
  g_print ("timeline_ms_1m=%.2f\n", t1.timeline_ms);
  g_print ("timeline_ms_10m=%.2f\n", t10.timeline_ms);
  g_print ("overview_ms_1m=%.2f\n", t1.overview_ms);
  g_print ("overview_ms_10m=%.2f\n", t10.overview_ms);
  g_print ("ratio_10m_1m=%.2f\n", ratio);
  return 0;
}
