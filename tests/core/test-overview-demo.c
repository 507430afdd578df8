/* test-overview-demo.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Overview and the engine's series on the demo workspace, against
 * the engine's one-period answers computed independently. */

#include "config.h"

#include "sl-demo.h"
#include "sl-campaign-store.h"
#include "sl-funnel.h"
#include "sl-metrics-rows.h"
#include "sl-overview.h"
#include "sl-test-utils.h"

#define YEAR 2025

typedef struct
{
  char       *dir;
  SlDatabase *db;
  SlMetrics  *metrics;
} DemoFixture;

static void
demo_setup (DemoFixture   *fixture,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { 3, 0, YEAR };

  fixture->dir = sl_test_make_tmp_dir ();
  path = g_build_filename (fixture->dir, "demo.sunlight", NULL);
  fixture->db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (fixture->db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->metrics = sl_metrics_new (fixture->db);
}

static void
demo_teardown (DemoFixture   *fixture,
               gconstpointer  data)
{
  g_clear_object (&fixture->metrics);
  g_clear_object (&fixture->db);
  sl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
assert_same_value (const SlMetricValue *a,
                   const SlMetricValue *b)
{
  g_assert_cmpint (a->reason, ==, b->reason);
  g_assert_cmpint (a->unit, ==, b->unit);
  g_assert_cmpint (sl_metric_value_compare (a, b), ==, 0);
}

/* Each month of a series equals the engine's totals of that month, for
 * every metric, for the workspace and for one channel. */
static void
test_series_months (DemoFixture   *fixture,
                    gconstpointer  data)
{
  SlScope scopes[] = { SL_SCOPE_INIT_WORKSPACE, SL_SCOPE_INIT_CHANNEL (2) };
  SlPeriod year;

  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, YEAR);
  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) series = NULL;
      g_autoptr(GArray) months = sl_period_split (&year, SL_PERIOD_MONTH);

      series = sl_metrics_get_series (fixture->metrics, &year, SL_PERIOD_MONTH, &scopes[s], SL_METRICS_PART_ALL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, 12);
      for (guint m = 0; m < 12; m++)
        {
          const SlMetricsTotals *got = &g_array_index (series, SlMetricsTotals, m);
          SlMetricsTotals want;

          sl_metrics_get_totals (fixture->metrics, &g_array_index (months, SlPeriod, m), &scopes[s],
                                 SL_METRICS_PART_ALL, &want, &error);
          g_assert_no_error (error);
          g_assert_cmpint (got->spend_minor, ==, want.spend_minor);
          g_assert_cmpint (got->won_unknown_gp, ==, want.won_unknown_gp);
          g_assert_cmpint (got->lifecycle_median_x2, ==, want.lifecycle_median_x2);
          g_assert_cmpint (got->mrr_minor, ==, want.mrr_minor);
          for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
            {
              SlMetricValue a, b;

              sl_metrics_totals_get (got, i, &a);
              sl_metrics_totals_get (&want, i, &b);
              assert_same_value (&a, &b);
            }
        }
    }
}

static SlOverview *
compute (DemoFixture              *fixture,
         const SlPeriod           *period,
         const SlScope            *scope,
         const SlAttributionModel *model)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  SlOverview *overview;

  overview = sl_overview_compute (fixture->metrics, period, scope, model, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("overview in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  return overview;
}

/* The demo's ten KPIs for Q3 against the engine, the funnel's pipeline
 * velocity and the demo's key results. */
static void
test_overview_demo_kpis (DemoFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(SlOverview) overview = NULL;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlPeriod q3, previous;
  guint n_goals = 0;

  sl_period_init (&q3, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (YEAR, 8, 1));
  sl_period_previous (&q3, &previous);
  overview = compute (fixture, &q3, &all, NULL);
  g_assert_cmpuint (sl_overview_get_n_kpis (overview), ==, 10);

  for (guint i = 0; i < sl_overview_get_n_kpis (overview); i++)
    {
      const SlKpiSummary *kpi = sl_overview_get_kpi (overview, i);
      g_autoptr(GError) error = NULL;
      SlMetricValue now, before, september;
      SlPeriod month;

      g_assert_cmpuint (kpi->trend->len, ==, 12);
      n_goals += kpi->goal_status != SL_KPI_GOAL_NONE;
      if (kpi->kind == SL_KPI_KIND_PIPELINE_VELOCITY)
        {
          g_autoptr(SlFunnel) a = sl_funnel_compute (fixture->metrics, &q3, &all, &error);
          g_autoptr(SlFunnel) b = sl_funnel_compute (fixture->metrics, &previous, &all, &error);

          g_assert_no_error (error);
          assert_same_value (&kpi->value, &a->pipeline_velocity);
          assert_same_value (&kpi->previous, &b->pipeline_velocity);
          g_assert_true (sl_metric_value_is_defined (&kpi->value));
          continue;
        }
      g_assert_cmpint (kpi->kind, ==, SL_KPI_KIND_METRIC);
      sl_period_init (&month, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, q3.last);
      sl_metrics_compute (fixture->metrics, kpi->metric, &q3, &all, &now, &error);
      sl_metrics_compute (fixture->metrics, kpi->metric, &previous, &all, &before, &error);
      sl_metrics_compute (fixture->metrics, kpi->metric, &month, &all, &september, &error);
      g_assert_no_error (error);
      assert_same_value (&kpi->value, &now);
      assert_same_value (&kpi->previous, &before);
      assert_same_value (&g_array_index (kpi->trend, SlMetricValue, 11), &september);
    }
  /* ARR, CAC, CLV : CAC, monthly churn and MQL → SQL days have goals. */
  g_assert_cmpuint (n_goals, ==, 5);
}

/* With a model, a channel's revenue is its credit: the engine's
 * attributed revenue of the channel, now and in the trend. */
static void
test_overview_demo_attribution (DemoFixture   *fixture,
                                gconstpointer  data)
{
  SlAttributionModel model = SL_ATTRIBUTION_LINEAR;
  SlScope search = SL_SCOPE_INIT_CHANNEL (1);
  g_autoptr(SlOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  const SlKpiSummary *revenue;
  SlMetricValue credit, june_credit;
  SlPeriod q3, june;

  sl_period_init (&q3, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (YEAR, 8, 1));
  sl_period_init (&june, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (YEAR, 6, 1));
  overview = compute (fixture, &q3, &search, &model);
  revenue = sl_overview_get_kpi (overview, 0);
  g_assert_cmpstr (revenue->key, ==, "revenue");

  sl_metrics_attributed_revenue (fixture->metrics, model, &q3, &search, &credit, &error);
  sl_metrics_attributed_revenue (fixture->metrics, model, &june, &search, &june_credit, &error);
  g_assert_no_error (error);
  assert_same_value (&revenue->value, &credit);
  assert_same_value (&g_array_index (revenue->trend, SlMetricValue, 8), &june_credit);
}

/* The funnel and customer sums of @a and @b, every one. */
static void
assert_same_sums (const SlMetricsTotals *a,
                  const SlMetricsTotals *b)
{
  const gint64 *x = &a->spend_minor, *y = &b->spend_minor;
  gsize n = (G_STRUCT_OFFSET (SlMetricsTotals, mrr_minor) - G_STRUCT_OFFSET (SlMetricsTotals, spend_minor)) /
            sizeof (gint64) + 1;

  for (gsize i = 0; i < n; i++)
    g_assert_cmpint (x[i], ==, y[i]);
}

/* The channel table's campaign rows (grouped queries) equal each
 * campaign's own totals, in the campaign store's order under its channel. */
static void
test_campaign_rows (DemoFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(SlCampaignStore) campaigns = sl_campaign_store_new (fixture->db);
  g_autoptr(GError) error = NULL;
  SlPeriod periods[3];
  guint checked = 0;

  sl_store_reload (SL_STORE (campaigns), &error);
  g_assert_no_error (error);
  sl_period_init (&periods[0], SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (YEAR, 6, 1));
  sl_period_init (&periods[1], SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (YEAR, 8, 1));
  sl_period_init (&periods[2], SL_PERIOD_FISCAL_YEAR, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (YEAR, 1, 1));

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr(GArray) rows = sl_metrics_get_rows (fixture->metrics, &periods[p], campaigns, NULL, &error);
      gint64 channel_id = 0;
      guint position = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          const SlMetricsRow *row = &g_array_index (rows, SlMetricsRow, i);
          SlScope scope = SL_SCOPE_INIT_CAMPAIGN (row->campaign_id);
          SlMetricsTotals own;

          if (row->campaign_id == 0)
            {
              channel_id = row->channel_id;
              position = 0;
              continue;
            }
          g_assert_cmpint (row->channel_id, ==, channel_id);
          /* The next campaign of this channel in the store's order. */
          for (;; position++)
            {
              g_autoptr(SlCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (campaigns), position);

              g_assert_nonnull (campaign);
              if (sl_campaign_get_channel_id (campaign) == channel_id)
                {
                  g_assert_cmpint (sl_record_get_id (SL_RECORD (campaign)), ==, row->campaign_id);
                  position++;
                  break;
                }
            }
          sl_metrics_get_totals (fixture->metrics, &periods[p], &scope, SL_METRICS_ROW_PARTS, &own, &error);
          g_assert_no_error (error);
          assert_same_sums (&row->totals, &own);
          checked += own.spend_minor != 0 && own.account_months != 0;
        }
    }
  /* Campaigns with spend and billed customers were compared. */
  g_assert_cmpuint (checked, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, DemoFixture, NULL, demo_setup, func, demo_teardown)
  ADD ("/core/overview/demo/series", test_series_months);
  ADD ("/core/overview/demo/kpis", test_overview_demo_kpis);
  ADD ("/core/overview/demo/attribution", test_overview_demo_attribution);
  ADD ("/core/overview/demo/campaign-rows", test_campaign_rows);
#undef ADD

  return g_test_run ();
}
