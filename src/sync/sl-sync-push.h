/* sl-sync-push.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-outbox.h"
#include "sl-sync-issue-store.h"
#include "sl-sync-session.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_PUSH (sl_sync_push_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncPush, sl_sync_push, SL, SYNC_PUSH, GObject)

/* Pushes the outbox: its dirty documents go to _bulk_docs in batches;
 * the answers, matched by id, are recorded in one transaction per
 * batch. A conflict fetches the server's version and merges it with
 * the local edits against their base (the outbox's apply-pulled): a
 * clean merge is pushed again, a clash waits for the user. A refusal
 * (forbidden) keeps the item local with the server's reason. Emits
 * ::batch-pushed (guint documents) after recording each batch. */
SlSyncPush *sl_sync_push_new            (SlSyncSession     *session,
                                         SlOutbox          *outbox,
                                         SlSyncIssueStore  *issues,
                                         SlDatabase        *db);
/* Documents per request (default 200). */
void        sl_sync_push_set_batch_size (SlSyncPush        *self,
                                         guint              batch_size);

/* Pushes until the outbox has nothing more to send (documents that keep
 * failing are left for the next run). */
void        sl_sync_push_run_async      (SlSyncPush        *self,
                                         GCancellable      *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer           user_data);
gboolean    sl_sync_push_run_finish     (SlSyncPush        *self,
                                         GAsyncResult      *result,
                                         GError           **error);

/* Since the push was made: documents the server stored, refused, and
 * clashes kept for the user. */
guint       sl_sync_push_get_n_pushed   (SlSyncPush        *self);
guint       sl_sync_push_get_n_refused  (SlSyncPush        *self);
guint       sl_sync_push_get_n_clashes  (SlSyncPush        *self);
/* Conflicts whose server version was written here, merged or as it was. */
guint       sl_sync_push_get_n_merged   (SlSyncPush        *self);

G_END_DECLS
