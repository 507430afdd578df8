/* bench-workspace.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how fast a large workspace is written and opened: the demo
 * with SL_BENCH_ROWS spend rows (default 1,000,000), then opening it and
 * loading a fiscal year's plan, as a user does on start-up.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sl-demo.h"
#include "sl-workspace.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sunlight-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  const char *rows_env = g_getenv ("SL_BENCH_ROWS");
  SlDemoOptions options = { 1, 1000000, 2025 };
  gint64 start;
  double write_s, open_s, plan_s;

  g_assert_no_error (error);
  if (rows_env != NULL)
    options.spend_rows = g_ascii_strtoll (rows_env, NULL, 10);
  path = g_build_filename (dir, "bench.sunlight", NULL);

  {
    g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_CREATE, &error);

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    if (!sl_demo_write (db, &options, NULL, NULL, &error))
      g_error ("%s", error->message);
    write_s = seconds_since (start);
  }

  {
    g_autoptr(SlWorkspace) ws = NULL;
    g_autoptr(SlBudgetLineStore) plan = NULL;
    SlPeriod year;

    start = g_get_monotonic_time ();
    ws = sl_workspace_open (path, &error);
    g_assert_no_error (error);
    open_s = seconds_since (start);

    start = g_get_monotonic_time ();
    sl_workspace_get_default_fiscal_year (ws, &year);
    plan = sl_workspace_dup_budget_lines (ws, "plan", &year);
    plan_s = seconds_since (start);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), >, 0);
  }

  g_print ("demo write: %" G_GINT64_FORMAT " spend rows in %.2f s (%.0f rows/s, rollups included)\n",
           options.spend_rows, write_s, options.spend_rows / write_s);
  g_print ("open workspace: %.1f ms\n", open_s * 1000);
  g_print ("load fiscal-year plan: %.2f ms\n", plan_s * 1000);

  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
