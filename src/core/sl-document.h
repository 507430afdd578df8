/* sl-document.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SL_DOCUMENT_ERROR (sl_document_error_quark ())

typedef enum
{
  SL_DOCUMENT_ERROR_INVALID,        /* not JSON, not an object, nested too deep */
  SL_DOCUMENT_ERROR_UNKNOWN_TYPE,   /* "type" is none of ours */
  SL_DOCUMENT_ERROR_MISSING_FIELD,
  SL_DOCUMENT_ERROR_WRONG_TYPE,     /* text where a number belongs, a fraction… */
  SL_DOCUMENT_ERROR_BAD_VALUE,      /* a date, currency, enum value or id that is not one */
  SL_DOCUMENT_ERROR_UNKNOWN_FIELD,  /* inside money, periods, key results or lines */
  SL_DOCUMENT_ERROR_RULE,           /* a loss without its plan, an end before the start… */
  SL_DOCUMENT_ERROR_REFERENCE,      /* a goal or plan this workspace does not have */
  SL_DOCUMENT_ERROR_NOT_FOUND,      /* no such shared item */
  SL_DOCUMENT_ERROR_IMMUTABLE,      /* a comment or decision that differs from ours */
} SlDocumentError;

/* The schema of the documents this build writes (docs/sync.md). */
#define SL_DOCUMENT_SCHEMA 1

typedef enum
{
  SL_DOCUMENT_KIND_GOAL,
  SL_DOCUMENT_KIND_ANNOTATION,
  SL_DOCUMENT_KIND_PLAN,
  SL_DOCUMENT_KIND_REQUEST,
  SL_DOCUMENT_KIND_COMMENT,
  SL_DOCUMENT_KIND_DECISION,
  SL_DOCUMENT_KIND_FOREIGN,         /* a newer schema's document, kept whole */
} SlDocumentKind;

#define SL_TYPE_DOCUMENT (sl_document_get_type ())
G_DECLARE_FINAL_TYPE (SlDocument, sl_document, SL, DOCUMENT, GObject)

GQuark          sl_document_error_quark    (void);

/* Decodes a sync document strictly (docs/sync.md): every field present
 * and of its type, money as integer minor units with an ISO 4217 code,
 * ISO dates, known enum values, the schema's rules. The error names the
 * document and the field ("annotation:…: field “period.first”: …").
 * A document of a newer schema is accepted whole as
 * SL_DOCUMENT_KIND_FOREIGN; {"_id", "_deleted": true} is a tombstone.
 * Members starting with '_' other than _id, _rev and _deleted are
 * ignored; other unknown top-level members are kept (see
 * sl_document_get_json()). */
SlDocument     *sl_document_new_from_data  (const char   *data,
                                            gssize        length,
                                            GError      **error);
SlDocument     *sl_document_new_from_json  (JsonNode     *node,
                                            GError      **error);

/* "annotation:0f8e…" */
const char     *sl_document_get_id         (SlDocument   *self);
/* "annotation"; for a foreign document whatever it says it is. */
const char     *sl_document_get_doc_type   (SlDocument   *self);
SlDocumentKind  sl_document_get_kind       (SlDocument   *self);
const char     *sl_document_get_uuid       (SlDocument   *self);
/* The revision it came with (_rev), or NULL. */
const char     *sl_document_get_rev        (SlDocument   *self);
gint64          sl_document_get_schema     (SlDocument   *self);
gboolean        sl_document_is_deleted     (SlDocument   *self);
gboolean        sl_document_is_foreign     (SlDocument   *self);
/* The common fields; NULL or 0 for tombstones and foreign documents. */
const char     *sl_document_get_workspace  (SlDocument   *self);
const char     *sl_document_get_author     (SlDocument   *self);
gint64          sl_document_get_created_at (SlDocument   *self);
gint64          sl_document_get_updated_at (SlDocument   *self);
/* A top-level text or enum field ("status", "verdict", "title"), or
 * NULL when it is null or not such a field of this type. */
const char     *sl_document_get_text       (SlDocument   *self,
                                            const char   *field);
/* The document as it was given, unknown members and all. */
JsonObject     *sl_document_get_json       (SlDocument   *self);

/* RFC 3339 UTC with microseconds ("2025-03-01T09:30:00.000000Z") ⇄ µs
 * since the epoch. Parsing accepts any RFC 3339 time with an offset. */
char           *sl_document_format_time    (gint64        usec);
gboolean        sl_document_parse_time     (const char   *text,
                                            gint64       *usec);

G_END_DECLS
