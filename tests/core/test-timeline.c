/* test-timeline.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "sl-demo.h"
#include "sl-timeline.h"
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

/* Channels "Search" (1) and "Social" (2) with a campaign each (11, 21),
 * and a batch (1) for the lines. */
static void
add_channels (SlDatabase *db)
{
  exec (db, "INSERT INTO import_batch (id, kind, file_name, sha256, imported_at) VALUES (1, 'plan', 'p', 'x', 0);"
            "INSERT INTO channel (id, uuid, name, position) VALUES (1, 'c1', 'Search', 0), (2, 'c2', 'Social', 1);"
            "INSERT INTO campaign (id, uuid, channel_id, name) VALUES (11, 'k1', 1, 'Brand'), (21, 'k2', 2, 'Feed')");
}

/* A budget line of @version for @channel (0: the reserve) and @campaign
 * (0: none) over [@first, @last]. */
static void
add_line (SlDatabase *db,
          const char *version,
          gint64      channel,
          gint64      campaign,
          SlDay       first,
          SlDay       last,
          gint64      minor)
{
  static guint counter;

  exec (db,
        "INSERT INTO budget_line (uuid, version, channel_id, campaign_id, is_reserve, first_day, last_day, "
        "amount_minor, currency) VALUES ('l%u', '%s', nullif (%" G_GINT64_FORMAT ", 0), nullif (%" G_GINT64_FORMAT
        ", 0), %d, %d, %d, %" G_GINT64_FORMAT ", 'USD')",
        ++counter, version, channel, campaign, channel == 0, first, last, minor);
}

/* A plan (or other version) line for the whole Gregorian month. */
static void
add_month (SlDatabase *db,
           const char *version,
           gint64      channel,
           int         year,
           int         month,
           gint64      minor)
{
  add_line (db, version, channel, 0, DAY (year, month, 1),
            month == 12 ? DAY (year, 12, 31) : DAY (year, month + 1, 1) - 1, minor);
}

/* Spend of @channel's campaign on @day, straight into the rollups (the
 * timeline reads nothing else). */
static void
add_spend (SlDatabase *db,
           gint64      channel,
           SlDay       day,
           gint64      minor)
{
  exec (db, "INSERT INTO rollup_day (day, campaign_id, channel_id, spend_minor) VALUES (%d, %" G_GINT64_FORMAT
            ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") "
            "ON CONFLICT DO UPDATE SET spend_minor = spend_minor + excluded.spend_minor",
        day, channel * 10 + 1, channel, minor);
}

static SlTimeline *
compute (SlDatabase     *db,
         const SlPeriod *period,
         SlDay           as_of,
         gint64          channel)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (db);
  g_autoptr(GError) error = NULL;
  SlTimeline *timeline;

  timeline = sl_timeline_compute (metrics, period, as_of, channel, "en_US", &error);
  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  return timeline;
}

static SlTimeline *
compute_year (SlDatabase *db,
              int         year,
              SlDay       as_of)
{
  SlPeriod fy;

  sl_period_init_fiscal_year (&fy, SL_CALENDAR_GREGORIAN, 1, year);
  return compute (db, &fy, as_of, 0);
}

static const SlTimelineWarning *
find_warning (SlTimeline            *timeline,
              SlTimelineWarningKind  kind,
              guint                  channel,
              guint                  month)
{
  for (guint i = 0; i < sl_timeline_get_n_warnings (timeline); i++)
    {
      const SlTimelineWarning *w = sl_timeline_get_warning (timeline, i);

      if (w->kind == kind && w->channel == channel && w->month == month)
        return w;
    }
  return NULL;
}

/* DOMAIN.md worked example 5: a $400,000 quarter with an 8 % reserve
 * holds $32,000; the channel plans add up to $368,000. The reserve is
 * one line over the quarter, spread by days: 31, 28 and 31 of 90 of
 * 3,200,000 cents are 1,102,222.2, 995,555.6 and 1,102,222.2; the cent
 * left over goes to February, the largest remainder. */
static void
test_timeline_reserve_example (SlImportFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(SlTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  SlMoney total, reserve, channels;
  const SlTimelineReserve *r;
  SlPeriod quarter;

  add_channels (fixture->db);
  sl_money_init (&total, 40000000, "USD");
  g_assert_true (sl_metrics_split_reserve (&total, 800, &reserve, &channels, &error));
  g_assert_no_error (error);
  add_line (fixture->db, "plan", 0, 0, DAY (2025, 1, 1), DAY (2025, 3, 31), reserve.minor);
  /* Search $60,000 a month, Social $62,000, $63,000 and the rest. */
  for (int m = 1; m <= 3; m++)
    add_month (fixture->db, "plan", 1, 2025, m, 6000000);
  add_month (fixture->db, "plan", 2, 2025, 1, 6200000);
  add_month (fixture->db, "plan", 2, 2025, 2, 6300000);
  add_month (fixture->db, "plan", 2, 2025, 3, channels.minor - 18000000 - 12500000);

  sl_period_init (&quarter, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, DAY (2025, 2, 1));
  timeline = compute (fixture->db, &quarter, DAY (2025, 1, 1), 0);
  r = sl_timeline_get_reserve (timeline);
  g_assert_cmpint (r->amount_minor, ==, 3200000);
  g_assert_cmpint (r->drawn_minor, ==, 0);
  g_assert_cmpint (r->left_minor, ==, 3200000);
  g_assert_cmpint (sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL)->plan_minor, ==, 36800000);
  g_assert_cmpint (sl_timeline_get_budget_minor (timeline), ==, 40000000);
  g_assert_cmpuint (sl_timeline_get_n_months (timeline), ==, 3);
  g_assert_cmpint (sl_timeline_get_month (timeline, 0)->reserve_minor, ==, 1102222);
  g_assert_cmpint (sl_timeline_get_month (timeline, 1)->reserve_minor, ==, 995556);
  g_assert_cmpint (sl_timeline_get_month (timeline, 2)->reserve_minor, ==, 1102222);
  /* Nothing spent, nothing forecast: the outlook is the plan. */
  g_assert_cmpint (sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL)->variance_minor, ==, 0);
  g_assert_cmpuint (sl_timeline_get_n_warnings (timeline), ==, 0);
}

/* Search plans $100 a month in 2025 and a $50 reserve for the year.
 * Spent $90 in January, $120 in February, $100 in March; as of April 1
 * those are actuals. April has a $110 forecast; May a $150 purchase
 * order and no forecast; later months neither: their outlook is the
 * plan. Variance: −10, +20, 0, +10, +50, then 0: +70 in all. */
static void
fill_variance_year (SlDatabase *db)
{
  add_channels (db);
  for (int m = 1; m <= 12; m++)
    add_month (db, "plan", 1, 2025, m, 10000);
  add_line (db, "plan", 0, 0, DAY (2025, 1, 1), DAY (2025, 12, 31), 5000);
  add_spend (db, 1, DAY (2025, 1, 10), 9000);
  add_spend (db, 1, DAY (2025, 2, 10), 7000);
  add_spend (db, 1, DAY (2025, 2, 20), 5000);
  add_spend (db, 1, DAY (2025, 3, 31), 10000);
  add_month (db, "forecast", 1, 2025, 4, 11000);
  add_line (db, "committed", 1, 11, DAY (2025, 5, 1), DAY (2025, 5, 31), 15000);
}

static void
test_timeline_variance (SlImportFixture *fixture,
                        gconstpointer    data)
{
  static const gint64 variance[12] = { -1000, 2000, 0, 1000, 5000, 0, 0, 0, 0, 0, 0, 0 };
  g_autoptr(SlTimeline) timeline = NULL;
  const SlTimelineCell *cell;
  gint64 cumulative = 0;

  fill_variance_year (fixture->db);
  timeline = compute_year (fixture->db, 2025, DAY (2025, 4, 1));
  g_assert_cmpuint (sl_timeline_get_n_months (timeline), ==, 12);
  g_assert_cmpuint (sl_timeline_get_n_channels (timeline), ==, 2);
  g_assert_cmpuint (sl_timeline_get_n_actual_months (timeline), ==, 3);

  for (guint m = 0; m < 12; m++)
    {
      cell = sl_timeline_get_cell (timeline, 0, m);
      cumulative += variance[m];
      g_assert_cmpint (cell->plan_minor, ==, 10000);
      g_assert_cmpint (cell->variance_minor, ==, variance[m]);
      g_assert_cmpint (cell->cumulative_variance_minor, ==, cumulative);
      g_assert_true (sl_metric_value_equals_fraction (&cell->variance_share, variance[m], 10000));
      g_assert_true (sl_metric_value_equals_fraction (&cell->cumulative_variance_share, cumulative,
                                                      10000 * (m + 1)));
      /* Social has no plan: its share of plan is undefined, not 0. */
      g_assert_cmpint (sl_timeline_get_cell (timeline, 1, m)->variance_share.reason, ==, SL_METRIC_REASON_NO_PLAN);
      /* The total is the sum of the two channels. */
      g_assert_cmpint (sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m)->outlook_minor, ==,
                       cell->outlook_minor + sl_timeline_get_cell (timeline, 1, m)->outlook_minor);
    }
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 1)->actual_minor, ==, 12000);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 3)->outlook_minor, ==, 11000);
  g_assert_true (sl_timeline_get_cell (timeline, 0, 3)->has_forecast);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 4)->committed_minor, ==, 15000);
  g_assert_false (sl_timeline_get_cell (timeline, 0, 4)->has_forecast);

  cell = sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL);
  g_assert_cmpint (cell->plan_minor, ==, 120000);
  g_assert_cmpint (cell->actual_minor, ==, 31000);
  g_assert_cmpint (cell->outlook_minor, ==, 127000);
  g_assert_cmpint (cell->variance_minor, ==, 7000);
  g_assert_true (sl_metric_value_equals_fraction (&cell->variance_share, 7, 120));

  /* May (+50) covers 5/7 of the variance, short of 80 %; February
   * (+20) makes it all. */
  g_assert_cmpuint (sl_timeline_get_n_drivers (timeline), ==, 2);
  g_assert_cmpuint (sl_timeline_get_driver (timeline, 0)->month, ==, 4);
  g_assert_true (sl_metric_value_equals_fraction (&sl_timeline_get_driver (timeline, 0)->share, 5, 7));
  g_assert_cmpuint (sl_timeline_get_driver (timeline, 1)->month, ==, 1);
  g_assert_cmpint (sl_timeline_get_driver (timeline, 1)->variance_minor, ==, 2000);

  /* Burn: $310 of $1,200 spent, 90 of 365 days gone. */
  {
    SlMetricValue burn, elapsed;

    sl_timeline_get_burn (timeline, &burn, &elapsed);
    g_assert_true (sl_metric_value_equals_fraction (&burn, 31, 120));
    g_assert_true (sl_metric_value_equals_fraction (&elapsed, 90, 365));
  }
}

/* Overspend: February's actual, April's forecast and May's purchase
 * order exceed Search's plan; the year's outlook exceeds it by $70, of
 * which the $50 reserve covers all but $20. March (spent exactly its
 * plan) raises nothing; Social (no plan) neither. */
static void
test_timeline_warnings (SlImportFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(SlTimeline) timeline = NULL;
  const SlTimelineWarning *w;

  fill_variance_year (fixture->db);
  add_spend (fixture->db, 2, DAY (2025, 3, 3), 100);
  timeline = compute_year (fixture->db, 2025, DAY (2025, 4, 1));
  g_assert_cmpuint (sl_timeline_get_n_warnings (timeline), ==, 4);

  w = sl_timeline_get_warning (timeline, 0);
  g_assert_cmpint (w->kind, ==, SL_TIMELINE_WARNING_PERIOD_OVER_PLAN);
  g_assert_cmpint (w->over_minor, ==, 7100);
  g_assert_cmpint (w->beyond_reserve_minor, ==, 2100);

  w = find_warning (timeline, SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN, 0, 1);
  g_assert_nonnull (w);
  g_assert_cmpint (w->channel_id, ==, 1);
  g_assert_cmpint (w->amount_minor, ==, 12000);
  g_assert_cmpint (w->limit_minor, ==, 10000);
  g_assert_cmpint (w->over_minor, ==, 2000);
  g_assert_nonnull (find_warning (timeline, SL_TIMELINE_WARNING_OUTLOOK_OVER_PLAN, 0, 3));
  w = find_warning (timeline, SL_TIMELINE_WARNING_OUTLOOK_OVER_PLAN, 0, 4);
  g_assert_nonnull (w);
  g_assert_cmpint (w->over_minor, ==, 5000);
  g_assert_null (find_warning (timeline, SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN, 0, 2));
  g_assert_null (find_warning (timeline, SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN, 1, 2));
}

/* A warning appears exactly when actual > plan: at the plan nothing,
 * one cent more and it is there. */
static void
test_timeline_overspend_exact (SlImportFixture *fixture,
                               gconstpointer    data)
{
  SlPeriod january;

  add_channels (fixture->db);
  add_month (fixture->db, "plan", 1, 2025, 1, 10000);
  add_spend (fixture->db, 1, DAY (2025, 1, 15), 10000);
  sl_period_init (&january, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, DAY (2025, 1, 1));

  {
    g_autoptr(SlTimeline) timeline = compute (fixture->db, &january, DAY (2025, 2, 1), 0);

    g_assert_cmpuint (sl_timeline_get_n_warnings (timeline), ==, 0);
  }
  add_spend (fixture->db, 1, DAY (2025, 1, 31), 1);
  {
    g_autoptr(SlTimeline) timeline = compute (fixture->db, &january, DAY (2025, 2, 1), 0);
    const SlTimelineWarning *w = find_warning (timeline, SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN, 0, 0);

    g_assert_nonnull (w);
    g_assert_cmpint (w->over_minor, ==, 1);
    g_assert_nonnull (find_warning (timeline, SL_TIMELINE_WARNING_PERIOD_OVER_PLAN, SL_TIMELINE_TOTAL,
                                    SL_TIMELINE_TOTAL));
  }
  /* As of January 31 the last cent is not known yet. */
  {
    g_autoptr(SlTimeline) timeline = compute (fixture->db, &january, DAY (2025, 1, 31), 0);

    g_assert_null (find_warning (timeline, SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN, 0, 0));
  }
}

/* March: plan $100, forecast $80, $40 spent on the 15th and $30 on the
 * 31st. The outlook is the forecast while March is in course and its
 * actual once it is over; spend of the as-of day itself is not in yet. */
static void
test_timeline_outlook_switch (SlImportFixture *fixture,
                              gconstpointer    data)
{
  add_channels (fixture->db);
  add_month (fixture->db, "plan", 1, 2025, 3, 10000);
  add_month (fixture->db, "forecast", 1, 2025, 3, 8000);
  add_spend (fixture->db, 1, DAY (2025, 3, 15), 4000);
  add_spend (fixture->db, 1, DAY (2025, 3, 31), 3000);

  {
    g_autoptr(SlTimeline) t = compute_year (fixture->db, 2025, DAY (2025, 3, 31));

    g_assert_cmpuint (sl_timeline_get_n_actual_months (t), ==, 2);
    g_assert_cmpint (sl_timeline_get_month (t, 2)->tense, ==, SL_TIMELINE_CURRENT);
    g_assert_cmpint (sl_timeline_get_cell (t, 0, 2)->actual_minor, ==, 4000);
    g_assert_cmpint (sl_timeline_get_cell (t, 0, 2)->outlook_minor, ==, 8000);
    g_assert_cmpint (sl_timeline_get_month (t, 3)->tense, ==, SL_TIMELINE_FUTURE);
  }
  {
    g_autoptr(SlTimeline) t = compute_year (fixture->db, 2025, DAY (2025, 4, 1));

    g_assert_cmpuint (sl_timeline_get_n_actual_months (t), ==, 3);
    g_assert_cmpint (sl_timeline_get_month (t, 2)->tense, ==, SL_TIMELINE_PAST);
    g_assert_cmpint (sl_timeline_get_cell (t, 0, 2)->outlook_minor, ==, 7000);
    g_assert_cmpint (sl_timeline_get_cell (t, 0, 2)->variance_minor, ==, -3000);
  }
  /* In course, never below what is spent already. */
  add_spend (fixture->db, 1, DAY (2025, 3, 20), 5000);
  {
    g_autoptr(SlTimeline) t = compute_year (fixture->db, 2025, DAY (2025, 3, 31));

    g_assert_cmpint (sl_timeline_get_cell (t, 0, 2)->outlook_minor, ==, 9000);
  }
  /* Before the year nothing is actual or elapsed; after it, all. */
  {
    g_autoptr(SlTimeline) t = compute_year (fixture->db, 2025, DAY (2024, 12, 1));
    SlMetricValue burn, elapsed;

    g_assert_cmpuint (sl_timeline_get_n_actual_months (t), ==, 0);
    g_assert_cmpint (sl_timeline_get_cell (t, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL)->actual_minor, ==, 0);
    sl_timeline_get_burn (t, &burn, &elapsed);
    g_assert_true (sl_metric_value_equals_fraction (&burn, 0, 1));
    g_assert_true (sl_metric_value_equals_fraction (&elapsed, 0, 1));
  }
  {
    g_autoptr(SlTimeline) t = compute_year (fixture->db, 2025, DAY (2026, 1, 1));
    SlMetricValue elapsed;

    g_assert_cmpuint (sl_timeline_get_n_actual_months (t), ==, 12);
    sl_timeline_get_burn (t, NULL, &elapsed);
    g_assert_true (sl_metric_value_equals_fraction (&elapsed, 1, 1));
  }
}

/* Five months over plan by $10 each and one under by $5: the variance
 * is +45; three months cover 30 of it, under 80 %, but three is the
 * most named. The month under plan is never one. */
static void
test_timeline_drivers_capped (SlImportFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(SlTimeline) timeline = NULL;

  add_channels (fixture->db);
  for (int m = 1; m <= 6; m++)
    {
      add_month (fixture->db, "plan", 1, 2025, m, 10000);
      add_spend (fixture->db, 1, DAY (2025, m, 2), m == 3 ? 9500 : 11000 + (m == 5 ? 1 : 0));
    }
  timeline = compute_year (fixture->db, 2025, DAY (2025, 7, 1));
  g_assert_cmpint (sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL)->variance_minor, ==, 4501);
  g_assert_cmpuint (sl_timeline_get_n_drivers (timeline), ==, 3);
  /* May is a cent larger; the rest in month order. */
  g_assert_cmpuint (sl_timeline_get_driver (timeline, 0)->month, ==, 4);
  g_assert_cmpuint (sl_timeline_get_driver (timeline, 1)->month, ==, 0);
  g_assert_cmpuint (sl_timeline_get_driver (timeline, 2)->month, ==, 1);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (sl_timeline_get_driver (timeline, i)->month, !=, 2);
}

/* Lines spread over months by days; campaign lines of plan count only
 * for a channel without lines of its own; purchase orders all add up. */
static void
test_timeline_lines (SlImportFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(SlTimeline) timeline = NULL;
  gint64 sum = 0;

  add_channels (fixture->db);
  /* One purchase order for the year: 36,500 cents, 100 a day. */
  add_line (fixture->db, "committed", 1, 0, DAY (2025, 1, 1), DAY (2025, 12, 31), 36500);
  add_line (fixture->db, "committed", 1, 11, DAY (2025, 2, 1), DAY (2025, 2, 28), 700);
  /* Search: a channel line and a campaign line breaking it down. */
  add_month (fixture->db, "plan", 1, 2025, 1, 5000);
  add_line (fixture->db, "plan", 1, 11, DAY (2025, 1, 1), DAY (2025, 1, 31), 3000);
  /* Social: campaign lines only. */
  add_line (fixture->db, "plan", 2, 21, DAY (2025, 1, 1), DAY (2025, 1, 31), 4000);
  /* A line reaching into the next year: 62 days, 31 of them in 2025. */
  add_line (fixture->db, "plan", 2, 21, DAY (2025, 12, 1), DAY (2026, 1, 31), 6200);

  timeline = compute_year (fixture->db, 2025, DAY (2025, 1, 1));
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 0)->plan_minor, ==, 5000);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 1, 0)->plan_minor, ==, 4000);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 1, 11)->plan_minor, ==, 3100);
  g_assert_true (sl_timeline_channel_has_plan (timeline, 1));
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 0)->committed_minor, ==, 3100);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 1)->committed_minor, ==, 2800 + 700);
  for (guint m = 0; m < 12; m++)
    sum += sl_timeline_get_cell (timeline, 0, m)->committed_minor;
  g_assert_cmpint (sum, ==, 37200);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, SL_TIMELINE_TOTAL)->committed_minor, ==, 37200);
  /* No forecast: the outlook is the larger of plan and committed. */
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 0)->outlook_minor, ==, 5000);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 1)->outlook_minor, ==, 3500);
}

static void
assert_cells_equal (const SlTimelineCell *a,
                    const SlTimelineCell *b)
{
  g_assert_cmpint (a->plan_minor, ==, b->plan_minor);
  g_assert_cmpint (a->committed_minor, ==, b->committed_minor);
  g_assert_cmpint (a->actual_minor, ==, b->actual_minor);
  g_assert_cmpint (a->forecast_minor, ==, b->forecast_minor);
  g_assert_cmpint (a->has_forecast, ==, b->has_forecast);
  g_assert_cmpint (a->outlook_minor, ==, b->outlook_minor);
  g_assert_cmpint (a->variance_minor, ==, b->variance_minor);
  g_assert_cmpint (sl_metric_value_compare (&a->variance_share, &b->variance_share), ==, 0);
  g_assert_cmpint (a->cumulative_plan_minor, ==, b->cumulative_plan_minor);
  g_assert_cmpint (a->cumulative_actual_minor, ==, b->cumulative_actual_minor);
  g_assert_cmpint (a->cumulative_outlook_minor, ==, b->cumulative_outlook_minor);
  g_assert_cmpint (a->cumulative_variance_minor, ==, b->cumulative_variance_minor);
}

/* The demo workspace: the timeline's sums equal plain SUM queries. */
static void
assert_demo_sums (SlDatabase *db,
                  SlTimeline *timeline,
                  guint       channel,
                  const char *channel_filter)
{
  const SlPeriod *fy = sl_timeline_get_period (timeline);
  const SlTimelineCell *cell = sl_timeline_get_cell (timeline, channel, SL_TIMELINE_TOTAL);
  g_autofree char *where = g_strdup_printf ("first_day >= %d AND last_day <= %d AND request_id IS NULL %s",
                                            fy->first, fy->last, channel_filter);
  g_autofree char *plan = g_strdup_printf ("SELECT total (amount_minor) FROM budget_line WHERE version = 'plan' "
                                           "AND is_reserve = 0 AND campaign_id IS NULL AND %s", where);
  g_autofree char *forecast = g_strdup_printf ("SELECT total (amount_minor) FROM budget_line "
                                               "WHERE version = 'forecast' AND %s", where);
  g_autofree char *committed = g_strdup_printf ("SELECT total (amount_minor) FROM budget_line "
                                                "WHERE version = 'committed' AND %s", where);
  g_autofree char *actual = g_strdup_printf ("SELECT total (spend_minor) FROM rollup_day WHERE day >= %d "
                                             "AND day < %d %s", fy->first, sl_timeline_get_as_of (timeline),
                                             channel_filter);

  g_assert_cmpint (cell->plan_minor, ==, sl_test_query_int64 (db, plan));
  g_assert_cmpint (cell->forecast_minor, ==, sl_test_query_int64 (db, forecast));
  g_assert_cmpint (cell->committed_minor, ==, sl_test_query_int64 (db, committed));
  g_assert_cmpint (cell->actual_minor, ==, sl_test_query_int64 (db, actual));
  g_assert_cmpint (cell->plan_minor, >, 0);
  g_assert_cmpint (cell->actual_minor, >, 0);
}

static void
test_timeline_demo (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sunlight", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_autoptr(SlTimeline) all = NULL;
  SlDemoOptions options = { 7, 0, 2025 };
  SlDay as_of = DAY (2025, 10, 16);
  SlPeriod fy;

  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  sl_period_init_fiscal_year (&fy, SL_CALENDAR_GREGORIAN, 1, 2025);
  all = compute (db, &fy, as_of, 0);

  assert_demo_sums (db, all, SL_TIMELINE_TOTAL, "");
  g_assert_cmpint (sl_timeline_get_reserve (all)->amount_minor, ==,
                   sl_test_query_int64 (db, "SELECT total (amount_minor) FROM budget_line WHERE is_reserve = 1"));
  g_assert_cmpuint (sl_timeline_get_n_actual_months (all), ==, 9);
  /* The demo lists every deadline and check-in as a finance event. */
  g_assert_cmpint (sl_timeline_get_n_events (all), ==,
                   sl_test_query_int64 (db, "SELECT count(*) FROM finance_event WHERE day BETWEEN 20089 AND 20453"));

  for (guint c = 0; c < sl_timeline_get_n_channels (all); c++)
    {
      gint64 id = sl_timeline_get_channel_id (all, c);
      g_autofree char *filter = g_strdup_printf ("AND channel_id = %" G_GINT64_FORMAT, id);
      g_autoptr(SlTimeline) one = compute (db, &fy, as_of, id);

      assert_demo_sums (db, all, c, filter);
      /* One channel's timeline is that channel's row of the whole. */
      for (guint m = 0; m <= 12; m++)
        assert_cells_equal (sl_timeline_get_cell (one, 0, m == 12 ? SL_TIMELINE_TOTAL : m),
                            sl_timeline_get_cell (all, c, m == 12 ? SL_TIMELINE_TOTAL : m));
    }

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/timeline/reserve-example", test_timeline_reserve_example);
  ADD ("/core/timeline/variance", test_timeline_variance);
  ADD ("/core/timeline/warnings", test_timeline_warnings);
  ADD ("/core/timeline/overspend-exact", test_timeline_overspend_exact);
  ADD ("/core/timeline/outlook-switch", test_timeline_outlook_switch);
  ADD ("/core/timeline/drivers-capped", test_timeline_drivers_capped);
  ADD ("/core/timeline/lines", test_timeline_lines);
#undef ADD
  g_test_add_func ("/core/timeline/demo", test_timeline_demo);

  return g_test_run ();
}
