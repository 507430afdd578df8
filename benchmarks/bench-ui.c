/* bench-ui.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, in one run (issue 6; needs a display, Xvfb in CI):
 *   startup_ratio=        Sunlight opening a 1 M-row workspace, from spawn
 *                         to its first painted frame, over a bare
 *                         libadwaita window's (best of SL_BENCH_RUNS each,
 *                         default 15, the windows run in turns)
 *   startup_ratio_skip_theme=  the same over a bare window that, like
 *                         Sunlight, skips GTK's default theme
 *   filter_frame_ms_1m=   a filter change (the period stepped) to the next
 *   filter_frame_ms_10m=  painted frame, median of 20, on the Channels view
 *                         (best of five runs each, in turns)
 *   filter_ratio_10m_1m=
 *   rss_mb_10m=           Sunlight's resident memory with the 10 M-row
 *                         workspace open, after the filter changes
 *
 * SL_BENCH_VIEW names the view the app opens on (default: channels).
 *
 * The parent makes the workspaces and runs each measurement in a child
 * process: bench-ui-bare (a bare window, in a program of its own that
 * links only libadwaita) or this program with `--app PATH` (the real
 * application); children print their figures on stdout.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-window.h"

#define DEMO_YEAR 2025
#define FILTER_STEPS 20

/* Child side. */

static gboolean measure_filter;
static guint frames_seen;
static gint64 change_time;
static GArray *filter_times;  /* double ms */
static SlWindow *bench_window;

static void
print_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return;
  g_print ("rss_mb=%.1f\n", g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static gboolean step_filter_cb (gpointer data);

/* SL_BENCH_VERBOSE: print what each step did, not only the figures. */
static gboolean
verbose (void)
{
  return g_getenv ("SL_BENCH_VERBOSE") != NULL;
}

/* With SL_BENCH_VERBOSE, when each start-up phase ended (monotonic µs,
 * comparable with the parent's "spawned" line). */
static void
phase (const char *name)
{
  if (verbose ())
    g_printerr ("  %-10s %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time ());
}

static void
phase_cb (gpointer    instance,
          const char *name)
{
  phase (name);
}

static void
open_phase_cb (GApplication  *app,
               GFile        **files,
               int            n_files,
               const char    *hint)
{
  phase ("shown");
}

static void
finish_filter (void)
{
  g_array_sort (filter_times, compare_double);
  g_print ("filter_ms=%.3f\n", g_array_index (filter_times, double, filter_times->len / 2));
  print_rss ();
  g_application_quit (g_application_get_default ());
}

static void
count_widgets (GtkWidget  *widget,
               GHashTable *counts)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  g_hash_table_insert (counts, (gpointer) type,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, type)) + 1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, counts);
}

/* With SL_BENCH_VERBOSE, how many widgets of each type the first frame
 * shows. */
static void
print_widgets (GtkWidget *window)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer type, count;
  guint total = 0;

  if (!verbose () || window == NULL)
    return;
  count_widgets (window, counts);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &type, &count))
    {
      g_printerr ("  %5u %s\n", GPOINTER_TO_UINT (count), (const char *) type);
      total += GPOINTER_TO_UINT (count);
    }
  g_printerr ("  %5u widgets shown\n", total);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (frames_seen++ == 0)
    {
      g_print ("frame_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_signal_handlers_disconnect_matched (clock, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, phase_cb, NULL);
      phase ("painted");
      print_widgets (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()))));
      if (!measure_filter)
        g_application_quit (g_application_get_default ());
      else
        g_timeout_add (1000, step_filter_cb, NULL);
      return;
    }
  if (change_time != 0)
    {
      double ms = (g_get_monotonic_time () - change_time) / 1000.0;

      change_time = 0;
      g_array_append_val (filter_times, ms);
      if (filter_times->len == FILTER_STEPS)
        finish_filter ();
      else
        g_timeout_add (100, step_filter_cb, NULL);
    }
}

/* Back and forth between two months of the year. */
static gboolean
step_filter_cb (gpointer data)
{
  SlViewFilter *filter = sl_window_get_view_filter (bench_window);

  change_time = g_get_monotonic_time ();
  if (g_getenv ("SL_BENCH_NO_CHANGE") == NULL)
    sl_view_filter_step (filter, filter_times->len % 2 == 0 ? -1 : 1);
  if (verbose ())
    g_printerr ("step took %.3f ms\n", (g_get_monotonic_time () - change_time) / 1000.0);
  gtk_widget_queue_draw (GTK_WIDGET (bench_window));
  return G_SOURCE_REMOVE;
}

static void
window_realize_cb (GtkWidget *window)
{
  phase ("realize");
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  /* The first frame's layout only: after_paint_cb() disconnects it. */
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "layout", G_CALLBACK (phase_cb), (gpointer) "layout");
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (SL_IS_WINDOW (window))
    bench_window = SL_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
}

static int
run_child (const char *mode,
           const char *path)
{
  char *argv[] = { (char *)"bench-ui", (char *)path, NULL };
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GtkApplication) app = NULL;

  /* As Sunlight's main() does, before any thread starts. */
  sl_application_prepare ();
  settings = g_settings_new ("io.github.sunlightapp.Sunlight");
  phase ("main");
  filter_times = g_array_new (FALSE, FALSE, sizeof (double));
  /* Open on the Channels view, the whole demo year. */
  g_settings_set_string (settings, "view",
                         g_getenv ("SL_BENCH_VIEW") != NULL ? g_getenv ("SL_BENCH_VIEW") : "channels");
  g_settings_set_string (settings, "period", "2025-06");
  measure_filter = g_str_equal (mode, "--app-filter");
  app = GTK_APPLICATION (sl_application_new ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect_after (app, "startup", G_CALLBACK (phase_cb), (gpointer) "startup");
  g_signal_connect_after (app, "open", G_CALLBACK (open_phase_cb), NULL);
  return g_application_run (G_APPLICATION (app), 2, argv);
}

/* Parent side. */

/* Runs this program with @args; returns the value of "@key=" it printed. */
static double
run_measure (const char * const *args,
             const char         *key,
             gint64             *spawned_at)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *needle = g_strconcat (key, "=", NULL);
  const char *found;

  *spawned_at = g_get_monotonic_time ();
  if (verbose ())
    g_printerr ("%s\n  %-10s %" G_GINT64_FORMAT "\n", args[1] != NULL ? args[1] : args[0], "spawned", *spawned_at);
  child = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (child));
  found = strstr (out, needle);
  if (found == NULL)
    g_error ("no %s in: %s", key, out);
  return g_ascii_strtod (found + strlen (needle), NULL);
}

/* Runs the @n programs in turns, so that a spell of other work on the
 * machine slows them alike; each figure in @best_ms is that program's
 * best run. */
static void
startup_ms (const char * const * const *args,
            guint                       n,
            guint                       runs,
            double                     *best_ms)
{
  for (guint j = 0; j < n; j++)
    best_ms[j] = G_MAXDOUBLE;
  for (guint i = 0; i <= runs; i++)
    for (guint j = 0; j < n; j++)
      {
        gint64 spawned_at;
        double us = run_measure (args[j], "frame_us", &spawned_at) - spawned_at;

        /* The first turn warms the caches. */
        if (i > 0)
          best_ms[j] = MIN (best_ms[j], us / 1000.0);
      }
}

static char *
make_workspace (const char *dir,
                gint64      spend_rows)
{
  g_autofree char *name = g_strdup_printf ("bench-%" G_GINT64_FORMAT ".sunlight", spend_rows);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { 1, spend_rows, DEMO_YEAR };

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  if (!sl_demo_write (db, &options, NULL, NULL, &error))
    g_error ("%s", error->message);
  return path;
}

static void
remove_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path_1m = NULL;
  g_autofree char *path_10m = NULL;
  const char *runs_env = g_getenv ("SL_BENCH_RUNS");
  /* Best of many: this is a shared 2-core VM, where a busy spell of a
   * second or two slows one run by a third; the floor moves far less. */
  guint runs = runs_env != NULL ? (guint)MAX (1, g_ascii_strtoll (runs_env, NULL, 10)) : 15;
  double startup[3], filter_1m, filter_10m, rss_10m;
  gint64 ignored;

  if (argc >= 2 && g_str_has_prefix (argv[1], "--"))
    return run_child (argv[1], argc >= 3 ? argv[2] : NULL);

  /* Neither window asks the settings portal for the colour scheme: its
   * answer time depends on what the machine runs (an activation that
   * fails can take longer than a window takes to open), not on the app. */
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  dir = g_dir_make_tmp ("sunlight-bench-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path_1m = make_workspace (dir, 1000000);
  path_10m = make_workspace (dir, 10000000);

  {
    g_autofree char *bin_dir = g_path_get_dirname (argv[0]);
    g_autofree char *bare_path = g_build_filename (bin_dir, "bench-ui-bare", NULL);
    const char *bare_args[] = { bare_path, NULL };
    const char *bare_skip_args[] = { bare_path, "--skip-gtk-theme", NULL };
    const char *app_args[] = { argv[0], "--app", path_1m, NULL };
    const char * const *startup_args[] = { bare_args, bare_skip_args, app_args };
    const char *filter_1m_args[] = { argv[0], "--app-filter", path_1m, NULL };
    const char *filter_10m_args[] = { argv[0], "--app-filter", path_10m, NULL };

    startup_ms (startup_args, G_N_ELEMENTS (startup_args), runs, startup);
    /* In turns too, best of five medians each. */
    filter_1m = filter_10m = G_MAXDOUBLE;
    for (guint i = 0; i < 5; i++)
      {
        filter_1m = MIN (filter_1m, run_measure (filter_1m_args, "filter_ms", &ignored));
        filter_10m = MIN (filter_10m, run_measure (filter_10m_args, "filter_ms", &ignored));
      }
    rss_10m = run_measure (filter_10m_args, "rss_mb", &ignored);
  }
  remove_workspace (path_1m);
  remove_workspace (path_10m);
  g_rmdir (dir);

  g_print ("startup_ms_bare=%.1f\n", startup[0]);
  g_print ("startup_ms_1m=%.1f\n", startup[2]);
  g_print ("startup_ratio=%.2f\n", startup[2] / startup[0]);
  /* Against a bare window that skips GTK's default theme too. */
  g_print ("startup_ms_bare_skip_theme=%.1f\n", startup[1]);
  g_print ("startup_ratio_skip_theme=%.2f\n", startup[2] / startup[1]);
  g_print ("filter_frame_ms_1m=%.2f\n", filter_1m);
  g_print ("filter_frame_ms_10m=%.2f\n", filter_10m);
  g_print ("filter_ratio_10m_1m=%.2f\n", filter_10m / filter_1m);
  g_print ("rss_mb_10m=%.1f\n", rss_10m);
  return 0;
}
