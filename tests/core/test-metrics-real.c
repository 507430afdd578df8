/* test-metrics-real.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The engine on the real datasets of ../shared/data: its figures must
 * equal the reference figures of that folder's README.md, computed there
 * independently (Python and sqlite3/awk). */

#include "config.h"

#include "sl-metrics.h"
#include "sl-test-utils.h"

#define assert_fraction(value, n, d) G_STMT_START { \
    const SlMetricValue *v_ = (value); \
    if (!sl_metric_value_equals_fraction (v_, (n), (d))) \
      g_error ("%s:%d: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (reason %d), expected %s", __FILE__, __LINE__, \
               v_->num, v_->den, v_->reason, #n "/" #d); \
  } G_STMT_END

static void
import_shared (SlImportFixture *fixture,
               SlImportKind     kind,
               const char      *relative,
               const char      *preset,
               const char      *join,
               SlDay            default_day)
{
  g_autofree char *path = sl_test_shared_data (relative);
  g_autofree char *join_path = join != NULL ? sl_test_shared_data (join) : NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, kind);
  options.preset = preset;
  options.join_path = join_path;
  options.default_day = default_day;
  result = sl_import_fixture_import (fixture, file, &options);
}

static gint64
named_id (SlDatabase *db,
          const char *sql,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, &error);
  gboolean has_row;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_true (sl_database_step_row (db, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static SlPeriod
range (int y1, int m1, int d1,
       int y2, int m2, int d2)
{
  SlPeriod period;

  g_assert_true (sl_period_init_custom (&period, SL_CALENDAR_GREGORIAN, sl_day_from_ymd (y1, m1, d1),
                                        sl_day_from_ymd (y2, m2, d2), NULL));
  return period;
}

static SlPeriod
month_period (const char *text)
{
  SlPeriod period;

  g_assert_true (sl_period_parse (text, SL_CALENDAR_GREGORIAN, 1, &period, NULL));
  return period;
}

static void
compute (SlMetrics      *metrics,
         SlMetric        metric,
         const SlPeriod *period,
         const SlScope  *scope,
         SlMetricValue  *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_metrics_compute (metrics, metric, period, scope, out, &error));
  g_assert_no_error (error);
}

static void
test_real_olist (SlImportFixture *fixture,
                 gconstpointer    data)
{
  static const struct { const char *origin; gint64 mqls, won; } origins[] = {
    { "organic_search", 2296, 271 }, { "paid_search", 1586, 195 }, { "social", 1350, 75 },
    { "unknown", 1099, 179 }, { "direct_traffic", 499, 56 }, { "email", 493, 15 },
    { "referral", 284, 24 }, { "other", 150, 4 }, { "display", 118, 6 },
    { "other_publicities", 65, 3 }, { "Unattributed", 60, 14 },
  };
  static const struct { const char *month; gint64 mqls, won; } months[] = {
    { "2017-06", 4, 0 }, { "2017-07", 239, 0 }, { "2017-08", 386, 0 }, { "2017-09", 312, 0 },
    { "2017-10", 416, 0 }, { "2017-11", 445, 0 }, { "2017-12", 200, 3 }, { "2018-01", 1141, 73 },
    { "2018-02", 1028, 113 }, { "2018-03", 1174, 147 }, { "2018-04", 1352, 207 }, { "2018-05", 1303, 122 },
    { "2018-06", 0, 57 }, { "2018-07", 0, 37 }, { "2018-08", 0, 33 }, { "2018-09", 0, 23 },
    { "2018-10", 0, 21 }, { "2018-11", 0, 6 },
  };
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GArray) table = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod all_time = range (2017, 1, 1, 2018, 12, 31);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlMetricValue v;
  guint matched = 0;

  import_shared (fixture, SL_IMPORT_FUNNEL, "olist-funnel/olist_marketing_qualified_leads_dataset.csv",
                 "olist", "olist-funnel/olist_closed_deals_dataset.csv", SL_DAY_INVALID);

  /* MQLs 8,000, won 842: overall MQL → won 10.525 %. */
  compute (metrics, SL_METRIC_MQLS, &all_time, &all, &v);
  assert_fraction (&v, 8000, 1);
  compute (metrics, SL_METRIC_NEW_CUSTOMERS, &all_time, &all, &v);
  assert_fraction (&v, 842, 1);
  g_assert_true (sl_metrics_conversion (metrics, &all_time, &all, SL_FUNNEL_MQL, SL_FUNNEL_WON, &v, &error));
  assert_fraction (&v, 10525, 100000);

  /* Per origin, one channel table for the whole time. */
  table = sl_metrics_channel_table (metrics, &all_time, SL_METRICS_PART_FUNNEL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      gint64 id = named_id (fixture->db, "SELECT id FROM channel WHERE name = ?1", origins[i].origin);
      SlScope scope = SL_SCOPE_INIT_CHANNEL (id);

      g_assert_true (sl_metrics_conversion (metrics, &all_time, &scope, SL_FUNNEL_MQL, SL_FUNNEL_WON, &v, &error));
      assert_fraction (&v, origins[i].won, origins[i].mqls);
      for (guint r = 0; r < table->len; r++)
        {
          const SlMetricsTotals *t = &g_array_index (table, SlMetricsTotals, r);

          if (t->scope.id != id)
            continue;
          g_assert_cmpint (t->mqls, ==, origins[i].mqls);
          g_assert_cmpint (t->won, ==, origins[i].won);
          matched++;
        }
    }
  g_assert_cmpuint (matched, ==, G_N_ELEMENTS (origins));
  g_assert_cmpuint (table->len, ==, G_N_ELEMENTS (origins));

  /* MQLs per month of first contact, won deals per month of winning. */
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      SlPeriod month = month_period (months[i].month);

      compute (metrics, SL_METRIC_MQLS, &month, &all, &v);
      assert_fraction (&v, months[i].mqls, 1);
      compute (metrics, SL_METRIC_NEW_CUSTOMERS, &month, &all, &v);
      assert_fraction (&v, months[i].won, 1);
    }

  /* Days from first contact to won: median 14. */
  g_assert_true (sl_metrics_stage_days (metrics, &all_time, &all, SL_FUNNEL_LEAD, SL_FUNNEL_WON, &v, &error));
  g_assert_no_error (error);
  assert_fraction (&v, 14, 1);
}

static void
test_real_maven (SlImportFixture *fixture,
                 gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GError) error = NULL;
  SlPeriod all_time = range (2016, 1, 1, 2018, 12, 31);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlMetricValue v;
  SlMoney money;

  import_shared (fixture, SL_IMPORT_FUNNEL, "maven-crm/sales_pipeline.csv", NULL, NULL, SL_DAY_INVALID);

  /* Win rate = 4,238 ÷ (4,238 + 2,473) = 63.1501 %. */
  compute (metrics, SL_METRIC_WIN_RATE, &all_time, &all, &v);
  assert_fraction (&v, 4238, 4238 + 2473);
  /* Won revenue 10,005,534; average won deal 2,360.91. */
  compute (metrics, SL_METRIC_REVENUE, &all_time, &all, &v);
  assert_fraction (&v, 1000553400, 1);
  compute (metrics, SL_METRIC_AVERAGE_DEAL_SIZE, &all_time, &all, &v);
  assert_fraction (&v, 1000553400, 4238);
  g_assert_true (sl_metric_value_to_money (&v, &money));
  g_assert_cmpint (money.minor, ==, 236091);
  /* Sales cycle of won deals (engage → close): median 57 days. */
  g_assert_true (sl_metrics_stage_days (metrics, &all_time, &all, SL_FUNNEL_OPPORTUNITY, SL_FUNNEL_WON, &v, &error));
  g_assert_no_error (error);
  assert_fraction (&v, 57, 1);
  /* No margin in the data: ROI is not on gross profit, and with no
   * spend it is undefined. */
  compute (metrics, SL_METRIC_ROI, &all_time, &all, &v);
  g_assert_false (sl_metric_value_is_defined (&v));
  g_assert_cmpint (v.reason, ==, SL_METRIC_REASON_NO_SPEND);
}

static void
test_real_facebook (SlImportFixture *fixture,
                    gconstpointer    data)
{
  static const struct { const char *campaign; gint64 spend, impressions, clicks, conversions; } campaigns[] = {
    { "916", 14971, 482925, 113, 58 },
    { "936", 289337, 8128187, 1984, 537 },
    { "1178", 5566215, 204823716, 36068, 2669 },
  };
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  SlPeriod day = range (2017, 8, 30, 2017, 8, 30);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlMetricValue v;
  double x;

  import_shared (fixture, SL_IMPORT_SPEND, "facebook-ads/KAG_conversion_data.csv", NULL, NULL,
                 sl_day_from_ymd (2017, 8, 30));

  for (guint i = 0; i < G_N_ELEMENTS (campaigns); i++)
    {
      SlScope scope = SL_SCOPE_INIT_CAMPAIGN (named_id (fixture->db, "SELECT id FROM campaign WHERE name = ?1",
                                                        campaigns[i].campaign));

      compute (metrics, SL_METRIC_SPEND, &day, &scope, &v);
      assert_fraction (&v, campaigns[i].spend, 1);
      compute (metrics, SL_METRIC_IMPRESSIONS, &day, &scope, &v);
      assert_fraction (&v, campaigns[i].impressions, 1);
      compute (metrics, SL_METRIC_CLICKS, &day, &scope, &v);
      assert_fraction (&v, campaigns[i].clicks, 1);
      compute (metrics, SL_METRIC_COST_PER_ACQUISITION, &day, &scope, &v);
      assert_fraction (&v, campaigns[i].spend, campaigns[i].conversions);
    }

  /* All ads: spent 58,705.23, cost per conversion 17.9857, CTR 0.0179 %. */
  compute (metrics, SL_METRIC_SPEND, &day, &all, &v);
  assert_fraction (&v, 5870523, 1);
  compute (metrics, SL_METRIC_COST_PER_ACQUISITION, &day, &all, &v);
  assert_fraction (&v, 5870523, 3264);
  g_assert_true (sl_metric_value_to_double (&v, &x));
  g_assert_cmpfloat_with_epsilon (x / 100.0, 17.9857, 5e-5);
  compute (metrics, SL_METRIC_CTR, &day, &all, &v);
  assert_fraction (&v, 38165, 213434828);
  g_assert_true (sl_metric_value_to_double (&v, &x));
  g_assert_cmpfloat_with_epsilon (x * 100.0, 0.0179, 5e-5);
}

static void
test_real_facebook_days (SlImportFixture *fixture,
                         gconstpointer    data)
{
  static const struct { int mday; gint64 spend, impressions, clicks, conversions; } days[] = {
    { 17, 496196, 16440386, 3466, 228 }, { 18, 384061, 13685544, 2565, 243 },
    { 19, 517775, 17914341, 3469, 254 }, { 20, 436909, 16246436, 2843, 254 },
    { 21, 285463, 10967797, 1909, 199 }, { 22, 251088, 11155133, 1644, 256 },
    { 23, 440897, 18892899, 2692, 351 }, { 24, 445349, 14075359, 2954, 195 },
    { 25, 367523, 13777795, 2346, 197 }, { 26, 437420, 15177449, 2726, 215 },
    { 27, 421306, 13256611, 2803, 178 }, { 28, 534339, 19377609, 3493, 257 },
    { 29, 368188, 14965562, 2246, 243 }, { 30, 484009, 17501907, 3009, 194 },
  };
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(SlMetricsMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod fortnight = range (2017, 8, 17, 2017, 8, 30);

  import_shared (fixture, SL_IMPORT_SPEND, "facebook-ad-campaign/data.csv", NULL, NULL, SL_DAY_INVALID);

  /* A day × channel matrix: one pass, the reference's daily table. */
  matrix = sl_metrics_get_matrix (metrics, &fortnight, SL_PERIOD_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_metrics_matrix_get_n_channels (matrix), ==, 1);
  g_assert_cmpuint (sl_metrics_matrix_get_n_periods (matrix), ==, G_N_ELEMENTS (days));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      const SlMetricsTotals *t = sl_metrics_matrix_get_totals (matrix, 0, i);
      SlMetricValue v;

      g_assert_cmpint (sl_metrics_matrix_get_period (matrix, i)->first, ==, sl_day_from_ymd (2017, 8, days[i].mday));
      g_assert_cmpint (t->spend_minor, ==, days[i].spend);
      g_assert_cmpint (t->impressions, ==, days[i].impressions);
      g_assert_cmpint (t->clicks, ==, days[i].clicks);
      g_assert_cmpint (t->conversions, ==, days[i].conversions);
      sl_metrics_matrix_get_value (matrix, SL_METRIC_COST_PER_ACQUISITION, 0, i, &v);
      assert_fraction (&v, days[i].spend, days[i].conversions);
    }
}

static void
test_real_cdnow (SlImportFixture *fixture,
                 gconstpointer    data)
{
  static const struct { const char *month; gint64 active, revenue, january; } months[] = {
    { "1997-01", 7846, 29906017, 7846 }, { "1997-02", 9633, 37959003, 1157 },
    { "1997-03", 9524, 39315527, 964 }, { "1997-04", 2822, 14282449, 810 },
    { "1997-05", 2214, 10793330, 679 }, { "1997-06", 2339, 10839587, 736 },
    { "1997-07", 2180, 12207888, 720 }, { "1997-08", 1772, 8836769, 582 },
    { "1997-09", 1739, 8194880, 559 }, { "1997-10", 1839, 8978077, 594 },
    { "1997-11", 2028, 11544864, 673 }, { "1997-12", 1864, 9557735, 634 },
    { "1998-01", 1537, 7675678, 528 }, { "1998-02", 1551, 7709696, 511 },
    { "1998-03", 2060, 10897015, 664 }, { "1998-04", 1437, 6623152, 472 },
    { "1998-05", 1488, 7098966, 497 }, { "1998-06", 1506, 7610930, 498 },
  };
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GError) error = NULL;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlPeriod q1 = range (1997, 1, 1, 1997, 3, 31);
  SlPeriod whole = range (1997, 1, 1, 1998, 6, 30);
  SlCohort *january;
  SlMetricValue v;

  import_shared (fixture, SL_IMPORT_REVENUE, "cdnow/CDNOW_master.txt", NULL, NULL, SL_DAY_INVALID);

  /* Revenue and ARPA per month: revenue ÷ active customers. */
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      SlPeriod month = month_period (months[i].month);
      SlMetricsTotals t;

      g_assert_true (sl_metrics_get_totals (metrics, &month, &all, SL_METRICS_PART_CUSTOMERS, &t, &error));
      g_assert_no_error (error);
      g_assert_cmpint (t.account_months, ==, months[i].active);
      sl_metrics_totals_get (&t, SL_METRIC_BILLED_REVENUE, &v);
      assert_fraction (&v, months[i].revenue, 1);
      sl_metrics_totals_get (&t, SL_METRIC_MRR, &v);
      assert_fraction (&v, months[i].revenue, 1);
      sl_metrics_totals_get (&t, SL_METRIC_ARPA, &v);
      assert_fraction (&v, months[i].revenue, months[i].active);
    }
  /* 2,500,315.63 over the 18 months. */
  compute (metrics, SL_METRIC_BILLED_REVENUE, &whole, &all, &v);
  assert_fraction (&v, 250031563, 1);

  /* Acquisition cohorts 7,846 · 8,476 · 7,248; the January cohort's
   * customers active in each later month. */
  cohorts = sl_metrics_get_cohorts (metrics, &q1, &all, sl_day_from_ymd (1998, 6, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cohorts->len, ==, 3);
  g_assert_cmpint (((SlCohort *)g_ptr_array_index (cohorts, 1))->size, ==, 8476);
  g_assert_cmpint (((SlCohort *)g_ptr_array_index (cohorts, 2))->size, ==, 7248);
  january = g_ptr_array_index (cohorts, 0);
  g_assert_cmpint (january->size, ==, 7846);
  g_assert_cmpuint (january->active->len, ==, G_N_ELEMENTS (months));
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_assert_cmpint (g_array_index (january->active, gint64, i), ==, months[i].january);
      sl_cohort_get_retention (january, i, &v);
      assert_fraction (&v, months[i].january, 7846);
    }
  /* Retention of everyone billed in January 1997 into February. */
  {
    SlPeriod feb = month_period ("1997-02");

    compute (metrics, SL_METRIC_RETENTION, &feb, &all, &v);
    assert_fraction (&v, 1157, 7846);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The metrics engine on ../shared/data: the README's reference figures");

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/metrics/real/olist", test_real_olist);
  ADD ("/core/metrics/real/maven", test_real_maven);
  ADD ("/core/metrics/real/facebook", test_real_facebook);
  ADD ("/core/metrics/real/facebook-days", test_real_facebook_days);
  ADD ("/core/metrics/real/cdnow", test_real_cdnow);
#undef ADD

  return g_test_run ();
}
