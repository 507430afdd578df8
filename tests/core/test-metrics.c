/* test-metrics.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-metrics.h"
#include "sl-test-utils.h"

#define Q(db, sql) sl_test_query_int64 ((db), (sql))

static const char funnel_header[] = "id,created,mql,sql,opportunity,won,lost,channel,campaign,amount,gross profit\n";

static void
import_csv (SlImportFixture *fixture,
            SlImportKind     kind,
            const char      *contents)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("f%u.csv", ++counter);
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, name, contents, -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, kind);
  options.allow_duplicate = TRUE;
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_rejected, ==, 0);
}

static gint64
channel_id (SlDatabase *db,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, "SELECT id FROM channel WHERE name = ?1", &error);
  gboolean has_row;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  g_assert_true (sl_database_step_row (db, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static SlPeriod
month_period (int year,
              int month)
{
  SlPeriod period;

  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (year, month, 1));
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

#define assert_fraction(value, n, d) G_STMT_START { \
    const SlMetricValue *v_ = (value); \
    if (!sl_metric_value_equals_fraction (v_, (n), (d))) \
      g_error ("%s:%d: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (reason %d), expected %s", __FILE__, __LINE__, \
               v_->num, v_->den, v_->reason, #n "/" #d); \
  } G_STMT_END

#define assert_undefined(value, why) G_STMT_START { \
    const SlMetricValue *v_ = (value); \
    g_assert_false (sl_metric_value_is_defined (v_)); \
    g_assert_cmpint (v_->reason, ==, (why)); \
    g_assert_cmpint (v_->den, ==, 0); \
  } G_STMT_END

/* SlMetricValue */

static void
test_value_basics (void)
{
  SlMetricValue v, w;
  SlMoney money;
  double x = 42.0;
  g_autofree char *dash = NULL;
  g_autofree char *text = NULL;

  sl_metric_value_init_fraction (&v, SL_METRIC_UNIT_MONEY, 1000000, 500, "USD", SL_METRIC_REASON_NO_LEADS);
  g_assert_cmpint (v.num, ==, 2000);
  g_assert_cmpint (v.den, ==, 1);
  g_assert_cmpstr (v.currency, ==, "USD");
  text = sl_metric_value_format (&v, "en_US");
  g_assert_cmpstr (text, ==, "$20.00");

  /* A zero denominator is undefined, never 0, inf or NaN. */
  sl_metric_value_init_fraction (&v, SL_METRIC_UNIT_PERCENT, 5, 0, NULL, SL_METRIC_REASON_NO_LEADS);
  assert_undefined (&v, SL_METRIC_REASON_NO_LEADS);
  g_assert_false (sl_metric_value_to_double (&v, &x));
  g_assert_cmpfloat (x, ==, 42.0);
  g_assert_false (sl_metric_value_to_money (&v, &money));
  dash = sl_metric_value_format (&v, NULL);
  g_assert_cmpstr (dash, ==, "—");
  g_assert_cmpstr (sl_metric_reason_get_label (v.reason), ==, "no leads");

  /* Negative denominators flip; fractions reduce; money rounds half to even. */
  sl_metric_value_init_fraction (&v, SL_METRIC_UNIT_MONEY, 5, -2, "USD", SL_METRIC_REASON_NO_LEADS);
  g_assert_cmpint (v.num, ==, -5);
  g_assert_cmpint (v.den, ==, 2);
  g_assert_true (sl_metric_value_to_money (&v, &money));
  g_assert_cmpint (money.minor, ==, -2);
  sl_metric_value_init_fraction (&w, SL_METRIC_UNIT_MONEY, 7, 2, "USD", SL_METRIC_REASON_NO_LEADS);
  g_assert_true (sl_metric_value_to_money (&w, &money));
  g_assert_cmpint (money.minor, ==, 4);
  g_assert_cmpint (sl_metric_value_compare (&v, &w), ==, -1);
  g_assert_cmpint (sl_metric_value_compare (&w, &v), ==, 1);
  g_assert_cmpint (sl_metric_value_compare (&w, &w), ==, 0);
  sl_metric_value_init_undefined (&v, SL_METRIC_UNIT_MONEY, "USD", SL_METRIC_REASON_NO_SPEND);
  g_assert_cmpint (sl_metric_value_compare (&v, &w), ==, 1);

  /* Extreme terms stay exact where they can. */
  sl_metric_value_init_fraction (&v, SL_METRIC_UNIT_PERCENT, G_MAXINT64, G_MAXINT64, NULL, SL_METRIC_REASON_NO_SPEND);
  assert_fraction (&v, 1, 1);
}

static void
test_metric_names (void)
{
  for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
    {
      SlMetric back;

      g_assert_true (sl_metric_from_string (sl_metric_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (sl_metric_get_label (i));
      g_assert_nonnull (sl_metric_get_description (i));
      g_assert_cmpint (sl_metric_get_parts (i), !=, 0);
    }
  g_assert_false (sl_metric_from_string ("ltv", NULL));
}

/* Worked example 1: cheap leads are not cheap customers. */
static void
test_example_cheap_leads (SlImportFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GString) deals = g_string_new (funnel_header);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GArray) table = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod june = month_period (2025, 6);
  SlScope a, b;
  SlMetricValue cpl_a, cpl_b, cac_a, cac_b, l2c_a, l2c_b;
  const SlMetricsTotals *first = NULL;

  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend\n2025-06-02,A,A1,6000.00\n2025-06-20,A,A1,4000.00\n"
              "2025-06-03,B,B1,10000.00\n");
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (deals, "A%u,2025-06-%02u,,,,%s,,A,A1,%s,\n", i, 1 + i % 30,
                            i == 7 ? "2025-06-28" : "", i == 7 ? "500.00" : "");
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (deals, "B%u,2025-06-%02u,,,,%s,,B,B1,%s,\n", i, 1 + i % 30,
                            i < 10 ? "2025-06-29" : "", i < 10 ? "500.00" : "");
  import_csv (fixture, SL_IMPORT_FUNNEL, deals->str);

  a = SL_SCOPE_INIT_CHANNEL (channel_id (fixture->db, "A"));
  b = SL_SCOPE_INIT_CHANNEL (channel_id (fixture->db, "B"));
  compute (metrics, SL_METRIC_CPL, &june, &a, &cpl_a);
  compute (metrics, SL_METRIC_CPL, &june, &b, &cpl_b);
  compute (metrics, SL_METRIC_CAC, &june, &a, &cac_a);
  compute (metrics, SL_METRIC_CAC, &june, &b, &cac_b);
  compute (metrics, SL_METRIC_LEAD_TO_CLIENT, &june, &a, &l2c_a);
  compute (metrics, SL_METRIC_LEAD_TO_CLIENT, &june, &b, &l2c_b);
  /* CPL: A $20, B $100. CAC: A $10,000, B $1,000. Lead-to-client 0.2 %, 10 %. */
  assert_fraction (&cpl_a, 2000, 1);
  assert_fraction (&cpl_b, 10000, 1);
  assert_fraction (&cac_a, 1000000, 1);
  assert_fraction (&cac_b, 100000, 1);
  assert_fraction (&l2c_a, 2, 1000);
  assert_fraction (&l2c_b, 10, 100);
  /* Cheaper leads, dearer customers. */
  g_assert_cmpint (sl_metric_value_compare (&cpl_a, &cpl_b), <, 0);
  g_assert_cmpint (sl_metric_value_compare (&cac_b, &cac_a), <, 0);

  /* Any ranking by business result puts B first: the channel table
   * sorted by CAC, and by ROI. */
  table = sl_metrics_channel_table (metrics, &june, SL_METRICS_PART_FUNNEL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->len, ==, 2);
  for (guint i = 0; i < table->len; i++)
    {
      const SlMetricsTotals *t = &g_array_index (table, SlMetricsTotals, i);
      SlMetricValue cac, best;

      if (first == NULL)
        {
          first = t;
          continue;
        }
      sl_metrics_totals_get (t, SL_METRIC_CAC, &cac);
      sl_metrics_totals_get (first, SL_METRIC_CAC, &best);
      if (sl_metric_value_compare (&cac, &best) < 0)
        first = t;
    }
  g_assert_cmpint (first->scope.id, ==, b.id);
  {
    SlMetricValue roi_a, roi_b;

    sl_metrics_totals_get (&g_array_index (table, SlMetricsTotals, 0), SL_METRIC_ROI, &roi_a);
    sl_metrics_totals_get (&g_array_index (table, SlMetricsTotals, 1), SL_METRIC_ROI, &roi_b);
    g_assert_cmpint (g_array_index (table, SlMetricsTotals, 0).scope.id, ==, a.id);
    /* A: (500 − 10,000) ÷ 10,000; B: (5,000 − 10,000) ÷ 10,000, on revenue. */
    assert_fraction (&roi_a, -9500, 10000);
    assert_fraction (&roi_b, -5000, 10000);
    g_assert_cmpint (roi_b.basis, ==, SL_METRIC_BASIS_REVENUE);
    g_assert_cmpint (sl_metric_value_compare (&roi_b, &roi_a), >, 0);
  }
}

/* Worked example 2: net revenue minus CAC. */
static void
test_example_net_of_cac (SlImportFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  SlPeriod june = month_period (2025, 6), july = month_period (2025, 7);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlMetricValue v;

  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend\n2025-06-02,Search,Brand,100.00\n2025-07-02,Search,Brand,100.00\n");
  import_csv (fixture, SL_IMPORT_FUNNEL,
              "id,created,won,channel,campaign,amount,gross profit\n"
              "D1,2025-06-01,2025-06-20,Search,Brand,800.00,300.00\n"
              "D2,2025-07-01,2025-07-20,Search,Brand,800.00,100.00\n");

  compute (metrics, SL_METRIC_CAC, &june, &all, &v);
  assert_fraction (&v, 10000, 1);
  /* $300 gross profit − $100 CAC = $200: healthy. */
  compute (metrics, SL_METRIC_NET_REVENUE_MINUS_CAC, &june, &all, &v);
  assert_fraction (&v, 20000, 1);
  g_assert_cmpint (v.basis, ==, SL_METRIC_BASIS_GROSS_PROFIT);
  compute (metrics, SL_METRIC_PROFIT_MARGIN, &june, &all, &v);
  assert_fraction (&v, 300, 800);
  /* $100 gross profit: the campaign "succeeded" and made no money. */
  compute (metrics, SL_METRIC_NET_REVENUE_MINUS_CAC, &july, &all, &v);
  assert_fraction (&v, 0, 1);
  compute (metrics, SL_METRIC_REVENUE, &july, &all, &v);
  assert_fraction (&v, 80000, 1);
}

/* Worked example 3: the value of a lead. */
static void
test_example_lead_value (SlImportFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GString) deals = g_string_new (funnel_header);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  SlPeriod june = month_period (2025, 6);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlMetricValue v;

  import_csv (fixture, SL_IMPORT_SPEND, "date,channel,campaign,spend\n2025-06-02,Search,Brand,200.00\n");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (deals, "L%u,2025-06-03,,,,%s,,Search,Brand,%s,\n", i,
                            i == 0 ? "2025-06-25" : "", i == 0 ? "500.00" : "");
  import_csv (fixture, SL_IMPORT_FUNNEL, deals->str);

  compute (metrics, SL_METRIC_LEAD_TO_CLIENT, &june, &all, &v);
  assert_fraction (&v, 1, 10);
  compute (metrics, SL_METRIC_AVERAGE_DEAL_SIZE, &june, &all, &v);
  assert_fraction (&v, 50000, 1);
  compute (metrics, SL_METRIC_REVENUE_PER_LEAD, &june, &all, &v);
  assert_fraction (&v, 5000, 1);
  compute (metrics, SL_METRIC_CPL, &june, &all, &v);
  assert_fraction (&v, 2000, 1);
  /* (50 − 20) ÷ 20 = 150 %, on revenue: the margin is unknown. */
  compute (metrics, SL_METRIC_ROI, &june, &all, &v);
  assert_fraction (&v, 150, 100);
  g_assert_cmpint (v.basis, ==, SL_METRIC_BASIS_REVENUE);
  g_assert_cmpstr (sl_metric_basis_get_label (v.basis), ==, "on revenue");
  compute (metrics, SL_METRIC_PROFIT_MARGIN, &june, &all, &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_GROSS_PROFIT);
  compute (metrics, SL_METRIC_GROSS_PROFIT, &june, &all, &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_GROSS_PROFIT);
}

/* Worked example 4: seasonality, ROI per month and channel. */
static void
test_example_seasonality (SlImportFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(SlMetricsMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod year;
  SlMetricValue v;
  guint ads = G_MAXUINT;

  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend\n"
              "2025-01-10,Ads,Programme,1000.00\n2025-07-10,Ads,Programme,1000.00\n"
              "2025-07-11,Other,X,50.00\n");
  import_csv (fixture, SL_IMPORT_FUNNEL,
              "id,created,won,channel,campaign,amount,gross profit\n"
              "W1,2025-01-02,2025-01-20,Ads,Programme,1000.00,500.00\n"
              "S1,2025-07-01,2025-07-20,Ads,Programme,6000.00,4000.00\n");

  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, 2025);
  matrix = sl_metrics_get_matrix (metrics, &year, SL_PERIOD_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_metrics_matrix_get_n_periods (matrix), ==, 12);
  g_assert_cmpuint (sl_metrics_matrix_get_n_channels (matrix), ==, 2);
  for (guint c = 0; c < 2; c++)
    if (sl_metrics_matrix_get_channel_id (matrix, c) == channel_id (fixture->db, "Ads"))
      ads = c;
  g_assert_cmpuint (ads, <, 2);

  /* Summer +300 %, winter −50 %, the same programme. */
  sl_metrics_matrix_get_value (matrix, SL_METRIC_ROI, ads, 6, &v);
  assert_fraction (&v, 3, 1);
  g_assert_cmpint (v.basis, ==, SL_METRIC_BASIS_GROSS_PROFIT);
  sl_metrics_matrix_get_value (matrix, SL_METRIC_ROI, ads, 0, &v);
  assert_fraction (&v, -1, 2);
  /* A month without spend has no ROI. */
  sl_metrics_matrix_get_value (matrix, SL_METRIC_ROI, ads, 3, &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_SPEND);
  /* Over the year the seasons hide each other: (4,500 − 2,000) ÷ 2,000. */
  {
    SlScope scope = SL_SCOPE_INIT_CHANNEL (sl_metrics_matrix_get_channel_id (matrix, ads));

    compute (metrics, SL_METRIC_ROI, &year, &scope, &v);
    assert_fraction (&v, 125, 100);
  }
  {
    g_autofree char *july = sl_period_to_string (sl_metrics_matrix_get_period (matrix, 6));

    g_assert_cmpstr (july, ==, "2025-07");
  }
}

/* Worked example 5: the reserve. */
static void
test_example_reserve (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney total, reserve, channels, sum;

  sl_money_init (&total, 40000000, "USD");
  g_assert_true (sl_metrics_split_reserve (&total, 800, &reserve, &channels, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reserve.minor, ==, 3200000);
  g_assert_cmpint (channels.minor, ==, 36800000);
  g_assert_true (sl_money_add (&reserve, &channels, &sum, NULL));
  g_assert_true (sl_money_equal (&sum, &total));
  /* An odd cent: half to even, and still exact. */
  sl_money_init (&total, 12345, "USD");
  g_assert_true (sl_metrics_split_reserve (&total, 500, &reserve, &channels, &error));
  g_assert_cmpint (reserve.minor, ==, 617);
  g_assert_cmpint (channels.minor, ==, 11728);
}

/* Worked example 6: CAC above CLV loses money on every customer. */
static void
test_example_cac_above_clv (SlImportFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(GString) mrr = g_string_new ("customer,month,mrr,gross profit,channel\n");
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  SlPeriod feb = month_period (2025, 2);
  SlScope scope;
  SlMetricValue clv, cac, ratio;

  import_csv (fixture, SL_IMPORT_SPEND, "date,channel,campaign,spend\n2025-02-03,Display,Banner,1000.00\n");
  import_csv (fixture, SL_IMPORT_FUNNEL,
              "id,created,won,channel,campaign,amount\nD1,2025-02-01,2025-02-10,Display,Banner,1200.00\n");
  /* Ten customers at $100 a month, 50 % margin; one leaves in February. */
  for (guint i = 0; i < 10; i++)
    {
      g_string_append_printf (mrr, "C%u,2025-01,100.00,50.00,Display\n", i);
      if (i > 0)
        g_string_append_printf (mrr, "C%u,2025-02,100.00,50.00,Display\n", i);
    }
  import_csv (fixture, SL_IMPORT_REVENUE, mrr->str);

  scope = SL_SCOPE_INIT_CHANNEL (channel_id (fixture->db, "Display"));
  compute (metrics, SL_METRIC_CAC, &feb, &scope, &cac);
  compute (metrics, SL_METRIC_CLV, &feb, &scope, &clv);
  compute (metrics, SL_METRIC_CLV_CAC, &feb, &scope, &ratio);
  /* CLV = $100 × 50 % ÷ 10 % = $500 < CAC $1,000: CLV : CAC 0.5. */
  assert_fraction (&clv, 50000, 1);
  g_assert_cmpint (clv.basis, ==, SL_METRIC_BASIS_FORMULA);
  assert_fraction (&cac, 100000, 1);
  assert_fraction (&ratio, 1, 2);
  g_assert_cmpint (ratio.unit, ==, SL_METRIC_UNIT_MULTIPLE);
  g_assert_cmpint (sl_metric_value_compare (&cac, &clv), >, 0);
}

/* Customers: ARPA, MRR/ARR, expansion, retention and churn. */
static void
test_customers (SlImportFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GError) error = NULL;
  SlPeriod feb = month_period (2025, 2), q1, jan = month_period (2025, 1);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlMetricsTotals t;
  SlMetricValue v;

  import_csv (fixture, SL_IMPORT_REVENUE,
              "customer,month,mrr,channel\n"
              "A,2025-01,100.00,Search\nA,2025-02,150.00,Search\n"
              "B,2025-01,100.00,Social\nB,2025-02,80.00,Social\n"
              "C,2025-01,50.00,Search\n"
              "D,2025-02,70.00,Search\n");
  g_assert_true (sl_metrics_get_totals (metrics, &feb, &all, SL_METRICS_PART_CUSTOMERS, &t, &error));
  g_assert_no_error (error);
  sl_metrics_totals_get (&t, SL_METRIC_BILLED_REVENUE, &v);
  assert_fraction (&v, 30000, 1);
  /* +50 from A, −20 from B; D is new, C left. */
  sl_metrics_totals_get (&t, SL_METRIC_EXPANSION_REVENUE, &v);
  assert_fraction (&v, 3000, 1);
  sl_metrics_totals_get (&t, SL_METRIC_ARPA, &v);
  assert_fraction (&v, 10000, 1);
  sl_metrics_totals_get (&t, SL_METRIC_MRR, &v);
  assert_fraction (&v, 30000, 1);
  sl_metrics_totals_get (&t, SL_METRIC_ARR, &v);
  assert_fraction (&v, 360000, 1);
  sl_metrics_totals_get (&t, SL_METRIC_RETENTION, &v);
  assert_fraction (&v, 2, 3);
  sl_metrics_totals_get (&t, SL_METRIC_CHURN, &v);
  assert_fraction (&v, 1, 3);
  sl_metrics_totals_get (&t, SL_METRIC_MONTHLY_CHURN, &v);
  assert_fraction (&v, 1, 3);
  /* No gross profit was given: CLV cannot be known. */
  sl_metrics_totals_get (&t, SL_METRIC_CLV, &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_GROSS_PROFIT);

  /* January: nobody to retain yet. */
  compute (metrics, SL_METRIC_RETENTION, &jan, &all, &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_CUSTOMERS_AT_START);

  /* The quarter: retention from December (nobody) is undefined; monthly
   * churn pools February (1 of 3) and March (all 3 of A, B, D). */
  sl_period_init (&q1, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 2, 1));
  g_assert_true (sl_metrics_get_totals (metrics, &q1, &all, SL_METRICS_PART_CUSTOMERS, &t, &error));
  g_assert_cmpint (t.billing_months, ==, 3);
  sl_metrics_totals_get (&t, SL_METRIC_RETENTION, &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_CUSTOMERS_AT_START);
  sl_metrics_totals_get (&t, SL_METRIC_MONTHLY_CHURN, &v);
  assert_fraction (&v, 4, 6);
  sl_metrics_totals_get (&t, SL_METRIC_MRR, &v);
  assert_fraction (&v, 0, 1);
  sl_metrics_totals_get (&t, SL_METRIC_ARPA, &v);
  assert_fraction (&v, 55000, 6);

  /* By acquisition channel: Search brought A, C, D. */
  {
    SlScope search = SL_SCOPE_INIT_CHANNEL (channel_id (fixture->db, "Search"));
    g_autoptr(GPtrArray) cohorts = NULL;
    SlCohort *cohort;

    compute (metrics, SL_METRIC_RETENTION, &feb, &search, &v);
    assert_fraction (&v, 1, 2);
    cohorts = sl_metrics_get_cohorts (metrics, &q1, &search, sl_day_from_ymd (2025, 3, 31), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cohorts->len, ==, 3);
    cohort = g_ptr_array_index (cohorts, 0);
    g_assert_cmpint (cohort->size, ==, 2);
    g_assert_cmpuint (cohort->active->len, ==, 3);
    g_assert_cmpint (g_array_index (cohort->active, gint64, 0), ==, 2);
    g_assert_cmpint (g_array_index (cohort->active, gint64, 1), ==, 1);
    g_assert_cmpint (g_array_index (cohort->active, gint64, 2), ==, 0);
    sl_cohort_get_retention (cohort, 1, &v);
    assert_fraction (&v, 1, 2);
    cohort = g_ptr_array_index (cohorts, 2);
    g_assert_cmpint (cohort->size, ==, 0);
    sl_cohort_get_retention (cohort, 0, &v);
    assert_undefined (&v, SL_METRIC_REASON_NO_CUSTOMERS);
  }
}

static void
test_headcount_and_lifecycle (SlImportFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GError) error = NULL;
  SlPeriod q1, feb = month_period (2025, 2);
  SlScope all = SL_SCOPE_INIT_WORKSPACE, social;
  SlMetricValue v;

  import_csv (fixture, SL_IMPORT_FUNNEL,
              "id,created,mql,sql,won,channel,campaign,amount\n"
              "D1,2025-01-02,2025-02-01,2025-02-04,2025-03-01,Search,,3000.00\n"
              "D2,2025-01-02,2025-02-01,2025-02-06,,Search,,\n"
              "D3,2025-01-02,2025-02-01,2025-02-11,,Social,,\n"
              "D4,2025-01-02,2025-02-01,2025-02-03,,Search,,\n"
              "D5,2025-01-02,2025-01-01,2025-03-03,,Search,,\n"
              "D6,2025-01-02,,2025-02-05,,Search,,\n");
  sl_period_init (&q1, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 1, 1));

  compute (metrics, SL_METRIC_REVENUE_PER_EMPLOYEE, &q1, &all, &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_HEADCOUNT);
  g_assert_true (sl_database_exec (fixture->db,
                                   "INSERT INTO headcount (month_day, role, count) VALUES "
                                   "(20089, 'employees', 10), (20120, 'employees', 10), (20148, 'employees', 10), "
                                   "(20089, 'sales-reps', 2), (20120, 'sales-reps', 4)", &error));
  g_assert_no_error (error);
  /* $3,000 ÷ 10 employees; ÷ 3 reps on average. */
  compute (metrics, SL_METRIC_REVENUE_PER_EMPLOYEE, &q1, &all, &v);
  assert_fraction (&v, 30000, 1);
  compute (metrics, SL_METRIC_REVENUE_PER_REP, &q1, &all, &v);
  assert_fraction (&v, 100000, 1);

  /* MQL → SQL in February: 3, 5, 10, 2 days (D5 reached SQL in March,
   * D6 has no MQL day): median 4. */
  compute (metrics, SL_METRIC_MQL_TO_SQL_DAYS, &feb, &all, &v);
  assert_fraction (&v, 4, 1);
  g_assert_cmpint (v.unit, ==, SL_METRIC_UNIT_DAYS);
  social = SL_SCOPE_INIT_CHANNEL (channel_id (fixture->db, "Social"));
  compute (metrics, SL_METRIC_MQL_TO_SQL_DAYS, &feb, &social, &v);
  assert_fraction (&v, 10, 1);
  compute (metrics, SL_METRIC_MQL_TO_SQL_DAYS, &q1, &all, &v);
  assert_fraction (&v, 5, 1);
  compute (metrics, SL_METRIC_MQL_TO_SQL_DAYS, &q1, &social, &v);
  assert_fraction (&v, 10, 1);
  g_assert_true (sl_metrics_stage_days (metrics, &q1, &all, SL_FUNNEL_LEAD, SL_FUNNEL_WON, &v, &error));
  assert_fraction (&v, 58, 1);
  g_assert_true (sl_metrics_stage_days (metrics, &feb, &all, SL_FUNNEL_LEAD, SL_FUNNEL_WON, &v, &error));
  assert_undefined (&v, SL_METRIC_REASON_NO_DEALS);
}

/* An empty workspace: every count and amount is 0, every ratio undefined
 * with its reason. */
static void
test_empty_workspace (SlImportFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  SlPeriod june = month_period (2025, 6);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;

  for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
    {
      SlMetricValue v;
      SlMetricUnit unit = sl_metric_get_unit (i);

      compute (metrics, i, &june, &all, &v);
      g_assert_cmpint (v.unit, ==, unit);
      if (unit == SL_METRIC_UNIT_COUNT || (unit == SL_METRIC_UNIT_MONEY && v.den == 1))
        assert_fraction (&v, 0, 1);
      else
        g_assert_false (sl_metric_value_is_defined (&v));
      if (!sl_metric_value_is_defined (&v))
        g_assert_nonnull (sl_metric_reason_get_label (v.reason));
    }
}

/* Undefined exactly when a denominator is zero, on random sums. */
static gint64
denominator_of (const SlMetricsTotals *t,
                SlMetric               metric)
{
  switch (metric)
    {
    case SL_METRIC_AVERAGE_DEAL_SIZE: case SL_METRIC_CAC: case SL_METRIC_NET_REVENUE_MINUS_CAC:
      return t->won;
    case SL_METRIC_REVENUE_PER_LEAD: case SL_METRIC_CPL: case SL_METRIC_LEAD_TO_MQL:
    case SL_METRIC_LEAD_TO_CLIENT: return t->leads;
    case SL_METRIC_CTR: return t->impressions;
    case SL_METRIC_CLICK_TO_LEAD: return t->clicks;
    case SL_METRIC_MQL_TO_SQL: case SL_METRIC_COST_PER_MQL: return t->mqls;
    case SL_METRIC_SQL_TO_OPPORTUNITY: case SL_METRIC_COST_PER_SQL: return t->sqls;
    case SL_METRIC_OPPORTUNITY_TO_WON: case SL_METRIC_COST_PER_OPPORTUNITY: return t->opportunities;
    case SL_METRIC_WIN_RATE: return t->won + t->lost;
    case SL_METRIC_COST_PER_ACQUISITION: return t->conversions;
    case SL_METRIC_ROI: return t->spend_minor;
    case SL_METRIC_PROFIT_MARGIN:
      return (t->won > 0 && t->won_unknown_gp == t->won) ? 0 : t->won_minor - t->won_unknown_gp_minor;
    case SL_METRIC_GROSS_PROFIT: return (t->won > 0 && t->won_unknown_gp == t->won) ? 0 : 1;
    case SL_METRIC_ARPA: return t->account_months;
    case SL_METRIC_RETENTION: case SL_METRIC_CHURN: return t->start_customers;
    case SL_METRIC_MONTHLY_CHURN: return t->at_risk;
    case SL_METRIC_CLV:
      return t->account_months != 0 && t->known_gp_billed_minor != 0 && t->at_risk != 0 && t->churned != 0;
    case SL_METRIC_CLV_CAC:
      /* CLV ÷ (spend ÷ won) */
      return denominator_of (t, SL_METRIC_CLV) != 0 && t->won != 0 && t->spend_minor != 0;
    case SL_METRIC_CLV_OBSERVED: return t->observed_customers * (t->observed_known_rows > 0);
    case SL_METRIC_REVENUE_PER_EMPLOYEE: return t->employees_sum;
    case SL_METRIC_REVENUE_PER_REP: return t->reps_sum;
    case SL_METRIC_MQL_TO_SQL_DAYS: return t->lifecycle_deals;
    default: return 1;   /* sums and counts */
    }
}

static gint64
small (GRand *rand)
{
  /* Zero a third of the time. */
  return g_rand_int_range (rand, 0, 3) == 0 ? 0 : g_rand_int_range (rand, 1, 1000);
}

static void
test_undefined_exactly_when_zero (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;

  for (guint round = 0; round < 3000; round++)
    {
      SlMetricsTotals t;

      sl_metrics_totals_init (&t, &all, "EUR");
      t.parts = SL_METRICS_PART_ALL;
      t.spend_minor = small (rand) * 100;
      t.impressions = small (rand) * 50;
      t.clicks = small (rand);
      t.conversions = small (rand);
      t.leads = small (rand);
      t.mqls = small (rand);
      t.sqls = small (rand);
      t.opportunities = small (rand);
      t.won = small (rand);
      t.lost = small (rand);
      t.won_minor = t.won * small (rand) * 100;
      t.won_unknown_gp = g_rand_int_range (rand, 0, (gint32)t.won + 1);
      t.won_unknown_gp_minor = t.won > 0 ? t.won_minor * t.won_unknown_gp / t.won : 0;
      t.won_gross_profit_minor = (t.won_minor - t.won_unknown_gp_minor) / 3;
      t.account_months = small (rand);
      t.billed_minor = t.account_months * small (rand) * 100;
      t.known_gp_billed_minor = g_rand_boolean (rand) ? t.billed_minor : 0;
      t.billed_gross_profit_minor = t.known_gp_billed_minor / 2;
      t.at_risk = small (rand);
      t.churned = MIN (small (rand), t.at_risk);
      t.start_customers = small (rand);
      t.kept_customers = MIN (small (rand), t.start_customers);
      t.employee_months = small (rand);
      t.employees_sum = t.employee_months * small (rand);
      t.rep_months = small (rand);
      t.reps_sum = t.rep_months * small (rand);
      t.lifecycle_deals = small (rand);
      t.lifecycle_median_x2 = t.lifecycle_deals > 0 ? small (rand) : 0;
      t.observed_customers = small (rand);
      t.observed_known_rows = small (rand);

      for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
        {
          SlMetricValue v;
          double x;
          gboolean zero = denominator_of (&t, i) == 0;

          sl_metrics_totals_get (&t, i, &v);
          if (zero == sl_metric_value_is_defined (&v))
            g_error ("%s: defined %d with a denominator %s zero", sl_metric_to_string (i),
                     sl_metric_value_is_defined (&v), zero ? "of" : "not");
          if (sl_metric_value_to_double (&v, &x))
            g_assert_true (isfinite (x));
          else
            g_assert_cmpint (v.reason, !=, SL_METRIC_REASON_NONE);
          if (v.unit == SL_METRIC_UNIT_MONEY)
            g_assert_cmpstr (v.currency, ==, "EUR");
        }
    }
}

/* Random workspaces */

static const char * const random_channels[] = { "Search", "Social", "Events" };

static char *
random_date (GRand *rand)
{
  return g_strdup_printf ("2025-%02d-%02d", g_rand_int_range (rand, 1, 7), g_rand_int_range (rand, 1, 29));
}

/* Spend and deals on three channels of two campaigns each, January to
 * June 2025, through the importers; @only limits them to one channel. */
static void
import_random (SlImportFixture *fixture,
               GRand           *rand,
               const char      *only,
               guint            n_spend,
               guint            n_deals)
{
  g_autoptr(GString) spend = g_string_new ("date,channel,campaign,spend,impressions,clicks,conversions\n");
  g_autoptr(GString) deals = g_string_new (funnel_header);
  g_autoptr(GString) mrr = g_string_new ("customer,month,mrr,gross profit,channel\n");
  static guint batch;

  batch++;
  for (guint i = 0; i < n_spend; i++)
    {
      g_autofree char *day = random_date (rand);

      g_string_append_printf (spend, "%s,%s,c%d,%d.%02d,%d,%d,%d\n", day,
                              only != NULL ? only : random_channels[g_rand_int_range (rand, 0, 3)],
                              g_rand_int_range (rand, 1, 3), g_rand_int_range (rand, 0, 500),
                              g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 5000),
                              g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 5));
    }
  for (guint i = 0; i < n_deals; i++)
    {
      char *days[6];
      gboolean won = g_rand_boolean (rand);
      gboolean gp = g_rand_int_range (rand, 0, 4) > 0;

      for (guint k = 0; k < 6; k++)
        days[k] = g_rand_int_range (rand, 0, 4) == 0 ? g_strdup ("") : random_date (rand);
      g_string_append_printf (deals, "R%u-%u,%s,%s,%s,%s,%s,%s,%s,c%d,%d.00,%s\n", batch, i,
                              days[0], days[1], days[2], days[3], won ? days[4] : "", won ? "" : days[5],
                              only != NULL ? only : random_channels[g_rand_int_range (rand, 0, 3)],
                              g_rand_int_range (rand, 1, 3), g_rand_int_range (rand, 0, 5000),
                              gp ? "100.00" : "");
      for (guint k = 0; k < 6; k++)
        g_free (days[k]);
    }
  for (guint i = 0; i < n_deals / 4; i++)
    for (int m = g_rand_int_range (rand, 1, 4); m <= 6; m++)
      if (g_rand_int_range (rand, 0, 5) > 0)
        g_string_append_printf (mrr, "K%u-%u,2025-%02d,%d.00,%d.00,%s\n", batch, i, m,
                                g_rand_int_range (rand, 10, 500), g_rand_int_range (rand, 0, 10),
                                only != NULL ? only : random_channels[i % 3]);

  import_csv (fixture, SL_IMPORT_SPEND, spend->str);
  import_csv (fixture, SL_IMPORT_FUNNEL, deals->str);
  import_csv (fixture, SL_IMPORT_REVENUE, mrr->str);
}

/* The funnel sums of @period and @scope straight from spend and deal
 * rows, with no rollup. */
static void
raw_funnel_totals (SlDatabase     *db,
                   const SlPeriod *period,
                   const SlScope  *scope,
                   SlMetricsTotals *t)
{
  g_autofree char *where = NULL;
  g_autofree char *spend_sql = NULL;
  g_autofree char *deal_sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int a = period->first, b = period->last;

  sl_metrics_totals_init (t, scope, "USD");
  t->parts = SL_METRICS_PART_FUNNEL;
  where = scope->kind == SL_SCOPE_WORKSPACE ? g_strdup ("1")
          : g_strdup_printf ("%s = %" G_GINT64_FORMAT, scope->kind == SL_SCOPE_CHANNEL ? "c.channel_id" : "c.id",
                             scope->id);
  spend_sql = g_strdup_printf ("SELECT ifnull (sum (s.amount_ws_minor), 0), ifnull (sum (s.impressions), 0), "
                               "ifnull (sum (s.clicks), 0), ifnull (sum (s.conversions), 0) FROM spend s "
                               "JOIN campaign c ON c.id = s.campaign_id WHERE s.day BETWEEN %d AND %d AND %s",
                               a, b, where);
  g_assert_cmpint (sqlite3_prepare_v2 (sl_database_get_handle (db), spend_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  t->spend_minor = sqlite3_column_int64 (stmt, 0);
  t->impressions = sqlite3_column_int64 (stmt, 1);
  t->clicks = sqlite3_column_int64 (stmt, 2);
  t->conversions = sqlite3_column_int64 (stmt, 3);
  sqlite3_finalize (stmt);

#define IN(col) "ifnull (sum (d." col " BETWEEN %1$d AND %2$d), 0)"
  deal_sql = g_strdup_printf ("SELECT " IN ("lead_day") ", " IN ("mql_day") ", " IN ("sql_day") ", "
                              IN ("opportunity_day") ", " IN ("won_day") ", " IN ("lost_day") ", "
                              "ifnull (sum (CASE WHEN d.won_day BETWEEN %1$d AND %2$d THEN ifnull (d.amount_minor, 0) END), 0), "
                              "ifnull (sum (CASE WHEN d.won_day BETWEEN %1$d AND %2$d THEN d.gross_profit_minor END), 0), "
                              "ifnull (sum (d.won_day BETWEEN %1$d AND %2$d AND d.gross_profit_minor IS NULL), 0), "
                              "ifnull (sum (CASE WHEN d.won_day BETWEEN %1$d AND %2$d AND d.gross_profit_minor IS NULL "
                              "  THEN ifnull (d.amount_minor, 0) END), 0) "
                              "FROM deal d JOIN campaign c ON c.id = d.campaign_id WHERE %3$s", a, b, where);
#undef IN
  g_assert_cmpint (sqlite3_prepare_v2 (sl_database_get_handle (db), deal_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  t->leads = sqlite3_column_int64 (stmt, 0);
  t->mqls = sqlite3_column_int64 (stmt, 1);
  t->sqls = sqlite3_column_int64 (stmt, 2);
  t->opportunities = sqlite3_column_int64 (stmt, 3);
  t->won = sqlite3_column_int64 (stmt, 4);
  t->lost = sqlite3_column_int64 (stmt, 5);
  t->won_minor = sqlite3_column_int64 (stmt, 6);
  t->won_gross_profit_minor = sqlite3_column_int64 (stmt, 7);
  t->won_unknown_gp = sqlite3_column_int64 (stmt, 8);
  t->won_unknown_gp_minor = sqlite3_column_int64 (stmt, 9);
  sqlite3_finalize (stmt);
}

static void
assert_same_metrics (const SlMetricsTotals *a,
                     const SlMetricsTotals *b,
                     SlMetricsParts         parts)
{
  for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
    {
      SlMetricValue x, y;

      if ((sl_metric_get_parts (i) & parts) != sl_metric_get_parts (i))
        continue;
      sl_metrics_totals_get (a, i, &x);
      sl_metrics_totals_get (b, i, &y);
      if (x.reason != y.reason || x.basis != y.basis || sl_metric_value_compare (&x, &y) != 0)
        g_error ("%s: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (%d) ≠ %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (%d)",
                 sl_metric_to_string (i), x.num, x.den, x.reason, y.num, y.den, y.reason);
    }
}

static void
assert_same_funnel (const SlMetricsTotals *a,
                    const SlMetricsTotals *b)
{
  g_assert_cmpint (a->spend_minor, ==, b->spend_minor);
  g_assert_cmpint (a->impressions, ==, b->impressions);
  g_assert_cmpint (a->clicks, ==, b->clicks);
  g_assert_cmpint (a->conversions, ==, b->conversions);
  g_assert_cmpint (a->leads, ==, b->leads);
  g_assert_cmpint (a->mqls, ==, b->mqls);
  g_assert_cmpint (a->sqls, ==, b->sqls);
  g_assert_cmpint (a->opportunities, ==, b->opportunities);
  g_assert_cmpint (a->won, ==, b->won);
  g_assert_cmpint (a->lost, ==, b->lost);
  g_assert_cmpint (a->won_minor, ==, b->won_minor);
  g_assert_cmpint (a->won_gross_profit_minor, ==, b->won_gross_profit_minor);
  g_assert_cmpint (a->won_unknown_gp, ==, b->won_unknown_gp);
  g_assert_cmpint (a->won_unknown_gp_minor, ==, b->won_unknown_gp_minor);
  assert_same_metrics (a, b, SL_METRICS_PART_FUNNEL);
}

static GArray *
all_scopes (SlDatabase *db)
{
  GArray *scopes = g_array_new (FALSE, FALSE, sizeof (SlScope));
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  sqlite3_stmt *stmt = NULL;

  g_array_append_val (scopes, all);
  sqlite3_prepare_v2 (sl_database_get_handle (db), "SELECT 1, id FROM channel UNION ALL SELECT 2, id FROM campaign",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SlScope scope = { sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (scopes, scope);
    }
  sqlite3_finalize (stmt);
  return scopes;
}

/* The rollup-based figures equal a computation from the raw rows, for
 * random periods and every scope. */
static void
test_random_rollups_equal_raw (SlImportFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260105);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GArray) scopes = NULL;
  SlDay jan1 = sl_day_from_ymd (2025, 1, 1);

  import_random (fixture, rand, NULL, 400, 300);
  import_random (fixture, rand, NULL, 100, 100);
  sl_test_assert_rollups_consistent (fixture->db);
  scopes = all_scopes (fixture->db);
  /* Three channels, their two campaigns and the revenue import’s
   * “(no campaign)” of each. */
  g_assert_cmpuint (scopes->len, ==, 1 + 3 + 9);

  for (guint round = 0; round < 40; round++)
    {
      SlDay first = jan1 + g_rand_int_range (rand, -5, 180);
      SlDay last = first + g_rand_int_range (rand, 0, round % 4 == 0 ? 200 : 40);
      SlPeriod period;

      g_assert_true (sl_period_init_custom (&period, SL_CALENDAR_GREGORIAN, first, last, NULL));
      for (guint i = 0; i < scopes->len; i++)
        {
          const SlScope *scope = &g_array_index (scopes, SlScope, i);
          g_autoptr(GError) error = NULL;
          SlMetricsTotals engine, raw;

          g_assert_true (sl_metrics_get_totals (metrics, &period, scope, SL_METRICS_PART_FUNNEL, &engine, &error));
          g_assert_no_error (error);
          raw_funnel_totals (fixture->db, &period, scope, &raw);
          assert_same_funnel (&engine, &raw);
        }
    }

  /* A Solar Hijri month is its days: Farvardin 1404 = 21 Mar – 20 Apr 2025. */
  {
    SlPeriod farvardin, days;
    SlMetricsTotals a, b;
    SlScope all = SL_SCOPE_INIT_WORKSPACE;

    sl_period_init (&farvardin, SL_PERIOD_MONTH, SL_CALENDAR_SOLAR_HIJRI, 1, sl_day_from_ymd (2025, 4, 1));
    g_assert_cmpint (farvardin.first, ==, sl_day_from_ymd (2025, 3, 21));
    g_assert_true (sl_period_init_custom (&days, SL_CALENDAR_GREGORIAN, farvardin.first, farvardin.last, NULL));
    g_assert_true (sl_metrics_get_totals (metrics, &farvardin, &all, SL_METRICS_PART_FUNNEL, &a, NULL));
    raw_funnel_totals (fixture->db, &days, &all, &b);
    assert_same_funnel (&a, &b);
  }
}

/* The channel table and the matrix, in one pass, equal the figures of
 * each channel asked one by one. */
static void
test_random_tables_equal_scopes (SlImportFixture *fixture,
                                 gconstpointer    data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GArray) table = NULL;
  g_autoptr(SlMetricsMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  const SlMetricsParts parts = SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS | SL_METRICS_PART_LIFECYCLE;
  SlPeriod q2, half;
  SlMetricsTotals sum;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;

  import_random (fixture, rand, NULL, 300, 300);
  sl_period_init (&q2, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 5, 1));
  table = sl_metrics_channel_table (metrics, &q2, parts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->len, ==, 3);
  sl_metrics_totals_init (&sum, &all, "USD");
  sum.parts = SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS;
  for (guint i = 0; i < table->len; i++)
    {
      const SlMetricsTotals *row = &g_array_index (table, SlMetricsTotals, i);
      SlMetricsTotals one;

      g_assert_true (sl_metrics_get_totals (metrics, &q2, &row->scope, parts, &one, &error));
      g_assert_no_error (error);
      assert_same_funnel (row, &one);
      assert_same_metrics (row, &one, parts);
      g_assert_cmpint (row->lifecycle_deals, ==, one.lifecycle_deals);
      sl_metrics_totals_add (&sum, row);
    }
  /* Every customer here has a channel: the rows add up to the whole. */
  {
    SlMetricsTotals whole;

    g_assert_true (sl_metrics_get_totals (metrics, &q2, &all, SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS,
                                          &whole, &error));
    sum.billing_months = whole.billing_months;
    sum.mrr_minor = whole.mrr_minor;
    assert_same_metrics (&sum, &whole, SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS);
  }

  g_assert_true (sl_period_init_custom (&half, SL_CALENDAR_GREGORIAN, sl_day_from_ymd (2025, 1, 1),
                                        sl_day_from_ymd (2025, 6, 30), NULL));
  matrix = sl_metrics_get_matrix (metrics, &half, SL_PERIOD_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_metrics_matrix_get_n_periods (matrix), ==, 6);
  for (guint c = 0; c < sl_metrics_matrix_get_n_channels (matrix); c++)
    for (guint p = 0; p < 6; p++)
      {
        SlScope scope = SL_SCOPE_INIT_CHANNEL (sl_metrics_matrix_get_channel_id (matrix, c));
        SlMetricsTotals one;

        g_assert_true (sl_metrics_get_totals (metrics, sl_metrics_matrix_get_period (matrix, p), &scope,
                                              SL_METRICS_PART_FUNNEL, &one, &error));
        assert_same_funnel (sl_metrics_matrix_get_totals (matrix, c, p), &one);
      }
}

/* No metric of channel A changes when channel B's data changes. */
static void
test_random_channel_isolation (SlImportFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(SlMetricsMatrix) matrix_before = NULL;
  g_autoptr(SlMetricsMatrix) matrix_after = NULL;
  g_autoptr(GError) error = NULL;
  const SlMetricsParts parts = SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS | SL_METRICS_PART_LIFECYCLE;
  SlPeriod half;
  gint64 events;
  guint changed = 0;

  import_random (fixture, rand, NULL, 300, 300);
  events = channel_id (fixture->db, "Events");
  g_assert_true (sl_period_init_custom (&half, SL_CALENDAR_GREGORIAN, sl_day_from_ymd (2025, 1, 1),
                                        sl_day_from_ymd (2025, 6, 30), NULL));
  before = sl_metrics_channel_table (metrics, &half, parts, &error);
  matrix_before = sl_metrics_get_matrix (metrics, &half, SL_PERIOD_MONTH, &error);
  g_assert_no_error (error);

  import_random (fixture, rand, "Events", 100, 100);

  after = sl_metrics_channel_table (metrics, &half, parts, &error);
  matrix_after = sl_metrics_get_matrix (metrics, &half, SL_PERIOD_MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      const SlMetricsTotals *a = &g_array_index (before, SlMetricsTotals, i);
      const SlMetricsTotals *b = &g_array_index (after, SlMetricsTotals, i);

      g_assert_cmpint (a->scope.id, ==, b->scope.id);
      if (a->scope.id == events)
        {
          g_assert_true (memcmp (&a->spend_minor, &b->spend_minor,
                                 sizeof *a - G_STRUCT_OFFSET (SlMetricsTotals, spend_minor)) != 0);
          changed++;
          continue;
        }
      assert_same_metrics (a, b, parts);
      assert_same_funnel (a, b);
      g_assert_true (memcmp (&a->spend_minor, &b->spend_minor,
                             sizeof *a - G_STRUCT_OFFSET (SlMetricsTotals, spend_minor)) == 0);
      for (guint p = 0; p < 6; p++)
        assert_same_funnel (sl_metrics_matrix_get_totals (matrix_before, i, p),
                            sl_metrics_matrix_get_totals (matrix_after, i, p));
    }
  g_assert_cmpuint (changed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The metrics engine: DOMAIN.md's worked examples, every formula, undefined values");

  g_test_add_func ("/core/metrics/value-basics", test_value_basics);
  g_test_add_func ("/core/metrics/names", test_metric_names);
  g_test_add_func ("/core/metrics/undefined-exactly-when-zero", test_undefined_exactly_when_zero);
  g_test_add_func ("/core/metrics/example/reserve", test_example_reserve);
#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/metrics/example/cheap-leads", test_example_cheap_leads);
  ADD ("/core/metrics/example/net-of-cac", test_example_net_of_cac);
  ADD ("/core/metrics/example/lead-value", test_example_lead_value);
  ADD ("/core/metrics/example/seasonality", test_example_seasonality);
  ADD ("/core/metrics/example/cac-above-clv", test_example_cac_above_clv);
  ADD ("/core/metrics/customers", test_customers);
  ADD ("/core/metrics/headcount-and-lifecycle", test_headcount_and_lifecycle);
  ADD ("/core/metrics/empty-workspace", test_empty_workspace);
  ADD ("/core/metrics/random/rollups-equal-raw", test_random_rollups_equal_raw);
  ADD ("/core/metrics/random/tables-equal-scopes", test_random_tables_equal_scopes);
  ADD ("/core/metrics/random/channel-isolation", test_random_channel_isolation);
#undef ADD

  return g_test_run ();
}
