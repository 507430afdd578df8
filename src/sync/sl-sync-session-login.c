/* sl-sync-session-login.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Logging in: POST /_session for a cookie, or Basic authentication
 * where the server has no sessions; the roles it gives.
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-json-guard.h"
#include "sl-sync-error.h"
#include "sl-sync-session-private.h"

static char *
make_basic (const char *user,
            const char *password)
{
  g_autofree char *pair = g_strdup_printf ("%s:%s", user, password ? password : "");
  g_autofree char *encoded = g_base64_encode ((const guchar *)pair, strlen (pair));

  return g_strdup_printf ("Basic %s", encoded);
}

static void
take_roles (SlSyncSession *self,
            JsonObject    *user_ctx)
{
  JsonArray *roles = sl_json_get_array (user_ctx, "roles");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      JsonNode *role = json_array_get_element (roles, i);

      if (sl_json_node_holds (role, G_TYPE_STRING))
        g_strv_builder_add (builder, json_node_get_string (role));
    }
  g_strfreev (self->roles);
  self->roles = g_strv_builder_end (builder);
}

/* Login */

static void
session_info_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *object;

  node = sl_sync_session_request_finish (self, result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  take_roles (self, sl_json_get_object (object, "userCtx"));
  self->logged_in = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
ask_session (GTask *task)
{
  SlSyncSession *self = g_task_get_source_object (task);

  sl_sync_session_request_async (self, "GET", "/_session", NULL, 0, g_task_get_cancellable (task),
                                 session_info_cb, task);
}

static void
posted_session_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  node = sl_sync_session_request_finish (self, result, &status, &error);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      take_roles (self, json_node_get_object (node));
      self->logged_in = TRUE;
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* A server without cookie sessions: Basic authentication on every
   * request, and GET /_session tells the roles. */
  if (status == 400 || status == 404 || status == 405 || status == 415 || status == 501)
    {
      self->basic = make_basic (self->user, self->password);
      ask_session (g_steal_pointer (&task));
      return;
    }
  if (error == NULL)
    g_set_error_literal (&error, SL_SYNC_ERROR, SL_SYNC_ERROR_BAD_RESPONSE,
                         _("The server’s answer to the login is not an object"));
  g_task_return_error (task, g_steal_pointer (&error));
}


static void
post_session (SlSyncSession *self,
              GTask         *task)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->user);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, self->password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* The login itself is never retried after a 401. */
  sl_sync_session_start_request (self, "POST", "/_session", body, 0, FALSE, g_task_get_cancellable (task),
                 posted_session_cb, task);
}

/* Public API */

void
sl_sync_session_login_async (SlSyncSession       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SL_IS_SYNC_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_session_login_async);
  if (self->password == NULL || self->basic != NULL)
    ask_session (task);
  else
    post_session (self, task);
}

gboolean
sl_sync_session_login_finish (SlSyncSession  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
sl_sync_session_is_logged_in (SlSyncSession *self)
{
  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), FALSE);
  return self->logged_in;
}

const char * const *
sl_sync_session_get_roles (SlSyncSession *self)
{
  g_return_val_if_fail (SL_IS_SYNC_SESSION (self), NULL);
  return (const char * const *)self->roles;
}
