/* test-cli.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real sunlight-cli (its path is the first argument) the way a
 * script does, and checks exit statuses and output.
 */

#include "config.h"

#include "sl-test-utils.h"

static const char *cli_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
run_cli (CliRun      *run,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *)cli_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_import_cycle (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *ws = g_build_filename (dir, "w.sunlight", NULL);
  g_autofree char *csv = g_build_filename (dir, "spend.csv", NULL);
  g_autofree char *ambiguous = g_build_filename (dir, "dates.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_auto(CliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 }, r6 = { 0 }, r7 = { 0 }, r8 = { 0 };

  sl_test_write_file (csv, "date,channel,campaign,spend\n2025-03-01,Search,Brand,10.00\n2025-03-02,Social,Spring,5.50\n", -1);
  sl_test_write_file (ambiguous, "date,channel,spend\n01/02/2025,Search,1.00\n", -1);
  sl_test_write_file (bad, "date,channel,spend\n2025-03-01,Search,1.00\n2025-03-02,Search,lots\n", -1);

  run_cli (&r1, "new", ws, "--name", "CLI", "--currency", "USD", "--calendar", "gregorian", "--fiscal-start", "1", NULL);
  g_assert_cmpint (r1.status, ==, 0);

  run_cli (&r2, "import", ws, "--kind", "spend", csv, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_nonnull (strstr (r2.out, "2 rows imported"));

  /* The same file again: a distinct status, for scripts. */
  run_cli (&r3, "import", ws, "--kind", "spend", csv, NULL);
  g_assert_cmpint (r3.status, ==, 3);

  run_cli (&r4, "import", ws, "--kind", "spend", ambiguous, NULL);
  g_assert_cmpint (r4.status, ==, 4);

  run_cli (&r5, "import", ws, "--kind", "spend", bad, NULL);
  g_assert_cmpint (r5.status, ==, 1);
  g_assert_nonnull (strstr (r5.err, "bad.csv:3"));

  run_cli (&r6, "batches", ws, NULL);
  g_assert_cmpint (r6.status, ==, 0);
  g_assert_true (g_str_has_prefix (r6.out, "1\tspend\t2\t0\t"));
  g_assert_cmpint (strchr (r6.out, '\n') - r6.out + 1, ==, (int)strlen (r6.out));

  run_cli (&r7, "undo-import", ws, "1", NULL);
  g_assert_cmpint (r7.status, ==, 0);
  run_cli (&r8, "undo-import", ws, "1", NULL);
  g_assert_cmpint (r8.status, ==, 1);
  g_assert_nonnull (strstr (r8.err, "no import 1"));

  sl_test_remove_tree (dir);
}

static gint64
query (const char *ws,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (ws, SL_DATABASE_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  return sl_test_query_int64 (db, sql);
}

static void
test_funnel_join (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *ws = g_build_filename (dir, "w.sunlight", NULL);
  g_autofree char *mqls = sl_test_shared_data ("olist-funnel/olist_marketing_qualified_leads_dataset.csv");
  g_autofree char *closed = sl_test_shared_data ("olist-funnel/olist_closed_deals_dataset.csv");
  g_autofree char *missing = g_build_filename (dir, "nowhere.csv", NULL);
  g_auto(CliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 };

  run_cli (&r1, "new", ws, "--name", "CLI", "--currency", "BRL", "--calendar", "gregorian", "--fiscal-start", "1", NULL);
  g_assert_cmpint (r1.status, ==, 0);

  /* A join file that is not there: refused, nothing imported. */
  run_cli (&r2, "import", ws, "--kind", "funnel", "--join", missing, mqls, NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "nowhere.csv"));
  g_assert_cmpint (query (ws, "SELECT count(*) FROM deal"), ==, 0);

  run_cli (&r3, "import", ws, "--kind", "funnel", "--join", closed, mqls, NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "(olist)"));
  g_assert_nonnull (strstr (r3.out, "8000 rows imported"));
  g_assert_cmpint (query (ws, "SELECT count(won_day) FROM deal"), ==, 842);

  sl_test_remove_tree (dir);
}

static void
test_saved_mapping (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *ws = g_build_filename (dir, "w.sunlight", NULL);
  g_autofree char *march = g_build_filename (dir, "march.csv", NULL);
  g_autofree char *april = g_build_filename (dir, "april.csv", NULL);
  g_auto(CliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 }, r6 = { 0 };

  sl_test_write_file (march, "Stat time;Ad group;Total cost\n31/03/2025;Spring;1.234,50\n", -1);
  sl_test_write_file (april, "Stat time;Ad group;Total cost\n01/04/2025;Spring;0,50\n", -1);
  run_cli (&r1, "new", ws, "--name", "CLI", "--currency", "USD", "--calendar", "gregorian", "--fiscal-start", "1", NULL);
  g_assert_cmpint (r1.status, ==, 0);

  /* A field that spend imports do not have */
  run_cli (&r2, "import", ws, "--kind", "spend", "--map", "mrr=Total cost", march, NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "“mrr”"));

  run_cli (&r3, "import", ws, "--kind", "spend", "--map", "date=Stat time", "--map", "spend=Total cost",
           "--map", "campaign=Ad group", "-m", "channel-name=TikTok", "--date-order", "dmy",
           "--decimal-comma", "--save-mapping", "TikTok Ads", march, NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "(TikTok Ads)"));

  /* The next export of that source needs no options at all. */
  run_cli (&r4, "import", ws, "--kind", "spend", april, NULL);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "(TikTok Ads)"));
  g_assert_cmpint (query (ws, "SELECT sum (r.spend_minor) FROM rollup_day r JOIN channel c ON c.id = r.channel_id "
                              "WHERE c.name = 'TikTok'"), ==, 123500);

  run_cli (&r5, "mappings", ws, NULL);
  g_assert_cmpint (r5.status, ==, 0);
  g_assert_true (g_str_has_prefix (r5.out, "TikTok Ads\tspend\t{"));

  run_cli (&r6, "import", ws, "--kind", "revenue", "--mapping", "TikTok Ads", april, NULL);
  g_assert_cmpint (r6.status, ==, 1);
  g_assert_nonnull (strstr (r6.err, "spend"));

  sl_test_remove_tree (dir);
}

static void
test_bad_options (void)
{
  g_auto(CliRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 };

  run_cli (&r1, "import", "nowhere.sunlight", "--kind", "gossip", "x.csv", NULL);
  g_assert_cmpint (r1.status, ==, 1);
  g_assert_nonnull (strstr (r1.err, "gossip"));

  run_cli (&r2, "frobnicate", NULL);
  g_assert_cmpint (r2.status, ==, 1);

  run_cli (&r3, "--help", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "undo-import"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("sunlight-cli as scripts use it: exit statuses and output");

  g_assert_cmpint (argc, >=, 2);
  cli_path = argv[1];

  g_test_add_func ("/cli/import-cycle", test_import_cycle);
  g_test_add_func ("/cli/funnel-join", test_funnel_join);
  g_test_add_func ("/cli/saved-mapping", test_saved_mapping);
  g_test_add_func ("/cli/bad-options", test_bad_options);
  return g_test_run ();
}
