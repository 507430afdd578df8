/* sl-server-request.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-text.h"
#include "sl-server-log.h"
#include "sl-server-request.h"

struct _SlServerRequest
{
  GObject            parent_instance;

  SoupServer        *server;
  SoupServerMessage *msg;
  GHashTable        *query;
  GPtrArray         *segments;
  char              *user;
  char              *claimed;
  SlServerRole       role;
  const char        *auth_method;
  gboolean           answered;
  gboolean           paused;
};

G_DEFINE_FINAL_TYPE (SlServerRequest, sl_server_request, G_TYPE_OBJECT)

static void
sl_server_request_dispose (GObject *object)
{
  SlServerRequest *self = (SlServerRequest *)object;

  g_clear_object (&self->msg);
  g_clear_object (&self->server);
  g_clear_pointer (&self->query, g_hash_table_unref);
  G_OBJECT_CLASS (sl_server_request_parent_class)->dispose (object);
}

static void
sl_server_request_finalize (GObject *object)
{
  SlServerRequest *self = (SlServerRequest *)object;

  g_ptr_array_unref (self->segments);
  g_free (self->user);
  g_free (self->claimed);
  G_OBJECT_CLASS (sl_server_request_parent_class)->finalize (object);
}

static void
sl_server_request_class_init (SlServerRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_server_request_dispose;
  object_class->finalize = sl_server_request_finalize;
}

static void
sl_server_request_init (SlServerRequest *self)
{
  self->segments = g_ptr_array_new_with_free_func (g_free);
}

/* Splits "/a/b%2Fc/" into "a", "b/c": one trailing slash is allowed;
 * empty, "." and ".." segments and bad escapes are not. */
static const char *
split_path (SlServerRequest *self,
            const char      *path)
{
  g_autofree char *rest = NULL;
  g_auto(GStrv) parts = NULL;
  gsize length;

  if (path == NULL || path[0] != '/')
    return "The path must start with /";

  rest = g_strdup (path + 1);
  length = strlen (rest);
  if (length == 0)
    return NULL;
  if (rest[length - 1] == '/')
    rest[length - 1] = '\0';

  parts = g_strsplit (rest, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *segment;

      if (parts[i][0] == '\0')
        return "The path has an empty segment";
      segment = g_uri_unescape_string (parts[i], NULL);
      if (segment == NULL)
        return "The path has a bad percent escape";
      g_ptr_array_add (self->segments, segment);
      if (strcmp (segment, ".") == 0 || strcmp (segment, "..") == 0 ||
          strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
        return "The path must not hold . or .. segments";
    }

  return NULL;
}

SlServerRequest *
sl_server_request_new (SoupServer        *server,
                       SoupServerMessage *msg,
                       GHashTable        *query)
{
  SlServerRequest *self = g_object_new (SL_TYPE_SERVER_REQUEST, NULL);
  const char *problem;

  self->server = g_object_ref (server);
  self->msg = g_object_ref (msg);
  self->query = query != NULL ? g_hash_table_ref (query) : NULL;

  problem = split_path (self, g_uri_get_path (soup_server_message_get_uri (msg)));
  if (problem != NULL)
    sl_server_request_fail (self, SL_SERVER_ERROR_BAD_REQUEST, problem);

  return self;
}

SoupServerMessage *
sl_server_request_get_message (SlServerRequest *self)
{
  return self->msg;
}

const char *
sl_server_request_get_method (SlServerRequest *self)
{
  return soup_server_message_get_method (self->msg);
}

gboolean
sl_server_request_is_method (SlServerRequest *self,
                             const char      *method)
{
  return g_strcmp0 (sl_server_request_get_method (self), method) == 0;
}

guint
sl_server_request_get_n_segments (SlServerRequest *self)
{
  return self->segments->len;
}

const char *
sl_server_request_get_segment (SlServerRequest *self,
                               guint            index)
{
  if (index >= self->segments->len)
    return NULL;

  return g_ptr_array_index (self->segments, index);
}

const char *
sl_server_request_get_user (SlServerRequest *self)
{
  return self->user;
}

SlServerRole
sl_server_request_get_role (SlServerRequest *self)
{
  return self->role;
}

gboolean
sl_server_request_is_admin (SlServerRequest *self)
{
  return self->role == SL_SERVER_ROLE_ADMIN;
}

void
sl_server_request_set_user (SlServerRequest *self,
                            const char      *name,
                            SlServerRole     role,
                            const char      *how)
{
  g_free (self->user);
  self->user = g_strdup (name);
  self->role = role;
  self->auth_method = how;
}

const char *
sl_server_request_get_claimed_user (SlServerRequest *self)
{
  return self->claimed;
}

void
sl_server_request_set_claimed_user (SlServerRequest *self,
                                    const char      *name)
{
  g_free (self->claimed);
  self->claimed = g_strdup (name);
}

const char *
sl_server_request_get_auth_method (SlServerRequest *self)
{
  return self->auth_method;
}

const char *
sl_server_request_get_param (SlServerRequest *self,
                             const char      *name)
{
  if (self->query == NULL)
    return NULL;

  return g_hash_table_lookup (self->query, name);
}

static gboolean
bad_param (GError     **error,
           const char  *name,
           const char  *what)
{
  g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
               "Query parameter %s must be %s", name, what);
  return FALSE;
}

gboolean
sl_server_request_get_bool (SlServerRequest  *self,
                            const char       *name,
                            gboolean          fallback,
                            gboolean         *out,
                            GError          **error)
{
  const char *value = sl_server_request_get_param (self, name);

  *out = fallback;
  if (value == NULL)
    return TRUE;
  if (strcmp (value, "true") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") == 0)
    *out = FALSE;
  else
    return bad_param (error, name, "true or false");

  return TRUE;
}

gboolean
sl_server_request_get_int (SlServerRequest  *self,
                           const char       *name,
                           gint64            fallback,
                           gint64           *out,
                           GError          **error)
{
  const char *value = sl_server_request_get_param (self, name);

  *out = fallback;
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT64, out, NULL))
    return bad_param (error, name, "a non-negative integer");

  return TRUE;
}

JsonNode *
sl_server_request_get_json_param (SlServerRequest  *self,
                                  const char       *name,
                                  GError          **error)
{
  const char *value = sl_server_request_get_param (self, name);
  JsonNode *node;

  if (value == NULL)
    return NULL;

  node = sl_json_text_parse (value, strlen (value), NULL);
  if (node == NULL)
    bad_param (error, name, "JSON");
  return node;
}

GBytes *
sl_server_request_get_body (SlServerRequest *self)
{
  return soup_message_body_flatten (soup_server_message_get_request_body (self->msg));
}

const char *
sl_server_request_get_content_type (SlServerRequest *self)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (self->msg);

  return soup_message_headers_get_content_type (headers, NULL);
}

GBytes *
sl_server_request_read_json (SlServerRequest  *self,
                             GError          **error)
{
  if (g_strcmp0 (sl_server_request_get_content_type (self), "application/json") != 0)
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_CONTENT_TYPE,
                           "Content-Type must be application/json");
      return NULL;
    }

  return sl_server_request_get_body (self);
}

JsonObject *
sl_server_request_read_object (SlServerRequest  *self,
                               GError          **error)
{
  g_autoptr(GBytes) body = sl_server_request_read_json (self, error);
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  const char *data;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &length);
  root = sl_json_text_parse (data, length, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "Request body must be a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

void
sl_server_request_add_header (SlServerRequest *self,
                              const char      *name,
                              const char      *value)
{
  soup_message_headers_append (soup_server_message_get_response_headers (self->msg),
                               name, value);
}

/* Whether the client asked to close the connection after this answer. */
static gboolean
closes_connection (SlServerRequest *self)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (self->msg);

  if (soup_server_message_get_http_version (self->msg) == SOUP_HTTP_1_0)
    return !soup_message_headers_header_contains (headers, "Connection", "keep-alive");

  return soup_message_headers_header_contains (headers, "Connection", "close");
}

void
sl_server_request_respond (SlServerRequest *self,
                           guint            status,
                           GString         *body)
{
  gsize length;
  char *data;

  g_return_if_fail (!self->answered);

  g_string_append_c (body, '\n');
  length = body->len;
  data = g_string_free (body, FALSE);

  self->answered = TRUE;
  soup_message_headers_replace (soup_server_message_get_response_headers (self->msg),
                                "Cache-Control", "must-revalidate");
  /* libsoup closes such a connection without saying so; say it, or
   * pooling clients (Node's fetch) send the next request into it. */
  if (closes_connection (self))
    soup_message_headers_replace (soup_server_message_get_response_headers (self->msg),
                                  "Connection", "close");
  soup_server_message_set_status (self->msg, status, NULL);
  /* set_response() appends: drop the default error body first. */
  soup_message_body_truncate (soup_server_message_get_response_body (self->msg));
  soup_server_message_set_response (self->msg, "application/json",
                                    SOUP_MEMORY_TAKE, data, length);
  sl_server_request_resume (self);
}

void
sl_server_request_respond_text (SlServerRequest *self,
                                guint            status,
                                const char      *json)
{
  sl_server_request_respond (self, status, g_string_new (json));
}

void
sl_server_request_respond_error (SlServerRequest *self,
                                 const GError    *error)
{
  GString *body = g_string_new ("{\"error\":\"");

  sl_server_request_log_refusal (self, error, NULL);
  g_string_append (body, sl_server_error_get_kind (error));
  g_string_append (body, "\",\"reason\":");
  sl_json_text_append_string (body, g_utf8_validate (error->message, -1, NULL)
                                    ? error->message : "(not UTF-8)");
  g_string_append_c (body, '}');
  sl_server_request_respond (self, sl_server_error_get_status (error), body);
}

void
sl_server_request_fail (SlServerRequest *self,
                        SlServerError    code,
                        const char      *reason)
{
  g_autoptr(GError) error = g_error_new_literal (SL_SERVER_ERROR, code, reason);

  sl_server_request_respond_error (self, error);
}

void
sl_server_request_log_refusal (SlServerRequest *self,
                               const GError    *error,
                               const char      *doc)
{
  guint status = sl_server_error_get_status (error);
  SlServerRefusal refusal = { 0 };

  if (status != 401 && status != 403 && status != 413 && status != 429)
    return;

  refusal.status = status;
  refusal.error = sl_server_error_get_kind (error);
  refusal.user = self->user;
  refusal.claimed = self->claimed;
  refusal.doc = doc;
  refusal.why = error->message;
  sl_server_log_refusal (self->msg, &refusal);
}

gboolean
sl_server_request_is_answered (SlServerRequest *self)
{
  return self->answered;
}

void
sl_server_request_pause (SlServerRequest *self)
{
  if (self->paused || self->answered)
    return;

  self->paused = TRUE;
  soup_server_pause_message (self->server, self->msg);
}

void
sl_server_request_resume (SlServerRequest *self)
{
  if (!self->paused)
    return;

  self->paused = FALSE;
  soup_server_unpause_message (self->server, self->msg);
}
