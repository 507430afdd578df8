/* test-sync-converge.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two workspaces edit the same plan offline and sync through
 * sunlight-server and through pouchdb-server: different fields merge,
 * the same field clashes and waits for the user's choice; comments
 * never conflict.
 */

#include "config.h"

#include <string.h>

#include "sl-document-codec.h"
#include "sl-set-field-command.h"
#include "sl-test-json.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

typedef struct
{
  SlPeerFixture base;
  SlTestPeer   *peer;
  char         *db;
  SlWorkspace  *a;
  SlWorkspace  *b;
  SlSyncClient *ca;
  SlSyncClient *cb;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sl_peer_fixture_setup (&f->base, data);
  f->peer = f->base.peer;
  f->db = f->base.db;
  f->a = sl_test_sync_workspace (f->base.dir, "a.sunlight", "alice");
  f->b = sl_test_sync_workspace (f->base.dir, "b.sunlight", "bob");
  f->ca = sl_test_sync_client (f->peer, f->db, f->a, "alice");
  f->cb = sl_test_sync_client (f->peer, f->db, f->b, "bob");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->ca);
  g_clear_object (&f->cb);
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  sl_peer_fixture_teardown (&f->base, data);
}

static gint64
channel_id (SlWorkspace *ws,
            const char  *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM channel WHERE name = '%s'", name);

  return sl_test_query_int64 (sl_workspace_get_database (ws), sql);
}

/* A plan in @ws moving 500.00 from Search to Social; its uuid. */
static char *
new_plan (SlWorkspace *ws)
{
  SlReallocLineSpec line = { channel_id (ws, "Search"), 20454, channel_id (ws, "Social"), 20485, 50000 };
  SlReallocPlanSpec spec = { "Shift", "Search saturates", NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id = 0;

  sl_workspace_create_realloc_plan (ws, &spec, &line, 1, &id, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT uuid FROM realloc_plan WHERE id = %" G_GINT64_FORMAT, id);
  return g_strchomp (sl_test_query_text (sl_workspace_get_database (ws), sql));
}

static char *
plan_field (SlWorkspace *ws,
            const char  *uuid,
            const char  *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM realloc_plan WHERE uuid = '%s'", column, uuid);

  return g_strchomp (sl_test_query_text (sl_workspace_get_database (ws), sql));
}

static void
set_plan_field (SlWorkspace *ws,
                const char  *uuid,
                const char  *column,
                const char  *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM realloc_plan WHERE uuid = '%s'", uuid);
  gint64 id = sl_test_query_int64 (sl_workspace_get_database (ws), sql);
  g_autoptr(GError) error = NULL;

  sl_workspace_run (ws, sl_set_field_command_new ("Edit", "realloc_plan", id, column,
                                                  json_node_init_string (json_node_alloc (), value)),
                    &error);
  g_assert_no_error (error);
}

static const char *
server_field (Fixture    *f,
              const char *doc_id,
              const char *member,
              JsonNode  **keep)
{
  g_autofree char *path = g_strdup_printf ("/%s/%s", f->db, doc_id);
  g_autoptr(SlTestResponse) response = sl_test_peer_request (f->peer, "GET", path, SL_TEST_PEER_ADMIN, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  g_clear_pointer (keep, json_node_unref);
  *keep = json_node_ref (response->json);
  return sl_test_json_string (*keep, member);
}

static void
assert_field (Fixture    *f,
              const char *uuid,
              const char *column,
              const char *expected)
{
  g_autofree char *in_a = plan_field (f->a, uuid, column);
  g_autofree char *in_b = plan_field (f->b, uuid, column);
  g_autofree char *doc_id = g_strdup_printf ("plan:%s", uuid);
  g_autoptr(JsonNode) doc = NULL;

  g_assert_cmpstr (in_a, ==, expected);
  g_assert_cmpstr (in_b, ==, expected);
  g_assert_cmpstr (server_field (f, doc_id, column, &doc), ==, expected);
}

static void
test_merge_fields (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *uuid = new_plan (f->a);
  g_autofree char *target = g_strdup_printf ("plan:%s", uuid);
  g_autoptr(GError) error = NULL;

  g_autofree char *pulled = NULL;

  sl_test_sync_round (f->ca);
  sl_test_sync_round (f->cb);
  pulled = plan_field (f->b, uuid, "title");
  g_assert_cmpstr (pulled, ==, "Shift");
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (f->b),
                                        "SELECT count(*) FROM realloc_line"), ==, 1);

  /* Offline: alice renames the plan, bob rewrites its rationale; both comment. */
  set_plan_field (f->a, uuid, "title", "Shift to social");
  set_plan_field (f->b, uuid, "rationale", "Search is saturated");
  sl_workspace_add_comment (f->a, target, "Numbers attached", NULL, &error);
  g_assert_no_error (error);
  sl_workspace_add_comment (f->b, target, "Agreed", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_sync_client_get_waiting (f->ca), ==, 2);

  sl_test_sync_round (f->ca);
  sl_test_sync_round (f->cb);
  sl_test_sync_round (f->ca);

  assert_field (f, uuid, "title", "Shift to social");
  assert_field (f, uuid, "rationale", "Search is saturated");
  for (guint i = 0; i < 2; i++)
    {
      SlWorkspace *ws = i == 0 ? f->a : f->b;
      SlSyncClient *client = i == 0 ? f->ca : f->cb;

      g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                            "SELECT count(*) FROM comment"), ==, 2);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_sync_client_get_issues (client))), ==, 0);
      g_assert_cmpuint (sl_sync_client_get_waiting (client), ==, 0);
      g_assert_cmpint (sl_sync_client_get_state (client), ==, SL_SYNC_STATE_SYNCED);
    }
}

/* Both change the title: bob's round records the clash and keeps his
 * own title until he chooses. */
static SlSyncIssue *
clash (Fixture    *f,
       const char *uuid,
       const char *column,
       const char *mine,
       const char *theirs)
{
  GListModel *issues = G_LIST_MODEL (sl_sync_client_get_issues (f->cb));
  g_autofree char *now = NULL;

  set_plan_field (f->a, uuid, column, theirs);
  set_plan_field (f->b, uuid, column, mine);
  sl_test_sync_round (f->ca);
  sl_test_sync_round (f->cb);

  now = plan_field (f->b, uuid, column);
  g_assert_cmpstr (now, ==, mine);
  g_assert_cmpuint (g_list_model_get_n_items (issues), ==, 1);
  g_assert_cmpuint (sl_sync_issue_store_count (sl_sync_client_get_issues (f->cb), SL_SYNC_ISSUE_CONFLICT), ==, 1);
  /* Waiting on the user, not on the network. */
  g_assert_cmpuint (sl_sync_client_get_waiting (f->cb), ==, 0);
  return g_list_model_get_item (issues, 0);
}

static void
test_clash (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *uuid = new_plan (f->a);
  g_autofree char *doc_id = g_strdup_printf ("plan:%s", uuid);
  g_autoptr(SlSyncIssue) first = NULL;
  g_autoptr(SlSyncIssue) second = NULL;
  g_autoptr(GError) error = NULL;

  sl_test_sync_round (f->ca);
  sl_test_sync_round (f->cb);

  first = clash (f, uuid, "title", "Title by bob", "Title by alice");
  g_assert_cmpint (sl_sync_issue_get_kind (first), ==, SL_SYNC_ISSUE_CONFLICT);
  g_assert_cmpstr (sl_sync_issue_get_doc_id (first), ==, doc_id);
  g_assert_nonnull (strstr (sl_sync_issue_get_detail (first), "title"));
  g_assert_nonnull (strstr (sl_sync_issue_get_title (first), "Title by bob"));

  /* Keep mine: bob's title goes over alice's. */
  sl_sync_client_resolve (f->cb, doc_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_sync_client_get_waiting (f->cb), ==, 1);
  sl_test_sync_round (f->cb);
  sl_test_sync_round (f->ca);
  assert_field (f, uuid, "title", "Title by bob");

  /* Take theirs: alice's rationale replaces bob's. */
  second = clash (f, uuid, "rationale", "Bob's reason", "Alice's reason");
  sl_sync_client_resolve (f->cb, doc_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_sync_client_get_waiting (f->cb), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_sync_client_get_issues (f->cb))), ==, 0);
  sl_test_sync_round (f->cb);
  sl_test_sync_round (f->ca);
  assert_field (f, uuid, "rationale", "Alice's reason");
  assert_field (f, uuid, "title", "Title by bob");
}

static SlWorkspace *
reopen (SlDatabase *db)
{
  g_autofree char *path = g_strdup (sl_database_get_path (db));
  g_autoptr(GError) error = NULL;
  SlWorkspace *ws;

  g_object_unref (db);
  ws = sl_workspace_open (path, &error);
  g_assert_no_error (error);
  return ws;
}

/* Every kind of shared item goes through the server and comes out the
 * same: the receiving workspace encodes each document as the sender does. */
static void
test_every_kind (SlPeerFixture *f,
                 gconstpointer  data)
{
  g_autoptr(SlWorkspace) a = reopen (sl_test_shared_workspace_new (f->dir, "a.sunlight", 7));
  g_autoptr(SlWorkspace) b = reopen (sl_test_empty_workspace_new (f->dir, "b.sunlight", "USD"));
  g_autoptr(SlSyncClient) ca = sl_test_sync_client (f->peer, f->db, a, "alice");
  g_autoptr(SlSyncClient) cb = sl_test_sync_client (f->peer, f->db, b, "bob");
  g_autoptr(SlDocumentCodec) codec_a = sl_document_codec_new (sl_workspace_get_database (a));
  g_autoptr(SlDocumentCodec) codec_b = sl_document_codec_new (sl_workspace_get_database (b));
  g_autoptr(GPtrArray) ids = sl_test_shared_doc_ids (sl_workspace_get_database (a));

  sl_test_sync_round (ca);
  g_assert_cmpuint (sl_sync_push_get_n_pushed (sl_sync_client_get_push (ca)), ==, ids->len);
  sl_test_sync_round (cb);
  g_assert_cmpuint (sl_sync_pull_get_n_failed (sl_sync_client_get_pull (cb)), ==, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) sent = sl_document_codec_encode (codec_a, ids->pdata[i], &error);
      g_autoptr(JsonNode) received = sl_document_codec_encode (codec_b, ids->pdata[i], &error);
      g_autofree char *sent_text = NULL;
      g_autofree char *received_text = NULL;

      g_assert_no_error (error);
      sent_text = json_to_string (sent, FALSE);
      received_text = json_to_string (received, FALSE);
      g_assert_cmpstr (received_text, ==, sent_text);
    }
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (b),
                                        "SELECT count(*) FROM sync_doc WHERE dirty = 1"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) sunlight = NULL;
  g_autoptr(SlTestPeer) pouchdb = NULL;

  g_test_init (&argc, &argv, NULL);

  sunlight = sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT);
  pouchdb = sl_test_sync_start_peer (SL_TEST_PEER_POUCHDB);

  g_test_add ("/sync/client/sunlight/merge-fields", Fixture, sunlight,
              fixture_setup, test_merge_fields, fixture_teardown);
  g_test_add ("/sync/client/sunlight/clash", Fixture, sunlight,
              fixture_setup, test_clash, fixture_teardown);
  g_test_add ("/sync/client/pouchdb/merge-fields", Fixture, pouchdb,
              fixture_setup, test_merge_fields, fixture_teardown);
  g_test_add ("/sync/client/pouchdb/clash", Fixture, pouchdb,
              fixture_setup, test_clash, fixture_teardown);
  /* pouchdb-server without the write rules: the items have several authors. */
  g_test_add ("/sync/client/pouchdb/every-kind", SlPeerFixture, pouchdb,
              sl_peer_fixture_setup, test_every_kind, sl_peer_fixture_teardown);

  return g_test_run ();
}
