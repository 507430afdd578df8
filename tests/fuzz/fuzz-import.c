/* fuzz-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: imports the input as a CSV file of one kind
 * (FUZZ_IMPORT_KIND: spend, funnel, revenue or plan, one executable
 * each) through sl_import_file() into a workspace, inside an outer
 * transaction that is rolled back after each input. The import either
 * succeeds, with rollups that equal a fresh GROUP BY and a batch that
 * counts its rows, or fails with an error that names the file (and for
 * a bad row its line and column), leaving every table as it was.
 * The options (policy, decimal comma, date order, plan version) come
 * from the input's byte sum, so that a mutation explores them too.
 * Seeds are in corpus/import-<kind>/.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "sl-demo.h"
#include "sl-importer.h"
#include "sl-rollup.h"

#ifndef FUZZ_IMPORT_KIND
#error "FUZZ_IMPORT_KIND must name an SlImportKind"
#endif

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static char *workspace_dir;
static char *workspace_path;
static char *csv_path;
static char *rejects_path;
static SlDatabase *db;

static void
remove_workspace (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (workspace_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_unlink (csv_path);
  g_unlink (rejects_path);
  g_rmdir (workspace_dir);
  g_clear_pointer (&workspace_path, g_free);
  g_clear_pointer (&csv_path, g_free);
  g_clear_pointer (&rejects_path, g_free);
  g_clear_pointer (&workspace_dir, g_free);
}

/* A USD workspace with what the seeds refer to: channels, a goal for
 * plan lines, and EUR rates for the first months of 2025. */
static void
open_workspace (void)
{
  g_autoptr(GError) error = NULL;

  workspace_dir = g_dir_make_tmp ("sunlight-fuzz-import-XXXXXX", &error);
  g_assert_no_error (error);
  workspace_path = g_build_filename (workspace_dir, "fuzz.sunlight", NULL);
  csv_path = g_build_filename (workspace_dir, "fuzz.csv", NULL);
  rejects_path = g_build_filename (workspace_dir, "rejects.csv", NULL);
  db = sl_database_open (workspace_path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_workspace_row_insert (db, "Fuzz", "USD", SL_CALENDAR_GREGORIAN, 1, 800, &error);
  g_assert_no_error (error);
  sl_database_exec (db,
                    "INSERT INTO channel (name, uuid) VALUES ('Search', 'c0000000-0000-4000-8000-000000000001');"
                    "INSERT INTO channel (name, uuid) VALUES ('Social', 'c0000000-0000-4000-8000-000000000002');"
                    "INSERT INTO goal (uuid, objective, first_day, last_day, created_at, updated_at) "
                    "VALUES ('0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e01', 'grow arr', 20089, 20453, 0, 0);"
                    "INSERT INTO fx_rate (currency, month_day, rate_num, rate_den) VALUES "
                    "('EUR', 20089, 108, 100), ('EUR', 20120, 109, 100), ('EUR', 20148, 110, 100);",
                    &error);
  g_assert_no_error (error);
  atexit (remove_workspace);
}

static void
hash_table (GChecksum  *checksum,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3 *handle = sl_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_checksum_update (checksum, (const guchar *)table, -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      {
        const void *blob = sqlite3_column_blob (stmt, i);
        char type = '0' + sqlite3_column_type (stmt, i);

        g_checksum_update (checksum, (const guchar *)&type, 1);
        if (blob != NULL)
          g_checksum_update (checksum, blob, sqlite3_column_bytes (stmt, i));
      }
  sqlite3_finalize (stmt);
}

/* Every row of every table, as one checksum. */
static char *
hash_workspace (void)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = sl_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    hash_table (checksum, g_ptr_array_index (tables, i));
  return g_strdup (g_checksum_get_string (checksum));
}

/* "fuzz.csv:12: column “spend”: …": the line is one the input has. */
static void
check_row_error (const GError *error,
                 guint64       n_lines)
{
  const char *p = error->message + strlen ("fuzz.csv:");
  char *end = NULL;
  guint64 line;

  g_assert_true (g_str_has_prefix (error->message, "fuzz.csv:"));
  line = g_ascii_strtoull (p, &end, 10);
  if (end == p || line == 0 || line > n_lines || !g_str_has_prefix (end, ": column “"))
    g_error ("A bad row does not name a line (of %" G_GUINT64_FORMAT ") and a column: %s",
             n_lines, error->message);
}

/* Failing, an import names the file, and the workspace is as it was. */
static void
check_failure (const GError *error,
               const char   *before,
               guint64       n_lines)
{
  g_autofree char *after = NULL;

  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (g_error_matches (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW))
    check_row_error (error, n_lines);
  else if (error->domain != SL_CSV_ERROR && error->domain != SL_IMPORT_ERROR)
    g_error ("Unexpected error %s/%d: %s", g_quark_to_string (error->domain), error->code, error->message);
  else if (!g_str_has_prefix (error->message, "fuzz.csv"))
    g_error ("The error does not name the file: %s", error->message);

  after = hash_workspace ();
  if (g_strcmp0 (before, after) != 0)
    g_error ("A failed import changed the workspace: %s", error->message);
}

/* Succeeding, an import counts its rows (with SL_IMPORT_VALID_ROWS
 * all may be rejected), and its rollups add up. */
static void
check_success (const SlImportResult *result,
               guint64               n_lines)
{
  g_autoptr(GError) error = NULL;
  gint64 n_diff = -1, accepted = -1, rejected = -1;

  g_assert_nonnull (result);
  g_assert_cmpuint (result->rows_accepted + result->rows_rejected, >, 0);
  g_assert_cmpuint (result->rows_accepted + result->rows_rejected, <=, n_lines);
  g_assert_true (sl_rollup_verify (db, &n_diff, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_diff, ==, 0);
  sl_database_query_int64 (db, "SELECT rows_accepted FROM import_batch ORDER BY id DESC LIMIT 1", &accepted, &error);
  g_assert_no_error (error);
  sl_database_query_int64 (db, "SELECT rows_rejected FROM import_batch ORDER BY id DESC LIMIT 1", &rejected, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accepted, ==, (gint64)result->rows_accepted);
  g_assert_cmpint (rejected, ==, (gint64)result->rows_rejected);
}

static void
options_for_input (SlImportOptions *options,
                   const guint8    *data,
                   size_t           size)
{
  static const SlDateOrder orders[] = {
    SL_DATE_ORDER_AUTO, SL_DATE_ORDER_AUTO, SL_DATE_ORDER_DMY, SL_DATE_ORDER_MDY,
  };
  static const char * const versions[] = { "plan", "request", "forecast" };
  guint sum = 0;

  for (size_t i = 0; i < size; i++)
    sum += data[i];

  sl_import_options_init (options, FUZZ_IMPORT_KIND);
  options->policy = (sum & 1) ? SL_IMPORT_VALID_ROWS : SL_IMPORT_ALL_OR_NOTHING;
  options->decimal_comma = (sum & 2) != 0;
  options->date_order = orders[(sum >> 2) & 3];
  options->version = versions[(sum >> 4) % G_N_ELEMENTS (versions)];
  options->rejects_path = rejects_path;
  options->author = "fuzz";
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SlImportResult) result = NULL;
  g_autofree char *before = NULL;
  SlImportOptions options;
  guint64 n_lines = 1;

  if (db == NULL)
    open_workspace ();

  /* Lines as any reader may count them: LF, CR, and UTF-16's. */
  for (size_t i = 0; i < size; i++)
    n_lines += data[i] == '\n' || data[i] == '\r';

  g_assert_true (g_file_set_contents (csv_path, (const char *)data, size, NULL));
  file = g_file_new_for_path (csv_path);
  options_for_input (&options, data, size);

  g_assert_true (sl_database_begin (db, NULL));
  before = hash_workspace ();
  if (sl_import_file (db, file, &options, NULL, NULL, NULL, &result, &error))
    check_success (result, n_lines);
  else
    check_failure (error, before, n_lines);
  g_assert_true (sl_database_in_transaction (db));
  sl_database_rollback (db);
  return 0;
}
