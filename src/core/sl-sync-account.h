/* sl-sync-account.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_ACCOUNT (sl_sync_account_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncAccount, sl_sync_account, SL, SYNC_ACCOUNT, GObject)

/* A server this workspace shares its items through (a row of
 * sync_server): the server's URL, the database on it, the user name, and
 * the checkpoint of the pull, kept per server uuid. The password is not
 * here: the app keeps it in the keyring. */

/* Every account of the workspace, oldest first (SlSyncAccount). */
GPtrArray     *sl_sync_account_list            (SlDatabase     *db,
                                                GError        **error);
/* The first account, or NULL without an error when there is none. */
SlSyncAccount *sl_sync_account_lookup_first    (SlDatabase     *db,
                                                GError        **error);
/* Adds an account, or updates the user name of the one with the same
 * @url (without its trailing slash) and @database. */
SlSyncAccount *sl_sync_account_add             (SlDatabase     *db,
                                                const char     *url,
                                                const char     *database,
                                                const char     *user,
                                                GError        **error);
/* Forgets the account and its checkpoint; the items stay as they are. */
gboolean       sl_sync_account_remove          (SlSyncAccount  *self,
                                                GError        **error);

/* Reads the checkpoint again (after a transaction that wrote it was
 * rolled back). */
gboolean       sl_sync_account_reload          (SlSyncAccount  *self,
                                                GError        **error);

/* The workspace's database the account is kept in. */
SlDatabase    *sl_sync_account_get_database    (SlSyncAccount  *self);
gint64         sl_sync_account_get_id          (SlSyncAccount  *self);
const char    *sl_sync_account_get_url         (SlSyncAccount  *self);
/* The database's name on the server. */
const char    *sl_sync_account_get_db_name     (SlSyncAccount  *self);
const char    *sl_sync_account_get_user        (SlSyncAccount  *self);
/* A random id naming this workspace's checkpoint on the server. */
const char    *sl_sync_account_get_client_id   (SlSyncAccount  *self);
/* The uuid of the server the checkpoint is from, or NULL. */
const char    *sl_sync_account_get_server_uuid (SlSyncAccount  *self);
/* The last sequence pulled, as the server wrote it (raw JSON: 42 or
 * "42-g1AAA…"), or NULL to start from the beginning. */
const char    *sl_sync_account_get_last_seq    (SlSyncAccount  *self);
/* When the last pull ended (µs since the epoch), or 0. */
gint64         sl_sync_account_get_last_sync_at (SlSyncAccount *self);

/* Records the server's uuid; a different one than before drops the
 * checkpoint, which belongs to the other server. */
gboolean       sl_sync_account_set_server_uuid (SlSyncAccount  *self,
                                                const char     *uuid,
                                                GError        **error);
/* Stores the checkpoint (NULL: start over). Call it inside the
 * transaction that wrote the documents it covers. */
gboolean       sl_sync_account_set_last_seq    (SlSyncAccount  *self,
                                                const char     *last_seq,
                                                GError        **error);

G_END_DECLS
