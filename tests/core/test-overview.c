/* test-overview.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "sl-overview.h"
#include "sl-test-utils.h"

#define DAY(y, m, d) sl_day_from_ymd ((y), (m), (d))

static void G_GNUC_PRINTF (2, 3)
exec (SlDatabase *db,
      const char *format,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  sl_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

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
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_rejected, ==, 0);
}

static void
money (SlMetricValue *value,
       gint64         minor)
{
  sl_metric_value_init_money (value, minor, "USD");
}

static void
assert_undefined (const SlMetricValue *value,
                  SlMetricReason       reason)
{
  g_assert_false (sl_metric_value_is_defined (value));
  g_assert_cmpint (value->reason, ==, reason);
}

/* Directions: what "better" means for a change and a target. */
static void
test_overview_directions (void)
{
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_CAC), ==, SL_METRIC_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_CPL), ==, SL_METRIC_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_CHURN), ==, SL_METRIC_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_MQL_TO_SQL_DAYS), ==, SL_METRIC_DIRECTION_LOWER_IS_BETTER);
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_REVENUE), ==, SL_METRIC_DIRECTION_HIGHER_IS_BETTER);
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_ROI), ==, SL_METRIC_DIRECTION_HIGHER_IS_BETTER);
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_LEAD_TO_CLIENT), ==, SL_METRIC_DIRECTION_HIGHER_IS_BETTER);
  g_assert_cmpint (sl_metric_get_direction (SL_METRIC_SPEND), ==, SL_METRIC_DIRECTION_NEUTRAL);
  /* Every cost per thing is better lower. */
  for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
    if (g_str_has_prefix (sl_metric_to_string (i), "cost-per-"))
      g_assert_cmpint (sl_metric_get_direction (i), ==, SL_METRIC_DIRECTION_LOWER_IS_BETTER);
}

/* CAC from $500 to $1,000 is +100 % and bad; revenue from $40 to $500
 * is +1,150 % and good; from 0 the change is undefined but the verdict
 * still good; from an undefined value nothing is judged; ROI from −50 %
 * to −25 % is +50 % of its size, and good. */
static void
test_overview_change (void)
{
  g_autoptr(SlKpiSummary) cac = sl_kpi_summary_new ("cac", 0);
  g_autoptr(SlKpiSummary) revenue = sl_kpi_summary_new ("revenue", 0);
  g_autoptr(SlKpiSummary) roi = sl_kpi_summary_new ("roi", 0);
  g_autoptr(SlKpiSummary) spend = sl_kpi_summary_new ("spend", 0);
  SlMetricValue a, b;

  money (&a, 100000);
  money (&b, 50000);
  sl_kpi_summary_set_values (cac, &a, &b);
  g_assert_true (sl_metric_value_equals_fraction (&cac->change, 1, 1));
  g_assert_true (sl_metric_value_equals_fraction (&cac->delta, 50000, 1));
  g_assert_cmpint (cac->verdict, ==, SL_KPI_CHANGE_BAD);
  sl_kpi_summary_set_values (cac, &b, &a);
  g_assert_true (sl_metric_value_equals_fraction (&cac->change, -1, 2));
  g_assert_cmpint (cac->verdict, ==, SL_KPI_CHANGE_GOOD);
  sl_kpi_summary_set_values (cac, &a, &a);
  g_assert_cmpint (cac->verdict, ==, SL_KPI_CHANGE_FLAT);
  g_assert_true (sl_metric_value_equals_fraction (&cac->change, 0, 1));

  money (&a, 50000);
  money (&b, 4000);
  sl_kpi_summary_set_values (revenue, &a, &b);
  g_assert_true (sl_metric_value_equals_fraction (&revenue->change, 23, 2));
  g_assert_cmpint (revenue->verdict, ==, SL_KPI_CHANGE_GOOD);
  money (&b, 0);
  sl_kpi_summary_set_values (revenue, &a, &b);
  assert_undefined (&revenue->change, SL_METRIC_REASON_PREVIOUS_ZERO);
  g_assert_true (sl_metric_value_equals_fraction (&revenue->delta, 50000, 1));
  g_assert_cmpint (revenue->verdict, ==, SL_KPI_CHANGE_GOOD);

  sl_metric_value_init_undefined (&b, SL_METRIC_UNIT_MONEY, "USD", SL_METRIC_REASON_NO_CUSTOMERS);
  sl_kpi_summary_set_values (cac, &a, &b);
  assert_undefined (&cac->change, SL_METRIC_REASON_NO_PREVIOUS);
  assert_undefined (&cac->delta, SL_METRIC_REASON_NO_PREVIOUS);
  g_assert_cmpint (cac->verdict, ==, SL_KPI_CHANGE_NONE);
  sl_kpi_summary_set_values (cac, &b, &a);
  assert_undefined (&cac->change, SL_METRIC_REASON_NO_CUSTOMERS);

  sl_metric_value_init_fraction (&a, SL_METRIC_UNIT_PERCENT, -1, 4, NULL, SL_METRIC_REASON_NONE);
  sl_metric_value_init_fraction (&b, SL_METRIC_UNIT_PERCENT, -1, 2, NULL, SL_METRIC_REASON_NONE);
  sl_kpi_summary_set_values (roi, &a, &b);
  g_assert_true (sl_metric_value_equals_fraction (&roi->change, 1, 2));
  g_assert_true (sl_metric_value_equals_fraction (&roi->delta, 1, 4));
  g_assert_cmpint (roi->verdict, ==, SL_KPI_CHANGE_GOOD);

  money (&a, 2);
  money (&b, 1);
  sl_kpi_summary_set_values (spend, &a, &b);
  g_assert_cmpint (spend->verdict, ==, SL_KPI_CHANGE_NONE);
  g_assert_true (sl_metric_value_is_defined (&spend->change));
}

/* Targets in their units: CAC $800 (money), CLV : CAC 3× (30,000
 * basis points), MQL → SQL 7 days. */
static void
test_overview_goal_status (void)
{
  g_autoptr(SlKpiSummary) cac = sl_kpi_summary_new ("cac", 1);
  g_autoptr(SlKpiSummary) ratio = sl_kpi_summary_new ("clv_cac", 1);
  g_autoptr(SlKpiSummary) days = sl_kpi_summary_new ("mql-to-sql-days", 1);
  g_autoptr(SlKpiSummary) other = sl_kpi_summary_new ("nps", 1);
  SlMetricValue v;

  money (&v, 100000);
  sl_kpi_summary_set_values (cac, &v, &v);
  g_assert_true (sl_kpi_summary_set_target (cac, 9, 80000, "money", 0, 10, "USD"));
  g_assert_cmpint (cac->goal_status, ==, SL_KPI_GOAL_BEHIND);
  g_assert_true (sl_metric_value_equals_fraction (&cac->gap, 20000, 1));
  g_assert_cmpint (cac->key_result_id, ==, 9);
  money (&v, 80000);
  sl_kpi_summary_set_values (cac, &v, &v);
  sl_kpi_summary_set_target (cac, 9, 80000, "money", 0, 10, "USD");
  g_assert_cmpint (cac->goal_status, ==, SL_KPI_GOAL_MET);
  /* A ratio target is not money. */
  g_assert_false (sl_kpi_summary_set_target (cac, 9, 80000, "basis-points", 0, 10, "USD"));
  g_assert_cmpint (cac->goal_status, ==, SL_KPI_GOAL_UNKNOWN);

  g_assert_cmpint (ratio->kind, ==, SL_KPI_KIND_METRIC);
  g_assert_cmpint (ratio->metric, ==, SL_METRIC_CLV_CAC);
  sl_metric_value_init_fraction (&v, SL_METRIC_UNIT_MULTIPLE, 5, 2, NULL, SL_METRIC_REASON_NONE);
  sl_kpi_summary_set_values (ratio, &v, &v);
  g_assert_true (sl_kpi_summary_set_target (ratio, 2, 30000, "basis-points", 0, 10, "USD"));
  g_assert_cmpint (ratio->goal_status, ==, SL_KPI_GOAL_BEHIND);
  g_assert_true (sl_metric_value_equals_fraction (&ratio->gap, -1, 2));

  sl_metric_value_init_fraction (&v, SL_METRIC_UNIT_DAYS, 13, 2, NULL, SL_METRIC_REASON_NONE);
  sl_kpi_summary_set_values (days, &v, &v);
  sl_kpi_summary_set_target (days, 3, 7, "days", 0, 10, "USD");
  g_assert_cmpint (days->goal_status, ==, SL_KPI_GOAL_MET);
  sl_metric_value_init_undefined (&v, SL_METRIC_UNIT_DAYS, NULL, SL_METRIC_REASON_NO_DEALS);
  sl_kpi_summary_set_values (days, &v, &v);
  sl_kpi_summary_set_target (days, 3, 7, "days", 0, 10, "USD");
  g_assert_cmpint (days->goal_status, ==, SL_KPI_GOAL_UNKNOWN);
  assert_undefined (&days->gap, SL_METRIC_REASON_NO_DEALS);

  g_assert_cmpint (other->kind, ==, SL_KPI_KIND_UNKNOWN);
  g_assert_cmpstr (sl_kpi_summary_get_label (other), ==, "nps");
  g_assert_false (sl_kpi_summary_set_target (other, 4, 50, "count", 0, 10, "USD"));
}

/* Won deals of @channel on @day, @n of them at @amount each: each is a
 * lead of that day too. */
static void
append_won (GString    *csv,
            const char *channel,
            const char *day,
            guint       n,
            const char *amount)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s-%s-%u,%s,,%s,%s,%s1,%s\n", channel, day, i, day, day, channel, channel, amount);
}

/* May 2025: Search spends $1,000 for 2 customers of $20 each; June:
 * $10,000 for 10 of $5,000 each. Display: nothing in May, $500 for one
 * customer of $100 in June. */
static void
fill_two_months (SlImportFixture *fixture)
{
  g_autoptr(GString) deals = g_string_new ("id,created,mql,won,channel,campaign,amount\n");

  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend\n"
              "2025-05-05,Search,Search1,1000.00\n2025-06-05,Search,Search1,10000.00\n"
              "2025-06-05,Display,Display1,500.00\n");
  append_won (deals, "Search", "2025-05-10", 2, "20.00");
  append_won (deals, "Search", "2025-06-10", 10, "5000.00");
  append_won (deals, "Display", "2025-06-10", 1, "100.00");
  import_csv (fixture, SL_IMPORT_FUNNEL, deals->str);

  /* The CAC goal: under $800 over 2025 (and over half of June, $1,200,
   * overlapping less); revenue has a key result but its KPI no goal. */
  exec (fixture->db,
        "INSERT INTO goal (id, uuid, objective, first_day, last_day, created_at, updated_at) "
        "VALUES (1, 'g1', 'Cheaper customers', %d, %d, 0, 0), (2, 'g2', 'Grow', %d, %d, 0, 0);"
        "INSERT INTO key_result (goal_id, metric, target, unit, first_day, last_day) VALUES "
        "(1, 'cac', 80000, 'money', %d, %d), (1, 'cac', 120000, 'money', %d, %d), "
        "(1, 'cac', 1, 'money', %d, %d), (2, 'revenue', 1, 'money', %d, %d);"
        "INSERT INTO kpi (metric, position, goal_id) VALUES ('cac', 0, 1), ('revenue', 1, NULL), "
        "('cpl', 2, NULL), ('win_rate', 3, NULL), ('new-customers', 4, NULL), ('nps', 5, 1)",
        DAY (2025, 1, 1), DAY (2025, 12, 31), DAY (2025, 1, 1), DAY (2025, 12, 31),
        DAY (2025, 1, 1), DAY (2025, 12, 31), DAY (2025, 6, 1), DAY (2025, 6, 15),
        DAY (2024, 1, 1), DAY (2024, 12, 31), DAY (2025, 1, 1), DAY (2025, 12, 31));
}

static SlOverview *
compute (SlDatabase               *db,
         const SlScope            *scope,
         const SlAttributionModel *model,
         const SlFlagsOptions     *flags)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (db);
  g_autoptr(GError) error = NULL;
  SlOverview *overview;
  SlPeriod june;

  sl_period_init (&june, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, DAY (2025, 6, 1));
  overview = sl_overview_compute (metrics, &june, scope, model, flags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (overview);
  return overview;
}

static const SlKpiSummary *
kpi_at (SlOverview *overview,
        guint       index,
        const char *key)
{
  const SlKpiSummary *kpi = sl_overview_get_kpi (overview, index);

  g_assert_cmpstr (kpi->key, ==, key);
  return kpi;
}

static void
test_overview_workspace (SlImportFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(SlOverview) overview = NULL;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  const SlKpiSummary *kpi;

  fill_two_months (fixture);
  overview = compute (fixture->db, &all, NULL, NULL);
  g_assert_cmpuint (sl_overview_get_n_kpis (overview), ==, 6);
  g_assert_cmpint (sl_overview_get_previous_period (overview)->first, ==, DAY (2025, 5, 1));
  g_assert_null (sl_overview_get_flags (overview));

  /* CAC: $500 in May, $10,500 ÷ 11 in June: up, bad, above the $800
   * of the year's key result. */
  kpi = kpi_at (overview, 0, "cac");
  g_assert_true (sl_metric_value_equals_fraction (&kpi->previous, 50000, 1));
  g_assert_true (sl_metric_value_equals_fraction (&kpi->value, 1050000, 11));
  g_assert_cmpint (kpi->verdict, ==, SL_KPI_CHANGE_BAD);
  g_assert_true (sl_metric_value_equals_fraction (&kpi->change, 10, 11));
  g_assert_cmpint (kpi->goal_status, ==, SL_KPI_GOAL_BEHIND);
  g_assert_true (sl_metric_value_equals_fraction (&kpi->target, 80000, 1));
  g_assert_true (sl_metric_value_equals_fraction (&kpi->gap, 1050000 - 80000 * 11, 11));
  g_assert_cmpint (kpi->target_first, ==, DAY (2025, 1, 1));

  kpi = kpi_at (overview, 1, "revenue");
  g_assert_true (sl_metric_value_equals_fraction (&kpi->value, 5010000, 1));
  g_assert_cmpint (kpi->verdict, ==, SL_KPI_CHANGE_GOOD);
  g_assert_cmpint (kpi->goal_status, ==, SL_KPI_GOAL_NONE);

  /* The sparkline: twelve months to June, CPL undefined where there
   * were no leads. */
  kpi = kpi_at (overview, 2, "cpl");
  g_assert_cmpuint (kpi->trend->len, ==, 12);
  g_assert_cmpuint (sl_overview_get_n_trend_months (overview), ==, 12);
  g_assert_cmpint (sl_overview_get_trend_month (overview, 0)->first, ==, DAY (2024, 7, 1));
  g_assert_cmpint (sl_overview_get_trend_month (overview, 11)->last, ==, DAY (2025, 6, 30));
  for (guint i = 0; i < 10; i++)
    assert_undefined (&g_array_index (kpi->trend, SlMetricValue, i), SL_METRIC_REASON_NO_LEADS);
  g_assert_cmpint (sl_metric_value_compare (&g_array_index (kpi->trend, SlMetricValue, 10), &kpi->previous), ==, 0);
  g_assert_cmpint (sl_metric_value_compare (&g_array_index (kpi->trend, SlMetricValue, 11), &kpi->value), ==, 0);
  g_assert_true (sl_metric_value_equals_fraction (&g_array_index (kpi->trend, SlMetricValue, 10), 50000, 1));

  kpi = kpi_at (overview, 3, "win_rate");
  g_assert_cmpint (kpi->metric, ==, SL_METRIC_WIN_RATE);
  g_assert_cmpint (kpi->verdict, ==, SL_KPI_CHANGE_FLAT);

  kpi = kpi_at (overview, 5, "nps");
  g_assert_cmpint (kpi->kind, ==, SL_KPI_KIND_UNKNOWN);
  assert_undefined (&kpi->value, SL_METRIC_REASON_NOT_COMPUTED);
  g_assert_cmpint (kpi->goal_status, ==, SL_KPI_GOAL_NONE);
}

/* Display had no customer in May and one in June: the change is
 * undefined (from zero), the verdict good. Its flags only. */
static void
test_overview_channel (SlImportFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(SlOverview) overview = NULL;
  gint64 display;
  SlScope scope;
  SlFlagsOptions options;
  GPtrArray *flags;
  const SlKpiSummary *kpi;

  fill_two_months (fixture);
  display = sl_test_query_int64 (fixture->db, "SELECT id FROM channel WHERE name = 'Display'");
  scope = SL_SCOPE_INIT_CHANNEL (display);
  sl_flags_options_init (&options);
  overview = compute (fixture->db, &scope, NULL, &options);

  kpi = kpi_at (overview, 4, "new-customers");
  g_assert_true (sl_metric_value_equals_fraction (&kpi->value, 1, 1));
  g_assert_true (sl_metric_value_equals_fraction (&kpi->previous, 0, 1));
  assert_undefined (&kpi->change, SL_METRIC_REASON_PREVIOUS_ZERO);
  g_assert_cmpint (kpi->verdict, ==, SL_KPI_CHANGE_GOOD);
  kpi = kpi_at (overview, 0, "cac");
  assert_undefined (&kpi->previous, SL_METRIC_REASON_NO_CUSTOMERS);
  assert_undefined (&kpi->change, SL_METRIC_REASON_NO_PREVIOUS);
  g_assert_cmpint (kpi->goal_status, ==, SL_KPI_GOAL_MET);

  flags = sl_overview_get_flags (overview);
  g_assert_nonnull (flags);
  for (guint i = 0; i < flags->len; i++)
    g_assert_cmpint (((SlFlag *)g_ptr_array_index (flags, i))->channel_id, ==, display);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/overview/directions", test_overview_directions);
  g_test_add_func ("/core/overview/change", test_overview_change);
  g_test_add_func ("/core/overview/goal-status", test_overview_goal_status);
#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/overview/workspace", test_overview_workspace);
  ADD ("/core/overview/channel", test_overview_channel);
#undef ADD

  return g_test_run ();
}
