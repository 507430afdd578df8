/* sl-server-db-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-rev-tree.h"
#include "sl-server-db.h"
#include "sl-server-store.h"

G_BEGIN_DECLS

struct _SlServerDb
{
  GObject        parent_instance;

  SlServerStore *store;     /* unowned: the store owns its databases */
  gint64         id;
  char          *name;
  gboolean       dropped;
};

SlServerDb *sl_server_db_new          (SlServerStore  *store,
                                       gint64          id,
                                       const char     *name);
gint64      sl_server_db_get_id       (SlServerDb     *self);
/* After DELETE /db: every later call fails with NOT_FOUND. */
void        sl_server_db_mark_dropped (SlServerDb     *self);
gboolean    sl_server_db_check_open   (SlServerDb     *self,
                                       GError        **error);
/* Emits ::changed: @seq is the new update sequence. */
void        sl_server_db_emit_changed (SlServerDb     *self,
                                       gint64          seq);

/* The row of document @id: FALSE on error; *@doc_row 0 when absent. */
gboolean    sl_server_db_find_doc     (SlServerDb     *self,
                                       const char     *id,
                                       gint64         *doc_row,
                                       GError        **error);
/* Every revision of the document at @doc_row (bodies not loaded). */
SlRevTree  *sl_server_db_load_tree    (SlServerDb     *self,
                                       gint64          doc_row,
                                       GError        **error);
/* The stored body of a revision, or NULL (none kept, or an error). */
char       *sl_server_db_load_body    (SlServerDb     *self,
                                       gint64          rev_row,
                                       GError        **error);
/* Revisions "N-H" of @indices (leaves) as a NULL-terminated vector. */
GStrv       sl_server_db_format_revs  (SlRevTree      *tree,
                                       GArray         *indices);
/* A revision of @tree as JSON, with what @flags ask for; FALSE when its
 * body is not kept. */
gboolean    sl_server_db_append_rev   (SlServerDb     *self,
                                       GString        *out,
                                       const char     *id,
                                       SlRevTree      *tree,
                                       int             index,
                                       SlServerReadFlags flags,
                                       GError        **error);

/* The tree of document @id, or NULL with NOT_FOUND "missing". */
SlRevTree  *sl_server_db_load_doc_tree (SlServerDb    *self,
                                       const char     *id,
                                       GError        **error);
/* The leaves at or under @rev in @tree (NULL: none): empty when @rev is
 * unknown. */
GArray     *sl_server_db_find_latest  (SlRevTree      *tree,
                                       const char     *rev);
/* {"ok": doc} for each of @indices whose body is kept, comma-separated
 * from what @out holds; *@n_added says how many. */
gboolean    sl_server_db_append_oks   (SlServerDb     *self,
                                       GString        *out,
                                       const char     *id,
                                       SlRevTree      *tree,
                                       GArray         *indices,
                                       SlServerReadFlags flags,
                                       guint          *n_added,
                                       GError        **error);

G_END_DECLS
