/* test-keyboard.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The main flows of the real application with the keyboard only: real
 * key events, typed by xdotool through the X server (Xvfb), reach the
 * window the way a user's do, focus and all. After each step the state
 * is checked in the window and the workspace. Screenshots of the focused
 * controls go to SL_SCREENSHOT_DIR (keyboard-*.png). Needs a display
 * (Xvfb) and xdotool; skipped without them. */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <locale.h>

#include "sl-annotation-editor.h"
#include "sl-discussion.h"
#include "sl-export-dialog.h"
#include "sl-filter-bar.h"
#include "sl-import-dialog.h"
#include "sl-planner.h"
#include "sl-plans-view.h"
#include "sl-preferences-window.h"
#include "sl-review.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;
static char *path;

/* Keys. */

static void
run_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* Presses @keys (xdotool's names: "ctrl+1", "Tab", "Return") one after
 * the other, and lets the app handle them. */
static void
press (const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *argv[] = { "xdotool", "key", "--delay", "40", names[i], NULL };

      run_xdotool (argv);
      sl_ui_test_settle (120);
    }
}

static void
type_text (const char *text)
{
  const char *argv[] = { "xdotool", "type", "--delay", "30", text, NULL };

  run_xdotool (argv);
  sl_ui_test_settle (150);
}

/* The window that has the keyboard. */
static GtkWindow *
active_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_is_active (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static GtkWidget *
focus_widget (void)
{
  GtkWindow *active = active_window ();

  return active != NULL ? gtk_root_get_focus (GTK_ROOT (active)) : NULL;
}

static gboolean
focus_within (GtkWidget *target)
{
  GtkWidget *focus = focus_widget ();

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

/* Presses @key (Tab) until the focus is in @target, at most @max times. */
static void
move_focus_to (GtkWidget  *target,
               const char *key,
               guint       max)
{
  for (guint i = 0; i < max && !focus_within (target); i++)
    press (key);
  if (!focus_within (target))
    g_error ("%s never reached %s; the focus is on %s", key, G_OBJECT_TYPE_NAME (target),
             focus_widget () != NULL ? G_OBJECT_TYPE_NAME (focus_widget ()) : "nothing");
}

static gboolean
window_of_type_cb (gpointer data)
{
  return sl_ui_test_find_window ((GType)GPOINTER_TO_SIZE (data)) != NULL;
}

static void give_focus (GtkWindow *toplevel);

/* Waits for a window of @type, and gives it the keyboard. */
static GtkWindow *
wait_for_window (GType type)
{
  GtkWindow *found;

  g_assert_true (sl_ui_test_iterate_until (window_of_type_cb, GSIZE_TO_POINTER (type), 10000));
  sl_ui_test_settle (200);
  found = sl_ui_test_find_window (type);
  give_focus (found);
  return found;
}

static gboolean
no_window_of_type_cb (gpointer data)
{
  return sl_ui_test_find_window ((GType)GPOINTER_TO_SIZE (data)) == NULL;
}

/* Gives the keyboard to @toplevel, as a window manager does when a
 * window opens or its dialog closes (Xvfb has none). */
static void
give_focus (GtkWindow *toplevel)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (toplevel))));

  if (!gtk_window_is_active (toplevel))
    {
      run_xdotool ((const char *[]) { "xdotool", "windowfocus", "--sync", xid, NULL });
      sl_ui_test_settle (200);
    }
  g_assert_true (gtk_window_is_active (toplevel));
}

static void
focus_main_window (void)
{
  give_focus (GTK_WINDOW (window));
}

/* Waits until the dialog of @type has closed; the keyboard is back in
 * the main window. */
static void
assert_window_closes (GType type)
{
  g_assert_true (sl_ui_test_iterate_until (no_window_of_type_cb, GSIZE_TO_POINTER (type), 10000));
  sl_ui_test_settle (100);
  focus_main_window ();
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *file = g_strdup_printf ("keyboard-%s.png", name);
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *shot = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), file, NULL);

  sl_ui_test_save_screenshot (widget, shot);
  g_test_message ("Screenshot: %s", shot);
}

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = sl_ui_test_find_all (root, type);

  g_assert_cmpuint (found->len, >=, 1);
  return found->pdata[0];
}

static gint64
query_where (const char *what,
             const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s %s", what, where);

  return sl_test_query_int64 (sl_workspace_get_database (sl_window_get_workspace (window)), sql);
}

static gint64
query (const char *sql)
{
  return sl_test_query_int64 (sl_workspace_get_database (sl_window_get_workspace (window)), sql);
}

/* The filter bar the window shows (the header bar's when wide). */
static SlFilterBar *
shown_filter_bar (void)
{
  g_autoptr(GPtrArray) bars = sl_ui_test_find_all (GTK_WIDGET (window), SL_TYPE_FILTER_BAR);

  for (guint i = 0; i < bars->len; i++)
    if (gtk_widget_get_mapped (bars->pdata[i]))
      return bars->pdata[i];
  g_assert_not_reached ();
}

/* Tests. */

static void
test_views (void)
{
  static const char *names[] = { "overview", "funnel", "channels", "timeline",
                                 "plan", "goals", "notes", "plans", "request" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = g_strdup_printf ("ctrl+%u", i + 1);

      press (key);
      g_assert_cmpstr (sl_window_get_view (window), ==, names[i]);
    }
  press ("ctrl+1");
  g_assert_cmpstr (sl_window_get_view (window), ==, "overview");
}

/* Tab to the sidebar, arrows to a page, Enter opens it. */
static void
test_sidebar (void)
{
  g_autoptr(GPtrArray) rows = sl_ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *sidebar = NULL;
  GtkWidget *history = NULL;
  int from;

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (gtk_widget_get_name (rows->pdata[i]), "overview"))
      sidebar = gtk_widget_get_parent (rows->pdata[i]);
    else if (g_str_equal (gtk_widget_get_name (rows->pdata[i]), "history"))
      history = rows->pdata[i];
  g_assert_nonnull (sidebar);
  g_assert_nonnull (history);

  move_focus_to (sidebar, "Tab", 60);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus_widget ()));
  from = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus_widget ()));
  for (int i = from; i < gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (history)); i++)
    press ("Down");
  g_assert_true (focus_widget () == history);
  shoot (GTK_WIDGET (window), "sidebar");
  press ("Return");
  g_assert_cmpstr (sl_window_get_view (window), ==, "history");
  /* And back up, to the Overview. */
  move_focus_to (sidebar, "shift+Tab", 60);
  press ("Home Return");
  g_assert_cmpstr (sl_window_get_view (window), ==, "overview");
}

/* Tab to the period button, open it, choose Month; then the fiscal year again. */
static void
test_period (void)
{
  SlViewFilter *filter = sl_window_get_view_filter (window);
  SlFilterBar *bar;
  GtkWidget *period_button = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  press ("ctrl+1");
  bar = shown_filter_bar ();
  buttons = sl_ui_test_find_all (GTK_WIDGET (bar), GTK_TYPE_MENU_BUTTON);
  for (guint i = 0; i < buttons->len && period_button == NULL; i++)
    if (gtk_menu_button_get_label (buttons->pdata[i]) != NULL)
      period_button = buttons->pdata[i];
  g_assert_nonnull (period_button);
  g_assert_cmpint (sl_view_filter_get_period (filter)->kind, ==, SL_PERIOD_FISCAL_YEAR);

  move_focus_to (period_button, "Tab", 60);
  press ("space");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (period_button)))));
  shoot (GTK_WIDGET (window), "period");
  /* The first kind, Month. */
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus_widget ()));
  press ("Return");
  g_assert_cmpint (sl_view_filter_get_period (filter)->kind, ==, SL_PERIOD_MONTH);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (period_button)))));

  move_focus_to (period_button, "Tab", 60);
  press ("space Down Down Return");
  g_assert_cmpint (sl_view_filter_get_period (filter)->kind, ==, SL_PERIOD_FISCAL_YEAR);
}

/* Ctrl+Shift+F opens the filters; a channel is picked from its list. */
static void
test_filter (void)
{
  SlViewFilter *filter = sl_window_get_view_filter (window);
  SlChannelStore *channels = sl_workspace_get_channels (sl_window_get_workspace (window));
  GtkDropDown *dropdown;
  GtkStringObject *item;
  SlScope scope;

  press ("ctrl+shift+f");
  g_assert_true (GTK_IS_DROP_DOWN (gtk_widget_get_ancestor (focus_widget (), GTK_TYPE_DROP_DOWN)));
  dropdown = GTK_DROP_DOWN (gtk_widget_get_ancestor (focus_widget (), GTK_TYPE_DROP_DOWN));
  shoot (GTK_WIDGET (window), "filter");
  press ("space");
  press ("Down Return");
  item = gtk_drop_down_get_selected_item (dropdown);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  sl_view_filter_get_scope (filter, &scope);
  g_assert_cmpint (scope.kind, ==, SL_SCOPE_CHANNEL);
  g_assert_cmpstr (sl_channel_get_name (sl_channel_store_lookup (channels, scope.id)), ==,
                   gtk_string_object_get_string (item));
  press ("Escape");

  /* All channels again. */
  press ("ctrl+shift+f space Home Return Escape");
  sl_view_filter_get_scope (filter, &scope);
  g_assert_cmpint (scope.kind, ==, SL_SCOPE_WORKSPACE);
}

/* Ctrl+, opens Preferences, Escape closes them; likewise the shortcuts. */
static void
test_preferences_and_shortcuts (void)
{
  GtkWindow *shortcuts;

  press ("ctrl+comma");
  g_assert_true (active_window () == wait_for_window (SL_TYPE_PREFERENCES_WINDOW));
  press ("Escape");
  assert_window_closes (SL_TYPE_PREFERENCES_WINDOW);

  press ("ctrl+question");
  shortcuts = wait_for_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (active_window () == shortcuts);
  shoot (GTK_WIDGET (shortcuts), "shortcuts");
  press ("Escape");
  assert_window_closes (GTK_TYPE_SHORTCUTS_WINDOW);
}

/* Ctrl+I, a file typed into the chooser, the import dialog; Escape. */
static void
test_import (void)
{
  g_autofree char *csv = g_build_filename (tmp_dir, "tiktok.csv", NULL);
  gint64 batches = query ("SELECT count (*) FROM import_batch");
  SlImportDialog *dialog;
  g_autoptr(GFile) file = NULL;
  GFile *chosen;

  sl_test_write_file (csv,
                      "Stat time;Ad group;Total cost;Impr;Clicks (destination);Purchases\n"
                      "03/04/2025;Spring;1.234,50;10000;300;12\n", -1);
  press ("ctrl+i");
  wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  press ("ctrl+l");
  type_text (csv);
  /* The chooser looks the folder up before it takes the name. */
  sl_ui_test_settle (1000);
  press ("Return");
  dialog = SL_IMPORT_DIALOG (wait_for_window (SL_TYPE_IMPORT_DIALOG));
  file = g_file_new_for_path (csv);
  chosen = sl_import_dialog_get_file (dialog);
  g_assert_true (g_file_equal (chosen, file));
  g_assert_true (active_window () == GTK_WINDOW (dialog));
  shoot (GTK_WIDGET (dialog), "import");
  press ("Escape");
  assert_window_closes (SL_TYPE_IMPORT_DIALOG);
  g_assert_cmpint (query ("SELECT count (*) FROM import_batch"), ==, batches);
}

/* Wins & Losses: Ctrl+Shift+N, a title typed, Ctrl+S. */
static void
test_annotation (void)
{
  gint64 before = query ("SELECT count (*) FROM annotation");

  press ("ctrl+7");
  g_assert_cmpstr (sl_window_get_view (window), ==, "notes");
  press ("ctrl+shift+n");
  wait_for_window (SL_TYPE_ANNOTATION_EDITOR);
  g_assert_true (GTK_IS_EDITABLE (gtk_widget_get_ancestor (focus_widget (), ADW_TYPE_ENTRY_ROW)));
  type_text ("Webinar leads doubled");
  shoot (GTK_WIDGET (active_window ()), "annotation");
  press ("ctrl+s");
  assert_window_closes (SL_TYPE_ANNOTATION_EDITOR);
  g_assert_cmpint (query ("SELECT count (*) FROM annotation"), ==, before + 1);
  g_assert_cmpint (query ("SELECT count (*) FROM annotation WHERE title = 'Webinar leads doubled'"), ==, 1);
}

static gboolean
unmapped_cb (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Reallocation Plans: a plan opened from the list and left with
 * Alt+Left; a new one, and money moved between two channels. */
static void
test_planner (void)
{
  SlPlansView *view;
  SlPlanner *planner;
  GtkWidget *list, *to_row, *amount_row;
  gint64 shared = query ("SELECT id FROM realloc_plan WHERE uuid = '" SL_TEST_PLAN_UUID "'");
  gint64 plan_id;
  guint before, n;
  g_autofree char *where = NULL;

  press ("ctrl+8");
  view = SL_PLANS_VIEW (find_one (GTK_WIDGET (window), SL_TYPE_PLANS_VIEW));
  planner = sl_plans_view_get_planner (view);
  list = sl_plans_view_get_list (view);
  move_focus_to (list, "Tab", 60);
  /* The newest first: the only plan. */
  press ("Return");
  g_assert_cmpint (sl_planner_get_plan_id (planner), ==, shared);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (planner)));
  press ("alt+Left");
  /* Once the page has slid away. */
  g_assert_true (sl_ui_test_iterate_until (unmapped_cb, planner, 5000));
  g_assert_true (focus_within (list));

  press ("ctrl+shift+n");
  plan_id = sl_planner_get_plan_id (planner);
  g_assert_cmpint (plan_id, >, shared);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (planner)));
  to_row = sl_ui_test_get_named (planner, "to-channel");
  amount_row = sl_ui_test_get_named (planner, "amount");
  /* Another channel than the one money comes from. */
  move_focus_to (to_row, "Tab", 80);
  before = adw_combo_row_get_selected (ADW_COMBO_ROW (to_row));
  n = g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (to_row)));
  g_assert_cmpuint (n, >, 2);
  /* The list opens on the chosen item; End, the last one. */
  press ("space End Return");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (to_row)), ==, n - 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (to_row)), !=, before);
  move_focus_to (amount_row, "Tab", 10);
  type_text ("1000");
  shoot (GTK_WIDGET (window), "planner");
  press ("Return");

  where = g_strdup_printf ("FROM realloc_line WHERE plan_id = %" G_GINT64_FORMAT, plan_id);
  g_assert_cmpint (query_where ("count (*)", where), ==, 1);
  g_assert_cmpint (query_where ("amount_minor", where), ==, 100000);
  g_assert_cmpint (query_where ("coalesce (from_channel_id, 0) != coalesce (to_channel_id, 0)", where), ==, 1);
  press ("alt+Left");
}

/* F5, the agenda stepped with keys, a comment sent with Ctrl+Enter,
 * Escape. */
static void
test_review (void)
{
  gint64 comments = query ("SELECT count (*) FROM comment");
  SlReview *review;
  SlDiscussion *discussion = NULL;
  GtkWidget *text_view;

  press ("F5");
  g_assert_true (sl_window_get_reviewing (window));
  review = sl_window_get_review (window);
  g_assert_cmpuint (sl_review_get_position (review), ==, 0);
  press ("Right");
  g_assert_cmpuint (sl_review_get_position (review), ==, 1);
  press ("End");
  g_assert_cmpuint (sl_review_get_position (review), ==, sl_review_get_n_items (review) - 1);
  press ("Home");
  g_assert_cmpuint (sl_review_get_position (review), ==, 0);

  /* To the first item with a discussion. */
  while ((discussion = sl_review_get_discussion (review)) == NULL ||
         !gtk_widget_get_mapped (GTK_WIDGET (discussion)))
    {
      guint position = sl_review_get_position (review);

      press ("Page_Down");
      g_assert_cmpuint (sl_review_get_position (review), ==, position + 1);
    }
  text_view = find_one (GTK_WIDGET (discussion), GTK_TYPE_TEXT_VIEW);
  move_focus_to (text_view, "Tab", 40);
  type_text ("Agreed with finance");
  shoot (GTK_WIDGET (window), "review");
  press ("ctrl+Return");
  g_assert_cmpint (query ("SELECT count (*) FROM comment"), ==, comments + 1);
  g_assert_cmpint (query ("SELECT count (*) FROM comment WHERE body = 'Agreed with finance'"), ==, 1);
  press ("Escape");
  g_assert_false (sl_window_get_reviewing (window));
}

/* Ctrl+E opens the export dialog; Escape cancels it. */
static void
test_export (void)
{
  GtkWindow *dialog;

  press ("ctrl+e");
  dialog = wait_for_window (SL_TYPE_EXPORT_DIALOG);
  g_assert_true (active_window () == dialog);
  shoot (GTK_WIDGET (dialog), "export");
  press ("Escape");
  assert_window_closes (SL_TYPE_EXPORT_DIALOG);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlDatabase) db = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }
  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("1..0 # SKIP needs xdotool and an X display (Xvfb)\n");
      return 0;
    }

  tmp_dir = sl_test_make_tmp_dir ();
  db = sl_test_shared_workspace_new (tmp_dir, "keyboard.sunlight", 1);
  path = g_build_filename (tmp_dir, "keyboard.sunlight", NULL);
  g_clear_object (&db);
  app = sl_ui_test_new_application ();
  window = sl_ui_test_open_window (app, NULL, path, 1200);
  focus_main_window ();

  g_test_add_func ("/ui/keyboard/views", test_views);
  g_test_add_func ("/ui/keyboard/sidebar", test_sidebar);
  g_test_add_func ("/ui/keyboard/period", test_period);
  g_test_add_func ("/ui/keyboard/filter", test_filter);
  g_test_add_func ("/ui/keyboard/preferences-and-shortcuts", test_preferences_and_shortcuts);
  g_test_add_func ("/ui/keyboard/import", test_import);
  g_test_add_func ("/ui/keyboard/annotation", test_annotation);
  g_test_add_func ("/ui/keyboard/planner", test_planner);
  g_test_add_func ("/ui/keyboard/review", test_review);
  g_test_add_func ("/ui/keyboard/export", test_export);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (path);
  return status;
}
