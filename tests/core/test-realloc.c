/* test-realloc.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "collab-fixture.h"
#include "sl-collab.h"
#include "sl-realloc-scenario.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

#define Q(ws, sql) sl_test_query_int64 (sl_workspace_get_database (ws), (sql))
#define SEARCH 1
#define SOCIAL 2
#define EVENTS 3
#define RESERVE 0
#define MAR(d) sl_day_from_ymd (2025, 3, (d))
#define APR(d) sl_day_from_ymd (2025, 4, (d))

/* Plan: Search $20,000 and Social $10,000 in March, Events $5,000 in
 * April; the reserve $3,000 a month in Q1 ($9,000). */
static void
setup (SlWorkspaceFixture *fixture,
       gconstpointer       data)
{
  sl_workspace_fixture_setup (fixture, data);
  collab_set_plan (fixture->ws, SEARCH, MAR (1), 2000000);
  collab_set_plan (fixture->ws, SOCIAL, MAR (1), 1000000);
  collab_set_plan (fixture->ws, EVENTS, APR (1), 500000);
  for (int m = 1; m <= 3; m++)
    collab_set_plan (fixture->ws, RESERVE, sl_day_from_ymd (2025, m, 1), 300000);
  sl_undo_stack_clear (sl_workspace_get_undo_stack (fixture->ws));
}

static gint64
plan_amount (SlWorkspace *ws,
             gint64       channel,
             SlDay        first)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT amount_minor FROM budget_line "
                                          "WHERE version = 'plan' AND channel_id = %" G_GINT64_FORMAT
                                          " AND first_day = %d), -1)", channel, first);
  return Q (ws, sql);
}

static gint64
new_plan (SlWorkspace             *ws,
          const char              *group,
          gint64                   draw,
          const SlReallocLineSpec *lines,
          guint                    n_lines)
{
  SlReallocPlanSpec spec = { "Move to what converts", "B brings customers", group, 0, draw };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sl_workspace_create_realloc_plan (ws, &spec, lines, n_lines, &id, &error);
  g_assert_no_error (error);
  return id;
}

static const char *
status_of (SlWorkspace *ws,
           gint64       plan_id)
{
  return sl_realloc_plan_get_status (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (ws), plan_id));
}

/* Proposes, approves as finance, and (with @apply) applies. */
static void
through (SlWorkspace *ws,
         gint64       plan_id,
         gboolean     apply)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_workspace_propose_realloc_plan (ws, plan_id, &error));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  g_assert_true (sl_workspace_approve_realloc_plan (ws, plan_id, "Fine", &error));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_MARKETING);
  if (apply)
    g_assert_true (sl_workspace_apply_realloc_plan (ws, plan_id, &error));
  g_assert_no_error (error);
}

static void
test_unbalanced_refused (SlWorkspaceFixture *fixture,
                         gconstpointer       data)
{
  SlReallocLineSpec lines[] = {
    { SEARCH, MAR (1), EVENTS, APR (1), 500000 },
    { RESERVE, MAR (1), SOCIAL, MAR (1), 200000 },
  };
  g_autoptr(GError) error = NULL;
  gint64 id = new_plan (fixture->ws, NULL, 0, lines, G_N_ELEMENTS (lines));
  SlReallocBalance balance;

  g_assert_true (sl_workspace_get_realloc_balance (fixture->ws, id, &balance, &error));
  g_assert_cmpint (balance.out_minor, ==, 500000);
  g_assert_cmpint (balance.in_minor, ==, 700000);
  g_assert_cmpint (balance.difference_minor, ==, 200000);
  g_assert_cmpint (balance.reserve_minor, ==, 900000);
  g_assert_cmpint (balance.left_minor, ==, 900000);
  g_assert_false (balance.balanced);

  /* In exceeds out by $2,000 but the plan draws nothing: refused. */
  g_assert_false (sl_workspace_propose_realloc_plan (fixture->ws, id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_UNBALANCED);
  g_assert_nonnull (strstr (error->message, "reserve"));
  g_assert_cmpstr (status_of (fixture->ws, id), ==, SL_REALLOC_DRAFT);
  g_clear_error (&error);

  g_assert_true (sl_workspace_set_realloc_reserve_draw (fixture->ws, id, 200000, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (fixture->ws, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (fixture->ws, id), ==, SL_REALLOC_PROPOSED);
}

static void
test_reserve_refused (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  SlReallocLineSpec too_much = { RESERVE, MAR (1), SOCIAL, MAR (1), 1000000 };
  SlReallocLineSpec half = { RESERVE, MAR (1), SOCIAL, MAR (1), 500000 };
  g_autoptr(GError) error = NULL;
  SlReallocBalance balance;
  gint64 big, first, second;

  big = new_plan (fixture->ws, NULL, 1000000, &too_much, 1);
  g_assert_false (sl_workspace_propose_realloc_plan (fixture->ws, big, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_RESERVE);
  g_clear_error (&error);

  /* $5,000 of $9,000 applied leaves $4,000: a second $5,000 is refused. */
  first = new_plan (fixture->ws, NULL, 500000, &half, 1);
  through (fixture->ws, first, TRUE);
  second = new_plan (fixture->ws, NULL, 500000, &half, 1);
  g_assert_true (sl_workspace_get_realloc_balance (fixture->ws, second, &balance, &error));
  g_assert_cmpint (balance.drawn_minor, ==, 500000);
  g_assert_cmpint (balance.left_minor, ==, 400000);
  g_assert_false (balance.within_reserve);
  g_assert_false (sl_workspace_propose_realloc_plan (fixture->ws, second, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_RESERVE);
  g_assert_cmpstr (status_of (fixture->ws, second), ==, SL_REALLOC_DRAFT);
}

static void
test_transitions (SlWorkspaceFixture *fixture,
                  gconstpointer       data)
{
  SlReallocLineSpec line = { SEARCH, MAR (1), SOCIAL, MAR (1), 100000 };
  g_autoptr(GError) error = NULL;
  gint64 id = new_plan (fixture->ws, NULL, 0, &line, 1);

  /* Approving a draft is refused, even for finance, and records nothing. */
  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_FINANCE);
  g_assert_false (sl_workspace_approve_realloc_plan (fixture->ws, id, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM decision"), ==, 0);
  g_clear_error (&error);

  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_MARKETING);
  g_assert_true (sl_workspace_propose_realloc_plan (fixture->ws, id, &error));
  /* Lines of a proposed plan do not change. */
  g_assert_false (sl_workspace_add_realloc_line (fixture->ws, id, &line, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_clear_error (&error);
  /* Marketing cannot approve; a proposed plan cannot be applied. */
  g_assert_false (sl_workspace_approve_realloc_plan (fixture->ws, id, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (sl_workspace_apply_realloc_plan (fixture->ws, id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_clear_error (&error);

  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_FINANCE);
  g_assert_true (sl_workspace_reject_realloc_plan (fixture->ws, id, "Not now", &error));
  g_assert_cmpstr (status_of (fixture->ws, id), ==, SL_REALLOC_REJECTED);
  g_assert_false (sl_workspace_apply_realloc_plan (fixture->ws, id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Revised and proposed again, then approved and applied. */
  g_assert_true (sl_workspace_withdraw_realloc_plan (fixture->ws, id, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (fixture->ws, id, &error));
  g_assert_true (sl_workspace_approve_realloc_plan (fixture->ws, id, NULL, &error));
  g_assert_true (sl_workspace_apply_realloc_plan (fixture->ws, id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (fixture->ws, id), ==, SL_REALLOC_APPLIED);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM decision"), ==, 2);
  g_assert_false (sl_workspace_withdraw_realloc_plan (fixture->ws, id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (sl_workspace_delete_realloc_plan (fixture->ws, id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
}

static void
test_apply_undo_redo (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlReallocLineSpec lines[] = {
    { SEARCH, MAR (1), EVENTS, APR (1), 500000 },
    { SEARCH, MAR (15), SOCIAL, APR (1), 300000 },   /* any day names its month */
  };
  g_autoptr(GError) error = NULL;
  gint64 id = new_plan (fixture->ws, NULL, 0, lines, G_N_ELEMENTS (lines));
  SlReallocPlan *plan;

  through (fixture->ws, id, TRUE);
  plan = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (fixture->ws), id);
  g_assert_cmpstr (sl_realloc_plan_get_status (plan), ==, SL_REALLOC_APPLIED);
  g_assert_cmpint (sl_realloc_plan_get_applied_at (plan), >, 0);
  g_assert_cmpint (plan_amount (fixture->ws, SEARCH, MAR (1)), ==, 1200000);
  g_assert_cmpint (plan_amount (fixture->ws, EVENTS, APR (1)), ==, 1000000);
  g_assert_cmpint (plan_amount (fixture->ws, SOCIAL, APR (1)), ==, 300000);
  /* A month without a line gets one, a whole month long. */
  g_assert_cmpint (Q (fixture->ws, "SELECT last_day FROM budget_line WHERE channel_id = 2 "
                                   "AND first_day = (SELECT max (first_day) FROM budget_line WHERE channel_id = 2)"),
                   ==, sl_day_from_ymd (2025, 4, 30));
  /* The reserve lines stay; the total of the channels is unchanged. */
  g_assert_cmpint (Q (fixture->ws, "SELECT sum (amount_minor) FROM budget_line WHERE is_reserve = 1"), ==, 900000);
  g_assert_cmpint (Q (fixture->ws, "SELECT sum (amount_minor) FROM budget_line WHERE is_reserve = 0"), ==, 3500000);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM history WHERE entity = 'budget_line' "
                                   "AND field = 'amount_minor' AND label LIKE 'Apply plan%'"), ==, 3);

  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_realloc_plan_get_status (plan), ==, SL_REALLOC_APPROVED);
  g_assert_cmpint (sl_realloc_plan_get_applied_at (plan), ==, 0);
  g_assert_cmpint (plan_amount (fixture->ws, SEARCH, MAR (1)), ==, 2000000);
  g_assert_cmpint (plan_amount (fixture->ws, EVENTS, APR (1)), ==, 500000);
  g_assert_cmpint (plan_amount (fixture->ws, SOCIAL, APR (1)), ==, -1);

  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plan_amount (fixture->ws, SEARCH, MAR (1)), ==, 1200000);
  g_assert_cmpint (plan_amount (fixture->ws, SOCIAL, APR (1)), ==, 300000);
  g_assert_cmpstr (sl_realloc_plan_get_status (plan), ==, SL_REALLOC_APPLIED);

  /* Undoing the approval takes the decision back with the status. */
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpstr (sl_realloc_plan_get_status (plan), ==, SL_REALLOC_PROPOSED);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM decision"), ==, 0);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpstr (sl_realloc_plan_get_status (plan), ==, SL_REALLOC_DRAFT);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_plan"), ==, 0);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line"), ==, 0);
  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line WHERE plan_id = 1"), ==, 2);
}

static void
test_apply_insufficient (SlWorkspaceFixture *fixture,
                         gconstpointer       data)
{
  SlReallocLineSpec line = { SOCIAL, MAR (1), SEARCH, MAR (1), 1500000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sl_test_query_text (sl_workspace_get_database (fixture->ws),
                                                "SELECT * FROM budget_line ORDER BY id");
  g_autofree char *after = NULL;
  gint64 id = new_plan (fixture->ws, NULL, 0, &line, 1);

  through (fixture->ws, id, FALSE);
  g_assert_false (sl_workspace_apply_realloc_plan (fixture->ws, id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_BUDGET);
  g_assert_nonnull (strstr (error->message, "Social"));
  after = sl_test_query_text (sl_workspace_get_database (fixture->ws), "SELECT * FROM budget_line ORDER BY id");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (status_of (fixture->ws, id), ==, SL_REALLOC_APPROVED);
}

static void
test_line_edits_undo (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlReallocLineSpec line = { SEARCH, MAR (1), SOCIAL, MAR (1), 100000 };
  SlReallocLineSpec bad = { SEARCH, MAR (3), SEARCH, MAR (20), 100000 };
  g_autoptr(GError) error = NULL;
  gint64 id = new_plan (fixture->ws, NULL, 0, NULL, 0);

  g_assert_false (sl_workspace_add_realloc_line (fixture->ws, id, &bad, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sl_workspace_add_realloc_line (fixture->ws, id, &line, &error));
  g_assert_true (sl_workspace_add_realloc_line (fixture->ws, id, &line, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT max (position) FROM realloc_line"), ==, 1);
  g_assert_true (sl_workspace_remove_realloc_line (fixture->ws, Q (fixture->ws, "SELECT min (id) FROM realloc_line"),
                                                   &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line"), ==, 1);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line"), ==, 2);
  g_assert_true (sl_workspace_set_realloc_reserve_draw (fixture->ws, id, 1234, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT reserve_draw_minor FROM realloc_plan"), ==, 1234);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT reserve_draw_minor FROM realloc_plan"), ==, 0);
  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT reserve_draw_minor FROM realloc_plan"), ==, 1234);
  g_assert_no_error (error);
}

static void
test_scenarios (SlWorkspaceFixture *fixture,
                gconstpointer       data)
{
  SlReallocLineSpec a = { SEARCH, MAR (1), SOCIAL, MAR (1), 500000 };
  SlReallocLineSpec b = { SOCIAL, MAR (1), SEARCH, MAR (1), 500000 };
  SlReallocLineSpec c = { SEARCH, MAR (1), EVENTS, MAR (1), 500000 };
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const SlScenarioRow *row;

  collab_import_domain_example (fixture->ws, fixture->dir);
  new_plan (fixture->ws, "Q1 options", 0, &a, 1);
  new_plan (fixture->ws, "Q1 options", 0, &b, 1);
  new_plan (fixture->ws, "Q1 options", 0, &c, 1);
  new_plan (fixture->ws, "Other", 0, &a, 1);

  rows = sl_realloc_compare_scenarios (metrics, "Q1 options", SL_CALENDAR_GREGORIAN, 1, APR (1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);

  /* A: $5,000 out of Search (CPL $20, 1 in 500 a customer) into Social
   * (CPL $100, 1 in 10, $500 each): −250 + 50 leads, −0.5 (to even: 0) +
   * 5 customers, −$250 + $2,500 revenue. */
  row = &g_array_index (rows, SlScenarioRow, 0);
  g_assert_cmpint (row->moved_minor, ==, 500000);
  g_assert_cmpint (row->reserve_left_minor, ==, 900000);
  g_assert_true (sl_metric_value_equals_fraction (&row->effect.leads, -200, 1));
  g_assert_true (sl_metric_value_equals_fraction (&row->effect.customers, 5, 1));
  g_assert_true (sl_metric_value_equals_fraction (&row->effect.revenue, 225000, 1));

  row = &g_array_index (rows, SlScenarioRow, 1);
  g_assert_true (sl_metric_value_equals_fraction (&row->effect.leads, 200, 1));
  g_assert_true (sl_metric_value_equals_fraction (&row->effect.customers, -5, 1));
  g_assert_true (sl_metric_value_equals_fraction (&row->effect.revenue, -225000, 1));

  /* Events has no figures: its effect, and so the total, is undefined. */
  row = &g_array_index (rows, SlScenarioRow, 2);
  g_assert_false (sl_metric_value_is_defined (&row->effect.leads));
  g_assert_cmpint (row->effect.leads.reason, ==, SL_METRIC_REASON_NO_SPEND);
  g_assert_false (sl_metric_value_is_defined (&row->effect.revenue));
}

static void
test_update_and_duplicate (SlWorkspaceFixture *fixture,
                           gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlReallocLineSpec lines[] = {
    { SEARCH, MAR (1), EVENTS, APR (1), 500000 },
    { RESERVE, MAR (1), SOCIAL, MAR (1), 200000 },
  };
  g_autoptr(GError) error = NULL;
  gint64 id = new_plan (fixture->ws, NULL, 200000, lines, G_N_ELEMENTS (lines));
  SlReallocPlan *plan = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (fixture->ws), id);
  SlReallocPlan *copy;
  gint64 copy_id = 0;

  /* A draft's title and rationale change in one step; a blank title is refused. */
  g_assert_true (sl_workspace_update_realloc_plan (fixture->ws, id, "  Q1 shift ", "Social converts", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_realloc_plan_get_title (plan), ==, "Q1 shift");
  g_assert_cmpstr (sl_realloc_plan_get_rationale (plan), ==, "Social converts");
  g_assert_false (sl_workspace_update_realloc_plan (fixture->ws, id, " ", NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpstr (sl_realloc_plan_get_title (plan), ==, "Move to what converts");
  g_assert_cmpstr (sl_realloc_plan_get_rationale (plan), ==, "B brings customers");
  g_assert_true (sl_undo_stack_redo (stack, &error));

  /* A plan in no group starts one with its copy; the copy has its lines. */
  g_assert_true (sl_workspace_propose_realloc_plan (fixture->ws, id, &error));
  g_assert_true (sl_workspace_duplicate_realloc_plan (fixture->ws, id, "Q1 shift, smaller", &copy_id, &error));
  g_assert_no_error (error);
  copy = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (fixture->ws), copy_id);
  g_assert_nonnull (copy);
  g_assert_cmpstr (sl_realloc_plan_get_status (copy), ==, SL_REALLOC_DRAFT);
  g_assert_cmpstr (sl_realloc_plan_get_scenario_group (plan), ==, "Q1 shift");
  g_assert_cmpstr (sl_realloc_plan_get_scenario_group (copy), ==, "Q1 shift");
  g_assert_cmpint (sl_realloc_plan_get_reserve_draw_minor (copy), ==, 200000);
  g_assert_cmpstr (sl_realloc_plan_get_rationale (copy), ==, "Social converts");
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line WHERE plan_id = 2"), ==, 2);
  g_assert_cmpint (Q (fixture->ws, "SELECT sum (amount_minor) FROM realloc_line WHERE plan_id = 2"), ==, 700000);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line WHERE plan_id = 2 "
                                   "AND from_channel_id IS NULL AND to_channel_id = 2"), ==, 1);

  /* The proposed original no longer changes; one undo takes back the copy and the group. */
  g_assert_false (sl_workspace_update_realloc_plan (fixture->ws, id, "Other", NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_null (sl_realloc_plan_get_scenario_group (plan));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_plan"), ==, 1);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line"), ==, 2);

  /* A copy of a grouped plan joins that group. */
  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_true (sl_workspace_duplicate_realloc_plan (fixture->ws, copy_id, "Third", NULL, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_plan WHERE scenario_group = 'Q1 shift'"), ==, 3);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Reallocation plans: balance, reserve, workflow, apply, scenarios");

#define ADD(path, func) \
  g_test_add ("/core/realloc/" path, SlWorkspaceFixture, NULL, setup, func, sl_workspace_fixture_teardown)
  ADD ("unbalanced-refused", test_unbalanced_refused);
  ADD ("reserve-refused", test_reserve_refused);
  ADD ("transitions", test_transitions);
  ADD ("apply-undo-redo", test_apply_undo_redo);
  ADD ("apply-insufficient", test_apply_insufficient);
  ADD ("line-edits-undo", test_line_edits_undo);
  ADD ("scenarios", test_scenarios);
  ADD ("update-and-duplicate", test_update_and_duplicate);
#undef ADD
  return g_test_run ();
}
