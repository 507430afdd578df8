/* sl-window-dialogs.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

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
