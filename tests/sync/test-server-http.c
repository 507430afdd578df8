/* test-server-http.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real sunlight-server process, endpoint by endpoint: databases,
 * documents, conflicts, _bulk_docs, _all_docs, _revs_diff, _bulk_get,
 * _local and _security.
 */

#include "config.h"

#include "sl-test-json.h"
#include "sl-test-peer.h"

static SlTestResponse *
request (SlTestPeer *peer,
         const char *method,
         const char *user,
         const char *body,
         const char *path_format,
         ...) G_GNUC_PRINTF (5, 6);

static SlTestResponse *
request (SlTestPeer *peer,
         const char *method,
         const char *user,
         const char *body,
         const char *path_format,
         ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  return sl_test_peer_request (peer, method, path, user, body);
}

static void
assert_status (SlTestResponse *response,
               guint           status)
{
  if (response->status != status)
    g_test_message ("expected %u, got %u: %s", status, response->status, response->body);
  g_assert_cmpuint (response->status, ==, status);
}

static void
test_welcome (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(SlTestResponse) root = request (peer, "GET", NULL, NULL, "/");
  g_autoptr(SlTestResponse) up = request (peer, "GET", NULL, NULL, "/_up");
  g_autoptr(SlTestResponse) uuids = request (peer, "GET", NULL, NULL, "/_uuids?count=3");

  assert_status (root, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (root->headers, NULL),
                   ==, "application/json");
  g_assert_cmpstr (sl_test_json_string (root->json, "couchdb"), ==, "Welcome");
  g_assert_cmpuint (strlen (sl_test_json_string (root->json, "uuid")), ==, 32);
  g_assert_cmpstr (sl_test_json_string (root->json, "vendor.name"), ==, "sunlight-server");
  assert_status (up, 200);
  g_assert_cmpuint (sl_test_json_length (uuids->json, "uuids"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (uuids->json, "uuids.0"), !=,
                   sl_test_json_string (uuids->json, "uuids.1"));
}

static void
test_databases (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(SlTestResponse) made = request (peer, "PUT", "admin", NULL, "/team");
  g_autoptr(SlTestResponse) again = request (peer, "PUT", "admin", NULL, "/team");
  g_autoptr(SlTestResponse) by_member = request (peer, "PUT", "alice", NULL, "/other");
  g_autoptr(SlTestResponse) anonymous = request (peer, "PUT", NULL, NULL, "/other");
  g_autoptr(SlTestResponse) illegal = request (peer, "PUT", "admin", NULL, "/Team");
  g_autoptr(SlTestResponse) info = request (peer, "GET", "alice", NULL, "/team");
  g_autoptr(SlTestResponse) missing = request (peer, "GET", "alice", NULL, "/nosuch");
  g_autoptr(SlTestResponse) listed = request (peer, "GET", "admin", NULL, "/_all_dbs");
  g_autoptr(SlTestResponse) not_listed = request (peer, "GET", "alice", NULL, "/_all_dbs");
  g_autoptr(SlTestResponse) dropped = NULL;
  g_autoptr(SlTestResponse) gone = NULL;

  assert_status (made, 201);
  g_assert_true (json_node_get_boolean (sl_test_json_find (made->json, "ok")));
  sl_test_assert_error (again, 412, "file_exists");
  sl_test_assert_error (by_member, 403, "forbidden");
  sl_test_assert_error (anonymous, 401, "unauthorized");
  sl_test_assert_error (illegal, 400, "illegal_database_name");
  sl_test_assert_error (missing, 404, "not_found");
  sl_test_assert_error (not_listed, 403, "forbidden");

  assert_status (info, 200);
  g_assert_cmpstr (sl_test_json_string (info->json, "db_name"), ==, "team");
  g_assert_cmpint (sl_test_json_int (info->json, "doc_count"), ==, 0);
  g_assert_cmpstr (sl_test_json_string (info->json, "update_seq"), ==, "0");
  assert_status (listed, 200);
  g_assert_cmpuint (sl_test_json_length (listed->json, ""), >=, 1);

  dropped = request (peer, "DELETE", "admin", NULL, "/team");
  assert_status (dropped, 200);
  gone = request (peer, "GET", "alice", NULL, "/team");
  sl_test_assert_error (gone, 404, "not_found");
}

static void
test_documents (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) put = request (peer, "PUT", "alice",
    "{\"type\":\"goal\",\"author\":\"alice\",\"title\":\"Grow\"}", "/%s/goal%%3A1", db);
  const char *rev1 = sl_test_json_string (put->json, "rev");
  g_autofree char *etag = g_strdup_printf ("\"%s\"", rev1);
  g_autoptr(SlTestResponse) got = request (peer, "GET", "alice", NULL, "/%s/goal:1", db);
  g_autoptr(SlTestResponse) edited = NULL;
  g_autoptr(SlTestResponse) stale = NULL;
  g_autoptr(SlTestResponse) no_rev = NULL;
  g_autoptr(SlTestResponse) history = NULL;
  g_autoptr(SlTestResponse) deleted = NULL;
  g_autoptr(SlTestResponse) after = NULL;
  g_autoptr(SlTestResponse) never = NULL;
  g_autoptr(SlTestResponse) posted = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"type\":\"goal\",\"author\":\"alice\","
                                               "\"title\":\"Grow more\"}", 52);
  g_autofree char *url = g_strdup_printf ("%s/%s/goal:1", sl_test_peer_get_url (peer), db);
  const char *rev2;

  assert_status (put, 201);
  g_assert_cmpstr (sl_test_json_string (put->json, "id"), ==, "goal:1");
  g_assert_cmpstr (soup_message_headers_get_one (put->headers, "ETag"), ==, etag);
  assert_status (got, 200);
  g_assert_cmpstr (sl_test_json_string (got->json, "_rev"), ==, rev1);
  g_assert_cmpstr (sl_test_json_string (got->json, "title"), ==, "Grow");
  g_assert_cmpstr (soup_message_headers_get_one (got->headers, "ETag"), ==, etag);

  /* An edit naming its base in If-Match. */
  edited = sl_test_http_full (sl_test_peer_get_session (peer), "PUT", url, "alice",
                              "alice-secret", "application/json", body, "If-Match", etag);
  assert_status (edited, 201);
  rev2 = sl_test_json_string (edited->json, "rev");
  g_assert_true (g_str_has_prefix (rev2, "2-"));

  stale = request (peer, "PUT", "alice", "{\"title\":\"x\"}", "/%s/goal:1?rev=%s", db, rev1);
  sl_test_assert_error (stale, 409, "conflict");
  no_rev = request (peer, "DELETE", "alice", NULL, "/%s/goal:1", db);
  sl_test_assert_error (no_rev, 409, "conflict");

  history = request (peer, "GET", "alice", NULL, "/%s/goal:1?revs=true", db);
  g_assert_cmpint (sl_test_json_int (history->json, "_revisions.start"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (history->json, "_revisions.ids.1"), ==, rev1 + 2);

  deleted = request (peer, "DELETE", "alice", NULL, "/%s/goal:1?rev=%s", db, rev2);
  assert_status (deleted, 200);
  g_assert_true (g_str_has_prefix (sl_test_json_string (deleted->json, "rev"), "3-"));
  after = request (peer, "GET", "alice", NULL, "/%s/goal:1", db);
  sl_test_assert_error (after, 404, "not_found");
  g_assert_cmpstr (sl_test_json_string (after->json, "reason"), ==, "deleted");
  never = request (peer, "GET", "alice", NULL, "/%s/goal:2", db);
  g_assert_cmpstr (sl_test_json_string (never->json, "reason"), ==, "missing");

  /* POST /db: the server names the document. */
  posted = request (peer, "POST", "alice", "{\"author\":\"alice\"}", "/%s", db);
  assert_status (posted, 201);
  g_assert_cmpuint (strlen (sl_test_json_string (posted->json, "id")), ==, 32);
}

/* Replicated branches make a conflict; CouchDB's winner; resolution. */
static void
test_conflicts (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) replicated = request (peer, "POST", "alice",
    "{\"new_edits\":false,\"docs\":["
    "{\"_id\":\"plan:1\",\"_rev\":\"1-aaaa\",\"type\":\"plan\",\"author\":\"alice\"},"
    "{\"_id\":\"plan:1\",\"_rev\":\"2-900a\",\"_revisions\":{\"start\":2,\"ids\":[\"900a\",\"aaaa\"]},"
    "\"type\":\"plan\",\"author\":\"alice\",\"v\":1},"
    "{\"_id\":\"plan:1\",\"_rev\":\"2-bbbb\",\"_revisions\":{\"start\":2,\"ids\":[\"bbbb\",\"aaaa\"]},"
    "\"type\":\"plan\",\"author\":\"alice\",\"v\":2}]}", "/%s/_bulk_docs", db);
  g_autoptr(SlTestResponse) winner = request (peer, "GET", "alice", NULL,
                                              "/%s/plan:1?conflicts=true", db);
  g_autoptr(SlTestResponse) all = request (peer, "GET", "alice", NULL,
                                           "/%s/plan:1?open_revs=all", db);
  g_autoptr(SlTestResponse) named = request (peer, "GET", "alice", NULL,
                                             "/%s/plan:1?open_revs=%%5B%%222-900a%%22,%%222-dddd%%22%%5D",
                                             db);
  g_autoptr(SlTestResponse) resolved = request (peer, "POST", "alice",
    "{\"docs\":[{\"_id\":\"plan:1\",\"_rev\":\"2-900a\",\"_deleted\":true}]}",
    "/%s/_bulk_docs", db);
  g_autoptr(SlTestResponse) after = request (peer, "GET", "alice", NULL,
                                             "/%s/plan:1?conflicts=true", db);

  assert_status (replicated, 201);
  g_assert_cmpuint (sl_test_json_length (replicated->json, ""), ==, 0);
  g_assert_cmpstr (sl_test_json_string (winner->json, "_rev"), ==, "2-bbbb");
  g_assert_cmpstr (sl_test_json_string (winner->json, "_conflicts.0"), ==, "2-900a");
  g_assert_cmpuint (sl_test_json_length (all->json, ""), ==, 2);
  g_assert_cmpstr (sl_test_json_string (named->json, "0.ok._rev"), ==, "2-900a");
  g_assert_cmpint (sl_test_json_int (named->json, "0.ok.v"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (named->json, "1.missing"), ==, "2-dddd");
  assert_status (resolved, 201);
  g_assert_true (json_node_get_boolean (sl_test_json_find (resolved->json, "0.ok")));
  g_assert_cmpstr (sl_test_json_string (after->json, "_rev"), ==, "2-bbbb");
  g_assert_null (sl_test_json_find (after->json, "_conflicts"));
}

/* The contract's mixed batch: request order, per-document errors. */
static void
test_bulk_docs (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) first = request (peer, "POST", "alice",
    "{\"docs\":[{\"_id\":\"plan:1\",\"type\":\"plan\",\"author\":\"alice\",\"status\":\"draft\"},"
    "{\"_id\":\"annotation:1\",\"type\":\"annotation\",\"author\":\"alice\"},"
    "{\"_id\":\"comment:1\",\"type\":\"comment\",\"author\":\"alice\"},"
    "{\"type\":\"goal\",\"author\":\"alice\"}]}", "/%s/_bulk_docs", db);
  g_autofree char *second_body = NULL;
  g_autoptr(SlTestResponse) second = NULL;
  g_autoptr(SlTestResponse) malformed = NULL;
  g_autoptr(SlTestResponse) info = NULL;

  assert_status (first, 201);
  g_assert_cmpuint (sl_test_json_length (first->json, ""), ==, 4);
  g_assert_cmpstr (sl_test_json_string (first->json, "0.id"), ==, "plan:1");
  g_assert_cmpuint (strlen (sl_test_json_string (first->json, "3.id")), ==, 32);

  second_body = g_strdup_printf (
    "{\"docs\":[{\"_id\":\"plan:1\",\"_rev\":\"%s\",\"type\":\"plan\",\"author\":\"alice\","
    "\"status\":\"proposed\"},"
    "{\"_id\":\"annotation:1\",\"_rev\":\"1-3628\"},"
    "{\"_id\":\"comment:2\",\"type\":\"comment\",\"author\":\"alice\"},"
    "{\"_id\":\"comment:2\",\"type\":\"comment\",\"author\":\"alice\",\"again\":true},"
    "{\"_id\":\"annotation:3\",\"_rev\":\"1-abc\"}]}",
    sl_test_json_string (first->json, "0.rev"));
  second = request (peer, "POST", "alice", second_body, "/%s/_bulk_docs", db);
  assert_status (second, 201);
  g_assert_cmpuint (sl_test_json_length (second->json, ""), ==, 5);
  g_assert_true (g_str_has_prefix (sl_test_json_string (second->json, "0.rev"), "2-"));
  g_assert_cmpstr (sl_test_json_string (second->json, "1.error"), ==, "conflict");
  g_assert_cmpstr (sl_test_json_string (second->json, "2.id"), ==, "comment:2");
  g_assert_nonnull (sl_test_json_find (second->json, "2.rev"));
  /* The same id twice in a batch: the second conflicts. */
  g_assert_cmpstr (sl_test_json_string (second->json, "3.error"), ==, "conflict");
  g_assert_cmpstr (sl_test_json_string (second->json, "4.id"), ==, "annotation:3");
  g_assert_cmpstr (sl_test_json_string (second->json, "4.error"), ==, "conflict");

  /* One malformed document fails the whole request. */
  malformed = request (peer, "POST", "alice",
    "{\"docs\":[{\"_id\":\"goal:9\",\"author\":\"alice\"},{\"_id\":\"_bad\"}]}",
    "/%s/_bulk_docs", db);
  sl_test_assert_error (malformed, 400, "bad_request");
  info = request (peer, "GET", "alice", NULL, "/%s", db);
  g_assert_cmpint (sl_test_json_int (info->json, "doc_count"), ==, 5);
}

static void
test_all_docs (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) written = request (peer, "POST", "alice",
    "{\"docs\":[{\"_id\":\"b\",\"author\":\"alice\"},{\"_id\":\"a\",\"author\":\"alice\",\"n\":1},"
    "{\"_id\":\"c\",\"author\":\"alice\"}]}", "/%s/_bulk_docs", db);
  g_autofree char *stub = g_strdup_printf ("{\"docs\":[{\"_id\":\"c\",\"_rev\":\"%s\",\"_deleted\":true}]}",
                                           sl_test_json_string (written->json, "2.rev"));
  g_autoptr(SlTestResponse) deleted = request (peer, "POST", "alice", stub, "/%s/_bulk_docs", db);
  g_autoptr(SlTestResponse) all = request (peer, "GET", "alice", NULL,
                                           "/%s/_all_docs?include_docs=true", db);
  g_autoptr(SlTestResponse) range = request (peer, "GET", "alice", NULL,
    "/%s/_all_docs?startkey=%%22b%%22&endkey=%%22z%%22", db);
  g_autoptr(SlTestResponse) keys = request (peer, "GET", "alice", NULL,
    "/%s/_all_docs?include_docs=true&keys=%%5B%%22c%%22,%%22nope%%22,%%22a%%22%%5D", db);
  g_autoptr(SlTestResponse) posted = request (peer, "POST", "alice", "{\"keys\":[\"b\"]}",
                                              "/%s/_all_docs", db);
  g_autoptr(SlTestResponse) bad = request (peer, "GET", "alice", NULL,
                                           "/%s/_all_docs?startkey=b", db);

  assert_status (deleted, 201);
  assert_status (all, 200);
  g_assert_cmpint (sl_test_json_int (all->json, "total_rows"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (all->json, "rows.0.id"), ==, "a");
  g_assert_cmpint (sl_test_json_int (all->json, "rows.0.doc.n"), ==, 1);
  g_assert_cmpuint (sl_test_json_length (range->json, "rows"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (range->json, "rows.0.key"), ==, "b");

  g_assert_cmpuint (sl_test_json_length (keys->json, "rows"), ==, 3);
  g_assert_true (json_node_get_boolean (sl_test_json_find (keys->json, "rows.0.value.deleted")));
  g_assert_true (JSON_NODE_HOLDS_NULL (sl_test_json_find (keys->json, "rows.0.doc")));
  g_assert_cmpstr (sl_test_json_string (keys->json, "rows.1.error"), ==, "not_found");
  g_assert_cmpstr (sl_test_json_string (keys->json, "rows.2.doc._id"), ==, "a");
  g_assert_cmpstr (sl_test_json_string (posted->json, "rows.0.id"), ==, "b");
  sl_test_assert_error (bad, 400, "bad_request");
}

static void
test_revs_diff_bulk_get (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) put = request (peer, "PUT", "alice", "{\"author\":\"alice\",\"v\":1}",
                                           "/%s/doc", db);
  const char *rev = sl_test_json_string (put->json, "rev");
  g_autofree char *diff_body = g_strdup_printf ("{\"doc\":[\"%s\",\"3-ffff\"],\"new\":[\"1-aa\"]}", rev);
  g_autofree char *get_body = g_strdup_printf ("{\"docs\":[{\"id\":\"doc\",\"rev\":\"%s\"},"
                                               "{\"id\":\"nope\",\"rev\":\"1-aa\"}]}", rev);
  g_autoptr(SlTestResponse) diff = request (peer, "POST", "alice", diff_body, "/%s/_revs_diff", db);
  g_autoptr(SlTestResponse) got = request (peer, "POST", "alice", get_body,
                                           "/%s/_bulk_get?revs=true", db);

  assert_status (diff, 200);
  g_assert_cmpuint (sl_test_json_length (diff->json, "doc.missing"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (diff->json, "doc.missing.0"), ==, "3-ffff");
  g_assert_cmpstr (sl_test_json_string (diff->json, "new.missing.0"), ==, "1-aa");
  assert_status (got, 200);
  g_assert_cmpstr (sl_test_json_string (got->json, "results.0.docs.0.ok._rev"), ==, rev);
  g_assert_cmpint (sl_test_json_int (got->json, "results.0.docs.0.ok._revisions.start"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (got->json, "results.1.docs.0.error.error"), ==, "not_found");
}

static void
test_local_docs (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) put = request (peer, "PUT", "vera", "{\"last_seq\":\"7\"}",
                                           "/%s/_local/sunlight-client", db);
  g_autoptr(SlTestResponse) stale = request (peer, "PUT", "vera", "{\"last_seq\":\"8\"}",
                                             "/%s/_local/sunlight-client", db);
  g_autoptr(SlTestResponse) next = request (peer, "PUT", "vera",
                                            "{\"_rev\":\"0-1\",\"last_seq\":\"9\"}",
                                            "/%s/_local/sunlight-client", db);
  g_autoptr(SlTestResponse) got = request (peer, "GET", "vera", NULL,
                                           "/%s/_local%%2Fsunlight-client", db);
  g_autoptr(SlTestResponse) feed = request (peer, "GET", "vera", NULL, "/%s/_changes", db);

  /* A viewer writes its own checkpoints: _local is not replicated. */
  assert_status (put, 201);
  g_assert_cmpstr (sl_test_json_string (put->json, "rev"), ==, "0-1");
  sl_test_assert_error (stale, 409, "conflict");
  assert_status (next, 201);
  g_assert_cmpstr (sl_test_json_string (got->json, "_rev"), ==, "0-2");
  g_assert_cmpstr (sl_test_json_string (got->json, "last_seq"), ==, "9");
  g_assert_cmpuint (sl_test_json_length (feed->json, "results"), ==, 0);
}

static void
test_security (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  const char *finance_only = "{\"admins\":{\"names\":[],\"roles\":[]},"
                             "\"members\":{\"names\":[],\"roles\":[\"finance\"]}}";
  g_autoptr(SlTestResponse) shown = request (peer, "GET", "alice", NULL, "/%s/_security", db);
  g_autoptr(SlTestResponse) by_member = request (peer, "PUT", "alice", finance_only,
                                                 "/%s/_security", db);
  g_autoptr(SlTestResponse) by_admin = request (peer, "PUT", "admin", finance_only,
                                                "/%s/_security", db);
  g_autoptr(SlTestResponse) alice_now = request (peer, "GET", "alice", NULL, "/%s", db);
  g_autoptr(SlTestResponse) fred_now = request (peer, "GET", "fred", NULL, "/%s", db);
  g_autoptr(SlTestResponse) anonymous = request (peer, "GET", NULL, NULL, "/%s", db);
  g_autoptr(SlTestResponse) broken = request (peer, "PUT", "admin", "{\"members\":[]}",
                                              "/%s/_security", db);

  assert_status (shown, 200);
  g_assert_cmpuint (sl_test_json_length (shown->json, "members.roles"), ==, 3);
  sl_test_assert_error (by_member, 403, "forbidden");
  assert_status (by_admin, 200);
  sl_test_assert_error (alice_now, 403, "forbidden");
  assert_status (fred_now, 200);
  sl_test_assert_error (anonymous, 401, "unauthorized");
  sl_test_assert_error (broken, 400, "bad_request");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  sl_test_peer_add_team (peer);

  g_test_add_data_func ("/sync/server-http/welcome", peer, test_welcome);
  g_test_add_data_func ("/sync/server-http/databases", peer, test_databases);
  g_test_add_data_func ("/sync/server-http/documents", peer, test_documents);
  g_test_add_data_func ("/sync/server-http/conflicts", peer, test_conflicts);
  g_test_add_data_func ("/sync/server-http/bulk-docs", peer, test_bulk_docs);
  g_test_add_data_func ("/sync/server-http/all-docs", peer, test_all_docs);
  g_test_add_data_func ("/sync/server-http/revs-diff-bulk-get", peer, test_revs_diff_bulk_get);
  g_test_add_data_func ("/sync/server-http/local-docs", peer, test_local_docs);
  g_test_add_data_func ("/sync/server-http/security", peer, test_security);

  status = g_test_run ();
  return status;
}
