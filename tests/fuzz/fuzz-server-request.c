/* fuzz-server-request.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: sunlight-server's request handling, in process. A
 * SlServer accepts one end of a socket pair (no listening socket, no
 * network); the input becomes an HTTP request written to the other
 * end, and the answer is read back. So libsoup's parsing, the limits,
 * authentication (session cookies), routing, the role rules, the JSON
 * scanner and document reader and the SQLite store all run on it.
 *
 * The first byte picks the endpoint (PUT /ws/{id}, POST /ws/_bulk_docs,
 * _revs_diff, _bulk_get, _all_docs, _local, _security, GET of a
 * document or _changes with a query, DELETE, any path, or the input as
 * the raw request) and who sends it (anonymous, admin, marketing,
 * finance, viewer). The input's first line is the document id, query
 * or path; the rest is the body. Before each input the server holds
 * one database "ws" with one document.
 *
 * Checked: every request gets a whole HTTP answer, never a 5xx, whose
 * body is JSON; a refused request (4xx) leaves the database's update
 * sequence alone; a document written (201/202) reads back at the
 * revision the answer gave. Seeds are in corpus/server-request/.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "sl-server-doc.h"
#include "sl-server-private.h"
#include "sl-server-session.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

#define SEED_ID "plan:0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e02"
#define SEED_DOC "{\"_id\":\"" SEED_ID "\",\"type\":\"plan\",\"schema\":1,\"author\":\"fin\"," \
                 "\"title\":\"Q3\",\"lines\":[]}"
/* What a query or path may hold as it is: the rest (spaces, CR, LF,
 * control characters) is escaped, so the request line stays one line
 * of HTTP/1.1; raw requests cover broken request lines. */
#define QUERY_CHARS "=&%+:,;?@!$'()*[]{}\"~"
#define FUZZ_MAX_INPUT (256 * 1024)

typedef enum
{
  USER_ANONYMOUS,
  USER_ADMIN,
  USER_MARKETING,
  USER_FINANCE,
  USER_VIEWER,
  N_USERS,
} User;

static const struct
{
  const char   *name;
  SlServerRole  role;
} users[N_USERS] = {
  { NULL, SL_SERVER_ROLE_NONE },
  { "admin", SL_SERVER_ROLE_ADMIN },
  { "mark", SL_SERVER_ROLE_MARKETING },
  { "fin", SL_SERVER_ROLE_FINANCE },
  { "view", SL_SERVER_ROLE_VIEWER },
};

typedef enum
{
  SHAPE_DOC,        /* METHOD /ws/{escaped first line} */
  SHAPE_QUERY,      /* METHOD /ws/{path}?{first line} */
  SHAPE_RAW_PATH,   /* METHOD /{first line} */
  SHAPE_RAW,        /* the input as it is */
} Shape;

static const struct
{
  const char *method;
  Shape       shape;
  const char *path;
} endpoints[16] = {
  { "PUT", SHAPE_DOC, NULL },
  { "POST", SHAPE_QUERY, "_bulk_docs" },
  { "POST", SHAPE_QUERY, "" },
  { "POST", SHAPE_QUERY, "_revs_diff" },
  { "POST", SHAPE_QUERY, "_bulk_get" },
  { "POST", SHAPE_QUERY, "_all_docs" },
  { "PUT", SHAPE_DOC, "_local/" },
  { "PUT", SHAPE_QUERY, "_security" },
  { "GET", SHAPE_QUERY, SEED_ID },
  { "GET", SHAPE_QUERY, "_changes" },
  { "GET", SHAPE_QUERY, "_all_docs" },
  { "DELETE", SHAPE_QUERY, SEED_ID },
  { "POST", SHAPE_QUERY, "_changes" },
  { "PUT", SHAPE_RAW_PATH, NULL },
  { "GET", SHAPE_RAW_PATH, NULL },
  { NULL, SHAPE_RAW, NULL },
};

static char *store_dir;
static SlServerStore *store;
static SlServer *server;
static char *cookies[N_USERS];

typedef struct
{
  guint    status;
  GString *headers;
  GString *body;
} Answer;

static void
answer_clear (Answer *answer)
{
  if (answer->headers != NULL)
    g_string_free (answer->headers, TRUE);
  if (answer->body != NULL)
    g_string_free (answer->body, TRUE);
}

static void
remove_store (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (server != NULL)
    sl_server_shutdown (server);
  g_clear_object (&server);
  g_clear_object (&store);
  for (guint i = 0; i < N_USERS; i++)
    g_clear_pointer (&cookies[i], g_free);
  dir = g_dir_open (store_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

/* Users of each role, and a session cookie for each, made the way a
 * login makes them (no password hashing per input). */
static void
add_users (void)
{
  g_autoptr(SlServerUsers) server_users = sl_server_users_new (store);
  g_autoptr(GError) error = NULL;

  for (guint i = USER_ADMIN; i < N_USERS; i++)
    {
      g_autofree char *hash = NULL;
      g_autofree char *value = NULL;
      SlServerRole role;

      sl_server_users_add (server_users, users[i].name, users[i].role, "fuzz-password", &error);
      g_assert_no_error (error);
      sl_server_users_lookup (server_users, users[i].name, &role, &hash, &error);
      g_assert_no_error (error);
      value = sl_server_session_make (sl_server_store_get_secret (store), users[i].name, hash,
                                      g_get_real_time () / G_USEC_PER_SEC + 30 * 24 * 3600);
      cookies[i] = g_strdup_printf ("Cookie: " SL_SERVER_SESSION_COOKIE "=%s\r\n", value);
    }
}

static void
open_server (void)
{
  g_autoptr(GError) error = NULL;
  SlServerOptions options = { .max_body = FUZZ_MAX_INPUT / 2, .session_timeout = 0 };

  store_dir = g_dir_make_tmp ("sunlight-fuzz-server-XXXXXX", &error);
  g_assert_no_error (error);
  store = sl_server_store_open (store_dir, &error);
  g_assert_no_error (error);
  add_users ();
  server = sl_server_new (store, &options);
  atexit (remove_store);
}

/* Only "ws", holding only the seed document. */
static SlServerDb *
reset_databases (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = sl_server_store_list_dbs (store, &error);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_server_doc_free);
  g_autoptr(GPtrArray) results = NULL;
  SlServerDb *db;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      sl_server_store_delete_db (store, names[i], &error);
      g_assert_no_error (error);
    }
  db = sl_server_store_create_db (store, "ws", &error);
  g_assert_no_error (error);
  g_ptr_array_add (docs, sl_server_doc_new_from_text (SEED_DOC, -1, &error));
  g_assert_no_error (error);
  results = sl_server_db_write (db, docs, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  return db;
}

/* Writes @request to one end of a socket pair whose other end the
 * server serves, and reads the whole answer (the request asks the
 * server to close the connection after it). */
static GString *
exchange (const char *request,
          gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new_from_string ("127.0.0.1", 5984);
  g_autoptr(GSocketAddress) remote = g_inet_socket_address_new_from_string ("127.0.0.1", 40000);
  GString *response = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gsize written = 0;
  gboolean shut = FALSE;
  int fds[2];

  g_assert_cmpint (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds), ==, 0);
  socket = g_socket_new_from_fd (fds[0], &error);
  g_assert_no_error (error);
  connection = g_socket_connection_factory_create_connection (socket);
  g_assert_true (soup_server_accept_iostream (server->soup, G_IO_STREAM (connection), local, remote, &error));
  g_assert_no_error (error);

  for (;;)
    {
      gboolean progressed = g_main_context_iteration (NULL, FALSE);
      char buffer[16384];
      ssize_t n;

      if (!shut)
        {
          n = length > written ? send (fds[1], request + written, length - written,
                                       MSG_DONTWAIT | MSG_NOSIGNAL) : 0;
          if (n > 0)
            written += n, progressed = TRUE;
          else if (n < 0 && errno != EAGAIN)
            written = length;  /* the server closed early: read its answer */
          if (written == length)
            shutdown (fds[1], SHUT_WR), shut = TRUE;
        }
      n = recv (fds[1], buffer, sizeof buffer, MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN))
        break;
      if (n > 0)
        g_string_append_len (response, buffer, n), progressed = TRUE;

      /* A longpoll waits for a change no one else will make. */
      if (!progressed && server->waiters->len > 0)
        sl_server_release_waiters (server);
      if (!progressed)
        {
          struct pollfd pfd = { fds[1], POLLIN, 0 };

          poll (&pfd, 1, 1);
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("No answer after 20 s; so far: %.200s", response->str);
    }
  close (fds[1]);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return response;
}

/* Joins a chunked body's chunks. */
static gboolean
dechunk (GString *body)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *p = body->str, *end = body->str + body->len;

  for (;;)
    {
      char *after = NULL;
      guint64 n = g_ascii_strtoull (p, &after, 16);

      if (after == p || (after = strstr (after, "\r\n")) == NULL)
        return FALSE;
      p = after + 2;
      if (n == 0)
        break;
      if ((guint64)(end - p) < n + 2)
        return FALSE;
      g_string_append_len (joined, p, n);
      p += n + 2;
    }
  g_string_assign (body, joined->str);
  return TRUE;
}

static Answer
parse_answer (GString    *response,
              const char *request)
{
  Answer answer = { 0 };
  const char *split = strstr (response->str, "\r\n\r\n");

  /* libsoup answers a request line it cannot read as HTTP/1.0. */
  if (split == NULL ||
      !(g_str_has_prefix (response->str, "HTTP/1.1 ") || g_str_has_prefix (response->str, "HTTP/1.0 ")))
    g_error ("Not an HTTP answer to “%.300s”: “%.300s”", request, response->str);
  answer.status = (guint)g_ascii_strtoull (response->str + 9, NULL, 10);
  answer.headers = g_string_new_len (response->str, split + 2 - response->str);
  answer.body = g_string_new_len (split + 4, response->len - (split + 4 - response->str));
  if (strstr (answer.headers->str, "\r\nTransfer-Encoding: chunked\r\n") != NULL &&
      !dechunk (answer.body))
    g_error ("A bad chunked body: “%.300s”", response->str);
  return answer;
}

static void
check_answer (const Answer *answer,
              const char   *request,
              gboolean      is_raw)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  /* libsoup itself answers a request line of another HTTP version than
   * 1.0 or 1.1 (only a raw request can have one) with 505, before any
   * handler. */
  if (answer->status == 505 && is_raw)
    return;
  if (answer->status < 200 || answer->status >= 500)
    g_error ("%u to “%.300s”: %.300s", answer->status, request, answer->body->str);
  if (answer->body->len > 0 &&
      !json_parser_load_from_data (parser, answer->body->str, answer->body->len, &error))
    g_error ("Not JSON (%s) in the %u answer to “%.300s”: %.300s",
             error->message, answer->status, request, answer->body->str);
}

static GString *
build_request (const guint8 *data,
               size_t        size,
               User         *user)
{
  guint endpoint = data[0] & 15;
  const char *text = (const char *)data + 1, *newline;
  gsize line_length, rest = size - 1;
  g_autofree char *line = NULL;
  GString *request;

  if (endpoints[endpoint].shape == SHAPE_RAW)
    {
      *user = USER_ANONYMOUS;
      return g_string_new_len (text, rest);
    }
  *user = (data[0] >> 4) % N_USERS;
  newline = memchr (text, '\n', rest);
  line_length = newline != NULL ? (gsize)(newline - text) : rest;
  line = g_strndup (text, line_length);
  text += newline != NULL ? line_length + 1 : rest;
  rest -= newline != NULL ? line_length + 1 : rest;

  request = g_string_new (endpoints[endpoint].method);
  g_string_append (request, " /");
  switch (endpoints[endpoint].shape)
    {
    case SHAPE_DOC:
      g_string_append (request, "ws/");
      if (endpoints[endpoint].path != NULL)
        g_string_append (request, endpoints[endpoint].path);
      g_string_append_uri_escaped (request, line, NULL, FALSE);
      break;
    case SHAPE_QUERY:
      g_string_append (request, "ws");
      if (*endpoints[endpoint].path != '\0')
        g_string_append_printf (request, "/%s", endpoints[endpoint].path);
      if (*line != '\0')
        {
          g_string_append_c (request, '?');
          g_string_append_uri_escaped (request, line, QUERY_CHARS, TRUE);
        }
      break;
    case SHAPE_RAW_PATH:
    case SHAPE_RAW:
    default:
      g_string_append_uri_escaped (request, line, QUERY_CHARS "/", TRUE);
      break;
    }
  g_string_append_printf (request,
                          " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n"
                          "Content-Type: application/json\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n%s\r\n",
                          rest, cookies[*user] != NULL ? cookies[*user] : "");
  g_string_append_len (request, text, rest);
  return request;
}

static char *
member_string (const Answer *answer,
               const char   *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, answer->body->str, answer->body->len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, name) ||
      json_node_get_value_type (json_object_get_member (object, name)) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_object_get_string_member (object, name));
}

/* A document the server said it wrote reads back at that revision. */
static void
check_written (const Answer *answer,
               const char   *request)
{
  g_autofree char *id = member_string (answer, "id");
  g_autofree char *rev = member_string (answer, "rev");
  g_autoptr(GString) get = NULL;
  g_autoptr(GString) response = NULL;
  g_autofree char *read_rev = NULL;
  Answer again;

  if (id == NULL || rev == NULL)
    g_error ("A %u answer without id and rev to “%.300s”: %s", answer->status, request, answer->body->str);
  /* As a client writes an id in a path: "/" escaped, but after _design. */
  get = g_string_new ("GET /ws/");
  if (g_str_has_prefix (id, "_design/"))
    g_string_append (get, "_design/");
  g_string_append_uri_escaped (get, id + (g_str_has_prefix (id, "_design/") ? 8 : 0), NULL, FALSE);
  g_string_append (get, "?rev=");
  g_string_append_uri_escaped (get, rev, NULL, FALSE);
  g_string_append_printf (get, " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n%s\r\n", cookies[USER_ADMIN]);
  response = exchange (get->str, get->len);
  again = parse_answer (response, get->str);
  check_answer (&again, get->str, FALSE);
  read_rev = member_string (&again, "_rev");
  if (again.status != 200 || g_strcmp0 (read_rev, rev) != 0)
    g_error ("“%s” written at %s reads back %u: %s", id, rev, again.status, again.body->str);
  answer_clear (&again);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GString) request = NULL;
  g_autoptr(GString) response = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seq_before = 0, seq_after = 0;
  SlServerDb *db;
  Answer answer;
  User user;

  if (size < 1 || size > FUZZ_MAX_INPUT)
    return 0;
  if (server == NULL)
    open_server ();

  db = reset_databases ();
  g_assert_true (sl_server_db_get_update_seq (db, &seq_before, &error));
  request = build_request (data, size, &user);
  response = exchange (request->str, request->len);
  /* A raw request may end before it is whole: the server then closes
   * the connection without an answer. */
  if (response->len == 0 && (data[0] & 15) == 15)
    return 0;
  answer = parse_answer (response, request->str);
  check_answer (&answer, request->str, (data[0] & 15) == 15);
  if (g_getenv ("SL_FUZZ_VERBOSE") != NULL)
    g_printerr ("%.80s\n  → %u %.200s\n", request->str, answer.status, answer.body->str);

  /* The database may be gone (DELETE /ws by an admin). */
  db = sl_server_store_get_db (store, "ws", NULL);
  if (db != NULL && answer.status >= 400)
    {
      g_assert_true (sl_server_db_get_update_seq (db, &seq_after, &error));
      if (seq_after != seq_before)
        g_error ("A refused request (%u) changed the database: “%.300s”", answer.status, request->str);
    }
  if (db != NULL && (answer.status == 201 || answer.status == 202) &&
      (data[0] & 15) <= 2 && (data[0] & 15) != 1)
    check_written (&answer, request->str);
  answer_clear (&answer);
  return 0;
}
