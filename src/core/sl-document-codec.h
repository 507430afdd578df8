/* sl-document-codec.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-document.h"

G_BEGIN_DECLS

#define SL_TYPE_DOCUMENT_CODEC (sl_document_codec_get_type ())
G_DECLARE_FINAL_TYPE (SlDocumentCodec, sl_document_codec, SL, DOCUMENT_CODEC, GObject)

SlDocumentCodec *sl_document_codec_new        (SlDatabase       *db);
SlDatabase      *sl_document_codec_get_database (SlDocumentCodec *self);

/* The sync document of a shared item (docs/sync.md) from its rows: an
 * object without _rev. Members of the last document seen from the
 * server that our schema does not know are carried over; a newer
 * schema's document comes back exactly as it was received; an item
 * deleted since it was last pushed or pulled gives its tombstone
 * {"_id", "_deleted": true}. SL_DOCUMENT_ERROR_NOT_FOUND when there is
 * no such item. */
JsonNode        *sl_document_codec_encode     (SlDocumentCodec  *self,
                                               const char       *doc_id,
                                               GError          **error);
/* The same by the item's table ("goal", "annotation", "realloc_plan",
 * "budget_request", "comment", "decision") and row id. */
JsonNode        *sl_document_codec_encode_row (SlDocumentCodec  *self,
                                               const char       *table,
                                               gint64            id,
                                               GError          **error);

/* Writes a decoded document to the rows in one transaction (a savepoint
 * inside one already open): inserts or updates the item by uuid with
 * its key results or lines, finds channels and campaigns by name and
 * creates those missing, finds goals and plans by uuid
 * (SL_DOCUMENT_ERROR_REFERENCE when this workspace has none), deletes
 * the item for a tombstone, and keeps a newer schema's document whole
 * in sync_doc. On any error nothing has changed. The outbox triggers
 * mark the document dirty, as for any edit; SlOutbox applies pulled
 * documents without. */
gboolean         sl_document_codec_apply      (SlDocumentCodec  *self,
                                               SlDocument       *doc,
                                               GError          **error);

G_END_DECLS
