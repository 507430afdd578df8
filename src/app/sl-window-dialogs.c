/* sl-window-dialogs.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-import.h"
#include "sl-import-dialog.h"
#include "sl-new-workspace-dialog.h"
#include "sl-window-private.h"

/* The settings of a workspace to create, kept while the file chooser
 * asks where. */
typedef struct
{
  char       *name;
  char       *currency;
  SlCalendar  calendar;
  int         fiscal_start;
} NewWorkspace;

static void
new_workspace_free (NewWorkspace *request)
{
  g_free (request->name);
  g_free (request->currency);
  g_free (request);
}

static void
add_workspace_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (workspaces, _("Sunlight Workspaces"));
  gtk_file_filter_add_pattern (workspaces, "*.sunlight");
  gtk_file_filter_add_mime_type (workspaces, "application/x-sunlight-workspace");
  gtk_file_chooser_add_filter (chooser, workspaces);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, workspaces);
}

static void
open_response_cb (SlWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sl_window_open_file (self, file);
    }
  g_object_unref (chooser);
}

void
sl_window_show_open_dialog (SlWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (SL_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Open Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  add_workspace_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The file chooser asked before replacing a file; move the old one to
 * the trash rather than deleting it, so a mistake can be undone. */
static gboolean
make_room (GFile   *file,
           GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_trash (file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
save_response_cb (SlWindow             *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  NewWorkspace *request = g_object_get_data (G_OBJECT (chooser), "request");
  g_autoptr(SlWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      sl_window_show_toast (self, _("Workspaces can only be saved on this computer"));
      goto out;
    }

  if (make_room (file, &error))
    workspace = sl_workspace_create (path, request->name, request->currency,
                                     request->calendar, request->fiscal_start, &error);
  if (workspace == NULL)
    {
      sl_window_show_toast (self, error->message);
      goto out;
    }

  sl_window_set_workspace (self, workspace);
  sl_application_add_recent (SL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);

out:
  g_object_unref (chooser);
}

static void
new_dialog_response_cb (SlWindow             *self,
                        const char           *response,
                        SlNewWorkspaceDialog *dialog)
{
  GtkFileChooserNative *chooser;
  NewWorkspace *request;
  g_autofree char *file_name = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  request = g_new0 (NewWorkspace, 1);
  request->name = sl_new_workspace_dialog_dup_name (dialog);
  request->currency = sl_new_workspace_dialog_dup_currency (dialog);
  request->calendar = sl_new_workspace_dialog_get_calendar (dialog);
  request->fiscal_start = sl_new_workspace_dialog_get_fiscal_start (dialog);

  chooser = gtk_file_chooser_native_new (_("Save New Workspace"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"), _("_Cancel"));
  add_workspace_filters (GTK_FILE_CHOOSER (chooser));
  file_name = g_strconcat (request->name, ".sunlight", NULL);
  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "request", request,
                          (GDestroyNotify)new_workspace_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
sl_window_show_new_dialog (SlWindow *self)
{
  GtkWidget *dialog;

  g_return_if_fail (SL_IS_WINDOW (self));

  dialog = sl_new_workspace_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Importing */

static void
add_import_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (tables, _("CSV and Text Files"));
  gtk_file_filter_add_pattern (tables, "*.csv");
  gtk_file_filter_add_pattern (tables, "*.tsv");
  gtk_file_filter_add_pattern (tables, "*.txt");
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "text/tab-separated-values");
  gtk_file_chooser_add_filter (chooser, tables);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, tables);
}

static void
import_chooser_response_cb (SlWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sl_window_show_import_dialog (self, file);
    }
  g_object_unref (chooser);
}

void
sl_window_show_import_chooser (SlWindow *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (SL_IS_WINDOW (self));

  if (self->workspace == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  add_import_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* “Imported 1,140 rows; 3 rows were rejected” and its Show Rejected
 * button, as the toast's title (it has one button of its own). */
static GtkWidget *
create_rejects_title (const SlImportResult *result,
                      const char           *imported)
{
  g_autofree char *rejected = g_strdup_printf ("%'I" G_GUINT64_FORMAT, result->rows_rejected);
  g_autofree char *text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *button;

  /* Translators: the first %s is “Imported 1,140 rows”, the second a number */
  text = g_strdup_printf (ngettext ("%s; %s row was rejected", "%s; %s rows were rejected",
                                    result->rows_rejected),
                          imported, rejected);
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* As libadwaita styles the titles of its toasts. */
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (result->rejects_path != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Show Rejected"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-rejects");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", result->rejects_path);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static void
import_done_cb (SlWindow             *self,
                const SlImportResult *result,
                SlImportDialog       *dialog)
{
  g_autofree char *accepted = g_strdup_printf ("%'I" G_GUINT64_FORMAT, result->rows_accepted);
  g_autofree char *imported = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  /* Translators: %s is a number of rows */
  imported = g_strdup_printf (ngettext ("Imported %s row", "Imported %s rows", result->rows_accepted),
                              accepted);
  escaped = g_markup_escape_text (imported, -1);
  toast = adw_toast_new (escaped);
  if (result->rows_rejected > 0)
    adw_toast_set_custom_title (toast, create_rejects_title (result, imported));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-import");
  adw_toast_set_action_target (toast, "x", result->batch_id);

  sl_window_show_import_toast (self, toast);
}

static void
import_cancelled_cb (SlWindow       *self,
                     SlImportDialog *dialog)
{
  g_autofree char *escaped = g_markup_escape_text (_("Import cancelled; nothing was changed"), -1);

  sl_window_show_import_toast (self, adw_toast_new (escaped));
}

static void
import_toast_dismissed_cb (SlWindow *self,
                           AdwToast *toast)
{
  if (self->import_toast == toast)
    g_clear_object (&self->import_toast);
}

/* Shows the pending import toast: libadwaita 1.2 frees a toast dismissed
 * during its show animation twice (fixed in 1.3), so the toast of an
 * earlier import, while shown or queued, gets the new news instead of
 * being dismissed. */
static gboolean
show_pending_import_toast_cb (gpointer user_data)
{
  SlWindow *self = user_data;
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->pending_toast);
  AdwToast *live = self->import_toast;

  self->pending_toast_id = 0;
  if (live != NULL)
    {
      /* Either replaces the other. */
      if (adw_toast_get_custom_title (toast) != NULL)
        adw_toast_set_custom_title (live, adw_toast_get_custom_title (toast));
      else
        adw_toast_set_title (live, adw_toast_get_title (toast));
      adw_toast_set_button_label (live, adw_toast_get_button_label (toast));
      /* The button checks the target against the action as each is set. */
      adw_toast_set_action_name (live, NULL);
      adw_toast_set_action_target_value (live, adw_toast_get_action_target_value (toast));
      adw_toast_set_action_name (live, adw_toast_get_action_name (toast));
      return G_SOURCE_REMOVE;
    }

  self->import_toast = g_object_ref (toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (import_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
  return G_SOURCE_REMOVE;
}

void
sl_window_show_import_toast (SlWindow *self,
                             AdwToast *toast)
{
  /* After idles: the Undo button of a toast dismisses it in an idle. */
  g_set_object (&self->pending_toast, toast);
  g_object_unref (toast);
  if (self->pending_toast_id == 0)
    self->pending_toast_id = g_idle_add_full (G_PRIORITY_LOW, show_pending_import_toast_cb, self, NULL);
}

GtkWindow *
sl_window_show_import_dialog (SlWindow *self,
                              GFile    *file)
{
  SlImportDialog *dialog;

  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->workspace == NULL)
    return NULL;

  dialog = sl_import_dialog_new (GTK_WINDOW (self), self->workspace, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_done_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "cancelled", G_CALLBACK (import_cancelled_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
