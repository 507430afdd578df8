/* sl-rev-tree.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One revision of a document. Indices are positions in the tree. */
typedef struct
{
  gint64  row;         /* its row in storage; 0 while only in memory */
  guint   generation;
  char   *hash;
  int     parent;      /* index of the parent, -1 for a root */
  guint   deleted : 1; /* a tombstone */
  guint   leaf : 1;    /* no child: an open revision */
  guint   added : 1;   /* added since the tree was loaded */
  guint   closed : 1;  /* was a leaf when loaded and has a child now */
} SlRevNode;

/* The revision tree of one document: every revision known with its
 * parent. Updates only extend leaves; the winner is the non-deleted
 * leaf with the highest generation, ties going to the greater hash (the
 * highest deleted leaf when every leaf is deleted), as CouchDB picks it;
 * the other non-deleted leaves are the document's conflicts. */
typedef struct _SlRevTree SlRevTree;

SlRevTree       *sl_rev_tree_new          (void);
void             sl_rev_tree_free         (SlRevTree   *self);

guint            sl_rev_tree_get_n_nodes  (SlRevTree   *self);
const SlRevNode *sl_rev_tree_get_node     (SlRevTree   *self,
                                           int          index);
/* Adds a stored revision. Parents must come before their children
 * (load in generation order); @parent_row 0 for a root. Returns its
 * index. */
int              sl_rev_tree_load         (SlRevTree   *self,
                                           gint64       row,
                                           gint64       parent_row,
                                           guint        generation,
                                           const char  *hash,
                                           gboolean     deleted);
/* Records the storage row of a node added in memory. */
void             sl_rev_tree_set_row      (SlRevTree   *self,
                                           int          index,
                                           gint64       row);

/* The index of @generation-@hash, or -1. */
int              sl_rev_tree_find         (SlRevTree   *self,
                                           guint        generation,
                                           const char  *hash);
/* The index of revision "N-H" @rev, or -1 (also for text that is no
 * revision id). */
int              sl_rev_tree_find_rev     (SlRevTree   *self,
                                           const char  *rev);
/* The winning revision's index, or -1 for an empty tree. */
int              sl_rev_tree_get_winner   (SlRevTree   *self);
/* The leaves' indices, winner first, then in the winner's ranking. */
GArray          *sl_rev_tree_get_leaves   (SlRevTree   *self);
/* The non-deleted leaves other than the winner, in ranking order. */
GArray          *sl_rev_tree_get_conflicts (SlRevTree  *self);

/* An edit: a new revision @hash under the leaf @parent (-1 for a new
 * root of generation 1). Returns the new index, or -1 when @parent is
 * not a leaf or the revision exists. */
int              sl_rev_tree_add_child    (SlRevTree   *self,
                                           int          parent,
                                           const char  *hash,
                                           gboolean     deleted);
/* A replicated revision with its ancestry (`_revisions`): @ids[0] is
 * the newest hash at generation @start, @ids[i] at @start - i. Adds
 * the unknown ones under the newest known ancestor (a new root if none
 * is known), ancestors without a body. Returns the index of
 * @start-@ids[0]; *@added says whether it was new. -1 when @start is
 * too small for @n_ids. */
int              sl_rev_tree_merge_path   (SlRevTree          *self,
                                           guint               start,
                                           const char * const *ids,
                                           guint               n_ids,
                                           gboolean            deleted,
                                           gboolean           *added);
/* The hashes from @index up to its root, newest first, at most @max
 * (0: all), NULL-terminated. */
char           **sl_rev_tree_get_path     (SlRevTree   *self,
                                           int          index,
                                           guint        max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlRevTree, sl_rev_tree_free)

G_END_DECLS
