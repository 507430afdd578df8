/* test-sync-roles.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server's roles reach the client: the role of /_session is
 * the workspace's, a marketing user's approval is refused with the
 * server's reason and stays local and marked, finance's goes through.
 */

#include "config.h"

#include <string.h>

#include "sl-sync-error.h"
#include "sl-test-json.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

typedef SlPeerFixture Fixture;

static gint64
query (SlWorkspace *ws,
       const char  *sql)
{
  return sl_test_query_int64 (sl_workspace_get_database (ws), sql);
}

/* A proposed plan moving 500.00 from Search to Social; its id. */
static gint64
proposed_plan (SlWorkspace *ws)
{
  SlReallocLineSpec line = { query (ws, "SELECT id FROM channel WHERE name = 'Search'"), 20454,
                             query (ws, "SELECT id FROM channel WHERE name = 'Social'"), 20485, 50000 };
  SlReallocPlanSpec spec = { "Shift", "Search saturates", NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sl_workspace_create_realloc_plan (ws, &spec, &line, 1, &id, &error);
  g_assert_no_error (error);
  sl_workspace_propose_realloc_plan (ws, id, &error);
  g_assert_no_error (error);
  return id;
}

static JsonNode *
server_doc (Fixture    *f,
            const char *doc_id,
            guint      *status)
{
  g_autofree char *path = g_strdup_printf ("/%s/%s", f->db, doc_id);
  g_autoptr(SlTestResponse) response = sl_test_peer_request (f->peer, "GET", path, SL_TEST_PEER_ADMIN, NULL);

  *status = response->status;
  return response->json ? json_node_ref (response->json) : NULL;
}

static char *
plan_doc_id (SlWorkspace *ws,
             gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 'plan:' || uuid FROM realloc_plan WHERE id = %" G_GINT64_FORMAT,
                                          id);

  return g_strchomp (sl_test_query_text (sl_workspace_get_database (ws), sql));
}

static void
test_marketing_approval_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "alice.sunlight", "alice");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (f->peer, f->db, ws, "alice");
  SlSyncIssueStore *issues = sl_sync_client_get_issues (client);
  SlSyncPush *push = sl_sync_client_get_push (client);
  gint64 plan = proposed_plan (ws);
  g_autofree char *doc_id = plan_doc_id (ws, plan);
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  sl_test_sync_round (client);
  /* The server says alice is in marketing. */
  g_assert_cmpint (sl_workspace_get_user_role (ws), ==, SL_USER_ROLE_MARKETING);
  g_assert_cmpstr (sl_workspace_get_author (ws), ==, "alice");

  /* Her workspace believes otherwise (an old role, a forged file). */
  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  sl_workspace_approve_realloc_plan (ws, plan, "Looks fine", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sl_sync_client_get_waiting (client), ==, 2);
  sl_test_sync_round (client);

  /* Both refused with the server's reasons; both stay here, marked. */
  g_assert_cmpuint (sl_sync_push_get_n_refused (push), ==, 2);
  g_assert_cmpuint (sl_sync_issue_store_count (issues, SL_SYNC_ISSUE_REFUSED), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SlSyncIssue) issue = g_list_model_get_item (G_LIST_MODEL (issues), i);

      g_assert_cmpint (sl_sync_issue_get_kind (issue), ==, SL_SYNC_ISSUE_REFUSED);
      g_assert_nonnull (strstr (sl_sync_issue_get_detail (issue), "only finance"));
    }
  g_assert_cmpint (query (ws, "SELECT count(*) FROM realloc_plan WHERE status = 'approved'"), ==, 1);
  g_assert_cmpint (query (ws, "SELECT count(*) FROM decision WHERE verdict = 'approve'"), ==, 1);
  g_assert_cmpint (query (ws, "SELECT count(*) FROM sync_doc WHERE refusal IS NOT NULL AND dirty = 1"), ==, 2);
  g_assert_cmpuint (sl_sync_client_get_waiting (client), ==, 0);

  doc = server_doc (f, doc_id, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sl_test_json_string (doc, "status"), ==, "proposed");

  /* Not sent again until it changes. */
  sl_test_sync_round (client);
  g_assert_cmpuint (sl_sync_push_get_n_refused (push), ==, 2);
  g_assert_cmpuint (sl_sync_issue_store_count (issues, SL_SYNC_ISSUE_REFUSED), ==, 2);
}

static void
test_finance_approval_accepted (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SlWorkspace) mine = sl_test_sync_workspace (f->dir, "alice.sunlight", "alice");
  g_autoptr(SlWorkspace) theirs = sl_test_sync_workspace (f->dir, "fred.sunlight", "fred");
  g_autoptr(SlSyncClient) alice = sl_test_sync_client (f->peer, f->db, mine, "alice");
  g_autoptr(SlSyncClient) fred = sl_test_sync_client (f->peer, f->db, theirs, "fred");
  gint64 plan = proposed_plan (mine);
  g_autofree char *doc_id = plan_doc_id (mine, plan);
  g_autofree char *sql = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  sl_test_sync_round (alice);
  sl_test_sync_round (fred);
  g_assert_cmpint (sl_workspace_get_user_role (theirs), ==, SL_USER_ROLE_FINANCE);

  sql = g_strdup_printf ("SELECT id FROM realloc_plan WHERE 'plan:' || uuid = '%s'", doc_id);
  sl_workspace_approve_realloc_plan (theirs, query (theirs, sql), "Approved in the review", &error);
  g_assert_no_error (error);
  sl_test_sync_round (fred);
  g_assert_cmpuint (sl_sync_push_get_n_refused (sl_sync_client_get_push (fred)), ==, 0);
  doc = server_doc (f, doc_id, &status);
  g_assert_cmpstr (sl_test_json_string (doc, "status"), ==, "approved");

  /* Alice receives finance's decision. */
  sl_test_sync_round (alice);
  g_assert_cmpint (query (mine, "SELECT count(*) FROM realloc_plan WHERE status = 'approved'"), ==, 1);
  g_assert_cmpint (query (mine, "SELECT count(*) FROM decision WHERE verdict = 'approve'"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_sync_client_get_issues (alice))), ==, 0);
}

static void
test_viewer_reads_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlWorkspace) mine = sl_test_sync_workspace (f->dir, "alice.sunlight", "alice");
  g_autoptr(SlWorkspace) theirs = sl_test_sync_workspace (f->dir, "vera.sunlight", "vera");
  g_autoptr(SlSyncClient) alice = sl_test_sync_client (f->peer, f->db, mine, "alice");
  g_autoptr(SlSyncClient) vera = sl_test_sync_client (f->peer, f->db, theirs, "vera");
  gint64 plan = proposed_plan (mine);
  g_autofree char *doc_id = plan_doc_id (mine, plan);
  g_autoptr(GError) error = NULL;

  sl_test_sync_round (alice);
  sl_test_sync_round (vera);
  g_assert_cmpint (sl_workspace_get_user_role (theirs), ==, SL_USER_ROLE_VIEWER);
  g_assert_cmpint (query (theirs, "SELECT count(*) FROM realloc_plan"), ==, 1);

  /* The workspace follows the server's role… */
  g_assert_false (sl_workspace_add_comment (theirs, doc_id, "Can I see the numbers?", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* …and the server refuses what a stale role lets through. */
  sl_workspace_set_user_role (theirs, SL_USER_ROLE_MARKETING);
  sl_workspace_add_comment (theirs, doc_id, "Can I see the numbers?", NULL, &error);
  g_assert_no_error (error);
  sl_test_sync_round (vera);
  g_assert_cmpuint (sl_sync_issue_store_count (sl_sync_client_get_issues (vera), SL_SYNC_ISSUE_REFUSED), ==, 1);
  sl_test_sync_round (alice);
  g_assert_cmpint (query (mine, "SELECT count(*) FROM comment"), ==, 0);
}

/* A session the server ended: one new login and the round goes on; a
 * password that no longer works is final, with the server's reason. */
static void
test_session_ended (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (f->dir, "bob.sunlight", "bob");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (f->peer, f->db, ws, "bob");
  g_autoptr(GError) error = NULL;

  proposed_plan (ws);
  sl_test_sync_round (client);

  sl_test_sync_set_password (f->peer, "bob", "bob-secret");
  proposed_plan (ws);
  sl_test_sync_round (client);
  g_assert_cmpuint (sl_sync_push_get_n_pushed (sl_sync_client_get_push (client)), ==, 2);

  sl_test_sync_set_password (f->peer, "bob", "bob-changed-secret");
  proposed_plan (ws);
  error = sl_test_sync_try_round (client);
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (sl_sync_client_get_state (client), ==, SL_SYNC_STATE_ERROR);
  g_assert_nonnull (strstr (sl_sync_client_get_error_message (client), error->message));
  g_assert_cmpuint (sl_sync_client_get_waiting (client), ==, 1);
  sl_test_sync_set_password (f->peer, "bob", "bob-secret");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT);

  g_test_add ("/sync/roles/marketing-approval-refused", Fixture, peer,
              sl_peer_fixture_setup, test_marketing_approval_refused, sl_peer_fixture_teardown);
  g_test_add ("/sync/roles/finance-approval-accepted", Fixture, peer,
              sl_peer_fixture_setup, test_finance_approval_accepted, sl_peer_fixture_teardown);
  g_test_add ("/sync/roles/session-ended", Fixture, peer,
              sl_peer_fixture_setup, test_session_ended, sl_peer_fixture_teardown);
  g_test_add ("/sync/roles/viewer-reads-only", Fixture, peer,
              sl_peer_fixture_setup, test_viewer_reads_only, sl_peer_fixture_teardown);

  return g_test_run ();
}
