/* sl-test-sync.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-test-json.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"

static const struct
{
  const char *name;
  const char *role;
} users[] = {
  { "alice", "marketing" },
  { "bob", "marketing" },
  { "fred", "finance" },
  { "vera", "viewer" },
};

void
sl_test_sync_add_users (SlTestPeer *peer)
{
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *password = g_strdup_printf ("%s-secret", users[i].name);

      sl_test_peer_add_user (peer, users[i].name, users[i].role, password);
    }
}

void
sl_test_sync_set_password (SlTestPeer *peer,
                           const char *user,
                           const char *password)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input = g_strdup_printf ("%s\n", password);
  g_autofree char *out = NULL;

  g_assert_cmpint (sl_test_peer_get_kind (peer), ==, SL_TEST_PEER_SUNLIGHT);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                              g_getenv ("SL_SERVER_BIN"), "user", "set-password", user,
                              "--data", sl_test_peer_get_data_dir (peer), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("sunlight-server user set-password failed: %s", out);
}

SlTestPeer *
sl_test_sync_start_peer (SlTestPeerKind kind)
{
  SlTestPeer *peer = sl_test_peer_start (kind);

  sl_test_sync_add_users (peer);
  return peer;
}

void
sl_peer_fixture_setup (SlPeerFixture *fixture,
                       gconstpointer  peer)
{
  fixture->peer = (SlTestPeer *)peer;
  fixture->dir = sl_test_make_tmp_dir ();
  fixture->db = sl_test_peer_new_db (fixture->peer);
}

void
sl_peer_fixture_teardown (SlPeerFixture *fixture,
                          gconstpointer  peer)
{
  sl_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db, g_free);
}

SlWorkspace *
sl_test_sync_workspace (const char *dir,
                        const char *file_name,
                        const char *user)
{
  SlWorkspace *ws = sl_test_workspace_new (dir, file_name);

  sl_workspace_set_author (ws, user);
  return ws;
}

SlSyncClient *
sl_test_sync_client (SlTestPeer  *peer,
                     const char  *db,
                     SlWorkspace *ws,
                     const char  *user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlSyncAccount) account = NULL;
  g_autofree char *password = g_strdup_printf ("%s-secret", user);

  account = sl_sync_account_add (sl_workspace_get_database (ws), sl_test_peer_get_url (peer), db, user,
                                 &error);
  g_assert_no_error (error);
  return sl_sync_client_new (ws, account, password);
}

GStrv
sl_test_sync_cli_argv (SlTestPeer *peer,
                       const char *db,
                       const char *dir,
                       const char *path,
                       const char *user,
                       guint       batch)
{
  const char *cli = g_getenv ("SL_CLI_BIN");
  g_autofree char *password_file = g_strdup_printf ("%s/%s.password", dir, user);
  g_autofree char *password = g_strdup_printf ("%s-secret\n", user);
  g_autofree char *batch_text = g_strdup_printf ("%u", batch);
  const char *argv[] = { cli, "sync", path, "--server", sl_test_peer_get_url (peer), "--db", db,
                         "--user", user, "--password-file", password_file, "--batch", batch_text,
                         "--verbose", NULL };

  g_assert_nonnull (cli);
  sl_test_write_file (password_file, password, -1);
  return g_strdupv ((GStrv)argv);
}

typedef struct
{
  GError   *error;
  gboolean  done;
} RoundResult;

static void
round_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RoundResult *round = user_data;

  sl_sync_client_sync_finish (SL_SYNC_CLIENT (source), result, &round->error);
  round->done = TRUE;
}

static gboolean
round_done (gpointer data)
{
  return ((RoundResult *)data)->done;
}

GError *
sl_test_sync_try_round (SlSyncClient *client)
{
  RoundResult round = { NULL, FALSE };

  sl_sync_client_sync_async (client, NULL, round_cb, &round);
  sl_test_sync_wait (round_done, &round, 120);
  return round.error;
}

void
sl_test_sync_round (SlSyncClient *client)
{
  g_autoptr(GError) error = sl_test_sync_try_round (client);

  g_assert_no_error (error);
}

gboolean
sl_test_sync_is_synced (gpointer client)
{
  return sl_sync_client_get_state (client) == SL_SYNC_STATE_SYNCED;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sl_test_sync_wait (gboolean (*done) (gpointer),
                   gpointer   data,
                   guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("gave up waiting after %u s", seconds);
  g_source_remove (id);
}

void
sl_test_sync_seed_goals (SlWorkspace *ws,
                         guint        n,
                         const char  *author)
{
  SlDatabase *db = sl_workspace_get_database (ws);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (db,
                              "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
                              "INSERT INTO goal (uuid, objective, first_day, last_day, author, created_at, updated_at) "
                              "SELECT printf ('%08x-0000-4000-8000-%012x', i, i), 'Goal ' || i, 20454, 20818, ?2, "
                              "1767225600000000 + i, 1767225600000000 + i FROM n",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, (int)n);
  sqlite3_bind_text (stmt, 2, author, -1, SQLITE_TRANSIENT);
  sl_database_step_done (db, stmt, &error);
  g_assert_no_error (error);
}

GHashTable *
sl_test_sync_server_docs (SlTestPeer *peer,
                          const char *db)
{
  g_autofree char *path = g_strdup_printf ("/%s/_all_docs?include_docs=true", db);
  g_autoptr(SlTestResponse) response = sl_test_peer_request (peer, "GET", path, SL_TEST_PEER_ADMIN, NULL);
  GHashTable *docs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)json_node_unref);
  JsonArray *rows;

  g_assert_cmpuint (response->status, ==, 200);
  rows = json_object_get_array_member (json_node_get_object (response->json), "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *id = json_object_get_string_member (row, "id");

      if (g_str_has_prefix (id, "_design/"))
        continue;
      g_hash_table_insert (docs, g_strdup (id), json_node_ref (json_object_get_member (row, "doc")));
    }
  return docs;
}
