/* test-preferences.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Preferences window of the real application on the demo workspace,
 * opened the way a user does (win.preferences, Ctrl+,): adding, moving
 * and removing a KPI and changing the reserve reach the file, and undo
 * in the main window takes them all back, here and in the file. Needs a
 * display (Xvfb in CI). */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-preferences-window.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-window.h"

#define KPI_ROWS "SELECT rowid, metric, position, goal_id FROM kpi ORDER BY rowid"
#define KPI_ORDER "SELECT metric FROM kpi ORDER BY position, metric"

static SlApplication *app;
static SlWindow *window;
static SlPreferencesWindow *preferences;
static char *tmp_dir;
static char *demo_path;

/* SQL, straight on the file. */

static char *
query_text (const char *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      {
        const char *value = (const char *)sqlite3_column_text (stmt, i);

        g_string_append_printf (text, "%s%s", value != NULL ? value : "∅",
                                i + 1 < sqlite3_column_count (stmt) ? "|" : "\n");
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static int
query_reserve (void)
{
  g_autofree char *text = query_text ("SELECT reserve_basis_points FROM workspace");

  return atoi (text);
}

/* Widgets */

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autoptr(GPtrArray) all = sl_ui_test_find_all (root, type);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (all->pdata[i]), name) == 0)
      return all->pdata[i];
  g_error ("No %s named %s", g_type_name (type), name);
  return NULL;
}

static GtkListBox *
kpi_list (void)
{
  return GTK_LIST_BOX (find_named (GTK_WIDGET (preferences), GTK_TYPE_LIST_BOX, "kpi-list"));
}

/* The titles of the KPI rows, as metric keys, one a line: what the
 * window shows, in the form KPI_ORDER gives. */
static char *
shown_order (void)
{
  GString *text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (kpi_list (), i)) != NULL; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_object_get_data (G_OBJECT (row), "metric"));
  return g_string_free (text, FALSE);
}

static void
assert_shown_matches_file (void)
{
  g_autofree char *shown = shown_order ();
  g_autofree char *stored = query_text (KPI_ORDER);
  GListModel *store = G_LIST_MODEL (sl_workspace_get_kpis (sl_window_get_workspace (window)));
  guint n_lines = 0;

  g_assert_cmpstr (shown, ==, stored);
  for (const char *c = stored; *c != '\0'; c++)
    n_lines += *c == '\n';
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, n_lines);
}

static GtkWidget *
row_button (const char *metric,
            const char *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (kpi_list (), i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "metric"), metric) == 0)
      return find_named (GTK_WIDGET (row), GTK_TYPE_BUTTON, name);
  g_error ("No row for %s", metric);
  return NULL;
}

static gboolean
window_mapped_cb (gpointer data)
{
  return data != NULL && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
open_preferences (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  GListModel *toplevels = NULL;

  window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, window, 10000));
  g_assert_true (sl_window_open_file (window, file));
  sl_ui_test_settle (200);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SL_IS_PREFERENCES_WINDOW (toplevel))
        preferences = SL_PREFERENCES_WINDOW (toplevel);
    }
  g_assert_nonnull (preferences);
  g_assert_true (sl_preferences_window_get_workspace (preferences) == sl_window_get_workspace (window));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, preferences, 10000));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "overview");
  sl_ui_test_settle (200);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sl_ui_test_settle (50);
}

static void
undo_in_main_window (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  sl_ui_test_settle (50);
}

static gboolean
reserve_written_cb (gpointer data)
{
  return query_reserve () == GPOINTER_TO_INT (data);
}

static void
assert_order_ends_with (const char *tail)
{
  g_autofree char *order = query_text (KPI_ORDER);

  g_test_message ("%s", order);
  g_assert_true (g_str_has_suffix (order, tail));
  assert_shown_matches_file ();
}

/* Searches the menu of metrics; Enter takes the first match. */
static void
add_by_search (const char *text)
{
  GtkWidget *search = find_named (GTK_WIDGET (preferences), GTK_TYPE_SEARCH_ENTRY, "metric-search");

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  sl_ui_test_settle (50);
  g_signal_emit_by_name (search, "activate");
  sl_ui_test_settle (100);
}

/* The advice shows at once, the file gets the value after the pause. */
static void
change_reserve (double percent)
{
  GtkSpinButton *reserve = GTK_SPIN_BUTTON (find_named (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, "reserve"));
  GtkWidget *warning = find_named (GTK_WIDGET (preferences), GTK_TYPE_IMAGE, "reserve-warning");
  int before = query_reserve ();
  int after = (int)(percent * 100);

  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (reserve), before / 100.0, 0.001);
  g_assert_false (gtk_widget_get_visible (warning));
  gtk_spin_button_set_value (reserve, percent);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpint (query_reserve (), ==, before);
  g_assert_true (sl_ui_test_iterate_until (reserve_written_cb, GINT_TO_POINTER (after), 5000));
  g_assert_cmpint (sl_workspace_get_reserve_basis_points (sl_window_get_workspace (window)), ==, after);
}

static void
test_edit_and_undo (void)
{
  g_autofree char *rows_before = query_text (KPI_ROWS);
  g_autofree char *order_before = query_text (KPI_ORDER);
  g_autofree char *rows_after = NULL;
  int reserve_before = query_reserve ();
  GtkSpinButton *reserve;

  open_preferences ();
  assert_shown_matches_file ();
  g_assert_true (g_str_has_prefix (order_before, "revenue\narr\n"));
  g_assert_null (strstr (order_before, "cost-per-mql"));

  add_by_search ("per MQL");
  assert_order_ends_with ("mql-to-sql-days\ncost-per-mql\n");
  g_assert_false (gtk_widget_is_sensitive (row_button ("cost-per-mql", "down")));

  click (row_button ("cost-per-mql", "up"));
  assert_order_ends_with ("cost-per-mql\nmql-to-sql-days\n");
  g_assert_true (gtk_widget_is_sensitive (row_button ("cost-per-mql", "down")));
  g_assert_false (gtk_widget_is_sensitive (row_button ("mql-to-sql-days", "down")));

  click (row_button ("revenue", "remove"));
  assert_order_ends_with ("cost-per-mql\nmql-to-sql-days\n");
  {
    g_autofree char *order = query_text (KPI_ORDER);
    g_assert_true (g_str_has_prefix (order, "arr\n"));
  }
  g_assert_false (gtk_widget_is_sensitive (row_button ("arr", "up")));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "workspace");
  change_reserve (12.5);

  /* Undo all four in the main window: the file and this window follow. */
  reserve = GTK_SPIN_BUTTON (find_named (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, "reserve"));
  undo_in_main_window ();
  g_assert_cmpint (query_reserve (), ==, reserve_before);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (reserve), reserve_before / 100.0, 0.001);
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (preferences), GTK_TYPE_IMAGE, "reserve-warning")));
  undo_in_main_window ();
  undo_in_main_window ();
  undo_in_main_window ();
  rows_after = query_text (KPI_ROWS);
  g_assert_cmpstr (rows_after, ==, rows_before);
  assert_shown_matches_file ();
  g_assert_false (sl_undo_stack_can_undo (sl_workspace_get_undo_stack (sl_window_get_workspace (window))));
}

static void
test_rename (void)
{
  g_autoptr(GPtrArray) entry_rows = sl_ui_test_find_all (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW);
  AdwEntryRow *name_row = ADW_ENTRY_ROW (g_ptr_array_index (entry_rows, 0));
  g_autofree char *old_title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_autofree char *stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Q3 Review ");
  g_signal_emit_by_name (name_row, "apply");
  sl_ui_test_settle (50);
  stored = query_text ("SELECT name FROM workspace");
  g_assert_cmpstr (stored, ==, "Q3 Review\n");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Q3 Review");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Q3 Review");

  /* Ctrl+Z in this window undoes it too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "win.undo", NULL));
  sl_ui_test_settle (50);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, old_title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, old_title);
}

/* Digits of any script are read; what cannot be a number is refused. */
static void
test_spin_digits (void)
{
  GtkSpinButton *reserve = GTK_SPIN_BUTTON (find_named (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, "reserve"));
  int reserve_before = query_reserve ();

  gtk_editable_set_text (GTK_EDITABLE (reserve), "۹٫۵");
  gtk_spin_button_update (reserve);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (reserve), 9.5, 0.001);
  sl_preferences_window_commit (preferences);
  g_assert_cmpint (query_reserve (), ==, 950);

  /* As shown, with its percent sign. */
  gtk_editable_set_text (GTK_EDITABLE (reserve), "9.50 %");
  gtk_spin_button_update (reserve);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (reserve), 9.5, 0.001);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reserve)), ==, "9.50 %");

  gtk_editable_set_text (GTK_EDITABLE (reserve), "nine");
  gtk_spin_button_update (reserve);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (reserve), 9.5, 0.001);
  sl_preferences_window_commit (preferences);
  g_assert_cmpint (query_reserve (), ==, 950);

  undo_in_main_window ();
  g_assert_cmpint (query_reserve (), ==, reserve_before);
}

static void
save_page (const char *page,
           const char *name)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  sl_ui_test_settle (300);
  sl_ui_test_save_screenshot (GTK_WIDGET (preferences), path);
  g_test_message ("Screenshot: %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_screenshots (void)
{
  save_page ("workspace", "preferences-workspace.png");
  save_page ("overview", "preferences-overview.png");
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
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The Preferences window on a demo workspace, checked against its database");

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  tmp_dir = sl_test_make_tmp_dir ();
  write_demo ();

  app = sl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/preferences/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/ui/preferences/rename", test_rename);
  g_test_add_func ("/ui/preferences/spin-digits", test_spin_digits);
  g_test_add_func ("/ui/preferences/screenshots", test_screenshots);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);
  return status;
}
