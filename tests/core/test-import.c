/* test-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sl-import-batch.h"
#include "sl-importer.h"
#include "sl-test-utils.h"

static const char basic_csv[] =
  "Date,Channel,Campaign,Spend,Currency,Impressions,Clicks,Conversions\n"
  "2025-03-01,Search,Brand,100.50,USD,1000,50,2\n"
  "2025-03-01,Search,Generic,20.00,USD,500,10,0\n"
  "2025-03-02,Search,Brand,99.50,,900,45,1\n"
  "2025-03-02,Social,\"Spring, retargeting\",0.01,USD,10,1,0\n";

static void
test_spend_basic (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "spend.csv", basic_csv, -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  result = sl_import_fixture_import (fixture, file, &options);

  g_assert_cmpuint (result->rows_accepted, ==, 4);
  g_assert_cmpuint (result->rows_rejected, ==, 0);
  g_assert_null (result->rejects_path);
  g_assert_cmpstr (result->preset, ==, "generic");
  g_assert_cmpint (result->date_order, ==, SL_DATE_ORDER_ISO);
  g_assert_cmpint (strlen (result->sha256), ==, 64);

  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (amount_minor) FROM spend"), ==, 22001);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day"), ==, 22001);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM rollup_day"), ==, 4);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (clicks) FROM rollup_day WHERE day = 20149"), ==, 46);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM channel"), ==, 2);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT count(*) FROM campaign WHERE name = 'Spring, retargeting'"), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT rows_accepted FROM import_batch"), ==, 4);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_spend_bad_input (SlImportFixture *fixture,
                      gconstpointer    data)
{
  static const char header[] = "date,channel,campaign,spend,currency\n";
  static const char nul_csv[] = "date,channel,spend\n2025-03-01,Sea\0rch,1.00\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const struct
  {
    const char *body;
    int         code;
    const char *needle;
  } cases[] = {
    { "2025-03-01,Search,Brand,12a,USD\n", SL_IMPORT_ERROR_BAD_ROW, "bad.csv:2: column “spend”" },
    { "2025-02-31,Search,Brand,1.00,USD\n", SL_IMPORT_ERROR_BAD_ROW, "column “date”" },
    /* Found by fuzz-date: a day past 255 wrapped around to a valid one. */
    { "2025-01-531,Search,Brand,1.00,USD\n", SL_IMPORT_ERROR_BAD_ROW, "column “date”" },
    { "531/01/2025,Search,Brand,1.00,USD\n", SL_IMPORT_ERROR_BAD_ROW, "column “date”" },
    { "2025-03-01,Search,Brand,1.00,USD\n2025-13-01,Search,Brand,1.00,USD\n", SL_IMPORT_ERROR_BAD_ROW, ":3:" },
    { "2025-03-01,Search,Brand,-5.00,USD\n", SL_IMPORT_ERROR_BAD_ROW, "negative" },
    { "2025-03-01,Search,Brand,1.001,USD\n", SL_IMPORT_ERROR_BAD_ROW, "decimals" },
    { "2025-03-01,Search,Brand,92233720368547758.08,USD\n", SL_IMPORT_ERROR_BAD_ROW, "too large" },
    { "2025-03-01,Search,Brand,1.00,EUR\n", SL_IMPORT_ERROR_BAD_ROW, "exchange rate" },
    { "2025-03-01,Search,Brand,1.00,XYZ\n", SL_IMPORT_ERROR_BAD_ROW, "ISO 4217" },
    { "2025-03-01,Search,Brand,,USD\n", SL_IMPORT_ERROR_BAD_ROW, "empty" },
    { "", SL_IMPORT_ERROR_NO_ROWS, "no rows" },
  };
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_strconcat (header, cases[i].body, NULL);

      g_test_message ("case %u: %s", i, cases[i].body);
      sl_import_fixture_assert_refused (fixture, contents, -1, &options, SL_IMPORT_ERROR, cases[i].code, cases[i].needle);
    }

  sl_import_fixture_assert_refused (fixture, "date,channel,campaign,currency\n2025-03-01,A,B,USD\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "“spend”");
  sl_import_fixture_assert_refused (fixture, "when,what,how much\n2025-03-01,A,1\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "bad.csv:1");
  sl_import_fixture_assert_refused (fixture, "", 0, &options, SL_CSV_ERROR, SL_CSV_ERROR_EMPTY, NULL);
  sl_import_fixture_assert_refused (fixture, "date,channel,spend\n2025-03-01,\"Search,1.00\n", -1, &options,
                                    SL_CSV_ERROR, SL_CSV_ERROR_UNTERMINATED_QUOTE, ":2");
  sl_import_fixture_assert_refused (fixture, nul_csv, sizeof nul_csv - 1, &options,
                                    SL_CSV_ERROR, SL_CSV_ERROR_BINARY,
                                    "bad.csv:2: column “channel”: contains binary data (NUL byte)");
  /* A PNG: its first line is not UTF-8; no header yet, so by position. */
  sl_import_fixture_assert_refused (fixture, png, sizeof png - 1, &options,
                                    SL_CSV_ERROR, SL_CSV_ERROR_ENCODING,
                                    "bad.csv:1: column 1: the text is not valid UTF-8");
  /* Mixed delimiters: a semicolon header, comma rows. */
  sl_import_fixture_assert_refused (fixture, "date;channel;spend\n2025-03-01,Search,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, ":2");
}

/* Text that is not text is refused naming the column: by the header's
 * name under it (as the file spells it, stripped), by position in the
 * header itself or past its last column. */
static void
test_spend_not_text_column (SlImportFixture *fixture,
                            gconstpointer    data)
{
  static const struct
  {
    const char    *contents;
    gsize          length;
    SlCsvEncoding  encoding;
    SlCsvError     code;
    const char    *needle;
  } cases[] = {
    { "date,channel,spend\n2025-03-01,Search,1\x1B[0m.00\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_ERROR_BINARY,
      "bad.csv:2: column “spend”: contains binary data (control character 0x1B)" },
    { "date;\" Channel \";spend\r\n2025-03-01;\"Sea;rch\r\n\x07\";1.00\r\n", 0, SL_CSV_ENCODING_AUTO,
      SL_CSV_ERROR_BINARY, "bad.csv:3: column “Channel”: contains binary data (control character 0x07)" },
    { "date,channel,campaign,spend\n2025-03-01,Search,Caf\xE9,1.00\n", 0, SL_CSV_ENCODING_AUTO,
      SL_CSV_ERROR_ENCODING, "bad.csv:2: column “campaign”: the text is not valid UTF-8" },
    { "date,channel,campaign,spend\n2025-03-01,Search,\x81,1.00\n", 0, SL_CSV_ENCODING_WINDOWS_1252,
      SL_CSV_ERROR_ENCODING, "bad.csv:2: column “campaign”: the text is not valid Windows-1252" },
    { "date,channel,sp\0end\n2025-03-01,Search,1.00\n", 43, SL_CSV_ENCODING_AUTO, SL_CSV_ERROR_BINARY,
      "bad.csv:1: column 3: contains binary data (NUL byte)" },
    { "date,channel,spend\n2025-03-01,Search,1.00,\x02\n", 0, SL_CSV_ENCODING_AUTO, SL_CSV_ERROR_BINARY,
      "bad.csv:2: column 4: contains binary data (control character 0x02)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length != 0 ? cases[i].length : strlen (cases[i].contents);
      SlImportOptions options;

      g_test_message ("case %u", i);
      sl_import_options_init (&options, SL_IMPORT_SPEND);
      options.encoding = cases[i].encoding;
      sl_import_fixture_assert_refused (fixture, cases[i].contents, length, &options,
                                        SL_CSV_ERROR, cases[i].code, cases[i].needle);
    }
}

static void
test_spend_too_long_line (SlImportFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GString) contents = g_string_new ("date,channel,spend\n2025-03-01,");
  SlImportOptions options;

  /* A 10 MB single line. */
  for (guint i = 0; i < 10 * 1024 * 1024 / 16; i++)
    g_string_append (contents, "AAAAAAAAAAAAAAAA");
  g_string_append (contents, ",1.00\n");
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  sl_import_fixture_assert_refused (fixture, contents->str, contents->len, &options,
                                    SL_CSV_ERROR, SL_CSV_ERROR_TOO_LONG, ":2");
}

static void
test_spend_valid_rows (SlImportFixture *fixture,
                       gconstpointer    data)
{
  static const char contents[] =
    "date,channel,spend\n"
    "2025-03-01,Search,10.00\n"
    "2025-03-32,Search,10.00\n"
    "2025-03-02,Search,ten\n"
    "2025-03-03,Search,30.00\n";
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "partly.csv", contents, -1);
  g_autoptr(SlImportResult) result = NULL;
  g_autofree char *rejects = NULL;
  SlImportOptions options;
  SlImportReject *reject;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  options.policy = SL_IMPORT_VALID_ROWS;
  result = sl_import_fixture_import (fixture, file, &options);

  g_assert_cmpuint (result->rows_accepted, ==, 2);
  g_assert_cmpuint (result->rows_rejected, ==, 2);
  g_assert_cmpuint (result->rejects->len, ==, 2);
  reject = g_ptr_array_index (result->rejects, 0);
  g_assert_cmpuint (reject->line, ==, 3);
  g_assert_cmpstr (reject->column, ==, "date");
  reject = g_ptr_array_index (result->rejects, 1);
  g_assert_cmpuint (reject->line, ==, 4);
  g_assert_cmpstr (reject->column, ==, "spend");
  g_assert_nonnull (strstr (reject->reason, "ten"));

  g_assert_nonnull (result->rejects_path);
  g_assert_true (g_str_has_suffix (result->rejects_path, "partly.rejects.csv"));
  g_assert_true (g_file_get_contents (result->rejects_path, &rejects, NULL, NULL));
  g_assert_true (g_str_has_prefix (rejects, "line,column,reason,row\r\n3,date,"));
  g_assert_nonnull (strstr (rejects, "2025-03-02,Search,ten\r\n"));

  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day"), ==, 4000);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT rows_rejected FROM import_batch"), ==, 2);
}

static void
test_duplicate_file (SlImportFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "spend.csv", basic_csv, -1);
  g_autoptr(GFile) renamed = sl_import_fixture_write (fixture, "renamed.csv", basic_csv, -1);
  g_autoptr(SlImportResult) first = NULL;
  g_autoptr(SlImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  first = sl_import_fixture_import (fixture, file, &options);

  /* Same bytes under another name: still the same file. */
  g_assert_false (sl_import_file (fixture->db, renamed, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_DUPLICATE_FILE);
  g_assert_nonnull (strstr (error->message, "spend.csv"));
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM import_batch"), ==, 1);

  options.allow_duplicate = TRUE;
  again = sl_import_fixture_import (fixture, renamed, &options);
  g_assert_cmpstr (again->sha256, ==, first->sha256);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day"), ==, 44002);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_undo_import (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GFile) a = sl_import_fixture_write (fixture, "a.csv", basic_csv, -1);
  g_autoptr(GFile) b = sl_import_fixture_write (fixture, "b.csv",
                                                "date,channel,campaign,spend\n"
                                                "2025-03-01,Search,Brand,1.00\n"
                                                "2025-03-05,Events,Expo,500.00\n", -1);
  g_autoptr(SlImportResult) ra = NULL;
  g_autoptr(SlImportResult) rb = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  ra = sl_import_fixture_import (fixture, a, &options);
  rb = sl_import_fixture_import (fixture, b, &options);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM channel"), ==, 3);

  batches = sl_import_batch_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 2);
  g_assert_cmpint (((SlImportBatch *)g_ptr_array_index (batches, 0))->id, ==, rb->batch_id);
  g_assert_cmpstr (((SlImportBatch *)g_ptr_array_index (batches, 1))->file_name, ==, "a.csv");

  /* Undoing the first keeps Search (b uses it) but drops Social. */
  sl_import_batch_undo (fixture->db, ra->batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day"), ==, 50100);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM channel WHERE name = 'Social'"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM campaign WHERE name = 'Generic'"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM campaign WHERE name = 'Brand'"), ==, 1);
  sl_test_assert_rollups_consistent (fixture->db);

  g_assert_true (sl_import_batch_undo (fixture->db, rb->batch_id, &error));
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM rollup_day"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM channel"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM spend"), ==, 0);

  g_assert_false (sl_import_batch_undo (fixture->db, rb->batch_id, &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED);
}

/* Random imports and undos: the rollups always equal a fresh GROUP BY. */
static void
test_random_imports_and_undos (SlImportFixture *fixture,
                               gconstpointer    data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251123);
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const char * const channels[] = { "Search", "Social", "Events", "Email" };
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  options.allow_duplicate = TRUE;
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
          g_autoptr(GString) csv = g_string_new ("date,channel,campaign,spend,clicks\n");
          g_autofree char *name = g_strdup_printf ("r%u.csv", step);
          g_autoptr(GFile) file = NULL;
          g_autoptr(SlImportResult) result = NULL;

          for (int r = g_rand_int_range (rand, 1, 40); r > 0; r--)
            g_string_append_printf (csv, "2025-%02d-%02d,%s,C%d,%d.%02d,%d\n",
                                    g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                                    channels[g_rand_int_range (rand, 0, 4)], g_rand_int_range (rand, 0, 3),
                                    g_rand_int_range (rand, 0, 1000), g_rand_int_range (rand, 0, 100),
                                    g_rand_int_range (rand, 0, 50));
          file = sl_import_fixture_write (fixture, name, csv->str, csv->len);
          result = sl_import_fixture_import (fixture, file, &options);
          g_array_append_val (live, result->batch_id);
        }
      sl_test_assert_rollups_consistent (fixture->db);
    }
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_fx_rates (SlImportFixture *fixture,
               gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "eur.csv",
                                                   "date,channel,spend,currency\n2025-03-10,Search,100.00,EUR\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  /* 1 EUR = 1.0850 USD in March 2025 */
  g_assert_true (sl_database_exec (fixture->db,
                                   "INSERT INTO fx_rate (currency, month_day, rate_num, rate_den) "
                                   "VALUES ('EUR', 20148, 10850, 10000)", &error));
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT amount_minor FROM spend"), ==, 10000);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT amount_ws_minor FROM spend"), ==, 10850);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT spend_minor FROM rollup_day"), ==, 10850);
}

static void
test_date_orders (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GFile) dmy = sl_import_fixture_write (fixture, "dmy.csv", "date,channel,spend\n05/03/2025,A,1.00\n17/03/2025,A,1.00\n", -1);
  g_autoptr(GFile) ambiguous = sl_import_fixture_write (fixture, "bad.csv", "date,channel,spend\n05/03/2025,A,1.00\n06/03/2025,A,1.00\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(SlImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  result = sl_import_fixture_import (fixture, dmy, &options);
  g_assert_cmpint (result->date_order, ==, SL_DATE_ORDER_DMY);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT min (day) FROM spend"), ==, sl_day_from_ymd (2025, 3, 5));

  g_assert_false (sl_import_file (fixture->db, ambiguous, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_AMBIGUOUS_DATES);
  g_clear_error (&error);

  options.date_order = SL_DATE_ORDER_MDY;
  again = sl_import_fixture_import (fixture, ambiguous, &options);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT max (day) FROM spend"), ==, sl_day_from_ymd (2025, 6, 3));
}

static void
test_cancel (SlImportFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "spend.csv", basic_csv, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  g_cancellable_cancel (cancellable);
  g_assert_false (sl_import_file (fixture->db, file, &options, NULL, NULL, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM channel"), ==, 0);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  SlImportResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sl_import_file_finish (res, &error);
  g_assert_no_error (error);
}

static void
count_progress_cb (double   fraction,
                   gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_async (SlImportFixture *fixture,
            gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "spend.csv", basic_csv, -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;
  double last = 0.0;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  sl_import_file_async (fixture->path, file, &options, count_progress_cb, &last, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpuint (result->rows_accepted, ==, 4);
  g_assert_cmpfloat (last, ==, 1.0);
  /* The import's own connection committed; ours sees it. */
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM spend"), ==, 4);
}

static void
test_real_facebook_campaign (SlImportFixture *fixture,
                             gconstpointer    data)
{
  g_autofree char *path = sl_test_shared_data ("facebook-ad-campaign/data.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  result = sl_import_fixture_import (fixture, file, &options);

  /* The reference figures of ../shared/data/README.md. */
  g_assert_cmpstr (result->preset, ==, "facebook-campaign");
  g_assert_cmpint (result->date_order, ==, SL_DATE_ORDER_DMY);
  g_assert_cmpuint (result->rows_accepted, ==, 1143);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day"), ==, 5870523);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (impressions) FROM rollup_day"), ==, 213434828);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (clicks) FROM rollup_day"), ==, 38165);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (conversions) FROM rollup_day"), ==, 3264);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(DISTINCT day) FROM rollup_day"), ==, 14);
  /* 2017-08-17: 54 ads, 4,961.96; 2017-08-30: 66 ads, 4,840.09 */
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day WHERE day = 17395"), ==, 496196);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM spend WHERE day = 17395"), ==, 54);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day WHERE day = 17408"), ==, 484009);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (impressions) FROM rollup_day WHERE day = 17399"), ==, 10967797);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_real_facebook_kag (SlImportFixture *fixture,
                        gconstpointer    data)
{
  g_autofree char *path = sl_test_shared_data ("facebook-ads/KAG_conversion_data.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  /* Undated: the day must be given. */
  g_assert_false (sl_import_file (fixture->db, file, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN);

  options.default_day = sl_day_from_ymd (2017, 8, 30);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpstr (result->preset, ==, "facebook-kag");
  g_assert_cmpuint (result->rows_accepted, ==, 1143);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT sum (spend_minor) FROM rollup_day"), ==, 5870523);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT sum (r.spend_minor) FROM rollup_day r JOIN campaign c "
                                        "ON c.id = r.campaign_id WHERE c.name = '916'"), ==, 14971);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT sum (r.spend_minor) FROM rollup_day r JOIN campaign c "
                                        "ON c.id = r.campaign_id WHERE c.name = '936'"), ==, 289337);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT sum (r.clicks) FROM rollup_day r JOIN campaign c "
                                        "ON c.id = r.campaign_id WHERE c.name = '1178'"), ==, 36068);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM channel WHERE name = 'Facebook'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Importing CSV exports: exact, all or nothing, undoable, rollups kept");

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/import/spend/basic", test_spend_basic);
  ADD ("/core/import/spend/bad-input", test_spend_bad_input);
  ADD ("/core/import/spend/not-text-column", test_spend_not_text_column);
  ADD ("/core/import/spend/too-long-line", test_spend_too_long_line);
  ADD ("/core/import/spend/valid-rows", test_spend_valid_rows);
  ADD ("/core/import/duplicate-file", test_duplicate_file);
  ADD ("/core/import/undo", test_undo_import);
  ADD ("/core/import/random-imports-and-undos", test_random_imports_and_undos);
  ADD ("/core/import/fx-rates", test_fx_rates);
  ADD ("/core/import/date-orders", test_date_orders);
  ADD ("/core/import/cancel", test_cancel);
  ADD ("/core/import/async", test_async);
  ADD ("/core/import/real/facebook-campaign", test_real_facebook_campaign);
  ADD ("/core/import/real/facebook-kag", test_real_facebook_kag);
#undef ADD

  return g_test_run ();
}
