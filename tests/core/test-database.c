/* test-database.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sl-budget-amount-command.h"
#include "sl-command-group.h"
#include "sl-row-command.h"
#include "sl-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} TmpFixture;

static void
tmp_setup (TmpFixture    *fixture,
           gconstpointer  data)
{
  fixture->dir = sl_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "w.sunlight", NULL);
}

static void
tmp_teardown (TmpFixture    *fixture,
              gconstpointer  data)
{
  sl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Makes a closed workspace with a few rows at fixture->path. */
static void
make_workspace (TmpFixture *fixture)
{
  g_autofree char *name = g_path_get_basename (fixture->path);
  g_autoptr(SlWorkspace) ws = sl_test_workspace_new (fixture->dir, name);

  g_assert_nonnull (ws);
}

static gboolean
sidecars_exist (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  return g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (shm, G_FILE_TEST_EXISTS);
}

/* Opening @path must fail with @code, name the file, and change nothing. */
static void
assert_open_refused (const char *path,
                     int         code)
{
  g_autofree char *before = sl_test_file_sha256 (path);
  gboolean had_sidecars = sidecars_exist (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = NULL;
  g_autofree char *after = NULL;

  ws = sl_workspace_open (path, &error);
  g_assert_null (ws);
  g_assert_error (error, SL_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  after = sl_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sidecars_exist (path), ==, had_sidecars);
}

static void
test_create (TmpFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (fixture->path, SL_DATABASE_CREATE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sl_database_get_schema_version (db), ==, SL_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (sl_test_query_int64 (db, "PRAGMA user_version"), ==, SL_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (sl_test_query_int64 (db, "PRAGMA application_id"), ==, SL_DATABASE_APPLICATION_ID);
  g_assert_cmpint (sl_test_query_int64 (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  /* Every table of the data model exists. */
  g_assert_cmpint (sl_test_query_int64 (db,
                                        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ("
                                        "'workspace', 'finance_event', 'kpi', 'fx_rate', 'headcount', 'channel', "
                                        "'campaign', 'goal', 'key_result', 'import_batch', 'import_mapping', "
                                        "'budget_request', 'budget_line', 'spend', 'customer', 'deal', 'touchpoint', "
                                        "'customer_mrr', 'rollup_day', 'realloc_plan', 'realloc_line', 'annotation', "
                                        "'comment', 'decision', 'history', 'sync_doc', 'sync_server')"),
                   ==, 27);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_null (sl_database_get_backup_path (db));
}

static void
test_create_refuses_existing (TmpFixture    *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sl_test_write_file (fixture->path, "precious", -1);
  before = sl_test_file_sha256 (fixture->path);

  db = sl_database_open (fixture->path, SL_DATABASE_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_EXISTS);
  after = sl_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_reopen (TmpFixture    *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = NULL;

  make_workspace (fixture);
  ws = sl_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_workspace_get_name (ws), ==, "Test");
  g_assert_cmpstr (sl_workspace_get_currency (ws), ==, "USD");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (ws))), ==, 3);
  g_assert_null (sl_database_get_backup_path (sl_workspace_get_database (ws)));
}

static void
test_migrate_from_empty (TmpFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;

  /* An empty SQLite file (user_version 0) is brought up to date. */
  sl_test_sqlite_exec (fixture->path, "PRAGMA user_version = 0; VACUUM;");
  db = sl_database_open (fixture->path, SL_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_database_get_schema_version (db), ==, SL_DATABASE_SCHEMA_VERSION);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'budget_line'"), ==, 1);
}

static void
test_missing (TmpFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (fixture->path, &error);

  g_assert_null (ws);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_false (sidecars_exist (fixture->path));
}

static void
test_not_sqlite (TmpFixture    *fixture,
                 gconstpointer  data)
{
  sl_test_write_file (fixture->path, "date,channel,spend\n2025-01-01,Search,12.50\n", -1);
  assert_open_refused (fixture->path, SL_DATABASE_ERROR_NOT_A_WORKSPACE);

  sl_test_write_file (fixture->path, "", 0);
  assert_open_refused (fixture->path, SL_DATABASE_ERROR_NOT_A_WORKSPACE);
}

static void
test_other_application (TmpFixture    *fixture,
                        gconstpointer  data)
{
  sl_test_sqlite_exec (fixture->path,
                       "PRAGMA application_id = 1234; PRAGMA user_version = 3;"
                       "CREATE TABLE notes (body TEXT);");
  assert_open_refused (fixture->path, SL_DATABASE_ERROR_NOT_A_WORKSPACE);
}

static void
test_truncated (TmpFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  make_workspace (fixture);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  sl_test_write_file (fixture->path, contents, length / 2);

  assert_open_refused (fixture->path, SL_DATABASE_ERROR_CORRUPT);
}

static void
test_corrupt_header (TmpFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  make_workspace (fixture);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  memset (contents, 0x5a, 16);  /* the magic string */
  sl_test_write_file (fixture->path, contents, length);

  assert_open_refused (fixture->path, SL_DATABASE_ERROR_NOT_A_WORKSPACE);
}

static void
test_too_new (TmpFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = NULL;

  make_workspace (fixture);
  sl_test_sqlite_exec (fixture->path, "PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;");
  assert_open_refused (fixture->path, SL_DATABASE_ERROR_TOO_NEW);

  ws = sl_workspace_open (fixture->path, &error);
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
}

static void
test_read_only (TmpFixture    *fixture,
                gconstpointer  data)
{
  make_workspace (fixture);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  assert_open_refused (fixture->path, SL_DATABASE_ERROR_READ_ONLY);
}

/* A multi-row write that fails half-way leaves the file as it was. */
static void
test_rollback (TmpFixture    *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SlCommandGroup) group = NULL;
  SlWorkspace *ws;
  SlMoney amount;

  make_workspace (fixture);
  before = sl_test_file_sha256 (fixture->path);

  ws = sl_workspace_open (fixture->path, &error);
  g_assert_no_error (error);

  group = sl_command_group_new ("Paste");
  sl_money_init (&amount, 100000, "USD");
  for (int month = 1; month <= 3; month++)
    sl_command_group_add (group,
                          sl_budget_amount_command_new ("Set", "plan", 1,
                                                        sl_day_from_ymd (2025, month, 1),
                                                        sl_day_from_ymd (2025, month, 28),
                                                        &amount));
  /* The fourth row names a channel that does not exist. */
  sl_command_group_add (group,
                        sl_budget_amount_command_new ("Set", "plan", 999,
                                                      sl_day_from_ymd (2025, 4, 1),
                                                      sl_day_from_ymd (2025, 4, 30),
                                                      &amount));

  g_assert_false (sl_workspace_run (ws, SL_COMMAND (g_object_ref (group)), &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_assert_false (sl_undo_stack_can_undo (sl_workspace_get_undo_stack (ws)));
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM budget_line"), ==, 0);
  /* Only the three channel additions of make_workspace() are recorded. */
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM history"), ==, 3);
  g_object_unref (ws);

  after = sl_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
insert_then_fail (gpointer   user_data,
                  GError   **error)
{
  SlDatabase *db = user_data;

  if (!sl_database_exec (db, "INSERT INTO channel (uuid, name) VALUES ('u-1', 'Radio')", error))
    return FALSE;
  /* A duplicate name (the column is UNIQUE). */
  return sl_database_exec (db, "INSERT INTO channel (uuid, name) VALUES ('u-2', 'radio')", error);
}

static void
test_transaction_helper (TmpFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (fixture->path, SL_DATABASE_CREATE, &error);

  g_assert_no_error (error);
  g_assert_false (sl_database_transaction (db, insert_then_fail, db, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_assert_false (sl_database_in_transaction (db));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel"), ==, 0);

  /* A failing inner savepoint keeps the outer transaction's work. */
  g_clear_error (&error);
  g_assert_true (sl_database_begin (db, &error));
  g_assert_true (sl_database_exec (db, "INSERT INTO channel (uuid, name) VALUES ('u-0', 'TV')", &error));
  g_assert_false (sl_database_transaction (db, insert_then_fail, db, &error));
  g_clear_error (&error);
  g_assert_true (sl_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel"), ==, 1);
}

static void
test_statement_cache (TmpFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (fixture->path, SL_DATABASE_CREATE, &error);
  SlStatement *first, *second;

  g_assert_no_error (error);
  first = sl_database_prepare (db, "SELECT ?1 + 1", &error);
  sqlite3_bind_int (first, 1, 41);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first, 0), ==, 42);

  /* The same text gives the same statement, reset with no bindings. */
  second = sl_database_prepare (db, "SELECT ?1 + 1", &error);
  g_assert_true (first == second);
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (second, 0), ==, SQLITE_NULL);
  sl_statement_release (second);

  g_assert_null (sl_database_prepare (db, "SELECT * FROM no_such_table", &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Opening, creating and migrating workspace files; refusing bad ones untouched");

#define ADD(path, func) g_test_add (path, TmpFixture, NULL, tmp_setup, func, tmp_teardown)
  ADD ("/core/database/create", test_create);
  ADD ("/core/database/create-refuses-existing", test_create_refuses_existing);
  ADD ("/core/database/reopen", test_reopen);
  ADD ("/core/database/migrate-from-empty", test_migrate_from_empty);
  ADD ("/core/database/bad/missing", test_missing);
  ADD ("/core/database/bad/not-sqlite", test_not_sqlite);
  ADD ("/core/database/bad/other-application", test_other_application);
  ADD ("/core/database/bad/truncated", test_truncated);
  ADD ("/core/database/bad/corrupt-header", test_corrupt_header);
  ADD ("/core/database/bad/too-new", test_too_new);
  ADD ("/core/database/bad/read-only", test_read_only);
  ADD ("/core/database/rollback", test_rollback);
  ADD ("/core/database/transaction-helper", test_transaction_helper);
  ADD ("/core/database/statement-cache", test_statement_cache);
#undef ADD

  return g_test_run ();
}
