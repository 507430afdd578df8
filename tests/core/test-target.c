/* test-target.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-demo.h"
#include "sl-target.h"
#include "sl-test-utils.h"

#define assert_count(value, n) G_STMT_START { \
    const SlMetricValue *v_ = (value); \
    if (!sl_metric_value_equals_fraction (v_, (n), 1)) \
      g_error ("%s:%d: %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " (reason %d), expected %s", __FILE__, __LINE__, \
               v_->num, v_->den, v_->reason, #n); \
  } G_STMT_END

#define assert_undefined(value, why) G_STMT_START { \
    const SlMetricValue *v_ = (value); \
    g_assert_false (sl_metric_value_is_defined (v_)); \
    g_assert_cmpint (v_->reason, ==, (why)); \
  } G_STMT_END

static void
init_totals (SlMetricsTotals *t,
             gint64           channel,
             gint64           leads,
             gint64           mqls,
             gint64           sqls,
             gint64           opportunities,
             gint64           won,
             gint64           revenue,
             gint64           spend)
{
  SlScope scope = channel != 0 ? SL_SCOPE_INIT_CHANNEL (channel) : SL_SCOPE_INIT_WORKSPACE;

  sl_metrics_totals_init (t, &scope, "USD");
  t->parts = SL_METRICS_PART_FUNNEL;
  t->leads = leads;
  t->mqls = mqls;
  t->sqls = sqls;
  t->opportunities = opportunities;
  t->won = won;
  t->won_minor = revenue;
  t->spend_minor = spend;
}

/* 1,000 leads, 200 MQLs, 47 SQLs, 20 opportunities, 5 won for $50,000:
 * Search brought 600 leads for $30,000, Social 399 for $10,000, Events
 * one for nothing. */
static GArray *
make_table (void)
{
  GArray *table = g_array_new (FALSE, TRUE, sizeof (SlMetricsTotals));

  g_array_set_size (table, 3);
  init_totals (&g_array_index (table, SlMetricsTotals, 0), 1, 600, 0, 0, 0, 0, 0, 3000000);
  init_totals (&g_array_index (table, SlMetricsTotals, 1), 2, 399, 0, 0, 0, 0, 0, 1000000);
  init_totals (&g_array_index (table, SlMetricsTotals, 2), 3, 1, 0, 0, 0, 0, 0, 0);
  return table;
}

static void
test_target_by_hand (void)
{
  g_autoptr(SlTarget) target = NULL;
  g_autoptr(GArray) table = make_table ();
  g_autoptr(GError) error = NULL;
  SlMetricsTotals t;
  SlMoney goal;
  const SlTargetChannel *c;

  init_totals (&t, 0, 1000, 200, 47, 20, 5, 5000000, 4000000);
  sl_money_init (&goal, 12345678, "USD");
  target = sl_target_work_back (&goal, &t, table, &error);
  g_assert_no_error (error);

  /* $123,456.78 ÷ $10,000 = 12.3 → 13 customers; ÷ 5/20 → 52
   * opportunities; ÷ 20/47 = 122.2 → 123 SQLs; ÷ 47/200 = 523.4 → 524
   * MQLs; ÷ 200/1,000 → 2,620 leads. */
  g_assert_true (sl_metric_value_equals_fraction (&target->average_deal_size, 1000000, 1));
  assert_count (&sl_target_get_step (target, SL_FUNNEL_WON)->needed, 13);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_OPPORTUNITY)->needed, 52);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_SQL)->needed, 123);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_MQL)->needed, 524);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, 2620);
  g_assert_true (sl_metric_value_equals_fraction (&sl_target_get_step (target, SL_FUNNEL_OPPORTUNITY)->rate, 1, 4));
  g_assert_true (sl_metric_value_equals_fraction (&sl_target_get_step (target, SL_FUNNEL_SQL)->rate, 20, 47));
  g_assert_true (sl_metric_value_equals_fraction (&sl_target_get_step (target, SL_FUNNEL_LEAD)->rate, 1, 5));
  assert_undefined (&sl_target_get_step (target, SL_FUNNEL_WON)->rate, SL_METRIC_REASON_NOT_COMPUTED);

  /* 2,620 leads over 600 : 399 : 1 is 1,572 + 1,045.38 + 2.62: the unit
   * left goes to the larger remainder, Events. Search at $50 a lead:
   * $78,600; Social at $10,000 ÷ 399: ⌈1,045 × 1,000,000 ÷ 399⌉ =
   * 2,619,048 cents; Events free. */
  g_assert_cmpuint (target->channels->len, ==, 3);
  c = &g_array_index (target->channels, SlTargetChannel, 0);
  g_assert_cmpint (c->channel_id, ==, 1);
  g_assert_cmpint (c->leads, ==, 1572);
  g_assert_true (sl_metric_value_equals_fraction (&c->cpl, 5000, 1));
  g_assert_true (sl_metric_value_equals_fraction (&c->spend, 7860000, 1));
  c = &g_array_index (target->channels, SlTargetChannel, 1);
  g_assert_cmpint (c->leads, ==, 1045);
  g_assert_true (sl_metric_value_equals_fraction (&c->spend, 2619048, 1));
  c = &g_array_index (target->channels, SlTargetChannel, 2);
  g_assert_cmpint (c->leads, ==, 3);
  g_assert_true (sl_metric_value_equals_fraction (&c->spend, 0, 1));
  g_assert_true (sl_metric_value_equals_fraction (&target->spend, 10479048, 1));
  g_assert_cmpstr (target->spend.currency, ==, "USD");

  /* An exact multiple is not rounded up: $100,000 is 10 customers. */
  g_clear_pointer (&target, sl_target_free);
  sl_money_init (&goal, 10000000, "USD");
  target = sl_target_work_back (&goal, &t, NULL, &error);
  g_assert_no_error (error);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_WON)->needed, 10);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_OPPORTUNITY)->needed, 40);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_SQL)->needed, 94);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_MQL)->needed, 400);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, 2000);
  /* Without a channel table: no channel to spend in. */
  g_assert_cmpuint (target->channels->len, ==, 0);
  assert_undefined (&target->spend, SL_METRIC_REASON_NO_LEADS);

  /* A target of nothing needs nothing. */
  g_clear_pointer (&target, sl_target_free);
  sl_money_init (&goal, 0, "USD");
  target = sl_target_work_back (&goal, &t, table, &error);
  g_assert_no_error (error);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, 0);
  g_assert_true (sl_metric_value_equals_fraction (&target->spend, 0, 1));
}

static void
test_target_undefined (void)
{
  g_autoptr(GArray) table = make_table ();
  g_autoptr(GError) error = NULL;
  SlMetricsTotals t;
  SlMoney goal;

  sl_money_init (&goal, 12345678, "USD");

  /* No deal won: no average deal size, so nothing can be worked back. */
  {
    g_autoptr(SlTarget) target = NULL;

    init_totals (&t, 0, 1000, 200, 47, 20, 0, 0, 4000000);
    target = sl_target_work_back (&goal, &t, table, &error);
    g_assert_no_error (error);
    assert_undefined (&target->average_deal_size, SL_METRIC_REASON_NO_CUSTOMERS);
    for (SlFunnelStage s = SL_FUNNEL_LEAD; s <= SL_FUNNEL_WON; s++)
      assert_undefined (&sl_target_get_step (target, s)->needed, SL_METRIC_REASON_NO_CUSTOMERS);
    assert_undefined (&target->spend, SL_METRIC_REASON_NO_CUSTOMERS);
    assert_undefined (&g_array_index (target->channels, SlTargetChannel, 0).spend,
                      SL_METRIC_REASON_NO_CUSTOMERS);
  }

  /* Won deals worth nothing. */
  {
    g_autoptr(SlTarget) target = NULL;

    init_totals (&t, 0, 1000, 200, 47, 20, 5, 0, 4000000);
    target = sl_target_work_back (&goal, &t, table, &error);
    g_assert_no_error (error);
    assert_undefined (&sl_target_get_step (target, SL_FUNNEL_WON)->needed, SL_METRIC_REASON_NO_REVENUE);
    assert_undefined (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, SL_METRIC_REASON_NO_REVENUE);
  }

  /* No opportunities recorded: the step is skipped, SQLs work back
   * from customers at 5 won of 47 SQLs: ⌈13 × 47 ÷ 5⌉ = 123. */
  {
    g_autoptr(SlTarget) target = NULL;

    init_totals (&t, 0, 1000, 200, 47, 0, 5, 5000000, 4000000);
    target = sl_target_work_back (&goal, &t, table, &error);
    g_assert_no_error (error);
    assert_undefined (&sl_target_get_step (target, SL_FUNNEL_OPPORTUNITY)->needed, SL_METRIC_REASON_NO_OPPORTUNITIES);
    assert_count (&sl_target_get_step (target, SL_FUNNEL_SQL)->needed, 123);
    g_assert_true (sl_metric_value_equals_fraction (&sl_target_get_step (target, SL_FUNNEL_SQL)->rate, 5, 47));
    assert_count (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, 2620);
  }

  /* No leads: the funnel stops at MQLs and no spend can be priced. */
  {
    g_autoptr(SlTarget) target = NULL;

    init_totals (&t, 0, 0, 200, 47, 20, 5, 5000000, 4000000);
    target = sl_target_work_back (&goal, &t, table, &error);
    g_assert_no_error (error);
    assert_count (&sl_target_get_step (target, SL_FUNNEL_MQL)->needed, 524);
    assert_undefined (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, SL_METRIC_REASON_NO_LEADS);
    assert_undefined (&target->spend, SL_METRIC_REASON_NO_LEADS);
  }

  /* Another currency is refused. */
  {
    g_autoptr(SlTarget) target = NULL;

    sl_money_init (&goal, 100, "EUR");
    init_totals (&t, 0, 1000, 200, 47, 20, 5, 5000000, 4000000);
    target = sl_target_work_back (&goal, &t, table, &error);
    g_assert_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_MIXED_CURRENCY);
    g_assert_null (target);
  }
}

/* Through the importers: Search spent $1,000 on 10 leads, 5 MQLs, 2
 * SQLs, 2 opportunities and 1 deal won for $2,000 in June. */
static void
test_target_workspace (SlImportFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(SlTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) spend = NULL;
  g_autoptr(GFile) deals = NULL;
  g_autoptr(SlImportResult) r1 = NULL;
  g_autoptr(SlImportResult) r2 = NULL;
  g_autoptr(GString) csv = g_string_new ("id,created,mql,sql,opportunity,won,channel,campaign,amount\n");
  SlImportOptions options;
  SlPeriod june;
  SlMoney goal;

  spend = sl_import_fixture_write (fixture, "spend.csv", "date,channel,campaign,spend\n2025-06-02,Search,S1,1000.00\n", -1);
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  r1 = sl_import_fixture_import (fixture, spend, &options);
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (csv, "D%u,2025-06-01,%s,%s,%s,%s,Search,S1,%s\n", i,
                            i < 5 ? "2025-06-02" : "", i < 2 ? "2025-06-03" : "", i < 2 ? "2025-06-04" : "",
                            i < 1 ? "2025-06-10" : "", i < 1 ? "2000.00" : "");
  deals = sl_import_fixture_write (fixture, "deals.csv", csv->str, -1);
  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  r2 = sl_import_fixture_import (fixture, deals, &options);

  /* $5,000 ÷ $2,000 → 3 customers; ÷ 1/2 → 6 opportunities; ÷ 2/2 → 6
   * SQLs; ÷ 2/5 → 15 MQLs; ÷ 5/10 → 30 leads at $100: $3,000. */
  sl_period_init (&june, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 6, 1));
  sl_money_init (&goal, 500000, "USD");
  target = sl_target_compute (metrics, &goal, &june, &error);
  g_assert_no_error (error);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_WON)->needed, 3);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_OPPORTUNITY)->needed, 6);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_SQL)->needed, 6);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_MQL)->needed, 15);
  assert_count (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, 30);
  g_assert_cmpuint (target->channels->len, ==, 1);
  g_assert_cmpint (g_array_index (target->channels, SlTargetChannel, 0).leads, ==, 30);
  g_assert_true (sl_metric_value_equals_fraction (&target->spend, 300000, 1));
}

/* On the demo workspace, working back a quarter's own revenue at its
 * own rates gives back that quarter: its customers, every stage's
 * count, and each channel's leads and spend (exact divisions are never
 * rounded up). */
static void
test_target_demo_round_trip (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sunlight", NULL);
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(GArray) table = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { 7, 0, 2025 };
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  SlMetricsTotals t;
  SlPeriod q3;
  gint64 spend = 0;

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sl_demo_write (db, &options, NULL, NULL, &error));
  metrics = sl_metrics_new (db);
  sl_period_init (&q3, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 8, 1));
  g_assert_true (sl_metrics_get_totals (metrics, &q3, &all, SL_METRICS_PART_FUNNEL, &t, &error));
  table = sl_metrics_channel_table (metrics, &q3, SL_METRICS_PART_FUNNEL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (t.won, >, 0);
  g_assert_cmpint (t.opportunities, >, 0);
  g_assert_cmpint (t.sqls, >, 0);
  g_assert_cmpint (t.mqls, >, 0);

  {
    g_autoptr(SlTarget) target = NULL;
    SlMoney goal;

    sl_money_init (&goal, t.won_minor, "USD");
    target = sl_target_compute (metrics, &goal, &q3, &error);
    g_assert_no_error (error);
    assert_count (&sl_target_get_step (target, SL_FUNNEL_WON)->needed, t.won);
    assert_count (&sl_target_get_step (target, SL_FUNNEL_OPPORTUNITY)->needed, t.opportunities);
    assert_count (&sl_target_get_step (target, SL_FUNNEL_SQL)->needed, t.sqls);
    assert_count (&sl_target_get_step (target, SL_FUNNEL_MQL)->needed, t.mqls);
    assert_count (&sl_target_get_step (target, SL_FUNNEL_LEAD)->needed, t.leads);
    g_assert_cmpuint (target->channels->len, ==, table->len);
    for (guint i = 0; i < table->len; i++)
      {
        const SlMetricsTotals *row = &g_array_index (table, SlMetricsTotals, i);
        const SlTargetChannel *c = &g_array_index (target->channels, SlTargetChannel, i);

        g_assert_cmpint (c->channel_id, ==, row->scope.id);
        g_assert_cmpint (c->leads, ==, row->leads);
        g_assert_true (sl_metric_value_equals_fraction (&c->spend, row->leads > 0 ? row->spend_minor : 0, 1));
        spend += row->leads > 0 ? row->spend_minor : 0;
      }
    g_assert_true (sl_metric_value_equals_fraction (&target->spend, spend, 1));
  }

  g_clear_object (&metrics);
  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Working back a revenue target to leads and spend per channel");

  g_test_add_func ("/core/target/by-hand", test_target_by_hand);
  g_test_add_func ("/core/target/undefined", test_target_undefined);
  g_test_add_func ("/core/target/demo-round-trip", test_target_demo_round_trip);
  g_test_add ("/core/target/workspace", SlImportFixture, NULL, sl_import_fixture_setup,
              test_target_workspace, sl_import_fixture_teardown);

  return g_test_run ();
}
