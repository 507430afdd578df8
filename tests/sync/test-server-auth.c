/* test-server-auth.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server's users: Basic auth, /_session cookies, and the role
 * rules on writes.
 */

#include "config.h"

#include <string.h>

#include "sl-test-json.h"
#include "sl-test-peer.h"

/* The AuthSession=… pair of a Set-Cookie header, or NULL. */
static char *
session_cookie (SlTestResponse *response)
{
  const char *header = soup_message_headers_get_one (response->headers, "Set-Cookie");
  const char *end;

  if (header == NULL || !g_str_has_prefix (header, "AuthSession="))
    return NULL;
  end = strchr (header, ';');
  return g_strndup (header, end != NULL ? (gsize) (end - header) : strlen (header));
}

static SlTestResponse *
with_cookie (SlTestPeer *peer,
             const char *method,
             const char *path,
             const char *cookie,
             const char *body)
{
  g_autofree char *url = g_strconcat (sl_test_peer_get_url (peer), path, NULL);
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;

  return sl_test_http_full (sl_test_peer_get_session (peer), method, url, NULL, NULL,
                            body != NULL ? "application/json" : NULL, bytes,
                            "Cookie", cookie);
}

static void
test_session (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autofree char *db_path = g_strdup_printf ("/%s", db);
  g_autofree char *doc_path = g_strdup_printf ("/%s/goal:1", db);
  g_autoptr(SlTestResponse) login = sl_test_peer_request (peer, "POST", "/_session", NULL,
    "{\"name\":\"alice\",\"password\":\"alice-secret\"}");
  g_autofree char *cookie = session_cookie (login);
  g_autofree char *tampered = NULL;
  g_autoptr(SlTestResponse) info = NULL;
  g_autoptr(SlTestResponse) write = NULL;
  g_autoptr(SlTestResponse) forged = NULL;
  g_autoptr(SlTestResponse) anonymous = NULL;
  g_autoptr(SlTestResponse) logout = NULL;
  g_autoptr(SlTestResponse) form = NULL;
  g_autoptr(GBytes) form_body = g_bytes_new_static ("name=fred&password=fred-secret", 30);
  g_autofree char *session_url = g_strconcat (sl_test_peer_get_url (peer), "/_session", NULL);

  g_assert_cmpuint (login->status, ==, 200);
  g_assert_cmpstr (sl_test_json_string (login->json, "name"), ==, "alice");
  g_assert_cmpstr (sl_test_json_string (login->json, "roles.0"), ==, "marketing");
  g_assert_nonnull (cookie);
  g_assert_nonnull (strstr (soup_message_headers_get_one (login->headers, "Set-Cookie"),
                            "HttpOnly"));

  info = with_cookie (peer, "GET", "/_session", cookie, NULL);
  g_assert_cmpstr (sl_test_json_string (info->json, "userCtx.name"), ==, "alice");
  g_assert_cmpstr (sl_test_json_string (info->json, "info.authenticated"), ==, "cookie");
  write = with_cookie (peer, "PUT", doc_path, cookie, "{\"author\":\"alice\"}");
  g_assert_cmpuint (write->status, ==, 201);

  /* A cookie for another name with alice's signature gets nowhere. */
  tampered = g_strdup (cookie);
  tampered[strlen ("AuthSession=")] ^= 1;
  forged = with_cookie (peer, "GET", db_path, tampered, NULL);
  sl_test_assert_error (forged, 401, "unauthorized");
  anonymous = with_cookie (peer, "GET", "/_session", tampered, NULL);
  g_assert_true (JSON_NODE_HOLDS_NULL (sl_test_json_find (anonymous->json, "userCtx.name")));
  g_assert_cmpuint (sl_test_json_length (anonymous->json, "userCtx.roles"), ==, 0);

  logout = with_cookie (peer, "DELETE", "/_session", cookie, NULL);
  g_assert_cmpuint (logout->status, ==, 200);
  g_assert_nonnull (strstr (soup_message_headers_get_one (logout->headers, "Set-Cookie"),
                            "Max-Age=0"));

  form = sl_test_http_full (sl_test_peer_get_session (peer), "POST", session_url, NULL, NULL,
                            "application/x-www-form-urlencoded", form_body, NULL, NULL);
  g_assert_cmpuint (form->status, ==, 200);
  g_assert_cmpstr (sl_test_json_string (form->json, "roles.0"), ==, "finance");
}

static void
test_bad_credentials (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autofree char *url = g_strdup_printf ("%s/%s", sl_test_peer_get_url (peer), db);
  SoupSession *session = sl_test_peer_get_session (peer);
  g_autoptr(SlTestResponse) wrong = sl_test_http (session, "GET", url, "alice", "wrong-pass", NULL);
  g_autoptr(SlTestResponse) nobody = sl_test_http (session, "GET", url, "mallory", "whatever1", NULL);
  g_autoptr(SlTestResponse) garbled = sl_test_http_full (session, "GET", url, NULL, NULL, NULL, NULL,
                                                         "Authorization", "Basic !!!");
  g_autoptr(SlTestResponse) login = sl_test_peer_request (peer, "POST", "/_session", NULL,
    "{\"name\":\"alice\",\"password\":\"nope-nope\"}");
  g_autoptr(SlTestResponse) half = sl_test_peer_request (peer, "POST", "/_session", NULL,
                                                         "{\"name\":\"alice\"}");
  g_autoptr(SlTestResponse) right = sl_test_http (session, "GET", url, "alice", "alice-secret", NULL);

  sl_test_assert_error (wrong, 401, "unauthorized");
  sl_test_assert_error (nobody, 401, "unauthorized");
  sl_test_assert_error (garbled, 401, "unauthorized");
  sl_test_assert_error (login, 401, "unauthorized");
  sl_test_assert_error (half, 400, "bad_request");
  g_assert_cmpuint (right->status, ==, 200);
}

static SlTestResponse *
put_as (SlTestPeer *peer,
        const char *user,
        const char *db,
        const char *id,
        const char *body)
{
  g_autofree char *path = g_strdup_printf ("/%s/%s", db, id);

  return sl_test_peer_request (peer, "PUT", path, user, body);
}

/* The case: marketing's approval is refused, finance's taken. */
static void
test_roles (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) draft = put_as (peer, "alice", db, "plan:1",
    "{\"type\":\"plan\",\"author\":\"alice\",\"status\":\"proposed\"}");
  g_autofree char *approve = g_strdup_printf ("{\"_rev\":\"%s\",\"type\":\"plan\",\"author\":\"alice\","
                                              "\"status\":\"approved\"}",
                                              sl_test_json_string (draft->json, "rev"));
  g_autoptr(SlTestResponse) by_marketing = put_as (peer, "alice", db, "plan:1", approve);
  g_autoptr(SlTestResponse) by_viewer = put_as (peer, "vera", db, "goal:1",
                                                "{\"type\":\"goal\",\"author\":\"vera\"}");
  g_autoptr(SlTestResponse) by_finance = put_as (peer, "fred", db, "plan:1", approve);
  g_autoptr(SlTestResponse) bulk = NULL;
  g_autofree char *bulk_path = g_strdup_printf ("/%s/_bulk_docs", db);
  g_autoptr(SlTestResponse) design = put_as (peer, "fred", db, "_design/x", "{\"author\":\"fred\"}");
  g_autoptr(SlTestResponse) design_admin = put_as (peer, "admin", db, "_design/x", "{}");

  g_assert_cmpuint (draft->status, ==, 201);
  sl_test_assert_error (by_marketing, 403, "forbidden");
  g_assert_cmpstr (sl_test_json_string (by_marketing->json, "reason"), ==,
                   "only finance approves or rejects a plan");
  sl_test_assert_error (by_viewer, 403, "forbidden");
  g_assert_cmpuint (by_finance->status, ==, 201);
  sl_test_assert_error (design, 403, "forbidden");
  g_assert_cmpuint (design_admin->status, ==, 201);

  /* In a batch, per-document forbidden entries, the rest written. */
  bulk = sl_test_peer_request (peer, "POST", bulk_path, "alice",
    "{\"docs\":[{\"_id\":\"decision:1\",\"type\":\"decision\",\"author\":\"alice\",\"verdict\":\"approve\"},"
    "{\"_id\":\"comment:1\",\"type\":\"comment\",\"author\":\"alice\"}]}");
  g_assert_cmpuint (bulk->status, ==, 201);
  g_assert_cmpstr (sl_test_json_string (bulk->json, "0.error"), ==, "forbidden");
  g_assert_cmpstr (sl_test_json_string (bulk->json, "0.reason"), ==,
                   "only finance approves or rejects in a decision");
  g_assert_true (json_node_get_boolean (sl_test_json_find (bulk->json, "1.ok")));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  sl_test_peer_add_team (peer);

  g_test_add_data_func ("/sync/server-auth/session", peer, test_session);
  g_test_add_data_func ("/sync/server-auth/bad-credentials", peer, test_bad_credentials);
  g_test_add_data_func ("/sync/server-auth/roles", peer, test_roles);

  return g_test_run ();
}
