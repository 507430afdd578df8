/* test-server-db.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server's storage without HTTP: databases, revision trees in
 * SQLite, replicated writes, the feeds, local documents.
 */

#include "config.h"

#include "sl-server-db.h"
#include "sl-server-error.h"
#include "sl-server-store.h"
#include "sl-test-json.h"
#include "sl-test-utils.h"

typedef struct
{
  char          *dir;
  SlServerStore *store;
  SlServerDb    *db;
} StoreFixture;

static void
store_fixture_setup (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sl_test_make_tmp_dir ();
  fixture->store = sl_server_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->db = sl_server_store_create_db (fixture->store, "sunlight", &error);
  g_assert_no_error (error);
}

static void
store_fixture_teardown (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->store);
  sl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Writes the documents of the JSON array @json. */
static GPtrArray *
write_docs (SlServerDb           *db,
            const char           *json,
            gboolean              new_edits,
            SlServerValidateFunc  validate)
{
  g_autoptr(JsonNode) root = sl_test_json_parse (json);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_server_doc_free);
  g_autoptr(GError) error = NULL;
  JsonArray *array = json_node_get_array (root);
  GPtrArray *results;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      SlServerDoc *doc = sl_server_doc_new_from_json (json_array_get_object_element (array, i),
                                                      new_edits, &error);

      g_assert_no_error (error);
      g_ptr_array_add (docs, doc);
    }

  results = sl_server_db_write (db, docs, new_edits, validate, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, docs->len);
  return results;
}

/* Writes one document, which must succeed; returns its new rev. */
static char *
put (SlServerDb *db,
     const char *json)
{
  g_autofree char *array = g_strdup_printf ("[%s]", json);
  g_autoptr(GPtrArray) results = write_docs (db, array, TRUE, NULL);
  SlServerWriteResult *result = g_ptr_array_index (results, 0);

  g_assert_no_error (result->error);
  g_assert_nonnull (result->rev);
  return g_strdup (result->rev);
}

static JsonNode *
read_doc (SlServerDb        *db,
          const char        *id,
          const char        *rev,
          SlServerReadFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = sl_server_db_read_doc (db, id, rev, flags, NULL, &error);

  g_assert_no_error (error);
  return sl_test_json_parse (text->str);
}

static void
assert_read_fails (SlServerDb *db,
                   const char *id,
                   const char *rev,
                   const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = sl_server_db_read_doc (db, id, rev, 0, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, reason);
}

static JsonNode *
changes (SlServerDb                 *db,
         const SlServerChangesQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n_rows;
  g_autoptr(GString) text = sl_server_db_changes (db, query, &n_rows, &error);

  g_assert_no_error (error);
  return sl_test_json_parse (text->str);
}

static void
test_databases (StoreFixture  *fixture,
                gconstpointer  data)
{
  const char * const bad[] = { "", "Sunlight", "1db", "_users", "a b", "a.b", "a\\b", "é" };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_null (sl_server_store_create_db (fixture->store, "sunlight", &error));
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_EXISTS);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (sl_server_store_create_db (fixture->store, bad[i], &error));
      g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_ILLEGAL_DB_NAME);
      g_clear_error (&error);
    }

  g_assert_nonnull (sl_server_store_create_db (fixture->store, "team/a_b$(1)+-", &error));
  g_assert_no_error (error);
  names = sl_server_store_list_dbs (fixture->store, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "sunlight");

  g_assert_true (sl_server_store_delete_db (fixture->store, "sunlight", &error));
  g_assert_no_error (error);
  g_assert_null (sl_server_store_get_db (fixture->store, "sunlight", &error));
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sl_server_store_delete_db (fixture->store, "sunlight", &error));
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND);
}

static void
test_edits_and_conflicts (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autofree char *rev1 = put (fixture->db, "{\"_id\":\"plan:1\",\"status\":\"draft\"}");
  g_autofree char *rev2 = NULL;
  g_autofree char *stale = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GPtrArray) results = NULL;
  SlServerWriteResult *result;

  g_assert_true (g_str_has_prefix (rev1, "1-"));
  stale = g_strdup_printf ("[{\"_id\":\"plan:1\",\"_rev\":\"%s\",\"status\":\"proposed\"},"
                           " {\"_id\":\"plan:1\",\"_rev\":\"%s\",\"status\":\"again\"},"
                           " {\"_id\":\"plan:1\",\"status\":\"no rev\"},"
                           " {\"_id\":\"plan:2\",\"_rev\":\"1-abc\"}]", rev1, rev1);
  results = write_docs (fixture->db, stale, TRUE, NULL);

  /* The first edit wins; the same base again, no rev and an unknown
   * document with a rev all conflict. */
  result = g_ptr_array_index (results, 0);
  g_assert_no_error (result->error);
  g_assert_true (g_str_has_prefix (result->rev, "2-"));
  rev2 = g_strdup (result->rev);
  for (guint i = 1; i < 4; i++)
    {
      result = g_ptr_array_index (results, i);
      g_assert_error (result->error, SL_SERVER_ERROR, SL_SERVER_ERROR_CONFLICT);
      g_assert_null (result->rev);
    }

  doc = read_doc (fixture->db, "plan:1", NULL, SL_SERVER_READ_REVS);
  g_assert_cmpstr (sl_test_json_string (doc, "_rev"), ==, rev2);
  g_assert_cmpstr (sl_test_json_string (doc, "status"), ==, "proposed");
  g_assert_cmpint (sl_test_json_int (doc, "_revisions.start"), ==, 2);
  g_assert_cmpuint (sl_test_json_length (doc, "_revisions.ids"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (doc, "_revisions.ids.1"), ==, rev1 + 2);

  /* The old revision's body is gone: only leaves are kept. */
  assert_read_fails (fixture->db, "plan:1", rev1, "missing");
  assert_read_fails (fixture->db, "plan:404", NULL, "missing");
}

static void
test_same_edit_same_rev (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SlServerDb *other = sl_server_store_create_db (fixture->store, "other", &error);
  const char *json = "{\"_id\":\"comment:1\",\"text\":\"Same words\",\"n\":[1,2.5,true,null]}";
  g_autofree char *a = put (fixture->db, json);
  g_autofree char *b = put (other, json);
  g_autofree char *c = put (other, "{\"_id\":\"comment:2\",\"text\":\"Other words\"}");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a + 2, !=, c + 2);
}

static void
test_tombstones (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *rev1 = put (fixture->db, "{\"_id\":\"annotation:1\",\"text\":\"x\"}");
  g_autofree char *deletion = g_strdup_printf ("{\"_id\":\"annotation:1\",\"_rev\":\"%s\","
                                               "\"_deleted\":true}", rev1);
  g_autofree char *rev2 = put (fixture->db, deletion);
  g_autofree char *rev3 = NULL;
  SlServerChangesQuery query = { .since = 0, .include_docs = TRUE };
  g_autoptr(JsonNode) feed = NULL;
  g_autoptr(JsonNode) tombstone = NULL;
  SlServerDbInfo info;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (rev2, "2-"));
  assert_read_fails (fixture->db, "annotation:1", NULL, "deleted");
  /* The tombstone itself can be read by its rev. */
  tombstone = read_doc (fixture->db, "annotation:1", rev2, 0);
  g_assert_true (json_node_get_boolean (sl_test_json_find (tombstone, "_deleted")));

  feed = changes (fixture->db, &query);
  g_assert_cmpuint (sl_test_json_length (feed, "results"), ==, 1);
  g_assert_true (json_node_get_boolean (sl_test_json_find (feed, "results.0.deleted")));
  g_assert_cmpstr (sl_test_json_string (feed, "results.0.doc._rev"), ==, rev2);

  g_assert_true (sl_server_db_get_info (fixture->db, &info, &error));
  g_assert_cmpint (info.doc_count, ==, 0);
  g_assert_cmpint (info.doc_del_count, ==, 1);
  g_assert_cmpint (info.update_seq, ==, 2);

  /* Written again without a rev, it comes back on top of the tombstone. */
  rev3 = put (fixture->db, "{\"_id\":\"annotation:1\",\"text\":\"back\"}");
  g_assert_true (g_str_has_prefix (rev3, "3-"));
  g_assert_true (sl_server_db_get_info (fixture->db, &info, &error));
  g_assert_cmpint (info.doc_count, ==, 1);
}

/* Replicated revisions make a conflict; CouchDB's winner; resolution by
 * deleting the loser. */
static void
test_replicated_conflict (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) first = write_docs (fixture->db,
    "[{\"_id\":\"plan:9\",\"_rev\":\"1-aaaa\",\"v\":1},"
    " {\"_id\":\"plan:9\",\"_rev\":\"2-900a\",\"_revisions\":{\"start\":2,\"ids\":[\"900a\",\"aaaa\"]},\"v\":2},"
    " {\"_id\":\"plan:9\",\"_rev\":\"2-bbbb\",\"_revisions\":{\"start\":2,\"ids\":[\"bbbb\",\"aaaa\"]},\"v\":3}]",
    FALSE, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) resolved = NULL;
  g_autoptr(JsonNode) open_revs = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  gint64 seq_before, seq_after;

  for (guint i = 0; i < first->len; i++)
    {
      SlServerWriteResult *result = g_ptr_array_index (first, i);

      g_assert_no_error (result->error);
      g_assert_true (result->stored);
    }

  doc = read_doc (fixture->db, "plan:9", NULL, SL_SERVER_READ_CONFLICTS);
  g_assert_cmpstr (sl_test_json_string (doc, "_rev"), ==, "2-bbbb");
  g_assert_cmpint (sl_test_json_int (doc, "v"), ==, 3);
  g_assert_cmpuint (sl_test_json_length (doc, "_conflicts"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (doc, "_conflicts.0"), ==, "2-900a");

  text = sl_server_db_read_open_revs (fixture->db, "plan:9", NULL, 0, &error);
  g_assert_no_error (error);
  open_revs = sl_test_json_parse (text->str);
  g_assert_cmpuint (sl_test_json_length (open_revs, ""), ==, 2);
  g_assert_cmpstr (sl_test_json_string (open_revs, "0.ok._rev"), ==, "2-bbbb");

  /* The same revisions again change nothing, not even the sequence. */
  g_assert_true (sl_server_db_get_update_seq (fixture->db, &seq_before, &error));
  again = write_docs (fixture->db,
                      "[{\"_id\":\"plan:9\",\"_rev\":\"2-900a\",\"_revisions\":"
                      "{\"start\":2,\"ids\":[\"900a\",\"aaaa\"]},\"v\":2}]", FALSE, NULL);
  g_assert_false (((SlServerWriteResult *) g_ptr_array_index (again, 0))->stored);
  g_assert_true (sl_server_db_get_update_seq (fixture->db, &seq_after, &error));
  g_assert_cmpint (seq_after, ==, seq_before);

  /* Resolve: a tombstone on the loser; the conflict disappears. */
  rev = put (fixture->db, "{\"_id\":\"plan:9\",\"_rev\":\"2-900a\",\"_deleted\":true}");
  g_assert_true (g_str_has_prefix (rev, "3-"));
  resolved = read_doc (fixture->db, "plan:9", NULL, SL_SERVER_READ_CONFLICTS);
  g_assert_cmpstr (sl_test_json_string (resolved, "_rev"), ==, "2-bbbb");
  g_assert_null (sl_test_json_find (resolved, "_conflicts"));
}

static void
test_changes (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autofree char *rev_a = put (fixture->db, "{\"_id\":\"a\",\"n\":1}");
  g_autofree char *rev_b = put (fixture->db, "{\"_id\":\"b\",\"n\":2}");
  g_autofree char *rev_c = put (fixture->db, "{\"_id\":\"c\",\"n\":3}");
  g_autofree char *edit = g_strdup_printf ("{\"_id\":\"a\",\"_rev\":\"%s\",\"n\":4}", rev_a);
  g_autofree char *rev_a2 = put (fixture->db, edit);
  SlServerChangesQuery all = { 0 };
  SlServerChangesQuery paged = { .since = 0, .limit = 2, .include_docs = TRUE };
  SlServerChangesQuery rest = { .since = 3, .include_docs = TRUE };
  g_autoptr(JsonNode) feed = changes (fixture->db, &all);
  g_autoptr(JsonNode) page = changes (fixture->db, &paged);
  g_autoptr(JsonNode) tail = changes (fixture->db, &rest);
  g_autoptr(JsonNode) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) checkpoint = sl_test_json_parse ("{\"last_seq\":\"4\"}");
  g_autofree char *local_rev = NULL;

  /* One row per document, at its latest change; seqs are strings. */
  g_assert_cmpuint (sl_test_json_length (feed, "results"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (feed, "results.0.id"), ==, "b");
  g_assert_cmpstr (sl_test_json_string (feed, "results.0.seq"), ==, "2");
  g_assert_cmpstr (sl_test_json_string (feed, "results.2.id"), ==, "a");
  g_assert_cmpstr (sl_test_json_string (feed, "results.2.seq"), ==, "4");
  g_assert_cmpstr (sl_test_json_string (feed, "results.2.changes.0.rev"), ==, rev_a2);
  g_assert_null (sl_test_json_find (feed, "results.0.doc"));
  g_assert_cmpstr (sl_test_json_string (feed, "last_seq"), ==, "4");
  g_assert_cmpint (sl_test_json_int (feed, "pending"), ==, 0);

  g_assert_cmpuint (sl_test_json_length (page, "results"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (page, "last_seq"), ==, "3");
  g_assert_cmpint (sl_test_json_int (page, "pending"), ==, 1);
  g_assert_cmpint (sl_test_json_int (page, "results.1.doc.n"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (page, "results.1.doc._rev"), ==, rev_c);

  g_assert_cmpuint (sl_test_json_length (tail, "results"), ==, 1);
  g_assert_cmpint (sl_test_json_int (tail, "results.0.doc.n"), ==, 4);

  /* Local documents never show in the feed. */
  local_rev = sl_server_db_put_local (fixture->db, "_local/checkpoint",
                                      json_node_get_object (checkpoint), &error);
  g_assert_no_error (error);
  local = changes (fixture->db, &all);
  g_assert_cmpuint (sl_test_json_length (local, "results"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (local, "last_seq"), ==, "4");
  (void) rev_b;
}

static void
test_changes_all_leaves (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) results = write_docs (fixture->db,
    "[{\"_id\":\"x\",\"_rev\":\"1-11\",\"v\":1},"
    " {\"_id\":\"x\",\"_rev\":\"1-22\",\"v\":2}]", FALSE, NULL);
  SlServerChangesQuery query = { .all_leaves = TRUE, .include_docs = TRUE, .conflicts = TRUE };
  g_autoptr(JsonNode) feed = changes (fixture->db, &query);

  g_assert_cmpuint (sl_test_json_length (feed, "results"), ==, 1);
  g_assert_cmpuint (sl_test_json_length (feed, "results.0.changes"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (feed, "results.0.changes.0.rev"), ==, "1-22");
  g_assert_cmpstr (sl_test_json_string (feed, "results.0.changes.1.rev"), ==, "1-11");
  g_assert_cmpstr (sl_test_json_string (feed, "results.0.doc._conflicts.0"), ==, "1-11");
  g_assert_cmpstr (sl_test_json_string (feed, "last_seq"), ==, "2");
}

static JsonNode *
all_docs (SlServerDb                 *db,
          const SlServerAllDocsQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = sl_server_db_all_docs (db, query, &error);

  g_assert_no_error (error);
  return sl_test_json_parse (text->str);
}

static void
test_all_docs (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autofree char *rev_b = put (fixture->db, "{\"_id\":\"b\"}");
  g_autofree char *rev_a = put (fixture->db, "{\"_id\":\"a\",\"k\":\"v\"}");
  g_autofree char *rev_c = put (fixture->db, "{\"_id\":\"c\"}");
  g_autofree char *gone = put (fixture->db, "{\"_id\":\"d\"}");
  g_autofree char *deletion = g_strdup_printf ("{\"_id\":\"d\",\"_rev\":\"%s\",\"_deleted\":true}", gone);
  g_autofree char *rev_d = put (fixture->db, deletion);
  g_autoptr(JsonNode) keys = sl_test_json_parse ("[\"c\",\"nope\",\"d\",\"a\",7]");
  SlServerAllDocsQuery everything = { .limit = -1, .inclusive_end = TRUE, .include_docs = TRUE };
  SlServerAllDocsQuery range = { .start_key = (char *) "b", .end_key = (char *) "c",
                                 .limit = -1, .inclusive_end = FALSE };
  SlServerAllDocsQuery backwards = { .limit = 2, .descending = TRUE, .inclusive_end = TRUE };
  SlServerAllDocsQuery by_key = { .keys = json_node_get_array (keys), .include_docs = TRUE };
  g_autoptr(JsonNode) all = all_docs (fixture->db, &everything);
  g_autoptr(JsonNode) some = all_docs (fixture->db, &range);
  g_autoptr(JsonNode) last = all_docs (fixture->db, &backwards);
  g_autoptr(JsonNode) keyed = all_docs (fixture->db, &by_key);

  g_assert_cmpint (sl_test_json_int (all, "total_rows"), ==, 3);
  g_assert_cmpuint (sl_test_json_length (all, "rows"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (all, "rows.0.id"), ==, "a");
  g_assert_cmpstr (sl_test_json_string (all, "rows.0.value.rev"), ==, rev_a);
  g_assert_cmpstr (sl_test_json_string (all, "rows.0.doc.k"), ==, "v");

  g_assert_cmpuint (sl_test_json_length (some, "rows"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (some, "rows.0.key"), ==, "b");

  g_assert_cmpuint (sl_test_json_length (last, "rows"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (last, "rows.0.id"), ==, "c");
  g_assert_cmpstr (sl_test_json_string (last, "rows.1.id"), ==, "b");

  /* keys: in their order, unknown ones as errors, deleted ones with
   * their tombstone and no doc. */
  g_assert_cmpuint (sl_test_json_length (keyed, "rows"), ==, 5);
  g_assert_cmpstr (sl_test_json_string (keyed, "rows.0.value.rev"), ==, rev_c);
  g_assert_cmpstr (sl_test_json_string (keyed, "rows.1.error"), ==, "not_found");
  g_assert_cmpstr (sl_test_json_string (keyed, "rows.2.value.rev"), ==, rev_d);
  g_assert_true (json_node_get_boolean (sl_test_json_find (keyed, "rows.2.value.deleted")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sl_test_json_find (keyed, "rows.2.doc")));
  g_assert_cmpstr (sl_test_json_string (keyed, "rows.3.doc._id"), ==, "a");
  g_assert_cmpstr (sl_test_json_string (keyed, "rows.4.error"), ==, "not_found");
  (void) rev_b;
}

static void
test_revs_diff_and_bulk_get (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *rev1 = put (fixture->db, "{\"_id\":\"doc\",\"v\":1}");
  g_autofree char *edit = g_strdup_printf ("{\"_id\":\"doc\",\"_rev\":\"%s\",\"v\":2}", rev1);
  g_autofree char *rev2 = put (fixture->db, edit);
  g_autofree char *request = g_strdup_printf ("{\"doc\":[\"%s\",\"%s\",\"3-ffff\"],"
                                              "\"other\":[\"1-abcd\"],\"doc2\":[]}", rev1, rev2);
  g_autoptr(JsonNode) diff_request = sl_test_json_parse (request);
  g_autofree char *get = g_strdup_printf ("{\"docs\":[{\"id\":\"doc\",\"rev\":\"%s\"},"
                                          "{\"id\":\"doc\"},{\"id\":\"doc\",\"rev\":\"9-dead\"},"
                                          "{\"id\":\"nope\"},{\"rev\":\"1-a\"}]}", rev1);
  g_autoptr(JsonNode) get_request = sl_test_json_parse (get);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) diff_text = sl_server_db_revs_diff (fixture->db,
                                                         json_node_get_object (diff_request),
                                                         &error);
  g_autoptr(GString) get_text = NULL;
  g_autoptr(JsonNode) diff = NULL;
  g_autoptr(JsonNode) got = NULL;

  g_assert_no_error (error);
  diff = sl_test_json_parse (diff_text->str);
  g_assert_cmpuint (sl_test_json_length (diff, "doc.missing"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (diff, "doc.missing.0"), ==, "3-ffff");
  g_assert_cmpstr (sl_test_json_string (diff, "other.missing.0"), ==, "1-abcd");
  g_assert_null (sl_test_json_find (diff, "doc2"));

  get_text = sl_server_db_bulk_get (fixture->db, json_node_get_object (get_request),
                                    SL_SERVER_READ_REVS, &error);
  g_assert_no_error (error);
  got = sl_test_json_parse (get_text->str);
  g_assert_cmpuint (sl_test_json_length (got, "results"), ==, 5);
  /* An old rev answers with its latest leaf, with its history. */
  g_assert_cmpstr (sl_test_json_string (got, "results.0.docs.0.ok._rev"), ==, rev2);
  g_assert_cmpint (sl_test_json_int (got, "results.0.docs.0.ok._revisions.start"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (got, "results.1.docs.0.ok._rev"), ==, rev2);
  g_assert_cmpstr (sl_test_json_string (got, "results.2.docs.0.error.error"), ==, "not_found");
  g_assert_cmpstr (sl_test_json_string (got, "results.3.docs.0.error.reason"), ==, "missing");
  g_assert_cmpstr (sl_test_json_string (got, "results.4.docs.0.error.error"), ==, "bad_request");
}

static void
test_local_docs (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) first = sl_test_json_parse ("{\"seq\":\"1\"}");
  g_autoptr(JsonNode) stale = sl_test_json_parse ("{\"_rev\":\"0-7\",\"seq\":\"2\"}");
  g_autoptr(JsonNode) next = sl_test_json_parse ("{\"_rev\":\"0-1\",\"seq\":\"3\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *rev1 = sl_server_db_put_local (fixture->db, "_local/cp", json_node_get_object (first), &error);
  g_autofree char *rev_stale = NULL;
  g_autofree char *rev2 = NULL;
  g_autofree char *removed = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(JsonNode) doc = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rev1, ==, "0-1");
  rev_stale = sl_server_db_put_local (fixture->db, "_local/cp", json_node_get_object (stale), &error);
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_CONFLICT);
  g_clear_error (&error);
  rev2 = sl_server_db_put_local (fixture->db, "_local/cp", json_node_get_object (next), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rev2, ==, "0-2");

  text = sl_server_db_get_local (fixture->db, "_local/cp", &error);
  g_assert_no_error (error);
  doc = sl_test_json_parse (text->str);
  g_assert_cmpstr (sl_test_json_string (doc, "_id"), ==, "_local/cp");
  g_assert_cmpstr (sl_test_json_string (doc, "_rev"), ==, "0-2");
  g_assert_cmpstr (sl_test_json_string (doc, "seq"), ==, "3");

  removed = sl_server_db_delete_local (fixture->db, "_local/cp", "0-2", &error);
  g_assert_no_error (error);
  g_string_free (g_steal_pointer (&text), TRUE);
  text = sl_server_db_get_local (fixture->db, "_local/cp", &error);
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND);
}

static gboolean
refuse_plans (SlServerDoc  *doc,
              JsonObject   *old_doc,
              gpointer      user_data,
              GError      **error)
{
  if (g_str_has_prefix (doc->id, "plan:"))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_FORBIDDEN, "no plans");
      return FALSE;
    }

  return TRUE;
}

static void
test_validate (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) results = write_docs (fixture->db,
    "[{\"_id\":\"plan:1\"},{\"_id\":\"goal:1\"}]", TRUE, refuse_plans);
  SlServerWriteResult *refused = g_ptr_array_index (results, 0);
  SlServerWriteResult *stored = g_ptr_array_index (results, 1);
  SlServerDbInfo info;
  g_autoptr(GError) error = NULL;

  g_assert_error (refused->error, SL_SERVER_ERROR, SL_SERVER_ERROR_FORBIDDEN);
  g_assert_null (refused->rev);
  g_assert_no_error (stored->error);
  g_assert_true (sl_server_db_get_info (fixture->db, &info, &error));
  g_assert_cmpint (info.doc_count, ==, 1);
  g_assert_cmpint (info.update_seq, ==, 1);
  assert_read_fails (fixture->db, "plan:1", NULL, "missing");
}

static void
test_reopen (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autofree char *rev = put (fixture->db, "{\"_id\":\"kept\",\"text\":\"ไทย فارسی 中文\"}");
  g_autofree char *uuid = g_strdup (sl_server_store_get_uuid (fixture->store));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) doc = NULL;

  g_clear_object (&fixture->store);
  fixture->store = sl_server_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_server_store_get_uuid (fixture->store), ==, uuid);
  fixture->db = sl_server_store_get_db (fixture->store, "sunlight", &error);
  g_assert_no_error (error);
  doc = read_doc (fixture->db, "kept", NULL, 0);
  g_assert_cmpstr (sl_test_json_string (doc, "_rev"), ==, rev);
  g_assert_cmpstr (sl_test_json_string (doc, "text"), ==, "ไทย فارسی 中文");
}

static void
add_test (const char *path,
          void (*func) (StoreFixture *, gconstpointer))
{
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/sync/server-db/databases", test_databases);
  add_test ("/sync/server-db/edits-and-conflicts", test_edits_and_conflicts);
  add_test ("/sync/server-db/same-edit-same-rev", test_same_edit_same_rev);
  add_test ("/sync/server-db/tombstones", test_tombstones);
  add_test ("/sync/server-db/replicated-conflict", test_replicated_conflict);
  add_test ("/sync/server-db/changes", test_changes);
  add_test ("/sync/server-db/changes-all-leaves", test_changes_all_leaves);
  add_test ("/sync/server-db/all-docs", test_all_docs);
  add_test ("/sync/server-db/revs-diff-bulk-get", test_revs_diff_and_bulk_get);
  add_test ("/sync/server-db/local-docs", test_local_docs);
  add_test ("/sync/server-db/validate", test_validate);
  add_test ("/sync/server-db/reopen", test_reopen);

  return g_test_run ();
}
