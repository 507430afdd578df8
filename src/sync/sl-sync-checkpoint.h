/* sl-sync-checkpoint.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-sync-account.h"
#include "sl-sync-session.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_CHECKPOINT (sl_sync_checkpoint_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncCheckpoint, sl_sync_checkpoint, SL, SYNC_CHECKPOINT, GObject)

/* Where the pull starts: the account's last_seq, kept per server uuid
 * and mirrored on the server in _local/sunlight-<client id>. Loading
 * checks both: another server, or a copy on the server that is missing
 * or says otherwise (a restored server or workspace), starts over. */
SlSyncCheckpoint *sl_sync_checkpoint_new          (SlSyncSession     *session,
                                                   SlSyncAccount     *account);
/* Also fails with SL_SYNC_ERROR_NOT_FOUND when the database is not there. */
void              sl_sync_checkpoint_load_async   (SlSyncCheckpoint  *self,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
gboolean          sl_sync_checkpoint_load_finish  (SlSyncCheckpoint  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
/* Writes the account's last_seq to the server's copy. */
void              sl_sync_checkpoint_save_async   (SlSyncCheckpoint  *self,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
gboolean          sl_sync_checkpoint_save_finish  (SlSyncCheckpoint  *self,
                                                   GAsyncResult      *result,
                                                   GError           **error);
gboolean          sl_sync_checkpoint_is_loaded    (SlSyncCheckpoint  *self);

/* The since= value of @last_seq (raw JSON; NULL: from the start),
 * percent-encoded: 42 → "42", "5-g1AA…" → "5-g1AA…". */
char             *sl_sync_checkpoint_since_param  (const char        *last_seq);

G_END_DECLS
