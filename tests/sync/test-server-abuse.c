/* test-server-abuse.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server against bad input, kill -9, and over TLS: every bad
 * request gets a 4xx with a reason and the server keeps answering.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "sl-test-json.h"
#include "sl-test-peer.h"

#define MIB (1024 * 1024)

static void
assert_still_serving (SlTestPeer *peer)
{
  g_autoptr(SlTestResponse) root = sl_test_peer_request (peer, "GET", "/", NULL, NULL);

  g_assert_cmpuint (root->status, ==, 200);
}

/* @body sent as @content_type to @path: a 4xx with error and reason. */
static void
assert_refused (SlTestPeer *peer,
                const char *method,
                const char *path,
                const char *content_type,
                GBytes     *body,
                guint       status,
                const char *error)
{
  g_autofree char *url = g_strconcat (sl_test_peer_get_url (peer), path, NULL);
  g_autoptr(SlTestResponse) response =
    sl_test_http_full (sl_test_peer_get_session (peer), method, url, "alice", "alice-secret",
                       content_type, body, NULL, NULL);

  g_test_message ("%s %s → %u %s", method, path, response->status, response->body);
  sl_test_assert_error (response, status, error);
  assert_still_serving (peer);
}

static void
refuse_json (SlTestPeer *peer,
             const char *path,
             const char *json,
             gsize       length)
{
  g_autoptr(GBytes) body = g_bytes_new (json, length);

  assert_refused (peer, "POST", path, "application/json", body, 400, "bad_request");
}

static void
test_bad_json (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(GString) deep = g_string_new ("{\"docs\":");
  g_autoptr(GBytes) form = g_bytes_new_static ("docs=1", 6);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');

  refuse_json (peer, "/sunlight/_bulk_docs", "{\"docs\":[{\"_id\":", 16);
  refuse_json (peer, "/sunlight/_bulk_docs", "[1,2,3]", 7);
  refuse_json (peer, "/sunlight/_bulk_docs", "{\"docs\":\"no\"}", 13);
  refuse_json (peer, "/sunlight/_bulk_docs", "{\"docs\":[\"x\"]}", 14);
  refuse_json (peer, "/sunlight/_bulk_docs", "{\"docs\":[{\"_rev\":\"x-1\"}]}", 25);
  refuse_json (peer, "/sunlight/_bulk_docs", "{\"docs\":[{\"_zap\":1}]}", 21);
  refuse_json (peer, "/sunlight/_bulk_docs", "{\"a\":\"\xff\xfe\"}", 11);
  refuse_json (peer, "/sunlight/_bulk_docs", "", 0);
  refuse_json (peer, "/sunlight/_bulk_docs", deep->str, deep->len);
  refuse_json (peer, "/sunlight/_revs_diff", "{\"x\":7}", 7);
  refuse_json (peer, "/sunlight/_bulk_get", "{\"docs\":{}}", 11);
  assert_refused (peer, "POST", "/sunlight/_bulk_docs", "application/x-www-form-urlencoded",
                  form, 415, "bad_content_type");
}

/* A body over the limit, with its length declared or chunked. */
static void
test_oversized (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  gsize size = 9 * MIB;
  g_autofree char *big = g_malloc (size);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *url = g_strconcat (sl_test_peer_get_url (peer), "/sunlight/_bulk_docs", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;

  memset (big, ' ', size);
  memcpy (big, "{\"docs\":[", 9);
  body = g_bytes_new_take (g_steal_pointer (&big), size);
  assert_refused (peer, "POST", "/sunlight/_bulk_docs", "application/json", body,
                  413, "too_large");

  /* Chunked: no length to judge by until the bytes arrive. */
  stream = g_memory_input_stream_new_from_bytes (body);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                "Basic YWxpY2U6YWxpY2Utc2VjcmV0");
  soup_message_set_request_body (msg, "application/json", stream, -1);
  answer = soup_session_send_and_read (sl_test_peer_get_session (peer), msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
  json = sl_test_json_parse (g_bytes_get_data (answer, NULL));
  g_assert_cmpstr (sl_test_json_string (json, "error"), ==, "too_large");
  assert_still_serving (peer);
}

/* Sends @method @path as written (no client normalises it) on a fresh
 * connection; returns the status, *@body the answer's body. */
static guint
raw_request (SlTestPeer  *peer,
             const char  *method,
             const char  *path,
             char       **body)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = g_strdup (sl_test_peer_get_url (peer) + strlen ("http://"));
  g_autofree char *head = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: %s\r\n"
                                           "Authorization: Basic YWxpY2U6YWxpY2Utc2VjcmV0\r\n"
                                           "Accept: application/json\r\n"
                                           "Connection: close\r\n\r\n", method, path, host);
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  GInputStream *in;
  guint8 buffer[4096];
  gssize n;
  const char *separator;
  guint status = 0;

  connection = g_socket_client_connect_to_host (client, host, 80, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             head, strlen (head), NULL, NULL, &error);
  g_assert_no_error (error);

  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (answer, buffer, (guint) n);
  g_assert_no_error (error);
  g_byte_array_append (answer, (const guint8 *) "", 1);

  sscanf ((const char *) answer->data, "HTTP/1.1 %u", &status);
  separator = strstr ((const char *) answer->data, "\r\n\r\n");
  *body = g_strdup (separator != NULL ? separator + 4 : "");
  return status;
}

static void
test_path_tricks (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  const struct {
    const char *method;
    const char *path;
    guint       status;
    const char *error;
  } cases[] = {
    { "GET", "/sunlight//goal:1", 400, "bad_request" },
    { "GET", "/sunlight/%00", 400, "bad_request" },
    { "GET", "/sunlight/%ZZ", 400, "bad_request" },
    { "GET", "/sunlight/%FF%FE", 400, "bad_request" },
    { "GET", "/sunlight/goal%0A1", 400, "bad_request" },
    { "PUT", "/sunlight/_zap", 400, "bad_request" },
    { "GET", "/sunlight/goal:1/attachment.txt", 400, "bad_request" },
    { "GET", "/sunlight/_design/a/b", 400, "bad_request" },
    { "GET", "/Sunlight", 400, "illegal_database_name" },
    { "GET", "/sunlight%2F..%2F_users", 400, "illegal_database_name" },
    { "GET", "/sunlight/../_users", 403, "forbidden" },
    { "GET", "/sunlight/%2e%2e/_all_dbs", 403, "forbidden" },
    { "GET", "/../../etc/passwd", 404, "not_found" },
    { "GET", "/_users/org.couchdb.user:alice", 404, "not_found" },
    { "GET", "/_config", 404, "not_found" },
    { "PATCH", "/sunlight", 405, "method_not_allowed" },
    { "POST", "/", 405, "method_not_allowed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = NULL;
      guint status = raw_request (peer, cases[i].method, cases[i].path, &body);
      g_autoptr(JsonNode) json = NULL;

      g_test_message ("%s %s → %u %s", cases[i].method, cases[i].path, status, body);
      g_assert_cmpuint (status, ==, cases[i].status);
      json = sl_test_json_parse (body);
      g_assert_cmpstr (sl_test_json_string (json, "error"), ==, cases[i].error);
      g_assert_cmpstr (sl_test_json_string (json, "reason"), !=, "");
      assert_still_serving (peer);
    }
}

static char *
batch_body (const char *prefix,
            guint       count)
{
  GString *body = g_string_new ("{\"docs\":[");

  for (guint i = 0; i < count; i++)
    g_string_append_printf (body, "%s{\"_id\":\"%s:%04u\",\"type\":\"goal\",\"author\":\"alice\","
                            "\"text\":\"%0400u\"}", i > 0 ? "," : "", prefix, i, i);
  g_string_append (body, "]}");
  return g_string_free (body, FALSE);
}

static void
push_batch (SlTestPeer *peer,
            const char *prefix,
            guint       count)
{
  g_autofree char *body = batch_body (prefix, count);
  g_autoptr(SlTestResponse) response =
    sl_test_peer_request (peer, "POST", "/sunlight/_bulk_docs", "alice", body);

  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpuint (sl_test_json_length (response->json, ""), ==, count);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GBytes) ignored = soup_session_send_and_read_finish (SOUP_SESSION (source),
                                                                 result, NULL);

  *done = TRUE;
}

/* How many documents "prefix:…" the server has. */
static guint
count_prefix (SlTestPeer *peer,
              const char *prefix)
{
  g_autofree char *path = g_strdup_printf ("/sunlight/_all_docs?startkey=%%22%s:%%22"
                                           "&endkey=%%22%s:%%EF%%BF%%BF%%22", prefix, prefix);
  g_autoptr(SlTestResponse) rows = sl_test_peer_request (peer, "GET", path, "alice", NULL);

  g_assert_cmpuint (rows->status, ==, 200);
  return sl_test_json_length (rows->json, "rows");
}

/* kill -9 with a write in flight: what was acknowledged survives, the
 * write in flight is all there or not at all, the uuid stays. */
static void
test_kill_restart (void)
{
  g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  g_autoptr(SlTestResponse) before = NULL;
  g_autoptr(SlTestResponse) after = NULL;
  g_autoptr(SlTestResponse) feed = NULL;
  g_autoptr(SoupSession) session = sl_test_http_session_new ();
  g_autofree char *url = NULL;
  g_autofree char *body = batch_body ("late", 2000);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean done = FALSE;
  guint late;

  sl_test_peer_add_user (peer, "alice", "marketing", "alice-secret");
  sl_test_peer_create_db (peer, "sunlight");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("early%u", i);

      push_batch (peer, prefix, 100);
    }
  before = sl_test_peer_request (peer, "GET", "/", NULL, NULL);

  url = g_strconcat (sl_test_peer_get_url (peer), "/sunlight/_bulk_docs", NULL);
  msg = soup_message_new ("POST", url);
  bytes = g_bytes_new_take (g_steal_pointer (&body), strlen (body));
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                "Basic YWxpY2U6YWxpY2Utc2VjcmV0");
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &done);
  /* Long enough for the body to arrive, not for 2,000 documents. */
  for (gint64 end = g_get_monotonic_time () + 50 * 1000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  sl_test_peer_kill (peer, SIGKILL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  sl_test_peer_restart (peer);
  after = sl_test_peer_request (peer, "GET", "/", NULL, NULL);
  g_assert_cmpstr (sl_test_json_string (after->json, "uuid"), ==,
                   sl_test_json_string (before->json, "uuid"));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("early%u", i);

      g_assert_cmpuint (count_prefix (peer, prefix), ==, 100);
    }
  late = count_prefix (peer, "late");
  g_test_message ("in-flight batch after kill -9: %u of 2000", late);
  g_assert_true (late == 0 || late == 2000);

  /* The feed agrees with the documents and the sync goes on. */
  feed = sl_test_peer_request (peer, "GET", "/sunlight/_changes", "alice", NULL);
  g_assert_cmpuint (sl_test_json_length (feed->json, "results"), ==, 500 + late);
  push_batch (peer, "resumed", 50);
  g_assert_cmpuint (count_prefix (peer, "resumed"), ==, 50);
}

static void
test_tls (void)
{
  g_autofree char *cert = g_test_build_filename (G_TEST_DIST, "data", "test-cert.pem", NULL);
  g_autofree char *key = g_test_build_filename (G_TEST_DIST, "data", "test-key.pem", NULL);
  g_autoptr(SlTestPeer) peer = sl_test_peer_start_tls (cert, key);
  g_autoptr(SlTestResponse) root = sl_test_peer_request (peer, "GET", "/", NULL, NULL);
  g_autoptr(SlTestResponse) login = NULL;

  g_assert_true (g_str_has_prefix (sl_test_peer_get_url (peer), "https://"));
  g_assert_cmpuint (root->status, ==, 200);
  sl_test_peer_add_user (peer, "alice", "marketing", "alice-secret");
  login = sl_test_peer_request (peer, "POST", "/_session", NULL,
                                "{\"name\":\"alice\",\"password\":\"alice-secret\"}");
  g_assert_cmpuint (login->status, ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  sl_test_peer_add_user (peer, "alice", "marketing", "alice-secret");
  sl_test_peer_create_db (peer, "sunlight");

  g_test_add_data_func ("/sync/server-abuse/bad-json", peer, test_bad_json);
  g_test_add_data_func ("/sync/server-abuse/oversized", peer, test_oversized);
  g_test_add_data_func ("/sync/server-abuse/path-tricks", peer, test_path_tricks);
  g_test_add_func ("/sync/server-abuse/kill-restart", test_kill_restart);
  g_test_add_func ("/sync/server-abuse/tls", test_tls);

  return g_test_run ();
}
