/* test-notes-fa.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Goals and Wins & Losses pages and their dialogs in Persian, with
 * the catalogs of this build: laid out right to left, and their
 * screenshots, wide and narrow, light and dark, into build/screenshots/.
 * Needs the fa_IR.UTF-8 locale (build-aux/dev makes it) and a display. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sl-annotation-editor.h"
#include "sl-goal-dialog.h"
#include "sl-goals-view.h"
#include "sl-notes-view.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-workspace-annotations.h"
#include "test-notes-utils.h"

static void
shoot_dialog (GtkWidget  *view,
              const char *action,
              GType       type,
              int         width,
              const char *name)
{
  GtkWindow *dialog = notes_test_open_dialog (view, action, 0, type);

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (dialog)), ==, GTK_TEXT_DIR_RTL);
  gtk_window_set_default_size (dialog, width, 720);
  notes_test_screenshot (GTK_WIDGET (dialog), name);
  gtk_window_destroy (dialog);
  sl_ui_test_settle (100);
}

static void
shoot (int         width,
       gboolean    dark)
{
  const char *size = width > 600 ? "wide" : "narrow";
  const char *scheme = dark ? "dark" : "light";
  g_autofree char *goals = g_strdup_printf ("goals-%s-%s-fa.png", size, scheme);
  g_autofree char *notes = g_strdup_printf ("notes-%s-%s-fa.png", size, scheme);
  g_autofree char *editor = g_strdup_printf ("notes-editor-%s-%s-fa.png", size, scheme);
  g_autofree char *goal_dialog = g_strdup_printf ("goal-dialog-%s-%s-fa.png", size, scheme);
  SlNotesView *view;
  SlPeriod june;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  notes_test.window = notes_test_open_window (notes_test.app, notes_test.window, notes_test.path, width,
                                              width > 600 ? 800 : 720);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (notes_test.window)), ==, GTK_TEXT_DIR_RTL);
  sl_period_init (&june, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 6, 1));
  sl_view_filter_set_period (sl_window_get_view_filter (notes_test.window), &june);

  notes_test_show_page (notes_test.window, "goals");
  notes_test_screenshot (GTK_WIDGET (notes_test.window), goals);
  shoot_dialog (notes_test_find_view (SL_TYPE_GOALS_VIEW), "goals.new", SL_TYPE_GOAL_DIALOG, MIN (width, 560), goal_dialog);

  notes_test_show_page (notes_test.window, "notes");
  view = SL_NOTES_VIEW (notes_test_find_view (SL_TYPE_NOTES_VIEW));
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 3);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sl_notes_view_get_row (view, sl_notes_view_get_shown_id (view, 0))),
                                 TRUE);
  notes_test_screenshot (GTK_WIDGET (notes_test.window), notes);
  shoot_dialog (GTK_WIDGET (view), "notes.new", SL_TYPE_ANNOTATION_EDITOR, MIN (width, 560), editor);
}

static void
test_pages_in_persian (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (notes_test.path, &error);

  g_assert_no_error (error);
  /* The catalog of this build is used, not an installed one. */
  g_assert_cmpstr (_("Overview"), ==, "نمای کلی");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  notes_test_add_samples (ws);
  g_clear_object (&ws);

  for (guint wide = 0; wide < 2; wide++)
    for (guint dark = 0; dark < 2; dark++)
      shoot (wide ? 1280 : 360, dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("SL_LOCALE_DIR");

  g_setenv ("LANGUAGE", "fa", TRUE);
  /* ICU reads the locale from the environment, like the real app's. */
  g_setenv ("LC_ALL", "fa_IR.UTF-8", TRUE);
  if (setlocale (LC_ALL, "fa_IR.UTF-8") == NULL)
    {
      g_printerr ("Bail out! The fa_IR.UTF-8 locale is missing (build-aux/dev test makes it)\n");
      return 1;
    }
  g_assert_nonnull (locale_dir);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  notes_test_setup ();
  g_test_add_func ("/ui/notes/persian", test_pages_in_persian);
  return notes_test_teardown (g_test_run ());
}
