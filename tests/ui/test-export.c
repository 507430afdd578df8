/* test-export.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Export dialog of the real application on the demo workspace,
 * opened the way a user does (win.export, Ctrl+E): it offers the header
 * filter's period first, exports a CSV table whose figures are the
 * engine's, and a cancelled export leaves no file. Screenshots of the
 * dialog wide and narrow, light and dark, and exporting. Needs a display
 * (Xvfb in CI). */

#include "config.h"

#include <locale.h>

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-export.h"
#include "sl-export-dialog.h"
#include "sl-metrics-rows.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-window.h"

static SlApplication *app;
static SlWindow *window;
static char *tmp_dir;
static char *demo_path;

static gboolean
window_mapped_cb (gpointer data)
{
  return data != NULL && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
open_window (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  if (window != NULL)
    return;
  window = sl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, window, 10000));
  g_assert_true (sl_window_open_file (window, file));
  sl_ui_test_settle (200);
}

/* Opens the dialog as the menu and Ctrl+E do. */
static SlExportDialog *
open_dialog (void)
{
  GListModel *toplevels;
  SlExportDialog *dialog = NULL;

  open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SL_IS_EXPORT_DIALOG (toplevel))
        dialog = SL_EXPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (sl_ui_test_iterate_until (window_mapped_cb, dialog, 10000));
  return dialog;
}

static AdwComboRow *
find_row (SlExportDialog *dialog,
          const char     *title)
{
  g_autoptr(GPtrArray) rows = sl_ui_test_find_all (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("No row titled %s", title);
  return NULL;
}

static GtkWidget *
find_button (SlExportDialog *dialog,
             const char     *label)
{
  g_autoptr(GPtrArray) buttons = sl_ui_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  g_error ("No button labelled %s", label);
  return NULL;
}

static char *
selected_text (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return g_strdup (gtk_string_object_get_string (item));
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);

  sl_ui_test_settle (300);
  sl_ui_test_save_screenshot (widget, path);
  g_test_message ("Screenshot: %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The first record of the demo's channel table as the engine has it. */
static char *
engine_first_spend (const SlPeriod *period)
{
  SlWorkspace *workspace = sl_window_get_workspace (window);
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = sl_metrics_get_rows (metrics, period, NULL, NULL, &error);
  SlMoney money;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  sl_money_init (&money, g_array_index (rows, SlMetricsRow, 0).totals.spend_minor,
                 sl_workspace_get_currency (workspace));
  return sl_money_format_plain (&money);
}

static void
test_export_csv (void)
{
  SlExportDialog *dialog = open_dialog ();
  SlViewFilter *filter = sl_window_get_view_filter (window);
  g_autofree char *expected_period = sl_period_format (sl_view_filter_get_period (filter), NULL);
  g_autofree char *shown_period = selected_text (find_row (dialog, "_Period"));
  g_autofree char *path = g_build_filename (tmp_dir, "channels.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *spend = engine_first_spend (sl_view_filter_get_period (filter));
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  GListModel *channels;

  /* The header filter's period comes first; the table only for CSV. */
  g_assert_cmpstr (shown_period, ==, expected_period);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_row (dialog, "_Table"))));
  sl_export_dialog_select (dialog, SL_EXPORT_CSV, SL_EXPORT_TABLE_CHANNELS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_row (dialog, "_Table"))));
  save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  sl_export_dialog_export_to (dialog, file);
  g_assert_true (sl_ui_test_iterate_until (dialog_gone_cb, &dialog, 30000));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Channel,Campaign,Currency,Spend,Leads,"));
  lines = g_strsplit (contents, "\r\n", -1);
  first = g_strsplit (lines[1], ",", -1);
  g_assert_cmpstr (first[3], ==, spend);
  channels = G_LIST_MODEL (sl_workspace_get_channels (sl_window_get_workspace (window)));
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);

      g_assert_nonnull (strstr (contents, sl_channel_get_name (channel)));
    }
}

static void
test_cancel (void)
{
  SlExportDialog *dialog = open_dialog ();
  g_autofree char *path = g_build_filename (tmp_dir, "review.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) stacks = sl_ui_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_STACK);
  GtkStack *stack = g_ptr_array_index (stacks, 0);

  sl_export_dialog_select (dialog, SL_EXPORT_PDF, 0);
  sl_export_dialog_export_to (dialog, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "progress");
  g_signal_emit_by_name (find_button (dialog, "Cancel _Export"), "clicked");
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "form") != 0)
    g_main_context_iteration (NULL, TRUE);

  /* Back to the choices, and no file. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (find_button (dialog, "_Export…")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_ui_test_settle (100);
}

/* A whole review pack of the demo through the dialog. */
static void
test_export_pdf (void)
{
  SlExportDialog *dialog = open_dialog ();
  g_autofree char *path = g_build_filename (tmp_dir, "demo.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) stacks = sl_ui_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_STACK);
  GtkWidget *stack = g_ptr_array_index (stacks, 0);
  g_autofree char *contents = NULL;
  gsize length = 0;

  gtk_stack_set_transition_type (GTK_STACK (stack), GTK_STACK_TRANSITION_TYPE_NONE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  sl_export_dialog_select (dialog, SL_EXPORT_PDF, 0);
  sl_ui_test_settle (300);
  sl_export_dialog_export_to (dialog, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "progress");
  g_assert_false (gtk_widget_get_sensitive (find_button (dialog, "_Export…")));
  /* The progress page shows for well under a second: no screenshot of
   * it, which would race the dialog closing. */
  g_assert_true (sl_ui_test_iterate_until (dialog_gone_cb, &dialog, 60000));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
}

static void
test_screenshots (void)
{
  SlExportDialog *dialog = open_dialog ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 420);
  save_screenshot (GTK_WIDGET (dialog), "export-dialog-narrow.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 420);
  sl_export_dialog_select (dialog, SL_EXPORT_XLSX, 0);
  save_screenshot (GTK_WIDGET (dialog), "export-dialog-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sl_ui_test_settle (100);
}

static void
write_demo (void)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = 2025 };

  demo_path = g_build_filename (tmp_dir, "demo.sunlight", NULL);
  db = sl_database_open (demo_path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The Export dialog on a demo workspace: a CSV of the engine's figures, and cancelling");

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }

  tmp_dir = sl_test_make_tmp_dir ();
  write_demo ();

  app = sl_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/export/csv", test_export_csv);
  g_test_add_func ("/ui/export/cancel", test_cancel);
  g_test_add_func ("/ui/export/pdf", test_export_pdf);
  g_test_add_func ("/ui/export/screenshots", test_screenshots);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  sl_ui_test_settle (100);
  g_clear_object (&app);
  sl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (demo_path);
  return status;
}
