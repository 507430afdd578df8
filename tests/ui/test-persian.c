/* test-persian.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real application in Persian, with the catalogs of this build:
 * the views are translated and laid out right to left, and their
 * screenshots, wide and narrow, light and dark, go to build/screenshots/
 * with the others. Needs the fa_IR.UTF-8 locale (build-aux/dev makes it)
 * and a display. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-window.h"

static SlApplication *app;
static char *tmp_dir;
static char *demo_path;

static gboolean
window_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Whether a label under @root reads @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = sl_ui_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_views_in_persian (void)
{
  static const char * const views[] = { "overview", "funnel", "channels", "timeline" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GSettings *settings = sl_application_get_settings (app);
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");

  /* The catalog of this build is used, not an installed one. */
  g_assert_cmpstr (_("Overview"), ==, "نمای کلی");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  for (guint wide = 0; wide < 2; wide++)
    {
      SlWindow *window;

      if (settings != NULL)
        g_settings_set_int (settings, "window-width", wide ? 1280 : 360);
      window = sl_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), wide ? 1280 : 360, wide ? 800 : 720);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, window, 10000));
      g_assert_true (sl_window_open_file (window, file));
      /* Once the header bar has let go of the filters, the window can
       * shrink to the size asked for. */
      sl_ui_test_settle (300);
      gtk_window_set_default_size (GTK_WINDOW (window), wide ? 1280 : 360, wide ? 800 : 720);
      sl_ui_test_settle (300);
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
      g_assert_true (shows_text (GTK_WIDGET (window), "نمای کلی"));

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        for (guint dark = 0; dark < 2; dark++)
          {
            g_autofree char *name = g_strdup_printf ("%s-%s-%s-fa.png", views[v], wide ? "wide" : "narrow",
                                                     dark ? "dark" : "light");
            g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);

            adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                             : ADW_COLOR_SCHEME_FORCE_LIGHT);
            sl_window_show_view (window, views[v]);
            sl_ui_test_settle (300);
            sl_ui_test_save_screenshot (GTK_WIDGET (window), path);
            g_test_message ("Screenshot: %s", path);
          }
      gtk_window_destroy (GTK_WINDOW (window));
      sl_ui_test_settle (100);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
write_demo (void)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = 2025 };

  demo_path = g_build_filename (tmp_dir, "demo.sunlight", NULL);
  db = sl_database_open (demo_path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *locale_dir = g_getenv ("SL_LOCALE_DIR");
  int status;

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

  tmp_dir = sl_test_make_tmp_dir ();
  write_demo ();
  app = sl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/persian/views", test_views_in_persian);
  status = g_test_run ();

  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);
  return status;
}
