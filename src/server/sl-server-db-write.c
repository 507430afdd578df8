/* sl-server-db-write.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing documents: edits on leaves, replicated revisions merged with
 * their ancestry, the rules asked, everything in one transaction.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-rev-id.h"
#include "sl-server-db-private.h"
#include "sl-server-error.h"

/* One write in progress. */
typedef struct
{
  SlServerDb           *self;
  gint64                seq;         /* the database's sequence so far */
  gboolean              new_edits;
  SlServerValidateFunc  validate;
  gpointer              user_data;
} WriteContext;

static gboolean
set_update_seq (SlServerDb  *self,
                gint64       seq,
                GError     **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "UPDATE db SET update_seq = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, self->id);
  return sl_server_store_step_done (self->store, stmt, error);
}

static void
set_conflict (SlServerWriteResult *result)
{
  g_set_error_literal (&result->error, SL_SERVER_ERROR, SL_SERVER_ERROR_CONFLICT,
                       "Document update conflict.");
}

/* A new revision's hash: md5 of its parent, tombstone flag and body,
 * so that the same edit of the same revision gets the same id. */
static char *
compute_hash (SlRevTree   *tree,
              int          parent,
              SlServerDoc *doc)
{
  g_autoptr(GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);
  char prefix[48];

  if (parent >= 0)
    {
      const SlRevNode *node = sl_rev_tree_get_node (tree, parent);

      g_snprintf (prefix, sizeof prefix, "%u-", node->generation);
      g_checksum_update (md5, (const guchar *) prefix, -1);
      g_checksum_update (md5, (const guchar *) node->hash, -1);
    }
  g_checksum_update (md5, (const guchar *) (doc->deleted ? "\n1\n" : "\n0\n"), 3);
  g_checksum_update (md5, (const guchar *) doc->body, -1);
  return g_strdup (g_checksum_get_string (md5));
}

/* An edit: under the leaf `_rev` names, or, without `_rev`, as a new
 * document (over a tombstone if there is one). Returns the new index;
 * -1 with a conflict in @result. *@base gets the replaced revision. */
static int
place_edit (SlRevTree           *tree,
            SlServerDoc         *doc,
            int                 *base,
            SlServerWriteResult *result)
{
  g_autofree char *hash = NULL;
  int parent;
  int index;

  if (doc->has_rev)
    {
      parent = sl_rev_tree_find (tree, doc->rev_generation, doc->rev_hash);
      if (parent < 0 || !sl_rev_tree_get_node (tree, parent)->leaf)
        parent = -2;
    }
  else
    {
      parent = sl_rev_tree_get_winner (tree);
      if (parent >= 0 && !sl_rev_tree_get_node (tree, parent)->deleted)
        parent = -2;
    }

  if (parent == -2)
    {
      set_conflict (result);
      return -1;
    }

  hash = compute_hash (tree, parent, doc);
  index = sl_rev_tree_add_child (tree, parent, hash, doc->deleted);
  if (index < 0)
    set_conflict (result);
  *base = parent;
  return index;
}

/* A replicated revision: merged with its ancestry. Returns its index,
 * or -1 when it was already known (nothing to store). */
static int
place_replicated (SlRevTree           *tree,
                  SlServerDoc         *doc,
                  int                 *base,
                  SlServerWriteResult *result)
{
  const char *only[] = { doc->rev_hash, NULL };
  const char * const *ids = doc->revisions ? (const char * const *) doc->revisions : only;
  guint start = doc->revisions ? doc->revisions_start : doc->rev_generation;
  gboolean added = FALSE;
  int index;

  *base = sl_rev_tree_get_winner (tree);
  index = sl_rev_tree_merge_path (tree, start, ids, g_strv_length ((GStrv) ids),
                                  doc->deleted, &added);
  if (index < 0)
    g_set_error_literal (&result->error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                         "Invalid _revisions");

  return added ? index : -1;
}

/* The rule fields of revision @base into @fields; FALSE (nothing set)
 * for none: a new document, a tombstone, a body not kept. */
static gboolean
load_old_fields (SlServerDb         *self,
                 SlRevTree          *tree,
                 int                 base,
                 SlServerDocFields  *fields,
                 GError            **error)
{
  g_autofree char *body = NULL;
  const SlRevNode *node;

  if (base < 0)
    return FALSE;

  node = sl_rev_tree_get_node (tree, base);
  if (node->deleted || node->row == 0)
    return FALSE;

  body = sl_server_db_load_body (self, node->row, error);
  return body != NULL && sl_server_doc_fields_read (body, fields);
}

static gboolean
insert_doc (WriteContext  *ctx,
            SlServerDoc   *doc,
            gint64        *doc_row,
            GError       **error)
{
  SlServerDb *self = ctx->self;
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "INSERT INTO doc (db, doc_id, seq, deleted) VALUES (?, ?, ?, 0)",
                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, doc->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, ctx->seq);
  if (!sl_server_store_step_done (self->store, stmt, error))
    return FALSE;

  *doc_row = sl_server_store_last_insert_id (self->store);
  return TRUE;
}

static gboolean
insert_rev (SlServerDb   *self,
            gint64        doc_row,
            SlRevTree    *tree,
            int           index,
            const char   *body,
            GError      **error)
{
  const SlRevNode *node = sl_rev_tree_get_node (tree, index);
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "INSERT INTO rev (doc, gen, hash, parent, deleted, leaf, body) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, doc_row);
  sqlite3_bind_int64 (stmt, 2, node->generation);
  sqlite3_bind_text (stmt, 3, node->hash, -1, SQLITE_STATIC);
  if (node->parent >= 0)
    sqlite3_bind_int64 (stmt, 4, sl_rev_tree_get_node (tree, node->parent)->row);
  sqlite3_bind_int (stmt, 5, node->deleted);
  sqlite3_bind_int (stmt, 6, node->leaf);
  if (body != NULL)
    sqlite3_bind_text (stmt, 7, body, -1, SQLITE_STATIC);
  if (!sl_server_store_step_done (self->store, stmt, error))
    return FALSE;

  sl_rev_tree_set_row (tree, index, sl_server_store_last_insert_id (self->store));
  return TRUE;
}

static gboolean
close_rev (SlServerDb  *self,
           gint64       row,
           GError     **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "UPDATE rev SET leaf = 0, body = NULL WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  return sl_server_store_step_done (self->store, stmt, error);
}

static gboolean
update_doc (SlServerDb  *self,
            gint64       doc_row,
            gint64       seq,
            SlRevTree   *tree,
            GError     **error)
{
  const SlRevNode *winner = sl_rev_tree_get_node (tree, sl_rev_tree_get_winner (tree));
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "UPDATE doc SET seq = ?, winner = ?, deleted = ? WHERE id = ?",
                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_int64 (stmt, 2, winner->row);
  sqlite3_bind_int (stmt, 3, winner->deleted);
  sqlite3_bind_int64 (stmt, 4, doc_row);
  return sl_server_store_step_done (self->store, stmt, error);
}

/* Stores the nodes @tree gained (the one at @index with @doc's body),
 * closes the leaves they extend and moves the document to a new seq. */
static gboolean
persist (WriteContext  *ctx,
         SlServerDoc   *doc,
         gint64         doc_row,
         SlRevTree     *tree,
         int            index,
         GError       **error)
{
  SlServerDb *self = ctx->self;
  guint n = sl_rev_tree_get_n_nodes (tree);

  ctx->seq++;
  if (doc_row == 0 && !insert_doc (ctx, doc, &doc_row, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const SlRevNode *node = sl_rev_tree_get_node (tree, (int) i);

      if (node->added &&
          !insert_rev (self, doc_row, tree, (int) i,
                       (int) i == index ? doc->body : NULL, error))
        return FALSE;
      if (node->closed && !close_rev (self, node->row, error))
        return FALSE;
    }

  return update_doc (self, doc_row, ctx->seq, tree, error);
}

/* One document. FALSE only for storage errors; refusals go to @result. */
static gboolean
write_one (WriteContext         *ctx,
           SlServerDoc          *doc,
           SlServerWriteResult  *result,
           GError              **error)
{
  g_autoptr(SlRevTree) tree = NULL;
  g_autoptr(GError) local_error = NULL;
  SlServerDocFields old_fields = { 0 };
  gboolean has_old, allowed;
  gint64 doc_row;
  int index, base = -1;

  if (!sl_server_db_find_doc (ctx->self, doc->id, &doc_row, error))
    return FALSE;
  tree = doc_row != 0 ? sl_server_db_load_tree (ctx->self, doc_row, error)
                      : sl_rev_tree_new ();
  if (tree == NULL)
    return FALSE;

  if (ctx->new_edits)
    index = place_edit (tree, doc, &base, result);
  else
    index = place_replicated (tree, doc, &base, result);

  if (index >= 0)
    {
      const SlRevNode *node = sl_rev_tree_get_node (tree, index);

      result->rev = sl_rev_id_format (node->generation, node->hash);
    }
  else if (result->error == NULL)
    result->rev = sl_server_doc_dup_rev (doc);

  if (index < 0)
    return TRUE;

  if (ctx->validate != NULL)
    {
      has_old = load_old_fields (ctx->self, tree, base, &old_fields, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      allowed = ctx->validate (doc, has_old ? &old_fields : NULL, ctx->user_data,
                               &result->error);
      sl_server_doc_fields_clear (&old_fields);
      if (!allowed)
        {
          g_clear_pointer (&result->rev, g_free);
          return TRUE;
        }
    }

  result->stored = TRUE;
  return persist (ctx, doc, doc_row, tree, index, error);
}

static gboolean
write_all (WriteContext  *ctx,
           GPtrArray     *docs,
           GPtrArray     *results,
           GError       **error)
{
  SlServerDb *self = ctx->self;

  if (!sl_server_db_get_update_seq (self, &ctx->seq, error))
    return FALSE;

  for (guint i = 0; i < docs->len; i++)
    {
      SlServerDoc *doc = g_ptr_array_index (docs, i);
      SlServerWriteResult *result = g_new0 (SlServerWriteResult, 1);

      result->id = g_strdup (doc->id);
      g_ptr_array_add (results, result);
      if (!write_one (ctx, doc, result, error))
        return FALSE;
    }

  return set_update_seq (self, ctx->seq, error);
}

GPtrArray *
sl_server_db_write (SlServerDb            *self,
                    GPtrArray             *docs,
                    gboolean               new_edits,
                    SlServerValidateFunc   validate,
                    gpointer               user_data,
                    GError               **error)
{
  g_autoptr(GPtrArray) results = NULL;
  WriteContext ctx = { self, 0, new_edits, validate, user_data };
  gint64 seq_before;

  g_return_val_if_fail (SL_IS_SERVER_DB (self), NULL);
  g_return_val_if_fail (docs != NULL, NULL);

  if (!sl_server_db_check_open (self, error) ||
      !sl_server_store_begin (self->store, error))
    return NULL;

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_server_write_result_free);
  if (!sl_server_db_get_update_seq (self, &seq_before, error) ||
      !write_all (&ctx, docs, results, error) ||
      !sl_server_store_commit (self->store, error))
    {
      sl_server_store_rollback (self->store);
      return NULL;
    }

  if (ctx.seq != seq_before)
    sl_server_db_emit_changed (self, ctx.seq);

  return g_steal_pointer (&results);
}
