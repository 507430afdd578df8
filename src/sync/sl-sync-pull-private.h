/* sl-sync-pull-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-sync-pull.h"

G_BEGIN_DECLS

/* Shared by sl-sync-pull.c (requests) and sl-sync-pull-apply.c (pages). */
struct _SlSyncPull
{
  GObject           parent_instance;

  SlSyncSession    *session;
  SlDatabase       *db;
  SlOutbox         *outbox;
  SlSyncAccount    *account;
  SlSyncCheckpoint *checkpoint;
  guint             page_size;
  guint             counts[SL_OUTBOX_PULL_CONFLICT + 1];
  guint             n_failed;
};

/* A pulled document waiting to be applied. */
typedef struct
{
  SlDocument *doc;
  guint64     index;      /* its place in the feed */
  char       *prev_seq;   /* the sequence just before it (raw JSON) */
} SlPullEntry;

typedef struct
{
  char      *since;       /* where the next page starts (raw JSON), NULL: the beginning */
  gboolean   longpoll;
  GPtrArray *pending;     /* SlPullEntry: refer to documents not here yet */
  guint64    counter;
  guint      rows;        /* of the page being applied */
} SlPullRun;

/* sl-sync-pull-apply.c */
void      sl_sync_pull_entry_free     (SlPullEntry        *entry);
/* Applies one page in one transaction with its checkpoint; @final when
 * the feed has no more (waiting documents are then given up). */
gboolean  sl_sync_pull_apply_page     (SlSyncPull   *self,
                                       SlPullRun          *run,
                                       JsonArray    *results,
                                       const char   *last_seq,
                                       gboolean      final,
                                       GError      **error);

static inline void
sl_sync_pull_replace_string (char **slot,
                             char  *value)
{
  g_free (*slot);
  *slot = value;
}

/* Raw JSON of @node, NULL for none or null. */
static inline char *
sl_sync_pull_node_text (JsonNode *node)
{
  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_to_string (node, FALSE) : NULL;
}

G_END_DECLS
