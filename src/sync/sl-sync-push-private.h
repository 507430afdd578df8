/* sl-sync-push-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-sync-push.h"

G_BEGIN_DECLS

/* Sends of one document in one run before it is left for the next. */
#define MAX_ATTEMPTS 3

/* Shared by sl-sync-push.c (requests) and sl-sync-push-record.c (answers). */
struct _SlSyncPush
{
  GObject           parent_instance;

  SlSyncSession    *session;
  SlOutbox         *outbox;
  SlSyncIssueStore *issues;
  SlDatabase       *db;
  guint             batch_size;
  guint             n_pushed;
  guint             n_refused;
  guint             n_clashes;
  guint             n_merged;
};

typedef struct
{
  GHashTable *attempts;    /* doc id → sends in this run */
  GPtrArray  *batch;       /* JsonNode: the documents sent */
  GQueue      conflicts;   /* doc ids whose server version to fetch */
  gboolean    relogged;    /* after a per-document "unauthorized" */
  gboolean    relog;       /* one is due */
} SlPushRun;

static inline const char *
sl_sync_push_doc_id (JsonNode *doc)
{
  return json_object_get_string_member (json_node_get_object (doc), "_id");
}

/* sl-sync-push-record.c */
/* Records the answers to the batch sent, in one transaction. */
gboolean sl_sync_push_record_batch (SlSyncPush  *self,
                                    SlPushRun   *run,
                                    JsonNode    *answers,
                                    GError     **error);
/* Merges @theirs, the server's version of @id after a conflict, into
 * the workspace; FALSE only when the workspace could not be written. */
gboolean sl_sync_push_merge_theirs (SlSyncPush  *self,
                                    SlPushRun   *run,
                                    const char  *id,
                                    JsonNode    *theirs,
                                    GError     **error);
/* The newest leaf of GET ?open_revs=all (a deleted document's tombstone). */
JsonNode *sl_sync_push_newest_leaf (JsonNode    *node);

G_END_DECLS
