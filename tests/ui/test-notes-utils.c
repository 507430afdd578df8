/* test-notes-utils.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-demo.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-goals.h"
#include "test-notes-utils.h"

NotesTest notes_test;

static char *
write_demo (const char *dir)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = 2025 };
  char *path = g_build_filename (dir, "demo.sunlight", NULL);

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

void
notes_test_setup (void)
{
  g_autoptr(GError) error = NULL;

  notes_test.dir = sl_test_make_tmp_dir ();
  notes_test.path = write_demo (notes_test.dir);
  notes_test.app = sl_application_new ();
  g_application_set_flags (G_APPLICATION (notes_test.app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (notes_test.app), NULL, &error);
  g_assert_no_error (error);
}

int
notes_test_teardown (int status)
{
  if (notes_test.window != NULL)
    gtk_window_destroy (GTK_WINDOW (notes_test.window));
  sl_ui_test_settle (100);
  g_clear_object (&notes_test.app);
  sl_test_remove_tree (notes_test.dir);
  g_clear_pointer (&notes_test.dir, g_free);
  g_clear_pointer (&notes_test.path, g_free);
  return status;
}

SlWorkspace *
notes_test_workspace (void)
{
  return sl_window_get_workspace (notes_test.window);
}

gint64
notes_test_query (const char *sql)
{
  return sl_test_query_int64 (sl_workspace_get_database (notes_test_workspace ()), sql);
}

GtkWidget *
notes_test_find_view (GType type)
{
  g_autoptr(GPtrArray) views = sl_ui_test_find_all (GTK_WIDGET (notes_test.window), type);

  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

GtkWindow *
notes_test_open_dialog (GtkWidget  *view,
                        const char *action,
                        gint64      id,
                        GType       type)
{
  GtkWindow *dialog;

  if (id != 0)
    gtk_widget_activate_action (view, action, "x", id);
  else
    gtk_widget_activate_action (view, action, NULL);
  sl_ui_test_settle (300);
  dialog = notes_test_find_toplevel (type);
  g_assert_nonnull (dialog);
  return dialog;
}

void
notes_test_set_text (GtkWidget  *editable,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

SlWindow *
notes_test_open_window (SlApplication *app,
                        SlWindow      *last,
                        const char    *path,
                        int            width,
                        int            height)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSettings *settings = sl_application_get_settings (app);
  SlWindow *window;

  if (last != NULL)
    gtk_window_destroy (GTK_WINDOW (last));
  /* The window takes its size from what the last one saved. */
  if (settings != NULL)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (mapped_cb, window, 10000));
  g_assert_true (sl_window_open_file (window, file));
  sl_ui_test_settle (300);
  /* Once the header bar has let go of the filters, it can shrink. */
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  sl_ui_test_settle (200);
  return window;
}

void
notes_test_show_page (SlWindow   *window,
                      const char *name)
{
  sl_window_show_view (window, name);
  sl_ui_test_settle (200);
  g_assert_cmpstr (sl_window_get_view (window), ==, name);
}

GtkWindow *
notes_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

void
notes_test_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_widget_activate (button);
  /* A button activated from the keyboard is clicked as it is released. */
  sl_ui_test_settle (400);
}

void
notes_test_screenshot (GtkWidget  *widget,
                       const char *name)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);

  sl_ui_test_settle (300);
  sl_ui_test_save_screenshot (widget, path);
  g_test_message ("Screenshot: %s", path);
}

void
notes_test_add_samples (SlWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *author = g_strdup (sl_workspace_get_author (workspace));
  SlDay first = sl_day_from_ymd (2025, 6, 1), last = sl_day_from_ymd (2025, 6, 30);
  SlAnnotationSpec win = {
    .kind = SL_ANNOTATION_WIN, .title = "Webinar leads doubled", .body = "Two webinars in June filled up.",
    .channel_id = 1, .first_day = first, .last_day = last,
  };
  SlAnnotationSpec loss = {
    .kind = SL_ANNOTATION_LOSS, .title = "Display brought no customers", .channel_id = 2,
    .first_day = first, .last_day = last, .next_steps = "Pause display and move its July money to search",
  };
  SlReallocPlanSpec plan = { .title = "Out of display" };
  SlReallocLineSpec line = { 2, sl_day_from_ymd (2025, 7, 1), 1, sl_day_from_ymd (2025, 7, 1), 250000 };
  SlAnnotationSpec experiment = {
    .kind = SL_ANNOTATION_EXPERIMENT, .title = "Longer ads qualify leads", .channel_id = 1,
    .first_day = first, .last_day = last, .hypothesis = "Longer ads put off the leads who would not buy",
    .expected_outcome = "Fewer leads, more of them customers",
  };
  g_autoptr(SlGoal) goal = g_list_model_get_item (G_LIST_MODEL (sl_workspace_get_goals (workspace)), 0);

  g_assert_nonnull (goal);
  experiment.goal_id = sl_record_get_id (SL_RECORD (goal));
  g_assert_true (sl_workspace_create_annotation (workspace, &win, NULL, &error));
  g_assert_true (sl_workspace_create_loss (workspace, &loss, &plan, &line, 1, NULL, NULL, &error));
  sl_workspace_set_author (workspace, "Dana from Growth");
  g_assert_true (sl_workspace_create_annotation (workspace, &experiment, NULL, &error));
  g_assert_no_error (error);
  sl_workspace_set_author (workspace, author);
}
