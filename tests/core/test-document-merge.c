/* test-document-merge.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three-way merges of annotations and plans, field by field.
 */

#include "config.h"

#include "sl-document-merge.h"

#define ANNOTATION \
  "\"_id\": \"annotation:3f1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c11\", \"type\": \"annotation\", " \
  "\"schema\": 1, \"workspace\": \"9a1f3c5e-1f44-4e0e-9a51-4a1d2c3b4e01\", \"author\": \"mira\", " \
  "\"created_at\": \"2025-03-01T09:00:00.000000Z\""

#define PLAN \
  "\"_id\": \"plan:3f1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c12\", \"type\": \"plan\", \"schema\": 1, " \
  "\"created_at\": \"2025-03-01T09:00:00.000000Z\""

#define LINE_A "{\"from_channel\": \"Search\", \"from_day\": \"2025-07-01\", \"to_channel\": \"Events\", " \
               "\"to_day\": \"2025-07-01\", \"amount\": {\"minor\": 300000, \"currency\": \"USD\"}}"
#define LINE_B "{\"from_channel\": null, \"from_day\": \"2025-07-01\", \"to_channel\": \"Events\", " \
               "\"to_day\": \"2025-08-01\", \"amount\": {\"minor\": 50000, \"currency\": \"USD\"}}"

static JsonObject *
object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* Merging must give @expected (a JSON object) and leave the inputs as they were. */
static void
assert_merges (const char *base,
               const char *mine,
               const char *theirs,
               const char *expected)
{
  g_autoptr(JsonObject) b = base ? object (base) : NULL;
  g_autoptr(JsonObject) m = object (mine);
  g_autoptr(JsonObject) t = object (theirs);
  g_autoptr(JsonObject) want = object (expected);
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(JsonObject) m_copy = object (mine);
  g_autoptr(JsonObject) t_copy = object (theirs);
  g_auto(GStrv) clashes = NULL;

  merged = sl_document_merge (b, m, t, &clashes);
  g_assert_null (clashes);
  g_assert_nonnull (merged);
  if (!json_object_equal (merged, want))
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), merged);
      g_autofree char *text = json_to_string (node, FALSE);

      g_assert_cmpstr (text, ==, expected);
    }
  g_assert_true (json_object_equal (m, m_copy));
  g_assert_true (json_object_equal (t, t_copy));
}

/* Merging must clash on exactly @expected (space-separated). */
static void
assert_clashes (const char *base,
                const char *mine,
                const char *theirs,
                const char *expected)
{
  g_autoptr(JsonObject) b = base ? object (base) : NULL;
  g_autoptr(JsonObject) m = object (mine);
  g_autoptr(JsonObject) t = object (theirs);
  g_autoptr(JsonObject) merged = NULL;
  g_auto(GStrv) clashes = NULL;
  g_autofree char *joined = NULL;

  merged = sl_document_merge (b, m, t, &clashes);
  g_assert_null (merged);
  g_assert_nonnull (clashes);
  joined = g_strjoinv (" ", clashes);
  g_assert_cmpstr (joined, ==, expected);
}

static void
test_merge_unchanged (void)
{
  const char *doc = "{" ANNOTATION ", \"title\": \"Win\", \"body\": \"b\"}";

  assert_merges (doc, doc, doc, doc);
}

static void
test_merge_disjoint (void)
{
  assert_merges ("{" ANNOTATION ", \"title\": \"Win\", \"body\": \"b\", \"next_steps\": \"\"}",
                 "{" ANNOTATION ", \"title\": \"Big win\", \"body\": \"b\", \"next_steps\": \"\"}",
                 "{" ANNOTATION ", \"title\": \"Win\", \"body\": \"CPA fell\", \"next_steps\": \"\"}",
                 "{" ANNOTATION ", \"title\": \"Big win\", \"body\": \"CPA fell\", \"next_steps\": \"\"}");
}

static void
test_merge_same_change (void)
{
  assert_merges ("{" ANNOTATION ", \"title\": \"Win\"}",
                 "{" ANNOTATION ", \"title\": \"Big win\"}",
                 "{" ANNOTATION ", \"title\": \"Big win\"}",
                 "{" ANNOTATION ", \"title\": \"Big win\"}");
}

static void
test_merge_clash (void)
{
  assert_clashes ("{" ANNOTATION ", \"title\": \"Win\", \"body\": \"b\", \"kind\": \"win\"}",
                  "{" ANNOTATION ", \"title\": \"Big win\", \"body\": \"b\", \"kind\": \"note\"}",
                  "{" ANNOTATION ", \"title\": \"Huge win\", \"body\": \"c\", \"kind\": \"loss\"}",
                  "title kind");
}

/* A period or an amount is one value: halves from each side would make
 * a range that nobody wrote. */
static void
test_merge_whole_values (void)
{
  assert_clashes ("{" ANNOTATION ", \"period\": {\"first\": \"2025-03-01\", \"last\": \"2025-03-31\"}}",
                  "{" ANNOTATION ", \"period\": {\"first\": \"2025-03-10\", \"last\": \"2025-03-31\"}}",
                  "{" ANNOTATION ", \"period\": {\"first\": \"2025-03-01\", \"last\": \"2025-03-05\"}}",
                  "period");
  assert_merges ("{" ANNOTATION ", \"amount\": {\"minor\": 100, \"currency\": \"USD\"}, \"title\": \"a\"}",
                 "{" ANNOTATION ", \"amount\": {\"minor\": 250, \"currency\": \"USD\"}, \"title\": \"a\"}",
                 "{" ANNOTATION ", \"amount\": {\"minor\": 100, \"currency\": \"USD\"}, \"title\": \"b\"}",
                 "{" ANNOTATION ", \"amount\": {\"minor\": 250, \"currency\": \"USD\"}, \"title\": \"b\"}");
}

static void
test_merge_plan_lines (void)
{
  /* Finance approves while marketing adds a line: both survive. */
  assert_merges ("{" PLAN ", \"status\": \"proposed\", \"lines\": [" LINE_A "]}",
                 "{" PLAN ", \"status\": \"proposed\", \"lines\": [" LINE_A ", " LINE_B "]}",
                 "{" PLAN ", \"status\": \"approved\", \"lines\": [" LINE_A "]}",
                 "{" PLAN ", \"status\": \"approved\", \"lines\": [" LINE_A ", " LINE_B "]}");
  /* Both change the lines differently: the lines clash, as one. */
  assert_clashes ("{" PLAN ", \"status\": \"draft\", \"lines\": [" LINE_A "]}",
                  "{" PLAN ", \"status\": \"draft\", \"lines\": [" LINE_A ", " LINE_B "]}",
                  "{" PLAN ", \"status\": \"draft\", \"lines\": []}",
                  "lines");
}

/* updated_at is the later one and never clashes. */
static void
test_merge_updated_at (void)
{
  assert_merges ("{" PLAN ", \"updated_at\": \"2025-03-01T09:00:00.000000Z\", \"title\": \"a\"}",
                 "{" PLAN ", \"updated_at\": \"2025-03-02T09:00:00.000000Z\", \"title\": \"b\"}",
                 "{" PLAN ", \"updated_at\": \"2025-03-01T10:00:00.000000Z\", \"status\": \"x\", \"title\": \"a\"}",
                 "{" PLAN ", \"updated_at\": \"2025-03-02T09:00:00.000000Z\", \"status\": \"x\", \"title\": \"b\"}");
  /* An offset is read as a time, not compared as text. */
  assert_merges ("{" PLAN ", \"updated_at\": \"2025-03-01T09:00:00.000000Z\"}",
                 "{" PLAN ", \"updated_at\": \"2025-03-01T12:00:00.000000Z\"}",
                 "{" PLAN ", \"updated_at\": \"2025-03-01T14:00:00+03:00\"}",
                 "{" PLAN ", \"updated_at\": \"2025-03-01T12:00:00.000000Z\"}");
}

/* Members another client added: kept, removed or changed like others. */
static void
test_merge_unknown_members (void)
{
  assert_merges ("{" ANNOTATION ", \"colour\": \"teal\", \"title\": \"a\"}",
                 "{" ANNOTATION ", \"colour\": \"teal\", \"title\": \"b\"}",
                 "{" ANNOTATION ", \"title\": \"a\", \"pinned\": true}",
                 "{" ANNOTATION ", \"title\": \"b\", \"pinned\": true}");
  assert_clashes ("{" ANNOTATION ", \"colour\": \"teal\"}",
                  "{" ANNOTATION ", \"colour\": \"red\"}",
                  "{" ANNOTATION "}",
                  "colour");
}

/* CouchDB's members do not take part and are not in the result. */
static void
test_merge_meta (void)
{
  assert_merges ("{" ANNOTATION ", \"_rev\": \"1-a\", \"title\": \"a\"}",
                 "{" ANNOTATION ", \"_rev\": \"1-a\", \"title\": \"b\"}",
                 "{" ANNOTATION ", \"_rev\": \"2-b\", \"_conflicts\": [\"2-c\"], \"title\": \"a\"}",
                 "{" ANNOTATION ", \"title\": \"b\"}");
}

static void
test_merge_no_base (void)
{
  assert_merges (NULL,
                 "{" ANNOTATION ", \"title\": \"a\"}",
                 "{" ANNOTATION ", \"title\": \"a\"}",
                 "{" ANNOTATION ", \"title\": \"a\"}");
  assert_clashes (NULL,
                  "{" ANNOTATION ", \"title\": \"a\", \"body\": \"x\"}",
                  "{" ANNOTATION ", \"title\": \"b\", \"body\": \"x\"}",
                  "title");
}

static void
test_merge_deletion (void)
{
  const char *tombstone = "{\"_id\": \"annotation:3f1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c11\", \"_deleted\": true}";

  assert_clashes ("{" ANNOTATION ", \"title\": \"a\"}", "{" ANNOTATION ", \"title\": \"b\"}", tombstone,
                  "_deleted");
  assert_clashes ("{" ANNOTATION ", \"title\": \"a\"}", tombstone, "{" ANNOTATION ", \"title\": \"b\"}",
                  "_deleted");
  assert_merges ("{" ANNOTATION ", \"title\": \"a\"}", tombstone, tombstone, tombstone);
}

/* Comments and decisions never change: the server's copy is the copy. */
static void
test_merge_immutable (void)
{
  const char *comment = "{\"_id\": \"comment:3f1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c13\", \"type\": \"comment\", "
                        "\"body\": \"Why?\"}";

  assert_merges (NULL, comment, comment, comment);
  assert_merges (NULL,
                 "{\"_id\": \"decision:3f1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c14\", \"type\": \"decision\", "
                 "\"verdict\": \"defer\"}",
                 "{\"_id\": \"decision:3f1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c14\", \"type\": \"decision\", "
                 "\"verdict\": \"approve\", \"_rev\": \"1-x\"}",
                 "{\"_id\": \"decision:3f1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c14\", \"type\": \"decision\", "
                 "\"verdict\": \"approve\"}");
}

/* A type that is not a string (a tombstone may carry anything) merges
 * like any other document instead of being read as text. */
static void
test_merge_odd_type (void)
{
  static const char * const types[] = { "null", "7", "[\"comment\"]", "{\"comment\": true}" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *base = g_strdup_printf ("{\"_id\": \"comment:1\", \"type\": %s, \"body\": \"a\"}",
                                               types[i]);
      g_autofree char *mine = g_strdup_printf ("{\"_id\": \"comment:1\", \"type\": %s, \"body\": \"b\"}",
                                               types[i]);

      /* Not immutable, so my change wins over the unchanged base. */
      assert_merges (base, mine, base, mine);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document-merge/unchanged", test_merge_unchanged);
  g_test_add_func ("/core/document-merge/disjoint", test_merge_disjoint);
  g_test_add_func ("/core/document-merge/same-change", test_merge_same_change);
  g_test_add_func ("/core/document-merge/clash", test_merge_clash);
  g_test_add_func ("/core/document-merge/whole-values", test_merge_whole_values);
  g_test_add_func ("/core/document-merge/plan-lines", test_merge_plan_lines);
  g_test_add_func ("/core/document-merge/updated-at", test_merge_updated_at);
  g_test_add_func ("/core/document-merge/unknown-members", test_merge_unknown_members);
  g_test_add_func ("/core/document-merge/meta", test_merge_meta);
  g_test_add_func ("/core/document-merge/no-base", test_merge_no_base);
  g_test_add_func ("/core/document-merge/deletion", test_merge_deletion);
  g_test_add_func ("/core/document-merge/immutable", test_merge_immutable);
  g_test_add_func ("/core/document-merge/odd-type", test_merge_odd_type);

  return g_test_run ();
}
