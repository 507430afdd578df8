/* sl-server-routes-root.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is not in a database: GET /, /_up, /_uuids, /_all_dbs and
 * /_session (cookie logins).
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-guard.h"
#include "sl-json-text.h"
#include "sl-server-private.h"

static void
respond_welcome (SlServer        *self,
                 SlServerRequest *request)
{
  GString *body = g_string_new ("{\"couchdb\":\"Welcome\",\"uuid\":");

  sl_json_text_append_string (body, sl_server_store_get_uuid (self->store));
  g_string_append (body, ",\"version\":\"" PACKAGE_VERSION "\","
                   "\"vendor\":{\"name\":\"sunlight-server\",\"version\":\"" PACKAGE_VERSION "\"},"
                   "\"features\":[]}");
  sl_server_request_respond (request, 200, body);
}

static void
respond_uuids (SlServerRequest *request)
{
  g_autoptr(GError) error = NULL;
  GString *body;
  gint64 count;

  if (!sl_server_request_get_int (request, "count", 1, &count, &error))
    {
      sl_server_respond_if_error (request, error);
      return;
    }
  if (count > 1000)
    {
      sl_server_request_fail (request, SL_SERVER_ERROR_BAD_REQUEST, "count is at most 1000");
      return;
    }

  body = g_string_new ("{\"uuids\":[");
  for (gint64 i = 0; i < count; i++)
    {
      g_autofree char *uuid = sl_server_doc_new_uuid ();

      g_string_append_printf (body, "%s\"%s\"", i > 0 ? "," : "", uuid);
    }
  g_string_append (body, "]}");
  sl_server_request_respond (request, 200, body);
}

static void
respond_all_dbs (SlServer        *self,
                 SlServerRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GString *body;

  if (!sl_server_request_is_admin (request))
    {
      sl_server_request_fail (request,
                              sl_server_request_get_user (request) == NULL
                              ? SL_SERVER_ERROR_UNAUTHORIZED : SL_SERVER_ERROR_FORBIDDEN,
                              "You are not a server admin.");
      return;
    }

  names = sl_server_store_list_dbs (self->store, &error);
  if (sl_server_respond_if_error (request, error))
    return;

  body = g_string_new ("[");
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (body, ',');
      sl_json_text_append_string (body, names[i]);
    }
  g_string_append_c (body, ']');
  sl_server_request_respond (request, 200, body);
}

void
sl_server_route_root (SlServer        *self,
                      SlServerRequest *request)
{
  const char *first = sl_server_request_get_segment (request, 0);

  if (sl_server_request_get_n_segments (request) > 1)
    {
      sl_server_request_fail (request, SL_SERVER_ERROR_NOT_FOUND, "missing");
      return;
    }
  if (!sl_server_check_method (request, "GET", NULL))
    return;

  if (first == NULL)
    respond_welcome (self, request);
  else if (strcmp (first, "_up") == 0)
    sl_server_request_respond_text (request, 200, "{\"status\":\"ok\"}");
  else if (strcmp (first, "_uuids") == 0)
    respond_uuids (request);
  else if (strcmp (first, "_all_dbs") == 0)
    respond_all_dbs (self, request);
  else if (strcmp (first, "_users") == 0)
    sl_server_request_fail (request, SL_SERVER_ERROR_FORBIDDEN,
                            "sunlight-server's users are managed on its command line: "
                            "sunlight-server user add|list|remove|set-role");
  else
    sl_server_request_fail (request, SL_SERVER_ERROR_NOT_FOUND, "missing");
}

/* {"ok":true,"userCtx":{…},"info":{…}} */
static void
respond_session_info (SlServerRequest *request)
{
  const char *name = sl_server_request_get_user (request);
  const char *method = sl_server_request_get_auth_method (request);
  GString *body = g_string_new ("{\"ok\":true,\"userCtx\":{\"name\":");

  if (name != NULL)
    {
      sl_json_text_append_string (body, name);
      g_string_append_printf (body, ",\"roles\":[\"%s\"]}",
                              sl_server_role_to_couchdb (sl_server_request_get_role (request)));
    }
  else
    g_string_append (body, "null,\"roles\":[]}");

  g_string_append (body, ",\"info\":{\"authentication_handlers\":[\"cookie\",\"default\"]");
  if (method != NULL)
    g_string_append_printf (body, ",\"authenticated\":\"%s\"", method);
  g_string_append (body, "}}");
  sl_server_request_respond (request, 200, body);
}

static void
logged_in_cb (SlServerRequest    *request,
              SlServerAuthResult  result,
              gpointer            user_data)
{
  SlServer *self = user_data;
  g_autofree char *cookie = NULL;
  GString *body;

  if (result != SL_SERVER_AUTH_OK)
    {
      sl_server_request_fail (request, SL_SERVER_ERROR_UNAUTHORIZED,
                              "Name or password is incorrect.");
      return;
    }

  cookie = sl_server_auth_make_cookie (self->auth, request);
  sl_server_request_add_header (request, "Set-Cookie", cookie);
  body = g_string_new ("{\"ok\":true,\"name\":");
  sl_json_text_append_string (body, sl_server_request_get_user (request));
  g_string_append_printf (body, ",\"roles\":[\"%s\"]}",
                          sl_server_role_to_couchdb (sl_server_request_get_role (request)));
  sl_server_request_respond (request, 200, body);
}

/* {"name","password"} as JSON or as a form. */
static gboolean
read_login (SlServerRequest  *request,
            char            **name,
            char            **password,
            GError          **error)
{
  g_autoptr(JsonObject) object = NULL;
  const char *type = sl_server_request_get_content_type (request);

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") == 0)
    {
      g_autoptr(GBytes) body = sl_server_request_get_body (request);
      g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      GHashTable *form = soup_form_decode (text);

      *name = g_strdup (g_hash_table_lookup (form, "name"));
      *password = g_strdup (g_hash_table_lookup (form, "password"));
      g_hash_table_unref (form);
    }
  else
    {
      object = sl_server_request_read_object (request, error);
      if (object == NULL)
        return FALSE;
      *name = g_strdup (sl_json_get_string (object, "name", NULL));
      *password = g_strdup (sl_json_get_string (object, "password", NULL));
    }

  if (*name == NULL || *password == NULL || !g_utf8_validate (*name, -1, NULL))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "A login needs a name and a password");
      return FALSE;
    }

  return TRUE;
}

void
sl_server_route_session (SlServer        *self,
                         SlServerRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *password = NULL;

  if (!sl_server_check_method (request, "GET", "POST", "DELETE", NULL))
    return;

  if (sl_server_request_is_method (request, "POST"))
    {
      if (!read_login (request, &name, &password, &error))
        sl_server_respond_if_error (request, error);
      else
        sl_server_auth_check_password (self->auth, request, name, password,
                                       logged_in_cb, self);
      return;
    }

  if (sl_server_request_is_method (request, "DELETE"))
    {
      g_autofree char *cookie = NULL;

      sl_server_request_set_user (request, NULL, SL_SERVER_ROLE_NONE, NULL);
      cookie = sl_server_auth_make_cookie (self->auth, request);
      sl_server_request_add_header (request, "Set-Cookie", cookie);
      sl_server_request_respond_text (request, 200, "{\"ok\":true}");
      return;
    }

  respond_session_info (request);
}
