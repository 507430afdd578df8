/* test-plans.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Reallocation Plans page of the real application on the demo
 * workspace: a plan built in the planner through its widgets, refused
 * while it does not balance, proposed once it does, approved by finance
 * only (the button is not there for marketing), applied, and then the
 * budget plan and the Timeline show the moved money; a scenario and the
 * comparison of the two. Screenshots of the list, the planner and the
 * comparison, wide and narrow, light and dark; with --persian, in
 * Persian. Needs a display (Xvfb in CI). */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/collab-fixture.h"
#include "sl-application.h"
#include "sl-collab.h"
#include "sl-demo.h"
#include "sl-plans-view.h"
#include "sl-realloc-scenario.h"
#include "sl-scenario-compare.h"
#include "sl-test-utils.h"
#include "sl-timeline.h"
#include "sl-tooltip.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"
#include "sl-window.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

#define DEMO_YEAR 2025
#define NOVEMBER 10   /* month indexes of the demo's fiscal year */
#define DECEMBER 11

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;
static gboolean persian;

static char *
write_demo (const char *name)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = DEMO_YEAR };
  char *path = g_build_filename (tmp_dir, name, NULL);

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static SlPlansView *
show_plans (void)
{
  g_autoptr(GPtrArray) views = NULL;

  sl_window_show_view (window, "plans");
  sl_ui_test_settle (200);
  views = sl_ui_test_find_all (GTK_WIDGET (window), SL_TYPE_PLANS_VIEW);
  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

static gint64
channel_id (SlWorkspace *ws,
            const char  *name)
{
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (ws));

  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);

      if (g_str_equal (sl_channel_get_name (channel), name))
        return sl_record_get_id (SL_RECORD (channel));
    }
  g_assert_not_reached ();
}

/* The place of @name among the planner's choices: the reserve, then the
 * channels in their store's order. */
static guint
channel_choice (SlWorkspace *ws,
                const char  *name)
{
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (ws));

  if (name == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);

      if (g_str_equal (sl_channel_get_name (channel), name))
        return i + 1;
    }
  g_assert_not_reached ();
}

static char *
format_usd (gint64 minor)
{
  SlMoney money;

  sl_money_init (&money, minor, "USD");
  return sl_money_format (&money, NULL);
}

/* Fills the planner's form and presses Add, as a user would. */
static void
add_move (SlPlanner  *planner,
          const char *from,
          guint       from_month,
          const char *to,
          guint       to_month,
          const char *amount)
{
  SlWorkspace *ws = sl_window_get_workspace (window);

  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_ui_test_get_named (planner, "from-channel")),
                              channel_choice (ws, from));
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_ui_test_get_named (planner, "from-month")), from_month);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_ui_test_get_named (planner, "to-channel")), channel_choice (ws, to));
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_ui_test_get_named (planner, "to-month")), to_month);
  gtk_editable_set_text (GTK_EDITABLE (sl_ui_test_get_named (planner, "amount")), amount);
  g_signal_emit_by_name (sl_ui_test_get_named (planner, "add-line"), "clicked");
  sl_ui_test_settle (100);
}

static gint64
plan_cell (SlWorkspace *ws,
           gint64       channel,
           int          month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (amount_minor), 0) FROM budget_line "
                                          "WHERE version = 'plan' AND campaign_id IS NULL AND is_reserve = 0 "
                                          "AND channel_id = %" G_GINT64_FORMAT " AND first_day = %d",
                                          channel, sl_day_from_ymd (DEMO_YEAR, month, 1));

  return sl_test_query_int64 (sl_workspace_get_database (ws), sql);
}

static SlTimeline *
engine_timeline (SlWorkspace *ws)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (ws));
  g_autoptr(GError) error = NULL;
  SlTimeline *timeline;
  SlPeriod year;

  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, DEMO_YEAR);
  timeline = sl_timeline_compute (metrics, &year, sl_day_from_ymd (DEMO_YEAR, 10, 16), 0, NULL, &error);
  g_assert_no_error (error);
  return timeline;
}

static gint64
timeline_plan (SlTimeline *timeline,
               guint       month)
{
  return sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, month)->plan_minor;
}

/* The balance says what the engine says: unbalanced (with the core's
 * own words) or balanced. */
static void
check_balance (SlPlanner *planner,
               gint64     plan_id,
               gboolean   balanced)
{
  SlWorkspace *ws = sl_window_get_workspace (window);
  GtkWidget *label = sl_ui_test_get_named (planner, "balance");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *in = NULL;
  SlReallocBalance balance;

  g_assert_true (sl_workspace_get_realloc_balance (ws, plan_id, &balance, &error));
  g_assert_no_error (error);
  out = format_usd (balance.out_minor);
  in = format_usd (balance.in_minor);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (planner, "out"))), ==, out);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (planner, "in"))), ==, in);
  g_assert_cmpint (sl_realloc_balance_check (&balance, "USD", &error), ==, balanced);
  g_assert_true (gtk_widget_has_css_class (label, balanced ? "success" : "error"));
  if (!balanced)
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, error->message);
}

static void
respond_to_decision (const char *note,
                     const char *response)
{
  GtkWindow *dialog = sl_ui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (sl_ui_test_get_named (dialog, "decision-note")), note);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  sl_ui_test_settle (200);
}

static const char *
status_of (SlWorkspace *ws,
           gint64       plan_id)
{
  return sl_realloc_plan_get_status (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (ws), plan_id));
}

/* Builds the plan through the planner's widgets up to proposing it. */
static gint64
build_and_propose (SlPlansView *view)
{
  SlWorkspace *ws = sl_window_get_workspace (window);
  SlPlanner *planner = sl_plans_view_get_planner (view);
  GtkWidget *error_label;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (view), "plans.new", NULL);
  sl_ui_test_settle (300);
  id = sl_planner_get_plan_id (planner);
  g_assert_cmpint (id, >, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (planner)));

  gtk_editable_set_text (GTK_EDITABLE (sl_ui_test_get_named (planner, "title")), "Events for the year end");
  g_signal_emit_by_name (sl_ui_test_get_named (planner, "title"), "apply");
  sl_ui_test_settle (100);
  g_assert_cmpstr (sl_realloc_plan_get_title (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (ws), id)),
                   ==, "Events for the year end");

  /* An amount that is not one is refused under the form, and kept. */
  add_move (planner, "Paid Search", NOVEMBER, "Events", DECEMBER, "2,500.5.0");
  error_label = sl_ui_test_get_named (planner, "line-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sl_ui_test_get_named (planner, "amount"))), ==, "2,500.5.0");
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws), "SELECT count(*) FROM realloc_line"), ==, 0);

  add_move (planner, "Paid Search", NOVEMBER, "Events", DECEMBER, "2500.50");
  g_assert_false (gtk_widget_get_visible (error_label));
  add_move (planner, NULL, NOVEMBER, "Paid Social", NOVEMBER, "1000");
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT sum (amount_minor) FROM realloc_line"), ==, 350050);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sl_ui_test_get_named (planner, "line-list")), 1));

  /* $1,000 comes from the reserve, which the plan does not declare. */
  check_balance (planner, id, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.propose", NULL);
  sl_ui_test_settle (100);
  g_assert_cmpstr (status_of (ws, id), ==, SL_REALLOC_DRAFT);
  g_assert_true (gtk_widget_get_visible (sl_ui_test_get_named (planner, "action-error")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (planner, "action-error"))), ==,
                   gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (planner, "balance"))));

  gtk_editable_set_text (GTK_EDITABLE (sl_ui_test_get_named (planner, "draw")), "1000");
  g_signal_emit_by_name (sl_ui_test_get_named (planner, "draw"), "apply");
  sl_ui_test_settle (100);
  check_balance (planner, id, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.propose", NULL);
  sl_ui_test_settle (100);
  g_assert_cmpstr (status_of (ws, id), ==, SL_REALLOC_PROPOSED);
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (planner, "action-error")));
  return id;
}

/* Applying moves the plan's money in the budget plan, and the Timeline
 * shows it in those months. */
static void
apply_and_check (SlPlanner *planner,
                 gint64     id)
{
  SlWorkspace *ws = sl_window_get_workspace (window);
  gint64 search = channel_id (ws, "Paid Search"), events = channel_id (ws, "Events");
  gint64 social = channel_id (ws, "Paid Social");
  gint64 search_nov = plan_cell (ws, search, 11), events_dec = plan_cell (ws, events, 12);
  gint64 social_nov = plan_cell (ws, social, 11);
  g_autoptr(SlTimeline) before = engine_timeline (ws);
  g_autoptr(SlTimeline) after = NULL;
  SlTimelineView *timeline_view;
  SlPeriod year;

  g_assert_true (gtk_widget_get_visible (sl_ui_test_get_named (planner, "apply")));
  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.apply", NULL);
  sl_ui_test_settle (200);
  g_assert_cmpstr (status_of (ws, id), ==, SL_REALLOC_APPLIED);
  g_assert_cmpint (plan_cell (ws, search, 11), ==, search_nov - 250050);
  g_assert_cmpint (plan_cell (ws, events, 12), ==, events_dec + 250050);
  g_assert_cmpint (plan_cell (ws, social, 11), ==, social_nov + 100000);
  after = engine_timeline (ws);
  g_assert_cmpint (timeline_plan (after, NOVEMBER) - timeline_plan (before, NOVEMBER), ==, -250050 + 100000);
  g_assert_cmpint (timeline_plan (after, DECEMBER) - timeline_plan (before, DECEMBER), ==, 250050);

  sl_window_show_view (window, "timeline");
  timeline_view = sl_window_get_timeline_view (window);
  sl_timeline_view_set_as_of (timeline_view, sl_day_from_ymd (DEMO_YEAR, 10, 16));
  sl_view_filter_set_scope (sl_window_get_view_filter (window), &SL_SCOPE_INIT_WORKSPACE);
  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, DEMO_YEAR);
  sl_view_filter_set_period (sl_window_get_view_filter (window), &year);
  sl_ui_test_settle (300);
  for (guint m = NOVEMBER; m <= DECEMBER; m++)
    {
      g_autofree char *want = format_usd (timeline_plan (after, m));
      g_autofree char *old = format_usd (timeline_plan (before, m));

      g_assert_cmpstr (sl_timeline_view_get_cell_text (timeline_view, 0, m), ==, want);
      g_assert_cmpstr (sl_timeline_view_get_cell_text (timeline_view, 0, m), !=, old);
    }

  /* Undo takes the application back. */
  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (ws), NULL));
  g_assert_cmpstr (status_of (ws, id), ==, SL_REALLOC_APPROVED);
  g_assert_cmpint (plan_cell (ws, search, 11), ==, search_nov);
}

static void
test_planner (void)
{
  g_autofree char *path = write_demo ("flow.sunlight");
  SlPlansView *view;
  SlPlanner *planner;
  SlWorkspace *ws;
  GtkListBoxRow *row;
  gint64 id;

  window = sl_ui_test_open_window (app, window, path, 1280);
  ws = sl_window_get_workspace (window);
  view = show_plans ();
  planner = sl_plans_view_get_planner (view);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sl_plans_view_get_list (view)), 0));
  id = build_and_propose (view);

  /* Marketing has no Approve button; finance does, and records a note. */
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (planner, "approve")));
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (planner, "reject")));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  sl_ui_test_settle (100);
  g_assert_true (gtk_widget_get_visible (sl_ui_test_get_named (planner, "approve")));
  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.approve", NULL);
  sl_ui_test_settle (200);
  respond_to_decision ("Fine for the year end", "approve");
  g_assert_cmpstr (status_of (ws, id), ==, SL_REALLOC_APPROVED);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM decision WHERE verdict = 'approve' "
                                        "AND note = 'Fine for the year end'"), ==, 1);
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (planner, "approve")));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sl_ui_test_get_named (planner, "decisions")), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Fine for the year end");
  sl_workspace_set_user_role (ws, SL_USER_ROLE_MARKETING);

  apply_and_check (planner, id);
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  sl_ui_test_settle (100);
}

/* The comparison shows the engine's figures for each plan of a group. */
static void
check_compare (SlScenarioCompare *compare,
               SlWorkspace       *ws,
               const char        *group)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (ws));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = sl_realloc_compare_scenarios (metrics, group, SL_CALENDAR_GREGORIAN, 1,
                                                         sl_workspace_get_last_actual_day (ws) + 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, sl_scenario_compare_get_n_plans (compare));
  for (guint i = 0; i < rows->len; i++)
    {
      const SlScenarioRow *row = &g_array_index (rows, SlScenarioRow, i);
      g_autofree char *moved = format_usd (row->moved_minor);
      g_autofree char *left = format_usd (row->reserve_left_minor);
      g_autofree char *leads = sl_metric_value_format (&row->effect.leads, NULL);
      g_autofree char *revenue = sl_metric_value_format (&row->effect.revenue, NULL);

      g_assert_cmpstr (sl_scenario_compare_get_text (compare, i, SL_SCENARIO_FIELD_TITLE), ==, row->title);
      g_assert_cmpstr (sl_scenario_compare_get_text (compare, i, SL_SCENARIO_FIELD_MOVED), ==, moved);
      g_assert_cmpstr (sl_scenario_compare_get_text (compare, i, SL_SCENARIO_FIELD_LEFT), ==, left);
      g_assert_cmpstr (sl_scenario_compare_get_text (compare, i, SL_SCENARIO_FIELD_LEADS), ==, leads);
      g_assert_cmpstr (sl_scenario_compare_get_text (compare, i, SL_SCENARIO_FIELD_REVENUE), ==, revenue);
    }
}

static void
test_scenarios (void)
{
  g_autofree char *path = write_demo ("scenarios.sunlight");
  SlScenarioCompare *compare;
  SlPlansView *view;
  SlPlanner *planner;
  SlWorkspace *ws;
  gint64 first, second;

  window = sl_ui_test_open_window (app, window, path, 1280);
  ws = sl_window_get_workspace (window);
  view = show_plans ();
  planner = sl_plans_view_get_planner (view);
  first = build_and_propose (view);

  /* A plan in no group cannot be compared; its copy starts a group. */
  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.compare", NULL);
  sl_ui_test_settle (100);
  g_assert_null (sl_ui_test_find_window (SL_TYPE_SCENARIO_COMPARE));
  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.duplicate", NULL);
  sl_ui_test_settle (200);
  second = sl_planner_get_plan_id (planner);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpstr (status_of (ws, second), ==, SL_REALLOC_DRAFT);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM realloc_plan WHERE scenario_group = "
                                        "'Events for the year end'"), ==, 2);
  /* The copy changes on its own: half the move. */
  add_move (planner, "Paid Search", NOVEMBER, "Display", DECEMBER, "300");

  gtk_widget_activate_action (GTK_WIDGET (planner), "planner.compare", NULL);
  sl_ui_test_settle (300);
  compare = SL_SCENARIO_COMPARE (sl_ui_test_find_window (SL_TYPE_SCENARIO_COMPARE));
  g_assert_nonnull (compare);
  g_assert_cmpuint (sl_scenario_compare_get_n_plans (compare), ==, 2);
  check_compare (compare, ws, "Events for the year end");
  g_assert_cmpstr (sl_scenario_compare_get_text (compare, 0, SL_SCENARIO_FIELD_MOVED), !=,
                   sl_scenario_compare_get_text (compare, 1, SL_SCENARIO_FIELD_MOVED));
  gtk_window_destroy (GTK_WINDOW (compare));

  /* A viewer reads the draft but changes nothing. */
  g_assert_true (gtk_widget_is_visible (sl_ui_test_get_named (planner, "add-line")));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_VIEWER);
  sl_ui_test_settle (100);
  g_assert_false (gtk_widget_is_visible (sl_ui_test_get_named (planner, "add-line")));
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (planner, "propose")));
  g_assert_false (gtk_widget_get_visible (sl_ui_test_get_named (planner, "delete")));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_MARKETING);
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  sl_ui_test_settle (100);
}

/* DOMAIN.md's example has no figures for Events: moving money there
 * forecasts "—", and the planner says why. */
static void
test_undefined_forecast (void)
{
  g_autoptr(SlWorkspace) made = sl_test_workspace_new (tmp_dir, "domain.sunlight");
  SlReallocLineSpec line = { 1, sl_day_from_ymd (2025, 3, 1), 3, sl_day_from_ymd (2025, 3, 1), 500000 };
  SlReallocPlanSpec spec = { "Try events", NULL, NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *path = NULL;
  const char *notes;
  SlPlansView *view;
  SlPlanner *planner;
  gint64 id = 0;
  guint dashes = 0;

  collab_import_domain_example (made, tmp_dir);
  g_assert_true (sl_workspace_create_realloc_plan (made, &spec, &line, 1, &id, &error));
  g_assert_no_error (error);
  path = g_strdup (sl_workspace_get_path (made));
  g_clear_object (&made);

  window = sl_ui_test_open_window (app, window, path, 1280);
  view = show_plans ();
  planner = sl_plans_view_get_planner (view);
  sl_planner_set_as_of (planner, sl_day_from_ymd (2025, 4, 1));
  sl_plans_view_open_plan (view, id);
  sl_ui_test_settle (300);
  labels = sl_ui_test_find_all (sl_ui_test_get_named (planner, "forecast"), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_label (labels->pdata[i]), "—"))
      {
        g_assert_cmpstr (sl_tooltip_get_text (labels->pdata[i]), ==, "no spend");
        dashes++;
      }
  /* Events' three figures and the total's three. */
  g_assert_cmpuint (dashes, ==, 6);
  notes = gtk_label_get_label (GTK_LABEL (sl_ui_test_get_named (planner, "forecast-notes")));
  g_assert_true (gtk_widget_get_visible (sl_ui_test_get_named (planner, "forecast-notes")));
  g_assert_nonnull (strstr (notes, "Events"));
  g_assert_nonnull (strstr (notes, "no spend"));
  g_assert_null (strstr (notes, "Search"));
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  sl_ui_test_settle (100);
}

/* Plans in every status, for the screenshots, through the core. */
static void
make_plans (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (path, &error);
  SlDay nov = sl_day_from_ymd (DEMO_YEAR, 11, 1), dec = sl_day_from_ymd (DEMO_YEAR, 12, 1);
  SlReallocLineSpec shift[] = {
    { 1, nov, 6, dec, 500000 },
    { 0, nov, 2, nov, 150000 },
  };
  SlReallocLineSpec social[] = { { 3, nov, 2, nov, 400000 } };
  SlReallocLineSpec email[] = { { 4, dec, 5, dec, 120000 } };
  SlReallocPlanSpec spec = { "Year-end events push", "Events close deals in December; search is saturated.",
                             "Q4 options", 0, 150000 };
  gint64 id = 0, other = 0;

  g_assert_no_error (error);
  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, shift, G_N_ELEMENTS (shift), &id, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (ws, id, &error));
  spec = (SlReallocPlanSpec) { "Display into social", "Social converts better than display.", NULL, 0, 0 };
  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, social, 1, &other, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (ws, other, &error));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  g_assert_true (sl_workspace_approve_realloc_plan (ws, other, "Go ahead", &error));
  spec = (SlReallocPlanSpec) { "Email into content", NULL, NULL, 0, 0 };
  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, email, 1, &other, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (ws, other, &error));
  g_assert_true (sl_workspace_reject_realloc_plan (ws, other, "Content is planned already", &error));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_MARKETING);
  g_assert_true (sl_workspace_duplicate_realloc_plan (ws, id, "Smaller events push", &other, &error));
  g_assert_true (sl_workspace_remove_realloc_line (ws, sl_test_query_int64 (sl_workspace_get_database (ws),
                   "SELECT max (id) FROM realloc_line"), &error));
  g_assert_true (sl_workspace_set_realloc_reserve_draw (ws, other, 0, &error));
  g_assert_no_error (error);
}

/* Scrolls the planner's page to its end. */
static void
scroll_to_end (SlPlanner *planner)
{
  g_autoptr(GPtrArray) scrollers = sl_ui_test_find_all (GTK_WIDGET (planner), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_cmpuint (scrollers->len, >, 0);
  adjustment = gtk_scrolled_window_get_vadjustment (scrollers->pdata[0]);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
take_shots (SlPlansView *view,
            gint64       draft_id,
            gboolean     wide)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      GtkWidget *compare;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      sl_plans_view_open_plan (view, 0);
      sl_ui_test_settle (500);
      sl_ui_test_save_shot (GTK_WIDGET (window), "plans", wide, dark, persian);
      sl_plans_view_open_plan (view, draft_id);
      sl_ui_test_settle (500);
      sl_ui_test_save_shot (GTK_WIDGET (window), "planner", wide, dark, persian);
      scroll_to_end (sl_plans_view_get_planner (view));
      sl_ui_test_settle (200);
      sl_ui_test_save_shot (GTK_WIDGET (window), "planner-end", wide, dark, persian);
      gtk_widget_activate_action (GTK_WIDGET (sl_plans_view_get_planner (view)), "planner.compare", NULL);
      sl_ui_test_settle (300);
      compare = GTK_WIDGET (sl_ui_test_find_window (SL_TYPE_SCENARIO_COMPARE));
      g_assert_nonnull (compare);
      gtk_window_set_default_size (GTK_WINDOW (compare), wide ? 720 : 360, wide ? 440 : 600);
      sl_ui_test_settle (300);
      sl_ui_test_save_shot (compare, "compare", wide, dark, persian);
      gtk_window_destroy (GTK_WINDOW (compare));
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  g_autofree char *path = write_demo (persian ? "shots-fa.sunlight" : "shots.sunlight");
  gint64 draft_id;

  make_plans (path);
  for (guint wide = 0; wide < 2; wide++)
    {
      SlPlansView *view;

      window = sl_ui_test_open_window (app, window, path, wide ? 1280 : 360);
      view = show_plans ();
      draft_id = sl_test_query_int64 (sl_workspace_get_database (sl_window_get_workspace (window)),
                                      "SELECT max (id) FROM realloc_plan");
      g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sl_plans_view_get_list (view)), 3));
      take_shots (view, draft_id, wide);
    }
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
    {
      g_test_add_func ("/ui/plans/planner", test_planner);
      g_test_add_func ("/ui/plans/scenarios", test_scenarios);
      g_test_add_func ("/ui/plans/undefined-forecast", test_undefined_forecast);
    }
  g_test_add_func ("/ui/plans/screenshots", test_screenshots);
  status = g_test_run ();

  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
