/* test-import-mapping.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-import-batch.h"
#include "sl-import-mapping.h"
#include "sl-importer.h"
#include "sl-test-utils.h"

/* An export no preset knows: a single platform, its own column names,
 * day-first dates and decimal commas. */
static const char tiktok_csv[] =
  "Stat time;Ad group;Total cost;Impr;Clicks (destination);Purchases\n"
  "03/04/2025;Spring;1.234,50;10000;300;12\n"
  "04/04/2025;Spring;0,50;20;1;0\n"
  "04/04/2025;Retarget;10,00;500;20;1\n";

static SlImportMapping *
tiktok_mapping (const char *source)
{
  SlImportMapping *mapping = sl_import_mapping_new (SL_IMPORT_SPEND);
  const char *assignments[] = {
    "date=Stat time", "campaign=Ad group", "spend=Total cost", "impressions=Impr",
    "clicks=Clicks (destination)", "conversions=Purchases", "channel-name=TikTok",
  };

  for (guint i = 0; i < G_N_ELEMENTS (assignments); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (sl_import_mapping_assign (mapping, assignments[i], &error));
      g_assert_no_error (error);
    }
  mapping->source = g_strdup (source);
  mapping->date_order = SL_DATE_ORDER_DMY;
  mapping->decimal_comma = TRUE;
  return mapping;
}

static gint64
tiktok_spend (SlDatabase *db)
{
  return sl_test_query_int64 (db,
                              "SELECT coalesce (sum (r.spend_minor), 0) FROM rollup_day r "
                              "JOIN channel ch ON ch.id = r.channel_id WHERE ch.name = 'TikTok'");
}

static void
test_assign (void)
{
  g_autoptr(SlImportMapping) mapping = sl_import_mapping_new (SL_IMPORT_SPEND);
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_import_mapping_assign (mapping, "spend=Cost = total", NULL));
  g_assert_cmpstr (sl_import_mapping_get_column (mapping, "spend"), ==, "Cost = total");
  g_assert_true (sl_import_mapping_assign (mapping, "currency=", NULL));
  g_assert_cmpstr (sl_import_mapping_get_column (mapping, "currency"), ==, "");
  g_assert_null (sl_import_mapping_get_column (mapping, "date"));

  g_assert_false (sl_import_mapping_assign (mapping, "spend", &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "FIELD=COLUMN"));
  g_clear_error (&error);

  /* A field of another kind of import */
  g_assert_false (sl_import_mapping_assign (mapping, "mrr=Monthly", &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“mrr”"));
  g_assert_nonnull (strstr (error->message, "spend"));
}

static void
test_json_round_trip (void)
{
  g_autoptr(SlImportMapping) mapping = tiktok_mapping ("TikTok Ads");
  g_autoptr(SlImportMapping) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = sl_import_mapping_to_json (mapping);
  g_autofree char *again = NULL;

  back = sl_import_mapping_from_json ("TikTok Ads", json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->kind, ==, SL_IMPORT_SPEND);
  g_assert_cmpstr (back->channel, ==, "TikTok");
  g_assert_cmpint (back->date_order, ==, SL_DATE_ORDER_DMY);
  g_assert_true (back->decimal_comma);
  g_assert_cmpstr (sl_import_mapping_get_column (back, "spend"), ==, "Total cost");
  again = sl_import_mapping_to_json (back);
  g_assert_cmpstr (again, ==, json);

  /* Damaged: a field that is not one, a column that is not a string, not JSON */
  g_assert_null (sl_import_mapping_from_json ("x", "{\"kind\":\"spend\",\"columns\":{\"mrr\":\"a\"}}", &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (sl_import_mapping_from_json ("x", "{\"kind\":\"spend\",\"columns\":{\"spend\":1}}", &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (sl_import_mapping_from_json ("x", "{\"kind\":", &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“x”"));
}

static void
test_import_with_mapping (SlImportFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "tiktok.csv", tiktok_csv, -1);
  g_autoptr(GFile) file2 = NULL;
  g_autoptr(SlImportMapping) mapping = tiktok_mapping ("TikTok Ads");
  g_autoptr(SlImportMapping) saved = NULL;
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(SlImportResult) result2 = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  /* Without the mapping, nothing says where the spend is. */
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  g_clear_error (&error);
  error = sl_import_fixture_assert_file_refused (fixture, file, &options, SL_IMPORT_ERROR,
                                                 SL_IMPORT_ERROR_MISSING_COLUMN, "“date”");

  options.mapping = mapping;
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 3);
  g_assert_cmpstr (result->source, ==, "TikTok Ads");
  g_assert_cmpint (tiktok_spend (fixture->db), ==, 124500);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT sum (conversions) FROM rollup_day WHERE day = 20181"), ==, 12);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT count(*) FROM campaign c JOIN channel ch ON ch.id = c.channel_id "
                                        "WHERE ch.name = 'TikTok'"), ==, 2);

  /* Saved with the import, under its source… */
  g_clear_error (&error);
  saved = sl_import_mapping_load (fixture->db, "TikTok Ads", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->channel, ==, "TikTok");
  batches = sl_import_batch_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((SlImportBatch *)g_ptr_array_index (batches, 0))->mapping, ==, "TikTok Ads");

  /* …and found by its columns when the next export of that source comes,
   * dates and decimal comma included. */
  file2 = sl_import_fixture_write (fixture, "tiktok-may.csv",
                                   "Stat time;Ad group;Total cost;Impr;Clicks (destination);Purchases\n"
                                   "02/05/2025;Spring;2,00;10;1;0\n", -1);
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  result2 = sl_import_fixture_import (fixture, file2, &options);
  g_assert_cmpstr (result2->source, ==, "TikTok Ads");
  g_assert_cmpint (tiktok_spend (fixture->db), ==, 124700);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM rollup_day WHERE day = 20210"), ==, 1);
  sl_test_assert_rollups_consistent (fixture->db);

  /* Undoing the import keeps the mapping: it is the user's setting. */
  g_assert_true (sl_import_batch_undo (fixture->db, result2->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM import_mapping"), ==, 1);
}

static void
test_mapping_refused (SlImportFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "tiktok.csv", tiktok_csv, -1);
  g_autoptr(SlImportMapping) mapping = tiktok_mapping ("TikTok Ads");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  SlImportOptions options;

  /* A column the file does not have: named in the error, nothing saved. */
  g_assert_true (sl_import_mapping_assign (mapping, "clicks=Clicks (all)", NULL));
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  options.mapping = mapping;
  error = sl_import_fixture_assert_file_refused (fixture, file, &options, SL_IMPORT_ERROR,
                                                 SL_IMPORT_ERROR_MISSING_COLUMN, "“Clicks (all)”");
  g_assert_nonnull (strstr (error->message, "tiktok.csv:1:"));
  g_assert_nonnull (strstr (error->message, "“clicks”"));

  /* A bad row: the mapping is not saved either (one transaction). */
  g_assert_true (sl_import_mapping_assign (mapping, "clicks=Clicks (destination)", NULL));
  mapping->decimal_comma = FALSE;
  error2 = sl_import_fixture_assert_file_refused (fixture, file, &options, SL_IMPORT_ERROR,
                                                  SL_IMPORT_ERROR_BAD_ROW, "1.234,50");
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM import_mapping"), ==, 0);
}

static void
test_preview_finds_saved (SlImportFixture *fixture,
                          gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "tiktok.csv", tiktok_csv, -1);
  g_autoptr(SlImportMapping) mapping = tiktok_mapping ("TikTok Ads");
  g_autoptr(SlImportPreview) before = NULL;
  g_autoptr(SlImportPreview) after = NULL;
  g_autoptr(SlImportPreview) without_db = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  before = sl_import_preview (fixture->db, file, &options, 5, &error);
  g_assert_no_error (error);
  g_assert_null (before->source);
  g_assert_true (g_strv_contains ((const char *const *)before->missing, "spend"));

  g_assert_true (sl_import_mapping_save (fixture->db, mapping, &error));
  g_assert_no_error (error);
  after = sl_import_preview (fixture->db, file, &options, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->source, ==, "TikTok Ads");
  g_assert_cmpuint (g_strv_length (after->missing), ==, 0);
  g_assert_cmpint (after->date_order, ==, SL_DATE_ORDER_DMY);

  without_db = sl_import_preview (NULL, file, &options, 5, &error);
  g_assert_no_error (error);
  g_assert_null (without_db->source);

  /* Listing and deleting */
  {
    g_autoptr(GPtrArray) list = sl_import_mapping_list (fixture->db, SL_IMPORT_SPEND, &error);
    g_autoptr(GPtrArray) none = sl_import_mapping_list (fixture->db, SL_IMPORT_REVENUE, &error);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpuint (none->len, ==, 0);
  }
  g_assert_true (sl_import_mapping_delete (fixture->db, "TikTok Ads", &error));
  g_assert_null (sl_import_mapping_load (fixture->db, "TikTok Ads", &error));
  g_assert_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_UNKNOWN_PRESET);
}

static gint64
channel_spend (SlDatabase *db,
               const char *channel)
{
  g_autofree char *sql = g_strdup_printf ("SELECT sum (r.spend_minor) FROM rollup_day r JOIN channel ch "
                                          "ON ch.id = r.channel_id WHERE ch.name = '%s'", channel);

  return sl_test_query_int64 (db, sql);
}

static void
test_real_islr_advertising (SlImportFixture *fixture,
                            gconstpointer    data)
{
  g_autofree char *path = sl_test_shared_data ("islr-advertising/Advertising.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  /* Undated: the day must be given. */
  error = sl_import_fixture_assert_file_refused (fixture, file, &options, SL_IMPORT_ERROR,
                                                 SL_IMPORT_ERROR_MISSING_COLUMN, "date");

  options.default_day = sl_day_from_ymd (2025, 1, 1);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpstr (result->preset, ==, "islr-advertising");
  g_assert_cmpuint (result->rows_accepted, ==, 200);
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT count(*) FROM spend"), ==, 600);
  /* The reference sums, in thousands of dollars: TV 29,408.5,
   * Radio 4,652.8, Newspaper 6,110.8. */
  g_assert_cmpint (channel_spend (fixture->db, "TV"), ==, G_GINT64_CONSTANT (2940850000));
  g_assert_cmpint (channel_spend (fixture->db, "Radio"), ==, 465280000);
  g_assert_cmpint (channel_spend (fixture->db, "Newspaper"), ==, 611080000);
  /* Market 1: 230.1, 37.8, 69.2 */
  g_assert_cmpint (sl_test_query_int64 (fixture->db, "SELECT min (rowid) FROM spend"), >, 0);
  g_assert_cmpint (sl_test_query_int64 (fixture->db,
                                        "SELECT amount_minor FROM spend ORDER BY rowid LIMIT 1"), ==, 23010000);
  sl_test_assert_rollups_consistent (fixture->db);
}

static void
test_wide_bad_cell (SlImportFixture *fixture,
                    gconstpointer    data)
{
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_SPEND);
  options.default_day = sl_day_from_ymd (2025, 1, 1);
  sl_import_fixture_assert_refused (fixture,
                                    "\"\",\"TV\",\"Radio\",\"Newspaper\",\"Sales\"\n"
                                    "\"1\",230.1,37.8,69.2,22.1\n"
                                    "\"2\",44.5,lots,45.1,10.4\n",
                                    -1, &options, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, "bad.csv:3: column “Radio”: “lots”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Users' own column mappings, saved per source, and wide exports");

  g_test_add_func ("/core/import-mapping/assign", test_assign);
  g_test_add_func ("/core/import-mapping/json", test_json_round_trip);
#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/import-mapping/import", test_import_with_mapping);
  ADD ("/core/import-mapping/refused", test_mapping_refused);
  ADD ("/core/import-mapping/preview", test_preview_finds_saved);
  ADD ("/core/import-mapping/real/islr-advertising", test_real_islr_advertising);
  ADD ("/core/import-mapping/wide-bad-cell", test_wide_bad_cell);
#undef ADD

  return g_test_run ();
}
