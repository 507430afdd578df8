/* sl-server-db.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-server-doc.h"

G_BEGIN_DECLS

/* Judges one write for the role rules: @old_doc holds the fields of the
 * revision being replaced (NULL for a new document or over a tombstone).
 * Sets a SL_SERVER_ERROR_FORBIDDEN (or UNAUTHORIZED) error to refuse it. */
typedef gboolean (*SlServerValidateFunc) (SlServerDoc             *doc,
                                          const SlServerDocFields *old_doc,
                                          gpointer                 user_data,
                                          GError                 **error);

/* The answer for one document of a write. */
typedef struct
{
  char   *id;
  char   *rev;     /* the new revision; NULL on error */
  GError *error;   /* conflict, forbidden, …; NULL on success */
  guint   stored : 1;  /* FALSE for a replicated revision already known */
} SlServerWriteResult;

void sl_server_write_result_free (SlServerWriteResult *result);

typedef struct
{
  gint64 doc_count;      /* not deleted */
  gint64 doc_del_count;  /* tombstones */
  gint64 update_seq;
} SlServerDbInfo;

typedef enum
{
  SL_SERVER_READ_REVS      = 1 << 0,  /* add `_revisions` */
  SL_SERVER_READ_CONFLICTS = 1 << 1,  /* add `_conflicts` */
} SlServerReadFlags;

typedef struct
{
  gint64   since;
  gint64   limit;          /* ≤ 0: no limit */
  gboolean include_docs;
  gboolean all_leaves;     /* style=all_docs */
  gboolean conflicts;      /* `_conflicts` in the docs */
} SlServerChangesQuery;

typedef struct
{
  JsonArray *keys;          /* rows for these ids only, in this order */
  char      *start_key;
  char      *end_key;
  gboolean   inclusive_end;
  gboolean   descending;
  gint64     limit;         /* < 0: no limit */
  gint64     skip;
  gboolean   include_docs;
  gboolean   conflicts;
} SlServerAllDocsQuery;

/* The default `_security` object: every user of the server is a member. */
#define SL_SERVER_DB_DEFAULT_SECURITY \
  "{\"admins\":{\"names\":[],\"roles\":[]}," \
  "\"members\":{\"names\":[],\"roles\":[\"marketing\",\"finance\",\"viewer\"]}}"

#define SL_TYPE_SERVER_DB (sl_server_db_get_type ())
G_DECLARE_FINAL_TYPE (SlServerDb, sl_server_db, SL, SERVER_DB, GObject)

const char *sl_server_db_get_name     (SlServerDb            *self);
gboolean    sl_server_db_get_info     (SlServerDb            *self,
                                       SlServerDbInfo        *info,
                                       GError               **error);
/* Sequence numbers are per database, from 1; 0 is the empty start. */
gboolean    sl_server_db_get_update_seq (SlServerDb          *self,
                                       gint64                *seq,
                                       GError               **error);

/* Writes @docs (SlServerDoc) in one transaction and returns one
 * SlServerWriteResult per document, in order. @new_edits FALSE stores
 * replicated revisions as given, merging their ancestry. A storage
 * failure undoes everything and returns NULL. Emits ::changed. */
GPtrArray  *sl_server_db_write        (SlServerDb            *self,
                                       GPtrArray             *docs,
                                       gboolean               new_edits,
                                       SlServerValidateFunc   validate,
                                       gpointer               user_data,
                                       GError               **error);

/* A document as JSON: the winner, or @rev. NOT_FOUND "missing" or
 * "deleted" otherwise. *@out_rev gets the revision read. */
GString    *sl_server_db_read_doc     (SlServerDb            *self,
                                       const char            *id,
                                       const char            *rev,
                                       SlServerReadFlags      flags,
                                       char                 **out_rev,
                                       GError               **error);
/* `open_revs`: a JSON array of {"ok": doc} / {"missing": rev}; @revs
 * NULL means every leaf. */
GString    *sl_server_db_read_open_revs (SlServerDb          *self,
                                       const char            *id,
                                       const char * const    *revs,
                                       SlServerReadFlags      flags,
                                       GError               **error);
/* `_bulk_get`: @request is {"docs": [{"id", "rev"?}, …]}. */
GString    *sl_server_db_bulk_get     (SlServerDb            *self,
                                       JsonObject            *request,
                                       SlServerReadFlags      flags,
                                       GError               **error);
/* `_revs_diff`: @request maps ids to lists of revs. */
GString    *sl_server_db_revs_diff    (SlServerDb            *self,
                                       JsonObject            *request,
                                       GError               **error);

/* `_changes` (normal feed): the whole answer, with seqs as strings.
 * *@n_rows gets the number of rows. */
GString    *sl_server_db_changes      (SlServerDb            *self,
                                       const SlServerChangesQuery *query,
                                       guint                 *n_rows,
                                       GError               **error);
/* `_all_docs`: the whole answer. */
GString    *sl_server_db_all_docs     (SlServerDb            *self,
                                       const SlServerAllDocsQuery *query,
                                       GError               **error);

/* `_local/` documents: not replicated, not in `_changes`, revisions
 * "0-N". @id is the whole id, "_local/…". */
GString    *sl_server_db_get_local    (SlServerDb            *self,
                                       const char            *id,
                                       GError               **error);
char       *sl_server_db_put_local    (SlServerDb            *self,
                                       const char            *id,
                                       JsonObject            *doc,
                                       GError               **error);
char       *sl_server_db_delete_local (SlServerDb            *self,
                                       const char            *id,
                                       const char            *rev,
                                       GError               **error);

/* `_security`, as JSON. */
char       *sl_server_db_get_security (SlServerDb            *self,
                                       GError               **error);
gboolean    sl_server_db_set_security (SlServerDb            *self,
                                       JsonObject            *security,
                                       GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlServerWriteResult, sl_server_write_result_free)

G_END_DECLS
