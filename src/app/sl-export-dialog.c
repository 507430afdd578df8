/* sl-export-dialog.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-export.h"
#include "sl-export-dialog.h"
#include "sl-window.h"

struct _SlExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkWidget            *export_button;
  AdwPreferencesGroup  *choices_group;
  AdwComboRow          *format_row;
  AdwComboRow          *table_row;
  AdwComboRow          *period_row;
  GtkLabel             *error_label;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *stop_button;

  SlWorkspace          *workspace;
  SlViewFilter         *filter;
  GArray               *periods;     /* SlPeriod, as the period row lists them */
  GCancellable         *cancellable; /* while exporting */
  GFile                *file;        /* …to this file */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SlExportDialog, sl_export_dialog, ADW_TYPE_WINDOW)

/* What each format gives, above the choices. */
static const char * const format_descriptions[] = {
  N_("Key figures, channels, the budget timeline, wins and losses, plans and decisions, to read or print."),
  N_("One table, for spreadsheets and scripts."),
  N_("Every table as a sheet, amounts as numbers."),
};

static SlExportFormat
selected_format (SlExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected <= SL_EXPORT_XLSX ? (SlExportFormat)selected : SL_EXPORT_PDF;
}

static void
format_changed_cb (SlExportDialog *self)
{
  SlExportFormat format;

  /* Also runs while the template is built, before the rows are set. */
  if (self->table_row == NULL)
    return;
  format = selected_format (self);
  adw_preferences_group_set_description (self->choices_group, _(format_descriptions[format]));
  gtk_widget_set_visible (GTK_WIDGET (self->table_row), format == SL_EXPORT_CSV);
}

/* The filter's period, then the month, quarter and fiscal year holding
 * its last day, each once. */
static void
fill_periods (SlExportDialog *self)
{
  const SlPeriod *current = sl_view_filter_get_period (self->filter);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  SlCalendar calendar = sl_workspace_get_calendar (self->workspace);
  int fiscal_start = sl_workspace_get_fiscal_start_month (self->workspace);
  SlPeriod candidates[4];

  candidates[0] = *current;
  sl_period_init (&candidates[1], SL_PERIOD_MONTH, calendar, fiscal_start, current->last);
  sl_period_init (&candidates[2], SL_PERIOD_QUARTER, calendar, fiscal_start, current->last);
  sl_workspace_get_fiscal_year (self->workspace, current->last, &candidates[3]);

  g_array_set_size (self->periods, 0);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < self->periods->len; j++)
        seen |= sl_period_equal (&g_array_index (self->periods, SlPeriod, j), &candidates[i]);
      if (!seen)
        {
          g_autofree char *label = sl_period_format (&candidates[i], NULL);

          g_array_append_val (self->periods, candidates[i]);
          gtk_string_list_append (labels, label);
        }
    }
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->period_row, 0);
}

static void
fill_tables (SlExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint t = 0; t < SL_EXPORT_N_TABLES; t++)
    gtk_string_list_append (labels, sl_export_table_kind_get_label (t));
  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (labels));
}

static const SlPeriod *
selected_period (SlExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);

  return &g_array_index (self->periods, SlPeriod, MIN (selected, self->periods->len - 1));
}

/* Exporting */

static void
show_form (SlExportDialog *self,
           const char     *error)
{
  g_clear_object (&self->cancellable);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

static void
progress_cb (double      fraction,
             const char *what,
             gpointer    user_data)
{
  SlExportDialog *self = user_data;

  /* Reports still on their way after the dialog closed. */
  if (self->progress_bar == NULL || self->cancellable == NULL ||
      g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_label_set_text (self->progress_label, what);
}

static void
open_file_cb (AdwToast   *toast,
              const char *uri)
{
  GdkAppLaunchContext *context = gdk_display_get_app_launch_context (gdk_display_get_default ());
  g_autoptr(GError) error = NULL;

  /* GtkFileLauncher is GTK 4.10. */
  if (!g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
    g_warning ("Cannot open %s: %s", uri, error->message);
  g_object_unref (context);
}

static void
announce (SlExportDialog *self,
          GFile          *file)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!SL_IS_WINDOW (parent))
    return;
  /* Translators: a toast; %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast = sl_window_show_toast (SL_WINDOW (parent), message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb),
                         g_file_get_uri (file), (GClosureNotify)g_free, 0);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SlExportDialog) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->file);
  g_autoptr(GError) error = NULL;
  gboolean done = sl_export_run_finish (result, &error);

  /* Closed meanwhile: the export was cancelled with it. */
  if (self->stack == NULL)
    return;
  if (done)
    {
      announce (self, file);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_form (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? NULL : error->message);
}

static void
stop_clicked_cb (SlExportDialog *self)
{
  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->progress_label, _("Cancelling…"));
}

void
sl_export_dialog_export_to (SlExportDialog *self,
                            GFile          *file)
{
  g_autofree char *path = NULL;
  SlExportOptions options;

  g_return_if_fail (SL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_form (self, _("Exports can only be saved on this computer."));
      return;
    }

  sl_export_options_init (&options, selected_format (self), selected_period (self));
  options.table = MIN (adw_combo_row_get_selected (self->table_row), SL_EXPORT_N_TABLES - 1);
  options.attributed = sl_view_filter_get_attributed (self->filter);
  options.model = sl_view_filter_get_model (self->filter);
  options.rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  self->cancellable = g_cancellable_new ();
  self->file = g_object_ref (file);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->progress_label, _("Starting…"));
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_grab_focus (self->stop_button);
  sl_export_run_async (sl_workspace_get_path (self->workspace), path, &options,
                       progress_cb, self, self->cancellable, export_done_cb, g_object_ref (self));
}

/* Choosing the file */

/* "Northwind – March 2025.pdf": the workspace and the period, with no
 * character a file name cannot hold. */
static char *
dup_suggested_name (SlExportDialog *self)
{
  SlExportFormat format = selected_format (self);
  g_autofree char *period = sl_period_format (selected_period (self), NULL);
  g_autofree char *name = NULL;

  if (format == SL_EXPORT_CSV)
    name = g_strdup_printf ("%s – %s – %s.%s", sl_workspace_get_name (self->workspace),
                            sl_export_table_kind_get_label (adw_combo_row_get_selected (self->table_row)),
                            period, sl_export_format_get_extension (format));
  else
    name = g_strdup_printf ("%s – %s.%s", sl_workspace_get_name (self->workspace), period,
                            sl_export_format_get_extension (format));
  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

static void
chooser_response_cb (SlExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    sl_export_dialog_export_to (self, file);
}

static void
export_clicked_cb (SlExportDialog *self)
{
  static const char * const patterns[] = { "*.pdf", "*.csv", "*.xlsx" };
  static const char * const filter_names[] = {
    N_("PDF Documents"), N_("CSV Files"), N_("Excel Workbooks"),
  };
  SlExportFormat format = selected_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = dup_suggested_name (self);

  if (self->cancellable != NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_pattern (filter, patterns[format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
sl_export_dialog_dispose (GObject *object)
{
  SlExportDialog *self = (SlExportDialog *)object;

  /* Closing the dialog stops its export; the file is not written. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (sl_export_dialog_parent_class)->dispose (object);
}

static void
sl_export_dialog_finalize (GObject *object)
{
  SlExportDialog *self = (SlExportDialog *)object;

  g_clear_object (&self->file);
  g_array_unref (self->periods);

  G_OBJECT_CLASS (sl_export_dialog_parent_class)->finalize (object);
}

static void
sl_export_dialog_class_init (SlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_export_dialog_dispose;
  object_class->finalize = sl_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, choices_group);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SlExportDialog, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_export_dialog_init (SlExportDialog *self)
{
  self->periods = g_array_new (FALSE, FALSE, sizeof (SlPeriod));
  gtk_widget_init_template (GTK_WIDGET (self));
}

SlExportDialog *
sl_export_dialog_new (GtkWindow    *parent,
                      SlWorkspace  *workspace,
                      SlViewFilter *filter)
{
  SlExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SL_IS_VIEW_FILTER (filter), NULL);

  self = g_object_new (SL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->filter = g_object_ref (filter);
  fill_tables (self);
  fill_periods (self);
  format_changed_cb (self);
  return self;
}

void
sl_export_dialog_select (SlExportDialog *self,
                         guint           format,
                         guint           table)
{
  g_return_if_fail (SL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= SL_EXPORT_XLSX && table < SL_EXPORT_N_TABLES);

  adw_combo_row_set_selected (self->format_row, format);
  adw_combo_row_set_selected (self->table_row, table);
}
