/* sl-server.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "sl-server-private.h"

/* Set on a message whose body went past the limit. */
#define TOO_LARGE_KEY "sl-server-too-large"
#define RECEIVED_KEY  "sl-server-received"

G_DEFINE_FINAL_TYPE (SlServer, sl_server, G_TYPE_OBJECT)

static void
sl_server_dispose (GObject *object)
{
  SlServer *self = (SlServer *)object;

  if (self->waiters != NULL)
    sl_server_release_waiters (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->auth);
  g_clear_object (&self->users);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_server_parent_class)->dispose (object);
}

static void
sl_server_finalize (GObject *object)
{
  SlServer *self = (SlServer *)object;

  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  G_OBJECT_CLASS (sl_server_parent_class)->finalize (object);
}

static void
sl_server_class_init (SlServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_server_dispose;
  object_class->finalize = sl_server_finalize;
}

static void
sl_server_init (SlServer *self)
{
  self->waiters = g_ptr_array_new ();
}

static void
mark_too_large (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  /* Keep reading (the connection stays usable) but drop the bytes. */
  g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SlServer *self = user_data;
  guint64 *received = g_object_get_data (G_OBJECT (msg), RECEIVED_KEY);

  if (received == NULL)
    {
      received = g_new0 (guint64, 1);
      g_object_set_data_full (G_OBJECT (msg), RECEIVED_KEY, received, g_free);
    }

  *received += g_bytes_get_size (chunk);
  if (*received > self->max_body &&
      g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) == NULL)
    mark_too_large (msg);
}

/* Before the body: refuse a declared length over the limit, and count
 * what arrives otherwise (chunked bodies declare none). */
static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SlServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      (guint64) soup_message_headers_get_content_length (headers) > self->max_body)
    {
      mark_too_large (msg);
      return;
    }

  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
}

/* libsoup answers requests it cannot parse (a bad request line or URL)
 * itself, before any handler: give those answers a CouchDB error body
 * too. Every handled request replaces it. */
static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  static const char body[] =
    "{\"error\":\"bad_request\",\"reason\":\"The request line, URL or headers "
    "could not be read\"}\n";

  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    body, sizeof body - 1);
  sl_server_deadline_start (user_data, msg);
}

static void
request_read_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  sl_server_deadline_stop (msg);
}

static void
request_finished_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  sl_server_deadline_idle (user_data, msg);
}

static void
dispatch (SlServer        *self,
          SlServerRequest *request)
{
  const char *first = sl_server_request_get_segment (request, 0);

  if (first != NULL && strcmp (first, "_session") == 0)
    sl_server_route_session (self, request);
  else if (first == NULL || first[0] == '_')
    sl_server_route_root (self, request);
  else
    sl_server_route_db (self, request);
}

/* A bad session cookie is refused everywhere but /_session, where a
 * client asks who it is (nobody) or logs in again. */
static void
identified_cb (SlServerRequest    *request,
               SlServerAuthResult  result,
               gpointer            user_data)
{
  SlServer *self = user_data;
  const char *first = sl_server_request_get_segment (request, 0);

  if (result == SL_SERVER_AUTH_WRONG_PASSWORD)
    {
      sl_server_request_fail (request, SL_SERVER_ERROR_UNAUTHORIZED,
                              "Name or password is incorrect.");
      return;
    }
  if (result == SL_SERVER_AUTH_BAD_SESSION && g_strcmp0 (first, "_session") != 0)
    {
      g_autofree char *clear = sl_server_auth_make_cookie (self->auth, request);

      sl_server_request_add_header (request, "Set-Cookie", clear);
      sl_server_request_fail (request, SL_SERVER_ERROR_UNAUTHORIZED,
                              "The session has expired or is not valid: log in again.");
      return;
    }

  dispatch (self, request);
}

static void
handle_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SlServer *self = user_data;
  g_autoptr(SlServerRequest) request = sl_server_request_new (soup, msg, query);

  if (sl_server_request_is_answered (request))
    return;

  if (g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) != NULL)
    {
      g_autofree char *reason = g_strdup_printf ("The request body is larger than %"
                                                 G_GSIZE_FORMAT " bytes", self->max_body);

      sl_server_request_fail (request, SL_SERVER_ERROR_TOO_LARGE, reason);
      return;
    }

  sl_server_auth_identify (self->auth, request, identified_cb, self);
}

SlServer *
sl_server_new (SlServerStore         *store,
               const SlServerOptions *options)
{
  SlServer *self = g_object_new (SL_TYPE_SERVER, NULL);
  g_autofree char *header = g_strdup ("sunlight-server/" PACKAGE_VERSION);

  g_return_val_if_fail (SL_IS_SERVER_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->users = sl_server_users_new (store);
  self->auth = sl_server_auth_new (store, self->users,
                                   options != NULL ? options->session_timeout : 0,
                                   options != NULL ? options->login_failures : 0,
                                   options != NULL ? options->login_window : 0);
  self->max_body = options != NULL && options->max_body > 0
                   ? options->max_body : SL_SERVER_DEFAULT_MAX_BODY;
  self->request_timeout = options != NULL && options->request_timeout > 0
                          ? options->request_timeout : SL_SERVER_DEFAULT_REQUEST_TIMEOUT;

  /* raw-paths: the path stays percent-encoded, so "a%2Fb" is one segment. */
  self->soup = g_object_new (SOUP_TYPE_SERVER,
                             "raw-paths", TRUE,
                             "server-header", header,
                             NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-read", G_CALLBACK (request_read_cb), NULL);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle_cb, self, NULL);
  return self;
}

gboolean
sl_server_listen (SlServer         *self,
                  const char       *address,
                  guint             port,
                  GTlsCertificate  *certificate,
                  GError          **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (SL_IS_SERVER (self), FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL || port > G_MAXUINT16)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s:%u is not an IP address and port to listen on", address, port);
      return FALSE;
    }

  if (certificate != NULL)
    {
      g_object_set (self->soup, "tls-certificate", certificate, NULL);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }

  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  return soup_server_listen (self->soup, socket_address, options, error);
}

guint
sl_server_get_port (SlServer *self)
{
  GSList *uris = soup_server_get_uris (self->soup);
  guint port = uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return port;
}

SlServerStore *
sl_server_get_store (SlServer *self)
{
  return self->store;
}

void
sl_server_shutdown (SlServer *self)
{
  sl_server_release_waiters (self);
  soup_server_disconnect (self->soup);
}

gboolean
sl_server_check_method (SlServerRequest *request,
                        const char      *allowed,
                        ...)
{
  const char *method = sl_server_request_get_method (request);
  g_autoptr(GString) list = g_string_new (NULL);
  va_list args;

  if (g_strcmp0 (method, "HEAD") == 0)
    method = "GET";

  va_start (args, allowed);
  for (const char *m = allowed; m != NULL; m = va_arg (args, const char *))
    {
      if (g_strcmp0 (m, method) == 0)
        {
          va_end (args);
          return TRUE;
        }
      g_string_append_printf (list, "%s%s", list->len > 0 ? "," : "", m);
    }
  va_end (args);

  g_string_prepend (list, "Only ");
  g_string_append (list, " allowed");
  sl_server_request_fail (request, SL_SERVER_ERROR_METHOD_NOT_ALLOWED, list->str);
  return FALSE;
}

gboolean
sl_server_respond_if_error (SlServerRequest *request,
                            GError          *error)
{
  if (error == NULL)
    return FALSE;

  if (sl_server_error_get_status (error) >= 500)
    g_warning ("%s %s: %s", sl_server_request_get_method (request),
               g_uri_get_path (soup_server_message_get_uri (sl_server_request_get_message (request))),
               error->message);
  sl_server_request_respond_error (request, error);
  return TRUE;
}
