/* sl-sync-keyring.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-sync-account.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_KEYRING (sl_sync_keyring_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncKeyring, sl_sync_keyring, SL, SYNC_KEYRING, GObject)

/* The passwords of server accounts, in the user's keyring through
 * libsecret (schema io.github.sunlightapp.Sunlight.Server: url,
 * database, user). Where no secret service runs, passwords are kept in
 * memory until the program ends, and the in-memory property says so. */
SlSyncKeyring *sl_sync_keyring_new            (void);
/* Never asks a secret service (tests, the command line). */
SlSyncKeyring *sl_sync_keyring_new_in_memory  (void);
gboolean       sl_sync_keyring_is_in_memory   (SlSyncKeyring       *self);

void           sl_sync_keyring_store_async    (SlSyncKeyring       *self,
                                               SlSyncAccount       *account,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       sl_sync_keyring_store_finish   (SlSyncKeyring       *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* The password, or NULL (without an error) when none is kept. */
void           sl_sync_keyring_lookup_async   (SlSyncKeyring       *self,
                                               SlSyncAccount       *account,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char          *sl_sync_keyring_lookup_finish  (SlSyncKeyring       *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Forgets the password (in the background). */
void           sl_sync_keyring_forget         (SlSyncKeyring       *self,
                                               SlSyncAccount       *account);

G_END_DECLS
