/* test-server-slow.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server against slow-loris clients (--request-timeout 2):
 * connections that send nothing, trickle their headers or body, or idle
 * after a request are closed; a request past its time is logged; a slow
 * but steady upload and a longpoll longer than the timeout still go
 * through; and everyone else is served all along.
 */

#include "config.h"

#include <string.h>

#include "sl-test-json.h"
#include "sl-test-peer.h"

#define TIMEOUT 2
/* Generous: the server must close well before this. */
#define GIVE_UP_SECONDS 60
/* alice:alice-secret */
#define ALICE "Authorization: Basic YWxpY2U6YWxpY2Utc2VjcmV0\r\n"
#define STEADY_CHUNKS 12
#define STEADY_CHUNK  (8 * 1024)

typedef enum
{
  SLOW_SILENT,            /* connects and sends nothing */
  SLOW_HEADERS,           /* a header line every 200 ms, never the end */
  SLOW_BODY,              /* whole headers, then a body byte every 200 ms */
  SLOW_IDLE,              /* one request, then idles on the kept-alive connection */
  SLOW_STEADY,            /* a 96 KiB body at 32 KiB/s: slow but honest */
} SlowKind;

typedef struct
{
  SlowKind  kind;
  guint     port;
  gboolean  closed;       /* the server closed the connection */
  double    seconds;      /* from connecting until closed (or answered) */
  GString  *answer;       /* what the server sent */
} Slow;

static void
send_text (GSocket    *socket,
           const char *text,
           gsize       length,
           gboolean   *failed)
{
  if (g_socket_send (socket, text, length, NULL, NULL) < 0)
    *failed = TRUE;
}

/* The request's opening bytes. */
static void
send_start (Slow    *slow,
            GSocket *socket,
            gboolean *failed)
{
  g_autofree char *head = NULL;

  switch (slow->kind)
    {
    case SLOW_SILENT:
      break;
    case SLOW_HEADERS:
      head = g_strdup ("GET /sunlight HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      break;
    case SLOW_BODY:
      head = g_strdup ("PUT /sunlight/goal:slow HTTP/1.1\r\nHost: 127.0.0.1\r\n" ALICE
                       "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
      break;
    case SLOW_IDLE:
      head = g_strdup ("GET /_up HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      break;
    case SLOW_STEADY:
      head = g_strdup_printf ("PUT /sunlight/goal:steady HTTP/1.1\r\nHost: 127.0.0.1\r\n" ALICE
                              "Content-Type: application/json\r\nConnection: close\r\n"
                              "Content-Length: %u\r\n\r\n", STEADY_CHUNKS * STEADY_CHUNK);
      break;
    }
  if (head != NULL)
    send_text (socket, head, strlen (head), failed);
}

/* The next slow bytes, every @round. */
static void
send_more (Slow     *slow,
           GSocket  *socket,
           guint     round,
           gboolean *failed)
{
  g_autofree char *chunk = NULL;

  if (slow->kind == SLOW_HEADERS)
    send_text (socket, "X-Slow: 1\r\n", 11, failed);
  else if (slow->kind == SLOW_BODY)
    send_text (socket, " ", 1, failed);
  else if (slow->kind == SLOW_STEADY && round < STEADY_CHUNKS)
    {
      /* {"type":"goal","author":"alice","pad":"    …"} filling the length */
      const char *open = "{\"type\":\"goal\",\"author\":\"alice\",\"pad\":\"";
      chunk = g_malloc (STEADY_CHUNK);
      memset (chunk, ' ', STEADY_CHUNK);
      if (round == 0)
        memcpy (chunk, open, strlen (open));
      if (round == STEADY_CHUNKS - 1)
        memcpy (chunk + STEADY_CHUNK - 2, "\"}", 2);
      send_text (socket, chunk, STEADY_CHUNK, failed);
    }
}

static gpointer
slow_thread (gpointer data)
{
  Slow *slow = data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean failed = FALSE;
  GSocket *socket;
  guint round = 0;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) slow->port,
                                                NULL, &error);
  g_assert_no_error (error);
  socket = g_socket_connection_get_socket (connection);
  send_start (slow, socket, &failed);

  while (!failed && g_get_monotonic_time () - start < GIVE_UP_SECONDS * G_USEC_PER_SEC)
    {
      char buffer[4096];
      gssize n;

      /* The steady upload paces itself at 4 chunks a second. */
      if (!g_socket_condition_timed_wait (socket, G_IO_IN,
                                          (slow->kind == SLOW_STEADY ? 250 : 200) * 1000,
                                          NULL, NULL))
        {
          send_more (slow, socket, round++, &failed);
          continue;
        }
      n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);
      if (n <= 0)
        break;
      g_string_append_len (slow->answer, buffer, n);
    }

  slow->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  g_atomic_int_set (&slow->closed, TRUE);
  return NULL;
}

static Slow *
slow_new (SlowKind  kind,
          guint     port)
{
  Slow *slow = g_new0 (Slow, 1);

  slow->kind = kind;
  slow->port = port;
  slow->answer = g_string_new (NULL);
  return slow;
}

static void
slow_free (Slow *slow)
{
  g_string_free (slow->answer, TRUE);
  g_free (slow);
}

static guint
peer_port (SlTestPeer *peer)
{
  const char *url = sl_test_peer_get_url (peer);

  return (guint) g_ascii_strtoull (strrchr (url, ':') + 1, NULL, 10);
}

static void
test_slow_clients (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  gsize mark = sl_test_peer_get_log_size (peer);
  g_autoptr(GPtrArray) slows = g_ptr_array_new_with_free_func ((GDestroyNotify) slow_free);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autofree char *line = NULL;
  guint served = 0;
  gboolean running = TRUE;

  for (SlowKind kind = SLOW_SILENT; kind <= SLOW_STEADY; kind++)
    {
      Slow *slow = slow_new (kind, peer_port (peer));

      g_ptr_array_add (slows, slow);
      g_ptr_array_add (threads, g_thread_new ("slow", slow_thread, slow));
    }

  /* Everyone else is served meanwhile. */
  while (running)
    {
      g_autoptr(SlTestResponse) up = sl_test_peer_request (peer, "GET", "/sunlight", "fred", NULL);

      g_assert_cmpuint (up->status, ==, 200);
      served++;
      g_usleep (100 * 1000);
      running = FALSE;
      for (guint i = 0; i < slows->len; i++)
        running |= !g_atomic_int_get (&((Slow *) slows->pdata[i])->closed);
    }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);
  g_test_message ("served %u requests while slow clients held connections", served);
  g_assert_cmpuint (served, >, 0);

  for (guint i = 0; i < slows->len; i++)
    {
      Slow *slow = slows->pdata[i];

      g_test_message ("slow client %d: closed after %.2f s, answer %.40s", slow->kind,
                      slow->seconds, slow->answer->str);
      g_assert_cmpfloat (slow->seconds, <, GIVE_UP_SECONDS - 1);
      if (slow->kind != SLOW_STEADY)
        g_assert_cmpfloat (slow->seconds, >=, TIMEOUT - 0.1);
    }

  /* The steady upload took longer than the timeout and was written. */
  g_assert_true (g_str_has_prefix (((Slow *) slows->pdata[SLOW_STEADY])->answer->str,
                                   "HTTP/1.1 201"));
  g_assert_cmpfloat (((Slow *) slows->pdata[SLOW_STEADY])->seconds, >, TIMEOUT);
  /* The idle one had its answer first. */
  g_assert_true (g_str_has_prefix (((Slow *) slows->pdata[SLOW_IDLE])->answer->str,
                                   "HTTP/1.1 200"));
  /* The trickled body never reached the database. */
  {
    g_autoptr(SlTestResponse) slow_doc = sl_test_peer_request (peer, "GET", "/sunlight/goal:slow",
                                                               "fred", NULL);

    g_assert_cmpuint (slow_doc->status, ==, 404);
  }

  line = sl_test_peer_find_log_line (peer, mark, "refused status=408 error=request_timeout",
                                     "method=PUT", "path=\"/sunlight/goal:slow\"",
                                     "address=127.0.0.1", NULL);
  g_assert_nonnull (line);
  g_clear_pointer (&line, g_free);
  /* Nothing, or headers never finished: no request line to name. */
  line = sl_test_peer_find_log_line (peer, mark, "refused status=408", "method=- path=-", NULL);
  g_assert_nonnull (line);
}

static guint
count_fds (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Clients closing kept-alive connections: libsoup 3.2 would keep each
 * descriptor until the server ran out; the server closes them itself. */
static void
test_closed_connections (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  GPid pid = sl_test_peer_get_pid (peer);
  guint before = count_fds (pid);
  guint after = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection =
        g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) peer_port (peer), NULL, NULL);
      GSocket *socket = g_socket_connection_get_socket (connection);
      const char *request = "GET /_up HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      char answer[1024];

      g_assert_nonnull (connection);
      g_assert_cmpint (g_socket_send (socket, request, strlen (request), NULL, NULL), >, 0);
      g_assert_cmpint (g_socket_receive (socket, answer, sizeof answer, NULL, NULL), >, 0);
      g_socket_close (socket, NULL);
    }

  /* Closed within a second or so; give it ten. */
  for (guint i = 0; i < 100; i++)
    {
      after = count_fds (pid);
      if (after <= before + 5)
        break;
      g_usleep (100 * 1000);
    }
  g_test_message ("server descriptors: %u before, %u after 200 closed connections", before, after);
  g_assert_cmpuint (after, <=, before + 5);
}

/* Waiting for a change is not the client's slowness. */
static void
test_longpoll_outlives_timeout (gconstpointer data)
{
  SlTestPeer *peer = (SlTestPeer *) data;
  g_autoptr(SlTestResponse) feed =
    sl_test_peer_request (peer, "GET", "/sunlight/_changes?feed=longpoll&since=now&timeout=4000",
                          "fred", NULL);
  g_autoptr(SlTestResponse) root = sl_test_peer_request (peer, "GET", "/", NULL, NULL);

  g_assert_cmpuint (feed->status, ==, 200);
  g_assert_cmpuint (sl_test_json_length (feed->json, "results"), ==, 0);
  g_assert_cmpuint (root->status, ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--request-timeout", G_STRINGIFY (TIMEOUT), NULL };
  g_autoptr(SlTestPeer) peer = NULL;

  g_test_init (&argc, &argv, NULL);

  peer = sl_test_peer_start_with_args (args);
  sl_test_peer_add_team (peer);
  sl_test_peer_create_db (peer, "sunlight");

  g_test_add_data_func ("/sync/server-slow/clients", peer, test_slow_clients);
  g_test_add_data_func ("/sync/server-slow/longpoll", peer, test_longpoll_outlives_timeout);
  g_test_add_data_func ("/sync/server-slow/closed-connections", peer, test_closed_connections);

  return g_test_run ();
}
