/* sl-sync-pull.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-outbox.h"
#include "sl-sync-account.h"
#include "sl-sync-checkpoint.h"
#include "sl-sync-session.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_PULL (sl_sync_pull_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncPull, sl_sync_pull, SL, SYNC_PULL, GObject)

/* Pulls the server's changes into the workspace: pages of
 * _changes?include_docs=true from the account's checkpoint, each page
 * applied through the outbox (idempotently: a revision already here is
 * skipped) in one transaction with the new checkpoint, which is then
 * mirrored on the server. A document that refers to one not yet here
 * waits for the later pages. Emits ::page-applied (guint rows) after
 * each page. */
SlSyncPull *sl_sync_pull_new           (SlSyncSession     *session,
                                        SlOutbox          *outbox,
                                        SlSyncAccount     *account,
                                        SlSyncCheckpoint  *checkpoint);
/* Rows per page (default 500). */
void        sl_sync_pull_set_page_size (SlSyncPull        *self,
                                        guint              page_size);

/* Pages until the feed is exhausted; with @longpoll, first waits for
 * the next change (35 s at most: then it ends without one). The
 * checkpoint must be loaded. */
void        sl_sync_pull_run_async     (SlSyncPull        *self,
                                        gboolean           longpoll,
                                        GCancellable      *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer           user_data);
gboolean    sl_sync_pull_run_finish    (SlSyncPull        *self,
                                        GAsyncResult      *result,
                                        GError           **error);

/* Documents pulled since the pull was made, by what applying them did. */
guint       sl_sync_pull_get_count     (SlSyncPull        *self,
                                        SlOutboxPull       result);
/* Documents that could not be applied (not valid, or referring to
 * items the server does not have); they are logged. */
guint       sl_sync_pull_get_n_failed  (SlSyncPull        *self);

G_END_DECLS
