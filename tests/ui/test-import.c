/* test-import.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing through the real application: the import dialog opened the
 * way the Import action and dropped files open it, its preview, the
 * import in a thread, the questions it asks, the toast, the plan and the
 * Imports page that follow, and undoing an import from that page; a bad
 * row named in the dialog, and a cancelled import that leaves the
 * workspace as it was. Checked against the database. Needs a display. */

#include "config.h"

#include <locale.h>

#include "sl-application.h"
#include "sl-import.h"
#include "sl-import-dialog.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-window.h"

#define BIG_ROWS 400000

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;

/* Widgets. */

/* The first widget of @type under @root whose property @property is the
 * string @value (any, with @property NULL). */
static gpointer
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
static gboolean
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

static gboolean
window_shows_text_cb (gpointer text)
{
  return shows_text (window, text);
}

/* An open message dialog with this heading, if any. */
static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

static gboolean
message_dialog_shown_cb (gpointer heading)
{
  return find_message_dialog (heading) != NULL;
}

static gboolean
is_null_cb (gpointer location)
{
  return *(gpointer *)location == NULL;
}

static gboolean
not_busy_cb (gpointer dialog)
{
  return !sl_import_dialog_get_busy (dialog);
}

/* The database. */

static gint64
count (const char *sql)
{
  return sl_test_query_int64 (sl_workspace_get_database (sl_window_get_workspace (window)), sql);
}

static void
assert_workspace_empty (void)
{
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 0);
  g_assert_cmpint (count ("SELECT count (*) FROM import_batch"), ==, 0);
  g_assert_cmpint (count ("SELECT count (*) FROM channel"), ==, 0);
  g_assert_cmpint (count ("SELECT count (*) FROM rollup_day"), ==, 0);
  g_assert_cmpuint (sl_imports_view_get_n_imports (sl_window_get_imports_view (window)), ==, 0);
}

/* Channel rows of the plan (without the reserve and the total). */
static guint
plan_n_channels (void)
{
  GListModel *rows = sl_plan_view_get_rows (sl_window_get_plan_view (window));

  return g_list_model_get_n_items (rows) - 2;
}

static GFile *
write_csv (const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  sl_test_write_file (path, contents, -1);
  return g_file_new_for_path (path);
}

/* Opens the import dialog for @file as the action and drops do. */
static SlImportDialog *
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
static void
import_and_wait (SlImportDialog *dialog)
{
  GtkWidget *button = find_widget (dialog, GTK_TYPE_BUTTON, "action-name", "import.start");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate (button);
  g_assert_true (sl_ui_test_iterate_until (is_null_cb, &dialog, 60000));
}

static const char spend_csv[] =
  "date,channel,campaign,spend\n"
  "2025-03-01,Search,Brand,100.50\n"
  "2025-03-01,Social,Launch,80.00\n"
  "2025-03-02,Search,Brand,99.50\n"
  "2025-03-02,Social,Launch,70.25\n"
  "2025-03-03,Search,Generic,12.00\n";

/* The preview: header, rows, format, and the kinds core cannot read. */
static void
check_preview (SlImportDialog *dialog)
{
  GtkColumnView *view = find_widget (dialog, GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  GListModel *columns = gtk_column_view_get_columns (view);
  AdwExpanderRow *mapping = find_widget (dialog, ADW_TYPE_EXPANDER_ROW, NULL, NULL);
  AdwComboRow *kind = find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", "What Is in This File");
  GtkWidget *import = find_widget (dialog, GTK_TYPE_BUTTON, "action-name", "import.start");
  const char *header[] = { "date", "channel", "campaign", "spend" };

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (header));
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, header[i]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 5);
  g_assert_true (shows_text (dialog, "Brand"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (mapping), ==, "Columns by name");
  g_assert_true (shows_text (dialog, "spend.csv"));
  g_assert_true (gtk_widget_is_sensitive (import));

  /* Revenue: this file has no customer column (or core cannot read
   * revenue yet); either way the dialog says why and will not import. */
  adw_combo_row_set_selected (kind, SL_IMPORT_REVENUE);
  sl_ui_test_settle (100);
  g_assert_false (gtk_widget_is_sensitive (import));
  g_assert_true (shows_text (dialog, "not available yet") ||
                 gtk_widget_is_drawable (find_widget (dialog, ADW_TYPE_ACTION_ROW, "title", "Missing Columns")));
  adw_combo_row_set_selected (kind, SL_IMPORT_SPEND);
  sl_ui_test_settle (100);
  g_assert_true (gtk_widget_is_sensitive (import));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (header));
}

static void
test_import_and_undo (void)
{
  g_autoptr(GFile) file = write_csv ("spend.csv", spend_csv);
  SlImportsView *imports = sl_window_get_imports_view (window);
  SlImportDialog *dialog = open_dialog (file);
  AdwMessageDialog *question;
  GListModel *channels;
  GtkWidget *undo;

  check_preview (dialog);
  import_and_wait (dialog);

  /* The toast, the database, the plan's channels and the Imports page. */
  g_assert_true (sl_ui_test_iterate_until (window_shows_text_cb, "Imported 5 rows", 5000));
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 5);
  g_assert_cmpint (count ("SELECT sum (amount_minor) FROM spend"), ==, 36225);
  channels = G_LIST_MODEL (sl_workspace_get_channels (sl_window_get_workspace (window)));
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 2);
  g_assert_cmpuint (plan_n_channels (), ==, 2);
  g_assert_cmpuint (sl_imports_view_get_n_imports (imports), ==, 1);
  sl_window_show_view (window, "imports");
  sl_ui_test_settle (200);
  g_assert_nonnull (find_widget (imports, ADW_TYPE_ACTION_ROW, "title", "spend.csv"));
  g_assert_true (shows_text (imports, "5 rows"));

  /* The same file again: asked first, then imported a second time. */
  dialog = open_dialog (file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  g_assert_true (sl_ui_test_iterate_until (message_dialog_shown_cb, "This File Was Imported Before", 10000));
  adw_message_dialog_response (find_message_dialog ("This File Was Imported Before"), "again");
  g_assert_true (sl_ui_test_iterate_until (is_null_cb, &dialog, 10000));
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 10);
  g_assert_cmpuint (sl_imports_view_get_n_imports (imports), ==, 2);

  /* The toast's Undo takes the second import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", "x",
                                             count ("SELECT max (id) FROM import_batch")));
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 5);
  g_assert_cmpuint (sl_imports_view_get_n_imports (imports), ==, 1);

  /* The Imports page's Undo Import asks, then removes the rest. */
  sl_ui_test_settle (200);
  undo = find_widget (imports, GTK_TYPE_BUTTON, "action-name", "imports.undo");
  g_assert_nonnull (undo);
  gtk_widget_activate (undo);
  g_assert_true (sl_ui_test_iterate_until (message_dialog_shown_cb, "Undo Import?", 5000));
  question = find_message_dialog ("Undo Import?");
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==,
                   "Remove the 5 rows of spend.csv? This cannot be undone.");
  adw_message_dialog_response (question, "undo");
  assert_workspace_empty ();
  g_assert_cmpuint (plan_n_channels (), ==, 0);
  g_assert_true (sl_ui_test_iterate_until (window_shows_text_cb, "Removed the 5 rows of spend.csv", 5000));
  sl_window_show_view (window, "plan");
}

static void
test_bad_row (void)
{
  g_autoptr(GFile) file = write_csv ("bad.csv",
                                     "date,channel,spend\n"
                                     "2025-03-01,Search,10.00\n"
                                     "2025-03-02,Search,11.00\n"
                                     "2025-03-03,Search,12abc\n"
                                     "2025-03-04,Social,13.00\n");
  SlImportDialog *dialog = open_dialog (file);
  AdwComboRow *policy = find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", "If a Row Is Invalid");

  /* All or nothing, by default: the dialog stays, naming file and line. */
  g_assert_cmpuint (adw_combo_row_get_selected (policy), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  g_assert_true (sl_ui_test_iterate_until (not_busy_cb, dialog, 10000));
  sl_ui_test_settle (100);
  g_assert_true (shows_text (dialog, "bad.csv:4"));
  g_assert_true (shows_text (dialog, "spend"));
  assert_workspace_empty ();

  /* The valid rows, then: the toast counts the rejected one. */
  adw_combo_row_set_selected (policy, 1);
  import_and_wait (dialog);
  g_assert_true (sl_ui_test_iterate_until (window_shows_text_cb, "1 row was rejected", 5000));
  g_assert_nonnull (find_widget (window, GTK_TYPE_BUTTON, "action-name", "win.show-rejects"));
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 3);
  g_assert_cmpint (count ("SELECT rows_rejected FROM import_batch"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", "x",
                                             count ("SELECT max (id) FROM import_batch")));
  assert_workspace_empty ();
}

static void
test_ambiguous_dates (void)
{
  g_autoptr(GFile) file = write_csv ("dates.csv",
                                     "date,channel,spend\n"
                                     "01/02/2025,Search,10.00\n"
                                     "03/04/2025,Search,11.00\n");
  SlImportDialog *dialog = open_dialog (file);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.start", NULL);
  g_assert_true (sl_ui_test_iterate_until (message_dialog_shown_cb, "How Are the Dates Written?", 10000));
  adw_message_dialog_response (find_message_dialog ("How Are the Dates Written?"), "dmy");
  g_assert_true (sl_ui_test_iterate_until (is_null_cb, &dialog, 10000));

  /* 01/02/2025 was read as 1 February. */
  g_assert_cmpint (count ("SELECT min (day) FROM spend"), ==, sl_day_from_ymd (2025, 2, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", "x",
                                             count ("SELECT max (id) FROM import_batch")));
  assert_workspace_empty ();
}

typedef struct
{
  GtkWidget *stop;
  guint      ticks;
} CancelData;

/* The first report between the start and the end stops the import. */
static void
progress_cb (GtkProgressBar *bar,
             GParamSpec     *pspec,
             CancelData     *data)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction > 0.0 && fraction < 1.0 && data->ticks++ == 0)
    gtk_widget_activate (data->stop);
}

static void
test_cancel (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "big.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("date,channel,campaign,spend\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SlImportDialog *dialog;
  CancelData data = { NULL, 0 };
  GtkProgressBar *bar;

  for (guint i = 0; i < BIG_ROWS; i++)
    g_string_append_printf (csv, "2025-%02u-%02u,Channel %u,Campaign %u,%u.%02u\n",
                            1 + i % 12, 1 + i % 28, i % 7, i % 50, i % 1000, i % 100);
  sl_test_write_file (path, csv->str, csv->len);

  dialog = open_dialog (file);
  bar = find_widget (dialog, GTK_TYPE_PROGRESS_BAR, NULL, NULL);
  data.stop = find_widget (dialog, GTK_TYPE_BUTTON, "action-name", "import.cancel");
  g_assert_nonnull (bar);
  g_assert_nonnull (data.stop);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (progress_cb), &data);

  import_and_wait (dialog);
  g_assert_cmpuint (data.ticks, >, 0);
  g_assert_true (sl_ui_test_iterate_until (window_shows_text_cb, "Import cancelled; nothing was changed", 5000));
  assert_workspace_empty ();
  g_assert_cmpuint (plan_n_channels (), ==, 0);
}

static gboolean
window_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Importing files through the main window, checked against the database");

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  tmp_dir = sl_test_make_tmp_dir ();
  app = sl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  open_empty_workspace ();

  g_test_add_func ("/ui/import/import-and-undo", test_import_and_undo);
  g_test_add_func ("/ui/import/bad-row", test_bad_row);
  g_test_add_func ("/ui/import/ambiguous-dates", test_ambiguous_dates);
  g_test_add_func ("/ui/import/cancel", test_cancel);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
