/* test-discussion.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "collab-fixture.h"
#include "sl-audit.h"
#include "sl-budget-request.h"
#include "sl-collab.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

#define Q(ws, sql) sl_test_query_int64 (sl_workspace_get_database (ws), (sql))
#define MAR(d) sl_day_from_ymd (2025, 3, (d))

static gint64
proposed_plan (SlWorkspace *ws,
               char       **target)
{
  SlReallocPlanSpec spec = { "Search to Social", "", NULL, 0, 0 };
  SlReallocLineSpec line = { 1, MAR (1), 2, MAR (1), 100000 };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, &line, 1, &id, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (ws, id, &error));
  g_assert_no_error (error);
  *target = sl_collab_doc_id ("plan", sl_record_get_uuid (SL_RECORD (
    sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (ws), id))));
  return id;
}

static void
test_comments_immutable (SlWorkspaceFixture *fixture,
                         gconstpointer       data)
{
  g_autoptr(SlCommentStore) comments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  gint64 id = 0;

  proposed_plan (fixture->ws, &target);
  comments = sl_workspace_dup_comments (fixture->ws, target);
  g_assert_false (sl_workspace_add_comment (fixture->ws, "plan:no-such-uuid", "Hello", NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sl_workspace_add_comment (fixture->ws, target, " ", NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sl_workspace_add_comment (fixture->ws, target, "Why Social?", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comments)), ==, 1);

  g_assert_false (sl_workspace_edit_comment (fixture->ws, id, "Why not Events?", &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_IMMUTABLE);
  g_assert_nonnull (strstr (error->message, "cannot be changed"));
  g_clear_error (&error);
  /* The schema refuses it too, whatever the way in. */
  g_assert_false (sl_database_exec (sl_workspace_get_database (fixture->ws),
                                    "UPDATE comment SET body = 'x'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (Q (fixture->ws, "SELECT body = 'Why Social?' FROM comment"), ==, 1);

  /* Undo takes back what was just written. */
  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (fixture->ws), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comments)), ==, 0);
  g_assert_true (sl_undo_stack_redo (sl_workspace_get_undo_stack (fixture->ws), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comments)), ==, 1);
}

static void
test_decisions (SlWorkspaceFixture *fixture,
                gconstpointer       data)
{
  g_autoptr(SlDecisionStore) decisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  gint64 plan = proposed_plan (fixture->ws, &target), id = 0;

  decisions = sl_workspace_dup_decisions (fixture->ws, target);
  /* Marketing may note or defer, not approve. */
  g_assert_false (sl_workspace_record_decision (fixture->ws, target, SL_VERDICT_APPROVE, NULL,
                                                SL_DAY_INVALID, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "finance"));
  g_clear_error (&error);
  g_assert_true (sl_workspace_record_decision (fixture->ws, target, SL_VERDICT_DEFER, "Next review",
                                               MAR (5), NULL, &error));
  g_assert_cmpstr (sl_realloc_plan_get_status (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (fixture->ws), plan)),
                   ==, SL_REALLOC_PROPOSED);

  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_FINANCE);
  sl_workspace_set_author (fixture->ws, "Fiona");
  g_assert_true (sl_workspace_record_decision (fixture->ws, target, SL_VERDICT_APPROVE, "Agreed",
                                               MAR (12), &id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (decisions)), ==, 2);
  g_assert_cmpstr (sl_realloc_plan_get_status (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (fixture->ws), plan)),
                   ==, SL_REALLOC_APPROVED);
  /* An approved plan is not approved again. */
  g_assert_false (sl_workspace_record_decision (fixture->ws, target, SL_VERDICT_REJECT, NULL,
                                                SL_DAY_INVALID, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION);
  g_clear_error (&error);

  g_assert_false (sl_workspace_edit_decision (fixture->ws, id, "Changed my mind", &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_false (sl_database_exec (sl_workspace_get_database (fixture->ws),
                                    "UPDATE decision SET note = 'x'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_VIEWER);
  g_assert_false (sl_workspace_add_comment (fixture->ws, target, "Hi", NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED);
}

static void
test_audit (SlWorkspaceFixture *fixture,
            gconstpointer       data)
{
  SlAuditFilter filter = { NULL, 0, SL_DAY_INVALID, SL_DAY_INVALID };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  gint64 plan;

  sl_workspace_set_author (fixture->ws, "Ann");
  collab_set_plan (fixture->ws, 1, MAR (1), 500000);     /* Search, March */
  collab_set_plan (fixture->ws, 3, sl_day_from_ymd (2025, 5, 1), 200000);  /* Events, May */
  sl_workspace_set_author (fixture->ws, "Bob");
  collab_set_plan (fixture->ws, 1, MAR (1), 600000);
  plan = proposed_plan (fixture->ws, &target);
  sl_workspace_set_user_role (fixture->ws, SL_USER_ROLE_FINANCE);
  sl_workspace_set_author (fixture->ws, "Fiona");
  g_assert_true (sl_workspace_approve_realloc_plan (fixture->ws, plan, "Yes", &error));
  sl_workspace_set_author (fixture->ws, "Ann");
  g_assert_true (sl_workspace_apply_realloc_plan (fixture->ws, plan, &error));
  g_assert_no_error (error);

  /* Three edits, one decision, two changes by the plan applied. */
  rows = sl_audit_list (db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpint (((SlAuditRow *)rows->pdata[0])->kind, ==, SL_AUDIT_BUDGET_CHANGE);
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter.author = "Fiona";
  rows = sl_audit_list (db, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((SlAuditRow *)rows->pdata[0])->kind, ==, SL_AUDIT_DECISION);
  g_assert_cmpstr (((SlAuditRow *)rows->pdata[0])->target, ==, target);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Events: its one line, and no decision (the plan does not touch it). */
  filter.author = NULL;
  filter.channel_id = 3;
  rows = sl_audit_list (db, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((SlAuditRow *)rows->pdata[0])->new_value, ==, "200000 USD");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Social: the plan's decision and the line it added. */
  filter.channel_id = 2;
  rows = sl_audit_list (db, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* March by Bob: his edit of Search. */
  filter.channel_id = 0;
  filter.author = "Bob";
  filter.first = MAR (1);
  filter.last = MAR (31);
  rows = sl_audit_list (db, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((SlAuditRow *)rows->pdata[0])->old_value, ==, "500000 USD");
  g_assert_cmpstr (((SlAuditRow *)rows->pdata[0])->new_value, ==, "600000 USD");
}

/* Verdicts and request statuses read as words, whatever was stored. */
static void
test_labels (void)
{
  static const char * const verdicts[] = { SL_VERDICT_APPROVE, SL_VERDICT_REJECT, SL_VERDICT_DEFER, SL_VERDICT_NOTE };
  static const char * const statuses[] = { "draft", "submitted", "approved", "rejected" };

  g_assert_cmpstr (sl_decision_verdict_get_label (SL_VERDICT_APPROVE), ==, "Approved");
  g_assert_cmpstr (sl_decision_verdict_get_label (SL_VERDICT_DEFER), ==, "Deferred");
  g_assert_cmpstr (sl_budget_request_status_get_label ("submitted"), ==, "Submitted");
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    g_assert_cmpstr (sl_decision_verdict_get_label (verdicts[i]), !=, verdicts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_cmpstr (sl_budget_request_status_get_label (statuses[i]), !=, statuses[i]);
  /* Something newer than this build: shown as it is, not hidden. */
  g_assert_cmpstr (sl_decision_verdict_get_label ("escalate"), ==, "escalate");
  g_assert_cmpstr (sl_budget_request_status_get_label ("archived"), ==, "archived");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Comments and decisions: immutable, finance decides, the record of changes");

  g_test_add ("/core/discussion/comments-immutable", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_comments_immutable, sl_workspace_fixture_teardown);
  g_test_add ("/core/discussion/decisions", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_decisions, sl_workspace_fixture_teardown);
  g_test_add_func ("/core/discussion/labels", test_labels);
  g_test_add ("/core/discussion/audit", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_audit, sl_workspace_fixture_teardown);
  return g_test_run ();
}
