/* bench-ui-bare.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of bench-ui's start-up figure: a bare libadwaita window,
 * 1280 × 800, in a program that links libadwaita and nothing of
 * Sunlight's, so that loading Sunlight's libraries counts against
 * Sunlight. Prints "frame_us=" (monotonic µs) when its first frame is
 * painted, then quits.
 *
 * With --skip-gtk-theme it skips GTK's default theme as Sunlight does,
 * with the same code (sl-gtk-theme.h): the like-for-like baseline.
 */

#include <adwaita.h>

#include "sl-gtk-theme.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  g_print ("frame_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, data);
  g_application_quit (g_application_get_default ());
}

static void
window_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "--skip-gtk-theme") && sl_gtk_theme_skip_begin ())
    sl_gtk_theme_skip_end ();
  app = adw_application_new ("io.github.sunlightapp.BenchBare", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
