/* test-review.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review meeting of the real application (and, in test-history.c,
 * the History page), the way a finance user
 * holds it: F5's action puts the agenda full screen, keys step it to
 * the proposed plan, a comment and an approval with a note are written
 * through the plan's discussion, Escape leaves; the decision is stored
 * with the meeting's day and the plan is approved. As marketing there is
 * no Approve; roles set in Preferences › You apply at once. Needs a
 * display (Xvfb in CI). */

#include "config.h"

#include <locale.h>

#include "sl-decision.h"
#include "sl-preferences-window.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"
#include "test-review.h"

#define YEAR 2025

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;

SlApplication *
review_get_app (void)
{
  return app;
}

SlWindow *
review_open_window (const char *path,
                    int         width,
                    int         height)
{
  GSettings *settings = sl_application_get_settings (app);

  /* The fiscal year holding the plan, not what the last window showed. */
  g_settings_set_string (settings, "period", "");
  g_settings_set_string (settings, "scope", "");
  window = sl_ui_test_open_window (app, window, path, width);
  if (height != gtk_widget_get_height (GTK_WIDGET (window)))
    {
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      sl_ui_test_settle (300);
    }
  return window;
}

/* Presses @keyval on @widget's key controller, as the keyboard does. */
void
review_key (GtkWidget       *widget,
            guint            keyval,
            GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      g_assert_true (handled);
      sl_ui_test_settle (50);
      return;
    }
  g_assert_not_reached ();
}

static char *
write_workspace (const char *name,
                 ReviewData *data)
{
  g_autoptr(SlWorkspace) ws = sl_test_workspace_new (tmp_dir, name);

  review_data_fill (ws, YEAR, FALSE, data);
  return g_strdup (sl_workspace_get_path (ws));
}

static void
set_user (const char *name,
          const char *role)
{
  GSettings *settings = sl_application_get_settings (app);

  g_settings_set_string (settings, "author-name", name);
  g_settings_set_string (settings, "user-role", role);
}

/* The decision row of @target, read from the file by a connection of
 * our own: verdict|note|author|meeting day. */
static char *
stored_decision (const char *path,
                 const char *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (path, &error);
  g_autoptr(SlDecisionStore) decisions = NULL;
  g_autoptr(SlDecision) decision = NULL;

  g_assert_no_error (error);
  decisions = sl_workspace_dup_decisions (ws, target);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (decisions)), ==, 1);
  decision = g_list_model_get_item (G_LIST_MODEL (decisions), 0);
  return g_strdup_printf ("%s|%s|%s|%d", sl_decision_get_verdict (decision), sl_decision_get_note (decision),
                          sl_decision_get_author (decision), sl_decision_get_meeting_day (decision));
}

static const char *
stored_plan_status (const char *path,
                    gint64      plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (path, &error);
  SlReallocPlan *plan;

  g_assert_no_error (error);
  plan = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (ws), plan_id);
  g_assert_nonnull (plan);
  return g_intern_string (sl_realloc_plan_get_status (plan));
}

static void
assert_position (SlReview   *review,
                 guint       position,
                 const char *label)
{
  GtkWidget *header = sl_ui_test_get_named (GTK_WIDGET (review), "review-position");

  g_assert_cmpuint (sl_review_get_position (review), ==, position);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, label);
}

/* Ctrl+Enter in the comment sends it: a capture-phase shortcut, before
 * the text view takes Return for a new line. */
static void
assert_sends_on_ctrl_enter (GtkWidget *text_view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text_view);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (strstr (trigger, "<Control>Return") != NULL && strstr (action, "discussion.send") != NULL)
            found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_finance_approves_in_review (void)
{
  ReviewData data = { 0 };
  g_autofree char *path = write_workspace ("finance.sunlight", &data);
  g_autofree char *decision = NULL;
  g_autofree char *want = NULL;
  SlWorkspace *ws;
  SlReview *review;
  SlDiscussion *discussion;
  GtkWidget *text_view, *note, *approve;

  set_user ("Fiona", "finance");
  review_open_window (path, 1280, 800);
  ws = sl_window_get_workspace (window);
  g_assert_cmpint (sl_workspace_get_user_role (ws), ==, SL_USER_ROLE_FINANCE);
  g_assert_cmpstr (sl_workspace_get_author (ws), ==, "Fiona");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  sl_ui_test_settle (200);
  g_assert_true (sl_window_get_reviewing (window));
  review = sl_window_get_review (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (review)));
  /* The KPIs, then the one plan awaiting decision. */
  g_assert_cmpuint (sl_review_get_n_items (review), ==, 2);
  assert_position (review, 0, "1 of 2");
  g_assert_null (sl_review_get_discussion (review));

  /* The keys of a meeting: forward, back, a number, the ends. */
  review_key (GTK_WIDGET (review), GDK_KEY_Page_Down, 0);
  assert_position (review, 1, "2 of 2");
  review_key (GTK_WIDGET (review), GDK_KEY_Left, 0);
  assert_position (review, 0, "1 of 2");
  review_key (GTK_WIDGET (review), GDK_KEY_2, 0);
  assert_position (review, 1, "2 of 2");
  review_key (GTK_WIDGET (review), GDK_KEY_Home, 0);
  assert_position (review, 0, "1 of 2");
  review_key (GTK_WIDGET (review), GDK_KEY_space, 0);
  assert_position (review, 1, "2 of 2");
  /* Past the end stays at the end. */
  review_key (GTK_WIDGET (review), GDK_KEY_Right, 0);
  assert_position (review, 1, "2 of 2");
  g_assert_cmpstr (sl_review_get_item_target (review, 1), ==, data.plan_target);

  discussion = sl_review_get_discussion (review);
  g_assert_nonnull (discussion);
  g_assert_cmpstr (sl_discussion_get_target (discussion), ==, data.plan_target);
  g_assert_true (sl_discussion_get_can_decide (discussion));
  approve = sl_ui_test_get_named (GTK_WIDGET (discussion), "decision-approve");
  g_assert_true (gtk_widget_get_mapped (approve));

  /* A comment, sent with Ctrl+Enter. */
  text_view = sl_ui_test_get_named (GTK_WIDGET (discussion), "comment-entry");
  assert_sends_on_ctrl_enter (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "Why not Events?", -1);
  review_key (GTK_WIDGET (review), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_cmpuint (sl_discussion_get_n_entries (discussion), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM comment WHERE body = 'Why not Events?' AND author = 'Fiona'"),
                   ==, 1);

  /* Approved with a note. */
  note = sl_ui_test_get_named (GTK_WIDGET (discussion), "decision-note");
  gtk_editable_set_text (GTK_EDITABLE (note), "For March only");
  g_signal_emit_by_name (approve, "clicked");
  sl_ui_test_settle (100);
  g_assert_cmpuint (sl_discussion_get_n_entries (discussion), ==, 2);
  g_assert_false (sl_discussion_get_can_decide (discussion));
  g_assert_false (gtk_widget_get_mapped (approve));

  review_key (GTK_WIDGET (review), GDK_KEY_Escape, 0);
  /* After the cross-fade. */
  sl_ui_test_settle (500);
  g_assert_false (sl_window_get_reviewing (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (review)));

  /* In the file: the decision of the meeting's day, the plan approved. */
  decision = stored_decision (path, data.plan_target);
  want = g_strdup_printf ("approve|For March only|Fiona|%d", sl_day_today ());
  g_assert_cmpstr (decision, ==, want);
  g_assert_cmpstr (stored_plan_status (path, data.plan_id), ==, SL_REALLOC_APPROVED);
  review_data_clear (&data);
}

static void
test_roles (void)
{
  ReviewData data = { 0 };
  g_autofree char *path = write_workspace ("roles.sunlight", &data);
  SlReview *review;
  SlDiscussion *discussion;
  GtkWidget *approve, *text_view, *read_only;

  set_user ("Mark", "marketing");
  review_open_window (path, 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  sl_ui_test_settle (200);
  review = sl_window_get_review (window);
  review_key (GTK_WIDGET (review), GDK_KEY_End, 0);
  discussion = sl_review_get_discussion (review);
  g_assert_nonnull (discussion);
  approve = sl_ui_test_get_named (GTK_WIDGET (discussion), "decision-approve");
  text_view = sl_ui_test_get_named (GTK_WIDGET (discussion), "comment-entry");
  read_only = sl_ui_test_get_named (GTK_WIDGET (discussion), "discussion-read-only");

  /* Marketing comments but does not decide. */
  g_assert_false (sl_discussion_get_can_decide (discussion));
  g_assert_false (gtk_widget_get_mapped (approve));
  g_assert_true (gtk_widget_get_mapped (text_view));
  /* Nor does its action, reached another way. */
  gtk_widget_activate_action (GTK_WIDGET (discussion), "discussion.approve", NULL);
  g_assert_cmpuint (sl_discussion_get_n_entries (discussion), ==, 0);

  /* The settings change the role at once, without leaving the meeting. */
  set_user ("Mark", "finance");
  sl_ui_test_settle (100);
  g_assert_true (gtk_widget_get_mapped (approve));
  set_user ("Mark", "viewer");
  sl_ui_test_settle (100);
  g_assert_false (gtk_widget_get_mapped (approve));
  g_assert_false (gtk_widget_get_mapped (text_view));
  g_assert_true (gtk_widget_get_mapped (read_only));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  sl_ui_test_settle (100);
  g_assert_false (sl_window_get_reviewing (window));
  g_assert_cmpstr (stored_plan_status (path, data.plan_id), ==, SL_REALLOC_PROPOSED);
  review_data_clear (&data);
}

/* Preferences › You writes the settings, and the workspace follows. */
static void
test_preferences_you (void)
{
  ReviewData data = { 0 };
  g_autofree char *path = write_workspace ("you.sunlight", &data);
  GSettings *settings = sl_application_get_settings (app);
  g_autofree char *role = NULL;
  g_autofree char *name = NULL;
  GtkWidget *preferences = NULL;
  GtkWidget *role_row, *name_row;
  GList *toplevels;

  set_user ("", "marketing");
  review_open_window (path, 1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  sl_ui_test_settle (200);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SL_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (preferences);

  role_row = sl_ui_test_get_named (preferences, "you-role");
  name_row = sl_ui_test_get_named (preferences, "you-name");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (role_row)), ==, 0);
  /* An empty setting: the account's name. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                   sl_workspace_get_author (sl_window_get_workspace (window)));

  adw_combo_row_set_selected (ADW_COMBO_ROW (role_row), 1);
  role = g_settings_get_string (settings, "user-role");
  g_assert_cmpstr (role, ==, "finance");
  g_assert_cmpint (sl_workspace_get_user_role (sl_window_get_workspace (window)), ==, SL_USER_ROLE_FINANCE);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Fiona Ng ");
  g_signal_emit_by_name (name_row, "apply");
  name = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (name, ==, "Fiona Ng");
  g_assert_cmpstr (sl_workspace_get_author (sl_window_get_workspace (window)), ==, "Fiona Ng");

  gtk_window_destroy (GTK_WINDOW (preferences));
  sl_ui_test_settle (100);
  review_data_clear (&data);
}

/* F5 starts the meeting, and the shortcuts window lists its keys. */
static void
test_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/sunlightapp/Sunlight/ui/sl-shortcuts-window.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) items = sl_ui_test_find_all (shortcuts, GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.review");
  gboolean review = FALSE, send = FALSE;

  g_assert_true (g_strv_contains ((const char * const *)accels, "F5"));
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (items->pdata[i], "action-name", &name, "accelerator", &accelerator, NULL);
      review |= g_strcmp0 (name, "win.review") == 0;
      send |= g_strcmp0 (accelerator, "<Control>Return") == 0;
    }
  g_assert_true (review);
  g_assert_true (send);
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

int
main (int   argc,
      char *argv[])
{
  gboolean persian;
  int status;

  setlocale (LC_ALL, "");
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
  g_assert_nonnull (sl_application_get_settings (app));

  g_test_add_func ("/ui/review/finance-approves", test_finance_approves_in_review);
  g_test_add_func ("/ui/review/roles", test_roles);
  g_test_add_func ("/ui/review/preferences-you", test_preferences_you);
  g_test_add_func ("/ui/review/shortcuts", test_shortcuts);
  review_shots_add_tests ();
  history_add_tests ();
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
