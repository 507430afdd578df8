/* test-sync-account.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the sync client keeps in a workspace: accounts and their
 * checkpoints, kept per server uuid, and refusals, which hold only for
 * the version the server refused.
 */

#include "config.h"

#include <string.h>

#include "sl-outbox.h"
#include "sl-sync-account.h"
#include "sl-sync-issue-store.h"
#include "sl-test-utils.h"

static SlDatabase *
db_of (SlWorkspaceFixture *f)
{
  return sl_workspace_get_database (f->ws);
}

static void
test_accounts (SlWorkspaceFixture *f,
               gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlSyncAccount) first = NULL;
  g_autoptr(SlSyncAccount) again = NULL;
  g_autoptr(SlSyncAccount) found = NULL;
  g_autoptr(GPtrArray) all = NULL;

  found = sl_sync_account_lookup_first (db_of (f), &error);
  g_assert_no_error (error);
  g_assert_null (found);

  first = sl_sync_account_add (db_of (f), " https://sync.example.org/ ", "sunlight", "alice", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_sync_account_get_url (first), ==, "https://sync.example.org");
  g_assert_cmpuint (strlen (sl_sync_account_get_client_id (first)), ==, 36);
  g_assert_null (sl_sync_account_get_last_seq (first));

  /* The same server and database: the same account, another user name. */
  again = sl_sync_account_add (db_of (f), "https://sync.example.org", "sunlight", "fred", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_sync_account_get_id (again), ==, sl_sync_account_get_id (first));
  g_assert_cmpstr (sl_sync_account_get_user (again), ==, "fred");
  g_assert_cmpstr (sl_sync_account_get_client_id (again), ==, sl_sync_account_get_client_id (first));
  all = sl_sync_account_list (db_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_true (sl_sync_account_remove (again, &error));
  g_assert_no_error (error);
  g_assert_null (sl_sync_account_lookup_first (db_of (f), &error));
  g_assert_no_error (error);
}

static void
test_checkpoint (SlWorkspaceFixture *f,
                 gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlSyncAccount) account = NULL;
  g_autoptr(SlSyncAccount) reread = NULL;

  account = sl_sync_account_add (db_of (f), "http://127.0.0.1:5984", "sunlight", "alice", &error);
  g_assert_no_error (error);
  g_assert_true (sl_sync_account_set_server_uuid (account, "server-one", &error));
  g_assert_true (sl_sync_account_set_last_seq (account, "\"12-g1AAAA\"", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_sync_account_get_last_sync_at (account), >, 0);

  reread = sl_sync_account_lookup_first (db_of (f), &error);
  g_assert_cmpstr (sl_sync_account_get_last_seq (reread), ==, "\"12-g1AAAA\"");
  g_assert_cmpstr (sl_sync_account_get_server_uuid (reread), ==, "server-one");

  /* The same server keeps it; another drops it. */
  g_assert_true (sl_sync_account_set_server_uuid (account, "server-one", &error));
  g_assert_cmpstr (sl_sync_account_get_last_seq (account), ==, "\"12-g1AAAA\"");
  g_assert_true (sl_sync_account_set_server_uuid (account, "server-two", &error));
  g_assert_null (sl_sync_account_get_last_seq (account));
  g_assert_true (sl_sync_account_reload (reread, &error));
  g_assert_no_error (error);
  g_assert_null (sl_sync_account_get_last_seq (reread));
  g_assert_cmpstr (sl_sync_account_get_server_uuid (reread), ==, "server-two");

  /* Written inside a transaction that is rolled back: not kept. */
  g_assert_true (sl_database_begin (db_of (f), &error));
  g_assert_true (sl_sync_account_set_last_seq (account, "7", &error));
  sl_database_rollback (db_of (f));
  g_assert_true (sl_sync_account_reload (account, &error));
  g_assert_null (sl_sync_account_get_last_seq (account));
}

static void
test_refusal (SlWorkspaceFixture *f,
              gconstpointer       data)
{
  g_autoptr(SlSyncIssueStore) issues = sl_sync_issue_store_new (db_of (f));
  g_autoptr(SlOutbox) outbox = sl_outbox_new (db_of (f));
  g_autoptr(SlSyncIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc_id = NULL;
  guint waiting = 0;

  sl_test_insert_shared_items (db_of (f));
  g_assert_true (sl_outbox_count_dirty (outbox, &waiting, &error));
  g_assert_cmpuint (waiting, >, 1);
  doc_id = g_strdup_printf ("goal:%s", SL_TEST_GOAL_UUID);

  g_assert_true (sl_sync_issue_store_record_refusal (issues, doc_id, "only finance approves", &error));
  g_assert_true (sl_sync_issue_store_reload (issues, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (issues)), ==, 1);
  g_assert_cmpuint (sl_sync_issue_store_count (issues, SL_SYNC_ISSUE_REFUSED), ==, 1);
  issue = g_list_model_get_item (G_LIST_MODEL (issues), 0);
  g_assert_cmpstr (sl_sync_issue_get_doc_id (issue), ==, doc_id);
  g_assert_cmpstr (sl_sync_issue_get_detail (issue), ==, "only finance approves");
  g_assert_cmpstr (sl_sync_issue_get_title (issue), ==, "Goal “Double the pipeline”");

  /* Refused: not listed to push… */
  {
    guint now = 0;

    g_assert_true (sl_outbox_count_dirty (outbox, &now, &error));
    g_assert_cmpuint (now, ==, waiting - 1);
  }
  /* …until it changes. */
  sl_database_exec (db_of (f), "UPDATE goal SET objective = 'Triple the pipeline'", &error);
  g_assert_no_error (error);
  g_assert_true (sl_sync_issue_store_reload (issues, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (issues)), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db_of (f), "SELECT count(*) FROM sync_doc WHERE refusal IS NOT NULL"),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/sync-account/accounts", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_accounts, sl_workspace_fixture_teardown);
  g_test_add ("/core/sync-account/checkpoint", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_checkpoint, sl_workspace_fixture_teardown);
  g_test_add ("/core/sync-account/refusal", SlWorkspaceFixture, NULL,
              sl_workspace_fixture_setup, test_refusal, sl_workspace_fixture_teardown);

  return g_test_run ();
}
