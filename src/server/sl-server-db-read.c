/* sl-server-db-read.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading documents: one, its open revisions, `_bulk_get`, `_revs_diff`.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include "sl-json-text.h"
#include "sl-rev-id.h"
#include "sl-server-db-private.h"
#include "sl-server-error.h"

/* How many ancestors `_revisions` lists at most, as CouchDB's revs_limit. */
#define REVS_LIMIT 1000

static void
set_not_found (GError     **error,
               const char  *reason)
{
  g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND, reason);
}

gboolean
sl_server_db_find_doc (SlServerDb  *self,
                       const char  *id,
                       gint64      *doc_row,
                       GError     **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "SELECT id FROM doc WHERE db = ? AND doc_id = ?", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
    return FALSE;

  *doc_row = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

SlRevTree *
sl_server_db_load_tree (SlServerDb  *self,
                        gint64       doc_row,
                        GError     **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "SELECT id, parent, gen, hash, deleted FROM rev "
                             "WHERE doc = ? ORDER BY gen, id", error);
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, doc_row);

  for (;;)
    {
      if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      sl_rev_tree_load (tree,
                        sqlite3_column_int64 (stmt, 0),
                        sqlite3_column_int64 (stmt, 1),
                        (guint) sqlite3_column_int64 (stmt, 2),
                        (const char *) sqlite3_column_text (stmt, 3),
                        sqlite3_column_int (stmt, 4));
    }

  return g_steal_pointer (&tree);
}

char *
sl_server_db_load_body (SlServerDb  *self,
                        gint64       rev_row,
                        GError     **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store, "SELECT body FROM rev WHERE id = ?", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rev_row);
  if (!sl_server_store_step_row (self->store, stmt, &has_row, error) || !has_row)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

GStrv
sl_server_db_format_revs (SlRevTree *tree,
                          GArray    *indices)
{
  GStrv revs = g_new0 (char *, indices->len + 1);

  for (guint i = 0; i < indices->len; i++)
    {
      const SlRevNode *node = sl_rev_tree_get_node (tree, g_array_index (indices, int, i));

      revs[i] = sl_rev_id_format (node->generation, node->hash);
    }

  return revs;
}

gboolean
sl_server_db_append_rev (SlServerDb         *self,
                         GString            *out,
                         const char         *id,
                         SlRevTree          *tree,
                         int                 index,
                         SlServerReadFlags   flags,
                         GError            **error)
{
  const SlRevNode *node = sl_rev_tree_get_node (tree, index);
  g_autofree char *body = sl_server_db_load_body (self, node->row, error);
  g_auto(GStrv) path = NULL;
  g_auto(GStrv) conflicts = NULL;
  SlServerDocView view = { id, node->generation, node->hash, node->deleted, body };

  if (body == NULL)
    return FALSE;

  if (flags & SL_SERVER_READ_REVS)
    {
      path = sl_rev_tree_get_path (tree, index, REVS_LIMIT);
      view.revisions_start = node->generation;
      view.revisions = (const char * const *) path;
    }
  if ((flags & SL_SERVER_READ_CONFLICTS) && index == sl_rev_tree_get_winner (tree))
    {
      g_autoptr(GArray) leaves = sl_rev_tree_get_conflicts (tree);

      conflicts = sl_server_db_format_revs (tree, leaves);
      view.conflicts = (const char * const *) conflicts;
    }

  sl_server_doc_append_json (out, &view);
  return TRUE;
}

SlRevTree *
sl_server_db_load_doc_tree (SlServerDb  *self,
               const char  *id,
               GError     **error)
{
  gint64 doc_row;

  if (!sl_server_db_check_open (self, error) ||
      !sl_server_db_find_doc (self, id, &doc_row, error))
    return NULL;

  if (doc_row == 0)
    {
      set_not_found (error, "missing");
      return NULL;
    }

  return sl_server_db_load_tree (self, doc_row, error);
}

GString *
sl_server_db_read_doc (SlServerDb         *self,
                       const char         *id,
                       const char         *rev,
                       SlServerReadFlags   flags,
                       char              **out_rev,
                       GError            **error)
{
  g_autoptr(SlRevTree) tree = sl_server_db_load_doc_tree (self, id, error);
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) local_error = NULL;
  const SlRevNode *node;
  int index;

  if (tree == NULL)
    return NULL;

  index = rev != NULL ? sl_rev_tree_find_rev (tree, rev) : sl_rev_tree_get_winner (tree);
  if (index < 0)
    {
      set_not_found (error, "missing");
      return NULL;
    }

  node = sl_rev_tree_get_node (tree, index);
  if (rev == NULL && node->deleted)
    {
      set_not_found (error, "deleted");
      return NULL;
    }

  out = g_string_sized_new (512);
  if (!sl_server_db_append_rev (self, out, id, tree, index, flags, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_found (error, "missing");
      return NULL;
    }

  if (out_rev != NULL)
    *out_rev = sl_rev_id_format (node->generation, node->hash);
  return g_steal_pointer (&out);
}

/* The leaves descending from @index (itself if it is one). */
static GArray *
leaves_from (SlRevTree *tree,
             int        index)
{
  GArray *leaves = sl_rev_tree_get_leaves (tree);

  for (guint i = leaves->len; i > 0; i--)
    {
      int at = g_array_index (leaves, int, i - 1);

      while (at >= 0 && at != index)
        at = sl_rev_tree_get_node (tree, at)->parent;
      if (at < 0)
        g_array_remove_index (leaves, i - 1);
    }

  return leaves;
}

GArray *
sl_server_db_find_latest (SlRevTree  *tree,
                          const char *rev)
{
  int index = tree != NULL ? sl_rev_tree_find_rev (tree, rev) : -1;

  if (index < 0)
    return g_array_new (FALSE, FALSE, sizeof (int));

  return leaves_from (tree, index);
}

static void
append_separator (GString *out)
{
  char last = out->len > 0 ? out->str[out->len - 1] : '[';

  if (last != '[' && last != '{' && last != ':')
    g_string_append_c (out, ',');
}

gboolean
sl_server_db_append_oks (SlServerDb         *self,
                         GString            *out,
                         const char         *id,
                         SlRevTree          *tree,
                         GArray             *indices,
                         SlServerReadFlags   flags,
                         guint              *n_added,
                         GError            **error)
{
  *n_added = 0;

  for (guint i = 0; i < indices->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gsize mark = out->len;

      append_separator (out);
      g_string_append (out, "{\"ok\":");
      if (!sl_server_db_append_rev (self, out, id, tree, g_array_index (indices, int, i),
                                    flags, &local_error))
        {
          g_string_truncate (out, mark);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      g_string_append_c (out, '}');
      (*n_added)++;
    }

  return TRUE;
}

GString *
sl_server_db_read_open_revs (SlServerDb          *self,
                             const char          *id,
                             const char * const  *revs,
                             SlServerReadFlags    flags,
                             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SlRevTree) tree = sl_server_db_load_doc_tree (self, id, &local_error);
  g_autoptr(GString) out = g_string_new ("[");
  guint n_added;

  if (tree == NULL && (revs == NULL || local_error->code != SL_SERVER_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (revs == NULL)
    {
      g_autoptr(GArray) leaves = sl_rev_tree_get_leaves (tree);

      if (!sl_server_db_append_oks (self, out, id, tree, leaves, flags, &n_added, error))
        return NULL;
    }

  /* A revision no longer a leaf answers with its latest leaves. */
  for (guint i = 0; revs != NULL && revs[i] != NULL; i++)
    {
      g_autoptr(GArray) found = sl_server_db_find_latest (tree, revs[i]);

      if (!sl_server_db_append_oks (self, out, id, tree, found, flags, &n_added, error))
        return NULL;
      if (n_added == 0)
        {
          append_separator (out);
          g_string_append (out, "{\"missing\":");
          sl_json_text_append_string (out, revs[i]);
          g_string_append_c (out, '}');
        }
    }

  g_string_append_c (out, ']');
  return g_steal_pointer (&out);
}
