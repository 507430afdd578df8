/* test-server-db-feed.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server's storage without HTTP: the feeds (_changes,
 * _all_docs), what replicators ask (_revs_diff, _bulk_get) and _local
 * documents.
 */

#include "config.h"

#include "sl-server-error.h"
#include "sl-test-json.h"
#include "sl-test-store.h"

static void
test_changes (SlStoreFixture *fixture,
              gconstpointer   data)
{
  g_autofree char *rev_a = sl_test_store_put (fixture->db, "{\"_id\":\"a\",\"n\":1}");
  g_autofree char *rev_b = sl_test_store_put (fixture->db, "{\"_id\":\"b\",\"n\":2}");
  g_autofree char *rev_c = sl_test_store_put (fixture->db, "{\"_id\":\"c\",\"n\":3}");
  g_autofree char *edit = g_strdup_printf ("{\"_id\":\"a\",\"_rev\":\"%s\",\"n\":4}", rev_a);
  g_autofree char *rev_a2 = sl_test_store_put (fixture->db, edit);
  SlServerChangesQuery all = { 0 };
  SlServerChangesQuery paged = { .since = 0, .limit = 2, .include_docs = TRUE };
  SlServerChangesQuery rest = { .since = 3, .include_docs = TRUE };
  g_autoptr(JsonNode) feed = sl_test_store_changes (fixture->db, &all);
  g_autoptr(JsonNode) page = sl_test_store_changes (fixture->db, &paged);
  g_autoptr(JsonNode) tail = sl_test_store_changes (fixture->db, &rest);
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
  local = sl_test_store_changes (fixture->db, &all);
  g_assert_cmpuint (sl_test_json_length (local, "results"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (local, "last_seq"), ==, "4");
  (void) rev_b;
}

static void
test_changes_all_leaves (SlStoreFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GPtrArray) results = sl_test_store_write (fixture->db,
    "[{\"_id\":\"x\",\"_rev\":\"1-11\",\"v\":1},"
    " {\"_id\":\"x\",\"_rev\":\"1-22\",\"v\":2}]", FALSE, NULL);
  SlServerChangesQuery query = { .all_leaves = TRUE, .include_docs = TRUE, .conflicts = TRUE };
  g_autoptr(JsonNode) feed = sl_test_store_changes (fixture->db, &query);

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
test_all_docs (SlStoreFixture *fixture,
               gconstpointer   data)
{
  g_autofree char *rev_b = sl_test_store_put (fixture->db, "{\"_id\":\"b\"}");
  g_autofree char *rev_a = sl_test_store_put (fixture->db, "{\"_id\":\"a\",\"k\":\"v\"}");
  g_autofree char *rev_c = sl_test_store_put (fixture->db, "{\"_id\":\"c\"}");
  g_autofree char *gone = sl_test_store_put (fixture->db, "{\"_id\":\"d\"}");
  g_autofree char *deletion = g_strdup_printf ("{\"_id\":\"d\",\"_rev\":\"%s\",\"_deleted\":true}", gone);
  g_autofree char *rev_d = sl_test_store_put (fixture->db, deletion);
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
test_revs_diff_and_bulk_get (SlStoreFixture *fixture,
                             gconstpointer   data)
{
  g_autofree char *rev1 = sl_test_store_put (fixture->db, "{\"_id\":\"doc\",\"v\":1}");
  g_autofree char *edit = g_strdup_printf ("{\"_id\":\"doc\",\"_rev\":\"%s\",\"v\":2}", rev1);
  g_autofree char *rev2 = sl_test_store_put (fixture->db, edit);
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
test_local_docs (SlStoreFixture *fixture,
                 gconstpointer   data)
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

/* PouchDB names its checkpoints "_local/" + base64 md5 with '+' made '_',
 * so one in 64 starts with an underscore; the name may, an empty one may
 * not. */
static void
test_local_names (SlStoreFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(JsonNode) body = sl_test_json_parse ("{\"last_seq\":\"4\"}");
  const char *id = "_local/_jkSfJ3mKCAtoG5f7ea3rg==";
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = sl_server_db_put_local (fixture->db, id, json_node_get_object (body), &error);
  g_autofree char *empty = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(JsonNode) doc = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rev, ==, "0-1");
  text = sl_server_db_get_local (fixture->db, id, &error);
  g_assert_no_error (error);
  doc = sl_test_json_parse (text->str);
  g_assert_cmpstr (sl_test_json_string (doc, "_id"), ==, id);
  g_assert_cmpstr (sl_test_json_string (doc, "last_seq"), ==, "4");

  empty = sl_server_db_put_local (fixture->db, "_local/", json_node_get_object (body), &error);
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST);
  g_assert_null (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sl_store_fixture_add ("/sync/server-db-feed/changes", test_changes);
  sl_store_fixture_add ("/sync/server-db-feed/changes-all-leaves", test_changes_all_leaves);
  sl_store_fixture_add ("/sync/server-db-feed/all-docs", test_all_docs);
  sl_store_fixture_add ("/sync/server-db-feed/revs-diff-bulk-get", test_revs_diff_and_bulk_get);
  sl_store_fixture_add ("/sync/server-db-feed/local-docs", test_local_docs);
  sl_store_fixture_add ("/sync/server-db-feed/local-names", test_local_names);

  return g_test_run ();
}
