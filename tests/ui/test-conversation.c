/* test-conversation.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The conversation with finance from end to end, in the real window on
 * the demo workspace, as its users work it: marketing writes a loss with
 * its plan in the annotation editor and proposes the plan; finance
 * approves it in the review meeting (F5's mode, its agenda and the
 * discussion); marketing applies it; the Timeline then shows the moved
 * money, as the engine computes it. */

#include "config.h"

#include <locale.h>

#include "sl-annotation-editor.h"
#include "sl-discussion.h"
#include "sl-notes-view.h"
#include "sl-plans-view.h"
#include "sl-planner.h"
#include "sl-review.h"
#include "sl-test-utils.h"
#include "sl-timeline.h"
#include "sl-timeline-view.h"
#include "sl-workspace-annotations.h"
#include "sl-ui-test-utils.h"
#include "sl-window.h"
#include "sl-workspace-realloc.h"
#include "test-notes-utils.h"

#define YEAR 2025

static void
set_user (const char *name,
          const char *role)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.sunlightapp.Sunlight");

  g_settings_set_string (settings, "author-name", name);
  g_settings_set_string (settings, "user-role", role);
  sl_ui_test_settle (100);
}

/* The Timeline of the demo year as the engine computes it now, on a
 * connection of its own. */
static SlTimeline *
engine_timeline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (notes_test.path, &error);
  g_autoptr(SlMetrics) metrics = NULL;
  SlTimeline *timeline;
  SlPeriod year;

  g_assert_no_error (error);
  metrics = sl_metrics_new (sl_workspace_get_database (ws));
  sl_workspace_get_fiscal_year (ws, sl_day_from_ymd (YEAR, 6, 1), &year);
  timeline = sl_timeline_compute (metrics, &year, sl_day_from_ymd (YEAR, 10, 16), 0, NULL, &error);
  g_assert_no_error (error);
  return timeline;
}

/* The plan amount of the Timeline's month @month, as the engine has it. */
static gint64
engine_plan (int month)
{
  g_autoptr(SlTimeline) timeline = engine_timeline ();

  return sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, month)->plan_minor;
}

static gint64
channel_plan (gint64 channel_id,
              int    month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (sum (amount_minor), 0) FROM budget_line "
                                          "WHERE version = 'plan' AND channel_id = %" G_GINT64_FORMAT
                                          " AND first_day = %d",
                                          channel_id, sl_day_from_ymd (YEAR, month, 1));

  return notes_test_query (sql);
}

/* Marketing: a loss in the editor, with a plan moving $1,500 of the
 * first channel's July budget to the second channel's August; returns
 * the plan's id. */
static gint64
write_loss (void)
{
  SlAnnotationEditor *editor;
  GtkWidget *view;

  notes_test_show_page (notes_test.window, "notes");
  view = notes_test_find_view (SL_TYPE_NOTES_VIEW);
  editor = SL_ANNOTATION_EDITOR (notes_test_open_dialog (view, "notes.new", 0, SL_TYPE_ANNOTATION_EDITOR));
  sl_annotation_editor_set_kind (editor, SL_ANNOTATION_LOSS);
  notes_test_set_text (sl_annotation_editor_get_field (editor, "title"), "Search leads do not close");
  notes_test_set_text (sl_annotation_editor_get_field (editor, "next-steps"), "Move July money to social");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "from")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "to")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "from-month")), 6);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "to-month")), 7);
  notes_test_set_text (sl_annotation_editor_get_line_field (editor, 0, "amount"), "1,500");
  notes_test_click (sl_annotation_editor_get_field (editor, "save"));
  g_assert_null (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR));

  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM annotation WHERE kind = 'loss' AND author = 'Mira'"), ==, 1);
  g_assert_cmpint (notes_test_query ("SELECT amount_minor FROM realloc_line"), ==, 150000);
  g_assert_cmpint (notes_test_query ("SELECT to_first_day FROM realloc_line"), ==, sl_day_from_ymd (YEAR, 8, 1));
  return notes_test_query ("SELECT plan_id FROM annotation WHERE kind = 'loss'");
}

/* Marketing proposes the plan from the Reallocation Plans page. */
static void
propose (gint64 plan_id)
{
  SlPlansView *view;
  SlPlanner *planner;

  notes_test_show_page (notes_test.window, "plans");
  view = SL_PLANS_VIEW (notes_test_find_view (SL_TYPE_PLANS_VIEW));
  sl_plans_view_open_plan (view, plan_id);
  sl_ui_test_settle (200);
  planner = sl_plans_view_get_planner (view);
  g_assert_cmpint (sl_planner_get_plan_id (planner), ==, plan_id);
  /* Marketing is offered no approval. */
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (GTK_WIDGET (planner), "approve")));
  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.propose", NULL);
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_realloc_plan_get_status (sl_realloc_plan_store_lookup (
                     sl_workspace_get_realloc_plans (notes_test_workspace ()), plan_id)), ==, SL_REALLOC_PROPOSED);
}

/* Finance, in the review meeting: to the plan on the agenda, approved
 * with a note in the discussion; Escape ends the meeting. */
static void
approve_in_review (gint64 plan_id)
{
  g_autofree char *target = NULL;
  SlReview *review;
  SlDiscussion *discussion = NULL;
  guint n;

  target = g_strdup_printf ("plan:%s", sl_record_get_uuid (SL_RECORD (sl_realloc_plan_store_lookup (
                              sl_workspace_get_realloc_plans (notes_test_workspace ()), plan_id))));
  gtk_widget_activate_action (GTK_WIDGET (notes_test.window), "win.review", NULL);
  sl_ui_test_settle (300);
  g_assert_true (sl_window_get_reviewing (notes_test.window));
  review = sl_window_get_review (notes_test.window);
  n = sl_review_get_n_items (review);
  for (guint i = 0; i < n && discussion == NULL; i++)
    if (g_strcmp0 (sl_review_get_item_target (review, i), target) == 0)
      {
        sl_review_go_to (review, i);
        sl_ui_test_settle (200);
        discussion = sl_review_get_discussion (review);
      }
  g_assert_nonnull (discussion);
  g_assert_cmpstr (sl_discussion_get_target (discussion), ==, target);
  g_assert_true (sl_discussion_get_can_decide (discussion));

  gtk_editable_set_text (GTK_EDITABLE (sl_ui_test_get_named (GTK_WIDGET (discussion), "decision-note")),
                         "Yes, for July");
  g_signal_emit_by_name (sl_ui_test_get_named (GTK_WIDGET (discussion), "decision-approve"), "clicked");
  sl_ui_test_settle (200);
  g_assert_false (sl_discussion_get_can_decide (discussion));

  gtk_widget_activate_action (GTK_WIDGET (notes_test.window), "win.review", NULL);
  sl_ui_test_settle (500);
  g_assert_false (sl_window_get_reviewing (notes_test.window));
}

static void
test_loss_to_timeline (void)
{
  gint64 from = 1, to = 2, plan_id;
  gint64 from_before, to_before, july_before, august_before;
  SlTimelineView *timeline_view;
  SlPlansView *plans;
  g_autofree char *decision = NULL;

  set_user ("Mira", "marketing");
  notes_test.window = notes_test_open_window (notes_test.app, notes_test.window, notes_test.path, 1280, 800);
  from_before = channel_plan (from, 7);
  to_before = channel_plan (to, 8);
  july_before = engine_plan (6);
  august_before = engine_plan (7);

  plan_id = write_loss ();
  propose (plan_id);

  set_user ("Fiona", "finance");
  approve_in_review (plan_id);
  decision = g_strdup_printf ("SELECT count(*) FROM decision WHERE verdict = 'approve' AND author = 'Fiona' "
                              "AND note = 'Yes, for July' AND meeting_day = %d", sl_day_today ());
  g_assert_cmpint (notes_test_query (decision), ==, 1);

  /* Marketing applies the approved plan. */
  set_user ("Mira", "marketing");
  notes_test_show_page (notes_test.window, "plans");
  plans = SL_PLANS_VIEW (notes_test_find_view (SL_TYPE_PLANS_VIEW));
  sl_plans_view_open_plan (plans, plan_id);
  sl_ui_test_settle (200);
  gtk_widget_activate_action (GTK_WIDGET (sl_plans_view_get_planner (plans)), "planner.apply", NULL);
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_realloc_plan_get_status (sl_realloc_plan_store_lookup (
                     sl_workspace_get_realloc_plans (notes_test_workspace ()), plan_id)), ==, SL_REALLOC_APPLIED);

  /* The money moved in the budget plan: out of July, into August. */
  g_assert_cmpint (channel_plan (from, 7), ==, from_before - 150000);
  g_assert_cmpint (channel_plan (to, 8), ==, to_before + 150000);
  g_assert_cmpint (engine_plan (6), ==, july_before - 150000);
  g_assert_cmpint (engine_plan (7), ==, august_before + 150000);

  /* The Timeline's months show the plan as the engine now has it: July
   * down, August up. */
  notes_test_show_page (notes_test.window, "timeline");
  timeline_view = sl_window_get_timeline_view (notes_test.window);
  sl_timeline_view_set_as_of (timeline_view, sl_day_from_ymd (YEAR, 10, 16));
  sl_ui_test_settle (300);
  {
    g_autoptr(SlTimeline) timeline = engine_timeline ();

    for (guint m = 0; m < 12; m++)
      {
        g_autofree char *want = sl_money_format (&(SlMoney) { sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m)->plan_minor, "USD" }, NULL);

        g_assert_cmpstr (sl_timeline_view_get_cell_text (timeline_view, 0, m), ==, want);
      }
    {
      g_autofree char *old_july = sl_money_format (&(SlMoney) { july_before, "USD" }, NULL);

      g_assert_cmpstr (sl_timeline_view_get_cell_text (timeline_view, 0, 6), !=, old_july);
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  notes_test_setup ();
  g_test_add_func ("/ui/conversation/loss-to-timeline", test_loss_to_timeline);
  return notes_test_teardown (g_test_run ());
}
