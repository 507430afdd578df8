/* sl-sync-manager.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-sync-client.h"
#include "sl-sync-keyring.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_MANAGER (sl_sync_manager_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncManager, sl_sync_manager, SL, SYNC_MANAGER, GObject)

/* The sharing of one open workspace: its server account, the password
 * in the keyring, and the client that runs while the workspace is open
 * (property client, NULL when not connected). needs-password is TRUE
 * when the workspace has an account but the keyring no password for it. */
SlSyncManager *sl_sync_manager_new            (SlWorkspace         *workspace,
                                               SlSyncKeyring       *keyring);
SlWorkspace   *sl_sync_manager_get_workspace  (SlSyncManager       *self);
SlSyncKeyring *sl_sync_manager_get_keyring    (SlSyncManager       *self);
SlSyncClient  *sl_sync_manager_get_client     (SlSyncManager       *self);
/* The workspace's account, connected or waiting for its password, or NULL. */
SlSyncAccount *sl_sync_manager_get_account    (SlSyncManager       *self);
gboolean       sl_sync_manager_needs_password (SlSyncManager       *self);

/* Starts sharing when the workspace has an account whose password the
 * keyring has. */
void           sl_sync_manager_resume         (SlSyncManager       *self);
/* Checks the server with one round as @user; then keeps the account and
 * the password and starts the client. On failure nothing is kept. */
void           sl_sync_manager_connect_async  (SlSyncManager       *self,
                                               const char          *url,
                                               const char          *database,
                                               const char          *user,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       sl_sync_manager_connect_finish (SlSyncManager       *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Stops sharing and forgets the account and its password; the items
 * stay as they are. */
void           sl_sync_manager_disconnect     (SlSyncManager       *self);

G_END_DECLS
