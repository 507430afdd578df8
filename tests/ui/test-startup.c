/* test-startup.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the application starts GTK: sl_application_prepare() lets GTK skip
 * its default theme, and libadwaita's stylesheet still applies. Each case
 * runs in a process of its own, since GTK starts once per process.
 */

#include "config.h"

#include <adwaita.h>

#include "sl-application.h"

/* Registering the application runs its startup: GTK, then libadwaita. */
static SlApplication *
start_application (void)
{
  g_autoptr(GError) error = NULL;
  SlApplication *app = sl_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

static int
natural_height (const char *css_class)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Channels"));
  int height;

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  g_object_unref (label);
  return height;
}

static char *
theme_name (void)
{
  char *name = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &name, NULL);
  return name;
}

static void
skips_gtk_theme_child (void)
{
  g_autoptr(SlApplication) app = NULL;
  g_autofree char *name = NULL;

  g_unsetenv ("GTK_THEME");
  sl_application_prepare ();
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita-empty");

  app = start_application ();
  /* Gone again before libadwaita looked, so that it set its own theme
   * and loaded its stylesheet: its title classes make text larger. */
  g_assert_null (g_getenv ("GTK_THEME"));
  name = theme_name ();
  g_assert_cmpstr (name, ==, "Adwaita-empty");
  g_assert_cmpint (natural_height ("title-1"), >, natural_height (NULL));
}

static void
keeps_user_theme_child (void)
{
  g_autoptr(SlApplication) app = NULL;
  g_autofree char *name = NULL;

  g_setenv ("GTK_THEME", "Adwaita:dark", TRUE);
  sl_application_prepare ();
  app = start_application ();
  /* The user's choice stays; libadwaita then leaves GTK's theme alone. */
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita:dark");
  name = theme_name ();
  g_assert_cmpstr (name, !=, "Adwaita-empty");
}

/* Runs @data, a case's body, in a process of its own. */
static void
test_in_subprocess (gconstpointer data)
{
  void (*child) (void) = (void (*) (void)) data;

  if (g_test_subprocess ())
    {
      child ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/ui/startup/skips-gtk-theme", (gconstpointer) skips_gtk_theme_child, test_in_subprocess);
  g_test_add_data_func ("/ui/startup/keeps-user-theme", (gconstpointer) keeps_user_theme_child, test_in_subprocess);
  return g_test_run ();
}
