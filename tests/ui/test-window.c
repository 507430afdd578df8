/* test-window.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The real application (SlApplication, SlWindow, SlPlanView) on a demo
 * workspace, checked against the database with plain SQL: the grid shows
 * what the file holds, an edit typed into a cell reaches the file with
 * its history, and undo takes it back. Needs a display (Xvfb in CI). */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-glossary-window.h"
#include "sl-metric.h"
#include "sl-plan-cell.h"
#include "sl-plan-row.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"
#include "sl-window.h"

#define DEMO_YEAR 2025

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;
static char *demo_path;

static SlPlanCell *
find_cell (SlPlanRow *row,
           guint      month)
{
  g_autoptr(GPtrArray) cells = sl_ui_test_find_all (GTK_WIDGET (window), SL_TYPE_PLAN_CELL);

  for (guint i = 0; i < cells->len; i++)
    if (sl_plan_cell_get_row (cells->pdata[i]) == row &&
        sl_plan_cell_get_month (cells->pdata[i]) == month)
      return cells->pdata[i];
  return NULL;
}

/* Whether a label in the window (a toast, say) contains @text. */
static gboolean
window_shows_text (gpointer text)
{
  g_autoptr(GPtrArray) labels = sl_ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
window_mapped_cb (gpointer data)
{
  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
plan_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) cells = NULL;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;
  cells = sl_ui_test_find_all (GTK_WIDGET (window), SL_TYPE_PLAN_CELL);
  return cells->len > 0;
}

/* SQL, straight on the file. */

typedef struct
{
  gint64 count;
  gint64 sum;
} Cell;

/* Sums the campaign-less plan lines starting in [first, last] of one
 * channel (@channel_id > 0), the reserve (0) or all of them (-1). */
static Cell
query_plan (gint64 channel_id,
            SlDay  first,
            SlDay  last)
{
  const char *sql =
    "SELECT count (*), coalesce (sum (amount_minor), 0) FROM budget_line "
    "WHERE version = 'plan' AND campaign_id IS NULL AND first_day BETWEEN ?2 AND ?3 "
    "AND (?1 < 0 OR (?1 = 0 AND is_reserve = 1) OR channel_id = ?1)";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  Cell cell = { 0, 0 };

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, channel_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  cell.count = sqlite3_column_int64 (stmt, 0);
  cell.sum = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return cell;
}

static GPtrArray *
query_strings (const char *sql)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (demo_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static char *
format_minor (gint64 minor)
{
  SlMoney money;

  sl_money_init (&money, minor, sl_workspace_get_currency (sl_window_get_workspace (window)));
  return sl_money_format_amount (&money, NULL);
}

/* What a cell should show for @cell: nothing when there is no line. */
static char *
expected_text (Cell     cell,
               gboolean is_total)
{
  if (cell.count == 0 && !is_total)
    return g_strdup ("");
  return format_minor (cell.sum);
}

/* Row ids as the queries take them: channel id, 0 reserve, -1 total. */
static gint64
row_query_id (SlPlanRow *row)
{
  switch (sl_plan_row_get_kind (row))
    {
    case SL_PLAN_ROW_CHANNEL:
      return sl_plan_row_get_channel_id (row);
    case SL_PLAN_ROW_RESERVE:
      return 0;
    case SL_PLAN_ROW_TOTAL:
    default:
      return -1;
    }
}

/* Tests. */

static void
test_welcome (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.sunlight", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);

  window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, NULL, 10000));

  g_assert_null (sl_window_get_workspace (window));
  g_assert_true (window_shows_text ("Open a workspace to plan and review your marketing budget"));

  /* A file that is not there: a toast naming it, and still no workspace. */
  g_assert_false (sl_window_open_file (window, file));
  g_assert_null (sl_window_get_workspace (window));
  g_assert_true (sl_ui_test_iterate_until (window_shows_text, "missing.sunlight", 5000));
}

/* Checks that the grid shows the database's plan for the window's
 * fiscal year; returns the grand total. */
static gint64
check_plan_matches_database (void)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  SlPlanView *view;
  GListModel *rows;
  guint n_rows, n_months, n_channels;
  gint64 grand_total = -1;

  view = sl_window_get_plan_view (window);
  rows = sl_plan_view_get_rows (view);
  n_rows = g_list_model_get_n_items (rows);
  n_months = sl_plan_view_get_n_months (view);
  g_assert_cmpuint (n_months, ==, 12);

  /* Channels, in the database's order, then the reserve and the total. */
  names = query_strings ("SELECT name FROM channel ORDER BY position, name, id");
  n_channels = names->len;
  g_assert_cmpuint (n_channels, >, 0);
  g_assert_cmpuint (n_rows, ==, n_channels + 2);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(SlPlanRow) row = g_list_model_get_item (rows, i);
      SlPlanRowKind kind = i < n_channels ? SL_PLAN_ROW_CHANNEL
                         : i == n_channels ? SL_PLAN_ROW_RESERVE : SL_PLAN_ROW_TOTAL;

      g_assert_cmpint (sl_plan_row_get_kind (row), ==, kind);
      if (kind == SL_PLAN_ROW_CHANNEL)
        g_assert_cmpstr (sl_plan_row_get_name (row), ==, names->pdata[i]);
    }

  /* Every amount, row total and column total, from the rows and as shown. */
  cells = sl_ui_test_find_all (GTK_WIDGET (window), SL_TYPE_PLAN_CELL);
  g_assert_cmpuint (cells->len, ==, n_rows * (n_months + 1));
  for (guint c = 0; c < cells->len; c++)
    {
      SlPlanCell *cell = cells->pdata[c];
      SlPlanRow *row = sl_plan_cell_get_row (cell);
      guint month = sl_plan_cell_get_month (cell);
      const SlPeriod *fy = sl_window_get_fiscal_year (window);
      const SlPeriod *period = month == G_MAXUINT ? fy : sl_plan_view_get_month (view, month);
      gboolean is_total = month == G_MAXUINT || sl_plan_row_get_kind (row) == SL_PLAN_ROW_TOTAL;
      Cell expected = query_plan (row_query_id (row), period->first, period->last);
      g_autofree char *text = expected_text (expected, is_total);
      SlMoney shown;
      SlPlanCellState state;

      state = month == G_MAXUINT ? sl_plan_row_get_total (row, &shown)
                                 : sl_plan_row_get_amount (row, month, &shown);
      g_assert_cmpint (state, ==, expected.count > 0 || is_total ? SL_PLAN_CELL_AMOUNT : SL_PLAN_CELL_EMPTY);
      g_assert_cmpint (shown.minor, ==, expected.sum);
      g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (cell)), ==, text);
      if (month == G_MAXUINT && sl_plan_row_get_kind (row) == SL_PLAN_ROW_TOTAL)
        grand_total = shown.minor;
    }

  g_assert_cmpint (grand_total, ==,
                   query_plan (-1, sl_window_get_fiscal_year (window)->first,
                               sl_window_get_fiscal_year (window)->last).sum);
  return grand_total;
}

static void
test_plan_matches_database (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);
  g_autofree char *year = NULL;

  /* The way a file manager opens a workspace; the welcome window is reused. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  g_assert_nonnull (sl_window_get_workspace (window));
  /* A first run opens on the Overview; the plan is a click away. */
  g_assert_cmpstr (sl_window_get_view (window), ==, "overview");
  sl_window_show_view (window, "plan");
  g_assert_true (sl_ui_test_iterate_until (plan_shown_cb, NULL, 10000));
  sl_ui_test_settle (300);

  /* It is now the most recent workspace, and the last one. */
  {
    GSettings *settings = sl_application_get_settings (app);
    g_auto(GStrv) recent = NULL;
    g_autofree char *last = NULL;
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_nonnull (settings);
    recent = g_settings_get_strv (settings, "recent-workspaces");
    last = g_settings_get_string (settings, "last-workspace");
    g_assert_cmpstr (recent[0], ==, uri);
    g_assert_cmpstr (last, ==, uri);
  }

  /* The demo's year, with a plan. */
  year = sl_period_to_string (sl_window_get_fiscal_year (window));
  g_assert_cmpstr (year, ==, "FY" G_STRINGIFY (DEMO_YEAR));
  g_assert_cmpint (check_plan_matches_database (), >, 0);
}

/* A second window opens on the welcome page, which lists the demo as a
 * recent workspace; activating it opens it there. */
static void
test_recent (void)
{
  SlWindow *other = sl_window_new (app);
  g_autoptr(GPtrArray) rows = NULL;
  GtkListBoxRow *row = NULL;
  GtkWidget *list;

  gtk_window_present (GTK_WINDOW (other));
  sl_ui_test_settle (300);
  g_assert_null (sl_window_get_workspace (other));

  rows = sl_ui_test_find_all (GTK_WIDGET (other), ADW_TYPE_ACTION_ROW);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "demo") == 0)
      row = rows->pdata[i];
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));

  list = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_LIST_BOX);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_nonnull (sl_window_get_workspace (other));
  g_assert_cmpstr (sl_database_get_path (sl_workspace_get_database (sl_window_get_workspace (other))), ==, demo_path);

  gtk_window_destroy (GTK_WINDOW (other));
  sl_ui_test_settle (100);
}

static void
test_edit_and_undo (void)
{
  SlPlanView *view = sl_window_get_plan_view (window);
  SlWorkspace *ws = sl_window_get_workspace (window);
  g_autoptr(SlPlanRow) row = g_list_model_get_item (sl_plan_view_get_rows (view), 0);
  g_autoptr(GPtrArray) authors = NULL;
  const guint month = 2;
  const SlPeriod *period = sl_plan_view_get_month (view, month);
  SlPlanCell *cell = find_cell (row, month);
  gint64 id = sl_plan_row_get_channel_id (row);
  Cell before = query_plan (id, period->first, period->last);
  Cell column_before = query_plan (-1, period->first, period->last);
  gint64 new_minor = before.sum + 123456;
  g_autofree char *old_text = expected_text (before, FALSE);
  g_autofree char *new_text = format_minor (new_minor);
  g_autofree char *new_column = format_minor (column_before.sum + 123456);
  g_autoptr(SlPlanRow) total_row = NULL;

  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (cell)), ==, old_text);

  /* An edit reaches the file, with who made it. */
  sl_ui_test_type_into (cell, new_text);
  g_assert_cmpint (query_plan (id, period->first, period->last).sum, ==, new_minor);
  g_assert_cmpint (query_plan (id, period->first, period->last).count, ==, 1);
  authors = query_strings ("SELECT author FROM history WHERE entity = 'budget_line' "
                           "ORDER BY id DESC LIMIT 1");
  g_assert_cmpuint (authors->len, ==, 1);
  g_assert_cmpstr (authors->pdata[0], !=, "");
  g_assert_cmpstr (authors->pdata[0], ==, sl_workspace_get_author (ws));
  g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (cell)), ==, new_text);

  /* The totals follow. */
  total_row = g_list_model_get_item (sl_plan_view_get_rows (view),
                                     g_list_model_get_n_items (sl_plan_view_get_rows (view)) - 1);
  g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (find_cell (total_row, month))),
                   ==, new_column);

  /* Text that is not an amount: refused, the cell shows the amount again. */
  sl_ui_test_type_into (cell, "12abc");
  g_assert_cmpint (query_plan (id, period->first, period->last).sum, ==, new_minor);
  g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (cell)), ==, new_text);
  g_assert_true (sl_ui_test_iterate_until (window_shows_text, "12abc", 5000));

  /* Undo, through the window's action, puts the old value back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (query_plan (id, period->first, period->last).sum, ==, before.sum);
  g_assert_cmpint (query_plan (id, period->first, period->last).count, ==, before.count);
  g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (cell)), ==, old_text);

  /* Redo, then an empty text clears the cell, and undo restores it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (query_plan (id, period->first, period->last).sum, ==, new_minor);
  sl_ui_test_type_into (cell, "");
  g_assert_cmpint (query_plan (id, period->first, period->last).count, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (cell)), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (query_plan (id, period->first, period->last).sum, ==, before.sum);
  g_assert_cmpstr (gtk_editable_get_text (sl_plan_cell_get_editable (cell)), ==, old_text);
}

static void
test_fiscal_years (void)
{
  SlPeriod demo_year = *sl_window_get_fiscal_year (window);
  SlPeriod next;

  /* With a cell focused, as after an edit: the cells go with the old
   * year's columns, and losing focus on the way must not commit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-year", NULL));
  sl_period_next (&demo_year, &next);
  g_assert_true (sl_period_equal (sl_window_get_fiscal_year (window), &next));
  g_assert_true (sl_ui_test_iterate_until (plan_shown_cb, NULL, 5000));
  sl_ui_test_settle (300);
  check_plan_matches_database ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-year", NULL));
  g_assert_true (sl_period_equal (sl_window_get_fiscal_year (window), &demo_year));
  g_assert_true (sl_ui_test_iterate_until (plan_shown_cb, NULL, 5000));
  sl_ui_test_settle (300);
  g_assert_cmpint (check_plan_matches_database (), >, 0);
}

static void
test_screenshot (void)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  sl_ui_test_settle (500);
  path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT),
                           "ui-window-plan.png", NULL);
  sl_ui_test_save_screenshot (GTK_WIDGET (window), path);
  g_test_message ("Screenshot: %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* F1: every metric with its definition, searchable. */
static void
test_glossary (void)
{
  g_autoptr(GPtrArray) windows = NULL;
  SlGlossaryWindow *glossary = NULL;
  GList *list;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL));
  sl_ui_test_settle (200);
  list = gtk_window_list_toplevels ();
  for (GList *l = list; l != NULL; l = l->next)
    if (SL_IS_GLOSSARY_WINDOW (l->data))
      glossary = l->data;
  g_list_free (list);
  g_assert_nonnull (glossary);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (glossary)) == GTK_WINDOW (window));

  g_assert_cmpuint (sl_glossary_window_get_n_visible (glossary), ==, SL_METRIC_N_METRICS);
  /* CAC, CLV : CAC, net of CAC, CAC in other definitions. */
  sl_glossary_window_set_search (glossary, "cac");
  g_assert_cmpuint (sl_glossary_window_get_n_visible (glossary), >=, 3);
  g_assert_cmpuint (sl_glossary_window_get_n_visible (glossary), <, SL_METRIC_N_METRICS);
  sl_glossary_window_set_search (glossary, "no metric is called this");
  g_assert_cmpuint (sl_glossary_window_get_n_visible (glossary), ==, 0);
  gtk_window_destroy (GTK_WINDOW (glossary));
}

/* Ctrl+? lists the shortcuts, the views' among them. (The window is
 * built here rather than shown: GTK 4.8's shortcuts window warns about
 * one of its own labels when shown under Xvfb.) */
static void
test_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/sunlightapp/Sunlight/ui/sl-shortcuts-window.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) items = NULL;
  gboolean timeline = FALSE, help = FALSE;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  items = sl_ui_test_find_all (shortcuts, GTK_TYPE_SHORTCUTS_SHORTCUT);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *name = NULL;

      g_object_get (items->pdata[i], "action-name", &name, NULL);
      timeline |= g_strcmp0 (name, "win.show-view::timeline") == 0;
      help |= g_strcmp0 (name, "win.help") == 0;
    }
  g_assert_true (timeline);
  g_assert_true (help);
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

static void
write_demo (void)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = DEMO_YEAR };

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
  g_test_summary ("The main window on a demo workspace, checked against its database");

  /* These tests need a display: no display is a failure, not a skip. */
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

  g_test_add_func ("/ui/window/welcome", test_welcome);
  g_test_add_func ("/ui/window/plan-matches-database", test_plan_matches_database);
  g_test_add_func ("/ui/window/recent", test_recent);
  g_test_add_func ("/ui/window/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/ui/window/fiscal-years", test_fiscal_years);
  g_test_add_func ("/ui/window/screenshot", test_screenshot);
  g_test_add_func ("/ui/window/glossary", test_glossary);
  g_test_add_func ("/ui/window/shortcuts", test_shortcuts);
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
