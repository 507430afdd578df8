/* sl-import-dialog-run.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The import itself: it runs in a thread (sl_import_file_async) with its
 * own connection; the dialog shows its progress on a page of its own and
 * asks the questions the importer raises (a file imported before, dates
 * that could be day/month or month/day), then starts again. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-import-dialog-private.h"

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  SlImportDialog *self = user_data;

  /* Reports queued before the import ended may arrive after a cancel. */
  if (self->cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
set_busy (SlImportDialog *self,
          gboolean        busy)
{
  g_clear_object (&self->cancellable);
  if (busy)
    self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  sl_import_dialog_update_actions (self);
}

static void
duplicate_response_cb (SlImportDialog   *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "again") != 0)
    return;
  self->allow_duplicate = TRUE;
  sl_import_dialog_start (self);
}

static void
ask_about_duplicate (SlImportDialog *self,
                     const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("This File Was Imported Before"),
                                              message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "again", _("_Import Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "again",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
date_order_response_cb (SlImportDialog   *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "dmy") == 0)
    sl_import_dialog_set_date_order (self, SL_DATE_ORDER_DMY);
  else if (g_strcmp0 (response, "mdy") == 0)
    sl_import_dialog_set_date_order (self, SL_DATE_ORDER_MDY);
  else
    return;
  sl_import_dialog_start (self);
}

static void
ask_date_order (SlImportDialog *self,
                const char     *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("How Are the Dates Written?"),
                                              message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: dates written day first, as 21/03/2025 */
                                    "dmy", _("_Day/Month"),
                                    /* Translators: dates written month first, as 03/21/2025 */
                                    "mdy", _("_Month/Day"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (date_order_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(SlImportDialog) self = user_data;
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = sl_import_file_finish (async_result, &error);
  /* Written by another connection: the stores reload now. */
  if (result != NULL)
    sl_workspace_notify_changed (self->workspace, sl_workspace_import_tables);
  /* Destroyed meanwhile (its window closed): nothing more to show. */
  if (self->field_rows == NULL)
    return;
  set_busy (self, FALSE);

  if (result != NULL)
    {
      g_signal_emit (self, sl_import_dialog_signals[SIGNAL_IMPORTED], 0, result);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_signal_emit (self, sl_import_dialog_signals[SIGNAL_CANCELLED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_error_matches (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_DUPLICATE_FILE))
    ask_about_duplicate (self, error->message);
  else if (g_error_matches (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_AMBIGUOUS_DATES))
    ask_date_order (self, error->message);
  else
    {
      /* Where the focus goes, for screen readers to read it out. */
      sl_import_dialog_show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->message_label));
      gtk_label_select_region (self->message_label, 0, 0);
    }
}

static void
start_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sl_import_dialog_start (SL_IMPORT_DIALOG (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlImportDialog *self = SL_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
sl_import_dialog_class_add_run_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action_cb);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action_cb);
}

/* Closing the dialog while it imports cancels the import; the dialog
 * closes when the import has stopped. Returns TRUE to keep it open. */
gboolean
sl_import_dialog_close_request (SlImportDialog *self)
{
  if (self->cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

void
sl_import_dialog_start (SlImportDialog *self)
{
  g_autoptr(SlImportMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  g_return_if_fail (SL_IS_IMPORT_DIALOG (self));

  if (self->cancellable != NULL || !sl_import_dialog_get_ready (self))
    return;
  if (!sl_import_dialog_fill_options (self, &options, TRUE, &mapping, &error))
    {
      sl_import_dialog_show_message (self, error->message);
      return;
    }

  sl_import_dialog_show_message (self, NULL);
  set_busy (self, TRUE);
  gtk_widget_grab_focus (self->stop_button);
  /* The dialog stays alive until the import is over: progress reports
   * are queued in this main context before the result. The options are
   * copied. */
  sl_import_file_async (sl_workspace_get_path (self->workspace), self->file, &options,
                        progress_cb, self, self->cancellable,
                        import_done_cb, g_object_ref (self));
}
