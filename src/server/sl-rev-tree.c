/* sl-rev-tree.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-rev-id.h"
#include "sl-rev-tree.h"

struct _SlRevTree
{
  GArray     *nodes;   /* SlRevNode */
  GHashTable *rows;    /* storage row → index + 1 */
};

static void
clear_node (gpointer data)
{
  SlRevNode *node = data;

  g_free (node->hash);
}

SlRevTree *
sl_rev_tree_new (void)
{
  SlRevTree *self = g_new0 (SlRevTree, 1);

  self->nodes = g_array_new (FALSE, TRUE, sizeof (SlRevNode));
  g_array_set_clear_func (self->nodes, clear_node);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self;
}

void
sl_rev_tree_free (SlRevTree *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
  g_hash_table_unref (self->rows);
  g_free (self);
}

guint
sl_rev_tree_get_n_nodes (SlRevTree *self)
{
  return self->nodes->len;
}

static SlRevNode *
node_at (SlRevTree *self,
         int        index)
{
  g_assert (index >= 0 && (guint) index < self->nodes->len);
  return &g_array_index (self->nodes, SlRevNode, index);
}

const SlRevNode *
sl_rev_tree_get_node (SlRevTree *self,
                      int        index)
{
  g_return_val_if_fail (index >= 0 && (guint) index < self->nodes->len, NULL);

  return node_at (self, index);
}

static void
remember_row (SlRevTree *self,
              int        index,
              gint64     row)
{
  gint64 *key = g_new (gint64, 1);

  *key = row;
  g_hash_table_replace (self->rows, key, GINT_TO_POINTER (index + 1));
}

static int
append_node (SlRevTree  *self,
             int         parent,
             guint       generation,
             const char *hash,
             gboolean    deleted)
{
  SlRevNode node = { 0 };

  node.generation = generation;
  node.hash = g_strdup (hash);
  node.parent = parent;
  node.deleted = deleted != FALSE;
  node.leaf = TRUE;

  if (parent >= 0)
    {
      SlRevNode *up = node_at (self, parent);

      if (up->leaf && !up->added)
        up->closed = TRUE;
      up->leaf = FALSE;
    }

  g_array_append_val (self->nodes, node);
  return (int) self->nodes->len - 1;
}

int
sl_rev_tree_load (SlRevTree  *self,
                  gint64      row,
                  gint64      parent_row,
                  guint       generation,
                  const char *hash,
                  gboolean    deleted)
{
  int parent = -1;
  int index;

  if (parent_row > 0)
    parent = GPOINTER_TO_INT (g_hash_table_lookup (self->rows, &parent_row)) - 1;

  index = append_node (self, parent, generation, hash, deleted);
  node_at (self, index)->row = row;
  /* A node loaded under a loaded parent was never a leaf here. */
  if (parent >= 0)
    node_at (self, parent)->closed = FALSE;
  remember_row (self, index, row);
  return index;
}

void
sl_rev_tree_set_row (SlRevTree *self,
                     int        index,
                     gint64     row)
{
  node_at (self, index)->row = row;
  remember_row (self, index, row);
}

int
sl_rev_tree_find (SlRevTree  *self,
                  guint       generation,
                  const char *hash)
{
  for (guint i = self->nodes->len; i > 0; i--)
    {
      SlRevNode *node = node_at (self, (int) i - 1);

      if (node->generation == generation && strcmp (node->hash, hash) == 0)
        return (int) i - 1;
    }

  return -1;
}

int
sl_rev_tree_find_rev (SlRevTree  *self,
                      const char *rev)
{
  SlRevId parsed;

  if (!sl_rev_id_parse (rev, &parsed))
    return -1;

  return sl_rev_tree_find (self, parsed.generation, parsed.hash);
}

/* Negative when @a wins over @b: non-deleted first, then as revision ids
 * rank. */
static int
compare_nodes (const SlRevNode *a,
               const SlRevNode *b)
{
  SlRevId ia = { a->generation, a->hash };
  SlRevId ib = { b->generation, b->hash };

  if (a->deleted != b->deleted)
    return a->deleted ? 1 : -1;

  return sl_rev_id_compare (&ia, &ib);
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SlRevTree *self = user_data;

  return compare_nodes (node_at (self, *(const int *) a),
                        node_at (self, *(const int *) b));
}

GArray *
sl_rev_tree_get_leaves (SlRevTree *self)
{
  GArray *leaves = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < self->nodes->len; i++)
    {
      int index = (int) i;

      if (node_at (self, index)->leaf)
        g_array_append_val (leaves, index);
    }

  g_array_sort_with_data (leaves, compare_indices, self);
  return leaves;
}

int
sl_rev_tree_get_winner (SlRevTree *self)
{
  int winner = -1;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SlRevNode *node = node_at (self, (int) i);

      if (node->leaf &&
          (winner < 0 || compare_nodes (node, node_at (self, winner)) < 0))
        winner = (int) i;
    }

  return winner;
}

GArray *
sl_rev_tree_get_conflicts (SlRevTree *self)
{
  GArray *leaves = sl_rev_tree_get_leaves (self);
  GArray *conflicts = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 1; i < leaves->len; i++)
    {
      int index = g_array_index (leaves, int, i);

      if (!node_at (self, index)->deleted)
        g_array_append_val (conflicts, index);
    }

  g_array_unref (leaves);
  return conflicts;
}

int
sl_rev_tree_add_child (SlRevTree  *self,
                       int         parent,
                       const char *hash,
                       gboolean    deleted)
{
  guint generation = 1;
  int index;

  if (parent >= 0)
    {
      SlRevNode *up = node_at (self, parent);

      if (!up->leaf || up->generation >= G_MAXINT32)
        return -1;
      generation = up->generation + 1;
    }

  if (sl_rev_tree_find (self, generation, hash) >= 0)
    return -1;

  index = append_node (self, parent, generation, hash, deleted);
  node_at (self, index)->added = TRUE;
  return index;
}

int
sl_rev_tree_merge_path (SlRevTree          *self,
                        guint               start,
                        const char * const *ids,
                        guint               n_ids,
                        gboolean            deleted,
                        gboolean           *added)
{
  guint known = n_ids;    /* position in @ids of the newest known one */
  int parent = -1;

  g_return_val_if_fail (n_ids > 0, -1);

  *added = FALSE;
  if (start < n_ids)
    return -1;

  for (guint i = 0; i < n_ids; i++)
    {
      int found = sl_rev_tree_find (self, start - i, ids[i]);

      if (found >= 0)
        {
          known = i;
          parent = found;
          break;
        }
    }

  if (known == 0)
    return parent;

  /* Add the unknown ones, oldest first, each under the previous. */
  for (guint i = known; i > 0; i--)
    {
      guint pos = i - 1;
      int index = append_node (self, parent, start - pos, ids[pos],
                               pos == 0 ? deleted : FALSE);

      node_at (self, index)->added = TRUE;
      parent = index;
    }

  *added = TRUE;
  return parent;
}

char **
sl_rev_tree_get_path (SlRevTree *self,
                      int        index,
                      guint      max)
{
  GPtrArray *hashes = g_ptr_array_new ();

  for (int i = index; i >= 0 && (max == 0 || hashes->len < max);
       i = node_at (self, i)->parent)
    g_ptr_array_add (hashes, g_strdup (node_at (self, i)->hash));

  g_ptr_array_add (hashes, NULL);
  return (char **) g_ptr_array_free (hashes, FALSE);
}
