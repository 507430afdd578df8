/* test-funnel.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-funnel.h"
#include "sl-leak.h"
#include "sl-test-utils.h"

static const char funnel_header[] = "id,created,mql,sql,opportunity,won,lost,channel,campaign,amount\n";

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
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM channel WHERE name = '%s'", name);

  return sl_test_query_int64 (db, sql);
}

static SlPeriod
month_period (int year,
              int month)
{
  SlPeriod period;

  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (year, month, 1));
  return period;
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
  } G_STMT_END

/* Ten June leads of Search; six become MQLs, four SQLs, three
 * opportunities; two are won at $3,000 and one lost. Two May deals are
 * still open opportunities on June 30 (one is won in July). */
static void
fill_june (SlImportFixture *fixture)
{
  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend,impressions,clicks\n2025-06-02,Search,S1,1000.00,10000,500\n");
  import_csv (fixture, SL_IMPORT_FUNNEL,
              "id,created,mql,sql,opportunity,won,lost,channel,campaign,amount\n"
              "L1,2025-06-01,2025-06-02,2025-06-05,2025-06-06,2025-06-16,,Search,S1,3000.00\n"
              "L2,2025-06-01,2025-06-03,2025-06-05,2025-06-08,2025-06-18,,Search,S1,3000.00\n"
              "L3,2025-06-01,2025-06-04,2025-06-10,2025-06-12,,2025-06-20,Search,S1,\n"
              "L4,2025-06-01,2025-06-05,2025-06-06,,,,Search,S1,\n"
              "L5,2025-06-01,2025-06-06,,,,,Search,S1,\n"
              "L6,2025-06-01,2025-06-11,,,,,Search,S1,\n"
              "L7,2025-06-01,,,,,,Search,S1,\n"
              "L8,2025-06-01,,,,,,Search,S1,\n"
              "L9,2025-06-01,,,,,,Search,S1,\n"
              "L10,2025-06-01,,,,,,Search,S1,\n"
              "L11,2025-05-10,2025-05-12,2025-05-15,2025-05-20,,,Search,S1,\n"
              "L12,2025-05-10,,,2025-05-25,2025-07-03,,Search,S1,5000.00\n"
              "E1,2025-06-03,,,,,,Events,Fair,\n");
}

static void
test_funnel_by_hand (SlImportFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(SlFunnel) funnel = NULL;
  g_autoptr(SlFunnel) copy = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod june = month_period (2025, 6);
  SlScope search;
  static const gint64 volumes[] = { 10000, 500, 10, 6, 4, 3, 2 };
  const SlFunnelStep *s;

  fill_june (fixture);
  search = SL_SCOPE_INIT_CHANNEL (channel_id (fixture->db, "Search"));
  funnel = sl_funnel_compute (metrics, &june, &search, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (funnel->n_steps, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpint (funnel->steps[i].stage, ==, SL_FUNNEL_IMPRESSION + i);
      g_assert_cmpint (funnel->steps[i].volume, ==, volumes[i]);
    }
  g_assert_cmpint (funnel->spend_minor, ==, 100000);
  g_assert_cmpint (funnel->revenue_minor, ==, 600000);

  /* Conversion to the next stage. */
  assert_fraction (&funnel->steps[0].conversion, 1, 20);
  assert_fraction (&funnel->steps[1].conversion, 1, 50);
  assert_fraction (&funnel->steps[2].conversion, 3, 5);
  assert_fraction (&funnel->steps[3].conversion, 2, 3);
  assert_fraction (&funnel->steps[4].conversion, 3, 4);
  assert_fraction (&funnel->steps[5].conversion, 2, 3);
  assert_undefined (&funnel->steps[6].conversion, SL_METRIC_REASON_NOT_COMPUTED);

  /* Cost and value of one item of each stage: $1,000 and $6,000 over
   * the volumes. */
  assert_fraction (&funnel->steps[0].cost, 10, 1);
  assert_fraction (&funnel->steps[0].value, 60, 1);
  assert_fraction (&funnel->steps[2].cost, 10000, 1);
  assert_fraction (&funnel->steps[2].value, 60000, 1);
  assert_fraction (&funnel->steps[3].cost, 50000, 3);
  assert_fraction (&funnel->steps[3].value, 100000, 1);
  assert_fraction (&funnel->steps[5].cost, 100000, 3);
  assert_fraction (&funnel->steps[5].value, 200000, 1);
  assert_fraction (&funnel->steps[6].cost, 50000, 1);
  assert_fraction (&funnel->steps[6].value, 300000, 1);
  g_assert_cmpstr (funnel->steps[6].cost.currency, ==, "USD");

  /* Velocity: lead → MQL 1, 2, 3, 4, 5, 10 days; MQL → SQL 3, 2, 6, 1;
   * SQL → opportunity 1, 3, 2; opportunity → won 10, 10. */
  assert_undefined (&funnel->steps[2].days, SL_METRIC_REASON_NOT_COMPUTED);
  assert_fraction (&sl_funnel_get_step (funnel, SL_FUNNEL_MQL)->days, 7, 2);
  assert_fraction (&sl_funnel_get_step (funnel, SL_FUNNEL_SQL)->days, 5, 2);
  assert_fraction (&sl_funnel_get_step (funnel, SL_FUNNEL_OPPORTUNITY)->days, 2, 1);
  assert_fraction (&sl_funnel_get_step (funnel, SL_FUNNEL_WON)->days, 10, 1);
  assert_fraction (&funnel->lead_to_won_days, 16, 1);

  /* Pipeline velocity: 2 open × 2/3 × $3,000 ÷ 10 days = $400 a day. */
  g_assert_cmpint (funnel->open_opportunities, ==, 2);
  assert_fraction (&funnel->win_rate, 2, 3);
  assert_fraction (&funnel->average_deal_size, 300000, 1);
  assert_fraction (&funnel->sales_cycle_days, 10, 1);
  assert_fraction (&funnel->pipeline_velocity, 40000, 1);
  g_assert_cmpint (funnel->pipeline_velocity.unit, ==, SL_METRIC_UNIT_MONEY);

  copy = sl_funnel_copy (funnel);
  assert_fraction (&copy->pipeline_velocity, 40000, 1);

  /* Events has no ad data: the funnel starts at leads, and nothing
   * after the lead is defined but conversions of 0 %. */
  g_clear_pointer (&funnel, sl_funnel_free);
  search = SL_SCOPE_INIT_CHANNEL (channel_id (fixture->db, "Events"));
  funnel = sl_funnel_compute (metrics, &june, &search, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funnel->n_steps, ==, 5);
  g_assert_null (sl_funnel_get_step (funnel, SL_FUNNEL_CLICK));
  s = sl_funnel_get_step (funnel, SL_FUNNEL_LEAD);
  g_assert_cmpint (s->volume, ==, 1);
  assert_fraction (&s->cost, 0, 1);
  assert_fraction (&s->conversion, 0, 1);
  s = sl_funnel_get_step (funnel, SL_FUNNEL_MQL);
  assert_undefined (&s->conversion, SL_METRIC_REASON_NO_MQLS);
  assert_undefined (&s->cost, SL_METRIC_REASON_NO_MQLS);
  assert_undefined (&s->value, SL_METRIC_REASON_NO_MQLS);
  assert_undefined (&s->days, SL_METRIC_REASON_NO_DEALS);
  g_assert_cmpint (funnel->open_opportunities, ==, 0);
  assert_undefined (&funnel->win_rate, SL_METRIC_REASON_NO_CLOSED_DEALS);
  assert_undefined (&funnel->pipeline_velocity, SL_METRIC_REASON_NO_CLOSED_DEALS);

  /* The workspace in July: L12 won after a 39-day cycle, nothing open. */
  g_clear_pointer (&funnel, sl_funnel_free);
  june = month_period (2025, 7);
  search = SL_SCOPE_INIT_WORKSPACE;
  funnel = sl_funnel_compute (metrics, &june, &search, &error);
  g_assert_no_error (error);
  g_assert_cmpint (funnel->open_opportunities, ==, 1);  /* L11 */
  assert_fraction (&funnel->sales_cycle_days, 39, 1);
  /* 1 open × 1/1 × $5,000 ÷ 39 days */
  assert_fraction (&funnel->pipeline_velocity, 500000, 39);
}

static void
test_pipeline_velocity_undefined (void)
{
  SlMetricValue v;

  /* 3 open × 1/4 × $1,000 ÷ 7.5 days = $100 a day */
  sl_funnel_pipeline_velocity (3, 1, 3, 100000, 2, 15, "USD", &v);
  assert_fraction (&v, 10000, 1);
  sl_funnel_pipeline_velocity (0, 1, 3, 100000, 2, 15, "USD", &v);
  assert_fraction (&v, 0, 1);
  sl_funnel_pipeline_velocity (3, 0, 0, 0, 0, 0, "USD", &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_CLOSED_DEALS);
  sl_funnel_pipeline_velocity (3, 0, 4, 0, 2, 15, "USD", &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_CUSTOMERS);
  sl_funnel_pipeline_velocity (3, 1, 3, 100000, 0, 0, "USD", &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_DEALS);
  /* Every deal won the day it became an opportunity: a cycle of 0 days. */
  sl_funnel_pipeline_velocity (3, 1, 3, 100000, 2, 0, "USD", &v);
  assert_undefined (&v, SL_METRIC_REASON_NO_DEALS);
  g_assert_cmpstr (v.currency, ==, "USD");
}

static void
set_leads (SlMetricsTotals *t,
           gint64           leads,
           gint64           mqls)
{
  SlScope scope = SL_SCOPE_INIT_WORKSPACE;

  sl_metrics_totals_init (t, &scope, "USD");
  t->parts = SL_METRICS_PART_FUNNEL;
  t->leads = leads;
  t->mqls = mqls;
}

static void
test_leak_check_margin (void)
{
  SlMetricsTotals now, baseline;
  SlLeak leak;

  /* Baseline 150 of 300 leads: 50 %. */
  set_leads (&baseline, 300, 150);

  /* 45 % is exactly 5 points below: not a leak at a 5-point margin. */
  set_leads (&now, 100, 45);
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 500, &leak));
  g_assert_true (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 499, &leak));
  g_assert_cmpint (leak.from, ==, SL_FUNNEL_LEAD);
  assert_fraction (&leak.rate, 9, 20);
  assert_fraction (&leak.baseline, 1, 2);
  g_assert_cmpint (leak.drop_bp, ==, 500);

  /* 44.99 % is just past it. */
  set_leads (&now, 10000, 4499);
  g_assert_true (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 500, &leak));
  g_assert_cmpint (leak.drop_bp, ==, 501);
  set_leads (&now, 10000, 4501);
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 500, &leak));

  /* An equal rate is never a leak, not even with no margin; a rise
   * neither. */
  set_leads (&now, 2, 1);
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 0, &leak));
  set_leads (&now, 2, 2);
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 0, &leak));

  /* Undefined rates: no leads now, or none in the baseline. */
  set_leads (&now, 0, 0);
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 0, &leak));
  set_leads (&now, 100, 0);
  set_leads (&baseline, 0, 0);
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 0, &leak));
  /* A baseline of 0 % cannot drop. */
  set_leads (&baseline, 100, 0);
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_LEAD, 0, &leak));
  /* Stages without counts (MQL → SQL with no MQLs). */
  g_assert_false (sl_leak_check (&now, &baseline, SL_FUNNEL_MQL, 0, &leak));
}

static void
append_month (GString    *csv,
              const char *channel,
              int         month,
              guint       leads,
              guint       mqls)
{
  for (guint i = 0; i < leads; i++)
    {
      char mql[16] = "";

      if (i < mqls)
        g_snprintf (mql, sizeof mql, "2025-%02d-%02u", month, 2 + i);
      g_string_append_printf (csv, "%s-%d-%u,2025-%02d-%02u,%s,,,,,%s,%s1,\n", channel, month, i, month, 1 + i,
                              mql, channel, channel);
    }
}

static void
test_leak_find (SlImportFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GString) csv = g_string_new (funnel_header);
  g_autoptr(GArray) leaks = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod june = month_period (2025, 6);
  gint64 search, social;
  const SlLeak *leak;

  /* Search: 50 % lead → MQL in March, April and May, 40 % in June.
   * Social: 100 %, 50 %, 50 % on 2, 18 and 10 leads, then 50 %: the
   * pooled baseline is 16 ÷ 30 = 53.3 %, 3.3 points above June; the
   * mean of the three rates would be 66.7 %. */
  append_month (csv, "Search", 3, 10, 5);
  append_month (csv, "Search", 4, 10, 5);
  append_month (csv, "Search", 5, 10, 5);
  append_month (csv, "Search", 6, 10, 4);
  append_month (csv, "Social", 3, 2, 2);
  append_month (csv, "Social", 4, 18, 9);
  append_month (csv, "Social", 5, 10, 5);
  append_month (csv, "Social", 6, 10, 5);
  /* February is outside the three-period baseline. */
  append_month (csv, "Social", 2, 20, 0);
  import_csv (fixture, SL_IMPORT_FUNNEL, csv->str);
  search = channel_id (fixture->db, "Search");
  social = channel_id (fixture->db, "Social");

  leaks = sl_leak_find (metrics, &june, SL_LEAK_DEFAULT_MARGIN_BP, &error);
  g_assert_no_error (error);
  /* The workspace: 9 of 20 against 31 of 60, 6.7 points down; Search 10
   * points down; Social not. */
  g_assert_cmpuint (leaks->len, ==, 2);
  leak = &g_array_index (leaks, SlLeak, 0);
  g_assert_cmpint (leak->channel_id, ==, 0);
  g_assert_cmpint (leak->from, ==, SL_FUNNEL_LEAD);
  assert_fraction (&leak->rate, 9, 20);
  assert_fraction (&leak->baseline, 31, 60);
  g_assert_true (sl_period_equal (&leak->period, &june));
  leak = &g_array_index (leaks, SlLeak, 1);
  g_assert_cmpint (leak->channel_id, ==, search);
  assert_fraction (&leak->rate, 2, 5);
  assert_fraction (&leak->baseline, 1, 2);
  g_assert_cmpint (leak->drop_bp, ==, 1000);
  g_clear_pointer (&leaks, g_array_unref);

  /* Exactly at a 10-point margin Search does not leak; just under, it does. */
  leaks = sl_leak_find (metrics, &june, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaks->len, ==, 0);
  g_clear_pointer (&leaks, g_array_unref);
  leaks = sl_leak_find (metrics, &june, 999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaks->len, ==, 1);
  g_assert_cmpint (g_array_index (leaks, SlLeak, 0).channel_id, ==, search);
  g_clear_pointer (&leaks, g_array_unref);

  /* A 3-point margin catches Social's 3.3-point drop. */
  leaks = sl_leak_find (metrics, &june, 300, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (leaks->len, ==, 3);
  g_assert_cmpint (g_array_index (leaks, SlLeak, 2).channel_id, ==, social);
  assert_fraction (&g_array_index (leaks, SlLeak, 2).baseline, 16, 30);
  g_clear_pointer (&leaks, g_array_unref);

  /* May against February–April: Search is at its baseline (Search has
   * no February), Social and the workspace above theirs. */
  june = month_period (2025, 5);
  leaks = sl_leak_find (metrics, &june, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < leaks->len; i++)
    g_assert_cmpint (g_array_index (leaks, SlLeak, i).channel_id, !=, search);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The funnel: volume, conversion, velocity, value against cost, pipeline velocity, leakage");

  g_test_add_func ("/core/funnel/pipeline-velocity-undefined", test_pipeline_velocity_undefined);
  g_test_add_func ("/core/funnel/leak-check-margin", test_leak_check_margin);
#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/funnel/by-hand", test_funnel_by_hand);
  ADD ("/core/funnel/leak-find", test_leak_find);
#undef ADD

  return g_test_run ();
}
