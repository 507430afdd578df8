/* sl-preferences-window-accounts.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Accounts page: the server the workspace shares through, the user
 * and password (kept in the keyring), connect and disconnect, and how
 * sharing goes.
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-preferences-window-private.h"

/* Helpers */

static void
show_account_error (SlPreferencesWindow *self,
                    const char          *message)
{
  gtk_label_set_label (self->account_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->account_error), message != NULL);
}

/* The fields show the workspace's account, if it has one. */
static void
fill_fields (SlPreferencesWindow *self)
{
  SlSyncAccount *account = sl_sync_manager_get_account (self->sync_manager);

  if (account == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), sl_sync_account_get_url (account));
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), sl_sync_account_get_db_name (account));
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), sl_sync_account_get_user (account));
}

static void
update_connection (SlPreferencesWindow *self)
{
  SlSyncClient *client = self->watched_client;
  SlSyncAccount *account = sl_sync_manager_get_account (self->sync_manager);
  SlSyncKeyring *keyring = sl_sync_manager_get_keyring (self->sync_manager);
  g_autofree char *title = NULL;
  g_autofree char *role = NULL;
  g_autofree char *status = NULL;

  if (client == NULL || account == NULL)
    return;
  /* Translators: a user name, then a server address and a database name */
  title = g_strdup_printf (_("%s on %s, database %s"), sl_sync_account_get_user (account),
                           sl_sync_account_get_url (account), sl_sync_account_get_db_name (account));
  /* Translators: %s is Marketing, Finance or Viewer, as the server says */
  role = g_strdup_printf (_("Role: %s"), sl_user_role_get_label (sl_workspace_get_user_role (self->workspace)));
  status = sl_sync_client_dup_status_text (client);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->connection_row), title);
  adw_action_row_set_subtitle (self->connection_row, role);
  adw_action_row_set_subtitle (self->status_row, status);
  gtk_widget_set_visible (self->memory_row, sl_sync_keyring_is_in_memory (keyring));
}

static void
update_page (SlPreferencesWindow *self)
{
  gboolean connected = sl_sync_manager_get_client (self->sync_manager) != NULL;
  gboolean connecting = self->connect_cancellable != NULL;

  /* Connected, the Connection group says it all. */
  gtk_widget_set_visible (GTK_WIDGET (self->server_group), !connected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), !connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_button), !connected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !connecting);
  gtk_button_set_label (self->connect_button, connecting ? _("Connecting…") : _("_Connect"));
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), !connected);
  gtk_widget_set_visible (self->connection_group, connected);
  if (!connected && !connecting && sl_sync_manager_needs_password (self->sync_manager))
    show_account_error (self, _("Enter your password to share this workspace again."));
  update_connection (self);
}

/* Follows the manager's client for the status row. */
static void
watch_client (SlPreferencesWindow *self)
{
  SlSyncClient *client = self->sync_manager ? sl_sync_manager_get_client (self->sync_manager) : NULL;

  if (self->watched_client == client)
    return;
  if (self->watched_client != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_client, self);
  g_set_object (&self->watched_client, client);
  if (client != NULL)
    g_signal_connect_object (client, "notify", G_CALLBACK (update_connection), self, G_CONNECT_SWAPPED);
}

/* Callbacks */

static void
manager_changed_cb (SlPreferencesWindow *self)
{
  watch_client (self);
  fill_fields (self);
  update_page (self);
  sl_preferences_window_you_update (self);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SlPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  sl_sync_manager_connect_finish (SL_SYNC_MANAGER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->connect_cancellable);
  show_account_error (self, error ? error->message : NULL);
  if (error == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  update_page (self);
}

static void
connect_clicked_cb (SlPreferencesWindow *self)
{
  g_autofree char *url = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  if (self->sync_manager == NULL || self->connect_cancellable != NULL)
    return;
  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  database = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->database_row))));
  user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  show_account_error (self, NULL);
  self->connect_cancellable = g_cancellable_new ();
  sl_sync_manager_connect_async (self->sync_manager, url, database, user,
                                 gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                 self->connect_cancellable, connected_cb, g_object_ref (self));
  update_page (self);
}

static void
disconnect_clicked_cb (SlPreferencesWindow *self)
{
  if (self->sync_manager == NULL)
    return;
  sl_sync_manager_disconnect (self->sync_manager);
  show_account_error (self, NULL);
}

/* Shared with sl-preferences-window.c */

void
sl_preferences_window_class_add_account_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, account_error);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, connection_group);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, connection_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, memory_row);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, disconnect_clicked_cb);
}

void
sl_preferences_window_accounts_dispose (SlPreferencesWindow *self)
{
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  if (self->watched_client != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_client, self);
  g_clear_object (&self->watched_client);
  if (self->sync_manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sync_manager, self);
      g_signal_handlers_disconnect_by_data (sl_sync_manager_get_keyring (self->sync_manager), self);
      if (self->workspace != NULL)
        g_signal_handlers_disconnect_by_func (self->workspace, update_connection, self);
    }
  g_clear_object (&self->sync_manager);
}

/* Public API */

void
sl_preferences_window_set_sync_manager (SlPreferencesWindow *self,
                                        SlSyncManager       *manager)
{
  g_return_if_fail (SL_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (manager == NULL || SL_IS_SYNC_MANAGER (manager));

  if (self->sync_manager == manager)
    return;
  sl_preferences_window_accounts_dispose (self);
  self->sync_manager = manager ? g_object_ref (manager) : NULL;
  gtk_widget_set_visible (self->accounts_page, manager != NULL);
  if (manager == NULL)
    return;
  g_signal_connect_object (manager, "notify", G_CALLBACK (manager_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sl_sync_manager_get_keyring (manager), "notify::in-memory",
                           G_CALLBACK (update_connection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "notify::user-role", G_CALLBACK (update_connection), self,
                           G_CONNECT_SWAPPED);
  manager_changed_cb (self);
}
