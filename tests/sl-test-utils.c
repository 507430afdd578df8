/* sl-test-utils.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-rollup.h"
#include "sl-row-command.h"
#include "sl-test-utils.h"

char *
sl_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sunlight-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
sl_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          sl_test_remove_tree (child);
        else
          {
            g_chmod (child, 0600);
            g_unlink (child);
          }
      }
  g_rmdir (path);
}

char *
sl_test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

void
sl_test_write_file (const char *path,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

void
sl_test_sqlite_exec (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

SlWorkspace *
sl_test_workspace_new (const char *dir,
                       const char *file_name)
{
  static const char * const names[] = { "Search", "Social", "Events" };
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = NULL;

  ws = sl_workspace_create (path, "Test", "USD", SL_CALENDAR_GREGORIAN, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(JsonObject) values = json_object_new ();

      json_object_set_string_member (values, "name", names[i]);
      json_object_set_int_member (values, "position", i);
      sl_workspace_run (ws, sl_row_command_new_insert ("Add channel", "channel", values), &error);
      g_assert_no_error (error);
    }
  sl_undo_stack_clear (sl_workspace_get_undo_stack (ws));
  return g_steal_pointer (&ws);
}

gint64
sl_test_query_int64 (SlDatabase *db,
                     const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  sl_database_query_int64 (db, sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

double
sl_test_query_double (SlDatabase *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  if (sqlite3_prepare_v2 (sl_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (sl_database_get_handle (db)));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
sl_test_query_text (SlDatabase *db,
                    const char *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (sl_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (sl_database_get_handle (db)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *)sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", value != NULL ? value : "∅");
        }
      g_string_append_c (text, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

char *
sl_test_shared_data (const char *relative)
{
  const char *dir = g_getenv ("SHARED_DATA_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, relative, NULL);
}

void
sl_test_assert_rollups_consistent (SlDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n_diff = -1;

  g_assert_true (sl_rollup_verify (db, &n_diff, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_diff, ==, 0);
}

void
sl_workspace_fixture_setup (SlWorkspaceFixture *fixture,
                            gconstpointer       data)
{
  fixture->dir = sl_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "test.sunlight", NULL);
  fixture->ws = sl_test_workspace_new (fixture->dir, "test.sunlight");
}

void
sl_workspace_fixture_teardown (SlWorkspaceFixture *fixture,
                               gconstpointer       data)
{
  g_clear_object (&fixture->ws);
  sl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

void
sl_import_fixture_recreate (SlImportFixture *fixture,
                            const char      *currency,
                            SlCalendar       calendar,
                            int              fiscal_start)
{
  g_autoptr(SlWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->db);
  if (fixture->path != NULL)
    {
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

      g_unlink (fixture->path);
      g_unlink (wal);
      g_unlink (shm);
    }
  else
    fixture->path = g_build_filename (fixture->dir, "w.sunlight", NULL);
  ws = sl_workspace_create (fixture->path, "Import", currency, calendar, fiscal_start, &error);
  g_assert_no_error (error);
  fixture->db = g_object_ref (sl_workspace_get_database (ws));
}

void
sl_import_fixture_setup (SlImportFixture *fixture,
                         gconstpointer    data)
{
  fixture->dir = sl_test_make_tmp_dir ();
  fixture->path = NULL;
  fixture->db = NULL;
  sl_import_fixture_recreate (fixture, "USD", SL_CALENDAR_GREGORIAN, 1);
}

void
sl_import_fixture_teardown (SlImportFixture *fixture,
                            gconstpointer    data)
{
  g_clear_object (&fixture->db);
  sl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

GFile *
sl_import_fixture_write (SlImportFixture *fixture,
                         const char      *name,
                         const char      *contents,
                         gssize           length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  sl_test_write_file (path, contents, length);
  return g_file_new_for_path (path);
}

SlImportResult *
sl_import_fixture_import (SlImportFixture       *fixture,
                          GFile                 *file,
                          const SlImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  SlImportResult *result = NULL;

  if (!sl_import_file (fixture->db, file, options, NULL, NULL, NULL, &result, &error))
    g_error ("import failed: %s", error->message);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

GError *
sl_import_fixture_assert_file_refused (SlImportFixture       *fixture,
                                       GFile                 *file,
                                       const SlImportOptions *options,
                                       GQuark                 domain,
                                       int                    code,
                                       const char            *needle)
{
  GError *error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SlImportResult *result = NULL;

  /* Close, checksum, reopen: the checksum covers everything committed. */
  g_clear_object (&fixture->db);
  before = sl_test_file_sha256 (fixture->path);
  fixture->db = sl_database_open (fixture->path, SL_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  g_assert_false (sl_import_file (fixture->db, file, options, NULL, NULL, NULL, &result, &error));
  g_assert_null (result);
  g_assert_nonnull (error);
  if (!g_error_matches (error, domain, code))
    g_error ("expected error %s/%d, got %s/%d: %s", g_quark_to_string (domain), code,
             g_quark_to_string (error->domain), error->code, error->message);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);

  g_clear_object (&fixture->db);
  after = sl_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
  fixture->db = sl_database_open (fixture->path, SL_DATABASE_OPEN_EXISTING, NULL);
  return error;
}

void
sl_import_fixture_assert_refused (SlImportFixture       *fixture,
                                  const char            *contents,
                                  gssize                 length,
                                  const SlImportOptions *options,
                                  GQuark                 domain,
                                  int                    code,
                                  const char            *needle)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "bad.csv", contents, length);
  g_autoptr(GError) error = NULL;

  error = sl_import_fixture_assert_file_refused (fixture, file, options, domain, code, needle);
  if (strstr (error->message, "bad.csv") == NULL)
    g_error ("“%s” does not name the file", error->message);
}

gint64
sl_test_workspace_import (SlWorkspace  *ws,
                          const char   *dir,
                          const char   *name,
                          SlImportKind  kind,
                          const char   *csv)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_test_write_file (path, csv, -1);
  sl_import_options_init (&options, kind);
  options.allow_duplicate = TRUE;
  if (!sl_import_file (sl_workspace_get_database (ws), file, &options, NULL, NULL, NULL, &result, &error))
    g_error ("import failed: %s", error->message);
  sl_workspace_notify_changed (ws, sl_workspace_import_tables);
  return result->batch_id;
}
