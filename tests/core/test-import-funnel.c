/* test-import-funnel.c
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

static const char basic_csv[] =
  "id,created,mql,sql,opportunity,won,lost,channel,campaign,amount,margin,owner,touchpoints\n"
  "D1,2025-03-01,2025-03-02,2025-03-05,2025-03-10,2025-03-20,,Search,Brand,1000.00,30,Ann,"
  "\"Search@2025-02-20; Email/Spring@2025-02-25\"\n"
  "D2,2025-03-01,2025-03-03,,,,2025-03-15,Search,Brand,,,Bob,\n"
  "D3,,,,,,,,,,,,\n"
  /* Won two days before it was created, as one Olist deal is: kept. */
  "D4,2025-03-02,,,,2025-02-28,,Social,,500.50,35.5 %,Ann,Social@2025-02-27\n";

static void
test_funnel_basic (SlImportFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "deals.csv", basic_csv, -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 4);
  g_assert_cmpstr (result->preset, ==, "generic");

  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal"), ==, 4);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE lead_day IS NULL"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE campaign_id IS NULL"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal d JOIN channel c ON c.id = d.channel_id "
                                   "WHERE c.name = 'Unattributed' AND d.external_id = 'D3'"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT won_day FROM deal WHERE external_id = 'D1'"), ==, sl_day_from_ymd (2025, 3, 20));
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE external_id = 'D2' AND amount_minor IS NULL "
                                   "AND currency IS NULL AND lost_day IS NOT NULL"), ==, 1);
  /* 30 % of 1,000.00 and 35.5 % of 500.50 (177.6775, half to even). */
  g_assert_cmpint (Q (fixture->db, "SELECT gross_profit_minor FROM deal WHERE external_id = 'D1'"), ==, 30000);
  g_assert_cmpint (Q (fixture->db, "SELECT gross_profit_minor FROM deal WHERE external_id = 'D4'"), ==, 17768);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE owner = 'Ann'"), ==, 2);

  g_assert_cmpint (Q (fixture->db, "SELECT sum (leads) FROM rollup_day"), ==, 3);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (mqls) FROM rollup_day"), ==, 2);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (sqls) FROM rollup_day"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (opportunities) FROM rollup_day"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won) FROM rollup_day"), ==, 2);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (lost) FROM rollup_day"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won_minor) FROM rollup_day"), ==, 150050);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won_gross_profit_minor) FROM rollup_day"), ==, 47768);

  /* Touchpoints in the order written, position 1 first. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM touchpoint"), ==, 3);
  g_assert_cmpint (Q (fixture->db, "SELECT t.day FROM touchpoint t JOIN deal d ON d.id = t.deal_id "
                                   "WHERE d.external_id = 'D1' AND t.position = 1"), ==, sl_day_from_ymd (2025, 2, 20));
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM touchpoint t JOIN deal d ON d.id = t.deal_id "
                                   "JOIN channel ch ON ch.id = t.channel_id JOIN campaign c ON c.id = t.campaign_id "
                                   "WHERE d.external_id = 'D1' AND t.position = 2 AND ch.name = 'Email' "
                                   "AND c.name = 'Spring'"), ==, 1);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_funnel_stage_and_profit (SlImportFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "crm.csv",
                                                   "Opportunity ID,Stage,Created Date,Close Date,Amount,Gross Profit,Source\n"
                                                   "S1,Closed Won,2025-01-10,2025-02-01,800.00,300.00,Search\n"
                                                   "S2,Closed Lost,2025-01-11,2025-02-02,0,,Search\n"
                                                   "S3,Negotiation,2025-01-12,,50,,Events\n"
                                                   "S4,won,2025-01-13,2025-02-03,200,-20.00,\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 4);
  g_assert_cmpint (Q (fixture->db, "SELECT won_day FROM deal WHERE external_id = 'S1'"), ==, sl_day_from_ymd (2025, 2, 1));
  g_assert_cmpint (Q (fixture->db, "SELECT lost_day FROM deal WHERE external_id = 'S2'"), ==, sl_day_from_ymd (2025, 2, 2));
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE external_id = 'S3' "
                                   "AND won_day IS NULL AND lost_day IS NULL AND amount_minor = 5000"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won) FROM rollup_day"), ==, 2);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won_minor) FROM rollup_day"), ==, 100000);
  /* A loss-making deal's gross profit may be negative. */
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won_gross_profit_minor) FROM rollup_day"), ==, 28000);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_funnel_fx (SlImportFixture *fixture,
                gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "eur.csv",
                                                   "id,created,won,amount,gross profit,currency\n"
                                                   "E1,2025-02-20,2025-03-20,100.00,40.00,EUR\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  /* 1 EUR = 1.0850 USD in March 2025: the won day's month. */
  g_assert_true (sl_database_exec (fixture->db,
                                   "INSERT INTO fx_rate (currency, month_day, rate_num, rate_den) "
                                   "VALUES ('EUR', 20148, 10850, 10000)", &error));
  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE amount_minor = 10850 "
                                   "AND gross_profit_minor = 4340 AND currency = 'USD'"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won_minor) FROM rollup_day"), ==, 10850);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_funnel_bad_input (SlImportFixture *fixture,
                       gconstpointer    data)
{
  static const char header[] = "id,created,won,lost,stage,close date,channel,amount,currency,margin,touchpoints\n";
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "deals.csv", "id\nD1\n", -1);
  g_autoptr(GError) unknown = NULL;
  static const struct
  {
    const char *body;
    const char *needle;
  } cases[] = {
    { ",2025-03-01,,,,,Search,1.00,,,\n", "bad.csv:2: column “id”: the id is empty" },
    { "D1,2025-03-01,,,,,,,,,\nD2,,,,,,,,,,\nD1,2025-03-02,,,,,,,,,\n",
      "bad.csv:4: column “id”: duplicate id “D1” (first on line 2)" },
    { "D1,2025-02-31,,,,,,,,,\n", "column “created”" },
    { "D1,2025-13-01,,,,,,,,,\n", "is not a date" },
    { "D1,2025-03-01,2025-03-05,2025-03-06,,,,,,,\n", "both won and lost" },
    { "D1,2025-03-01,,2025-03-06,Won,2025-03-07,,,,,\n", "both won and lost" },
    { "D1,2025-03-01,,,Won,,,,,,\n", "no close date" },
    { "D1,2025-03-01,,,Lost,2025-02-30,,,,,\n", "column “close date”" },
    { "D1,2025-03-01,,,,,Search,-5.00,,,\n", "negative" },
    { "D1,2025-03-01,,,,,Search,92233720368547758.08,,,\n", "too large" },
    { "D1,2025-03-01,,,,,Search,1.001,,,\n", "decimals" },
    { "D1,2025-03-01,,,,,Search,10.00,EUR,,\n", "exchange rate" },
    { "D1,,,,,,Search,10.00,EUR,,\n", "no date to convert it on" },
    { "D1,2025-03-01,,,,,Search,10.00,,150,\n", "percentage" },
    { "D1,2025-03-01,,,,,Search,10.00,,abc,\n", "percentage" },
    { "D1,2025-03-01,,,,,Search,,,30,\n", "margin needs an amount" },
    { "D1,2025-03-01,,,,,,,,,Search\n", "CHANNEL@DATE" },
    { "D1,2025-03-01,,,,,,,,,Search@2025-02-30\n", "touchpoint “Search@2025-02-30”" },
    { "D1,2025-03-01,,,,,,,,,\"Search@2025-02-01;/Brand@2025-02-02\"\n", "has no channel" },
  };
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_strconcat (header, cases[i].body, NULL);

      g_test_message ("case %u: %s", i, cases[i].body);
      sl_import_fixture_assert_refused (fixture, contents, -1, &options,
                                        SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, cases[i].needle);
    }
  sl_import_fixture_assert_refused (fixture, "created,channel\n2025-03-01,Search\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "“id”");
  sl_import_fixture_assert_refused (fixture, header, -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_NO_ROWS, NULL);
  options.preset = "salesforce";
  unknown = sl_import_fixture_assert_file_refused (fixture, file, &options, SL_IMPORT_ERROR,
                                                   SL_IMPORT_ERROR_UNKNOWN_PRESET, "salesforce");
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel"), ==, 0);
}

static void
test_funnel_valid_rows (SlImportFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "partly.csv",
                                                   "id,created,channel,amount,touchpoints\n"
                                                   "D1,2025-03-01,Search,10.00,Email@2025-02-01\n"
                                                   "D2,2025-03-01,Ghost,ten,\n"
                                                   "D3,2025-03-01,Search,1.00,Phantom@2025-02-31\n"
                                                   "D1,2025-03-02,Search,1.00,\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  options.policy = SL_IMPORT_VALID_ROWS;
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 1);
  g_assert_cmpuint (result->rows_rejected, ==, 3);
  g_assert_cmpstr (((SlImportReject *)g_ptr_array_index (result->rejects, 2))->column, ==, "id");
  /* A refused row leaves nothing behind, not even its channel. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel WHERE name IN ('Ghost', 'Phantom')"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM touchpoint"), ==, 1);
  sl_test_assert_rollups_consistent (fixture->db);
}

static const char join_main_csv[] =
  "id,created,channel\n"
  "L1,2025-01-05,Search\n"
  "L2,2025-01-06,Social\n"
  "L3,2025-01-07,Search\n";

static void
test_funnel_join (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GFile) main_file = sl_import_fixture_write (fixture, "leads.csv", join_main_csv, -1);
  g_autoptr(GFile) join_file = sl_import_fixture_write (fixture, "closed.csv",
                                                        "ID,Won date,Lost date,Owner\n"
                                                        "L3,2025-02-03 09:00:00,,Rep B\n"
                                                        "L1,2025-02-01 10:00:00,,Rep A\n"
                                                        "L2,,2025-02-10,\n", -1);
  g_autofree char *join_path = g_file_get_path (join_file);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  options.join_path = join_path;
  result = sl_import_fixture_import (fixture, main_file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 3);
  g_assert_cmpint (Q (fixture->db, "SELECT won_day FROM deal WHERE external_id = 'L1' AND owner = 'Rep A'"),
                   ==, sl_day_from_ymd (2025, 2, 1));
  g_assert_cmpint (Q (fixture->db, "SELECT lost_day FROM deal WHERE external_id = 'L2' AND owner IS NULL"),
                   ==, sl_day_from_ymd (2025, 2, 10));
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won) FROM rollup_day"), ==, 2);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_funnel_join_refused (SlImportFixture *fixture,
                          gconstpointer    data)
{
  static const struct
  {
    const char *join;
    int         code;
    const char *needle;
  } cases[] = {
    { "id,won date\nL1,2025-02-01\nL9,2025-02-02\n", SL_IMPORT_ERROR_BAD_ROW, "closed.csv:3: column “id”: “L9” is not in bad.csv" },
    { "id,won date\nL1,2025-02-01\nL1,2025-02-02\n", SL_IMPORT_ERROR_BAD_ROW, "closed.csv:3: column “id”: duplicate id “L1” (first on line 2)" },
    { "id,won date\nL1,2025-02-30\n", SL_IMPORT_ERROR_BAD_ROW, "closed.csv:2: column “won”" },
    { "id,won date,lost date\nL1,2025-02-01,2025-02-02\n", SL_IMPORT_ERROR_BAD_ROW, "both won and lost" },
    { "id,won date\nL1,05/02/2025\nL2,06/02/2025\n", SL_IMPORT_ERROR_AMBIGUOUS_DATES, "closed.csv" },
    { "lead,won date\nL1,2025-02-01\n", SL_IMPORT_ERROR_MISSING_COLUMN, "closed.csv:1" },
    { "id,won date\n", SL_IMPORT_ERROR_NO_ROWS, NULL },
  };
  g_autoptr(GFile) main_file = sl_import_fixture_write (fixture, "bad.csv", join_main_csv, -1);
  g_autofree char *join_path = g_build_filename (fixture->dir, "closed.csv", NULL);
  g_autoptr(GError) missing = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  options.join_path = join_path;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].join);
      sl_test_write_file (join_path, cases[i].join, -1);
      error = sl_import_fixture_assert_file_refused (fixture, main_file, &options, SL_IMPORT_ERROR,
                                                     cases[i].code, cases[i].needle);
    }
  /* Not text in the join file: its column is named by its header. */
  {
    g_autoptr(GError) error = NULL;

    sl_test_write_file (join_path, "id,won date\nL1,2025-02\x07-01\n", -1);
    error = sl_import_fixture_assert_file_refused (fixture, main_file, &options, SL_CSV_ERROR, SL_CSV_ERROR_BINARY,
                                                   "closed.csv:2: column “won date”: contains binary data "
                                                   "(control character 0x07)");
  }
  /* A join file that is not there. */
  options.join_path = "/nonexistent/closed.csv";
  missing = sl_import_fixture_assert_file_refused (fixture, main_file, &options, G_IO_ERROR,
                                                   G_IO_ERROR_NOT_FOUND, NULL);
}

static const char spend_csv[] =
  "date,channel,campaign,spend\n"
  "2025-03-01,Search,Brand,10.00\n";

static void
test_funnel_undo (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GFile) a = sl_import_fixture_write (fixture, "a.csv", basic_csv, -1);
  g_autoptr(GFile) b = sl_import_fixture_write (fixture, "b.csv",
                                                "id,created,won,channel,campaign,amount\n"
                                                "D1,2025-03-01,2025-03-20,Search,Brand,5.00\n", -1);
  g_autoptr(GFile) spend = sl_import_fixture_write (fixture, "spend.csv", spend_csv, -1);
  g_autoptr(SlImportResult) ra = NULL;
  g_autoptr(SlImportResult) rb = NULL;
  g_autoptr(SlImportResult) rs = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options, spend_options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  sl_import_options_init (&spend_options, SL_IMPORT_SPEND);
  ra = sl_import_fixture_import (fixture, a, &options);
  rs = sl_import_fixture_import (fixture, spend, &spend_options);
  rb = sl_import_fixture_import (fixture, b, &options);
  /* The same id in another import is another deal. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE external_id = 'D1'"), ==, 2);

  g_assert_true (sl_import_batch_undo (fixture->db, ra->batch_id, &error));
  g_assert_no_error (error);
  sl_test_assert_rollups_consistent (fixture->db);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM touchpoint"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel WHERE name IN ('Email', 'Social', 'Unattributed')"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won_minor) FROM rollup_day"), ==, 500);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (spend_minor) FROM rollup_day"), ==, 1000);

  g_assert_true (sl_import_batch_undo (fixture->db, rs->batch_id, &error));
  sl_test_assert_rollups_consistent (fixture->db);
  g_assert_true (sl_import_batch_undo (fixture->db, rb->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM rollup_day"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM campaign"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static char *
random_day (GRand *rand)
{
  if (g_rand_int_range (rand, 0, 3) == 0)
    return g_strdup ("");
  return g_strdup_printf ("2025-%02d-%02d", g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 1, 29));
}

static void
append_random_deal (GString *csv,
                    GRand   *rand,
                    guint    id)
{
  static const char * const channels[] = { "Search", "Social", "", "Email" };
  g_autofree char *created = random_day (rand);
  g_autofree char *mql = random_day (rand);
  g_autofree char *closed = random_day (rand);
  gboolean won = g_rand_boolean (rand);

  g_string_append_printf (csv, "R%u,%s,%s,%s,%s,%s,%s,%d.%02d,%d,Social@2025-01-%02d\n", id, created, mql,
                          won ? closed : "", won ? "" : closed, channels[g_rand_int_range (rand, 0, 4)],
                          g_rand_boolean (rand) ? "Brand" : "", g_rand_int_range (rand, 0, 1000),
                          g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, -100, 101),
                          g_rand_int_range (rand, 1, 29));
}

/* Random funnel and spend imports and undos: the rollups always equal a
 * fresh GROUP BY. */
static void
test_funnel_random_imports_and_undos (SlImportFixture *fixture,
                                      gconstpointer    data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251124);
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint step = 0; step < 30; step++)
    {
      if (live->len > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          guint pick = g_rand_int_range (rand, 0, live->len);
          g_autoptr(GError) error = NULL;

          g_assert_true (sl_import_batch_undo (fixture->db, g_array_index (live, gint64, pick), &error));
          g_assert_no_error (error);
          g_array_remove_index (live, pick);
        }
      else
        {
          g_autoptr(GString) csv = g_string_new ("id,created,mql,won,lost,channel,campaign,amount,margin,touchpoints\n");
          g_autofree char *name = g_strdup_printf ("r%u.csv", step);
          g_autoptr(GFile) file = NULL;
          g_autoptr(SlImportResult) result = NULL;
          SlImportOptions options;

          sl_import_options_init (&options, step % 4 == 3 ? SL_IMPORT_SPEND : SL_IMPORT_FUNNEL);
          options.allow_duplicate = TRUE;
          if (options.kind == SL_IMPORT_SPEND)
            g_string_assign (csv, spend_csv);
          else
            for (guint i = 0; i < 20; i++)
              append_random_deal (csv, rand, i);
          file = sl_import_fixture_write (fixture, name, csv->str, csv->len);
          result = sl_import_fixture_import (fixture, file, &options);
          g_array_append_val (live, result->batch_id);
        }
      sl_test_assert_rollups_consistent (fixture->db);
    }
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

/* The real datasets: ../shared/data/README.md's reference figures. */

#define MEDIAN_SQL(expr, where) \
  "SELECT avg (x) FROM (SELECT " expr " AS x FROM deal WHERE " where " ORDER BY x " \
  "LIMIT 2 - (SELECT count(*) FROM deal WHERE " where ") % 2 " \
  "OFFSET ((SELECT count(*) FROM deal WHERE " where ") - 1) / 2)"

static gint64
channel_count (SlDatabase *db,
               const char *channel,
               const char *what)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(%s) FROM deal d JOIN channel c ON c.id = d.channel_id "
                                          "WHERE c.name = '%s'", what, channel);

  return Q (db, sql);
}

static gint64
rollup_in_month (SlDatabase *db,
                 const char *column,
                 const char *month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT sum (%s) FROM rollup_day "
                                          "WHERE strftime ('%%Y-%%m', day * 86400, 'unixepoch') = '%s'",
                                          column, month);

  return Q (db, sql);
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
  static const struct { const char *month; gint64 won; } months[] = {
    { "2017-12", 3 }, { "2018-01", 73 }, { "2018-02", 113 }, { "2018-03", 147 }, { "2018-04", 207 },
    { "2018-05", 122 }, { "2018-06", 57 }, { "2018-07", 37 }, { "2018-08", 33 }, { "2018-09", 23 },
    { "2018-10", 21 }, { "2018-11", 6 },
  };
  /* MQLs per month of first contact. */
  static const struct { const char *month; gint64 mqls; } mql_months[] = {
    { "2017-06", 4 }, { "2017-07", 239 }, { "2017-08", 386 }, { "2017-09", 312 }, { "2017-10", 416 },
    { "2017-11", 445 }, { "2017-12", 200 }, { "2018-01", 1141 }, { "2018-02", 1028 }, { "2018-03", 1174 },
    { "2018-04", 1352 }, { "2018-05", 1303 },
  };
  g_autofree char *mqls = sl_test_shared_data ("olist-funnel/olist_marketing_qualified_leads_dataset.csv");
  g_autofree char *closed = sl_test_shared_data ("olist-funnel/olist_closed_deals_dataset.csv");
  g_autoptr(GFile) file = g_file_new_for_path (mqls);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  options.preset = "olist";
  options.join_path = closed;
  result = sl_import_fixture_import (fixture, file, &options);

  g_assert_cmpuint (result->rows_accepted, ==, 8000);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal"), ==, 8000);
  g_assert_cmpint (Q (fixture->db, "SELECT count(won_day) FROM deal"), ==, 842);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (mqls) FROM rollup_day"), ==, 8000);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (leads) FROM rollup_day"), ==, 8000);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won) FROM rollup_day"), ==, 842);
  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      g_assert_cmpint (channel_count (fixture->db, origins[i].origin, "*"), ==, origins[i].mqls);
      g_assert_cmpint (channel_count (fixture->db, origins[i].origin, "won_day"), ==, origins[i].won);
    }
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    g_assert_cmpint (rollup_in_month (fixture->db, "won", months[i].month), ==, months[i].won);
  for (guint i = 0; i < G_N_ELEMENTS (mql_months); i++)
    g_assert_cmpint (rollup_in_month (fixture->db, "mqls", mql_months[i].month), ==, mql_months[i].mqls);

  /* Days from first contact to won: median 14, mean 48.4406, −2 … 427. */
  g_assert_cmpfloat (sl_test_query_double (fixture->db, MEDIAN_SQL ("won_day - lead_day", "won_day IS NOT NULL")),
                     ==, 14.0);
  g_assert_cmpfloat_with_epsilon (sl_test_query_double (fixture->db,
                                                        "SELECT avg (won_day - lead_day) FROM deal"), 48.4406, 1e-4);
  g_assert_cmpint (Q (fixture->db, "SELECT min (won_day - lead_day) FROM deal"), ==, -2);
  g_assert_cmpint (Q (fixture->db, "SELECT max (won_day - lead_day) FROM deal"), ==, 427);
  /* sr_id is the owner: 22 sales reps. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(DISTINCT owner) FROM deal"), ==, 22);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE owner IS NOT NULL AND won_day IS NULL"), ==, 0);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_real_olist_mqls_only (SlImportFixture *fixture,
                           gconstpointer    data)
{
  g_autofree char *mqls = sl_test_shared_data ("olist-funnel/olist_marketing_qualified_leads_dataset.csv");
  g_autoptr(GFile) file = g_file_new_for_path (mqls);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  /* Found by its header, without the closed deals: MQLs only. */
  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpstr (result->preset, ==, "olist");
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal"), ==, 8000);
  g_assert_cmpint (Q (fixture->db, "SELECT count(won_day) FROM deal"), ==, 0);
  g_assert_cmpint (channel_count (fixture->db, "paid_search", "*"), ==, 1586);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_real_maven (SlImportFixture *fixture,
                 gconstpointer    data)
{
  g_autofree char *path = sl_test_shared_data ("maven-crm/sales_pipeline.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;
  gint64 won, lost;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpstr (result->preset, ==, "maven");
  g_assert_cmpuint (result->rows_accepted, ==, 8800);

  won = Q (fixture->db, "SELECT count(won_day) FROM deal");
  lost = Q (fixture->db, "SELECT count(lost_day) FROM deal");
  g_assert_cmpint (won, ==, 4238);
  g_assert_cmpint (lost, ==, 2473);
  /* Win rate = won ÷ (won + lost) = 63.1501 %. */
  g_assert_cmpfloat_with_epsilon ((double)won / (won + lost), 0.631501, 1e-6);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (amount_minor) FROM deal WHERE won_day IS NOT NULL"), ==, 1000553400);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (won_minor) FROM rollup_day"), ==, 1000553400);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (lost) FROM rollup_day"), ==, 2473);
  /* Engaging 1,589 (open with an engage date), Prospecting 500 (no date at all). */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE lead_day IS NULL"), ==, 500);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE lead_day IS NULL AND opportunity_day IS NULL "
                                   "AND won_day IS NULL AND lost_day IS NULL"), ==, 500);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE lead_day IS NOT NULL AND won_day IS NULL "
                                   "AND lost_day IS NULL"), ==, 1589);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM deal WHERE lead_day <> opportunity_day"), ==, 0);
  /* Sales cycle of won deals: median 57 days, mean 51.7820. */
  g_assert_cmpfloat (sl_test_query_double (fixture->db, MEDIAN_SQL ("won_day - opportunity_day", "won_day IS NOT NULL")),
                     ==, 57.0);
  g_assert_cmpfloat_with_epsilon (sl_test_query_double (fixture->db, "SELECT avg (won_day - opportunity_day) FROM deal"),
                                  51.7820, 1e-4);
  g_assert_cmpint (Q (fixture->db, "SELECT count(DISTINCT owner) FROM deal"), ==, 30);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel"), ==, 1);
  sl_test_assert_rollups_consistent (fixture->db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Importing leads and deals: stages, joins, touchpoints, rollups");

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/import/funnel/basic", test_funnel_basic);
  ADD ("/core/import/funnel/stage-and-profit", test_funnel_stage_and_profit);
  ADD ("/core/import/funnel/fx", test_funnel_fx);
  ADD ("/core/import/funnel/bad-input", test_funnel_bad_input);
  ADD ("/core/import/funnel/valid-rows", test_funnel_valid_rows);
  ADD ("/core/import/funnel/join", test_funnel_join);
  ADD ("/core/import/funnel/join-refused", test_funnel_join_refused);
  ADD ("/core/import/funnel/undo", test_funnel_undo);
  ADD ("/core/import/funnel/random-imports-and-undos", test_funnel_random_imports_and_undos);
  ADD ("/core/import/real/olist", test_real_olist);
  ADD ("/core/import/real/olist-mqls-only", test_real_olist_mqls_only);
  ADD ("/core/import/real/maven", test_real_maven);
#undef ADD

  return g_test_run ();
}
