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

#include <json-glib/json-glib.h>

#include "sl-test-cli.h"
#include "sl-test-utils.h"

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

/* Reports */

/* RFC 4180: rows of fields (quoted fields may hold commas, quotes, line
 * ends); every line must end in CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      while (*p != ',' && *p != '\r' && *p != '\0')
        g_string_append_c (field, *p++);
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);
      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_cmpint (p[0], ==, '\r');
      g_assert_cmpint (p[1], ==, '\n');
      p += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
      fields = g_ptr_array_new_with_free_func (g_free);
    }
  return g_steal_pointer (&rows);
}

static guint
csv_column (GPtrArray  *rows,
            const char *name)
{
  GStrv header = g_ptr_array_index (rows, 0);

  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_error ("no column %s", name);
}

static const char *
csv_cell (GPtrArray  *rows,
          guint       row,
          const char *name)
{
  return ((GStrv)g_ptr_array_index (rows, row))[csv_column (rows, name)];
}

static gint64
csv_int (GPtrArray  *rows,
         guint       row,
         const char *name)
{
  gint64 value = 0;

  g_assert_true (g_ascii_string_to_signed (csv_cell (rows, row, name), 10, G_MININT64, G_MAXINT64, &value, NULL));
  return value;
}

/* The last row is the total: every additive column is exactly the sum of
 * the other rows, and the total's CPL is its spend ÷ its leads (or
 * undefined without leads). */
static void
assert_csv_total (const char *csv,
                  guint       expected_rows)
{
  static const char * const sums[] = {
    "spend_minor", "leads", "mqls", "sqls", "opportunities", "new_customers", "revenue_minor",
  };
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  guint total = rows->len - 1;
  g_auto(GStrv) cpl = NULL;

  g_assert_cmpuint (rows->len, ==, expected_rows + 2);
  g_assert_cmpstr (csv_cell (rows, total, "row"), ==, "total");
  for (guint i = 1; i < total; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, g_strv_length (g_ptr_array_index (rows, 0)));
  for (guint c = 0; c < G_N_ELEMENTS (sums); c++)
    {
      gint64 sum = 0;

      for (guint i = 1; i < total; i++)
        sum += csv_int (rows, i, sums[c]);
      g_assert_cmpint (csv_int (rows, total, sums[c]), ==, sum);
    }
  if (csv_int (rows, total, "leads") == 0)
    {
      g_assert_cmpstr (csv_cell (rows, total, "cpl_fraction"), ==, "");
      g_assert_cmpstr (csv_cell (rows, total, "cpl_reason"), ==, "no leads");
      return;
    }
  cpl = g_strsplit (csv_cell (rows, total, "cpl_fraction"), "/", 2);
  g_assert_cmpint (g_ascii_strtoll (cpl[0], NULL, 10) * csv_int (rows, total, "leads"), ==,
                   g_ascii_strtoll (cpl[1], NULL, 10) * csv_int (rows, total, "spend_minor"));
}

static JsonObject *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gint64
rollup_spend (const char *ws,
              SlDay       first,
              SlDay       last)
{
  g_autofree char *sql = g_strdup_printf ("SELECT sum (spend_minor) FROM rollup_day WHERE day BETWEEN %d AND %d",
                                          first, last);

  return query (ws, sql);
}

static void
test_report_demo (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *ws = g_build_filename (dir, "demo.sunlight", NULL);
  g_auto(CliRun) demo = { 0 }, table = { 0 }, csv = { 0 }, months = { 0 }, campaigns = { 0 };
  g_auto(CliRun) json = { 0 }, linear = { 0 };
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonObject) credited = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *total, *spend;

  run_cli (&demo, "demo", ws, "--year", "2025", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_cli (&table, "report", ws, "--period", "2025-Q3", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_cmpstr (table.err, ==, "");
  g_assert_nonnull (strstr (table.out, "Q3 FY2025"));
  g_assert_nonnull (strstr (table.out, "Paid Search"));
  g_assert_nonnull (strstr (table.out, "\nTotal "));

  /* Seven channels, three months, every campaign: each total is the sum. */
  run_cli (&csv, "report", ws, "--period", "2025-Q3", "--by", "channel", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  assert_csv_total (csv.out, 7);
  run_cli (&months, "report", ws, "--period", "2025-Q3", "--by", "month", "--format", "csv", NULL);
  g_assert_cmpint (months.status, ==, 0);
  assert_csv_total (months.out, 3);
  rows = parse_csv (months.out);
  g_assert_cmpstr (csv_cell (rows, 1, "month"), ==, "2025-07");
  g_assert_cmpstr (csv_cell (rows, 3, "last_day"), ==, "2025-09-30");
  run_cli (&campaigns, "report", ws, "--period", "2025-Q3", "--by", "campaign", "--format", "csv", NULL);
  g_assert_cmpint (campaigns.status, ==, 0);
  assert_csv_total (campaigns.out, query (ws, "SELECT count(*) FROM campaign"));

  /* JSON parses; its spend is the rollups' sum over the quarter's days. */
  run_cli (&json, "report", ws, "--period", "2025-Q3", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  report = parse_json (json.out);
  g_assert_cmpstr (json_object_get_string_member (report, "by"), ==, "channel");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "rows")), ==, 7);
  total = json_object_get_object_member (report, "total");
  spend = json_object_get_object_member (total, "spend");
  g_assert_cmpint (json_object_get_int_member (spend, "minor"), ==,
                   rollup_spend (ws, sl_day_from_ymd (2025, 7, 1), sl_day_from_ymd (2025, 9, 30)));
  g_assert_cmpstr (json_object_get_string_member (spend, "currency"), ==, "USD");
  g_assert_true (json_object_has_member (json_object_get_object_member (total, "roi"), "basis"));

  /* A model moves revenue between channels, never in or out of the total. */
  run_cli (&linear, "report", ws, "--period", "2025-Q3", "--attribution", "linear", "--format", "json", NULL);
  g_assert_cmpint (linear.status, ==, 0);
  credited = parse_json (linear.out);
  g_assert_cmpstr (json_object_get_string_member (credited, "attribution"), ==, "linear");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (credited, "total"), "revenue"), "minor"),
                   ==,
                   json_object_get_int_member (json_object_get_object_member (total, "revenue"), "minor"));

  sl_test_remove_tree (dir);
}

/* Facebook's ads: spend, impressions and clicks only, so every cost per
 * funnel stage is undefined, not 0. */
static void
test_report_real (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *ws = g_build_filename (dir, "fb.sunlight", NULL);
  g_autofree char *data = sl_test_shared_data ("facebook-ad-campaign/data.csv");
  g_auto(CliRun) created = { 0 }, imported = { 0 }, json = { 0 }, csv = { 0 }, months = { 0 }, table = { 0 };
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *total;

  run_cli (&created, "new", ws, "--name", "Facebook", "--currency", "USD", NULL);
  g_assert_cmpint (created.status, ==, 0);
  run_cli (&imported, "import", ws, "--kind", "spend", data, NULL);
  g_assert_cmpint (imported.status, ==, 0);

  run_cli (&json, "report", ws, "--period", "2017-08-17..2017-08-30", "--by", "campaign", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  report = parse_json (json.out);
  total = json_object_get_object_member (report, "total");
  /* 58,705.23: the data README's figure, and the rollups' */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (total, "spend"), "minor"), ==, 5870523);
  g_assert_cmpint (rollup_spend (ws, sl_day_from_ymd (2017, 8, 17), sl_day_from_ymd (2017, 8, 30)), ==, 5870523);
  g_assert_cmpint (json_object_get_int_member (total, "leads"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (total, "cpl"), "undefined"), ==, "no leads");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (total, "cac"), "undefined"), ==,
                   "no new customers");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (total, "lead_to_client"), "undefined"), ==,
                   "no leads");
  g_assert_false (json_object_has_member (json_object_get_object_member (total, "cpl"), "minor"));
  /* Spend and no revenue: ROI is defined, −100 %. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (total, "roi"), "num"), ==, -1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (total, "roi"), "den"), ==, 1);

  run_cli (&csv, "report", ws, "--period", "2017-08-17..2017-08-30", "--by", "campaign", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  assert_csv_total (csv.out, query (ws, "SELECT count(*) FROM campaign"));
  rows = parse_csv (csv.out);
  g_assert_cmpstr (csv_cell (rows, rows->len - 1, "cpl_minor"), ==, "");
  g_assert_cmpstr (csv_cell (rows, rows->len - 1, "cpl"), ==, "");
  g_assert_cmpstr (csv_cell (rows, rows->len - 1, "cpl_reason"), ==, "no leads");
  g_assert_cmpstr (csv_cell (rows, rows->len - 1, "roi_fraction"), ==, "-1/1");

  run_cli (&months, "report", ws, "--period", "2017-Q3", "--by", "month", "--format", "csv", NULL);
  g_assert_cmpint (months.status, ==, 0);
  assert_csv_total (months.out, 3);

  run_cli (&table, "report", ws, "--period", "2017-08", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "—"));

  sl_test_remove_tree (dir);
}

static void
test_report_bad_options (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *ws = g_build_filename (dir, "w.sunlight", NULL);
  static const struct { const char *option, *value, *named; } bad[] = {
    { "--period", "2025-Q5", "“2025-Q5”" },
    { "--period", "2025-03-31..2025-01-01", "“2025-03-31..2025-01-01”" },
    { "--by", "week", "“week”" },
    { "--attribution", "magic", "“magic”" },
    { "--format", "xml", "“xml”" },
  };
  g_auto(CliRun) created = { 0 }, missing = { 0 };

  run_cli (&created, "new", ws, "--name", "Empty", "--currency", "EUR", NULL);
  g_assert_cmpint (created.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, "report", ws, bad[i].option, bad[i].value, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, bad[i].option));
      g_assert_nonnull (strstr (run.err, bad[i].named));
    }

  run_cli (&missing, "report", "nowhere.sunlight", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "nowhere.sunlight"));

  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("sunlight-cli as scripts use it: exit statuses and output");

  g_assert_cmpint (argc, >=, 2);
  sl_test_cli_set_path (argv[1]);

  g_test_add_func ("/cli/import-cycle", test_import_cycle);
  g_test_add_func ("/cli/funnel-join", test_funnel_join);
  g_test_add_func ("/cli/saved-mapping", test_saved_mapping);
  g_test_add_func ("/cli/bad-options", test_bad_options);
  g_test_add_func ("/cli/report/demo", test_report_demo);
  g_test_add_func ("/cli/report/real", test_report_real);
  g_test_add_func ("/cli/report/bad-options", test_report_bad_options);
  return g_test_run ();
}
