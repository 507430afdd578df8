/* sl-document-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the document, its codec and the outbox share: the field tables
 * of each document type (sl-document-spec.c), the validated values a
 * decoded document holds (sl-document-read.c) and the helpers that turn
 * rows into JSON (sl-document-write.c).
 */

#pragma once

#include "sl-database.h"
#include "sl-document.h"

G_BEGIN_DECLS

/* How one JSON field reads, and which columns it fills. */
typedef enum
{
  SL_FIELD_TEXT,           /* string → column */
  SL_FIELD_TEXT_OR_NULL,
  SL_FIELD_ENUM,           /* one of spec->values */
  SL_FIELD_DAY,            /* "2025-03-01" → day column */
  SL_FIELD_DAY_OR_NULL,
  SL_FIELD_PERIOD,         /* {"first", "last"} → column, column2 */
  SL_FIELD_MONEY,          /* {"minor", "currency"} → column, column2 */
  SL_FIELD_MONEY_OR_NULL,
  SL_FIELD_PLAN_MONEY,     /* money in the plan's currency → column */
  SL_FIELD_TARGET,         /* a count, or money in the workspace currency when unit is money */
  SL_FIELD_TIME_OR_NULL,   /* RFC 3339 → µs column */
  SL_FIELD_CHANNEL,        /* a channel name or null → channel id */
  SL_FIELD_LINE_CHANNEL,   /* a channel name or null for the reserve → column, is_reserve column2 */
  SL_FIELD_CAMPAIGN,       /* {"channel", "name"} or null → campaign id */
  SL_FIELD_GOAL,           /* a goal uuid or null → goal id */
  SL_FIELD_PLAN,           /* a plan uuid or null → plan id */
  SL_FIELD_DOC_ID,         /* "plan:<uuid>" */
  SL_FIELD_UUID,           /* a line's own uuid */
  SL_FIELD_OBJECT,         /* any object without fractions, kept verbatim as text */
} SlFieldKind;

typedef struct
{
  const char         *name;
  SlFieldKind         kind;
  const char         *column;
  const char         *column2;
  const char * const *values;
} SlFieldSpec;

/* Rows that travel inside a document: key results, plan and request lines. */
typedef struct
{
  const char        *name;           /* "key_results", "lines" */
  const char        *table;
  const char        *parent_column;
  gboolean           by_uuid;        /* matched by their uuid, else by position */
  const char        *fixed_column;   /* a column every row gets… */
  const char        *fixed_value;    /* …with this value */
  const char        *order_by;
  const SlFieldSpec *fields;
  guint              n_fields;
} SlRowSpec;

typedef struct
{
  SlDocumentKind     kind;
  const char        *type;
  const char        *table;
  gboolean           has_updated_at;
  gboolean           immutable;
  const SlFieldSpec *fields;
  guint              n_fields;
  const SlRowSpec   *rows;           /* or NULL */
} SlTypeSpec;

/* One validated field value. */
typedef struct
{
  gboolean  is_null;
  gint64    a;       /* day, first day, minor units, µs, count */
  gint64    b;       /* last day */
  char     *text;    /* text, enum value, currency, channel, uuid, JSON */
  char     *text2;   /* a campaign's name (text is its channel) */
} SlFieldValue;

typedef struct
{
  guint        n_values;
  SlFieldValue values[];
} SlFieldRow;

const SlTypeSpec  *sl_document_spec_for_type   (const char        *type);
const SlTypeSpec  *sl_document_spec_for_table  (const char        *table);
const SlTypeSpec  *sl_document_spec_for_kind   (SlDocumentKind     kind);
/* The index of @name in @fields, or -1. */
int                sl_document_spec_find       (const SlFieldSpec *fields,
                                                guint              n_fields,
                                                const char        *name);
/* Whether @name is a member our schema defines for @spec. */
gboolean           sl_document_spec_knows      (const SlTypeSpec  *spec,
                                                const char        *name);

SlFieldRow        *sl_field_row_new            (guint              n_values);
void               sl_field_row_free           (SlFieldRow        *row);

/* Sets @error: "<doc_id>: field “<path>”: <reason>". Returns FALSE. */
gboolean           sl_document_fail            (GError           **error,
                                                int                code,
                                                const char        *doc_id,
                                                const char        *path,
                                                const char        *reason);

/* Reads @object's fields per @fields into @row; @prefix starts each
 * field's path ("lines[2]."). @strict refuses members not in @fields. */
gboolean           sl_document_read_fields     (const char        *doc_id,
                                                JsonObject        *object,
                                                const char        *prefix,
                                                const SlFieldSpec *fields,
                                                guint              n_fields,
                                                gboolean           strict,
                                                SlFieldRow        *row,
                                                GError           **error);
gboolean           sl_document_read_time       (const char        *doc_id,
                                                JsonObject        *object,
                                                const char        *name,
                                                gint64            *out,
                                                GError           **error);
gboolean           sl_document_read_string     (const char        *doc_id,
                                                JsonObject        *object,
                                                const char        *name,
                                                const char       **out,
                                                GError           **error);
/* The rules a type's fields must keep together (loss → plan, …). */
gboolean           sl_document_check_rules     (SlDocument        *doc,
                                                GError           **error);

/* Accessors for the codec. */
const SlTypeSpec  *sl_document_get_spec        (SlDocument        *self);
SlFieldRow        *sl_document_get_values      (SlDocument        *self);
/* The rows of spec->rows, as SlFieldRow. */
GPtrArray         *sl_document_get_rows        (SlDocument        *self);

/* Members of @object starting with '_' that are CouchDB's, not ours
 * (_rev, _revisions, _conflicts…); _id and _deleted are ours. */
gboolean           sl_document_is_meta_member  (const char        *name);
/* A copy of @object without CouchDB's members. */
JsonObject        *sl_document_strip_meta      (JsonObject        *object);
/* Equal as documents: the same members and values, CouchDB's ignored. */
gboolean           sl_document_json_equal      (JsonObject        *a,
                                                JsonObject        *b);
JsonObject        *sl_document_new_tombstone   (const char        *doc_id);
/* A node holding @object; takes the reference. */
JsonNode          *sl_document_object_node     (JsonObject        *object);

/* Adds @value of @field to @object (the encoder's half of read_fields). */
void               sl_document_write_field     (JsonObject        *object,
                                                const SlFieldSpec *field,
                                                sqlite3_stmt      *stmt,
                                                int               *column,
                                                const char        *currency);
/* The SELECT list that sl_document_write_field() reads, in order. */
void               sl_document_append_select   (GString           *sql,
                                                const SlFieldSpec *fields,
                                                guint              n_fields);

/* Writes @doc to the rows (sl-document-apply.c); the caller holds a
 * transaction and rolls it back on error. */
gboolean           sl_document_apply_rows      (SlDatabase        *db,
                                                SlDocument        *doc,
                                                GError           **error);

G_END_DECLS
