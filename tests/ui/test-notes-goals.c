/* test-notes-goals.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Goals page of the real window on the demo workspace: each key
 * result's figure is the engine's over its days and its status follows
 * from its target; the goal dialog creates, refuses and edits; the KPI
 * list ties a KPI to a goal; all undoable. */

#include "config.h"

#include "sl-goal-dialog.h"
#include "sl-goals-view.h"
#include "sl-metrics.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-workspace-goals.h"
#include "test-notes-utils.h"

static SlGoalsView *
show_goals (void)
{
  notes_test_show_page (notes_test.window, "goals");
  return SL_GOALS_VIEW (notes_test_find_view (SL_TYPE_GOALS_VIEW));
}

static void
undo (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (notes_test_workspace ()), &error));
  g_assert_no_error (error);
  sl_ui_test_settle (200);
}

/* The engine's figure over the key result's days, on its own connection. */
static void
engine_value (SlKeyResult   *kr,
              SlMetricValue *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (notes_test.path, &error);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (ws));
  SlPeriod period;
  SlMetric metric;

  g_assert_true (sl_metric_from_string (sl_key_result_get_metric (kr), &metric));
  g_assert_true (sl_period_init_custom (&period, sl_workspace_get_calendar (ws), sl_key_result_get_first_day (kr),
                                        sl_key_result_get_last_day (kr), &error));
  g_assert_true (sl_metrics_compute (metrics, metric, &period, &SL_SCOPE_INIT_WORKSPACE, out, &error));
  g_assert_no_error (error);
}

/* The target as a value of the metric's own unit. */
static void
target_value (SlKeyResult   *kr,
              SlMetricValue *out)
{
  SlMetric metric;

  g_assert_true (sl_metric_from_string (sl_key_result_get_metric (kr), &metric));
  if (g_str_equal (sl_key_result_get_unit (kr), "money"))
    sl_metric_value_init_money (out, sl_key_result_get_target (kr), "USD");
  else if (g_str_equal (sl_key_result_get_unit (kr), "basis-points"))
    sl_metric_value_init_fraction (out, sl_metric_get_unit (metric), sl_key_result_get_target (kr), 10000, NULL, 0);
  else if (g_str_equal (sl_key_result_get_unit (kr), "days"))
    sl_metric_value_init_fraction (out, SL_METRIC_UNIT_DAYS, sl_key_result_get_target (kr), 1, NULL, 0);
  else
    sl_metric_value_init_count (out, sl_key_result_get_target (kr));
}

/* Met when the figure is on the good side of the target. */
static SlKpiGoalStatus
expected_status (SlKeyResult         *kr,
                 const SlMetricValue *value)
{
  SlMetricValue target;
  SlMetric metric;
  int cmp;

  if (!sl_metric_value_is_defined (value))
    return SL_KPI_GOAL_UNKNOWN;
  g_assert_true (sl_metric_from_string (sl_key_result_get_metric (kr), &metric));
  target_value (kr, &target);
  cmp = sl_metric_value_compare (value, &target);
  if (sl_metric_get_direction (metric) == SL_METRIC_DIRECTION_LOWER_IS_BETTER)
    return cmp <= 0 ? SL_KPI_GOAL_MET : SL_KPI_GOAL_BEHIND;
  return cmp >= 0 ? SL_KPI_GOAL_MET : SL_KPI_GOAL_BEHIND;
}

/* Whether a row of the goal's card says @text. */
static gboolean
card_says (SlGoalsView *view,
           gint64       goal_id,
           const char  *text)
{
  g_autoptr(GPtrArray) rows = sl_ui_test_find_all (sl_goals_view_get_goal_group (view, goal_id), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (strstr (adw_action_row_get_subtitle (rows->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_goals_page (void)
{
  SlGoalsView *view;
  GListModel *key_results;
  guint n_checked = 0;

  notes_test.window = notes_test_open_window (notes_test.app, notes_test.window, notes_test.path, 1280, 800);
  view = show_goals ();
  g_assert_cmpuint (sl_goals_view_get_n_goals (view), ==, notes_test_query ("SELECT count(*) FROM goal"));
  g_assert_cmpuint (sl_goals_view_get_n_goals (view), >, 0);

  key_results = G_LIST_MODEL (sl_workspace_get_key_results (notes_test_workspace ()));
  for (guint i = 0; i < g_list_model_get_n_items (key_results); i++)
    {
      g_autoptr(SlKeyResult) kr = g_list_model_get_item (key_results, i);
      SlMetricValue shown, want, target;
      g_autofree char *target_text = NULL;
      SlKpiGoalStatus status = sl_goals_view_get_key_result_status (view, sl_record_get_id (SL_RECORD (kr)), &shown);
      g_autofree char *shown_text = NULL;
      g_autofree char *want_text = NULL;

      g_assert_cmpint (status, !=, SL_KPI_GOAL_NONE);
      engine_value (kr, &want);
      shown_text = sl_metric_value_format (&shown, NULL);
      want_text = sl_metric_value_format (&want, NULL);
      g_assert_cmpstr (shown_text, ==, want_text);
      g_assert_cmpint (status, ==, expected_status (kr, &want));
      /* Its target is shown in the metric's unit (3.0× for CLV : CAC). */
      target_value (kr, &target);
      target_text = sl_metric_value_format (&target, NULL);
      g_assert_true (card_says (view, sl_key_result_get_goal_id (kr), target_text));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, notes_test_query ("SELECT count(*) FROM key_result"));
}

/* The KPI list ties a KPI to another goal; undo ties it back. */
static void
test_kpi_goal (void)
{
  SlGoalsView *view = show_goals ();
  GtkWidget *row = sl_goals_view_get_kpi_row (view, "revenue");
  gint64 before = notes_test_query ("SELECT ifnull (goal_id, 0) FROM kpi WHERE metric = 'revenue'");
  g_autoptr(SlGoal) goal = g_list_model_get_item (G_LIST_MODEL (sl_workspace_get_goals (notes_test_workspace ())), 0);
  gint64 first_goal = sl_record_get_id (SL_RECORD (goal));

  g_assert_nonnull (row);
  g_assert_cmpint (before, !=, first_goal);
  /* Item 0 is "No goal", then the goals in the store's order. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  sl_ui_test_settle (200);
  g_assert_cmpint (notes_test_query ("SELECT goal_id FROM kpi WHERE metric = 'revenue'"), ==, first_goal);
  /* The page rebuilt its list with the new tie. */
  row = sl_goals_view_get_kpi_row (view, "revenue");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  undo ();
  g_assert_cmpint (notes_test_query ("SELECT ifnull (goal_id, 0) FROM kpi WHERE metric = 'revenue'"), ==, before);
}

static SlGoalDialog *
open_dialog (SlGoalsView *view,
             const char  *action,
             gint64       goal_id)
{
  return SL_GOAL_DIALOG (notes_test_open_dialog (GTK_WIDGET (view), action, goal_id, SL_TYPE_GOAL_DIALOG));
}

static void
test_goal_dialog (void)
{
  SlGoalsView *view = show_goals ();
  gint64 n_goals = notes_test_query ("SELECT count(*) FROM goal");
  SlGoalDialog *dialog = open_dialog (view, "goals.new", 0);
  gint64 id;

  /* No objective: refused inline, nothing written, the dialog stays. */
  g_assert_cmpuint (sl_goal_dialog_get_n_key_results (dialog), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_goal_dialog_get_key_result_field (dialog, 0, "metric")), SL_METRIC_CAC);
  notes_test_set_text (sl_goal_dialog_get_key_result_field (dialog, 0, "target"), "450");
  notes_test_click (sl_goal_dialog_get_field (dialog, "save"));
  g_assert_nonnull (sl_goal_dialog_get_error (dialog));
  g_assert_nonnull (strstr (sl_goal_dialog_get_error (dialog), "objective"));
  g_assert_true (notes_test_find_toplevel (SL_TYPE_GOAL_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM goal"), ==, n_goals);
  notes_test_screenshot (GTK_WIDGET (dialog), "goal-dialog-refused.png");

  /* A target that is no number: refused too, the objective kept. */
  notes_test_set_text (sl_goal_dialog_get_field (dialog, "objective"), "Win customers for less");
  notes_test_set_text (sl_goal_dialog_get_key_result_field (dialog, 0, "target"), "cheap");
  notes_test_click (sl_goal_dialog_get_field (dialog, "save"));
  g_assert_nonnull (strstr (sl_goal_dialog_get_error (dialog), "cheap"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sl_goal_dialog_get_field (dialog, "objective"))), ==,
                   "Win customers for less");

  notes_test_set_text (sl_goal_dialog_get_key_result_field (dialog, 0, "target"), "450");
  notes_test_click (sl_goal_dialog_get_field (dialog, "save"));
  g_assert_null (notes_test_find_toplevel (SL_TYPE_GOAL_DIALOG));
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM goal"), ==, n_goals + 1);
  id = notes_test_query ("SELECT id FROM goal WHERE objective = 'Win customers for less'");
  g_assert_cmpint (notes_test_query ("SELECT target FROM key_result WHERE metric = 'cac' ORDER BY id DESC LIMIT 1"), ==, 45000);
  g_assert_nonnull (sl_goals_view_get_goal_group (view, id));

  /* Edit its target; undo puts it back. */
  dialog = open_dialog (view, "goals.edit", id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sl_goal_dialog_get_key_result_field (dialog, 0, "target"))),
                   ==, "450.00");
  notes_test_set_text (sl_goal_dialog_get_key_result_field (dialog, 0, "target"), "400");
  notes_test_click (sl_goal_dialog_get_field (dialog, "save"));
  g_assert_null (notes_test_find_toplevel (SL_TYPE_GOAL_DIALOG));
  g_assert_cmpint (notes_test_query ("SELECT target FROM key_result WHERE metric = 'cac' ORDER BY id DESC LIMIT 1"), ==, 40000);
  undo ();
  g_assert_cmpint (notes_test_query ("SELECT target FROM key_result WHERE metric = 'cac' ORDER BY id DESC LIMIT 1"), ==, 45000);

  /* Deleting it from the page; undo brings it back. */
  gtk_widget_activate_action (GTK_WIDGET (view), "goals.delete", "x", id);
  sl_ui_test_settle (200);
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM goal"), ==, n_goals);
  g_assert_null (sl_goals_view_get_goal_group (view, id));
  undo ();
  g_assert_nonnull (sl_goals_view_get_goal_group (view, id));
}

void
notes_test_add_goal_tests (void)
{
  g_test_add_func ("/ui/goals/page", test_goals_page);
  g_test_add_func ("/ui/goals/kpi-goal", test_kpi_goal);
  g_test_add_func ("/ui/goals/dialog", test_goal_dialog);
}
