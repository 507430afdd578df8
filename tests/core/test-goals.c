/* test-goals.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-collab.h"
#include "sl-test-utils.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-goals.h"

#define Q(ws, sql) sl_test_query_int64 (sl_workspace_get_database (ws), (sql))

static gint64
create_goal (SlWorkspace *ws)
{
  SlGoalSpec spec = { "Grow ARR to $5M", "Finance's plan", NULL,
                      sl_day_from_ymd (2025, 1, 1), sl_day_from_ymd (2025, 12, 31) };
  SlKeyResultSpec krs[] = {
    { "arr", 500000000, "money", SL_DAY_INVALID, SL_DAY_INVALID },
    { "cac", 100000, "money", sl_day_from_ymd (2025, 1, 1), sl_day_from_ymd (2025, 6, 30) },
  };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sl_workspace_create_goal (ws, &spec, krs, G_N_ELEMENTS (krs), &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_goal_create_undo_redo (SlWorkspaceFixture *fixture,
                            gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(GError) error = NULL;
  SlGoal *goal;
  gint64 id = create_goal (fixture->ws);

  goal = sl_goal_store_lookup (sl_workspace_get_goals (fixture->ws), id);
  g_assert_nonnull (goal);
  g_assert_cmpstr (sl_goal_get_objective (goal), ==, "Grow ARR to $5M");
  g_assert_cmpstr (sl_goal_get_author (goal), ==, sl_workspace_get_author (fixture->ws));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM key_result WHERE goal_id = 1"), ==, 2);
  /* A key result without its own range takes the goal's. */
  g_assert_cmpint (Q (fixture->ws, "SELECT last_day FROM key_result WHERE metric = 'arr'"), ==,
                   sl_day_from_ymd (2025, 12, 31));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_key_results (fixture->ws))), ==, 2);

  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM goal"), ==, 0);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM key_result"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_goals (fixture->ws))), ==, 0);

  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT id FROM goal"), ==, id);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM key_result WHERE goal_id = 1"), ==, 2);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM history WHERE entity = 'key_result' AND action = 'redo'"), ==, 2);
}

static void
test_goal_refusals (SlWorkspaceFixture *fixture,
                    gconstpointer       data)
{
  SlGoalSpec spec = { "  ", NULL, NULL, sl_day_from_ymd (2025, 1, 1), sl_day_from_ymd (2025, 3, 31) };
  SlKeyResultSpec bad_unit = { "cac", 100, "count", SL_DAY_INVALID, SL_DAY_INVALID };
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_workspace_create_goal (fixture->ws, &spec, NULL, 0, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "objective"));
  g_clear_error (&error);

  spec.objective = "Cut churn";
  spec.last_day = spec.first_day - 1;
  g_assert_false (sl_workspace_create_goal (fixture->ws, &spec, NULL, 0, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);

  /* CAC is money: a count target is refused, and nothing is half-saved. */
  spec.last_day = spec.first_day + 30;
  g_assert_false (sl_workspace_create_goal (fixture->ws, &spec, &bad_unit, 1, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM goal"), ==, 0);
  g_clear_error (&error);

  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_VIEWER);
  g_assert_false (sl_workspace_create_goal (fixture->ws, &spec, NULL, 0, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED);
}

static void
test_goal_edit_and_key_results (SlWorkspaceFixture *fixture,
                                gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlGoalSpec spec = { "Grow ARR to $6M", "", "v2mom", sl_day_from_ymd (2025, 1, 1), sl_day_from_ymd (2025, 12, 31) };
  SlKeyResultSpec churn = { "churn", 250, "basis-points", SL_DAY_INVALID, SL_DAY_INVALID };
  g_autoptr(GError) error = NULL;
  gint64 id = create_goal (fixture->ws), kr = 0;
  SlGoal *goal = sl_goal_store_lookup (sl_workspace_get_goals (fixture->ws), id);

  g_assert_true (sl_workspace_update_goal (fixture->ws, id, &spec, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_goal_get_objective (goal), ==, "Grow ARR to $6M");
  g_assert_cmpstr (sl_goal_get_framework (goal), ==, "v2mom");
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpstr (sl_goal_get_objective (goal), ==, "Grow ARR to $5M");

  g_assert_true (sl_workspace_add_key_result (fixture->ws, id, &churn, &kr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT position FROM key_result WHERE metric = 'churn'"), ==, 2);
  churn.target = 200;
  g_assert_true (sl_workspace_update_key_result (fixture->ws, kr, &churn, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT target FROM key_result WHERE metric = 'churn'"), ==, 200);
  g_assert_true (sl_workspace_remove_key_result (fixture->ws, kr, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM key_result WHERE metric = 'churn'"), ==, 0);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT target FROM key_result WHERE metric = 'churn'"), ==, 200);
}

static void
test_goal_links_and_delete (SlWorkspaceFixture *fixture,
                            gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(GError) error = NULL;
  gint64 id = create_goal (fixture->ws);
  SlPeriod march;
  SlMoney amount;

  sl_period_init (&march, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 3, 1));
  sl_money_init (&amount, 100000, "USD");
  g_assert_true (sl_workspace_set_budget_amount (fixture->ws, SL_BUDGET_PLAN, 1, &march, &amount, &error));
  g_assert_true (sl_workspace_add_kpi (fixture->ws, SL_METRIC_CAC, &error));
  g_assert_no_error (error);

  g_assert_true (sl_workspace_link_goal (fixture->ws, SL_GOAL_LINK_BUDGET_LINE,
                                         Q (fixture->ws, "SELECT id FROM budget_line"), id, &error));
  g_assert_true (sl_workspace_link_kpi_goal (fixture->ws, "cac", id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT goal_id FROM budget_line"), ==, id);
  g_assert_cmpint (sl_kpi_get_goal_id (sl_kpi_store_lookup (sl_workspace_get_kpis (fixture->ws), "cac")), ==, id);

  /* Deleting the goal unties what served it; undo ties it again. */
  g_assert_true (sl_workspace_delete_goal (fixture->ws, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM goal"), ==, 0);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM budget_line WHERE goal_id IS NULL"), ==, 1);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM kpi WHERE goal_id IS NULL"), ==, 1);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM key_result WHERE goal_id = 1"), ==, 2);
  g_assert_cmpint (Q (fixture->ws, "SELECT goal_id FROM budget_line"), ==, id);
  g_assert_cmpint (Q (fixture->ws, "SELECT goal_id FROM kpi WHERE metric = 'cac'"), ==, id);

  /* Undoing the link puts the line back to no goal. */
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM budget_line WHERE goal_id IS NULL"), ==, 1);
}

static void
assert_support (SlWorkspace *ws,
                gint64       goal_id,
                guint        budget_lines,
                guint        plans,
                guint        experiments,
                guint        annotations,
                guint        kpis)
{
  g_autoptr(GError) error = NULL;
  SlGoalSupport support;

  g_assert_true (sl_workspace_get_goal_support (ws, goal_id, &support, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (support.budget_lines, ==, budget_lines);
  g_assert_cmpuint (support.requests, ==, 0);
  g_assert_cmpuint (support.plans, ==, plans);
  g_assert_cmpuint (support.experiments, ==, experiments);
  g_assert_cmpuint (support.annotations, ==, annotations);
  g_assert_cmpuint (support.kpis, ==, kpis);
}

static void
test_goal_support (SlWorkspaceFixture *fixture,
                   gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = create_goal (fixture->ws);
  gint64 other = create_goal (fixture->ws);
  SlReallocPlanSpec plan = { "Serve the goal", "", NULL, id, 0 };
  SlAnnotationSpec experiment = {
    .kind = SL_ANNOTATION_EXPERIMENT, .title = "Longer ads", .first_day = sl_day_from_ymd (2025, 3, 1),
    .last_day = sl_day_from_ymd (2025, 3, 31), .goal_id = id, .hypothesis = "They qualify leads",
    .expected_outcome = "Fewer, better leads",
  };
  SlAnnotationSpec win = experiment;
  SlPeriod march;
  SlMoney amount;

  assert_support (fixture->ws, id, 0, 0, 0, 0, 0);
  sl_period_init (&march, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 3, 1));
  sl_money_init (&amount, 100000, "USD");
  g_assert_true (sl_workspace_set_budget_amount (fixture->ws, SL_BUDGET_PLAN, 1, &march, &amount, &error));
  g_assert_true (sl_workspace_link_goal (fixture->ws, SL_GOAL_LINK_BUDGET_LINE,
                                         Q (fixture->ws, "SELECT id FROM budget_line"), id, &error));
  g_assert_true (sl_workspace_add_kpi (fixture->ws, SL_METRIC_CAC, &error));
  g_assert_true (sl_workspace_link_kpi_goal (fixture->ws, "cac", id, &error));
  g_assert_true (sl_workspace_create_realloc_plan (fixture->ws, &plan, NULL, 0, NULL, &error));
  g_assert_true (sl_workspace_create_annotation (fixture->ws, &experiment, NULL, &error));
  win.kind = SL_ANNOTATION_WIN;
  g_assert_true (sl_workspace_create_annotation (fixture->ws, &win, NULL, &error));
  g_assert_no_error (error);

  assert_support (fixture->ws, id, 1, 1, 1, 2, 1);
  /* The other goal is served by nothing. */
  assert_support (fixture->ws, other, 0, 0, 0, 0, 0);
  /* Deleting the goal unties them all. */
  g_assert_true (sl_workspace_delete_goal (fixture->ws, id, &error));
  assert_support (fixture->ws, id, 0, 0, 0, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Goals and key results: rules, undo and links");

  g_test_add ("/core/goals/create-undo-redo", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_goal_create_undo_redo, sl_workspace_fixture_teardown);
  g_test_add ("/core/goals/refusals", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_goal_refusals, sl_workspace_fixture_teardown);
  g_test_add ("/core/goals/edit", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_goal_edit_and_key_results, sl_workspace_fixture_teardown);
  g_test_add ("/core/goals/links-and-delete", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_goal_links_and_delete, sl_workspace_fixture_teardown);
  g_test_add ("/core/goals/support", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_goal_support, sl_workspace_fixture_teardown);
  return g_test_run ();
}
