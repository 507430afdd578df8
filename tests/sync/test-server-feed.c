/* test-server-feed.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server's _changes: the normal feed and longpoll.
 */

#include "config.h"

#include "sl-test-json.h"
#include "sl-test-peer.h"

static SlTestResponse *
get (SlTestPeer *peer,
     const char *db,
     const char *query)
{
  g_autofree char *path = g_strdup_printf ("/%s/_changes%s", db, query);

  return sl_test_peer_request (peer, "GET", path, "alice", NULL);
}

static void
write_docs (SlTestPeer *peer,
            const char *db,
            const char *docs)
{
  g_autofree char *path = g_strdup_printf ("/%s/_bulk_docs", db);
  g_autofree char *body = g_strdup_printf ("{\"docs\":%s}", docs);
  g_autoptr(SlTestResponse) response = sl_test_peer_request (peer, "POST", path, "alice", body);

  g_assert_cmpuint (response->status, ==, 201);
}

static void
test_normal_feed (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlTestResponse) empty = get (peer, db, "");
  g_autoptr(SlTestResponse) all = NULL;
  g_autoptr(SlTestResponse) page = NULL;
  g_autoptr(SlTestResponse) rest = NULL;
  g_autoptr(SlTestResponse) now = NULL;
  g_autoptr(SlTestResponse) posted = NULL;
  g_autoptr(SlTestResponse) bad = NULL;
  g_autoptr(SlTestResponse) continuous = NULL;
  g_autofree char *post_path = g_strdup_printf ("/%s/_changes?since=1", db);

  g_assert_cmpuint (sl_test_json_length (empty->json, "results"), ==, 0);
  g_assert_cmpstr (sl_test_json_string (empty->json, "last_seq"), ==, "0");

  write_docs (peer, db, "[{\"_id\":\"a\",\"author\":\"alice\"},{\"_id\":\"b\",\"author\":\"alice\"},"
                        "{\"_id\":\"c\",\"author\":\"alice\",\"n\":3}]");
  all = get (peer, db, "?since=0&include_docs=true");
  g_assert_cmpuint (sl_test_json_length (all->json, "results"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (all->json, "results.2.seq"), ==, "3");
  g_assert_cmpint (sl_test_json_int (all->json, "results.2.doc.n"), ==, 3);
  g_assert_cmpstr (sl_test_json_string (all->json, "last_seq"), ==, "3");
  g_assert_cmpint (sl_test_json_int (all->json, "pending"), ==, 0);

  page = get (peer, db, "?since=0&limit=2");
  g_assert_cmpuint (sl_test_json_length (page->json, "results"), ==, 2);
  g_assert_null (sl_test_json_find (page->json, "results.0.doc"));
  g_assert_cmpstr (sl_test_json_string (page->json, "last_seq"), ==, "2");
  g_assert_cmpint (sl_test_json_int (page->json, "pending"), ==, 1);

  rest = get (peer, db, "?since=2");
  g_assert_cmpuint (sl_test_json_length (rest->json, "results"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (rest->json, "results.0.id"), ==, "c");

  now = get (peer, db, "?since=now");
  g_assert_cmpuint (sl_test_json_length (now->json, "results"), ==, 0);
  g_assert_cmpstr (sl_test_json_string (now->json, "last_seq"), ==, "3");

  posted = sl_test_peer_request (peer, "POST", post_path, "alice", "{}");
  g_assert_cmpuint (sl_test_json_length (posted->json, "results"), ==, 2);

  bad = get (peer, db, "?since=5-g1AAAA");
  sl_test_assert_error (bad, 400, "bad_request");
  continuous = get (peer, db, "?feed=continuous");
  sl_test_assert_error (continuous, 400, "bad_request");
}

/* style=all_docs lists every leaf; conflicts=true marks the docs. */
static void
test_all_leaves (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autofree char *path = g_strdup_printf ("/%s/_bulk_docs", db);
  g_autoptr(SlTestResponse) written = sl_test_peer_request (peer, "POST", path, "alice",
    "{\"new_edits\":false,\"docs\":[{\"_id\":\"x\",\"_rev\":\"1-11\",\"author\":\"alice\"},"
    "{\"_id\":\"x\",\"_rev\":\"1-22\",\"author\":\"alice\"}]}");
  g_autoptr(SlTestResponse) main_only = get (peer, db, "");
  g_autoptr(SlTestResponse) leaves = get (peer, db, "?style=all_docs&include_docs=true&conflicts=true");

  g_assert_cmpuint (written->status, ==, 201);
  g_assert_cmpuint (sl_test_json_length (main_only->json, "results.0.changes"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (main_only->json, "results.0.changes.0.rev"), ==, "1-22");
  g_assert_cmpuint (sl_test_json_length (leaves->json, "results.0.changes"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (leaves->json, "results.0.doc._conflicts.0"), ==, "1-11");
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GBytes **body = user_data;
  g_autoptr(GError) error = NULL;

  *body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* A longpoll request sent in the background. */
static SoupMessage *
start_longpoll (SoupSession *session,
                SlTestPeer  *peer,
                const char  *db,
                const char  *query,
                GBytes     **body)
{
  g_autofree char *url = g_strdup_printf ("%s/%s/_changes?feed=longpoll%s",
                                          sl_test_peer_get_url (peer), db, query);
  g_autofree char *auth = g_base64_encode ((const guchar *) "alice:alice-secret", 18);
  g_autofree char *header = g_strdup_printf ("Basic %s", auth);
  SoupMessage *msg = soup_message_new ("GET", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, body);
  return msg;
}

static void
wait_for (GBytes **body)
{
  while (*body == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
idle_quit (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, idle_quit, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_longpoll (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SoupSession) session = sl_test_http_session_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) timed_out = NULL;
  g_autoptr(SoupMessage) waiting = NULL;
  g_autoptr(SoupMessage) timing = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(SlTestResponse) immediate = NULL;
  gint64 start;

  /* Nothing since 0: it waits, then answers with the write. */
  waiting = start_longpoll (session, peer, db, "&since=0&include_docs=true&timeout=20000", &body);
  spin (300);
  g_assert_null (body);
  write_docs (peer, db, "[{\"_id\":\"late\",\"author\":\"alice\"}]");
  wait_for (&body);
  g_assert_cmpuint (soup_message_get_status (waiting), ==, 200);
  answer = sl_test_json_parse (g_bytes_get_data (body, NULL));
  g_assert_cmpuint (sl_test_json_length (answer, "results"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (answer, "results.0.doc._id"), ==, "late");
  g_assert_cmpstr (sl_test_json_string (answer, "last_seq"), ==, "1");

  /* Changes there already: answered at once. */
  immediate = get (peer, db, "?feed=longpoll&since=0&timeout=20000");
  g_assert_cmpuint (sl_test_json_length (immediate->json, "results"), ==, 1);

  /* No write: the timeout ends it, empty, last_seq the since. */
  start = g_get_monotonic_time ();
  timing = start_longpoll (session, peer, db, "&since=1&timeout=400", &timed_out);
  wait_for (&timed_out);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 400 * 1000);
  empty = sl_test_json_parse (g_bytes_get_data (timed_out, NULL));
  g_assert_cmpuint (sl_test_json_length (empty, "results"), ==, 0);
  g_assert_cmpstr (sl_test_json_string (empty, "last_seq"), ==, "1");
  g_assert_cmpint (sl_test_json_int (empty, "pending"), ==, 0);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source),
                                                              result, error);

  g_assert_null (body);
}

/* A client that gives up while waiting leaves the server well. */
static void
test_longpoll_cancelled (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SoupSession) session = sl_test_http_session_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = g_strdup_printf ("%s/%s/_changes?feed=longpoll&since=0&timeout=60000",
                                          sl_test_peer_get_url (peer), db);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlTestResponse) after = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                "Basic YWxpY2U6YWxpY2Utc2VjcmV0");
  g_timeout_add (300, cancel_cb, cancellable);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    cancelled_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&session);

  write_docs (peer, db, "[{\"_id\":\"after\",\"author\":\"alice\"}]");
  after = get (peer, db, "?feed=longpoll&since=0");
  g_assert_cmpuint (sl_test_json_length (after->json, "results"), ==, 1);
  g_assert_true (sl_test_peer_is_running (peer));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  sl_test_peer_add_user (peer, "alice", "marketing", "alice-secret");

  g_test_add_data_func ("/sync/server-feed/normal", peer, test_normal_feed);
  g_test_add_data_func ("/sync/server-feed/all-leaves", peer, test_all_leaves);
  g_test_add_data_func ("/sync/server-feed/longpoll", peer, test_longpoll);
  g_test_add_data_func ("/sync/server-feed/longpoll-cancelled", peer, test_longpoll_cancelled);

  return g_test_run ();
}
