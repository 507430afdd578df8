/* sl-crash.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "sl-crash.h"
#include "sl-test-utils.h"

static const char * const journal_suffixes[] = { "", "-wal", "-shm", "-journal" };

guint
sl_crash_rounds (guint full)
{
  if (g_strcmp0 (g_getenv ("SL_RELIABILITY_QUICK"), "1") == 0)
    return MAX (full / 10, 3);
  return full;
}

GRand *
sl_crash_rand_new (void)
{
  const char *given = g_getenv ("SL_CRASH_SEED");
  guint64 seed = 0;

  if (given == NULL || !g_ascii_string_to_unsigned (given, 10, 0, G_MAXUINT32, &seed, NULL))
    seed = g_random_int ();
  g_test_message ("seed %u (run again with SL_CRASH_SEED=%u)", (guint32)seed, (guint32)seed);
  return g_rand_new_with_seed ((guint32)seed);
}

void
sl_crash_remove_workspace (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (journal_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, journal_suffixes[i], NULL);

      if (g_unlink (file) != 0)
        g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

void
sl_crash_copy_workspace (const char *from,
                         const char *to)
{
  g_autofree char *wal = g_strconcat (from, "-wal", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  sl_crash_remove_workspace (to);
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

GStrv
sl_crash_argv (const char * const *argv,
               const char         *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; argv[i] != NULL; i++)
    g_strv_builder_add (builder, g_str_equal (argv[i], SL_CRASH_WORKSPACE) ? path : argv[i]);
  return g_strv_builder_end (builder);
}

static char *
read_output (GSubprocess *process)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (process);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n;

  while ((n = g_input_stream_read (out, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_byte_array_append (bytes, buffer, (guint)n);
  g_byte_array_append (bytes, (const guint8 *)"", 1);
  return (char *)g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Fails the test with the output of a run that failed by itself. */
static void
check_success (GSubprocess        *process,
               const char * const *argv)
{
  g_autofree char *output = NULL;
  g_autofree char *command = NULL;

  if (g_subprocess_get_successful (process))
    return;
  output = read_output (process);
  command = g_strjoinv (" ", (GStrv)argv);
  g_error ("%s failed (status %d):\n%s", command, g_subprocess_get_status (process), output);
}

gint64
sl_crash_run (const char * const *argv)
{
  gint64 elapsed = 0;

  g_assert_false (sl_crash_run_killed (argv, G_MAXINT64, &elapsed));
  return elapsed;
}

gboolean
sl_crash_run_killed (const char * const *argv,
                     gint64              delay,
                     gint64             *elapsed)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Stdout and stderr to a pipe read only after the end: the commands
   * write a line or two, far below a pipe's buffer. */
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
  g_assert_no_error (error);
  if (delay != G_MAXINT64)
    {
      gint64 left = start + delay - g_get_monotonic_time ();

      if (left > 0)
        g_usleep ((gulong)left);
      g_subprocess_send_signal (process, SIGKILL);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  *elapsed = g_get_monotonic_time () - start;

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }
  check_success (process, argv);
  return FALSE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

void
sl_crash_clock_add (SlCrashClock *clock,
                    gint64        elapsed)
{
  clock->last[clock->n++ % G_N_ELEMENTS (clock->last)] = elapsed;
  clock->min = clock->n == 1 ? elapsed : MIN (clock->min, elapsed);
  clock->max = MAX (clock->max, elapsed);
}

gint64
sl_crash_clock_get (const SlCrashClock *clock)
{
  gint64 sorted[G_N_ELEMENTS (clock->last)];
  guint n = MIN (clock->n, G_N_ELEMENTS (clock->last));

  g_assert_cmpuint (n, >, 0);
  memcpy (sorted, clock->last, n * sizeof (gint64));
  qsort (sorted, n, sizeof (gint64), compare_int64);
  return sorted[n / 2];
}

void
sl_crash_assert_integrity (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  int rc;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len ? "\n" : "", sqlite3_column_text (stmt, 0));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  if (!g_str_equal (result->str, "ok"))
    g_error ("integrity_check of %s: %s", path, result->str);
}

static gboolean
skipped (const char         *column,
         const char * const *skip)
{
  return g_str_equal (column, "uuid") || g_str_equal (column, "at") || g_str_has_suffix (column, "_at") ||
         (skip != NULL && g_strv_contains (skip, column));
}

/* "SELECT "a", "b" FROM "t" ORDER BY 1, 2" over the columns kept, or
 * NULL when none is. Names come from the schema itself. */
static char *
table_query (sqlite3            *handle,
             const char         *table,
             const char * const *skip)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) order = g_string_new (NULL);
  sqlite3_stmt *info = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name FROM pragma_table_info (?1)", -1, &info, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (info, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (info) == SQLITE_ROW)
    {
      const char *column = (const char *)sqlite3_column_text (info, 0);

      if (skipped (column, skip))
        continue;
      g_assert_null (strchr (column, '"'));
      g_string_append_printf (columns, "%s\"%s\"", n ? ", " : "", column);
      g_string_append_printf (order, "%s%u", n ? ", " : "", n + 1);
      n++;
    }
  sqlite3_finalize (info);
  g_assert_null (strchr (table, '"'));
  return n ? g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY %s", columns->str, table, order->str) : NULL;
}

static void
digest_table (sqlite3            *handle,
              const char         *table,
              const char * const *skip,
              GString            *out)
{
  g_autofree char *sql = table_query (handle, table, skip);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;
  guint64 rows = 0;
  int rc;

  if (sql == NULL)
    return;
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const guchar *text = sqlite3_column_text (stmt, i);
          guchar type = (guchar)sqlite3_column_type (stmt, i);

          /* The type, the length, then the bytes: no two rows alike. */
          g_checksum_update (checksum, &type, 1);
          if (text != NULL)
            {
              guint32 length = (guint32)sqlite3_column_bytes (stmt, i);

              g_checksum_update (checksum, (const guchar *)&length, sizeof length);
              g_checksum_update (checksum, text, length);
            }
        }
      rows++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_string_append_printf (out, "%s %" G_GUINT64_FORMAT " %.16s\n", table, rows,
                          g_checksum_get_string (checksum));
}

char *
sl_crash_digest (SlDatabase         *db,
                 const char * const *skip)
{
  sqlite3 *handle = sl_database_get_handle (db);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    digest_table (handle, g_ptr_array_index (tables, i), skip, out);
  return g_string_free (out, FALSE);
}

char *
sl_crash_check_workspace (const char         *path,
                          const char * const *skip)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  sl_test_assert_rollups_consistent (db);
  return sl_crash_digest (db, skip);
}

char *
sl_crash_demo_fixture (const char *dir)
{
  char *path = g_build_filename (dir, "fixture.sunlight", NULL);
  const char *argv[] = { g_getenv ("SL_CLI_BIN"), "demo", path, "--year", "2025", NULL };

  g_assert_nonnull (argv[0]);
  sl_crash_run (argv);
  return path;
}

/* Campaigns of the demo's channels, so rollup rows grow, and of two new
 * channels, which an undo removes again. */
static const struct
{
  const char *channel;
  const char *campaign;
  guint       n;
} spend_campaigns[] = {
  { "Paid Search", "Brand Keywords", 1 },
  { "Paid Search", "Competitor Keywords", 1 },
  { "Paid Social", "Facebook Retargeting", 1 },
  { "Display", "Retargeting Banners", 1 },
  { "Podcasts", "Show", 21 },
  { "Video", "Pre-roll", 30 },
};

char *
sl_crash_write_spend_csv (const char *dir,
                          guint       rows)
{
  char *path = g_build_filename (dir, "spend.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("date,channel,campaign,spend,impressions,clicks,conversions\n");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) channels = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (spend_campaigns); i++)
    for (guint k = 1; k <= spend_campaigns[i].n; k++)
      {
        g_ptr_array_add (names, spend_campaigns[i].n == 1 ? g_strdup (spend_campaigns[i].campaign)
                                : g_strdup_printf ("%s %u", spend_campaigns[i].campaign, k));
        g_ptr_array_add (channels, (gpointer)spend_campaigns[i].channel);
      }
  for (guint i = 0; i < rows; i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
      guint c = i % names->len;

      g_date_add_days (date, i / names->len);
      g_string_append_printf (csv, "%04d-%02d-%02d,%s,%s,%u.%02u,%u,%u,%u\n", g_date_get_year (date),
                              g_date_get_month (date), g_date_get_day (date), (char *)channels->pdata[c],
                              (char *)names->pdata[c], (i * 37) % 900, i % 100, (i * 13) % 5000,
                              (i * 7) % 300, i % 11);
    }
  sl_test_write_file (path, csv->str, (gssize)csv->len);
  return path;
}
