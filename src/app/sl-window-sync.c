/* sl-window-sync.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's part in sharing: a sync manager for the open workspace,
 * resumed when it opens, and the header bar's button following its
 * client.
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include "sl-window-private.h"

static SlSyncKeyring *
find_keyring (SlWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (SL_IS_APPLICATION (app))
    return g_object_ref (sl_application_get_keyring (SL_APPLICATION (app)));
  /* A window without the application (tests): this window's memory. */
  return sl_sync_keyring_new_in_memory ();
}

static void
client_changed_cb (SlWindow      *self,
                   GParamSpec    *pspec,
                   SlSyncManager *manager)
{
  sl_sync_button_set_client (self->sync_button, sl_sync_manager_get_client (manager));
}

void
sl_window_sync_set_workspace (SlWindow    *self,
                              SlWorkspace *workspace)
{
  g_autoptr(SlSyncKeyring) keyring = NULL;

  if (self->sync_manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sync_manager, self);
      sl_sync_button_set_client (self->sync_button, NULL);
      g_clear_object (&self->sync_manager);
    }
  if (workspace == NULL)
    return;

  keyring = find_keyring (self);
  self->sync_manager = sl_sync_manager_new (workspace, keyring);
  g_signal_connect_object (self->sync_manager, "notify::client", G_CALLBACK (client_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sl_sync_manager_resume (self->sync_manager);
}

SlSyncManager *
sl_window_get_sync_manager (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->sync_manager;
}
