/* test-sync-crash.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync survives being cut off: sunlight-cli sync killed with SIGKILL
 * while pushing, then run again, leaves every document on the server
 * exactly once; sunlight-server killed and restarted during a pull,
 * the client resumes from its checkpoint; pulling everything again
 * changes nothing.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "sl-test-json.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"

#define PUSHED_DOCS 2000
#define PULLED_DOCS 1200

typedef SlPeerFixture Fixture;

static GSubprocess *
spawn_cli (Fixture    *f,
           const char *path)
{
  g_auto(GStrv) argv = sl_test_sync_cli_argv (f->peer, f->db, f->dir, path, "alice", 50);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_newv ((const char * const *)argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  return process;
}

/* Waits for @n batches to be reported sent, then kills the process. */
static void
kill_after_batches (GSubprocess *process,
                    guint        n)
{
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autoptr(GError) error = NULL;
  guint sent = 0;

  while (sent < n)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      sent += g_str_has_prefix (line, "Sent ");
    }
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_successful (process));
}

static void
test_client_killed_while_pushing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "alice.sunlight", NULL);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GHashTable) docs = NULL;
  g_autoptr(SlWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *local = NULL;
  g_auto(GStrv) rows = NULL;
  GHashTableIter iter;
  gpointer id, doc;

  ws = sl_test_sync_workspace (f->dir, "alice.sunlight", "alice");
  sl_test_sync_seed_goals (ws, PUSHED_DOCS, "alice");
  g_clear_object (&ws);

  first = spawn_cli (f, path);
  kill_after_batches (first, 8);
  docs = sl_test_sync_server_docs (f->peer, f->db);
  g_assert_cmpuint (g_hash_table_size (docs), >=, 8 * 50);
  g_assert_cmpuint (g_hash_table_size (docs), <, PUSHED_DOCS);
  g_clear_pointer (&docs, g_hash_table_unref);

  second = spawn_cli (f, path);
  g_subprocess_wait_check (second, NULL, &error);
  g_assert_no_error (error);

  /* Every goal once, written once (revision 1), as it is here. */
  ws = sl_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM sync_doc WHERE dirty = 1 OR rev IS NULL"), ==, 0);
  docs = sl_test_sync_server_docs (f->peer, f->db);
  g_assert_cmpuint (g_hash_table_size (docs), ==, PUSHED_DOCS);
  local = sl_test_query_text (sl_workspace_get_database (ws),
                              "SELECT 'goal:' || uuid || '|' || objective || '|alice' FROM goal ORDER BY id");
  rows = g_strsplit (g_strchomp (local), "\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, PUSHED_DOCS);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (rows[i], "|", 3);
      JsonNode *server = g_hash_table_lookup (docs, fields[0]);

      g_assert_nonnull (server);
      g_assert_cmpstr (sl_test_json_string (server, "objective"), ==, fields[1]);
      g_assert_cmpstr (sl_test_json_string (server, "author"), ==, fields[2]);
    }
  g_hash_table_iter_init (&iter, docs);
  while (g_hash_table_iter_next (&iter, &id, &doc))
    g_assert_true (g_str_has_prefix (sl_test_json_string (doc, "_rev"), "1-"));
}

/* The server stored a batch but the client died before recording it:
 * sent again, each conflicts, the server's equal version is taken. */
static void
test_pushed_not_recorded (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "alice.sunlight", "alice");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (f->peer, f->db, ws, "alice");
  SlDatabase *db = sl_workspace_get_database (ws);
  SlSyncPush *push = sl_sync_client_get_push (client);
  g_autoptr(GHashTable) docs = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id, doc;

  sl_test_sync_seed_goals (ws, 120, "alice");
  sl_test_sync_round (client);
  g_assert_cmpuint (sl_sync_push_get_n_pushed (push), ==, 120);
  sl_database_exec (db, "UPDATE sync_doc SET rev = NULL, base_json = NULL, dirty = 1 "
                        "WHERE doc_id IN (SELECT doc_id FROM sync_doc ORDER BY doc_id LIMIT 70)", &error);
  g_assert_no_error (error);

  sl_test_sync_round (client);
  g_assert_cmpuint (sl_sync_push_get_n_pushed (push), ==, 120);
  g_assert_cmpuint (sl_sync_push_get_n_merged (push), ==, 70);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM sync_doc WHERE dirty = 1 OR rev IS NULL "
                                            "OR rev NOT LIKE '1-%'"), ==, 0);
  docs = sl_test_sync_server_docs (f->peer, f->db);
  g_assert_cmpuint (g_hash_table_size (docs), ==, 120);
  g_hash_table_iter_init (&iter, docs);
  while (g_hash_table_iter_next (&iter, &id, &doc))
    g_assert_true (g_str_has_prefix (sl_test_json_string (doc, "_rev"), "1-"));
}

typedef struct
{
  SlTestPeer   *peer;
  SlSyncClient *client;
  guint         pages;
  gboolean      killed;
} Restart;

static void
page_applied_cb (SlSyncPull *pull,
                 guint       rows,
                 Restart    *restart)
{
  if (++restart->pages == 3 && !restart->killed)
    {
      restart->killed = TRUE;
      sl_test_peer_kill (restart->peer, SIGKILL);
    }
}

static gboolean
failed (gpointer data)
{
  return sl_sync_client_get_state (((Restart *)data)->client) == SL_SYNC_STATE_ERROR;
}

static gboolean
all_pulled (gpointer data)
{
  SlSyncClient *client = ((Restart *)data)->client;

  return sl_sync_client_get_state (client) == SL_SYNC_STATE_SYNCED &&
         sl_test_query_int64 (sl_workspace_get_database (sl_sync_client_get_workspace (client)),
                              "SELECT count(*) FROM goal") == PULLED_DOCS;
}

/* Pushes @n goals of alice's through the server. */
static void
seed_server (Fixture *f,
             guint    n)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "alice.sunlight", "alice");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (f->peer, f->db, ws, "alice");

  sl_test_sync_seed_goals (ws, n, "alice");
  sl_test_sync_round (client);
  g_assert_cmpuint (sl_sync_push_get_n_pushed (sl_sync_client_get_push (client)), ==, n);
}

static void
test_server_killed_while_pulling (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "bob.sunlight", "bob");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (f->peer, f->db, ws, "bob");
  SlSyncPull *pull = sl_sync_client_get_pull (client);
  Restart restart = { f->peer, client, 0, FALSE };

  seed_server (f, PULLED_DOCS);
  sl_sync_client_set_batch_sizes (client, 200, 100);
  g_signal_connect (pull, "page-applied", G_CALLBACK (page_applied_cb), &restart);
  sl_sync_client_start (client);

  sl_test_sync_wait (failed, &restart, 60);
  g_assert_nonnull (sl_sync_client_get_error_message (client));
  sl_test_peer_restart (f->peer);
  sl_test_sync_wait (all_pulled, &restart, 60);
  sl_sync_client_stop (client);

  /* From its checkpoint: no page twice, nothing missing. */
  g_assert_true (restart.killed);
  g_assert_cmpuint (sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_APPLIED), ==, PULLED_DOCS);
  g_assert_cmpuint (sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_UNCHANGED), ==, 0);
  g_assert_cmpuint (sl_sync_pull_get_n_failed (pull), ==, 0);
  g_signal_handlers_disconnect_by_data (pull, &restart);
}

static void
test_pull_again (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "bob.sunlight", "bob");
  g_autoptr(SlSyncClient) first = sl_test_sync_client (f->peer, f->db, ws, "bob");
  g_autoptr(SlSyncClient) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *sql = "SELECT group_concat (uuid || objective || updated_at, ',') FROM "
                    "(SELECT * FROM goal ORDER BY id)";
  SlSyncPull *pull;

  seed_server (f, 300);
  sl_test_sync_round (first);
  before = sl_test_query_text (sl_workspace_get_database (ws), sql);
  g_clear_object (&first);

  /* A checkpoint lost: everything comes again and nothing changes. */
  again = sl_test_sync_client (f->peer, f->db, ws, "bob");
  sl_sync_account_set_last_seq (sl_sync_client_get_account (again), NULL, &error);
  g_assert_no_error (error);
  sl_test_sync_round (again);
  pull = sl_sync_client_get_pull (again);
  g_assert_cmpuint (sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_UNCHANGED), ==, 300);
  g_assert_cmpuint (sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_APPLIED), ==, 0);
  after = sl_test_query_text (sl_workspace_get_database (ws), sql);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM sync_doc WHERE dirty = 1"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT);

  g_test_add ("/sync/crash/client-killed-while-pushing", Fixture, peer,
              sl_peer_fixture_setup, test_client_killed_while_pushing, sl_peer_fixture_teardown);
  g_test_add ("/sync/crash/pushed-not-recorded", Fixture, peer,
              sl_peer_fixture_setup, test_pushed_not_recorded, sl_peer_fixture_teardown);
  g_test_add ("/sync/crash/server-killed-while-pulling", Fixture, peer,
              sl_peer_fixture_setup, test_server_killed_while_pulling, sl_peer_fixture_teardown);
  g_test_add ("/sync/crash/pull-again", Fixture, peer,
              sl_peer_fixture_setup, test_pull_again, sl_peer_fixture_teardown);

  return g_test_run ();
}
