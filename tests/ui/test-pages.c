/* test-pages.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every page of the sidebar, and the review meeting, in one language
 * (--lang=en|th|fa|zh_CN, one process each), at 1280×800 and 360×720,
 * light (and dark in English), into build/screenshots/pages/LANG/ for
 * people to look at. The pages come from the sidebar itself, so a page
 * added later is taken too. On each, no label reads an English message
 * that the catalog translates, and the narrow window stays 360 wide. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sl-demo.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"
#include "test-review.h"

#define DEMO_YEAR 2025

typedef struct
{
  const char *lang;      /* LANGUAGE, and the name of the folder */
  const char *locale;    /* LC_ALL */
  const char *overview;  /* "Overview" in that language */
} Language;

static const Language languages[] = {
  { "en", "en_US.UTF-8", "Overview" },
  { "th", "th_TH.UTF-8", "ภาพรวม" },
  { "fa", "fa_IR.UTF-8", "نمای کلی" },
  { "zh_CN", "zh_CN.UTF-8", "概览" },
};

static const Language *language;
static SlApplication *app;
static char *tmp_dir;
static char *demo_path;

/* The names of the sidebar's rows: the pages, in order. */
static GPtrArray *
sidebar_pages (SlWindow *window)
{
  g_autoptr(GPtrArray) lists = sl_ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lists->len && names->len == 0; i++)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (lists->pdata[i], 0);

      if (first == NULL || g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (first)), "overview") != 0)
        continue;
      for (int r = 0; gtk_list_box_get_row_at_index (lists->pdata[i], r) != NULL; r++)
        g_ptr_array_add (names, g_strdup (gtk_widget_get_name (
          GTK_WIDGET (gtk_list_box_get_row_at_index (lists->pdata[i], r)))));
    }
  return names;
}

/* Whether @text has a lower-case Latin letter: an acronym ("SQL", "ROI")
 * is often kept as it is, and may be another message's translation. */
static gboolean
has_lower_case (const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    if (g_ascii_islower (*c))
      return TRUE;
  return FALSE;
}

/* Mapped labels under @root that show an English message the catalog
 * translates: a string that missed its _() on the way. */
static guint
count_untranslated (GtkWidget  *root,
                    const char *where)
{
  g_autoptr(GPtrArray) labels = sl_ui_test_find_all (root, GTK_TYPE_LABEL);
  guint found = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);

      if (!gtk_widget_get_mapped (labels->pdata[i]) || !has_lower_case (text))
        continue;
      if (strcmp (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
        {
          g_test_message ("%s: “%s” is not translated", where, text);
          found++;
        }
    }
  return found;
}

static void
save (SlWindow   *window,
      const char *page,
      gboolean    wide,
      gboolean    dark)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", page, wide ? "wide" : "narrow", dark ? "dark" : "light");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT),
                                            "pages", language->lang, name, NULL);

  sl_ui_test_save_screenshot (GTK_WIDGET (window), path);
  g_test_message ("Screenshot: %s", path);
}

/* Shoots @page in each scheme; returns the untranslated labels seen. */
static guint
shoot (SlWindow   *window,
       const char *page,
       gboolean    wide)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  guint schemes = g_str_equal (language->lang, "en") ? 2 : 1;
  g_autofree char *where = g_strdup_printf ("%s (%s)", page, wide ? "wide" : "narrow");
  guint untranslated = 0;

  for (guint dark = 0; dark < schemes; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      sl_ui_test_settle (dark ? 150 : 250);
      if (!dark)
        untranslated += count_untranslated (GTK_WIDGET (window), where);
      if (!wide)
        {
          if (gtk_widget_get_width (GTK_WIDGET (window)) > 360)
            g_test_message ("%s: the narrow window is %d wide", where, gtk_widget_get_width (GTK_WIDGET (window)));
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
        }
      save (window, page, wide, dark);
    }
  return untranslated;
}

static void
test_pages (void)
{
  GSettings *settings = sl_application_get_settings (app);
  SlWindow *window = NULL;
  guint untranslated = 0;

  /* The catalog of this build is used, not an installed one. */
  g_assert_cmpstr (_("Overview"), ==, language->overview);

  for (guint wide = 0; wide < 2; wide++)
    {
      g_autoptr(GPtrArray) pages = NULL;

      /* The fiscal year of the demo, not what the last window showed. */
      g_settings_set_string (settings, "period", "");
      g_settings_set_string (settings, "scope", "");
      window = sl_ui_test_open_window (app, window, demo_path, wide ? 1280 : 360);
      pages = sidebar_pages (window);
      /* Overview … History, at least. */
      g_assert_cmpuint (pages->len, >=, 11);

      for (guint p = 0; p < pages->len; p++)
        {
          sl_window_show_view (window, pages->pdata[p]);
          g_assert_cmpstr (sl_window_get_view (window), ==, pages->pdata[p]);
          untranslated += shoot (window, pages->pdata[p], wide);
        }

      sl_window_show_view (window, "overview");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
      sl_ui_test_settle (300);
      g_assert_true (sl_window_get_reviewing (window));
      untranslated += shoot (window, "review", wide);
      sl_window_leave_review (window);
      sl_ui_test_settle (100);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  sl_ui_test_settle (100);
  g_assert_cmpuint (untranslated, ==, 0);
}

/* The demo, with a win, a loss, a proposed plan and a submitted request
 * so that every page has something to show. */
static void
write_demo (void)
{
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = DEMO_YEAR };
  ReviewData data = { 0 };

  demo_path = g_build_filename (tmp_dir, "demo.sunlight", NULL);
  {
    g_autoptr(SlDatabase) db = sl_database_open (demo_path, SL_DATABASE_CREATE, &error);

    g_assert_no_error (error);
    sl_demo_write (db, &options, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(SlWorkspace) ws = sl_workspace_open (demo_path, &error);

    g_assert_no_error (error);
    review_data_fill (ws, DEMO_YEAR, TRUE, &data);
  }
  review_data_clear (&data);
}

/* Takes --lang=LANG out of the arguments and switches to it. */
static gboolean
take_language (int   *argc,
               char **argv)
{
  const char *locale_dir = g_getenv ("SL_LOCALE_DIR");

  for (int i = 1; i < *argc && language == NULL; i++)
    if (g_str_has_prefix (argv[i], "--lang="))
      {
        for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
          if (g_str_equal (argv[i] + strlen ("--lang="), languages[l].lang))
            language = &languages[l];
        memmove (&argv[i], &argv[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
      }
  if (language == NULL || locale_dir == NULL)
    {
      g_printerr ("Bail out! Say --lang=en|th|fa|zh_CN, with SL_LOCALE_DIR set\n");
      return FALSE;
    }

  g_setenv ("LANGUAGE", language->lang, TRUE);
  /* ICU reads the locale from the environment, like the real app's. */
  g_setenv ("LC_ALL", language->locale, TRUE);
  if (setlocale (LC_ALL, language->locale) == NULL)
    {
      g_printerr ("Bail out! The %s locale is missing (build-aux/dev test makes it)\n", language->locale);
      return FALSE;
    }
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int status;

  if (!take_language (&argc, argv))
    return 1;
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  /* A page caught in the middle of a cross-fade shows two at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  tmp_dir = sl_test_make_tmp_dir ();
  write_demo ();
  app = sl_ui_test_new_application ();

  path = g_strdup_printf ("/ui/pages/%s", language->lang);
  g_test_add_func (path, test_pages);
  status = g_test_run ();

  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);
  return status;
}
