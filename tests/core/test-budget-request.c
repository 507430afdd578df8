/* test-budget-request.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "collab-fixture.h"
#include "sl-collab.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-requests.h"

#define Q(ws, sql) sl_test_query_int64 (sl_workspace_get_database (ws), (sql))

/* DOMAIN.md's channel B: $10,000, 100 leads, 40 MQLs, 20 SQLs, 10
 * customers at $500. $50,000 of revenue takes 100 customers, 200 SQLs,
 * 400 MQLs, 1,000 leads and, at a CPL of $100, $100,000. */
static void
test_work_back (SlWorkspaceFixture *fixture,
                gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  SlFunnelWorkBack back;

  collab_import_domain_example (fixture->ws, fixture->dir);
  g_assert_true (sl_workspace_work_back (fixture->ws, 2, 5000000, sl_day_from_ymd (2025, 4, 1), &back, &error));
  g_assert_no_error (error);
  g_assert_true (sl_metric_value_equals_fraction (&back.customers, 100, 1));
  g_assert_true (sl_metric_value_equals_fraction (&back.sqls, 200, 1));
  g_assert_true (sl_metric_value_equals_fraction (&back.mqls, 400, 1));
  g_assert_true (sl_metric_value_equals_fraction (&back.leads, 1000, 1));
  g_assert_true (sl_metric_value_equals_fraction (&back.spend, 10000000, 1));

  /* A part of a customer still takes a whole one: $50,100 needs 101. */
  g_assert_true (sl_workspace_work_back (fixture->ws, 2, 5010000, sl_day_from_ymd (2025, 4, 1), &back, &error));
  g_assert_true (sl_metric_value_equals_fraction (&back.customers, 101, 1));

  /* Search had one customer but only 1 SQL: every stage is defined;
   * Events has nothing: undefined all the way down, never 0. */
  g_assert_true (sl_workspace_work_back (fixture->ws, 3, 5000000, sl_day_from_ymd (2025, 4, 1), &back, &error));
  g_assert_false (sl_metric_value_is_defined (&back.customers));
  g_assert_false (sl_metric_value_is_defined (&back.spend));
  g_assert_cmpint (back.customers.reason, ==, SL_METRIC_REASON_NO_CUSTOMERS);
  /* Outside the trailing window there are no figures either. */
  g_assert_true (sl_workspace_work_back (fixture->ws, 2, 5000000, sl_day_from_ymd (2025, 9, 1), &back, &error));
  g_assert_false (sl_metric_value_is_defined (&back.leads));
}

static gint64
make_request (SlWorkspace *ws,
              gint64      *goal_id)
{
  SlGoalSpec goal = { "Grow revenue", NULL, NULL, sl_day_from_ymd (2025, 4, 1), sl_day_from_ymd (2025, 6, 30) };
  g_autoptr(GError) error = NULL;
  SlPeriod quarter;
  gint64 id = 0;

  g_assert_true (sl_workspace_create_goal (ws, &goal, NULL, 0, goal_id, &error));
  sl_period_init (&quarter, SL_PERIOD_QUARTER, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 4, 1));
  g_assert_true (sl_workspace_create_budget_request (ws, "Q2 request", &quarter, "Double down on Social",
                                                     &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_request_lines_and_reserve (SlWorkspaceFixture *fixture,
                                gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(SlBudgetLineStore) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  SlRequestReserve reserve;
  gint64 goal = 0, id = make_request (fixture->ws, &goal);
  SlRequestLineSpec line = { 2, sl_day_from_ymd (2025, 4, 10), 36800000, 0 };
  SlRequestLineSpec reserve_line = { 0, sl_day_from_ymd (2025, 4, 1), 3200000, 0 };

  /* A channel's line serves a goal. */
  g_assert_false (sl_workspace_set_request_line (fixture->ws, id, &line, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "goal"));
  g_clear_error (&error);
  line.goal_id = goal;
  g_assert_true (sl_workspace_set_request_line (fixture->ws, id, &line, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT first_day FROM budget_line WHERE version = 'request'"), ==,
                   sl_day_from_ymd (2025, 4, 1));

  /* No reserve: 0 % is a warning, not a refusal. */
  g_assert_true (sl_budget_request_get_reserve (sl_workspace_get_database (fixture->ws), id, &reserve, &error));
  g_assert_false (reserve.in_range);
  warning = sl_request_reserve_get_warning (&reserve, "USD");
  g_assert_nonnull (warning);
  g_clear_pointer (&warning, g_free);

  /* DOMAIN.md: $400,000 with $32,000 (8 %) held back. */
  g_assert_true (sl_workspace_set_request_line (fixture->ws, id, &reserve_line, &error));
  g_assert_true (sl_budget_request_get_reserve (sl_workspace_get_database (fixture->ws), id, &reserve, &error));
  g_assert_cmpint (reserve.total_minor, ==, 40000000);
  g_assert_true (sl_metric_value_equals_fraction (&reserve.share, 8, 100));
  g_assert_true (reserve.in_range);
  g_assert_null (sl_request_reserve_get_warning (&reserve, "USD"));

  /* 12 %: a warning again. */
  reserve_line.amount_minor = 5018182;
  g_assert_true (sl_workspace_set_request_line (fixture->ws, id, &reserve_line, &error));
  g_assert_true (sl_budget_request_get_reserve (sl_workspace_get_database (fixture->ws), id, &reserve, &error));
  g_assert_false (reserve.in_range);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT amount_minor FROM budget_line WHERE is_reserve = 1"), ==, 3200000);

  lines = sl_budget_line_store_new_for_request (sl_workspace_get_database (fixture->ws), id);
  g_assert_true (sl_store_reload (SL_STORE (lines), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lines)), ==, 2);
  g_assert_no_error (error);
}

static void
test_deadline_and_submit (SlWorkspaceFixture *fixture,
                          gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  SlRequestLineSpec line = { 1, sl_day_from_ymd (2025, 5, 1), 100000, 0 };
  gint64 goal = 0, id = make_request (fixture->ws, &goal);
  g_autofree char *target = NULL;
  SlBudgetRequest *request;
  SlDay deadline;
  int days_left;

  request = sl_budget_request_store_lookup (sl_workspace_get_budget_requests (fixture->ws), id);
  /* Due 14 days (the default offset) before April 1. */
  sl_budget_request_get_days_left (request, sl_day_from_ymd (2025, 3, 1), &deadline, &days_left);
  g_assert_cmpint (deadline, ==, sl_day_from_ymd (2025, 3, 18));
  g_assert_cmpint (days_left, ==, 17);
  sl_budget_request_get_days_left (request, sl_day_from_ymd (2025, 3, 20), &deadline, &days_left);
  g_assert_cmpint (days_left, ==, -2);

  line.goal_id = goal;
  g_assert_true (sl_workspace_set_request_line (fixture->ws, id, &line, &error));
  g_assert_true (sl_workspace_submit_budget_request (fixture->ws, id, &error));
  g_assert_cmpstr (sl_budget_request_get_status (request), ==, "submitted");
  g_assert_false (sl_workspace_set_request_line (fixture->ws, id, &line, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Finance approves it with a decision, in one step. */
  target = sl_collab_doc_id ("request", sl_record_get_uuid (SL_RECORD (request)));
  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_FINANCE);
  g_assert_true (sl_workspace_record_decision (fixture->ws, target, SL_VERDICT_APPROVE, "Go",
                                               SL_DAY_INVALID, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_budget_request_get_status (request), ==, "approved");
  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (fixture->ws), &error));
  g_assert_cmpstr (sl_budget_request_get_status (request), ==, "submitted");
}

/* Several lines (a worked-back spend spread over the months) are one
 * undoable step; one refused line writes none. */
static void
test_set_lines (SlWorkspaceFixture *fixture,
                gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(GError) error = NULL;
  gint64 goal = 0, id = make_request (fixture->ws, &goal);
  SlRequestLineSpec lines[] = {
    { 2, sl_day_from_ymd (2025, 4, 1), 3333334, 0 },
    { 2, sl_day_from_ymd (2025, 5, 1), 3333333, 0 },
    { 2, sl_day_from_ymd (2025, 6, 1), 3333333, 0 },
  };

  /* Without a goal every line is refused, and nothing is written. */
  g_assert_false (sl_workspace_set_request_lines (fixture->ws, id, lines, G_N_ELEMENTS (lines), &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM budget_line WHERE version = 'request'"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    lines[i].goal_id = goal;
  g_assert_true (sl_workspace_set_request_lines (fixture->ws, id, lines, G_N_ELEMENTS (lines), &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'request'"), ==,
                   10000000);
  /* Setting them again changes the amounts in place. */
  lines[0].amount_minor = 100;
  g_assert_true (sl_workspace_set_request_lines (fixture->ws, id, lines, G_N_ELEMENTS (lines), &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM budget_line WHERE version = 'request'"), ==, 3);
  g_assert_cmpint (Q (fixture->ws, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'request'"), ==,
                   6666766);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT sum (amount_minor) FROM budget_line WHERE version = 'request'"), ==,
                   10000000);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM budget_line WHERE version = 'request'"), ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Budget requests: working back through the funnel, reserve, deadline");

  g_test_add ("/core/budget-request/work-back", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_work_back, sl_workspace_fixture_teardown);
  g_test_add ("/core/budget-request/lines-and-reserve", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_request_lines_and_reserve, sl_workspace_fixture_teardown);
  g_test_add ("/core/budget-request/deadline-and-submit", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_deadline_and_submit, sl_workspace_fixture_teardown);
  g_test_add ("/core/budget-request/set-lines", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_set_lines, sl_workspace_fixture_teardown);
  return g_test_run ();
}
