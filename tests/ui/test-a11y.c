/* test-a11y.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The accessibility audit of the real application on the demo workspace
 * (with one shared item of each kind: a plan, a request, wins and
 * losses, a discussion): every page, the review meeting, Preferences and
 * each dialog is walked, and every control a keyboard reaches or
 * activates must have an accessible name, every chart a description
 * that tells its values. All gaps are listed at once. Needs a display
 * (Xvfb in CI). */

#include "config.h"

#include <locale.h>

#include "sl-annotation.h"
#include "sl-annotation-editor.h"
#include "sl-export-dialog.h"
#include "sl-filter-bar.h"
#include "sl-glossary-window.h"
#include "sl-goal-dialog.h"
#include "sl-goals-view.h"
#include "sl-import-dialog.h"
#include "sl-new-workspace-dialog.h"
#include "sl-notes-view.h"
#include "sl-plans-view.h"
#include "sl-preferences-window.h"
#include "sl-review.h"
#include "sl-test-utils.h"
#include "sl-ui-test-a11y.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;
static char *path;

static const char *pages[] = {
  "overview", "funnel", "channels", "timeline", "plan", "goals", "notes",
  "plans", "request", "imports", "history",
};

/* Audits @root; fails listing every gap. */
static void
assert_accessible (GtkWidget  *root,
                   const char *where,
                   guint       at_least)
{
  g_autoptr(GString) gaps = g_string_new (NULL);
  guint checked = sl_ui_test_a11y_audit (root, where, gaps);

  g_test_message ("%s: %u controls and charts checked", where, checked);
  if (gaps->len > 0)
    g_test_message ("%s", gaps->str);
  g_assert_cmpstr (gaps->str, ==, "");
  /* The walk saw the page, not an empty or hidden tree. */
  g_assert_cmpuint (checked, >=, at_least);
}

static void
show_page (const char *name)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name);
  sl_ui_test_settle (300);
  g_assert_cmpstr (sl_window_get_view (window), ==, name);
}

/* The one widget of @type in the window (a page). */
static GtkWidget *
find_one (GType type)
{
  g_autoptr(GPtrArray) found = sl_ui_test_find_all (GTK_WIDGET (window), type);

  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static GtkWidget *
open_toplevel (GtkWidget  *widget,
               const char *action,
               GType       type)
{
  GtkWindow *found;

  gtk_widget_activate_action (widget, action, NULL);
  sl_ui_test_settle (300);
  found = sl_ui_test_find_window (type);
  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

/* Tests. */

static void
test_pages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (pages[i]);
      /* The window's controls (sidebar, header bar) and the page's. */
      assert_accessible (GTK_WIDGET (window), pages[i], 15);
    }
}

/* The period and filter popovers are built when first opened. */
static void
test_popovers (void)
{
  GtkWidget *filter_bar = find_one (SL_TYPE_FILTER_BAR);
  g_autoptr(GPtrArray) buttons = NULL;

  show_page ("overview");
  sl_filter_bar_popup_filters (SL_FILTER_BAR (filter_bar));
  sl_ui_test_settle (200);
  buttons = sl_ui_test_find_all (filter_bar, GTK_TYPE_MENU_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    gtk_menu_button_popup (buttons->pdata[i]);
  sl_ui_test_settle (200);
  assert_accessible (filter_bar, "filter bar popovers", 12);
  for (guint i = 0; i < buttons->len; i++)
    gtk_menu_button_popdown (buttons->pdata[i]);
  sl_ui_test_settle (100);
}

static void
test_planner (void)
{
  SlWorkspace *workspace = sl_window_get_workspace (window);
  gint64 plan_id = sl_test_query_int64 (sl_workspace_get_database (workspace),
                                        "SELECT id FROM realloc_plan WHERE uuid = '" SL_TEST_PLAN_UUID "'");
  GtkWidget *view;

  show_page ("plans");
  view = find_one (SL_TYPE_PLANS_VIEW);
  sl_plans_view_open_plan (SL_PLANS_VIEW (view), plan_id);
  sl_ui_test_settle (300);
  g_assert_cmpint (sl_planner_get_plan_id (sl_plans_view_get_planner (SL_PLANS_VIEW (view))), ==, plan_id);
  assert_accessible (GTK_WIDGET (sl_plans_view_get_planner (SL_PLANS_VIEW (view))), "planner", 5);
  sl_plans_view_open_plan (SL_PLANS_VIEW (view), 0);
  sl_ui_test_settle (100);
}

static void
test_narrow (void)
{
  window = sl_ui_test_open_window (app, window, path, 360);
  show_page ("overview");
  assert_accessible (GTK_WIDGET (window), "overview, narrow", 10);
  window = sl_ui_test_open_window (app, window, path, 1280);
}

static void
test_review (void)
{
  SlReview *review;
  guint n;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  sl_ui_test_settle (300);
  g_assert_true (sl_window_get_reviewing (window));
  review = sl_window_get_review (window);
  n = sl_review_get_n_items (review);
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("review, item %u", i + 1);

      sl_review_go_to (review, i);
      sl_ui_test_settle (200);
      assert_accessible (GTK_WIDGET (review), where, 3);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  sl_ui_test_settle (200);
  g_assert_false (sl_window_get_reviewing (window));
}

static void
test_preferences (void)
{
  GtkWidget *preferences = open_toplevel (GTK_WIDGET (window), "win.preferences", SL_TYPE_PREFERENCES_WINDOW);

  assert_accessible (preferences, "preferences", 10);
  gtk_window_destroy (GTK_WINDOW (preferences));
  sl_ui_test_settle (100);
}

static void
test_export (void)
{
  GtkWidget *dialog = open_toplevel (GTK_WIDGET (window), "win.export", SL_TYPE_EXPORT_DIALOG);

  assert_accessible (dialog, "export dialog", 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_ui_test_settle (100);
}

static void
test_import (void)
{
  g_autofree char *csv = g_build_filename (tmp_dir, "tiktok.csv", NULL);
  g_autoptr(GFile) file = NULL;
  GtkWindow *dialog;

  sl_test_write_file (csv,
                      "Stat time;Ad group;Total cost;Impr;Clicks (destination);Purchases\n"
                      "03/04/2025;Spring;1.234,50;10000;300;12\n", -1);
  file = g_file_new_for_path (csv);
  dialog = sl_window_show_import_dialog (window, file);
  g_assert_true (SL_IS_IMPORT_DIALOG (dialog));
  sl_ui_test_settle (500);
  assert_accessible (GTK_WIDGET (dialog), "import dialog", 6);
  gtk_window_destroy (dialog);
  sl_ui_test_settle (100);
}

static void
test_annotation_editor (void)
{
  GtkWidget *editor;

  show_page ("notes");
  editor = open_toplevel (find_one (SL_TYPE_NOTES_VIEW), "notes.new", SL_TYPE_ANNOTATION_EDITOR);
  assert_accessible (editor, "annotation editor", 4);
  /* A loss proposes a plan: its lines have more controls. */
  sl_annotation_editor_set_kind (SL_ANNOTATION_EDITOR (editor), SL_ANNOTATION_LOSS);
  sl_annotation_editor_add_line (SL_ANNOTATION_EDITOR (editor));
  sl_ui_test_settle (200);
  assert_accessible (editor, "annotation editor, loss", 8);
  gtk_window_destroy (GTK_WINDOW (editor));
  sl_ui_test_settle (100);
}

static void
test_other_dialogs (void)
{
  g_autoptr(GPtrArray) shortcuts = NULL;
  GtkWidget *dialog;

  show_page ("goals");
  dialog = open_toplevel (find_one (SL_TYPE_GOALS_VIEW), "goals.new", SL_TYPE_GOAL_DIALOG);
  assert_accessible (dialog, "goal dialog", 3);
  gtk_window_destroy (GTK_WINDOW (dialog));

  sl_window_show_new_dialog (window);
  sl_ui_test_settle (300);
  dialog = GTK_WIDGET (sl_ui_test_find_window (SL_TYPE_NEW_WORKSPACE_DIALOG));
  g_assert_nonnull (dialog);
  assert_accessible (dialog, "new workspace dialog", 3);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_toplevel (GTK_WIDGET (window), "win.help", SL_TYPE_GLOSSARY_WINDOW);
  assert_accessible (dialog, "glossary", 1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* GTK's own shortcuts window: its search entry and the shortcuts; its
   * section switcher (one section: never shown) is GTK's. */
  dialog = open_toplevel (GTK_WIDGET (window), "win.shortcuts", GTK_TYPE_SHORTCUTS_WINDOW);
  shortcuts = sl_ui_test_find_all (dialog, GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpuint (shortcuts->len, ==, 1);
  assert_accessible (shortcuts->pdata[0], "shortcuts window", 1);
  g_ptr_array_unref (shortcuts);
  shortcuts = sl_ui_test_find_all (dialog, GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_assert_cmpuint (shortcuts->len, >, 20);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;

      g_object_get (shortcuts->pdata[i], "title", &title, NULL);
      g_assert_cmpstr (title, !=, "");
    }
  gtk_widget_set_visible (dialog, FALSE);
  sl_ui_test_settle (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlDatabase) db = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* GTK_A11Y=none keeps no accessible properties; the test context does. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  tmp_dir = sl_test_make_tmp_dir ();
  db = sl_test_shared_workspace_new (tmp_dir, "a11y.sunlight", 1);
  path = g_build_filename (tmp_dir, "a11y.sunlight", NULL);
  g_clear_object (&db);
  app = sl_ui_test_new_application ();
  window = sl_ui_test_open_window (app, NULL, path, 1280);

  g_test_add_func ("/ui/a11y/pages", test_pages);
  g_test_add_func ("/ui/a11y/popovers", test_popovers);
  g_test_add_func ("/ui/a11y/planner", test_planner);
  g_test_add_func ("/ui/a11y/narrow", test_narrow);
  g_test_add_func ("/ui/a11y/review", test_review);
  g_test_add_func ("/ui/a11y/preferences", test_preferences);
  g_test_add_func ("/ui/a11y/export", test_export);
  g_test_add_func ("/ui/a11y/import", test_import);
  g_test_add_func ("/ui/a11y/annotation-editor", test_annotation_editor);
  g_test_add_func ("/ui/a11y/dialogs", test_other_dialogs);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (path);
  return status;
}
