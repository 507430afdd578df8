/* sl-test-utils.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

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
