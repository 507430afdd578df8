/* sl-server-doc.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-json-scan.h"

G_BEGIN_DECLS

/* The longest document id accepted, in bytes. */
#define SL_SERVER_DOC_MAX_ID 512

/* The top-level string members the write rules look at; NULL when
 * absent or not strings. */
typedef struct
{
  char *type;
  char *author;
  char *status;
  char *verdict;
} SlServerDocFields;

/* A document revision a client sends: its id, the revision it edits
 * (or, replicated, the revision itself and its ancestry), whether it is
 * a tombstone, and its body: the members without the special `_` ones,
 * as the client wrote them less insignificant whitespace. */
typedef struct
{
  char              *id;
  gboolean           has_id;           /* the body named it */
  gboolean           has_rev;
  guint              rev_generation;
  char              *rev_hash;
  gboolean           deleted;
  guint              revisions_start;  /* `_revisions`: ids[0] is at this generation */
  GStrv              revisions;        /* newest first; NULL when not sent */
  char              *body;             /* a JSON object */
  SlServerDocFields  fields;
} SlServerDoc;

/* Checks a document id: UTF-8, 1 to SL_SERVER_DOC_MAX_ID bytes, no
 * control characters, a leading '_' only in "_design/…". */
gboolean     sl_server_doc_check_id        (const char  *id,
                                            GError     **error);
/* The same without the underscore rule: the name after "_local/", which
 * may start with '_' (PouchDB's checkpoint ids do one time in 64). */
gboolean     sl_server_doc_check_name      (const char  *id,
                                            GError     **error);
/* 32 random hex digits: new document ids, the server's uuid. */
char        *sl_server_doc_new_uuid        (void);
/* Reads the document object at @scan. Without `_id` it gets a new
 * uuid; `_revisions`, if sent, must agree with `_rev`. */
SlServerDoc *sl_server_doc_read            (SlJsonScan  *scan,
                                            GError     **error);
/* The same from a whole text (one object). */
SlServerDoc *sl_server_doc_new_from_text   (const char  *text,
                                            gssize       length,
                                            GError     **error);
/* A tombstone on @rev (DELETE /db/id?rev=). */
SlServerDoc *sl_server_doc_new_deletion    (const char  *id,
                                            const char  *rev,
                                            GError     **error);
void         sl_server_doc_free            (SlServerDoc *doc);
/* A replicated write (new_edits false) must name its revision. */
gboolean     sl_server_doc_check_replicated (SlServerDoc *doc,
                                            GError     **error);
/* The id from the URL: the body's `_id`, if any, must agree. */
gboolean     sl_server_doc_set_path_id     (SlServerDoc *doc,
                                            const char  *id,
                                            GError     **error);
/* The rev from ?rev= or If-Match: the body's `_rev`, if any, must
 * agree. */
gboolean     sl_server_doc_set_rev         (SlServerDoc *doc,
                                            const char  *rev,
                                            GError     **error);
/* "N-H" of the revision the document names, or NULL. */
char        *sl_server_doc_dup_rev         (SlServerDoc *doc);

/* The rule fields of a stored body; FALSE if it is not a JSON object. */
gboolean     sl_server_doc_fields_read     (const char        *body,
                                            SlServerDocFields *fields);
void         sl_server_doc_fields_clear    (SlServerDocFields *fields);

/* A stored revision as the server answers it. */
typedef struct
{
  const char         *id;
  guint               generation;
  const char         *hash;
  gboolean            deleted;
  const char         *body;             /* a JSON object */
  guint               revisions_start;
  const char * const *revisions;        /* `_revisions` ids, or NULL */
  const char * const *conflicts;        /* `_conflicts` revs, or NULL */
} SlServerDocView;

/* {"_id":…,"_rev":…[,"_deleted":true][,"_revisions":…][,"_conflicts":…],…} */
void         sl_server_doc_append_json     (GString               *out,
                                            const SlServerDocView *view);
/* Appends "N-H" as a JSON string. */
void         sl_server_doc_append_rev      (GString               *out,
                                            guint                  generation,
                                            const char            *hash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlServerDoc, sl_server_doc_free)

G_END_DECLS
