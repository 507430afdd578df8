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

#include "sl-demo.h"
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

/* Shared items for the document codec and outbox tests. Times carry
 * microseconds, so a lossy round trip would show. */
static const char shared_items_sql[] =
  "INSERT INTO goal (uuid, objective, description, framework, first_day, last_day, author, created_at, updated_at) "
  "VALUES ('" SL_TEST_GOAL_UUID "', 'Double the pipeline', 'From events and partners', 'v2mom', "
  "        20089, 20453, 'mira', 1735725600123456, 1736725600654321);"
  "INSERT INTO key_result (goal_id, metric, target, unit, first_day, last_day, position) "
  "SELECT id, 'pipeline', 5000000, 'money', 20089, 20453, 0 FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "';"
  "INSERT INTO key_result (goal_id, metric, target, unit, first_day, last_day, position) "
  "SELECT id, 'mqls', 1200, 'count', 20089, 20269, 1 FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "';"
  "INSERT INTO key_result (goal_id, metric, target, unit, first_day, last_day, position) "
  "SELECT id, 'win-rate', 2500, 'basis-points', 20270, 20453, 2 FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "';"
  "INSERT INTO realloc_plan (uuid, title, rationale, status, scenario_group, reserve_draw_minor, currency, "
  "                          goal_id, author, created_at, updated_at, applied_at) "
  "SELECT '" SL_TEST_PLAN_UUID "', 'Shift to events', 'Search is saturated', 'proposed', 'Q3', 150000, 'USD', "
  "       id, 'mira', 1740000000000001, 1740000100000002, NULL FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "';"
  "INSERT INTO realloc_line (plan_id, from_channel_id, from_first_day, to_channel_id, to_first_day, amount_minor, position) "
  "SELECT p.id, (SELECT id FROM channel ORDER BY position LIMIT 1), 20270, "
  "       (SELECT id FROM channel ORDER BY position LIMIT 1 OFFSET 1), 20301, 300000, 0 "
  "  FROM realloc_plan p WHERE p.uuid = '" SL_TEST_PLAN_UUID "';"
  "INSERT INTO realloc_line (plan_id, from_channel_id, from_first_day, to_channel_id, to_first_day, amount_minor, position) "
  "SELECT p.id, NULL, 20270, (SELECT id FROM channel ORDER BY position LIMIT 1 OFFSET 1), 20270, 150000, 1 "
  "  FROM realloc_plan p WHERE p.uuid = '" SL_TEST_PLAN_UUID "';"
  "INSERT INTO realloc_line (plan_id, from_channel_id, from_first_day, to_channel_id, to_first_day, amount_minor, position) "
  "SELECT p.id, (SELECT id FROM channel ORDER BY position LIMIT 1), 20301, NULL, 20301, 50000, 2 "
  "  FROM realloc_plan p WHERE p.uuid = '" SL_TEST_PLAN_UUID "';"
  "INSERT INTO budget_request (uuid, title, first_day, last_day, deadline_day, status, rationale, author, "
  "                            created_at, updated_at) "
  "VALUES ('" SL_TEST_REQUEST_UUID "', 'Q4 request', 20362, 20453, 20348, 'submitted', 'Events season', "
  "        'mira', 1750000000000000, 1750000000999999);"
  "INSERT INTO budget_line (uuid, version, channel_id, campaign_id, is_reserve, first_day, last_day, amount_minor, "
  "                         currency, goal_id, request_id, note, reference) "
  "SELECT '0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e11', 'request', c.channel_id, c.id, 0, 20362, 20392, 1200000, 'USD', "
  "       (SELECT id FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "'), r.id, 'Trade show', 'PO-7' "
  "  FROM budget_request r, (SELECT id, channel_id FROM campaign ORDER BY id LIMIT 1) c "
  " WHERE r.uuid = '" SL_TEST_REQUEST_UUID "';"
  "INSERT INTO budget_line (uuid, version, channel_id, campaign_id, is_reserve, first_day, last_day, amount_minor, "
  "                         currency, goal_id, request_id, note, reference) "
  "SELECT '0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e12', 'request', "
  "       (SELECT id FROM channel ORDER BY position LIMIT 1 OFFSET 1), NULL, 0, 20393, 20422, 800000, 'USD', "
  "       NULL, r.id, '', NULL FROM budget_request r WHERE r.uuid = '" SL_TEST_REQUEST_UUID "';"
  "INSERT INTO budget_line (uuid, version, channel_id, campaign_id, is_reserve, first_day, last_day, amount_minor, "
  "                         currency, goal_id, request_id, note, reference) "
  "SELECT '0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e13', 'request', NULL, NULL, 1, 20362, 20453, 200000, 'USD', "
  "       NULL, r.id, 'Reserve', NULL FROM budget_request r WHERE r.uuid = '" SL_TEST_REQUEST_UUID "';"
  "INSERT INTO annotation (uuid, kind, title, body, channel_id, campaign_id, first_day, last_day, goal_id, "
  "                        next_steps, snapshot, author, created_at, updated_at) "
  "SELECT '" SL_TEST_WIN_UUID "', 'win', 'Brand campaign beat plan', 'CPA fell by a third', c.channel_id, c.id, "
  "       20209, 20239, (SELECT id FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "'), 'Scale it', "
  "       '{\"formula_version\":3,\"metrics\":{\"cac\":{\"num\":123456,\"den\":10},\"roas\":null,"
  "\"spend\":{\"minor\":1200000,\"currency\":\"USD\"}},\"batches\":[1,2]}', "
  "       'mira', 1745000000000007, 1745000000000008 "
  "  FROM (SELECT id, channel_id FROM campaign ORDER BY id LIMIT 1) c;"
  "INSERT INTO annotation (uuid, kind, title, channel_id, first_day, last_day, plan_id, author, created_at, updated_at) "
  "SELECT '" SL_TEST_LOSS_UUID "', 'loss', 'Search lost share', (SELECT id FROM channel ORDER BY position LIMIT 1), "
  "       20240, 20269, id, 'mira', 1746000000000000, 1746000000000000 "
  "  FROM realloc_plan WHERE uuid = '" SL_TEST_PLAN_UUID "';"
  "INSERT INTO annotation (uuid, kind, title, first_day, last_day, hypothesis, expected_outcome, author, "
  "                        created_at, updated_at) "
  "VALUES ('" SL_TEST_EXPERIMENT_UUID "', 'experiment', 'Webinars for mid-market', 20270, 20361, "
  "        'Webinars convert mid-market leads', 'MQL to SQL above 30 %', 'sam', 1747000000000000, 1747000000000001);"
  "INSERT INTO annotation (uuid, kind, title, channel_id, first_day, last_day, amount_minor, currency, author, "
  "                        created_at, updated_at) "
  "SELECT '" SL_TEST_EXPENSE_UUID "', 'unexpected-expense', 'Booth rebuild', "
  "       (SELECT id FROM channel ORDER BY position LIMIT 1 OFFSET 1), 20300, 20300, 450000, 'EUR', 'sam', "
  "       1748000000000000, 1748000000000000;"
  "INSERT INTO annotation (uuid, kind, title, body, first_day, last_day, actual_outcome, author, created_at, updated_at) "
  "VALUES ('" SL_TEST_NOTE_UUID "', 'note', 'Pricing change', 'New tiers from July — “Pro” and “Team”', "
  "        20270, 20270, 'Fewer small deals', 'sam', 1749000000000000, 1749000000000000);"
  "INSERT INTO comment (uuid, target, body, author, created_at) "
  "VALUES ('" SL_TEST_COMMENT_UUID "', 'plan:" SL_TEST_PLAN_UUID "', 'Can we keep 10 % for search?', 'fred', "
  "        1751000000000000);"
  "INSERT INTO decision (uuid, target, verdict, note, author, meeting_day, created_at) "
  "VALUES ('" SL_TEST_DECISION_UUID "', 'plan:" SL_TEST_PLAN_UUID "', 'approve', 'Go', 'fred', 20280, "
  "        1752000000000000);";

void
sl_test_insert_shared_items (SlDatabase *db)
{
  g_autoptr(GError) error = NULL;

  sl_database_exec (db, shared_items_sql, &error);
  g_assert_no_error (error);
}

GPtrArray *
sl_test_shared_doc_ids (SlDatabase *db)
{
  static const char sql[] =
    "SELECT doc_id FROM ("
    " SELECT 'goal:' || uuid AS doc_id, 0 AS o FROM goal"
    " UNION ALL SELECT 'plan:' || uuid, 1 FROM realloc_plan"
    " UNION ALL SELECT 'request:' || uuid, 2 FROM budget_request"
    " UNION ALL SELECT 'annotation:' || uuid, 3 FROM annotation"
    " UNION ALL SELECT 'comment:' || uuid, 4 FROM comment"
    " UNION ALL SELECT 'decision:' || uuid, 5 FROM decision) ORDER BY o, doc_id";
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, &error);
  gboolean has_row;

  g_assert_no_error (error);
  while (sl_database_step_row (db, stmt, &has_row, &error) && has_row)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  g_assert_no_error (error);
  return ids;
}

SlDatabase *
sl_test_shared_workspace_new (const char *dir,
                              const char *name,
                              guint32     seed)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  SlDemoOptions options = { seed, 2000, 2025 };

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  sl_test_insert_shared_items (db);
  return g_steal_pointer (&db);
}

SlDatabase *
sl_test_empty_workspace_new (const char *dir,
                             const char *name,
                             const char *currency)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_workspace_row_insert (db, name, currency, SL_CALENDAR_GREGORIAN, 1, 800, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

void
sl_sync_fixture_setup (SlSyncFixture *fixture,
                       guint32        seed)
{
  fixture->dir = sl_test_make_tmp_dir ();
  fixture->a = sl_test_shared_workspace_new (fixture->dir, "a.sunlight", seed);
  fixture->b = sl_test_empty_workspace_new (fixture->dir, "b.sunlight", "USD");
}

void
sl_sync_fixture_teardown (SlSyncFixture *fixture)
{
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  sl_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

char *
sl_test_dump_shared (SlDatabase *db,
                     gboolean    with_sync)
{
  static const char * const tables[] = {
    "goal", "key_result", "annotation", "realloc_plan", "realloc_line", "budget_request",
    "budget_line", "comment", "decision", "channel", "campaign", "sync_doc",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables) - (with_sync ? 0 : 1); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);
      g_autofree char *rows = sl_test_query_text (db, sql);

      g_string_append_printf (text, "%s\n%s\n", tables[i], rows);
    }
  return g_string_free (text, FALSE);
}
