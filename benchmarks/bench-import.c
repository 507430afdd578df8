/* bench-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a spend CSV of SL_BENCH_ROWS rows (default 1,000,000), then
 * times the sqlite3 shell's .import of it into an equivalent table and
 * Sunlight's import of it (validation, batch and rollups included), and
 * prints each figure as name=value.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "sl-importer.h"
#include "sl-workspace.h"

static const char * const channels[] = { "Search", "Social", "Display", "Email", "Events", "Partner", "Video" };

static void
write_csv (const char *path,
           gint64      rows)
{
  FILE *fp = g_fopen (path, "w");
  guint32 state = 12345;

  g_assert_nonnull (fp);
  fputs ("date,channel,campaign,spend,impressions,clicks,conversions\n", fp);
  for (gint64 i = 0; i < rows; i++)
    {
      int day = (int)(i % 365);
      int year = 2025, month = 1;
      static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

      for (month = 0; day >= month_days[month]; month++)
        day -= month_days[month];
      state = state * 1103515245u + 12345u;
      fprintf (fp, "%d-%02d-%02d,%s,C%u,%u.%02u,%u,%u,%u\n", year, month + 1, day + 1,
               channels[state % G_N_ELEMENTS (channels)], (state >> 8) % 40,
               (state >> 4) % 5000, state % 100, (state >> 3) % 100000, (state >> 5) % 1000, state % 20);
    }
  fclose (fp);
}

static double
time_sqlite3_import (const char *dir,
                     const char *csv)
{
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *script = g_strdup_printf ("PRAGMA journal_mode=WAL;\n"
                                             "CREATE TABLE spend (date TEXT, channel TEXT, campaign TEXT, "
                                             "spend TEXT, impressions INTEGER, clicks INTEGER, conversions INTEGER);\n"
                                             ".mode csv\n.import --skip 1 '%s' spend\n", csv);
  const char *argv[] = { "sqlite3", db, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_subprocess_communicate_utf8 (process, script, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_sunlight_import (const char *dir,
                      const char *csv,
                      gint64      rows)
{
  g_autofree char *path = g_build_filename (dir, "bench.sunlight", NULL);
  g_autoptr(SlWorkspace) ws = NULL;
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  SlImportOptions options;
  gint64 start;

  ws = sl_workspace_create (path, "Bench", "USD", SL_CALENDAR_GREGORIAN, 1, &error);
  g_assert_no_error (error);
  sl_import_options_init (&options, SL_IMPORT_SPEND);
  start = g_get_monotonic_time ();
  if (!sl_import_file (sl_workspace_get_database (ws), file, &options, NULL, NULL, NULL, &result, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (result->rows_accepted, ==, rows);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sunlight-bench-XXXXXX", &error);
  g_autofree char *csv = NULL;
  const char *rows_env = g_getenv ("SL_BENCH_ROWS");
  gint64 rows = rows_env ? g_ascii_strtoll (rows_env, NULL, 10) : 1000000;
  double sqlite_s, sunlight_s;
  struct rusage usage;

  g_assert_no_error (error);
  csv = g_build_filename (dir, "spend.csv", NULL);
  write_csv (csv, rows);

  sqlite_s = time_sqlite3_import (dir, csv);
  sunlight_s = time_sunlight_import (dir, csv, rows);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("rows=%" G_GINT64_FORMAT "\n", rows);
  g_print ("sqlite3_rows_per_s=%.0f\n", rows / sqlite_s);
  g_print ("sunlight_rows_per_s=%.0f\n", rows / sunlight_s);
  g_print ("ratio=%.2f\n", sqlite_s / sunlight_s);
  g_print ("peak_rss_mb=%.1f\n", usage.ru_maxrss / 1024.0);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);
        g_unlink (child);
      }
    g_rmdir (dir);
  }
  return 0;
}
