/* test-annotations.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "collab-fixture.h"
#include "sl-collab.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-realloc.h"

#define Q(ws, sql) sl_test_query_int64 (sl_workspace_get_database (ws), (sql))
#define MAR(d) sl_day_from_ymd (2025, 3, (d))

static void
setup (SlWorkspaceFixture *fixture,
       gconstpointer       data)
{
  sl_workspace_fixture_setup (fixture, data);
  sl_workspace_set_author (fixture->ws, "Ann");
  collab_import_domain_example (fixture->ws, fixture->dir);
}

static SlAnnotationSpec
spec_of (const char *kind)
{
  return (SlAnnotationSpec) {
    .kind = kind, .title = "Search leads do not close", .body = "500 leads, one customer",
    .channel_id = 1, .first_day = MAR (1), .last_day = MAR (31),
  };
}

static gint64
plan_with_lines (SlWorkspace *ws,
                 guint        n_lines)
{
  SlReallocPlanSpec plan = { "Out of Search", "", NULL, 0, 0 };
  SlReallocLineSpec line = { 1, MAR (1), 2, MAR (1), 100000 };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (sl_workspace_create_realloc_plan (ws, &plan, &line, n_lines, &id, &error));
  return id;
}

static void
assert_refused (SlWorkspace            *ws,
                const SlAnnotationSpec *spec,
                const char             *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_workspace_create_annotation (ws, spec, NULL, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_cmpint (Q (ws, "SELECT count(*) FROM annotation"), ==, 0);
}

static void
test_loss_needs_plan (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  SlAnnotationSpec spec = spec_of (SL_ANNOTATION_LOSS);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  assert_refused (fixture->ws, &spec, "plan");
  spec.plan_id = plan_with_lines (fixture->ws, 0);
  assert_refused (fixture->ws, &spec, "line");
  spec.plan_id = plan_with_lines (fixture->ws, 1);
  assert_refused (fixture->ws, &spec, "next steps");
  spec.next_steps = "Move $1,000 to Social and watch CAC";
  g_assert_true (sl_workspace_create_annotation (fixture->ws, &spec, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT plan_id FROM annotation"), ==, spec.plan_id);

  /* Unlinking the plan afterwards is refused too. */
  spec.plan_id = 0;
  g_assert_false (sl_workspace_update_annotation (fixture->ws, id, &spec, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
}

static void
test_experiment_up_front (SlWorkspaceFixture *fixture,
                          gconstpointer       data)
{
  SlAnnotationSpec spec = spec_of (SL_ANNOTATION_EXPERIMENT);
  SlGoalSpec goal = { "Grow revenue", NULL, NULL, MAR (1), MAR (31) };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  assert_refused (fixture->ws, &spec, "hypothesis");
  spec.hypothesis = "Longer ads qualify leads";
  assert_refused (fixture->ws, &spec, "outcome");
  spec.expected_outcome = "Lead-to-client doubles";
  assert_refused (fixture->ws, &spec, "goal");
  g_assert_true (sl_workspace_create_goal (fixture->ws, &goal, NULL, 0, &spec.goal_id, &error));
  g_assert_true (sl_workspace_create_annotation (fixture->ws, &spec, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT actual_outcome IS NULL FROM annotation"), ==, 1);

  g_assert_false (sl_workspace_record_outcome (fixture->ws, id, "  ", &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sl_workspace_record_outcome (fixture->ws, id, "It tripled", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_annotation_get_actual_outcome (sl_annotation_store_lookup (sl_workspace_get_annotations (fixture->ws), id)),
                   ==, "It tripled");
  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (fixture->ws), &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT actual_outcome IS NULL FROM annotation"), ==, 1);
}

static void
test_only_author_edits (SlWorkspaceFixture *fixture,
                        gconstpointer       data)
{
  SlAnnotationSpec spec = spec_of (SL_ANNOTATION_WIN);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (sl_workspace_create_annotation (fixture->ws, &spec, &id, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT author = 'Ann' FROM annotation"), ==, 1);

  sl_workspace_set_author (fixture->ws, "Bob");
  spec.title = "Bob's title";
  g_assert_false (sl_workspace_update_annotation (fixture->ws, id, &spec, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "Ann"));
  g_clear_error (&error);
  g_assert_false (sl_workspace_delete_annotation (fixture->ws, id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  sl_workspace_set_author (fixture->ws, "Ann");
  g_assert_true (sl_workspace_update_annotation (fixture->ws, id, &spec, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT title = 'Bob''s title' FROM annotation"), ==, 1);
  /* Its period is fixed with the figures it cites. */
  spec.last_day = MAR (15);
  g_assert_false (sl_workspace_update_annotation (fixture->ws, id, &spec, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sl_workspace_delete_annotation (fixture->ws, id, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM annotation"), ==, 0);
  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (fixture->ws), &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM annotation"), ==, 1);
  g_assert_true (sl_undo_stack_redo (sl_workspace_get_undo_stack (fixture->ws), &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM annotation"), ==, 0);
  g_assert_no_error (error);
}

static void
assert_value (const char *json,
              SlMetric    metric,
              gint64      num,
              gint64      den)
{
  g_autoptr(GError) error = NULL;
  SlMetricValue value;

  g_assert_true (sl_annotation_snapshot_get_value (json, metric, &value, &error));
  g_assert_no_error (error);
  g_assert_true (sl_metric_value_equals_fraction (&value, num, den));
}

static void
test_snapshot_frozen (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  SlAnnotationSpec spec = spec_of (SL_ANNOTATION_NOTE);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(GArray) batches = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  SlAnnotation *annotation;
  SlMetricValue roi;
  gint64 id = 0, later;

  g_assert_true (sl_workspace_create_annotation (fixture->ws, &spec, &id, &error));
  annotation = sl_annotation_store_lookup (sl_workspace_get_annotations (fixture->ws), id);
  before = g_strdup (sl_annotation_get_snapshot (annotation));
  g_assert_cmpint (sl_annotation_snapshot_get_formula_version (before), ==, SL_METRICS_FORMULA_VERSION);
  /* Search in March: $10,000, 500 leads, CPL $20, one $500 customer. */
  assert_value (before, SL_METRIC_SPEND, 1000000, 1);
  assert_value (before, SL_METRIC_LEADS, 500, 1);
  assert_value (before, SL_METRIC_CPL, 2000, 1);
  assert_value (before, SL_METRIC_NEW_CUSTOMERS, 1, 1);
  assert_value (before, SL_METRIC_CAC, 1000000, 1);
  assert_value (before, SL_METRIC_REVENUE, 50000, 1);
  g_assert_true (sl_annotation_snapshot_get_value (before, SL_METRIC_ROI, &roi, &error));
  g_assert_true (sl_metric_value_equals_fraction (&roi, 50000 - 1000000, 1000000));
  g_assert_cmpint (roi.basis, ==, SL_METRIC_BASIS_REVENUE);
  batches = sl_annotation_snapshot_get_batches (before);
  g_assert_cmpuint (batches->len, ==, 2);
  g_assert_cmpint (g_array_index (batches, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (batches, gint64, 1), ==, 2);

  later = sl_test_workspace_import (fixture->ws, fixture->dir, "more.csv", SL_IMPORT_SPEND,
                                    "date,channel,campaign,spend,currency\n2025-03-10,Search,Brand,5000.00,USD\n");
  g_assert_cmpint (later, ==, 3);
  g_assert_cmpstr (sl_annotation_get_snapshot (annotation), ==, before);

  rows = sl_annotation_snapshot_compare (metrics, annotation, SL_CALENDAR_GREGORIAN, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const SlSnapshotRow *row = &g_array_index (rows, SlSnapshotRow, i);

      if (row->metric == SL_METRIC_SPEND)
        {
          g_assert_true (sl_metric_value_equals_fraction (&row->then, 1000000, 1));
          g_assert_true (sl_metric_value_equals_fraction (&row->now, 1500000, 1));
        }
      else if (row->metric == SL_METRIC_CPL)
        g_assert_true (sl_metric_value_equals_fraction (&row->now, 3000, 1));
      else if (row->metric == SL_METRIC_LEADS)
        g_assert_cmpint (sl_metric_value_compare (&row->then, &row->now), ==, 0);
    }
}

static void
test_snapshot_undefined (SlWorkspaceFixture *fixture,
                         gconstpointer       data)
{
  SlAnnotationSpec spec = spec_of (SL_ANNOTATION_UNEXPECTED_EXPENSE);
  g_autoptr(GError) error = NULL;
  SlMetricValue cpl;
  SlMoney amount;
  gint64 id = 0;

  spec.channel_id = 3;  /* Events: no figures */
  assert_refused (fixture->ws, &spec, "amount");
  sl_money_init (&amount, 250000, "USD");
  spec.amount = &amount;
  g_assert_true (sl_workspace_create_annotation (fixture->ws, &spec, &id, &error));
  g_assert_true (sl_annotation_snapshot_get_value (
                   sl_annotation_get_snapshot (sl_annotation_store_lookup (sl_workspace_get_annotations (fixture->ws), id)),
                   SL_METRIC_CPL, &cpl, &error));
  g_assert_false (sl_metric_value_is_defined (&cpl));
  g_assert_cmpint (cpl.reason, ==, SL_METRIC_REASON_NO_LEADS);
  g_assert_cmpint (Q (fixture->ws, "SELECT amount_minor FROM annotation"), ==, 250000);
}

/* A snapshot written by a peer is read, not trusted: a figure of the
 * wrong shape is undefined, a reason this version does not know is
 * “not computed”, and batches that are not whole numbers are left out. */
static void
test_snapshot_from_peer (void)
{
  const char *json = "{\"formula_version\": \"2\", \"currency\": \"USD\", "
                     "\"values\": {\"cpl\": {\"num\": [1], \"den\": \"2\"}, \"cac\": null, "
                     "\"leads\": {\"num\": 12, \"den\": 1}}, "
                     "\"reasons\": {\"cac\": 9999}, \"basis\": {\"roi\": 1}, "
                     "\"batches\": [\"7\", 3, 1.5, null, {}, 4]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) batches = NULL;
  SlMetricValue value;

  g_assert_true (sl_annotation_snapshot_get_value (json, SL_METRIC_CPL, &value, &error));
  g_assert_no_error (error);
  g_assert_false (sl_metric_value_is_defined (&value));
  g_assert_true (sl_annotation_snapshot_get_value (json, SL_METRIC_CAC, &value, &error));
  g_assert_false (sl_metric_value_is_defined (&value));
  g_assert_cmpint (value.reason, ==, SL_METRIC_REASON_NOT_COMPUTED);
  g_assert_nonnull (sl_metric_reason_get_label (value.reason));
  assert_value (json, SL_METRIC_LEADS, 12, 1);
  g_assert_cmpint (sl_annotation_snapshot_get_formula_version (json), ==, 0);
  batches = sl_annotation_snapshot_get_batches (json);
  g_assert_cmpuint (batches->len, ==, 2);
  g_assert_cmpint (g_array_index (batches, gint64, 0), ==, 3);
  g_assert_cmpint (g_array_index (batches, gint64, 1), ==, 4);

  /* Money in a currency nobody knows cannot be shown: an error, not a figure. */
  g_assert_false (sl_annotation_snapshot_get_value ("{\"currency\": \"bogus\", "
                                                    "\"values\": {\"spend\": {\"num\": 5, \"den\": 1}}}",
                                                    SL_METRIC_SPEND, &value, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sl_annotation_snapshot_get_value ("{\"values\": {\"cpl\": null}}", SL_METRIC_CPL, &value, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);
  /* An undefined figure always has a reason, even when the snapshot says none. */
  g_assert_true (sl_annotation_snapshot_get_value ("{\"values\": {\"leads\": null}, \"reasons\": {\"leads\": 0}}",
                                                   SL_METRIC_LEADS, &value, &error));
  g_assert_no_error (error);
  g_assert_false (sl_metric_value_is_defined (&value));
  g_assert_cmpint (value.reason, ==, SL_METRIC_REASON_NOT_COMPUTED);
  /* A count needs no currency. */
  assert_value ("{\"currency\": \"bogus\", \"values\": {\"leads\": {\"num\": 5, \"den\": 1}}}",
                SL_METRIC_LEADS, 5, 1);
}

/* A loss and its new plan are one edit: refused together, undone together. */
static void
test_loss_with_new_plan (SlWorkspaceFixture *fixture,
                         gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlAnnotationSpec spec = spec_of (SL_ANNOTATION_LOSS);
  SlReallocPlanSpec plan = { "Out of Search", "", NULL, 0, 0 };
  SlReallocLineSpec line = { 1, MAR (1), 2, MAR (1), 100000 };
  g_autoptr(GError) error = NULL;
  gint64 id = 0, plan_id = 0;

  /* No line: nothing written, not even the plan. */
  spec.next_steps = "Move $1,000 to Social";
  g_assert_false (sl_workspace_create_loss (fixture->ws, &spec, &plan, &line, 0, &id, &plan_id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line"));
  g_clear_error (&error);
  /* No next steps: the same. */
  spec.next_steps = " ";
  g_assert_false (sl_workspace_create_loss (fixture->ws, &spec, &plan, &line, 1, &id, &plan_id, &error));
  g_assert_nonnull (strstr (error->message, "next steps"));
  g_clear_error (&error);
  /* A refused line: the same. */
  spec.next_steps = "Move $1,000 to Social";
  line.amount_minor = 0;
  g_assert_false (sl_workspace_create_loss (fixture->ws, &spec, &plan, &line, 1, &id, &plan_id, &error));
  g_assert_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_plan"), ==, 0);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM annotation"), ==, 0);

  line.amount_minor = 100000;
  g_assert_true (sl_workspace_create_loss (fixture->ws, &spec, &plan, &line, 1, &id, &plan_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (Q (fixture->ws, "SELECT plan_id FROM annotation"), ==, plan_id);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_line WHERE plan_id = (SELECT plan_id FROM annotation)"),
                   ==, 1);
  g_assert_cmpstr (sl_annotation_get_kind (sl_annotation_store_lookup (sl_workspace_get_annotations (fixture->ws), id)),
                   ==, SL_ANNOTATION_LOSS);

  /* One undo takes both back; redo brings both. */
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM realloc_plan"), ==, 0);
  g_assert_cmpint (Q (fixture->ws, "SELECT count(*) FROM annotation"), ==, 0);
  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->ws, "SELECT plan_id FROM annotation"), ==, plan_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Annotations: the rules of losses and experiments, authorship, frozen snapshots");

#define ADD(path, func) \
  g_test_add ("/core/annotations/" path, SlWorkspaceFixture, NULL, setup, func, sl_workspace_fixture_teardown)
  ADD ("loss-needs-plan", test_loss_needs_plan);
  ADD ("loss-with-new-plan", test_loss_with_new_plan);
  ADD ("experiment-up-front", test_experiment_up_front);
  ADD ("only-author-edits", test_only_author_edits);
  ADD ("snapshot-frozen", test_snapshot_frozen);
  ADD ("snapshot-undefined", test_snapshot_undefined);
#undef ADD
  g_test_add_func ("/core/annotations/snapshot-from-peer", test_snapshot_from_peer);
  return g_test_run ();
}
