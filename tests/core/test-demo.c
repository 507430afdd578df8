/* test-demo.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sl-demo.h"
#include "sl-kpi-summary.h"
#include "sl-metric.h"
#include "sl-test-utils.h"

#define YEAR 2025

/* Every table the demo writes, for the fingerprints. */
static const char * const demo_tables[] = {
  "workspace", "finance_event", "kpi", "headcount", "channel", "campaign", "goal",
  "key_result", "import_batch", "budget_line", "spend", "customer", "deal",
  "touchpoint", "customer_mrr", "rollup_day",
};

static SlDatabase *
demo_new (const char *dir,
          const char *name,
          guint32     seed,
          gint64      spend_rows)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  SlDemoOptions options = { seed, spend_rows, YEAR };

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static gint64
query_text_int64 (SlDatabase *db,
                  const char *sql,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = sl_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sl_database_step_row (db, stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

/* SHA-256 over every row of @table, in the order of all its columns. */
static char *
table_sha256 (SlDatabase *db,
              const char *table)
{
  sqlite3 *handle = sl_database_get_handle (db);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int n_columns;

  /* @table comes from demo_tables[], never from data. */
  g_string_printf (sql, "SELECT * FROM %s", table);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  n_columns = sqlite3_column_count (stmt);
  sqlite3_finalize (stmt);

  g_string_append (sql, " ORDER BY 1");
  for (int i = 2; i <= n_columns; i++)
    g_string_append_printf (sql, ", %d", i);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        {
          char type = '0' + sqlite3_column_type (stmt, i);
          const guchar *value = sqlite3_column_text (stmt, i);

          g_checksum_update (checksum, (const guchar *)&type, 1);
          if (value != NULL)
            g_checksum_update (checksum, value, sqlite3_column_bytes (stmt, i));
          g_checksum_update (checksum, (const guchar *)"\x1f", 1);
        }
      g_checksum_update (checksum, (const guchar *)"\x1e", 1);
    }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_demo_deterministic (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autoptr(SlDatabase) a = demo_new (dir, "a.sunlight", 42, 0);
  g_autoptr(SlDatabase) b = demo_new (dir, "b.sunlight", 42, 0);
  g_autoptr(SlDatabase) c = demo_new (dir, "c.sunlight", 43, 0);
  guint n_differ = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_tables); i++)
    {
      g_autofree char *hash_a = table_sha256 (a, demo_tables[i]);
      g_autofree char *hash_b = table_sha256 (b, demo_tables[i]);
      g_autofree char *hash_c = table_sha256 (c, demo_tables[i]);

      g_assert_cmpstr (hash_a, ==, hash_b);
      n_differ += g_strcmp0 (hash_a, hash_c) != 0;
    }
  /* Another seed changes the facts, the budget and the uuids. */
  g_assert_cmpuint (n_differ, >=, 10);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  sl_test_remove_tree (dir);
}

static void
test_demo_counts (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autoptr(SlDatabase) db = demo_new (dir, "demo.sunlight", 1, 0);
  gint64 n_channels = sl_test_query_int64 (db, "SELECT count(*) FROM channel");
  gint64 n_deals = sl_test_query_int64 (db, "SELECT count(*) FROM deal");
  gint64 n_spend = sl_test_query_int64 (db, "SELECT count(*) FROM spend");
  gint64 n_won = sl_test_query_int64 (db, "SELECT count(*) FROM deal WHERE won_day IS NOT NULL");

  g_assert_cmpint (n_channels, >=, 6);
  g_assert_cmpint (n_channels, <=, 8);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM campaign "
                                            "WHERE channel_id IS NULL OR channel_id NOT IN (SELECT id FROM channel)"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel WHERE "
                                            "(SELECT count(*) FROM campaign WHERE channel_id = channel.id) NOT BETWEEN 2 AND 4"),
                   ==, 0);

  /* One row per active campaign and day up to October 15. */
  g_assert_cmpint (n_spend, >=, 5000);
  g_assert_cmpint (n_spend, <=, 6500);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT max (day) FROM spend"), ==, sl_day_from_ymd (YEAR, 10, 15));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT min (day) FROM spend"), ==, sl_day_from_ymd (YEAR, 1, 1));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM (SELECT 1 FROM spend GROUP BY campaign_id, day "
                                            "HAVING count(*) > 1)"),
                   ==, 0);

  g_assert_cmpint (n_deals, >=, 3000);
  g_assert_cmpint (n_deals, <=, 6500);
  g_assert_cmpint (n_won, >=, 50);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM customer"), ==, n_won);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM deal WHERE won_day IS NOT NULL "
                                            "AND (customer_id IS NULL OR gross_profit_minor IS NULL "
                                            "OR gross_profit_minor * 100 NOT BETWEEN amount_minor * 60 AND amount_minor * 75)"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM deal WHERE mql_day < lead_day OR sql_day < mql_day "
                                            "OR opportunity_day < sql_day OR won_day < opportunity_day "
                                            "OR lost_day < opportunity_day OR max (lead_day, ifnull (won_day, 0), "
                                            "ifnull (lost_day, 0)) > (SELECT max (day) FROM spend)"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(DISTINCT owner) FROM deal"), ==, 6);

  /* Touchpoints: 1–4 per won deal, distinct channels, the first one the origin. */
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM deal d WHERE won_day IS NOT NULL AND "
                                            "(SELECT count(*) FROM touchpoint t WHERE t.deal_id = d.id) NOT BETWEEN 1 AND 4"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM touchpoint t JOIN deal d ON d.id = t.deal_id "
                                            "WHERE t.position = 0 AND (t.channel_id <> d.channel_id OR t.day <> d.lead_day)"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM (SELECT deal_id FROM touchpoint GROUP BY deal_id "
                                            "HAVING count(DISTINCT channel_id) <> count(*) OR max (position) <> count(*) - 1)"),
                   ==, 0);

  /* MRR from the month of acquisition, positive. */
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM customer_mrr WHERE mrr_minor <= 0"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM customer c WHERE NOT EXISTS "
                                            "(SELECT 1 FROM customer_mrr m WHERE m.customer_id = c.id "
                                            "AND m.month_day = CAST (strftime ('%s', date (c.acquired_day * 86400, "
                                            "'unixepoch', 'start of month')) AS INTEGER) / 86400)"),
                   ==, 0);

  /* Every fact row belongs to the demo's batch. */
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM import_batch WHERE kind = 'demo'"), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT (SELECT count(*) FROM spend WHERE batch_id IS NULL) + "
                                            "(SELECT count(*) FROM deal WHERE batch_id IS NULL) + "
                                            "(SELECT count(*) FROM customer WHERE batch_id IS NULL) + "
                                            "(SELECT count(*) FROM customer_mrr WHERE batch_id IS NULL)"),
                   ==, 0);

  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM key_result"), >=, 3);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM kpi"), ==, 10);
  /* KPIs and key results name figures the engine computes (its metrics,
   * or pipeline velocity). */
  {
    g_autofree char *keys = sl_test_query_text (db, "SELECT metric FROM kpi UNION ALL SELECT metric FROM key_result");
    g_auto(GStrv) lines = g_strsplit (g_strchomp (keys), "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autoptr(SlKpiSummary) kpi = sl_kpi_summary_new (lines[i], 0);

        g_test_message ("%s", lines[i]);
        g_assert_cmpint (kpi->kind, !=, SL_KPI_KIND_UNKNOWN);
      }
  }
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM finance_event WHERE kind = 'review'"), ==, 4);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM budget_line WHERE version = 'committed' "
                                            "AND reference LIKE 'PO-2025-%'"),
                   >=, 3);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM budget_line WHERE version = 'plan' "
                                            "AND goal_id IS NOT NULL"),
                   >, 0);

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

static void
test_demo_reserve (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autoptr(SlDatabase) db = demo_new (dir, "demo.sunlight", 1, 0);
  gint64 total = sl_test_query_int64 (db, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'plan'");
  gint64 reserve = sl_test_query_int64 (db, "SELECT sum (amount_minor) FROM budget_line "
                                            "WHERE version = 'plan' AND is_reserve = 1");
  gint64 channels = sl_test_query_int64 (db, "SELECT sum (amount_minor) FROM budget_line "
                                             "WHERE version = 'plan' AND is_reserve = 0");

  g_assert_cmpint (total, >, 0);
  g_assert_cmpint (reserve * 10000, ==, total * 800);
  g_assert_cmpint (channels * 10000, ==, total * 9200);
  g_assert_cmpint (channels + reserve, ==, total);

  /* A reserve line per month, a line per channel and month, whole months. */
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM budget_line WHERE version = 'plan' AND is_reserve = 1"),
                   ==, 12);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM budget_line WHERE version = 'plan' AND is_reserve = 0"),
                   ==, 12 * sl_test_query_int64 (db, "SELECT count(*) FROM channel"));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM budget_line WHERE "
                                            "date (first_day * 86400, 'unixepoch') <> "
                                            "date (first_day * 86400, 'unixepoch', 'start of month') OR "
                                            "date (last_day * 86400, 'unixepoch') <> "
                                            "date (last_day * 86400, 'unixepoch', 'start of month', '+1 month', '-1 day')"),
                   ==, 0);
  /* Forecasts only from the month of "now" (October) on. */
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT min (first_day) FROM budget_line WHERE version = 'forecast'"),
                   ==, sl_day_from_ymd (YEAR, 10, 1));

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

/* The same sums as the writer's, written another way: every spend row and
 * every stage a deal reached, tagged, then summed per campaign and day. */
#define FRESH_ROLLUP \
  "WITH st AS (SELECT campaign_id, lead_day AS day, 'lead' AS stage, NULL AS amount, NULL AS gp FROM deal " \
  "    UNION ALL SELECT campaign_id, mql_day, 'mql', NULL, NULL FROM deal WHERE mql_day IS NOT NULL " \
  "    UNION ALL SELECT campaign_id, sql_day, 'sql', NULL, NULL FROM deal WHERE sql_day IS NOT NULL " \
  "    UNION ALL SELECT campaign_id, opportunity_day, 'opp', NULL, NULL FROM deal WHERE opportunity_day IS NOT NULL " \
  "    UNION ALL SELECT campaign_id, won_day, 'won', amount_minor, gross_profit_minor FROM deal WHERE won_day IS NOT NULL " \
  "    UNION ALL SELECT campaign_id, lost_day, 'lost', NULL, NULL FROM deal WHERE lost_day IS NOT NULL), " \
  "  facts AS (SELECT campaign_id, day, amount_ws_minor AS sp, impressions AS im, clicks AS cl, conversions AS cv, " \
  "      NULL AS stage, NULL AS amount, NULL AS gp FROM spend " \
  "    UNION ALL SELECT campaign_id, day, 0, 0, 0, 0, stage, amount, gp FROM st WHERE campaign_id IS NOT NULL), " \
  "  fresh AS (SELECT f.day, f.campaign_id, c.channel_id, sum (f.sp), sum (f.im), sum (f.cl), sum (f.cv), " \
  "    sum (f.stage IS 'lead'), sum (f.stage IS 'mql'), sum (f.stage IS 'sql'), sum (f.stage IS 'opp'), " \
  "    sum (f.stage IS 'won'), sum (f.stage IS 'lost'), ifnull (sum (f.amount), 0), ifnull (sum (f.gp), 0) " \
  "    FROM facts AS f JOIN campaign AS c ON c.id = f.campaign_id GROUP BY f.day, f.campaign_id), " \
  "  stored AS (SELECT day, campaign_id, channel_id, spend_minor, impressions, clicks, conversions, leads, " \
  "    mqls, sqls, opportunities, won, lost, won_minor, won_gross_profit_minor FROM rollup_day) "

static void
check_rollup (SlDatabase *db)
{
  g_assert_cmpint (sl_test_query_int64 (db, FRESH_ROLLUP "SELECT count(*) FROM (SELECT * FROM stored EXCEPT SELECT * FROM fresh)"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, FRESH_ROLLUP "SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM stored)"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, FRESH_ROLLUP "SELECT count(*) FROM fresh"),
                   ==, sl_test_query_int64 (db, "SELECT count(*) FROM rollup_day"));
}

static void
test_demo_rollup (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autoptr(SlDatabase) db = demo_new (dir, "demo.sunlight", 1, 0);

  check_rollup (db);
  /* Some days have deals but no spend (e.g. closes after a campaign ended). */
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM rollup_day WHERE spend_minor = 0 AND leads + won + lost > 0"),
                   >, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM rollup_day r JOIN campaign c ON c.id = r.campaign_id "
                                            "WHERE c.channel_id <> r.channel_id"),
                   ==, 0);

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

/* DOMAIN.md, worked example 1: Display's leads are cheap and rarely buy;
 * Events' are dear and do. */
static void
test_demo_cheap_leads (void)
{
  static const char * const spend_sql =
    "SELECT sum (s.amount_ws_minor) FROM spend s JOIN campaign c ON c.id = s.campaign_id "
    "JOIN channel ch ON ch.id = c.channel_id WHERE ch.name = ?1";
  static const char * const leads_sql =
    "SELECT count(*) FROM deal d JOIN channel ch ON ch.id = d.channel_id WHERE ch.name = ?1";
  static const char * const won_sql =
    "SELECT count(*) FROM deal d JOIN channel ch ON ch.id = d.channel_id WHERE ch.name = ?1 AND won_day IS NOT NULL";
  g_autofree char *dir = sl_test_make_tmp_dir ();

  for (guint32 seed = 1; seed <= 5; seed++)
    {
      g_autofree char *name = g_strdup_printf ("demo-%u.sunlight", seed);
      g_autoptr(SlDatabase) db = demo_new (dir, name, seed, 0);
      gint64 spend_cheap = query_text_int64 (db, spend_sql, "Display");
      gint64 spend_dear = query_text_int64 (db, spend_sql, "Events");
      gint64 leads_cheap = query_text_int64 (db, leads_sql, "Display");
      gint64 leads_dear = query_text_int64 (db, leads_sql, "Events");
      gint64 won_cheap = query_text_int64 (db, won_sql, "Display");
      gint64 won_dear = query_text_int64 (db, won_sql, "Events");

      g_assert_cmpint (leads_cheap, >, 2 * leads_dear);
      g_assert_cmpint (won_cheap, >, 0);
      g_assert_cmpint (won_dear, >, won_cheap);
      /* CPL: cheap < dear. */
      g_assert_cmpint (spend_cheap * leads_dear, <, spend_dear * leads_cheap);
      /* CAC: cheap > dear. */
      g_assert_cmpint (spend_cheap * won_dear, >, spend_dear * won_cheap);
      /* Lead-to-client: cheap < dear. */
      g_assert_cmpint (won_cheap * leads_dear, <, won_dear * leads_cheap);
    }

  sl_test_remove_tree (dir);
}

static void
test_demo_spend_rows (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autoptr(SlDatabase) natural = demo_new (dir, "natural.sunlight", 3, 0);
  g_autoptr(SlDatabase) many = demo_new (dir, "many.sunlight", 3, 50000);
  g_autoptr(SlDatabase) few = demo_new (dir, "few.sunlight", 3, 1000);
  static const char * const totals_sql =
    "SELECT sum (amount_minor) * 1000003 + sum (impressions) * 101 + sum (clicks) * 7 + sum (conversions) FROM spend";

  g_assert_cmpint (sl_test_query_int64 (many, "SELECT count(*) FROM spend"), ==, 50000);
  g_assert_cmpint (sl_test_query_int64 (few, "SELECT count(*) FROM spend"), ==, 1000);

  /* Split rows add up to the natural ones exactly. */
  g_assert_cmpint (sl_test_query_int64 (many, totals_sql), ==, sl_test_query_int64 (natural, totals_sql));
  g_assert_cmpint (sl_test_query_int64 (many, "SELECT count(*) FROM spend WHERE amount_minor < 0"), ==, 0);

  /* Only the spend rows depend on their number. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_tables); i++)
    {
      g_autofree char *hash_natural = NULL;
      g_autofree char *hash_many = NULL;

      if (g_str_equal (demo_tables[i], "spend") || g_str_equal (demo_tables[i], "rollup_day") ||
          g_str_equal (demo_tables[i], "import_batch"))
        continue;
      hash_natural = table_sha256 (natural, demo_tables[i]);
      hash_many = table_sha256 (many, demo_tables[i]);
      g_assert_cmpstr (hash_natural, ==, hash_many);
    }

  check_rollup (many);
  check_rollup (few);

  g_clear_object (&natural);
  g_clear_object (&many);
  g_clear_object (&few);
  sl_test_remove_tree (dir);
}

static void
check_integrity (SlDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row = TRUE;

  stmt = sl_database_prepare (db, "PRAGMA foreign_key_check", &error);
  g_assert_no_error (error);
  sl_database_step_row (db, stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_false (has_row);
  g_clear_pointer (&stmt, sl_statement_release);

  stmt = sl_database_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  sl_database_step_row (db, stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
}

static void
test_demo_integrity (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autoptr(SlDatabase) db = demo_new (dir, "demo.sunlight", 5, 20000);

  check_integrity (db);

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_demo_progress (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sunlight", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  SlDemoOptions options = { 9, 250000, YEAR };
  double last = 0.0;

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, progress_cb, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM spend"), ==, 250000);

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

/* A workspace row that already exists is kept, and its reserve used. */
static void
test_demo_existing_workspace (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "mine.sunlight", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  SlDemoOptions options = { 1, 0, YEAR };
  gint64 total, reserve, n_spend;

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_workspace_row_insert (db, "Mine", "USD", SL_CALENDAR_THAI, 4, 550, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM workspace WHERE name = 'Mine' "
                                            "AND calendar = 'thai' AND fiscal_start_month = 4"),
                   ==, 1);
  total = sl_test_query_int64 (db, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'plan'");
  reserve = sl_test_query_int64 (db, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'plan' AND is_reserve = 1");
  g_assert_cmpint (reserve * 10000, ==, total * 550);

  /* A second demo is refused, and nothing changes. */
  n_spend = sl_test_query_int64 (db, "SELECT count(*) FROM spend");
  g_assert_false (sl_demo_write (db, &options, NULL, NULL, &error));
  g_assert_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_NOT_EMPTY);
  g_clear_error (&error);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM spend"), ==, n_spend);
  g_assert_false (sl_database_in_transaction (db));

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

static void
test_demo_refusals (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "euro.sunlight", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  SlDemoOptions options = { 1, 0, YEAR };
  SlDemoOptions bad_year = { 1, 0, 0 };
  SlDemoOptions bad_rows = { 1, -5, YEAR };

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);

  g_assert_false (sl_workspace_row_insert (db, "Bad", "XYZ", SL_CALENDAR_GREGORIAN, 1, 800, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sl_workspace_row_insert (db, "Bad", "EUR", SL_CALENDAR_GREGORIAN, 13, 800, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sl_workspace_row_insert (db, "Bad", "EUR", SL_CALENDAR_GREGORIAN, 1, 10001, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM workspace"), ==, 0);

  g_assert_false (sl_demo_write (db, &bad_year, NULL, NULL, &error));
  g_assert_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sl_demo_write (db, &bad_rows, NULL, NULL, &error));
  g_assert_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_INVALID);
  g_clear_error (&error);

  sl_workspace_row_insert (db, "Euro", "EUR", SL_CALENDAR_GREGORIAN, 1, 800, &error);
  g_assert_no_error (error);
  g_assert_false (sl_demo_write (db, &options, NULL, NULL, &error));
  g_assert_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM import_batch"), ==, 0);

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The demo workspace: deterministic, consistent, and telling the domain's stories.");

  g_test_add_func ("/core/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/core/demo/counts", test_demo_counts);
  g_test_add_func ("/core/demo/reserve", test_demo_reserve);
  g_test_add_func ("/core/demo/rollup", test_demo_rollup);
  g_test_add_func ("/core/demo/cheap-leads", test_demo_cheap_leads);
  g_test_add_func ("/core/demo/spend-rows", test_demo_spend_rows);
  g_test_add_func ("/core/demo/integrity", test_demo_integrity);
  g_test_add_func ("/core/demo/progress", test_demo_progress);
  g_test_add_func ("/core/demo/existing-workspace", test_demo_existing_workspace);
  g_test_add_func ("/core/demo/refusals", test_demo_refusals);

  return g_test_run ();
}
