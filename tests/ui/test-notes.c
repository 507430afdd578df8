/* test-notes.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Wins & Losses page and the annotation editor of the real window on
 * the demo workspace: a win and a loss with its plan written through the
 * editor, as a user fills it; a loss without a move refused, saying why,
 * with nothing written; the figures an annotation cites are the engine's
 * when it was written; an annotation by someone else opens read-only; an
 * experiment's outcome recorded later; the Timeline marks annotations in
 * their month. Also the Goals page (test-notes-goals.c), and screenshots
 * of both pages and the dialogs. Needs a display (Xvfb in CI). */

#include "config.h"

#include <locale.h>

#include "sl-annotation-editor.h"
#include "sl-annotation-snapshot.h"
#include "sl-goal-dialog.h"
#include "sl-goals-view.h"
#include "sl-notes-view.h"
#include "sl-range-chooser.h"
#include "sl-test-utils.h"
#include "sl-timeline-chart.h"
#include "sl-ui-test-utils.h"
#include "sl-workspace-annotations.h"
#include "test-notes-utils.h"

#define JUNE_FIRST sl_day_from_ymd (2025, 6, 1)
#define JUNE_LAST  sl_day_from_ymd (2025, 6, 30)

static SlNotesView *
show_notes (void)
{
  notes_test_show_page (notes_test.window, "notes");
  return SL_NOTES_VIEW (notes_test_find_view (SL_TYPE_NOTES_VIEW));
}

static void
filter_month (SlDay day)
{
  SlViewFilter *filter = sl_window_get_view_filter (notes_test.window);
  SlPeriod month;

  sl_period_init (&month, SL_PERIOD_MONTH, sl_workspace_get_calendar (notes_test_workspace ()),
                  sl_workspace_get_fiscal_start_month (notes_test_workspace ()), day);
  sl_view_filter_set_period (filter, &month);
}

/* June 2025 of the first channel, in the header bar's filter. */
static void
filter_june_channel_1 (void)
{
  SlViewFilter *filter = sl_window_get_view_filter (notes_test.window);

  filter_month (sl_day_from_ymd (2025, 6, 15));
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CHANNEL (1));
  sl_ui_test_settle (200);
}

static SlAnnotationEditor *
open_editor (SlNotesView *view,
             const char  *action,
             gint64       id)
{
  return SL_ANNOTATION_EDITOR (notes_test_open_dialog (GTK_WIDGET (view), action, id, SL_TYPE_ANNOTATION_EDITOR));
}

static GtkWidget *
field (SlAnnotationEditor *editor,
       const char         *name)
{
  GtkWidget *widget = sl_annotation_editor_get_field (editor, name);

  g_assert_nonnull (widget);
  return widget;
}

/* Every figure of channel 1 in June, as the engine has it now, on a
 * connection of our own. */
static GArray *
engine_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (notes_test.path, &error);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (ws));
  GArray *values = g_array_new (FALSE, TRUE, sizeof (SlMetricValue));
  const SlMetric *shown;
  guint n;
  SlPeriod june;

  g_assert_no_error (error);
  g_assert_true (sl_period_init_custom (&june, SL_CALENDAR_GREGORIAN, JUNE_FIRST, JUNE_LAST, &error));
  shown = sl_annotation_snapshot_get_metrics (&n);
  g_array_set_size (values, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (sl_metrics_compute (metrics, shown[i], &june, &SL_SCOPE_INIT_CHANNEL (1),
                                       &g_array_index (values, SlMetricValue, i), &error));
  return values;
}

static gint64 win_id;

/* A win through the editor: on the filter's month and channel; its
 * figures then are the engine's at write time; the page lists it. */
static void
test_editor_win (void)
{
  g_autoptr(GArray) want = NULL;
  SlNotesView *view;
  SlAnnotationEditor *editor;
  SlAnnotation *win;
  SlDay first, last;
  const SlMetric *shown;
  guint n;

  notes_test.window = notes_test_open_window (notes_test.app, notes_test.window, notes_test.path, 1280, 800);
  view = show_notes ();
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 0);
  filter_june_channel_1 ();
  want = engine_figures ();

  editor = open_editor (view, "notes.new", 0);
  /* The header bar's month and channel by default. */
  g_assert_true (sl_range_chooser_get_range (SL_RANGE_CHOOSER (field (editor, "period")), &first, &last));
  g_assert_cmpint (first, ==, JUNE_FIRST);
  g_assert_cmpint (last, ==, JUNE_LAST);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (editor, "channel"))), ==, 1);

  sl_annotation_editor_set_kind (editor, SL_ANNOTATION_WIN);
  notes_test_set_text (field (editor, "title"), "Webinar leads doubled");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (editor, "body"))),
                            "Two webinars filled up.", -1);
  notes_test_click (field (editor, "save"));
  g_assert_null (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR));

  win_id = notes_test_query ("SELECT id FROM annotation WHERE kind = 'win'");
  g_assert_cmpint (win_id, >, 0);
  g_assert_cmpint (notes_test_query ("SELECT channel_id FROM annotation WHERE kind = 'win'"), ==, 1);
  g_assert_cmpint (notes_test_query ("SELECT first_day FROM annotation WHERE kind = 'win'"), ==, JUNE_FIRST);
  g_assert_cmpint (notes_test_query ("SELECT body = 'Two webinars filled up.' FROM annotation WHERE kind = 'win'"), ==, 1);

  win = sl_annotation_store_lookup (sl_workspace_get_annotations (notes_test_workspace ()), win_id);
  shown = sl_annotation_snapshot_get_metrics (&n);
  g_assert_cmpuint (n, ==, want->len);
  for (guint i = 0; i < n; i++)
    {
      const SlMetricValue *engine = &g_array_index (want, SlMetricValue, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *engine_text = sl_metric_value_format (engine, NULL);
      SlMetricValue then;

      g_assert_true (sl_annotation_snapshot_get_value (sl_annotation_get_snapshot (win), shown[i], &then, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sl_metric_value_is_defined (&then), ==, sl_metric_value_is_defined (engine));
      if (sl_metric_value_is_defined (engine))
        g_assert_cmpint (sl_metric_value_compare (&then, engine), ==, 0);
      /* The page shows the same figure, as written. */
      g_assert_cmpstr (sl_notes_view_get_figure_text (view, win_id, shown[i], FALSE), ==, engine_text);
    }
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 1);
  g_assert_cmpint (sl_notes_view_get_shown_id (view, 0), ==, win_id);
}

/* A loss whose plan moves nothing: refused, saying so, nothing written. */
static void
test_editor_loss_refused (void)
{
  SlNotesView *view = show_notes ();
  SlAnnotationEditor *editor = open_editor (view, "notes.new", 0);
  const char *message;

  sl_annotation_editor_set_kind (editor, SL_ANNOTATION_LOSS);
  g_assert_cmpuint (sl_annotation_editor_get_n_lines (editor), ==, 1);
  notes_test_set_text (field (editor, "title"), "Search leads do not close");
  notes_test_set_text (field (editor, "next-steps"), "Move money to social");
  notes_test_click (sl_annotation_editor_get_line_field (editor, 0, "remove"));
  g_assert_cmpuint (sl_annotation_editor_get_n_lines (editor), ==, 0);
  notes_test_click (field (editor, "save"));

  message = sl_annotation_editor_get_error (editor);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "reallocation line"));
  g_assert_true (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR) == GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "title"))), ==, "Search leads do not close");
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM annotation WHERE kind = 'loss'"), ==, 0);
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM realloc_plan"), ==, 0);
  notes_test_screenshot (GTK_WIDGET (editor), "notes-editor-refused.png");
  gtk_window_destroy (GTK_WINDOW (editor));
  sl_ui_test_settle (100);
}

/* A loss and its plan in one edit; one undo takes both back. */
static void
test_editor_loss (void)
{
  SlNotesView *view = show_notes ();
  SlAnnotationEditor *editor = open_editor (view, "notes.new", 0);
  g_autoptr(GError) error = NULL;
  SlUndoStack *stack = sl_workspace_get_undo_stack (notes_test_workspace ());
  gint64 loss_id;

  sl_annotation_editor_set_kind (editor, SL_ANNOTATION_LOSS);
  notes_test_set_text (field (editor, "title"), "Search leads do not close");
  notes_test_set_text (field (editor, "next-steps"), "Move July money to social");
  /* From the first channel to the second, July to July. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "from")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "to")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "from-month")), 6);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sl_annotation_editor_get_line_field (editor, 0, "to-month")), 6);
  notes_test_set_text (sl_annotation_editor_get_line_field (editor, 0, "amount"), "1,500");
  /* Its end, to look at. */
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (field (editor, "title"), GTK_TYPE_SCROLLED_WINDOW)));

    sl_ui_test_settle (200);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    notes_test_screenshot (GTK_WIDGET (editor), "notes-editor-loss-end.png");
  }
  notes_test_click (field (editor, "save"));
  g_assert_null (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR));

  loss_id = notes_test_query ("SELECT id FROM annotation WHERE kind = 'loss'");
  g_assert_cmpint (loss_id, >, 0);
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM realloc_plan"), ==, 1);
  g_assert_cmpint (notes_test_query ("SELECT plan_id FROM annotation WHERE kind = 'loss'"), ==, notes_test_query ("SELECT id FROM realloc_plan"));
  g_assert_cmpint (notes_test_query ("SELECT amount_minor FROM realloc_line"), ==, 150000);
  g_assert_cmpint (notes_test_query ("SELECT from_channel_id FROM realloc_line"), ==, 1);
  g_assert_cmpint (notes_test_query ("SELECT to_channel_id FROM realloc_line"), ==, 2);
  g_assert_cmpint (notes_test_query ("SELECT from_first_day FROM realloc_line"), ==, sl_day_from_ymd (2025, 7, 1));
  g_assert_nonnull (sl_notes_view_get_row (view, loss_id));
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 2);

  g_assert_true (sl_undo_stack_undo (stack, &error));
  sl_ui_test_settle (200);
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM annotation WHERE kind = 'loss'"), ==, 0);
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM realloc_plan"), ==, 0);
  g_assert_null (sl_notes_view_get_row (view, loss_id));
  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  sl_ui_test_settle (200);
  g_assert_nonnull (sl_notes_view_get_row (view, loss_id));
}

/* Someone else's annotation opens read-only. */
static void
test_read_only (void)
{
  SlNotesView *view = show_notes ();
  g_autofree char *author = g_strdup (sl_workspace_get_author (notes_test_workspace ()));
  SlAnnotationEditor *editor;

  sl_workspace_set_author (notes_test_workspace (), "Someone Else");
  editor = open_editor (view, "notes.edit", win_id);
  g_assert_true (sl_annotation_editor_get_read_only (editor));
  g_assert_false (gtk_widget_get_visible (field (editor, "save")));
  g_assert_false (gtk_widget_is_sensitive (field (editor, "title")));
  gtk_window_destroy (GTK_WINDOW (editor));
  sl_workspace_set_author (notes_test_workspace (), author);

  editor = open_editor (view, "notes.edit", win_id);
  g_assert_false (sl_annotation_editor_get_read_only (editor));
  g_assert_true (gtk_widget_get_visible (field (editor, "save")));
  gtk_window_destroy (GTK_WINDOW (editor));
  sl_ui_test_settle (100);
}

/* An experiment needs its goal up front; its outcome comes later. */
static void
test_experiment (void)
{
  SlNotesView *view = show_notes ();
  SlAnnotationEditor *editor = open_editor (view, "notes.new", 0);
  gint64 id;

  sl_annotation_editor_set_kind (editor, SL_ANNOTATION_EXPERIMENT);
  notes_test_set_text (field (editor, "title"), "Longer ads");
  notes_test_set_text (field (editor, "hypothesis"), "Longer ads put off leads who would not buy");
  notes_test_set_text (field (editor, "expected"), "Fewer leads, more customers");
  g_assert_false (gtk_widget_get_visible (field (editor, "actual")));
  notes_test_click (field (editor, "save"));
  g_assert_nonnull (strstr (sl_annotation_editor_get_error (editor), "goal"));
  g_assert_cmpint (notes_test_query ("SELECT count(*) FROM annotation WHERE kind = 'experiment'"), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (editor, "goal")), 1);
  notes_test_click (field (editor, "save"));
  g_assert_null (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR));
  id = notes_test_query ("SELECT id FROM annotation WHERE kind = 'experiment'");
  g_assert_cmpint (notes_test_query ("SELECT actual_outcome IS NULL FROM annotation WHERE kind = 'experiment'"), ==, 1);

  editor = open_editor (view, "notes.outcome", id);
  g_assert_true (gtk_widget_get_visible (field (editor, "actual")));
  notes_test_set_text (field (editor, "actual"), "Customers up by a third");
  notes_test_click (field (editor, "save"));
  g_assert_null (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR));
  g_assert_cmpint (notes_test_query ("SELECT actual_outcome = 'Customers up by a third' FROM annotation WHERE kind = 'experiment'"),
                   ==, 1);
}

/* Ctrl+Shift+N opens the editor from anywhere in the window while the
 * page is shown. */
static void
test_shortcut (void)
{
  SlNotesView *view = show_notes ();
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)), ==,
                       GTK_SHORTCUT_SCOPE_MANAGED);
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, "<Shift><Control>n") && GTK_IS_NAMED_ACTION (action))
            {
              g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), ==, "notes.new");
              g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (view), NULL));
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
  sl_ui_test_settle (300);
  g_assert_nonnull (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR));
  gtk_window_destroy (notes_test_find_toplevel (SL_TYPE_ANNOTATION_EDITOR));
  sl_ui_test_settle (100);
}

/* The kind and the filter's channel narrow the list. */
static void
test_filters (void)
{
  SlNotesView *view = show_notes ();
  SlViewFilter *filter = sl_window_get_view_filter (notes_test.window);

  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 3);
  sl_notes_view_set_kind_filter (view, SL_ANNOTATION_WIN);
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 1);
  g_assert_cmpint (sl_notes_view_get_shown_id (view, 0), ==, win_id);
  sl_notes_view_set_kind_filter (view, NULL);
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CHANNEL (2));
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 0);
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_WORKSPACE);
  sl_view_filter_set_search (filter, "webinar");
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 1);
  sl_view_filter_set_search (filter, "");
  /* Another month: none of them. */
  filter_month (sl_day_from_ymd (2025, 3, 15));
  g_assert_cmpuint (sl_notes_view_get_n_shown (view), ==, 0);
  filter_june_channel_1 ();
}

/* The win is a marker in June on the Timeline, its title in the tooltip. */
static void
test_timeline_markers (void)
{
  SlTimelineChart *chart;
  gboolean found = FALSE;

  notes_test_show_page (notes_test.window, "timeline");
  chart = sl_timeline_view_get_chart (sl_window_get_timeline_view (notes_test.window));
  for (guint i = 0; i < sl_timeline_chart_get_n_markers (chart); i++)
    {
      const char *label = NULL;
      double position = -1;
      int kind = -1;

      g_assert_true (sl_timeline_chart_get_marker (chart, i, &position, &kind, &label));
      if (kind != SL_TIMELINE_CHART_MARKER_NOTE || strstr (label, "Webinar leads doubled") == NULL)
        continue;
      /* June is the sixth month of the demo's fiscal year. */
      g_assert_cmpint ((int)position, ==, 5);
      found = TRUE;
    }
  g_assert_true (found);
  notes_test_screenshot (GTK_WIDGET (notes_test.window), "timeline-notes-wide.png");
}

static void
test_screenshots (void)
{
  static const struct { int width, height; const char *name; } sizes[] = {
    { 1280, 800, "wide" }, { 360, 720, "narrow" },
  };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    for (guint dark = 0; dark < 2; dark++)
      {
        const char *suffix = dark ? "dark" : "light";
        g_autofree char *goals = g_strdup_printf ("goals-%s-%s.png", sizes[z].name, suffix);
        g_autofree char *notes = g_strdup_printf ("notes-%s-%s.png", sizes[z].name, suffix);
        g_autofree char *editor_name = g_strdup_printf ("notes-editor-%s-%s.png", sizes[z].name, suffix);
        g_autofree char *goal_name = g_strdup_printf ("goal-dialog-%s-%s.png", sizes[z].name, suffix);
        SlNotesView *view;
        GtkWindow *dialog;

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        notes_test.window = notes_test_open_window (notes_test.app, notes_test.window, notes_test.path,
                                                    sizes[z].width, sizes[z].height);
        filter_june_channel_1 ();
        notes_test_show_page (notes_test.window, "goals");
        notes_test_screenshot (GTK_WIDGET (notes_test.window), goals);
        view = show_notes ();
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sl_notes_view_get_row (view, win_id)), TRUE);
        notes_test_screenshot (GTK_WIDGET (notes_test.window), notes);

        dialog = GTK_WINDOW (open_editor (view, "notes.new", 0));
        sl_annotation_editor_set_kind (SL_ANNOTATION_EDITOR (dialog), SL_ANNOTATION_LOSS);
        gtk_window_set_default_size (dialog, MIN (sizes[z].width, 560), sizes[z].height);
        notes_test_screenshot (GTK_WIDGET (dialog), editor_name);
        gtk_window_destroy (dialog);

        notes_test_show_page (notes_test.window, "goals");
        gtk_widget_activate_action (notes_test_find_view (SL_TYPE_GOALS_VIEW), "goals.new", NULL);
        sl_ui_test_settle (300);
        dialog = notes_test_find_toplevel (SL_TYPE_GOAL_DIALOG);
        g_assert_nonnull (dialog);
        gtk_window_set_default_size (dialog, MIN (sizes[z].width, 560), sizes[z].height);
        notes_test_screenshot (GTK_WIDGET (dialog), goal_name);
        gtk_window_destroy (dialog);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
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
  notes_test_add_goal_tests ();
  g_test_add_func ("/ui/notes/editor-win", test_editor_win);
  g_test_add_func ("/ui/notes/editor-loss-refused", test_editor_loss_refused);
  g_test_add_func ("/ui/notes/editor-loss", test_editor_loss);
  g_test_add_func ("/ui/notes/read-only", test_read_only);
  g_test_add_func ("/ui/notes/experiment", test_experiment);
  g_test_add_func ("/ui/notes/shortcut", test_shortcut);
  g_test_add_func ("/ui/notes/filters", test_filters);
  g_test_add_func ("/ui/notes/timeline-markers", test_timeline_markers);
  g_test_add_func ("/ui/notes/screenshots", test_screenshots);
  return notes_test_teardown (g_test_run ());
}
