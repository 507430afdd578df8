/* test-crash-undo-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sunlight-cli undo-import` of a 20,000-row spend import (its rows,
 * rollups, and the two channels and 51 campaigns it created) killed with
 * SIGKILL at random points: the file stays sound, its rollups equal the
 * facts, and the import is there whole or gone whole.
 */

#include "config.h"

#include "sl-crash.h"
#include "sl-test-utils.h"

#define ROWS   20000
#define ROUNDS 100

static void
test_undo_import_killed (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *fixture = sl_crash_demo_fixture (dir);
  g_autofree char *csv = sl_crash_write_spend_csv (dir, ROWS);
  const char *import[] = { g_getenv ("SL_CLI_BIN"), "import", fixture, "--kind", "spend", csv, NULL };
  const char *argv[] = { g_getenv ("SL_CLI_BIN"), "undo-import", SL_CRASH_WORKSPACE, NULL, NULL };
  SlCrashCase crash_case = { "undo-import", fixture, argv, NULL, ROUNDS };
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  sl_crash_run (import);
  db = sl_database_open (fixture, SL_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT rows_accepted FROM import_batch ORDER BY id DESC LIMIT 1"),
                   ==, ROWS);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, sl_test_query_int64 (db, "SELECT max (id) FROM import_batch"));
  g_clear_object (&db);
  argv[3] = id;

  sl_crash_run_case (&crash_case);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GIO's debug messages for every connection and file would bury the rounds. */
  g_log_set_debug_enabled (FALSE);

  g_test_add_func ("/reliability/crash/undo-import", test_undo_import_killed);

  return g_test_run ();
}
