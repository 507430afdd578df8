/* sl-sync-client-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-sync-checkpoint.h"
#include "sl-sync-client.h"
#include "sl-sync-session.h"

G_BEGIN_DECLS

/* Shared by sl-sync-client.c (rounds) and sl-sync-client-loop.c (running). */
struct _SlSyncClient
{
  GObject           parent_instance;

  SlWorkspace      *workspace;
  SlDatabase       *db;
  SlSyncAccount    *account;
  SlSyncSession    *session;
  SlSyncCheckpoint *checkpoint;
  SlOutbox         *outbox;
  SlSyncIssueStore *issues;
  SlSyncPush       *push;
  SlSyncPull       *pull;
  GNetworkMonitor  *monitor;
  gulong            monitor_id;
  gboolean          monitor_given;     /* not GIO's: trusted for loopback too */

  SlSyncState       state;
  guint             waiting;
  char             *error_message;
  gboolean          checkpoint_stale;  /* load it again before the next pull */
  gboolean          notifying;         /* telling the workspace about a pull */
  guint             applied_seen;      /* pulled and merged documents already told */

  /* Running */
  gboolean          running;
  gboolean          busy;              /* a round is under way */
  gboolean          again;             /* edits came during it */
  GCancellable     *cancellable;       /* of the round or longpoll under way */
  guint             timer_id;          /* the next round */
  guint             backoff;           /* seconds before the next retry */
};

/* sl-sync-client.c */
void     sl_sync_client_emit_round_finished (SlSyncClient *self,
                                          gboolean      success);
void     sl_sync_client_set_state        (SlSyncClient  *self,
                                          SlSyncState    state,
                                          const char    *error_message);
/* Counts the outbox and sets synced or waiting. */
void     sl_sync_client_refresh_state    (SlSyncClient  *self);
/* Sets the state after a failed round or longpoll. */
void     sl_sync_client_record_failure   (SlSyncClient  *self,
                                          const GError  *error);
/* Tells the workspace what pulls and merges changed, reloads issues. */
void     sl_sync_client_publish_changes  (SlSyncClient  *self);
gboolean sl_sync_client_network_is_down  (SlSyncClient  *self);

/* sl-sync-client-loop.c */
void     sl_sync_client_workspace_changed (SlSyncClient *self);
void     sl_sync_client_network_changed   (SlSyncClient *self);
void     sl_sync_client_loop_dispose      (SlSyncClient *self);

G_END_DECLS
