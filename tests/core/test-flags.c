/* test-flags.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sl-demo.h"
#include "sl-flags.h"
#include "sl-test-utils.h"

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

/* Won deals of @channel on @day, @n of them at @amount each. */
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

/* @n customers of @channel billed @mrr (gross profit @gp) in May; all
 * but one again in June: a monthly churn of 1 ÷ @n. */
static void
append_customers (GString    *csv,
                  const char *channel,
                  guint       n,
                  const char *mrr,
                  const char *gp)
{
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "%s%u,2025-05,%s,%s,%s\n", channel, i, mrr, gp, channel);
      if (i > 0)
        g_string_append_printf (csv, "%s%u,2025-06,%s,%s,%s\n", channel, i, mrr, gp, channel);
    }
}

static GPtrArray *
check (SlImportFixture *fixture)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (fixture->db);
  g_autoptr(GError) error = NULL;
  GPtrArray *flags;
  SlFlagsOptions options;
  SlPeriod june;

  sl_period_init (&june, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 6, 1));
  sl_flags_options_init (&options);
  options.locale = "en_US";
  flags = sl_flags_check (metrics, &june, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < flags->len; i++)
    {
      SlFlag *flag = g_ptr_array_index (flags, i);

      g_assert_true (sl_period_equal (&flag->period, &june));
      g_assert_nonnull (flag->message);
      g_test_message ("%s: %s / %s", sl_flag_kind_to_string (flag->kind), flag->message,
                      flag->action ? flag->action : "(no move)");
    }
  return flags;
}

static const SlFlag *
find_flag (GPtrArray  *flags,
           SlFlagKind  kind,
           gint64      channel)
{
  for (guint i = 0; i < flags->len; i++)
    {
      const SlFlag *flag = g_ptr_array_index (flags, i);

      if (flag->kind == kind && flag->channel_id == channel)
        return flag;
    }
  return NULL;
}

static void
assert_move (const SlFlag *flag,
             gint64        from,
             gint64        to,
             gint64        amount,
             gint64        customers)
{
  g_assert_nonnull (flag);
  g_assert_true (sl_flag_has_move (flag));
  g_assert_cmpint (flag->from_id, ==, from);
  g_assert_cmpint (flag->to_id, ==, to);
  g_assert_cmpint (flag->amount.minor, ==, amount);
  g_assert_cmpstr (flag->amount.currency, ==, "USD");
  g_assert_cmpint (flag->expected_customers, ==, customers);
}

/* June 2025, every flag raised once:
 * - Search: $10,000 for 10 customers worth $50,000 (ROI 400 %, the best),
 *   plan $8,000: over plan by $2,000; CLV $10,000 ÷ CAC $1,000 = 10×.
 * - Display: $10,000 for 1 customer worth $500 (ROI −95 %, the worst;
 *   +100 % in May), plan $10,000 (met exactly); CAC $10,000 above CLV
 *   $500.
 * - Social: $1,000 for 1 customer worth $3,000; lead → MQL 20 % in June
 *   against 50 % from March to May.
 * - Reserve $1,500, less than Search's $2,000 overspend. */
static void
test_flags_raised (SlImportFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(GString) deals = g_string_new ("id,created,mql,won,channel,campaign,amount\n");
  g_autoptr(GString) mrr = g_string_new ("customer,month,mrr,gross profit,channel\n");
  g_autoptr(GPtrArray) flags = NULL;
  gint64 search, display, social;
  const SlFlag *flag;

  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend\n"
              "2025-05-05,Search,Search1,1000.00\n2025-06-05,Search,Search1,10000.00\n"
              "2025-05-05,Display,Display1,1000.00\n2025-06-05,Display,Display1,10000.00\n"
              "2025-06-05,Social,Social1,1000.00\n");
  import_csv (fixture, SL_IMPORT_PLAN,
              "channel,campaign,month,amount\nSearch,,2025-06,8000.00\nDisplay,,2025-06,10000.00\n"
              "Reserve,,2025-06,1500.00\nSearch,,2025-05,100.00\n");
  append_won (deals, "Search", "2025-05-10", 1, "2000.00");
  append_won (deals, "Search", "2025-06-10", 10, "5000.00");
  append_won (deals, "Display", "2025-05-10", 1, "2000.00");
  append_won (deals, "Display", "2025-06-10", 1, "500.00");
  append_won (deals, "Social", "2025-06-10", 1, "3000.00");
  /* Social's leads: 10 a month from March to May, 5 of them MQLs; 9 in
   * June (and the won deal), 2 of them MQLs. */
  for (int month = 3; month <= 6; month++)
    for (guint i = 0; i < (month == 6 ? 9u : 10u); i++)
      {
        char mql[16] = "";

        if (i < (month == 6 ? 2u : 5u))
          g_snprintf (mql, sizeof mql, "2025-%02d-03", month);
        g_string_append_printf (deals, "S%d-%u,2025-%02d-02,%s,,Social,Social1,\n", month, i, month, mql);
      }
  import_csv (fixture, SL_IMPORT_FUNNEL, deals->str);
  append_customers (mrr, "Display", 10, "100.00", "50.00");
  append_customers (mrr, "Search", 10, "1000.00", "1000.00");
  import_csv (fixture, SL_IMPORT_REVENUE, mrr->str);

  search = channel_id (fixture->db, "Search");
  display = channel_id (fixture->db, "Display");
  social = channel_id (fixture->db, "Social");
  flags = check (fixture);
  g_assert_cmpuint (flags->len, ==, 7);

  /* CAC above CLV: a fifth of Display's $10,000 to Search, where $2,000
   * buys 2 customers and Display loses 0.2. */
  flag = find_flag (flags, SL_FLAG_CAC_ABOVE_CLV, display);
  assert_move (flag, display, search, 200000, 2);
  g_assert_true (sl_metric_value_equals_fraction (&flag->value, 1000000, 1));
  g_assert_true (sl_metric_value_equals_fraction (&flag->limit, 50000, 1));
  g_assert_cmpstr (flag->channel_name, ==, "Display");
  g_assert_cmpstr (flag->message, ==, "Display: customer acquisition cost $10,000.00 is above customer lifetime "
                                      "value $500.00 in June 2025: every customer loses money");
  g_assert_cmpstr (flag->action, ==, "Move $2,000.00 from Display to Search: at current rates that is about 2 more "
                                     "customers");

  /* CLV : CAC 10× on Search: money to Search from the worst channel. */
  flag = find_flag (flags, SL_FLAG_CLV_CAC_HIGH, search);
  assert_move (flag, display, search, 200000, 2);
  g_assert_true (sl_metric_value_equals_fraction (&flag->value, 10, 1));

  /* Over plan by $2,000: that amount from the worst other channel to
   * Search, so that the total holds. */
  flag = find_flag (flags, SL_FLAG_OVER_PLAN, search);
  assert_move (flag, display, search, 200000, 2);
  g_assert_true (sl_metric_value_equals_fraction (&flag->limit, 800000, 1));
  g_assert_cmpstr (flag->message, ==, "Search spent $10,000.00 in June 2025, $2,000.00 over its plan of $8,000.00");
  g_assert_null (find_flag (flags, SL_FLAG_OVER_PLAN, display));

  /* The $1,500 reserve is used up: the worst channel gives back the $500
   * beyond it, 0.05 of a customer at Display's rate. */
  flag = find_flag (flags, SL_FLAG_RESERVE_USED_UP, 0);
  assert_move (flag, display, 0, 50000, 0);
  g_assert_null (flag->to_name);
  g_assert_null (flag->channel_name);
  g_assert_cmpstr (flag->message, ==, "The reserve of $1,500.00 for June 2025 is used up: channels spent $2,000.00 "
                                      "over their plans");
  g_assert_cmpstr (flag->action, ==, "Cut $500.00 from Display to refill the reserve: at current rates the number "
                                     "of customers stays about the same");

  /* Leakage: Social 2 of 10 against 15 of 30, and all channels 2 of 21
   * against 15 of 32 (the May deals of Search and Display are leads). */
  flag = find_flag (flags, SL_FLAG_LEAKAGE, social);
  g_assert_true (sl_metric_value_equals_fraction (&flag->value, 1, 5));
  g_assert_true (sl_metric_value_equals_fraction (&flag->limit, 1, 2));
  /* A fifth of Social's $1,000 to Search: +0.2 there, −0.2 here. */
  assert_move (flag, social, search, 20000, 0);
  g_assert_cmpstr (flag->message, ==, "Social: Lead to MQL fell to 20.0 % in June 2025, below its baseline "
                                      "of 50.0 % over the three periods before");
  flag = find_flag (flags, SL_FLAG_LEAKAGE, 0);
  g_assert_true (sl_metric_value_equals_fraction (&flag->value, 2, 21));
  g_assert_true (sl_metric_value_equals_fraction (&flag->limit, 15, 32));
  assert_move (flag, display, search, 200000, 2);

  /* ROI −95 % after +100 %. */
  flag = find_flag (flags, SL_FLAG_ROI_TURNED_NEGATIVE, display);
  g_assert_true (sl_metric_value_equals_fraction (&flag->value, -19, 20));
  g_assert_true (sl_metric_value_equals_fraction (&flag->limit, 1, 1));
  assert_move (flag, display, search, 200000, 2);

  /* Grouped by kind, in SlFlagKind order. */
  for (guint i = 1; i < flags->len; i++)
    g_assert_cmpint (((SlFlag *)g_ptr_array_index (flags, i - 1))->kind, <=,
                     ((SlFlag *)g_ptr_array_index (flags, i))->kind);
}

/* Every limit met exactly, none crossed: no flag. Search's CLV : CAC is
 * 5× exactly, Display's 1× exactly and its ROI exactly 0; spend equals
 * plan; conversion rates are steady. */
static void
test_flags_clean (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GString) deals = g_string_new ("id,created,mql,won,channel,campaign,amount\n");
  g_autoptr(GString) mrr = g_string_new ("customer,month,mrr,gross profit,channel\n");
  g_autoptr(GPtrArray) flags = NULL;

  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend\n"
              "2025-05-05,Search,Search1,1000.00\n2025-06-05,Search,Search1,20000.00\n"
              "2025-05-05,Display,Display1,1000.00\n2025-06-05,Display,Display1,1000.00\n");
  import_csv (fixture, SL_IMPORT_PLAN,
              "channel,campaign,month,amount\nSearch,,2025-06,20000.00\nDisplay,,2025-06,1000.00\n"
              "Reserve,,2025-06,1000.00\n");
  append_won (deals, "Search", "2025-05-10", 1, "2000.00");
  append_won (deals, "Search", "2025-06-10", 10, "5000.00");
  append_won (deals, "Display", "2025-05-10", 1, "2000.00");
  append_won (deals, "Display", "2025-06-10", 2, "500.00");
  import_csv (fixture, SL_IMPORT_FUNNEL, deals->str);
  append_customers (mrr, "Display", 10, "100.00", "50.00");
  append_customers (mrr, "Search", 10, "1000.00", "1000.00");
  import_csv (fixture, SL_IMPORT_REVENUE, mrr->str);

  flags = check (fixture);
  g_assert_cmpuint (flags->len, ==, 0);
}

/* A workspace with one channel: flags, but nowhere to move money. */
static void
test_flags_no_move (SlImportFixture *fixture,
                    gconstpointer    data)
{
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(SlFlag) copy = NULL;
  const SlFlag *flag;

  import_csv (fixture, SL_IMPORT_SPEND,
              "date,channel,campaign,spend\n2025-06-05,Search,Search1,3000.00\n");
  import_csv (fixture, SL_IMPORT_PLAN, "channel,campaign,month,amount\nSearch,,2025-06,2999.99\n");

  flags = check (fixture);
  g_assert_cmpuint (flags->len, ==, 1);
  flag = g_ptr_array_index (flags, 0);
  g_assert_cmpint (flag->kind, ==, SL_FLAG_OVER_PLAN);
  g_assert_false (sl_flag_has_move (flag));
  g_assert_null (flag->action);
  g_assert_cmpstr (flag->message, ==, "Search spent $3,000.00 in June 2025, $0.01 over its plan of $2,999.99");

  copy = sl_flag_copy (flag);
  g_assert_cmpstr (copy->message, ==, flag->message);
  g_assert_cmpstr (sl_flag_kind_to_string (copy->kind), ==, "over-plan");
}

/* On the demo workspace, month by month: the over-plan flags are the
 * channels whose rolled-up spend exceeds their plan lines (counted here
 * in SQL), and every move goes between two channels with spend. */
static void
test_flags_demo (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sunlight", NULL);
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { 11, 0, 2025 };
  guint over_total = 0;

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (sl_demo_write (db, &options, NULL, NULL, &error));
  metrics = sl_metrics_new (db);

  for (int month = 1; month <= 9; month++)
    {
      g_autoptr(GPtrArray) flags = NULL;
      g_autofree char *sql = NULL;
      SlPeriod period;
      guint over = 0;

      sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, month, 1));
      flags = sl_flags_check (metrics, &period, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < flags->len; i++)
        {
          const SlFlag *flag = g_ptr_array_index (flags, i);

          g_assert_nonnull (flag->message);
          over += flag->kind == SL_FLAG_OVER_PLAN;
          if (!sl_flag_has_move (flag))
            {
              g_assert_null (flag->action);
              continue;
            }
          g_assert_cmpint (flag->from_id, !=, flag->to_id);
          g_assert_cmpint (flag->amount.minor, >, 0);
          g_assert_nonnull (flag->action);
          g_assert_nonnull (strstr (flag->action, flag->from_name));
          if (flag->to_id != 0)
            g_assert_nonnull (strstr (flag->action, flag->to_name));
          else
            g_assert_cmpint (flag->kind, ==, SL_FLAG_RESERVE_USED_UP);
          if (flag->kind == SL_FLAG_OVER_PLAN)
            g_assert_cmpint (flag->to_id, ==, flag->channel_id);
        }
      sql = g_strdup_printf ("SELECT count(*) FROM (SELECT b.channel_id, sum (b.amount_minor) AS planned, "
                             "(SELECT ifnull (sum (r.spend_minor), 0) FROM rollup_day r "
                             " WHERE r.channel_id = b.channel_id AND r.day BETWEEN %d AND %d) AS spent "
                             "FROM budget_line b WHERE b.version = 'plan' AND b.campaign_id IS NULL "
                             "AND b.request_id IS NULL AND b.channel_id IS NOT NULL AND b.first_day BETWEEN %d AND %d "
                             "GROUP BY b.channel_id) WHERE spent > planned",
                             period.first, period.last, period.first, period.last);
      g_assert_cmpuint (over, ==, sl_test_query_int64 (db, sql));
      over_total += over;
    }
  /* The demo's spend follows plan within a few percent either way. */
  g_assert_cmpuint (over_total, >, 0);

  g_clear_object (&metrics);
  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Flags with a next action: each raised on a crafted workspace, none on a clean one");

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/flags/raised", test_flags_raised);
  ADD ("/core/flags/clean", test_flags_clean);
  ADD ("/core/flags/no-move", test_flags_no_move);
#undef ADD
  g_test_add_func ("/core/flags/demo", test_flags_demo);

  return g_test_run ();
}
