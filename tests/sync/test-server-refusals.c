/* test-server-refusals.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server against users trying what they may not: wrong
 * passwords (throttled per name and per address), expired and forged
 * session cookies, role escalation, a viewer writing, marketing
 * approving. Each is refused with 401, 403 or 429 and logged on one
 * line naming the request, and no password or cookie reaches the log.
 * And the sync client, locked out, waits as long as it is told.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sl-sync-error.h"
#include "sl-test-json.h"
#include "sl-test-peer.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"

/* Small on purpose: the tests wait them out. */
#define FAILURES "3"
#define WINDOW   3
#define SESSION  6

static SlTestResponse *
send_as (SlTestPeer *peer,
         const char *method,
         const char *path,
         const char *user,
         const char *password,
         const char *header,
         const char *value)
{
  g_autofree char *url = g_strconcat (sl_test_peer_get_url (peer), path, NULL);

  return sl_test_http_full (sl_test_peer_get_session (peer), method, url, user, password,
                            NULL, NULL, header, value);
}

static SlTestResponse *
with_cookie (SlTestPeer *peer,
             const char *path,
             const char *cookie)
{
  return send_as (peer, "GET", path, NULL, NULL, "Cookie", cookie);
}

/* "AuthSession=…" of a login as @user. */
static char *
log_in (SlTestPeer *peer,
        const char *user,
        const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"name\":\"%s\",\"password\":\"%s\"}", user, password);
  g_autoptr(SlTestResponse) login = sl_test_peer_request (peer, "POST", "/_session", NULL, body);
  const char *header = soup_message_headers_get_one (login->headers, "Set-Cookie");

  g_assert_cmpuint (login->status, ==, 200);
  g_assert_true (g_str_has_prefix (header, "AuthSession="));
  return g_strndup (header, strcspn (header, ";"));
}

/* The log line of a refusal past byte @since: "refused status=S", the
 * path and @extra. */
static void
assert_logged (SlTestPeer *peer,
               gsize       since,
               guint       status,
               const char *path,
               const char *extra)
{
  g_autofree char *status_text = g_strdup_printf ("refused status=%u ", status);
  g_autofree char *path_text = g_strdup_printf ("path=\"%s\"", path);
  g_autofree char *line = sl_test_peer_find_log_line (peer, since, status_text, path_text,
                                                      extra, NULL);

  if (line == NULL)
    {
      g_autofree char *log = sl_test_peer_read_log (peer);

      g_error ("no log line with “%s”, “%s” and “%s” in:\n%s", status_text, path_text, extra, log);
    }
  g_test_message ("logged: %s", line);
}

static void
sleep_seconds (guint seconds)
{
  g_usleep ((gulong) seconds * G_USEC_PER_SEC + 300 * 1000);
}

/* Three wrong passwords lock the name: then even the right one gets 429
 * with Retry-After, until the window has passed. A cookie given before
 * keeps working, and other names from the same address are not locked. */
static void
test_wrong_password_per_name (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *cookie = log_in (peer, "alice", "alice-secret");
  g_autoptr(SlTestResponse) locked = NULL;
  g_autoptr(SlTestResponse) by_cookie = NULL;
  g_autoptr(SlTestResponse) other = NULL;
  g_autoptr(SlTestResponse) login = NULL;
  g_autoptr(SlTestResponse) after = NULL;
  const char *retry;
  gsize mark = sl_test_peer_get_log_size (peer);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *password = g_strdup_printf ("wrong-pass-%u", i);
      g_autoptr(SlTestResponse) wrong = send_as (peer, "GET", "/sunlight", "alice", password,
                                                 NULL, NULL);

      sl_test_assert_error (wrong, 401, "unauthorized");
    }
  assert_logged (peer, mark, 401, "/sunlight", "claimed=\"alice\"");
  g_assert_nonnull (sl_test_peer_find_log_line (peer, mark, "locked name=\"alice\"",
                                                "failures=3", NULL));

  mark = sl_test_peer_get_log_size (peer);
  locked = sl_test_peer_request (peer, "GET", "/sunlight", "alice", NULL);
  sl_test_assert_error (locked, 429, "too_many_requests");
  retry = soup_message_headers_get_one (locked->headers, "Retry-After");
  g_assert_nonnull (retry);
  g_assert_cmpint (atoi (retry), >=, 1);
  g_assert_cmpint (atoi (retry), <=, WINDOW);
  assert_logged (peer, mark, 429, "/sunlight", "claimed=\"alice\"");
  /* A login is a password check too. */
  login = sl_test_peer_request (peer, "POST", "/_session", NULL,
                                "{\"name\":\"alice\",\"password\":\"alice-secret\"}");
  sl_test_assert_error (login, 429, "too_many_requests");

  by_cookie = with_cookie (peer, "/sunlight", cookie);
  g_assert_cmpuint (by_cookie->status, ==, 200);
  other = sl_test_peer_request (peer, "GET", "/sunlight", "fred", NULL);
  g_assert_cmpuint (other->status, ==, 200);

  sleep_seconds ((guint) atoi (retry));
  after = sl_test_peer_request (peer, "GET", "/sunlight", "alice", NULL);
  g_assert_cmpuint (after->status, ==, 200);
}

/* Many names from one address lock the address (4 × 3 failures). */
static void
test_wrong_password_per_address (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(SlTestResponse) locked = NULL;
  g_autoptr(SlTestResponse) after = NULL;
  gsize mark = sl_test_peer_get_log_size (peer);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("mallory%u", i);
      g_autoptr(SlTestResponse) wrong = send_as (peer, "GET", "/_session", name, "guess-pass",
                                                 NULL, NULL);

      sl_test_assert_error (wrong, 401, "unauthorized");
    }
  g_assert_nonnull (sl_test_peer_find_log_line (peer, mark, "locked address=\"127.0.0.1\"",
                                                "failures=12", NULL));

  locked = sl_test_peer_request (peer, "GET", "/sunlight", "fred", NULL);
  sl_test_assert_error (locked, 429, "too_many_requests");
  assert_logged (peer, mark, 429, "/sunlight", "claimed=\"fred\"");

  sleep_seconds (WINDOW);
  after = sl_test_peer_request (peer, "GET", "/sunlight", "fred", NULL);
  g_assert_cmpuint (after->status, ==, 200);
}

static void
burst_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint *counts = user_data;   /* { answered, 401s, 429s } */
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  counts[0]++;
  if (soup_message_get_status (msg) == 401)
    counts[1]++;
  else if (soup_message_get_status (msg) == 429)
    counts[2]++;
}

/* Guesses sent all at once: no more are checked than the limit. */
static void
test_wrong_password_burst (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(SoupSession) session =
    soup_session_new_with_options ("max-conns-per-host", 16, "proxy-resolver", NULL, NULL);
  g_autofree char *url = g_strconcat (sl_test_peer_get_url (peer), "/sunlight", NULL);
  guint counts[3] = { 0 };
  g_autoptr(SlTestResponse) after = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autofree char *pair = g_strdup_printf ("vera:burst-guess-%u", i);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      g_autofree char *basic = g_strconcat ("Basic ", encoded, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", basic);
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, burst_cb, counts);
    }
  while (counts[0] < 10)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("10 guesses at once: %u checked (401), %u refused unchecked (429)",
                  counts[1], counts[2]);
  g_assert_cmpuint (counts[1] + counts[2], ==, 10);
  g_assert_cmpuint (counts[1], <=, 3);
  g_assert_cmpuint (counts[2], >=, 7);

  sleep_seconds (WINDOW);
  after = sl_test_peer_request (peer, "GET", "/sunlight", "vera", NULL);
  g_assert_cmpuint (after->status, ==, 200);
}

/* @cookie ("AuthSession=name64:expiry:mac") with part @index replaced. */
static char *
replace_part (const char *cookie,
              guint       index,
              const char *part)
{
  g_auto(GStrv) parts = g_strsplit (cookie + strlen ("AuthSession="), ":", -1);
  g_autofree char *joined = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_free (parts[index]);
  parts[index] = g_strdup (part);
  joined = g_strjoinv (":", parts);
  return g_strconcat ("AuthSession=", joined, NULL);
}

static void
assert_bad_cookie (SlTestPeer *peer,
                   const char *cookie,
                   const char *claimed)
{
  gsize mark = sl_test_peer_get_log_size (peer);
  g_autoptr(SlTestResponse) db = with_cookie (peer, "/sunlight", cookie);
  g_autoptr(SlTestResponse) root = with_cookie (peer, "/", cookie);
  g_autoptr(SlTestResponse) session = with_cookie (peer, "/_session", cookie);
  const char *clear = soup_message_headers_get_one (db->headers, "Set-Cookie");

  g_test_message ("%s → %u %s", cookie, db->status, db->body);
  sl_test_assert_error (db, 401, "unauthorized");
  sl_test_assert_error (root, 401, "unauthorized");
  g_assert_nonnull (clear);
  g_assert_nonnull (strstr (clear, "Max-Age=0"));
  /* /_session answers who it is: nobody, so it can log in again. */
  g_assert_cmpuint (session->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_NULL (sl_test_json_find (session->json, "userCtx.name")));
  assert_logged (peer, mark, 401, "/sunlight", claimed);
  assert_logged (peer, mark, 401, "/sunlight", "why=\"The session has expired or is not valid");
}

static void
test_bad_cookies (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *cookie = log_in (peer, "alice", "alice-secret");
  g_auto(GStrv) parts = g_strsplit (cookie + strlen ("AuthSession="), ":", -1);
  g_autofree char *later = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            g_ascii_strtoll (parts[1], NULL, 10) + 86400);
  /* "fred" in unpadded URL-safe base64. */
  g_autofree char *as_fred = replace_part (cookie, 0, "ZnJlZA");
  g_autofree char *longer = replace_part (cookie, 1, later);
  g_autofree char *mac = g_strdup (parts[2]);
  g_autofree char *bad_mac = NULL;
  g_autoptr(SlTestResponse) good = with_cookie (peer, "/sunlight", cookie);
  g_autoptr(SlTestResponse) expired = NULL;
  g_autoptr(SlTestResponse) relogin = NULL;
  gsize mark;
  g_autofree char *session_url = g_strconcat (sl_test_peer_get_url (peer), "/_session", NULL);
  g_autoptr(GBytes) login_body =
    g_bytes_new_static ("{\"name\":\"alice\",\"password\":\"alice-secret\"}", 42);

  g_assert_cmpuint (good->status, ==, 200);
  mac[0] = mac[0] == 'a' ? 'b' : 'a';
  bad_mac = replace_part (cookie, 2, mac);

  assert_bad_cookie (peer, as_fred, "claimed=\"fred\"");
  assert_bad_cookie (peer, longer, "claimed=\"alice\"");
  assert_bad_cookie (peer, bad_mac, "claimed=\"alice\"");
  assert_bad_cookie (peer, "AuthSession=not-a-cookie", "why=\"The session has expired");

  /* Past its Max-Age the server refuses it too, and a new login works. */
  sleep_seconds (SESSION);
  mark = sl_test_peer_get_log_size (peer);
  expired = with_cookie (peer, "/sunlight/_all_docs", cookie);
  sl_test_assert_error (expired, 401, "unauthorized");
  assert_logged (peer, mark, 401, "/sunlight/_all_docs", "claimed=\"alice\"");
  relogin = sl_test_http_full (sl_test_peer_get_session (peer), "POST", session_url, NULL, NULL,
                               "application/json", login_body, "Cookie", cookie);
  g_assert_cmpuint (relogin->status, ==, 200);
}

static SlTestResponse *
put_as (SlTestPeer *peer,
        const char *user,
        const char *path,
        const char *body)
{
  return sl_test_peer_request (peer, "PUT", path, user, body);
}

/* What a role may not do, each refused and logged with the user. */
static void
test_roles (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(SlTestResponse) plan = put_as (peer, "alice", "/sunlight/plan:9",
    "{\"type\":\"plan\",\"author\":\"alice\",\"status\":\"proposed\"}");
  g_autofree char *approve = g_strdup_printf ("{\"_rev\":\"%s\",\"type\":\"plan\","
                                              "\"author\":\"alice\",\"status\":\"approved\"}",
                                              sl_test_json_string (plan->json, "rev"));
  g_autofree char *cookie = NULL;
  const struct {
    const char *user;
    const char *method;
    const char *path;
    const char *body;
    guint       status;
  } cases[] = {
    { "vera", "PUT", "/sunlight/goal:9", "{\"type\":\"goal\",\"author\":\"vera\"}", 403 },
    { "alice", "PUT", "/sunlight/plan:9", approve, 403 },
    { "alice", "PUT", "/sunlight/goal:8", "{\"type\":\"goal\",\"author\":\"fred\"}", 403 },
    { "alice", "PUT", "/sunlight/_design/evil", "{\"author\":\"alice\"}", 403 },
    { "alice", "PUT", "/sunlight/_security", "{\"admins\":{\"names\":[\"alice\"]}}", 403 },
    { "alice", "PUT", "/escalated", NULL, 403 },
    { "alice", "DELETE", "/sunlight", NULL, 403 },
    { "alice", "GET", "/_all_dbs", NULL, 403 },
    { "alice", "GET", "/_users", NULL, 403 },
    { "alice", "PUT", "/_users/org.couchdb.user:alice",
      "{\"name\":\"alice\",\"roles\":[\"_admin\"],\"type\":\"user\"}", 404 },
    { "fred", "PUT", "/_config/admins/fred", "\"fred-secret\"", 404 },
  };

  g_assert_cmpuint (plan->status, ==, 201);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize mark = sl_test_peer_get_log_size (peer);
      g_autoptr(SlTestResponse) response =
        sl_test_peer_request (peer, cases[i].method, cases[i].path, cases[i].user, cases[i].body);
      g_autofree char *user = g_strdup_printf ("user=\"%s\"", cases[i].user);

      g_test_message ("%s %s as %s → %u %s", cases[i].method, cases[i].path, cases[i].user,
                      response->status, response->body);
      g_assert_cmpuint (response->status, ==, cases[i].status);
      if (cases[i].status == 403)
        assert_logged (peer, mark, 403, cases[i].path, user);
    }

  /* Roles sent with a login are not taken. */
  cookie = log_in (peer, "alice", "alice-secret");
  {
    g_autoptr(SlTestResponse) login = sl_test_peer_request (peer, "POST", "/_session", NULL,
      "{\"name\":\"alice\",\"password\":\"alice-secret\",\"roles\":[\"_admin\",\"finance\"]}");
    g_autoptr(SlTestResponse) all_dbs = with_cookie (peer, "/_all_dbs", cookie);

    g_assert_cmpstr (sl_test_json_string (login->json, "roles.0"), ==, "marketing");
    g_assert_cmpuint (sl_test_json_length (login->json, "roles"), ==, 1);
    sl_test_assert_error (all_dbs, 403, "forbidden");
  }
}

/* In a batch, and replicated (new_edits=false), a refused document is
 * logged with its id while the batch answers 201. */
static void
test_batch_refusals (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  gsize mark = sl_test_peer_get_log_size (peer);
  g_autoptr(SlTestResponse) by_viewer = sl_test_peer_request (peer, "POST", "/sunlight/_bulk_docs",
    "vera", "{\"docs\":[{\"_id\":\"comment:v1\",\"type\":\"comment\",\"author\":\"vera\"}]}");
  g_autoptr(SlTestResponse) replicated = sl_test_peer_request (peer, "POST", "/sunlight/_bulk_docs",
    "alice", "{\"new_edits\":false,\"docs\":[{\"_id\":\"decision:r1\",\"_rev\":\"1-abc\","
    "\"type\":\"decision\",\"author\":\"alice\",\"verdict\":\"approve\"}]}");

  g_assert_cmpuint (by_viewer->status, ==, 201);
  g_assert_cmpstr (sl_test_json_string (by_viewer->json, "0.error"), ==, "forbidden");
  assert_logged (peer, mark, 403, "/sunlight/_bulk_docs", "doc=\"comment:v1\"");
  g_assert_cmpuint (replicated->status, ==, 201);
  g_assert_cmpstr (sl_test_json_string (replicated->json, "0.error"), ==, "forbidden");
  assert_logged (peer, mark, 403, "/sunlight/_bulk_docs", "doc=\"decision:r1\"");
}

/* Run last: nothing secret was written to the log. */
static void
test_log_keeps_secrets (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *cookie = log_in (peer, "fred", "fred-secret");
  g_autofree char *log = sl_test_peer_read_log (peer);

  g_assert_nonnull (strstr (log, "refused status=401"));
  g_assert_null (strstr (log, "secret"));
  g_assert_null (strstr (log, "wrong-pass"));
  g_assert_null (strstr (log, "guess-pass"));
  g_assert_null (strstr (log, "burst-guess"));
  g_assert_null (strstr (log, "AuthSession"));
  g_assert_null (strstr (log, cookie + strlen ("AuthSession=")));
}

/* Lines of the log past @since holding both needles. */
static guint
count_log_lines (SlTestPeer *peer,
                 gsize       since,
                 const char *needle,
                 const char *other)
{
  g_autofree char *log = sl_test_peer_read_log (peer);
  g_auto(GStrv) lines = g_strsplit (log + MIN (since, strlen (log)), "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], needle) != NULL && strstr (lines[i], other) != NULL;
  return n;
}

/* The sync client, locked out by someone else's wrong passwords, takes
 * the 429 as "later", not as a refusal: it waits as long as Retry-After
 * says, asks once more and syncs, without the user doing anything and
 * without asking again before it was told to. */
static void
test_client_waits (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (dir, "carol.sunlight", "carol");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (peer, db, ws, "carol");
  g_autoptr(GHashTable) docs = NULL;
  g_autoptr(GError) error = NULL;
  gsize mark;
  gint64 started;

  sl_test_peer_add_user (peer, "carol", "marketing", "carol-secret");
  sl_test_sync_seed_goals (ws, 2, "carol");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strconcat ("/", db, NULL);
      g_autoptr(SlTestResponse) wrong = send_as (peer, "GET", path, "carol", "guess", NULL, NULL);

      sl_test_assert_error (wrong, 401, "unauthorized");
    }

  mark = sl_test_peer_get_log_size (peer);
  error = sl_test_sync_try_round (client);
  g_assert_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_BUSY);
  g_assert_true (sl_sync_error_is_transient (error));
  g_assert_nonnull (strstr (error->message, "try again in"));

  started = g_get_monotonic_time ();
  sl_sync_client_start (client);
  sl_test_sync_wait (sl_test_sync_is_synced, client, 4 * WINDOW);
  sl_sync_client_stop (client);
  /* Refused twice: the round above and the client's first; the second
   * ask came after the wait, and was let in. */
  g_assert_cmpuint (count_log_lines (peer, mark, "refused status=429 ", "claimed=\"carol\""), ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, G_USEC_PER_SEC / 2);
  docs = sl_test_sync_server_docs (peer, db);
  g_assert_cmpuint (g_hash_table_size (docs), ==, 2);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--login-failures", FAILURES, "--login-window", G_STRINGIFY (WINDOW),
                         "--session-timeout", G_STRINGIFY (SESSION), NULL };
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_peer_start_with_args (args);
  sl_test_peer_add_team (peer);
  sl_test_peer_create_db (peer, "sunlight");

  g_test_add_data_func ("/sync/server-refusals/wrong-password-per-name", peer,
                        test_wrong_password_per_name);
  g_test_add_data_func ("/sync/server-refusals/wrong-password-per-address", peer,
                        test_wrong_password_per_address);
  g_test_add_data_func ("/sync/server-refusals/wrong-password-burst", peer,
                        test_wrong_password_burst);
  g_test_add_data_func ("/sync/server-refusals/bad-cookies", peer, test_bad_cookies);
  g_test_add_data_func ("/sync/server-refusals/roles", peer, test_roles);
  g_test_add_data_func ("/sync/server-refusals/batch", peer, test_batch_refusals);
  g_test_add_data_func ("/sync/server-refusals/log-keeps-secrets", peer, test_log_keeps_secrets);
  g_test_add_data_func ("/sync/server-refusals/client-waits", peer, test_client_waits);

  return g_test_run ();
}
