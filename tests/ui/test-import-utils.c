/* test-import-utils.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the import tests share: the window on an empty workspace, its
 * import dialog, the widgets in it and the database behind it. */

#include "config.h"

#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "test-import.h"

SlApplication *app;
SlWindow *window;
char *tmp_dir;

/* Widgets. */

/* The first widget of @type under @root whose property @property is the
 * string @value (any, with @property NULL). */
gpointer
find_widget (gpointer    root,
             GType       type,
             const char *property,
             const char *value)
{
  g_autoptr(GPtrArray) found = sl_ui_test_find_all (GTK_WIDGET (root), type);

  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *text = NULL;

      if (property == NULL)
        return found->pdata[i];
      g_object_get (found->pdata[i], property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return found->pdata[i];
    }
  return NULL;
}

/* Whether a visible label under @root contains @text. */
gboolean
shows_text (gpointer    root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = sl_ui_test_find_all (GTK_WIDGET (root), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]) &&
        strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
window_shows_text_cb (gpointer text)
{
  return shows_text (window, text);
}

/* An open message dialog with this heading, if any. */
AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

gboolean
message_dialog_shown_cb (gpointer heading)
{
  return find_message_dialog (heading) != NULL;
}

gboolean
is_null_cb (gpointer location)
{
  return *(gpointer *)location == NULL;
}

gboolean
not_busy_cb (gpointer dialog)
{
  return !sl_import_dialog_get_busy (dialog);
}

/* The database. */

gint64
count (const char *sql)
{
  return sl_test_query_int64 (sl_workspace_get_database (sl_window_get_workspace (window)), sql);
}

void
assert_workspace_empty (void)
{
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 0);
  g_assert_cmpint (count ("SELECT count (*) FROM import_batch"), ==, 0);
  g_assert_cmpint (count ("SELECT count (*) FROM channel"), ==, 0);
  g_assert_cmpint (count ("SELECT count (*) FROM rollup_day"), ==, 0);
  g_assert_cmpuint (sl_imports_view_get_n_imports (sl_window_get_imports_view (window)), ==, 0);
}

/* Channel rows of the plan (without the reserve and the total). */
guint
plan_n_channels (void)
{
  GListModel *rows = sl_plan_view_get_rows (sl_window_get_plan_view (window));

  return g_list_model_get_n_items (rows) - 2;
}

GFile *
write_csv (const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  sl_test_write_file (path, contents, -1);
  return g_file_new_for_path (path);
}

/* Opens the import dialog for @file as the action and drops do. */
SlImportDialog *
open_dialog (GFile *file)
{
  GtkWindow *dialog = sl_window_show_import_dialog (window, file);

  g_assert_true (SL_IS_IMPORT_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));
  sl_ui_test_settle (200);
  return SL_IMPORT_DIALOG (dialog);
}

/* Presses Import and waits until the dialog has closed. */
void
import_and_wait (SlImportDialog *dialog)
{
  GtkWidget *button = find_widget (dialog, GTK_TYPE_BUTTON, "action-name", "import.start");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate (button);
  g_assert_true (sl_ui_test_iterate_until (is_null_cb, &dialog, 60000));
}

static gboolean
window_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

void
open_empty_workspace (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "empty.sunlight", NULL);
  g_autoptr(SlWorkspace) workspace = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  workspace = sl_workspace_create (path, "Imports", "USD", SL_CALENDAR_GREGORIAN, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&workspace);

  window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, NULL, 10000));
  g_assert_true (sl_window_open_file (window, file));
  g_assert_cmpuint (plan_n_channels (), ==, 0);
}

