/* test-timeline-events.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "sl-timeline.h"
#include "sl-test-utils.h"

#define DAY(y, m, d) sl_day_from_ymd ((y), (m), (d))
/* Noon UTC of a day, in µs: the same local day from UTC−11 to UTC+11. */
#define NOON_US(day) (((gint64)(day) * 86400 + 43200) * G_USEC_PER_SEC)

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

static SlTimeline *
compute (SlDatabase     *db,
         const SlPeriod *period,
         gint64          channel)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (db);
  g_autoptr(GError) error = NULL;
  SlTimeline *timeline;

  timeline = sl_timeline_compute (metrics, period, period->first, channel, "en_US", &error);
  g_assert_no_error (error);
  return timeline;
}

/* The events of @kind, in order. */
static GPtrArray *
events_of (SlTimeline          *timeline,
           SlTimelineEventKind  kind)
{
  GPtrArray *events = g_ptr_array_new ();

  for (guint i = 0; i < sl_timeline_get_n_events (timeline); i++)
    {
      const SlTimelineEvent *event = sl_timeline_get_event (timeline, i);

      if (i > 0)
        g_assert_cmpint (sl_timeline_get_event (timeline, i - 1)->day, <=, event->day);
      if (event->kind == kind)
        g_ptr_array_add (events, (gpointer)event);
    }
  return events;
}

static void
assert_event (GPtrArray  *events,
              guint       index,
              SlDay       day,
              const char *title)
{
  const SlTimelineEvent *event = g_ptr_array_index (events, index);

  g_assert_cmpint (event->day, ==, day);
  if (title != NULL)
    g_assert_cmpstr (event->title, ==, title);
}

/* A fiscal year from April (FY2026: April 2025 to March 2026), requests
 * due 10 days before each quarter, check-ins on the 20th. Two finance
 * events replace the generated ones of their day; a review adds to
 * them. */
static void
test_timeline_events_april (SlImportFixture *fixture,
                            gconstpointer    data)
{
  g_autoptr(SlTimeline) timeline = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  SlPeriod fy;

  sl_import_fixture_recreate (fixture, "USD", SL_CALENDAR_GREGORIAN, 4);
  exec (fixture->db, "UPDATE workspace SET deadline_offset_days = 10, checkin_day = 20");
  exec (fixture->db, "INSERT INTO finance_event (kind, day, title) VALUES "
                     "('check-in', %d, 'May check-in with the CFO'), ('review', %d, 'Budget review'), "
                     "('deadline', %d, 'Q2 request to finance'), ('deadline', %d, 'Next year')",
        DAY (2025, 5, 20), DAY (2025, 7, 8), DAY (2025, 6, 21), DAY (2026, 4, 10));
  sl_period_init_fiscal_year (&fy, SL_CALENDAR_GREGORIAN, 4, 2026);
  g_assert_cmpint (fy.first, ==, DAY (2025, 4, 1));
  timeline = compute (fixture->db, &fy, 0);
  g_assert_cmpuint (sl_timeline_get_n_events (timeline), ==, 17);

  deadlines = events_of (timeline, SL_TIMELINE_EVENT_DEADLINE);
  g_assert_cmpuint (deadlines->len, ==, 4);
  assert_event (deadlines, 0, DAY (2025, 6, 21), "Q2 request to finance");
  g_assert_cmpint (((SlTimelineEvent *)deadlines->pdata[0])->id, >, 0);
  assert_event (deadlines, 1, DAY (2025, 9, 21), "Budget request for Q3 FY2026 due");
  g_assert_cmpint (((SlTimelineEvent *)deadlines->pdata[1])->id, ==, 0);
  assert_event (deadlines, 2, DAY (2025, 12, 22), "Budget request for Q4 FY2026 due");
  assert_event (deadlines, 3, DAY (2026, 3, 22), "Budget request for Q1 FY2027 due");

  check_ins = events_of (timeline, SL_TIMELINE_EVENT_CHECK_IN);
  g_assert_cmpuint (check_ins->len, ==, 12);
  assert_event (check_ins, 0, DAY (2025, 4, 20), "Monthly check-in, April 2025");
  assert_event (check_ins, 1, DAY (2025, 5, 20), "May check-in with the CFO");
  for (guint i = 2; i < 12; i++)
    assert_event (check_ins, i, DAY (2025 + (i + 3) / 12, (i + 3) % 12 + 1, 20), NULL);

  reviews = events_of (timeline, SL_TIMELINE_EVENT_REVIEW);
  g_assert_cmpuint (reviews->len, ==, 1);
  assert_event (reviews, 0, DAY (2025, 7, 8), "Budget review");
  g_assert_cmpstr (sl_timeline_event_kind_to_string (SL_TIMELINE_EVENT_REVIEW), ==, "review");
}

/* FY1404 of the Solar Hijri calendar: 1 Farvardin 1404 is 21 March
 * 2025, the first six months have 31 days, the next five 30 and Esfand
 * 29. Quarters start on 22 June, 23 September, 22 December and (FY1405)
 * 21 March 2026; requests are due 14 days before, check-ins on the 5th
 * of each Solar Hijri month. A plan line of Gregorian April splits
 * between Farvardin (1–20 April) and Ordibehesht. */
static void
test_timeline_events_solar_hijri (SlImportFixture *fixture,
                                  gconstpointer    data)
{
  static const int check_in[12][2] = {
    { 3, 25 }, { 4, 25 }, { 5, 26 }, { 6, 26 }, { 7, 27 }, { 8, 27 },
    { 9, 27 }, { 10, 27 }, { 11, 26 }, { 12, 26 }, { 1, 25 }, { 2, 24 },
  };
  g_autoptr(SlTimeline) timeline = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) check_ins = NULL;
  SlPeriod fy;

  sl_import_fixture_recreate (fixture, "USD", SL_CALENDAR_SOLAR_HIJRI, 1);
  exec (fixture->db,
        "INSERT INTO channel (id, uuid, name) VALUES (1, 'c1', 'Search');"
        "INSERT INTO budget_line (uuid, version, channel_id, first_day, last_day, amount_minor, currency) "
        "VALUES ('l1', 'plan', 1, %d, %d, 30000, 'USD')",
        DAY (2025, 4, 1), DAY (2025, 4, 30));
  sl_period_init_fiscal_year (&fy, SL_CALENDAR_SOLAR_HIJRI, 1, 1404);
  g_assert_cmpint (fy.first, ==, DAY (2025, 3, 21));
  g_assert_cmpint (fy.last, ==, DAY (2026, 3, 20));
  timeline = compute (fixture->db, &fy, 0);

  g_assert_cmpuint (sl_timeline_get_n_months (timeline), ==, 12);
  g_assert_cmpint (sl_timeline_get_month (timeline, 0)->period.last, ==, DAY (2025, 4, 20));
  g_assert_cmpint (sl_timeline_get_month (timeline, 6)->period.first, ==, DAY (2025, 9, 23));
  g_assert_cmpint (sl_period_n_days (&sl_timeline_get_month (timeline, 11)->period), ==, 29);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 0)->plan_minor, ==, 20000);
  g_assert_cmpint (sl_timeline_get_cell (timeline, 0, 1)->plan_minor, ==, 10000);

  deadlines = events_of (timeline, SL_TIMELINE_EVENT_DEADLINE);
  g_assert_cmpuint (deadlines->len, ==, 4);
  assert_event (deadlines, 0, DAY (2025, 6, 8), NULL);
  assert_event (deadlines, 1, DAY (2025, 9, 9), NULL);
  assert_event (deadlines, 2, DAY (2025, 12, 8), NULL);
  assert_event (deadlines, 3, DAY (2026, 3, 7), NULL);

  check_ins = events_of (timeline, SL_TIMELINE_EVENT_CHECK_IN);
  g_assert_cmpuint (check_ins->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    assert_event (check_ins, i, DAY (i < 10 ? 2025 : 2026, check_in[i][0], check_in[i][1]), NULL);
}

static void
add_plan (SlDatabase *db,
          gint64      id,
          const char *status,
          gint64      reserve_draw,
          SlDay       applied,
          SlDay       updated)
{
  g_autofree char *applied_at = applied != SL_DAY_INVALID ? g_strdup_printf ("%" G_GINT64_FORMAT, NOON_US (applied))
                                                          : g_strdup ("NULL");

  exec (db, "INSERT INTO realloc_plan (id, uuid, title, status, reserve_draw_minor, currency, created_at, "
            "updated_at, applied_at) VALUES (%" G_GINT64_FORMAT ", 'p%" G_GINT64_FORMAT "', 'Plan %"
            G_GINT64_FORMAT "', '%s', %" G_GINT64_FORMAT ", 'USD', 0, %" G_GINT64_FORMAT ", %s)",
        id, id, id, status, reserve_draw, NOON_US (updated), applied_at);
}

/* @from/@to 0: the reserve. */
static void
add_move (SlDatabase *db,
          gint64      plan,
          gint64      from,
          gint64      to,
          SlDay       month,
          gint64      minor)
{
  exec (db, "INSERT INTO realloc_line (plan_id, from_channel_id, from_first_day, to_channel_id, to_first_day, "
            "amount_minor) VALUES (%" G_GINT64_FORMAT ", nullif (%" G_GINT64_FORMAT ", 0), %d, nullif (%"
            G_GINT64_FORMAT ", 0), %d, %" G_GINT64_FORMAT ")",
        plan, from, month, to, month, minor);
}

/* A reserve of $10 a month in 2025. Applied plan 1 takes $20 from it in
 * March; approved plan 2 moves money between channels and draws $15 in
 * June; applied plan 4 gives $3 back in August. A draft, a rejected
 * plan and one of the year before do not count. */
static void
fill_reserve_plans (SlDatabase *db)
{
  exec (db, "INSERT INTO channel (id, uuid, name, position) VALUES (1, 'c1', 'Search', 0), (2, 'c2', 'Social', 1)");
  for (int m = 1; m <= 12; m++)
    exec (db, "INSERT INTO budget_line (uuid, version, is_reserve, first_day, last_day, amount_minor, currency) "
              "VALUES ('r%d', 'plan', 1, %d, %d, 1000, 'USD')",
          m, DAY (2025, m, 1), (m == 12 ? DAY (2026, 1, 1) : DAY (2025, m + 1, 1)) - 1);
  add_plan (db, 1, "applied", 0, DAY (2025, 3, 10), DAY (2025, 3, 10));
  add_move (db, 1, 0, 1, DAY (2025, 3, 1), 2000);
  add_plan (db, 2, "approved", 1500, SL_DAY_INVALID, DAY (2025, 5, 28));
  add_move (db, 2, 1, 2, DAY (2025, 6, 1), 700);
  add_plan (db, 3, "draft", 0, SL_DAY_INVALID, DAY (2025, 4, 2));
  add_move (db, 3, 0, 1, DAY (2025, 4, 1), 5000);
  add_plan (db, 4, "applied", 0, DAY (2025, 8, 5), DAY (2025, 8, 5));
  add_move (db, 4, 2, 0, DAY (2025, 8, 1), 300);
  add_plan (db, 5, "rejected", 9999, SL_DAY_INVALID, DAY (2025, 2, 1));
  add_plan (db, 6, "applied", 0, DAY (2024, 12, 20), DAY (2024, 12, 20));
  add_move (db, 6, 0, 1, DAY (2024, 12, 1), 4000);
}

static void
test_timeline_reserve_draws (SlImportFixture *fixture,
                             gconstpointer    data)
{
  SlDatabase *db = fixture->db;
  SlPeriod fy;

  fill_reserve_plans (db);
  sl_period_init_fiscal_year (&fy, SL_CALENDAR_GREGORIAN, 1, 2025);

  {
    g_autoptr(SlTimeline) timeline = compute (db, &fy, 0);
    g_autoptr(GPtrArray) moves = events_of (timeline, SL_TIMELINE_EVENT_REALLOCATION);
    const SlTimelineReserve *r = sl_timeline_get_reserve (timeline);

    g_assert_cmpint (r->amount_minor, ==, 12000);
    g_assert_cmpint (r->drawn_minor, ==, 3200);
    g_assert_cmpint (r->left_minor, ==, 8800);
    g_assert_cmpuint (r->n_plans, ==, 3);
    g_assert_cmpint (sl_timeline_get_month (timeline, 2)->reserve_drawn_minor, ==, 2000);
    g_assert_cmpint (sl_timeline_get_month (timeline, 5)->reserve_drawn_minor, ==, 1500);
    g_assert_cmpint (sl_timeline_get_month (timeline, 7)->reserve_drawn_minor, ==, -300);
    g_assert_cmpuint (sl_timeline_get_n_warnings (timeline), ==, 0);

    g_assert_cmpuint (moves->len, ==, 2);
    assert_event (moves, 0, DAY (2025, 3, 10), "Plan 1");
    g_assert_cmpint (((SlTimelineEvent *)moves->pdata[0])->id, ==, 1);
    assert_event (moves, 1, DAY (2025, 8, 5), "Plan 4");
  }
  /* Seen from one channel, only the plans that move its money. */
  {
    g_autoptr(SlTimeline) timeline = compute (db, &fy, 2);
    g_autoptr(GPtrArray) moves = events_of (timeline, SL_TIMELINE_EVENT_REALLOCATION);

    g_assert_cmpuint (moves->len, ==, 1);
    assert_event (moves, 0, DAY (2025, 8, 5), "Plan 4");
    g_assert_cmpint (sl_timeline_get_reserve (timeline)->drawn_minor, ==, 3200);
  }
  /* A plan without lines draws when it was last changed: now the
   * reserve is overdrawn. */
  add_plan (db, 7, "approved", 10000, SL_DAY_INVALID, DAY (2025, 11, 1));
  {
    g_autoptr(SlTimeline) timeline = compute (db, &fy, 0);
    const SlTimelineWarning *w;

    g_assert_cmpint (sl_timeline_get_month (timeline, 10)->reserve_drawn_minor, ==, 10000);
    g_assert_cmpint (sl_timeline_get_reserve (timeline)->left_minor, ==, -1200);
    g_assert_cmpuint (sl_timeline_get_n_warnings (timeline), ==, 1);
    w = sl_timeline_get_warning (timeline, 0);
    g_assert_cmpint (w->kind, ==, SL_TIMELINE_WARNING_RESERVE_OVERDRAWN);
    g_assert_cmpint (w->amount_minor, ==, 13200);
    g_assert_cmpint (w->limit_minor, ==, 12000);
    g_assert_cmpint (w->over_minor, ==, 1200);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/timeline/events/april", test_timeline_events_april);
  ADD ("/core/timeline/events/solar-hijri", test_timeline_events_solar_hijri);
  ADD ("/core/timeline/events/reserve-draws", test_timeline_reserve_draws);
#undef ADD

  return g_test_run ();
}
