/* test-request.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Budget Request page of the real application on DOMAIN.md's first
 * worked example: a request for the next quarter; channel B's $50,000
 * of revenue worked back to $100,000 of spend and put in the request
 * once its row serves a goal; a 12 % reserve warned about; the
 * deadline's countdown, red once overdue; submitting. Screenshots wide
 * and narrow, light and dark; with --persian, in Persian. Needs a
 * display (Xvfb in CI). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/collab-fixture.h"
#include "sl-application.h"
#include "sl-plan-cell.h"
#include "sl-plan-row.h"
#include "sl-request-view.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"
#include "sl-window.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-requests.h"

#define SOCIAL 2   /* DOMAIN.md's channel B */
#define EVENTS 3

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;
static gboolean persian;

/* Search, Social and Events with DOMAIN.md's March 2025, and a goal. */
static char *
make_workspace (const char *name)
{
  SlGoalSpec goal = { "Grow revenue", NULL, NULL, sl_day_from_ymd (2025, 4, 1), sl_day_from_ymd (2025, 6, 30) };
  g_autoptr(SlWorkspace) ws = sl_test_workspace_new (tmp_dir, name);
  g_autoptr(GError) error = NULL;

  collab_import_domain_example (ws, tmp_dir);
  g_assert_true (sl_workspace_create_goal (ws, &goal, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (sl_workspace_get_path (ws));
}

static SlRequestView *
show_request (void)
{
  g_autoptr(GPtrArray) views = NULL;

  sl_window_show_view (window, "request");
  sl_ui_test_settle (200);
  views = sl_ui_test_find_all (GTK_WIDGET (window), SL_TYPE_REQUEST_VIEW);
  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

static GtkWidget *
named_for (gpointer    root,
           const char *what,
           gint64      channel_id)
{
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, what, channel_id);

  return sl_ui_test_get_named (root, name);
}

static SlPlanRow *
find_row (SlRequestView *view,
          SlPlanRowKind  kind,
          gint64         channel_id)
{
  GListModel *rows = sl_request_view_get_rows (view);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SlPlanRow) row = g_list_model_get_item (rows, i);

      if (sl_plan_row_get_kind (row) == kind && sl_plan_row_get_channel_id (row) == channel_id)
        return row;
    }
  g_assert_not_reached ();
}

static SlPlanCell *
find_cell (SlRequestView *view,
           SlPlanRow     *row,
           guint          month)
{
  g_autoptr(GPtrArray) cells = sl_ui_test_find_all (GTK_WIDGET (view), SL_TYPE_PLAN_CELL);

  for (guint i = 0; i < cells->len; i++)
    if (sl_plan_cell_get_row (cells->pdata[i]) == row && sl_plan_cell_get_month (cells->pdata[i]) == month)
      return cells->pdata[i];
  g_assert_not_reached ();
}

/* The goal choice of @row: the drop-down in the same line of the grid. */
static GtkDropDown *
find_goal_choice (SlRequestView *view,
                  SlPlanRow     *row)
{
  g_autoptr(GPtrArray) choices = sl_ui_test_find_all (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN);

  for (guint i = 0; i < choices->len; i++)
    {
      GtkWidget *line = gtk_widget_get_parent (gtk_widget_get_parent (choices->pdata[i]));
      g_autoptr(GPtrArray) cells = sl_ui_test_find_all (line, SL_TYPE_PLAN_CELL);

      if (g_str_equal (gtk_widget_get_name (choices->pdata[i]), "goal") && cells->len > 0 &&
          sl_plan_cell_get_row (cells->pdata[0]) == row)
        return choices->pdata[i];
    }
  g_assert_not_reached ();
}

/* Types @text into @cell, presses Enter and lets the page follow. */
static void
type_into (SlPlanCell *cell,
           const char *text)
{
  sl_ui_test_type_into (cell, text);
  sl_ui_test_settle (100);
}

static gint64
query (SlWorkspace *ws,
       const char  *sql)
{
  return sl_test_query_int64 (sl_workspace_get_database (ws), sql);
}

static void
check_reserve_warning (SlRequestView *view,
                       SlWorkspace   *ws,
                       gint64         request_id,
                       gboolean       warned)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  SlRequestReserve reserve;
  GtkWidget *label;

  g_assert_true (sl_budget_request_get_reserve (sl_workspace_get_database (ws), request_id, &reserve, &error));
  g_assert_no_error (error);
  warning = sl_request_reserve_get_warning (&reserve, "USD");
  g_assert_cmpint (warning != NULL, ==, warned);
  label = sl_ui_test_get_named (view, "reserve-warning");
  g_assert_cmpint (gtk_widget_get_visible (gtk_widget_get_parent (label)), ==, warned);
  if (warned)
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, warning);
}

/* Channel B: $50,000 of revenue takes $100,000 (DOMAIN.md), shown as the
 * engine computes it; using it needs the row's goal. */
static void
work_back_channel_b (SlRequestView *view,
                     SlWorkspace   *ws,
                     gint64         request_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spend = NULL;
  SlPlanRow *social = find_row (view, SL_PLAN_ROW_CHANNEL, SOCIAL);
  SlFunnelWorkBack back;
  SlMoney total;

  gtk_editable_set_text (GTK_EDITABLE (named_for (view, "target", SOCIAL)), "50000");
  sl_ui_test_settle (100);
  g_assert_true (sl_workspace_work_back (ws, SOCIAL, 5000000, sl_day_from_ymd (2025, 4, 1), &back, &error));
  g_assert_true (sl_metric_value_equals_fraction (&back.leads, 1000, 1));
  g_assert_true (sl_metric_value_equals_fraction (&back.spend, 10000000, 1));
  spend = sl_metric_value_format (&back.spend, NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (named_for (view, "spend", SOCIAL))), ==, spend);
  g_assert_true (gtk_widget_get_sensitive (named_for (view, "use", SOCIAL)));

  /* Without a goal the core refuses, under the table; nothing is written. */
  g_signal_emit_by_name (named_for (view, "use", SOCIAL), "clicked");
  sl_ui_test_settle (100);
  g_assert_true (gtk_widget_get_visible (sl_ui_test_get_named (view, "workback-error")));
  g_assert_cmpint (query (ws, "SELECT count(*) FROM budget_line WHERE version = 'request'"), ==, 0);

  gtk_drop_down_set_selected (find_goal_choice (view, social), 1);
  sl_ui_test_settle (100);
  g_signal_emit_by_name (named_for (view, "use", SOCIAL), "clicked");
  sl_ui_test_settle (200);
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (view, "workback-error")));
  g_assert_cmpint (query (ws, "SELECT count(*) FROM budget_line WHERE version = 'request' AND goal_id = 1"), ==, 3);
  g_assert_cmpint (query (ws, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'request'"), ==,
                   10000000);
  social = find_row (view, SL_PLAN_ROW_CHANNEL, SOCIAL);
  g_assert_cmpint (sl_plan_row_get_total (social, &total), ==, SL_PLAN_CELL_AMOUNT);
  g_assert_cmpint (total.minor, ==, 10000000);
}

/* Typed for a row without a goal: refused, shown with what was typed,
 * and written once the row has one, in one step. */
static void
keep_until_goal (SlRequestView *view,
                 SlWorkspace   *ws)
{
  type_into (find_cell (view, find_row (view, SL_PLAN_ROW_CHANNEL, EVENTS), 2), "750");
  g_assert_true (gtk_widget_get_visible (sl_ui_test_get_named (view, "grid-error")));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (view, "grid-error"))), "750"));
  g_assert_cmpint (query (ws, "SELECT count(*) FROM budget_line WHERE channel_id = 3"), ==, 0);
  gtk_drop_down_set_selected (find_goal_choice (view, find_row (view, SL_PLAN_ROW_CHANNEL, EVENTS)), 1);
  sl_ui_test_settle (100);
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (view, "grid-error")));
  g_assert_cmpint (query (ws, "SELECT amount_minor FROM budget_line WHERE channel_id = 3 AND goal_id = 1"), ==,
                   75000);
  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (ws), NULL));
  g_assert_cmpint (query (ws, "SELECT count(*) FROM budget_line WHERE channel_id = 3"), ==, 0);
}

static void
test_request (void)
{
  g_autofree char *path = make_workspace ("request.sunlight");
  SlDay as_of = sl_day_from_ymd (2025, 4, 1);
  SlRequestView *view;
  SlBudgetRequest *request;
  SlWorkspace *ws;
  SlDay deadline;
  gint64 id;
  int left;

  window = sl_ui_test_open_window (app, window, path, 1280);
  ws = sl_window_get_workspace (window);
  view = show_request ();
  sl_request_view_set_days (view, sl_day_from_ymd (2025, 3, 10), as_of);
  g_assert_cmpint (sl_request_view_get_request_id (view), ==, 0);

  /* The next fiscal quarter after March 10: April to June. */
  gtk_widget_activate_action (GTK_WIDGET (view), "request.new-quarter", NULL);
  sl_ui_test_settle (200);
  id = sl_request_view_get_request_id (view);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (query (ws, "SELECT first_day FROM budget_request"), ==, sl_day_from_ymd (2025, 4, 1));
  g_assert_cmpint (query (ws, "SELECT last_day FROM budget_request"), ==, sl_day_from_ymd (2025, 6, 30));
  g_assert_cmpuint (sl_request_view_get_n_months (view), ==, 3);

  request = sl_budget_request_store_lookup (sl_workspace_get_budget_requests (ws), id);
  sl_budget_request_get_days_left (request, sl_day_from_ymd (2025, 3, 10), &deadline, &left);
  g_assert_cmpint (left, ==, 8);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (view, "deadline"))), "8"));
  g_assert_false (gtk_widget_has_css_class (sl_ui_test_get_named (view, "deadline"), "error"));

  work_back_channel_b (view, ws, id);

  /* $88,000 for the channels and $12,000 held back: 12 %, warned about. */
  type_into (find_cell (view, find_row (view, SL_PLAN_ROW_CHANNEL, SOCIAL), 0), "21333.34");
  type_into (find_cell (view, find_row (view, SL_PLAN_ROW_RESERVE, 0), 0), "12000");
  g_assert_cmpint (query (ws, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'request'"), ==,
                   10000000);
  check_reserve_warning (view, ws, id, TRUE);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (view, "reserve-warning"))), "12"));
  type_into (find_cell (view, find_row (view, SL_PLAN_ROW_RESERVE, 0), 0), "8000");
  check_reserve_warning (view, ws, id, FALSE);
  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (ws), NULL));
  sl_ui_test_settle (100);
  check_reserve_warning (view, ws, id, TRUE);

  keep_until_goal (view, ws);

  /* Three days after the deadline the countdown is red. */
  sl_request_view_set_days (view, sl_day_from_ymd (2025, 3, 21), as_of);
  sl_ui_test_settle (100);
  g_assert_true (gtk_widget_has_css_class (sl_ui_test_get_named (view, "deadline"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (view, "deadline"))), "3"));

  /* Submitted, it no longer changes. */
  gtk_widget_activate_action (GTK_WIDGET (view), "request.submit", NULL);
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_budget_request_get_status (request), ==, "submitted");
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (view, "submit")));
  g_assert_false (gtk_editable_get_editable (sl_plan_cell_get_editable (
    find_cell (view, find_row (view, SL_PLAN_ROW_CHANNEL, SOCIAL), 1))));
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  sl_ui_test_settle (100);
}

/* A request with lines, a 12 % reserve and a target, through the core. */
static void
fill_request (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (path, &error);
  SlPeriod quarter;
  gint64 id = 0;

  g_assert_no_error (error);
  sl_period_init (&quarter, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 4, 1));
  g_assert_true (sl_workspace_create_budget_request (ws, "Budget request for Q2 FY2025", &quarter, NULL, &id,
                                                     &error));
  for (int m = 4; m <= 6; m++)
    {
      SlRequestLineSpec lines[] = {
        { 1, sl_day_from_ymd (2025, m, 1), 500000, 1 },
        { 2, sl_day_from_ymd (2025, m, 1), 2200000 + m * 10000, 1 },
        { 0, sl_day_from_ymd (2025, m, 1), 400000, 0 },
      };

      g_assert_true (sl_workspace_set_request_lines (ws, id, lines, G_N_ELEMENTS (lines), &error));
    }
  g_assert_no_error (error);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *path = make_workspace (persian ? "shots-fa.sunlight" : "shots.sunlight");

  fill_request (path);
  for (guint wide = 0; wide < 2; wide++)
    {
      SlRequestView *view;

      window = sl_ui_test_open_window (app, window, path, wide ? 1280 : 360);
      view = show_request ();
      sl_request_view_set_days (view, sl_day_from_ymd (2025, 3, 10), sl_day_from_ymd (2025, 4, 1));
      gtk_editable_set_text (GTK_EDITABLE (named_for (view, "target", SOCIAL)), persian ? "۵۰۰۰۰" : "50000");
      sl_ui_test_settle (200);
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (sl_ui_test_get_named (view, "reserve-warning"))));
      for (guint dark = 0; dark < 2; dark++)
        {
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
          sl_ui_test_settle (300);
          sl_ui_test_save_shot (GTK_WIDGET (window), "request", wide, dark, persian);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  if (persian)
    g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  sl_ui_test_settle (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!sl_ui_test_take_persian (&argc, argv, &persian))
    return 1;
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  tmp_dir = sl_test_make_tmp_dir ();
  app = sl_ui_test_new_application ();

  if (!persian)
    g_test_add_func ("/ui/request/work-back-reserve-submit", test_request);
  g_test_add_func ("/ui/request/screenshots", test_screenshots);
  status = g_test_run ();

  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
