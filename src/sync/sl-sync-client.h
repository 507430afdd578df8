/* sl-sync-client.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-sync-account.h"
#include "sl-sync-issue-store.h"
#include "sl-sync-pull.h"
#include "sl-sync-push.h"
#include "sl-sync-state.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_CLIENT (sl_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncClient, sl_sync_client, SL, SYNC_CLIENT, GObject)

/* Shares one workspace's items through one server account
 * (docs/sync.md): a round logs in (the server's roles set the
 * workspace's user role, its user name the author), loads the
 * checkpoint, pushes the outbox, pulls the server's changes and pushes
 * what merging left. Running, it then waits on the server's changes
 * (longpoll), pushes edits as they are made, retries failures with a
 * backoff (1 s doubling to 60 s) and pauses while the network is down.
 *
 * Properties: state (SlSyncState), waiting (documents to send),
 * error-message, issues (SlSyncIssueStore: refusals and clashes).
 * ::round-finished (gboolean success) after every round. */
SlSyncClient     *sl_sync_client_new               (SlWorkspace       *workspace,
                                                    SlSyncAccount     *account,
                                                    const char        *password);
SlWorkspace      *sl_sync_client_get_workspace     (SlSyncClient      *self);
SlSyncAccount    *sl_sync_client_get_account       (SlSyncClient      *self);
SlSyncIssueStore *sl_sync_client_get_issues        (SlSyncClient      *self);
void              sl_sync_client_set_password      (SlSyncClient      *self,
                                                    const char        *password);
/* Documents per _bulk_docs request and rows per _changes page. */
void              sl_sync_client_set_batch_sizes   (SlSyncClient      *self,
                                                    guint              push_batch,
                                                    guint              pull_page);
/* The monitor telling whether the network is up (default: GIO's, not
 * asked about a server on this computer). */
void              sl_sync_client_set_network_monitor (SlSyncClient    *self,
                                                    GNetworkMonitor   *monitor);

/* One round, as described above. */
void              sl_sync_client_sync_async        (SlSyncClient      *self,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean          sl_sync_client_sync_finish       (SlSyncClient      *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

/* Keeps the workspace in sync until stopped. */
void              sl_sync_client_start             (SlSyncClient      *self);
void              sl_sync_client_stop              (SlSyncClient      *self);
gboolean          sl_sync_client_is_running        (SlSyncClient      *self);
/* Running: a round now, instead of waiting for changes or a retry. */
void              sl_sync_client_sync_now          (SlSyncClient      *self);

/* Answers the clash on @doc_id: this workspace's version (@keep_mine)
 * or the server's; the workspace is told what changed and, running,
 * the answer is sent. */
gboolean          sl_sync_client_resolve           (SlSyncClient      *self,
                                                    const char        *doc_id,
                                                    gboolean           keep_mine,
                                                    GError           **error);

SlSyncState       sl_sync_client_get_state         (SlSyncClient      *self);
guint             sl_sync_client_get_waiting       (SlSyncClient      *self);
/* Why the last round failed, or NULL. */
const char       *sl_sync_client_get_error_message (SlSyncClient      *self);
/* sl_sync_state_describe() of the current state. */
char             *sl_sync_client_dup_status_text   (SlSyncClient      *self);

/* The push and pull helpers (for their counts). */
SlSyncPush       *sl_sync_client_get_push          (SlSyncClient      *self);
SlSyncPull       *sl_sync_client_get_pull          (SlSyncClient      *self);

G_END_DECLS
