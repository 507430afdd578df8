/* test-crash-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sunlight-cli import` of 20,000 spend rows into the demo workspace,
 * killed with SIGKILL at random points: the file stays sound, its
 * rollups equal the facts, and it holds the whole import or none of it.
 */

#include "config.h"

#include "sl-crash.h"
#include "sl-test-utils.h"

#define ROWS   20000
#define ROUNDS 100

static void
test_import_killed (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *fixture = sl_crash_demo_fixture (dir);
  g_autofree char *csv = sl_crash_write_spend_csv (dir, ROWS);
  const char *argv[] = { g_getenv ("SL_CLI_BIN"), "import", SL_CRASH_WORKSPACE, "--kind", "spend", csv, NULL };
  SlCrashCase crash_case = { "import", fixture, argv, NULL, ROUNDS };

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

  g_test_add_func ("/reliability/crash/import", test_import_killed);

  return g_test_run ();
}
