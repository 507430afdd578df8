/* sl-sync-session.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sl-json-guard.h"
#include "sl-sync-error.h"
#include "sl-sync-session-private.h"

/* Seconds without a byte before a request fails (longpolls send their
 * answer well within this, or heartbeats). */
#define IO_TIMEOUT_SECONDS 60

G_DEFINE_FINAL_TYPE (SlSyncSession, sl_sync_session, G_TYPE_OBJECT)

typedef struct
{
  char         *method;
  char         *path;
  GBytes       *body;
  guint         timeout_seconds;
  gboolean      relogged;
  gboolean      timed_out;
  guint         timeout_id;
  GCancellable *cancellable;    /* ours: the caller's, or the timeout */
  gulong        forward_id;
  GCancellable *caller_cancellable;
  guint         status;
} Request;

static void send_request (GTask *task);

/* Longer waits are not taken at the server's word: the user can always
 * sync by hand. */
#define MAX_RETRY_AFTER_SECONDS 3600

/* Retry-After: seconds, or an HTTP date (RFC 9110, 10.2.3). */
static guint
parse_retry_after (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  guint64 seconds = 0;

  if (value == NULL)
    return 0;
  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &seconds, NULL))
    {
      g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan wait;

      if (when == NULL)
        return 0;
      wait = g_date_time_difference (when, now);
      seconds = wait <= 0 ? 0 : (guint64) ((wait + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND);
    }
  return (guint) MIN (seconds, MAX_RETRY_AFTER_SECONDS);
}

static void
request_free (Request *request)
{
  g_clear_handle_id (&request->timeout_id, g_source_remove);
  if (request->forward_id != 0)
    g_cancellable_disconnect (request->caller_cancellable, request->forward_id);
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->method);
  g_free (request->path);
  g_free (request);
}

/* Helpers */

static SoupMessage *
new_message (SlSyncSession  *self,
             const char     *method,
             const char     *path,
             GBytes         *body,
             GError        **error)
{
  g_autofree char *url = g_strconcat (self->url, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *headers;

  if (msg == NULL)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_FAILED,
                   /* Translators: %s is a web address */
                   _("“%s” is not a server address"), url);
      return NULL;
    }
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->basic != NULL)
    soup_message_headers_replace (headers, "Authorization", self->basic);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  return msg;
}

/* The answer's JSON; any parse failure is a bad response. */
static JsonNode *
parse_body (GBytes  *bytes,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *path = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GError) local_error = NULL;

  if (length == 0)
    {
      g_set_error_literal (error, SL_SYNC_ERROR, SL_SYNC_ERROR_BAD_RESPONSE,
                           _("The server sent an empty answer"));
      return NULL;
    }
  if (sl_json_guard_check (data, length, SL_JSON_MAX_DEPTH, &path) != SL_JSON_GUARD_OK ||
      !json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_BAD_RESPONSE,
                   /* Translators: %s says what is wrong with it */
                   _("The server sent an answer that is not valid JSON: %s"),
                   local_error ? local_error->message : path);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static const char *
reason_of (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return sl_json_get_string (json_node_get_object (node), "reason", NULL);
}

/* Request */

static gboolean
timeout_fired_cb (gpointer user_data)
{
  Request *request = user_data;

  request->timeout_id = 0;
  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static void
forward_cancel_cb (GCancellable *caller,
                   gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
relogged_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!sl_sync_session_login_finish (SL_SYNC_SESSION (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    send_request (g_steal_pointer (&task));
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncSession *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (request->timed_out)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s", _("No answer in time"));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, SL_SYNC_ERROR, SL_SYNC_ERROR_NETWORK,
                                 /* Translators: %s says why, from the network library */
                                 _("Cannot reach the server: %s"), error->message);
      return;
    }

  request->status = soup_message_get_status (msg);
  self->retry_after = request->status == 429 || request->status == 503
                      ? parse_retry_after (soup_message_get_response_headers (msg)) : 0;
  if (request->status == 401 && self->password != NULL && self->basic == NULL && !request->relogged)
    {
      request->relogged = TRUE;
      self->logged_in = FALSE;
      sl_sync_session_login_async (self, request->cancellable, relogged_cb, g_steal_pointer (&task));
      return;
    }

  node = parse_body (bytes, &error);
  if (request->status < 200 || request->status >= 300)
    {
      sl_sync_error_set_http (&error, request->status, reason_of (node));
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify)json_node_unref);
}

static void
send_request (GTask *task)
{
  SlSyncSession *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = NULL;
  GError *error = NULL;

  msg = new_message (self, request->method, request->path, request->body, &error);
  if (msg == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  soup_session_send_and_read_async (self->soup, msg, G_PRIORITY_DEFAULT, request->cancellable,
                                    sent_cb, task);
}

static GBytes *
node_to_bytes (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

void
sl_sync_session_start_request (SlSyncSession       *self,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               guint                timeout_seconds,
               gboolean             may_relog,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task;
  Request *request;

  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->body = body ? node_to_bytes (body) : NULL;
  request->relogged = !may_relog;
  request->timeout_seconds = timeout_seconds;
  request->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->forward_id = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb),
                                                   g_object_ref (request->cancellable),
                                                   g_object_unref);
    }
  if (timeout_seconds > 0)
    request->timeout_id = g_timeout_add_seconds (timeout_seconds, timeout_fired_cb, request);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_session_request_async);
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);
  send_request (task);
}

/* GObject */

static void
sl_sync_session_dispose (GObject *object)
{
  SlSyncSession *self = (SlSyncSession *)object;

  g_clear_object (&self->soup);

  G_OBJECT_CLASS (sl_sync_session_parent_class)->dispose (object);
}

static void
sl_sync_session_finalize (GObject *object)
{
  SlSyncSession *self = (SlSyncSession *)object;

  g_free (self->url);
  g_free (self->database);
  g_free (self->user);
  g_free (self->password);
  g_free (self->basic);
  g_strfreev (self->roles);

  G_OBJECT_CLASS (sl_sync_session_parent_class)->finalize (object);
}

static void
sl_sync_session_class_init (SlSyncSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_sync_session_dispose;
  object_class->finalize = sl_sync_session_finalize;
}

static void
sl_sync_session_init (SlSyncSession *self)
{
  g_autoptr(SoupCookieJar) jar = soup_cookie_jar_new ();
  g_autofree char *agent = g_strdup_printf ("Sunlight/%s ", PACKAGE_VERSION);

  self->soup = soup_session_new_with_options ("timeout", IO_TIMEOUT_SECONDS,
                                              "user-agent", agent, NULL);
  soup_session_add_feature (self->soup, SOUP_SESSION_FEATURE (jar));
  self->roles = g_new0 (char *, 1);
}

/* Public API */

SlSyncSession *
sl_sync_session_new (const char *url,
                     const char *database,
                     const char *user,
                     const char *password)
{
  SlSyncSession *self;
  gsize length;

  g_return_val_if_fail (url != NULL && database != NULL && user != NULL, NULL);

  self = g_object_new (SL_TYPE_SYNC_SESSION, NULL);
  self->url = g_strdup (url);
  length = strlen (self->url);
  while (length > 0 && self->url[length - 1] == '/')
    self->url[--length] = '\0';
  self->database = g_strdup (database);
  self->user = g_strdup (user);
  self->password = g_strdup (password);
  return self;
}

const char *
sl_sync_session_get_url (SlSyncSession *self)
{
  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), NULL);
  return self->url;
}

const char *
sl_sync_session_get_database (SlSyncSession *self)
{
  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), NULL);
  return self->database;
}

guint
sl_sync_session_get_retry_after (SlSyncSession *self)
{
  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), 0);
  return self->retry_after;
}

const char *
sl_sync_session_get_user (SlSyncSession *self)
{
  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), NULL);
  return self->user;
}

void
sl_sync_session_set_password (SlSyncSession *self,
                              const char    *password)
{
  g_return_if_fail (SL_IS_SYNC_SESSION (self));

  if (g_strcmp0 (self->password, password) == 0)
    return;
  g_free (self->password);
  self->password = g_strdup (password);
  g_clear_pointer (&self->basic, g_free);
  self->logged_in = FALSE;
}

void
sl_sync_session_request_async (SlSyncSession       *self,
                               const char          *method,
                               const char          *path,
                               JsonNode            *body,
                               guint                timeout_seconds,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (SL_IS_SYNC_SESSION (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  sl_sync_session_start_request (self, method, path, body, timeout_seconds, TRUE, cancellable, callback, user_data);
}

JsonNode *
sl_sync_session_request_finish (SlSyncSession  *self,
                                GAsyncResult   *result,
                                guint          *status,
                                GError        **error)
{
  Request *request;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (status != NULL)
    *status = request->status;
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
sl_sync_session_db_path (SlSyncSession *self,
                         const char    *rest)
{
  g_autofree char *db = NULL;

  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), NULL);

  db = g_uri_escape_string (self->database, NULL, FALSE);
  return rest ? g_strconcat ("/", db, "/", rest, NULL) : g_strconcat ("/", db, NULL);
}

char *
sl_sync_session_doc_path (SlSyncSession *self,
                          const char    *doc_id,
                          const char    *query)
{
  g_autofree char *db = NULL;
  g_autofree char *id = NULL;
  const char *prefix = "";

  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), NULL);
  g_return_val_if_fail (doc_id != NULL, NULL);

  if (g_str_has_prefix (doc_id, "_local/"))
    {
      prefix = "_local/";
      doc_id += strlen (prefix);
    }
  db = g_uri_escape_string (self->database, NULL, FALSE);
  id = g_uri_escape_string (doc_id, NULL, FALSE);
  return g_strconcat ("/", db, "/", prefix, id, query ? "?" : "", query ? query : "", NULL);
}
