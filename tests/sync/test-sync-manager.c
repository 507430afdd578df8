/* test-sync-manager.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connecting a workspace to sunlight-server as the Accounts page does:
 * a wrong password or address keeps nothing; a good one keeps the
 * account and the password and starts the client; reopening resumes;
 * disconnecting forgets. Without a secret service the password is kept
 * in memory, and the keyring says so.
 */

#include "config.h"

#include "sl-sync-error.h"
#include "sl-sync-manager.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"

typedef struct
{
  GError   *error;
  gboolean  done;
  char     *password;
} Wait;

static gboolean
is_done (gpointer data)
{
  return ((Wait *)data)->done;
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  sl_sync_manager_connect_finish (SL_SYNC_MANAGER (source), result, &wait->error);
  wait->done = TRUE;
}

static GError *
connect_as (SlSyncManager *manager,
            const char    *url,
            const char    *user,
            const char    *password,
            const char    *db)
{
  Wait wait = { NULL, FALSE, NULL };

  sl_sync_manager_connect_async (manager, url, db, user, password, NULL, connected_cb, &wait);
  sl_test_sync_wait (is_done, &wait, 60);
  return wait.error;
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->password = sl_sync_keyring_lookup_finish (SL_SYNC_KEYRING (source), result, &wait->error);
  wait->done = TRUE;
}

static char *
lookup (SlSyncKeyring *keyring,
        SlSyncAccount *account)
{
  Wait wait = { NULL, FALSE, NULL };

  sl_sync_keyring_lookup_async (keyring, account, NULL, looked_up_cb, &wait);
  sl_test_sync_wait (is_done, &wait, 30);
  g_assert_no_error (wait.error);
  return wait.password;
}

static gint64
accounts (SlWorkspace *ws)
{
  return sl_test_query_int64 (sl_workspace_get_database (ws), "SELECT count(*) FROM sync_server");
}

static gboolean
has_client (gpointer data)
{
  return sl_sync_manager_get_client (data) != NULL;
}

static void
test_connect (SlPeerFixture *f,
              gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "a.sunlight", "alice");
  g_autoptr(SlSyncKeyring) keyring = sl_sync_keyring_new ();
  g_autoptr(SlSyncManager) manager = sl_sync_manager_new (ws, keyring);
  g_autoptr(SlSyncManager) reopened = NULL;
  const char *url = sl_test_peer_get_url (f->peer);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  SlSyncClient *client;

  error = connect_as (manager, url, "alice", "wrong", f->db);
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNAUTHORIZED);
  g_assert_null (sl_sync_manager_get_client (manager));
  g_assert_cmpint (accounts (ws), ==, 0);
  g_clear_error (&error);

  error = connect_as (manager, "sunlight.example.com", "alice", "alice-secret", f->db);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  error = connect_as (manager, url, "alice", "alice-secret", "nosuchdb");
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_NOT_FOUND);
  g_assert_cmpint (accounts (ws), ==, 0);
  g_clear_error (&error);

  error = connect_as (manager, url, "alice", "alice-secret", f->db);
  g_assert_no_error (error);
  client = sl_sync_manager_get_client (manager);
  g_assert_nonnull (client);
  g_assert_true (sl_sync_client_is_running (client));
  g_assert_cmpint (accounts (ws), ==, 1);
  /* No secret service here: the password stays in memory, and that is said. */
  g_assert_true (sl_sync_keyring_is_in_memory (keyring));
  kept = lookup (keyring, sl_sync_manager_get_account (manager));
  g_assert_cmpstr (kept, ==, "alice-secret");

  /* The workspace opened again: sharing resumes. */
  g_clear_object (&manager);
  reopened = sl_sync_manager_new (ws, keyring);
  sl_sync_manager_resume (reopened);
  sl_test_sync_wait (has_client, reopened, 30);
  g_assert_false (sl_sync_manager_needs_password (reopened));

  sl_sync_manager_disconnect (reopened);
  g_assert_null (sl_sync_manager_get_client (reopened));
  g_assert_null (sl_sync_manager_get_account (reopened));
  g_assert_cmpint (accounts (ws), ==, 0);
}

static gboolean
needs_password (gpointer data)
{
  return sl_sync_manager_needs_password (data);
}

static void
test_resume_without_password (SlPeerFixture *f,
                              gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "a.sunlight", "alice");
  g_autoptr(SlSyncKeyring) keyring = sl_sync_keyring_new_in_memory ();
  g_autoptr(SlSyncManager) manager = sl_sync_manager_new (ws, keyring);
  g_autoptr(SlSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = sl_sync_account_add (sl_workspace_get_database (ws), sl_test_peer_get_url (f->peer), f->db,
                                 "alice", &error);
  g_assert_no_error (error);
  sl_sync_manager_resume (manager);
  sl_test_sync_wait (needs_password, manager, 30);
  g_assert_null (sl_sync_manager_get_client (manager));
  g_assert_nonnull (sl_sync_manager_get_account (manager));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;

  /* No session bus: libsecret finds no secret service. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/sunlight-test-bus", TRUE);
  g_test_init (&argc, &argv, NULL);

  peer = sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT);

  g_test_add ("/sync/manager/connect", SlPeerFixture, peer,
              sl_peer_fixture_setup, test_connect, sl_peer_fixture_teardown);
  g_test_add ("/sync/manager/resume-without-password", SlPeerFixture, peer,
              sl_peer_fixture_setup, test_resume_without_password, sl_peer_fixture_teardown);

  return g_test_run ();
}
