/* test-sync-live.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running clients: an edit reaches the other workspace through its
 * longpoll, on sunlight-server and on pouchdb-server (which never ends
 * an idle longpoll); offline, edits wait and go when the network is
 * back.
 */

#include "config.h"

#include "sl-set-field-command.h"
#include "sl-test-monitor.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"
#include "sl-workspace-goals.h"

typedef struct
{
  SlWorkspace *ws;
  const char  *uuid;
  const char  *objective;
} GoalWait;

static char *
new_goal (SlWorkspace *ws,
          const char  *objective)
{
  SlGoalSpec spec = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id = 0;

  spec.objective = objective;
  spec.framework = "okr";
  spec.first_day = 20454;
  spec.last_day = 20818;
  sl_workspace_create_goal (ws, &spec, NULL, 0, &id, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT uuid FROM goal WHERE id = %" G_GINT64_FORMAT, id);
  return g_strchomp (sl_test_query_text (sl_workspace_get_database (ws), sql));
}

static gboolean
has_goal (gpointer data)
{
  GoalWait *wait = data;
  g_autofree char *sql = g_strdup_printf ("SELECT objective FROM goal WHERE uuid = '%s'", wait->uuid);
  g_autofree char *objective = g_strchomp (sl_test_query_text (sl_workspace_get_database (wait->ws), sql));

  return g_strcmp0 (objective, wait->objective) == 0;
}

static void
rename_goal (SlWorkspace *ws,
             const char  *uuid,
             const char  *objective)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM goal WHERE uuid = '%s'", uuid);
  gint64 id = sl_test_query_int64 (sl_workspace_get_database (ws), sql);
  g_autoptr(GError) error = NULL;

  sl_workspace_run (ws, sl_set_field_command_new ("Rename", "goal", id, "objective",
                                                  json_node_init_string (json_node_alloc (), objective)),
                    &error);
  g_assert_no_error (error);
}

static void
test_edits_travel (SlPeerFixture *f,
                   gconstpointer  data)
{
  g_autoptr(SlWorkspace) a = sl_test_sync_workspace (f->dir, "a.sunlight", "alice");
  g_autoptr(SlWorkspace) b = sl_test_sync_workspace (f->dir, "b.sunlight", "bob");
  g_autoptr(SlSyncClient) ca = sl_test_sync_client (f->peer, f->db, a, "alice");
  g_autoptr(SlSyncClient) cb = sl_test_sync_client (f->peer, f->db, b, "bob");
  g_autofree char *uuid = NULL;
  GoalWait wait = { b, NULL, "Grow the pipeline" };

  sl_sync_client_start (ca);
  sl_sync_client_start (cb);
  g_assert_true (sl_sync_client_is_running (ca));

  uuid = new_goal (a, "Grow the pipeline");
  wait.uuid = uuid;
  sl_test_sync_wait (has_goal, &wait, 30);

  /* And back, while alice's client waits on the server. */
  rename_goal (b, uuid, "Grow the pipeline by a third");
  wait.ws = a;
  wait.objective = "Grow the pipeline by a third";
  sl_test_sync_wait (has_goal, &wait, 30);

  sl_sync_client_stop (ca);
  sl_sync_client_stop (cb);
  g_assert_false (sl_sync_client_is_running (ca));
  g_assert_cmpint (sl_sync_client_get_state (ca), ==, SL_SYNC_STATE_SYNCED);
}

static void
test_offline (SlPeerFixture *f,
              gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "a.sunlight", "alice");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (f->peer, f->db, ws, "alice");
  g_autoptr(SlTestMonitor) monitor = sl_test_monitor_new (FALSE);
  g_autoptr(GHashTable) docs = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *status = NULL;

  sl_sync_client_set_network_monitor (client, G_NETWORK_MONITOR (monitor));
  g_assert_cmpint (sl_sync_client_get_state (client), ==, SL_SYNC_STATE_OFFLINE);
  sl_sync_client_start (client);

  uuid = new_goal (ws, "Cut churn");
  g_assert_cmpint (sl_sync_client_get_state (client), ==, SL_SYNC_STATE_OFFLINE);
  g_assert_cmpuint (sl_sync_client_get_waiting (client), ==, 1);
  status = sl_sync_client_dup_status_text (client);
  g_assert_cmpstr (status, !=, "");
  /* Nothing is tried while offline. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  docs = sl_test_sync_server_docs (f->peer, f->db);
  g_assert_cmpuint (g_hash_table_size (docs), ==, 0);
  g_clear_pointer (&docs, g_hash_table_unref);

  sl_test_monitor_set_available (monitor, TRUE);
  sl_test_sync_wait (sl_test_sync_is_synced, client, 30);
  sl_sync_client_stop (client);
  docs = sl_test_sync_server_docs (f->peer, f->db);
  g_assert_cmpuint (g_hash_table_size (docs), ==, 1);
  g_assert_cmpuint (sl_sync_client_get_waiting (client), ==, 0);
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

  g_test_add ("/sync/live/sunlight/edits-travel", SlPeerFixture, sunlight,
              sl_peer_fixture_setup, test_edits_travel, sl_peer_fixture_teardown);
  g_test_add ("/sync/live/pouchdb/edits-travel", SlPeerFixture, pouchdb,
              sl_peer_fixture_setup, test_edits_travel, sl_peer_fixture_teardown);
  g_test_add ("/sync/live/sunlight/offline", SlPeerFixture, sunlight,
              sl_peer_fixture_setup, test_offline, sl_peer_fixture_teardown);

  return g_test_run ();
}
