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
#include "test-import.h"

#define BIG_ROWS 400000

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
  add_mapping_tests ();
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
