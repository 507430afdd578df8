/* sl-ui-test-window.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"

SlApplication *
sl_ui_test_new_application (void)
{
  g_autoptr(GError) error = NULL;
  SlApplication *app = sl_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static gboolean
window_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

SlWindow *
sl_ui_test_open_window (SlApplication *app,
                        SlWindow      *old,
                        const char    *path,
                        int            width)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSettings *settings = sl_application_get_settings (app);
  int height = width < 600 ? 720 : 800;
  SlWindow *window;

  if (old != NULL)
    gtk_window_destroy (GTK_WINDOW (old));
  /* The window takes its size from the settings the last one saved. */
  if (settings != NULL)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, window, 10000));
  g_assert_true (sl_window_open_file (window, file));
  sl_ui_test_settle (300);
  /* Once the header bar has let go of the filters, the window can shrink. */
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  sl_ui_test_settle (200);
  return window;
}

gboolean
sl_ui_test_take_persian (int       *argc,
                         char     **argv,
                         gboolean  *persian)
{
  const char *locale_dir = g_getenv ("SL_LOCALE_DIR");

  *persian = FALSE;
  for (int i = 1; i < *argc; i++)
    if (g_str_equal (argv[i], "--persian"))
      {
        *persian = TRUE;
        memmove (&argv[i], &argv[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  if (!*persian)
    return TRUE;

  g_setenv ("LANGUAGE", "fa", TRUE);
  /* ICU reads the locale from the environment, like the real app's. */
  g_setenv ("LC_ALL", "fa_IR.UTF-8", TRUE);
  if (setlocale (LC_ALL, "fa_IR.UTF-8") == NULL || locale_dir == NULL)
    {
      g_printerr ("Bail out! The fa_IR.UTF-8 locale (build-aux/dev test makes it) or SL_LOCALE_DIR is missing\n");
      return FALSE;
    }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

void
sl_ui_test_type_into (SlPlanCell *cell,
                      const char *text)
{
  GtkEditable *editable = sl_plan_cell_get_editable (cell);

  g_assert_true (gtk_editable_get_editable (editable));
  gtk_widget_grab_focus (GTK_WIDGET (editable));
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (editable, "activate");
}

void
sl_ui_test_save_shot (GtkWidget  *widget,
                      const char *what,
                      gboolean    wide,
                      gboolean    dark,
                      gboolean    persian)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *name = g_strdup_printf ("%s-%s-%s%s.png", what, wide ? "wide" : "narrow", dark ? "dark" : "light",
                                           persian ? "-fa" : "");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);

  sl_ui_test_save_screenshot (widget, path);
  g_test_message ("Screenshot: %s", path);
}
