/* test-pouchdb-client.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A third-party client accepts sunlight-server: the PouchDB library
 * (npm pouchdb, in the peers folder) replicates from and to it, and
 * both sides end up with the same documents, revisions and conflicts.
 */

#include "config.h"

#include <string.h>

#include "sl-test-json.h"
#include "sl-test-peer.h"
#include "sl-test-utils.h"

static void
post (SlTestPeer *peer,
      const char *body)
{
  g_autoptr(SlTestResponse) response = sl_test_peer_request (peer, "POST", "/sunlight/_bulk_docs",
                                                             "alice", body);

  g_assert_cmpuint (response->status, ==, 201);
  g_assert_null (sl_test_json_find (response->json, "0.error"));
}

/* Goals, edits, a deletion and a replicated conflict on the server. */
static void
seed_server (SlTestPeer *peer)
{
  g_autoptr(GString) goals = g_string_new ("{\"docs\":[");
  g_autoptr(SlTestResponse) first = NULL;
  g_autofree char *edits = NULL;

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (goals, "%s{\"_id\":\"goal:%02u\",\"type\":\"goal\",\"author\":\"alice\","
                            "\"title\":\"Goal %u\",\"target\":{\"minor\":%u00,\"currency\":\"EUR\"}}",
                            i > 0 ? "," : "", i, i, i + 1);
  g_string_append (goals, "]}");
  first = sl_test_peer_request (peer, "POST", "/sunlight/_bulk_docs", "alice", goals->str);
  g_assert_cmpuint (first->status, ==, 201);

  edits = g_strdup_printf ("{\"docs\":[{\"_id\":\"goal:01\",\"_rev\":\"%s\",\"type\":\"goal\","
                           "\"author\":\"alice\",\"title\":\"Goal one, edited\"},"
                           "{\"_id\":\"goal:05\",\"_rev\":\"%s\",\"_deleted\":true}]}",
                           sl_test_json_string (first->json, "1.rev"),
                           sl_test_json_string (first->json, "5.rev"));
  post (peer, edits);
  post (peer, "{\"new_edits\":false,\"docs\":["
              "{\"_id\":\"plan:c\",\"_rev\":\"1-aaaa\",\"type\":\"plan\",\"author\":\"alice\"},"
              "{\"_id\":\"plan:c\",\"_rev\":\"2-bbbb\",\"_revisions\":{\"start\":2,\"ids\":[\"bbbb\",\"aaaa\"]},"
              "\"type\":\"plan\",\"author\":\"alice\",\"status\":\"draft\"},"
              "{\"_id\":\"plan:c\",\"_rev\":\"2-cccc\",\"_revisions\":{\"start\":2,\"ids\":[\"cccc\",\"aaaa\"]},"
              "\"type\":\"plan\",\"author\":\"alice\",\"status\":\"proposed\"}]}");
}

/* Runs pouchdb-replicate.js; returns its JSON report. */
static JsonNode *
replicate (SlTestPeer *peer,
           const char *dir,
           const char *edits_path)
{
  g_autofree char *peers = sl_test_peer_find_peers_dir ();
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pouchdb-replicate.js", NULL);
  g_autofree char *modules = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (peers == NULL || node == NULL)
    g_error ("PouchDB not found (node: %s; peers: %s): run build-aux/dev test, which installs "
             "the test peers, or `npm ci` in tests/peers", node ? node : "missing",
             peers ? peers : "missing");

  modules = g_build_filename (peers, "node_modules", NULL);
  g_subprocess_launcher_setenv (launcher, "NODE_PATH", modules, TRUE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  process = g_subprocess_launcher_spawn (launcher, &error, node, script,
                                         sl_test_peer_get_url (peer), "sunlight", "alice",
                                         "alice-secret", dir, edits_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("pouchdb-replicate.js failed:\n%s", err);

  return sl_test_json_parse (out);
}

static void
assert_replication_ok (JsonNode   *report,
                       const char *which)
{
  g_autofree char *ok = g_strdup_printf ("%s.ok", which);
  g_autofree char *failures = g_strdup_printf ("%s.doc_write_failures", which);
  g_autofree char *errors = g_strdup_printf ("%s.errors", which);

  g_assert_true (json_node_get_boolean (sl_test_json_find (report, ok)));
  g_assert_cmpint (sl_test_json_int (report, failures), ==, 0);
  g_assert_cmpuint (sl_test_json_length (report, errors), ==, 0);
}

/* id → document, from an array of documents. */
static GHashTable *
index_docs (JsonArray *docs)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (docs); i++)
    {
      JsonNode *doc = json_array_get_element (docs, i);

      g_hash_table_insert (index, (gpointer) json_object_get_string_member (
                             json_node_get_object (doc), "_id"), doc);
    }

  return index;
}

static JsonArray *
server_docs (SlTestPeer *peer,
             JsonNode  **holder)
{
  g_autoptr(SlTestResponse) rows = sl_test_peer_request (peer, "GET",
    "/sunlight/_all_docs?include_docs=true&conflicts=true", "alice", NULL);
  JsonArray *array = json_array_new ();
  guint n = sl_test_json_length (rows->json, "rows");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("rows.%u.doc", i);

      json_array_add_element (array, json_node_copy (sl_test_json_find (rows->json, path)));
    }

  *holder = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return json_node_get_array (*holder);
}

static void
test_replicate_both_ways (void)
{
  g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *edits_path = g_build_filename (dir, "edits.json", NULL);
  g_autoptr(GString) edits = g_string_new ("[");
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(JsonNode) server_holder = NULL;
  g_autoptr(GHashTable) local = NULL;
  g_autoptr(GHashTable) remote = NULL;
  JsonArray *local_docs;
  GHashTableIter iter;
  gpointer id, doc;

  sl_test_peer_add_user (peer, "alice", "marketing", "alice-secret");
  sl_test_peer_create_db (peer, "sunlight");
  seed_server (peer);

  /* Local work: new annotations, an edit and a deletion of pulled goals. */
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (edits, "{\"_id\":\"annotation:local-%u\",\"type\":\"annotation\","
                            "\"author\":\"alice\",\"text\":\"Note %u ✓\"},", i, i);
  g_string_append (edits, "{\"_id\":\"goal:03\",\"type\":\"goal\",\"author\":\"alice\","
                          "\"title\":\"Goal three, edited offline\"},"
                          "{\"_id\":\"goal:04\",\"_deleted\":true}]");
  sl_test_write_file (edits_path, edits->str, -1);

  report = replicate (peer, dir, edits_path);
  assert_replication_ok (report, "pulled");
  assert_replication_ok (report, "pushed");
  assert_replication_ok (report, "pulled_again");
  g_assert_cmpint (sl_test_json_int (report, "pushed.docs_written"), ==, 7);

  local_docs = json_node_get_array (sl_test_json_find (report, "docs"));
  local = index_docs (local_docs);
  remote = index_docs (server_docs (peer, &server_holder));

  /* 20 goals - 2 deleted + 5 annotations + the plan. */
  g_assert_cmpuint (g_hash_table_size (remote), ==, 24);
  g_assert_cmpuint (g_hash_table_size (local), ==, g_hash_table_size (remote));
  g_hash_table_iter_init (&iter, remote);
  while (g_hash_table_iter_next (&iter, &id, &doc))
    {
      JsonNode *mine = g_hash_table_lookup (local, id);
      g_autofree char *theirs_text = sl_test_json_to_text (doc);
      g_autofree char *mine_text = mine ? sl_test_json_to_text (mine) : g_strdup ("(none)");

      if (mine == NULL || !json_node_equal (mine, doc))
        g_test_message ("%s differs: server %s, PouchDB %s", (char *) id, theirs_text, mine_text);
      g_assert_nonnull (mine);
      g_assert_true (json_node_equal (mine, doc));
    }

  g_assert_cmpstr (sl_test_json_string (g_hash_table_lookup (remote, "goal:03"), "title"),
                   ==, "Goal three, edited offline");
  g_assert_true (g_str_has_prefix (sl_test_json_string (g_hash_table_lookup (remote, "goal:03"),
                                                        "_rev"), "2-"));
  g_assert_null (g_hash_table_lookup (remote, "goal:04"));
  g_assert_cmpstr (sl_test_json_string (g_hash_table_lookup (local, "goal:01"), "title"),
                   ==, "Goal one, edited");
  g_assert_cmpstr (sl_test_json_string (g_hash_table_lookup (local, "plan:c"), "_rev"), ==, "2-cccc");
  g_assert_cmpstr (sl_test_json_string (g_hash_table_lookup (local, "plan:c"), "_conflicts.0"),
                   ==, "2-bbbb");

  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/pouchdb-client/replicate-both-ways", test_replicate_both_ways);

  return g_test_run ();
}
