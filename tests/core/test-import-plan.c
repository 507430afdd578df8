/* test-import-plan.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-import-batch.h"
#include "sl-importer.h"
#include "sl-test-utils.h"

#define Q(db, sql) sl_test_query_int64 ((db), (sql))

static void
add_goal (SlDatabase *db,
          const char *objective)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO goal (uuid, objective, first_day, last_day, created_at, "
                                          "updated_at) VALUES ('%s', '%s', 0, 30000, 0, 0)",
                                          objective, objective);
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
test_plan_long (SlImportFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "plan.csv",
                                                   "channel,campaign,month,amount,goal,note\n"
                                                   "Search,,2025-03,1000.00,grow arr,First\n"
                                                   "Search,Brand,Mar 2025,250.00,,\n"
                                                   "Social,,2025-04-15,300.00,,\n"
                                                   "Reserve,,2025-03,80.00,,Held back\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  add_goal (fixture->db, "Grow ARR");
  sl_import_options_init (&options, SL_IMPORT_PLAN);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 4);

  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE version = 'plan' AND batch_id = 1 "
                                   "AND currency = 'USD' AND request_id IS NULL"), ==, 4);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line b JOIN channel c ON c.id = b.channel_id "
                                   "JOIN goal g ON g.id = b.goal_id WHERE c.name = 'Search' "
                                   "AND b.campaign_id IS NULL AND b.first_day = 20148 AND b.last_day = 20178 "
                                   "AND b.amount_minor = 100000 AND g.objective = 'Grow ARR' AND b.note = 'First'"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT b.amount_minor FROM budget_line b JOIN campaign c ON c.id = b.campaign_id "
                                   "WHERE c.name = 'Brand' AND b.first_day = 20148"), ==, 25000);
  /* A date means the month containing it. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE first_day = 20179 AND last_day = 20208"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE is_reserve = 1 AND channel_id IS NULL "
                                   "AND campaign_id IS NULL AND amount_minor = 8000"), ==, 1);
  /* Channel lines make no "(no campaign)" campaign. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM campaign"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel WHERE batch_id = 1"), ==, 2);
}

static void
test_plan_reserve_column (SlImportFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "reserve.csv",
                                                   "channel,month,amount,is reserve\n"
                                                   ",2025-05,10.00,yes\n"
                                                   "Search,2025-05,90.00,\n"
                                                   "Events,2025-05,5.00,0\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_PLAN);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpint (Q (fixture->db, "SELECT amount_minor FROM budget_line WHERE is_reserve = 1"), ==, 1000);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE is_reserve = 0"), ==, 2);
}

static void
test_plan_wide (SlImportFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "wide.csv",
                                                   "Channel,Campaign,Jan 2025,2025-02,March 2025,Total\n"
                                                   "Search,,100,200,,300\n"
                                                   "Social,Retarget,1.50,,2.50,4\n"
                                                   "Reserve,,10,10,10,30\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_PLAN);
  options.version = "forecast";
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 3);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE version = 'forecast'"), ==, 7);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (amount_minor) FROM budget_line"), ==, 30000 + 400 + 3000);
  g_assert_cmpint (Q (fixture->db, "SELECT amount_minor FROM budget_line b JOIN campaign c ON c.id = b.campaign_id "
                                   "WHERE c.name = 'Retarget' AND b.first_day = 20148"), ==, 250);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE first_day = 20120 AND last_day = 20147"), ==, 2);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE is_reserve = 1"), ==, 3);
}

static void
test_plan_duplicates (SlImportFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GFile) plan = sl_import_fixture_write (fixture, "plan.csv",
                                                   "channel,campaign,month,amount\n"
                                                   "Search,,2025-03,10.00\nSearch,Brand,2025-03,5.00\nReserve,,2025-03,1.00\n", -1);
  g_autoptr(SlImportResult) first = NULL;
  g_autoptr(SlImportResult) request = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_PLAN);
  first = sl_import_fixture_import (fixture, plan, &options);

  /* Never overwritten, whether the line is in the workspace or earlier in the file. */
  sl_import_fixture_assert_refused (fixture, "channel,month,amount\nEvents,2025-03,1.00\nsearch,2025-03-10,2.00\n", -1,
                                    &options, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                                    "bad.csv:3: column “month”: search already has a plan amount for March 2025");
  sl_import_fixture_assert_refused (fixture, "channel,campaign,month,amount\nSearch,brand,2025-03,1.00\n", -1,
                                    &options, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                                    "Search / brand already has a plan amount for March 2025");
  sl_import_fixture_assert_refused (fixture, "channel,2025-03\nReserve,3\n", -1, &options, SL_IMPORT_ERROR,
                                    SL_IMPORT_ERROR_BAD_ROW, "The reserve already has a plan amount for March 2025");
  sl_import_fixture_assert_refused (fixture, "channel,month,amount\nEvents,2025-04,1.00\nEvents,Apr 2025,2.00\n", -1,
                                    &options, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, "bad.csv:3:");
  sl_import_fixture_assert_refused (fixture, "channel,Jan 2025,2025-01\nEvents,1,2\n", -1,
                                    &options, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED, "“2025-01”");

  /* Another version is another cell. */
  options.version = "request";
  options.allow_duplicate = TRUE;
  request = sl_import_fixture_import (fixture, plan, &options);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line"), ==, 6);
  sl_import_fixture_assert_refused (fixture, "channel,month,amount\nSearch,2025-03,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, "requested amount for March 2025");
}

static void
test_plan_bad_input (SlImportFixture *fixture,
                     gconstpointer    data)
{
  static const char header[] = "channel,campaign,month,amount,goal,is reserve\n";
  static const struct
  {
    const char *body;
    const char *needle;
  } cases[] = {
    { ",,2025-03,1.00,,\n", "bad.csv:2: column “channel”: the channel is empty" },
    { "Search,,2025-13,1.00,,\n", "column “month”" },
    { "Search,,2025-02-31,1.00,,\n", "is not a month" },
    { "Search,,Smarch 2025,1.00,,\n", "is not a month" },
    { "Search,,,1.00,,\n", "the month is empty" },
    { "Search,,2025-03,-1.00,,\n", "negative" },
    { "Search,,2025-03,1.001,,\n", "decimals" },
    { "Search,,2025-03,92233720368547758.08,,\n", "too large" },
    { "Search,,2025-03,,,\n", "column “amount”" },
    { "Search,,2025-03,1.00,Nope,\n", "there is no goal “Nope”" },
    { "Search,,2025-03,1.00,Twice,\n", "several goals are called “Twice”" },
    { "Reserve,Brand,2025-03,1.00,,\n", "the reserve line has no channel" },
    { "Search,,2025-03,1.00,,yes\n", "the reserve line has no channel" },
    { "Search,,2025-03,1.00,,maybe\n", "neither yes nor no" },
  };
  SlImportOptions options;

  add_goal (fixture->db, "Twice");
  add_goal (fixture->db, "twice");
  sl_import_options_init (&options, SL_IMPORT_PLAN);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_strconcat (header, cases[i].body, NULL);

      g_test_message ("case %u: %s", i, cases[i].body);
      sl_import_fixture_assert_refused (fixture, contents, -1, &options,
                                        SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, cases[i].needle);
    }
  sl_import_fixture_assert_refused (fixture, "channel,Jan 2025,Feb 2025\nSearch,1,-2\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, "column “amount”: Feb 2025: “-2” in “amount” is negative");
  sl_import_fixture_assert_refused (fixture, "channel,month\nSearch,2025-03\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "no column for “amount”");
  sl_import_fixture_assert_refused (fixture, "channel,budget\nSearch,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "no column for “month”");
  sl_import_fixture_assert_refused (fixture, "channel,total\nSearch,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "no column headed by a month");
  options.version = "committed";
  sl_import_fixture_assert_refused (fixture, "channel,month,amount\nSearch,2025-03,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED, "“committed” is not a budget version");
  options.version = "bogus";
  sl_import_fixture_assert_refused (fixture, "channel,month,amount\nSearch,2025-03,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED, "“bogus”");
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel"), ==, 0);
}

static char *
dump_plan_tables (SlDatabase *db)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  static const char * const queries[] = {
    "SELECT group_concat (id || ',' || uuid || ',' || version || ',' || ifnull (channel_id, '-') || ',' || "
    "ifnull (campaign_id, '-') || ',' || first_day || ',' || amount_minor || ',' || ifnull (batch_id, '-'), ';') "
    "FROM budget_line",
    "SELECT group_concat (id || ',' || name || ',' || ifnull (batch_id, '-'), ';') FROM channel",
    "SELECT group_concat (id || ',' || name || ',' || ifnull (batch_id, '-'), ';') FROM campaign",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (sl_database_get_handle (db), queries[i], -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (dump, "%s\n", (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
test_plan_undo (SlImportFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GFile) before_file = sl_import_fixture_write (fixture, "before.csv",
                                                          "channel,campaign,month,amount\n"
                                                          "Search,Brand,2025-01,1.00\nEvents,,2025-01,2.00\n", -1);
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "plan.csv",
                                                   "channel,campaign,Jan 2025,Feb 2025\n"
                                                   "Search,Brand,,5\nSearch,Generic,3,4\nSocial,,1,\nReserve,,1,1\n", -1);
  g_autoptr(SlImportResult) earlier = NULL;
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_PLAN);
  earlier = sl_import_fixture_import (fixture, before_file, &options);
  before = dump_plan_tables (fixture->db);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line"), ==, 8);

  g_assert_true (sl_import_batch_undo (fixture->db, result->batch_id, &error));
  g_assert_no_error (error);
  after = dump_plan_tables (fixture->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (sl_import_batch_undo (fixture->db, earlier->batch_id, &error));
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM campaign"), ==, 0);
}

static void
test_plan_solar_hijri (SlImportFixture *fixture,
                       gconstpointer    data)
{
  g_autoptr(GFile) long_file = NULL;
  g_autoptr(GFile) wide_file = NULL;
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(SlImportResult) wide = NULL;
  SlImportOptions options;

  sl_import_fixture_recreate (fixture, "IRR", SL_CALENDAR_SOLAR_HIJRI, 1);
  long_file = sl_import_fixture_write (fixture, "plan.csv",
                                       "channel,month,amount\n"
                                       "Search,1404-01,1000000.00\n"
                                       "Social,Farvardin 1404,5.00\n"
                                       "Events,2025-04-21,7.00\n", -1);
  sl_import_options_init (&options, SL_IMPORT_PLAN);
  result = sl_import_fixture_import (fixture, long_file, &options);

  /* Farvardin 1404 is 21 March – 20 April 2025; a Gregorian date falls
   * in the Solar Hijri month that contains it (Ordibehesht). */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE first_day = 20168 AND last_day = 20198 "
                                   "AND currency = 'IRR'"), ==, 2);
  g_assert_cmpint (Q (fixture->db, "SELECT amount_minor FROM budget_line b JOIN channel c ON c.id = b.channel_id "
                                   "WHERE c.name = 'Search'"), ==, 100000000);
  g_assert_cmpint (Q (fixture->db, "SELECT first_day FROM budget_line b JOIN channel c ON c.id = b.channel_id "
                                   "WHERE c.name = 'Events'"), ==, 20199);

  wide_file = sl_import_fixture_write (fixture, "wide.csv", "channel,1404-02,1404-03\nSearch,1,2\n", -1);
  wide = sl_import_fixture_import (fixture, wide_file, &options);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE first_day = 20199 AND last_day = 20229"), ==, 2);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM budget_line WHERE first_day = 20230"), ==, 1);

  sl_import_fixture_assert_refused (fixture, "channel,month,amount\nSearch,2025-03-25,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, "Search already has a plan amount for");
  /* There is no thirteenth month. */
  sl_import_fixture_assert_refused (fixture, "channel,month,amount\nSearch,1404-13,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, "is not a month");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Importing budget plans: long and wide, any calendar, never overwriting");

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/import/plan/long", test_plan_long);
  ADD ("/core/import/plan/reserve-column", test_plan_reserve_column);
  ADD ("/core/import/plan/wide", test_plan_wide);
  ADD ("/core/import/plan/duplicates", test_plan_duplicates);
  ADD ("/core/import/plan/bad-input", test_plan_bad_input);
  ADD ("/core/import/plan/undo", test_plan_undo);
  ADD ("/core/import/plan/solar-hijri", test_plan_solar_hijri);
#undef ADD

  return g_test_run ();
}
