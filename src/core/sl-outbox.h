/* sl-outbox.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-document.h"

G_BEGIN_DECLS

typedef enum
{
  SL_OUTBOX_PULL_APPLIED,    /* written to the rows; nothing to push */
  SL_OUTBOX_PULL_UNCHANGED,  /* this revision, or a later one, was here already */
  SL_OUTBOX_PULL_MERGED,     /* merged with local edits, which still need pushing */
  SL_OUTBOX_PULL_CONFLICT,   /* clashes with local edits: kept for the user, rows untouched */
} SlOutboxPull;

#define SL_TYPE_OUTBOX (sl_outbox_get_type ())
G_DECLARE_FINAL_TYPE (SlOutbox, sl_outbox, SL, OUTBOX, GObject)

/* The sync state of a workspace's shared items (docs/sync.md): the
 * triggers of the schema mark an edited item dirty in sync_doc; the
 * outbox lists those documents, records what the server accepted and
 * applies what it sends. */
SlOutbox  *sl_outbox_new            (SlDatabase    *db);

/* How many documents wait to be pushed (as listed below). */
gboolean   sl_outbox_count_dirty    (SlOutbox      *self,
                                     guint         *count,
                                     GError       **error);
/* Up to @limit (0: all) dirty documents, encoded, as JsonNode objects
 * ready for _bulk_docs: with _rev when the server has a revision,
 * tombstones as {"_id", "_rev", "_deleted": true}. Goals come first,
 * then plans, requests, annotations, comments and decisions, so that a
 * document is sent after those it refers to. Documents waiting on a
 * conflict, or refused by the server in this version, are left out. */
GPtrArray *sl_outbox_list_dirty     (SlOutbox      *self,
                                     guint          limit,
                                     GError       **error);
/* Records that the server stored @pushed (as listed) at @rev: its
 * revision and base document are kept and the dirty flag cleared,
 * unless the item changed again since it was listed. */
gboolean   sl_outbox_mark_pushed    (SlOutbox      *self,
                                     JsonNode      *pushed,
                                     const char    *rev,
                                     GError       **error);
/* Applies a document pulled from the server (with its _rev), in one
 * transaction: its rows, then its revision and base document, the
 * dirty flag left clear. A revision already here, or older than the
 * one here, is skipped. When the item has local edits not yet pushed,
 * the two are merged field by field (sl_document_merge()): a clean
 * merge is written and stays dirty; a clash leaves the rows as they are
 * and keeps the server's document in sync_doc.conflict_json. On error
 * nothing changes. */
gboolean   sl_outbox_apply_pulled   (SlOutbox      *self,
                                     SlDocument    *doc,
                                     SlOutboxPull  *result,
                                     GError       **error);

G_END_DECLS
