/* test-rev-tree.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The revision tree alone, without storage or HTTP.
 */

#include "config.h"

#include "sl-rev-tree.h"

/* "N-H" of the node at @index. */
static char *
rev_at (SlRevTree *tree,
        int        index)
{
  const SlRevNode *node;

  if (index < 0)
    return g_strdup ("none");
  node = sl_rev_tree_get_node (tree, index);
  return g_strdup_printf ("%u-%s", node->generation, node->hash);
}

static void
assert_winner (SlRevTree  *tree,
               const char *expected)
{
  g_autofree char *winner = rev_at (tree, sl_rev_tree_get_winner (tree));

  g_assert_cmpstr (winner, ==, expected);
}

/* The conflicts as "N-H N-H …". */
static char *
conflicts_text (SlRevTree *tree)
{
  g_autoptr(GArray) conflicts = sl_rev_tree_get_conflicts (tree);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *rev = rev_at (tree, g_array_index (conflicts, int, i));

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", rev);
    }

  return g_string_free (text, FALSE);
}

static void
test_empty (void)
{
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  g_autoptr(GArray) leaves = sl_rev_tree_get_leaves (tree);

  g_assert_cmpint (sl_rev_tree_get_winner (tree), ==, -1);
  g_assert_cmpuint (leaves->len, ==, 0);
  g_assert_cmpint (sl_rev_tree_find (tree, 1, "a"), ==, -1);
}

static void
test_linear_edits (void)
{
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  int first = sl_rev_tree_add_child (tree, -1, "aaa", FALSE);
  int second = sl_rev_tree_add_child (tree, first, "bbb", FALSE);
  g_auto(GStrv) path = NULL;

  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (second, >=, 0);
  g_assert_cmpuint (sl_rev_tree_get_node (tree, second)->generation, ==, 2);
  assert_winner (tree, "2-bbb");
  g_assert_false (sl_rev_tree_get_node (tree, first)->leaf);
  g_assert_true (sl_rev_tree_get_node (tree, second)->leaf);

  /* Only leaves take edits: 1-aaa is not one any more. */
  g_assert_cmpint (sl_rev_tree_add_child (tree, first, "ccc", FALSE), ==, -1);
  /* Nor can a revision be added twice. */
  g_assert_cmpint (sl_rev_tree_add_child (tree, -1, "aaa", FALSE), ==, -1);

  path = sl_rev_tree_get_path (tree, second, 0);
  g_assert_cmpuint (g_strv_length (path), ==, 2);
  g_assert_cmpstr (path[0], ==, "bbb");
  g_assert_cmpstr (path[1], ==, "aaa");
  g_assert_cmpint (sl_rev_tree_find_rev (tree, "2-bbb"), ==, second);
  g_assert_cmpint (sl_rev_tree_find_rev (tree, "2-aaa"), ==, -1);
  g_assert_cmpint (sl_rev_tree_find_rev (tree, "junk"), ==, -1);
}

/* Two branches from 1-a: the greater hash wins a tie in generation, a
 * longer branch beats both, a deleted leaf never beats a live one. */
static void
test_winner_and_conflicts (void)
{
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  int root = sl_rev_tree_load (tree, 1, 0, 1, "a", FALSE);
  int left = sl_rev_tree_load (tree, 2, 1, 2, "900a", FALSE);
  int right = sl_rev_tree_load (tree, 3, 1, 2, "bbbb", FALSE);
  g_autofree char *conflicts = NULL;
  g_autofree char *after_tombstone = NULL;
  g_autoptr(GArray) leaves = NULL;
  int third;

  g_assert_false (sl_rev_tree_get_node (tree, root)->leaf);
  assert_winner (tree, "2-bbbb");
  conflicts = conflicts_text (tree);
  g_assert_cmpstr (conflicts, ==, "2-900a");

  /* The losing branch grows longer and wins. */
  third = sl_rev_tree_add_child (tree, left, "0001", FALSE);
  assert_winner (tree, "3-0001");
  g_clear_pointer (&conflicts, g_free);
  conflicts = conflicts_text (tree);
  g_assert_cmpstr (conflicts, ==, "2-bbbb");

  /* Deleting the winner's branch hands the win back. */
  sl_rev_tree_add_child (tree, third, "dead", TRUE);
  assert_winner (tree, "2-bbbb");
  after_tombstone = conflicts_text (tree);
  g_assert_cmpstr (after_tombstone, ==, "");

  /* Leaves: winner first, then by rank, the tombstone last. */
  leaves = sl_rev_tree_get_leaves (tree);
  g_assert_cmpuint (leaves->len, ==, 2);
  g_assert_cmpint (g_array_index (leaves, int, 0), ==, right);
}

static void
test_all_deleted (void)
{
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  int root = sl_rev_tree_add_child (tree, -1, "a", FALSE);
  int b = sl_rev_tree_add_child (tree, root, "b", TRUE);

  g_assert_cmpint (b, >=, 0);
  /* Every leaf deleted: the highest tombstone is the winner. */
  assert_winner (tree, "2-b");
  g_assert_true (sl_rev_tree_get_node (tree, sl_rev_tree_get_winner (tree))->deleted);
  /* A new edit on the tombstone brings the document back. */
  g_assert_cmpint (sl_rev_tree_add_child (tree, b, "c", FALSE), >=, 0);
  assert_winner (tree, "3-c");
}

static void
test_merge_path (void)
{
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  const char * const path[] = { "c", "b", "a" };
  const char * const other[] = { "x", "a" };
  gboolean added = FALSE;
  int root, index;
  g_autofree char *conflicts = NULL;

  root = sl_rev_tree_load (tree, 7, 0, 1, "a", FALSE);
  g_assert_true (sl_rev_tree_get_node (tree, root)->leaf);
  g_assert_false (sl_rev_tree_get_node (tree, root)->closed);

  index = sl_rev_tree_merge_path (tree, 3, path, 3, FALSE, &added);
  g_assert_true (added);
  assert_winner (tree, "3-c");
  g_assert_cmpuint (sl_rev_tree_get_n_nodes (tree), ==, 3);
  g_assert_cmpuint (sl_rev_tree_get_node (tree, index)->generation, ==, 3);
  /* The stored leaf it extends must be closed in storage. */
  g_assert_true (sl_rev_tree_get_node (tree, root)->closed);
  g_assert_false (sl_rev_tree_get_node (tree, root)->added);
  /* 2-b came in as an ancestor: under 1-a, not a leaf. */
  g_assert_cmpint (sl_rev_tree_get_node (tree, index)->parent,
                   ==, sl_rev_tree_find (tree, 2, "b"));
  g_assert_false (sl_rev_tree_get_node (tree, sl_rev_tree_find (tree, 2, "b"))->leaf);

  /* The same path again adds nothing. */
  g_assert_cmpint (sl_rev_tree_merge_path (tree, 3, path, 3, FALSE, &added), ==, index);
  g_assert_false (added);
  g_assert_cmpuint (sl_rev_tree_get_n_nodes (tree), ==, 3);

  /* A second branch from 1-a: a conflict, the greater hash winning. */
  sl_rev_tree_merge_path (tree, 2, other, 2, FALSE, &added);
  g_assert_true (added);
  assert_winner (tree, "3-c");
  conflicts = conflicts_text (tree);
  g_assert_cmpstr (conflicts, ==, "2-x");

  /* A path too long for its start is refused. */
  g_assert_cmpint (sl_rev_tree_merge_path (tree, 1, path, 3, FALSE, &added), ==, -1);
}

static void
test_merge_unrelated (void)
{
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  const char * const stemmed[] = { "z9", "z8" };
  const char * const tombstone[] = { "t" };
  gboolean added;
  int index;

  sl_rev_tree_add_child (tree, -1, "a", FALSE);
  /* Nothing in common: a new root at generation 4 (a stemmed history). */
  index = sl_rev_tree_merge_path (tree, 5, stemmed, 2, FALSE, &added);
  g_assert_true (added);
  g_assert_cmpint (sl_rev_tree_get_node (tree, index)->parent, >=, 0);
  g_assert_cmpint (sl_rev_tree_get_node (tree, sl_rev_tree_get_node (tree, index)->parent)->parent,
                   ==, -1);
  g_assert_cmpuint (sl_rev_tree_get_node (tree, sl_rev_tree_find (tree, 4, "z8"))->generation, ==, 4);
  assert_winner (tree, "5-z9");

  /* A replicated tombstone at a higher generation does not win. */
  index = sl_rev_tree_merge_path (tree, 9, tombstone, 1, TRUE, &added);
  g_assert_true (sl_rev_tree_get_node (tree, index)->deleted);
  assert_winner (tree, "5-z9");
}

static void
test_path_limit (void)
{
  g_autoptr(SlRevTree) tree = sl_rev_tree_new ();
  g_auto(GStrv) path = NULL;
  int index = -1;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *hash = g_strdup_printf ("h%u", i);

      index = sl_rev_tree_add_child (tree, index, hash, FALSE);
    }

  path = sl_rev_tree_get_path (tree, index, 5);
  g_assert_cmpuint (g_strv_length (path), ==, 5);
  g_assert_cmpstr (path[0], ==, "h19");
  g_assert_cmpstr (path[4], ==, "h15");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/rev-tree/empty", test_empty);
  g_test_add_func ("/sync/rev-tree/linear-edits", test_linear_edits);
  g_test_add_func ("/sync/rev-tree/winner-and-conflicts", test_winner_and_conflicts);
  g_test_add_func ("/sync/rev-tree/all-deleted", test_all_deleted);
  g_test_add_func ("/sync/rev-tree/merge-path", test_merge_path);
  g_test_add_func ("/sync/rev-tree/merge-unrelated", test_merge_unrelated);
  g_test_add_func ("/sync/rev-tree/path-limit", test_path_limit);

  return g_test_run ();
}
