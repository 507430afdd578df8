/* sl-sync-checkpoint.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-json-guard.h"
#include "sl-sync-checkpoint.h"
#include "sl-sync-error.h"

struct _SlSyncCheckpoint
{
  GObject        parent_instance;

  SlSyncSession *session;
  SlSyncAccount *account;
  char          *local_id;    /* "_local/sunlight-<client id>" */
  char          *local_rev;   /* of the server's copy, NULL when it has none */
  char          *saved_seq;   /* what the server's copy is known to say */
  gboolean       loaded;
};

G_DEFINE_FINAL_TYPE (SlSyncCheckpoint, sl_sync_checkpoint, G_TYPE_OBJECT)

/* Helpers */

static char *
node_text (JsonNode *node)
{
  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_to_string (node, FALSE) : NULL;
}

static gboolean
is_not_found (const GError *error)
{
  return g_error_matches (error, SL_SYNC_ERROR, SL_SYNC_ERROR_NOT_FOUND);
}

/* Load: GET /, GET /db, GET /db/_local/… */

static void
local_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncCheckpoint *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *remote = NULL;
  JsonObject *object;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL && !is_not_found (error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->local_rev, g_free);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      object = json_node_get_object (node);
      self->local_rev = g_strdup (sl_json_get_string (object, "_rev", NULL));
      remote = node_text (json_object_get_member (object, "last_seq"));
    }
  /* The copy lags by a page when the connection broke before it was
   * saved: then it says what this session last saved there, and the
   * pull resumes from it. Missing, or another sequence: start over. */
  if (g_strcmp0 (remote, sl_sync_account_get_last_seq (self->account)) != 0)
    {
      gboolean lagging = remote != NULL && g_strcmp0 (remote, self->saved_seq) == 0;

      if (!sl_sync_account_set_last_seq (self->account, lagging ? remote : NULL, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_free (self->saved_seq);
  self->saved_seq = g_steal_pointer (&remote);
  self->loaded = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
db_info_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncCheckpoint *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL)
    {
      if (is_not_found (error))
        {
          g_clear_error (&error);
          g_set_error (&error, SL_SYNC_ERROR, SL_SYNC_ERROR_NOT_FOUND,
                       /* Translators: %s is the name of a database on the server */
                       _("The server has no database “%s”"),
                       sl_sync_session_get_database (self->session));
        }
      g_task_return_error (task, error);
      return;
    }
  path = sl_sync_session_doc_path (self->session, self->local_id, NULL);
  sl_sync_session_request_async (self->session, "GET", path, NULL, 0, g_task_get_cancellable (task),
                                 local_read_cb, g_object_ref (task));
}

static void
welcome_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncCheckpoint *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  const char *uuid = NULL;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    uuid = sl_json_get_string (json_node_get_object (node), "uuid", NULL);
  /* A server without a uuid is known by its address. */
  if (!sl_sync_account_set_server_uuid (self->account, uuid ? uuid : sl_sync_session_get_url (self->session),
                                        &error))
    {
      g_task_return_error (task, error);
      return;
    }
  path = sl_sync_session_db_path (self->session, NULL);
  sl_sync_session_request_async (self->session, "GET", path, NULL, 0, g_task_get_cancellable (task),
                                 db_info_cb, g_object_ref (task));
}

/* Save: PUT /db/_local/…, once more after a 409 */

typedef struct
{
  char     *seq;       /* what is being saved */
  gboolean  retried;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_free (save->seq);
  g_free (save);
}

static void save_put (GTask *task);

static void
save_reread_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncCheckpoint *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL && !is_not_found (error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->local_rev, g_free);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    self->local_rev = g_strdup (sl_json_get_string (json_node_get_object (node), "_rev", NULL));
  ((SaveData *)g_task_get_task_data (task))->retried = TRUE;
  save_put (g_steal_pointer (&task));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncCheckpoint *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *save = g_task_get_task_data (task);
  guint status = 0;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, &status, &error);
  if (node == NULL && status == 409 && !save->retried)
    {
      g_autofree char *path = sl_sync_session_doc_path (self->session, self->local_id, NULL);

      sl_sync_session_request_async (self->session, "GET", path, NULL, 0, g_task_get_cancellable (task),
                                     save_reread_cb, g_object_ref (task));
      return;
    }
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_free (self->saved_seq);
  self->saved_seq = g_strdup (save->seq);
  g_free (self->local_rev);
  self->local_rev = JSON_NODE_HOLDS_OBJECT (node)
    ? g_strdup (sl_json_get_string (json_node_get_object (node), "rev", NULL))
    : NULL;
  g_task_return_boolean (task, TRUE);
}

static void
save_put (GTask *task)
{
  SlSyncCheckpoint *self = g_task_get_source_object (task);
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(JsonNode) seq = save->seq ? json_from_string (save->seq, NULL) : NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *path = sl_sync_session_doc_path (self->session, self->local_id, NULL);
  g_autoptr(GDateTime) time = g_date_time_new_now_utc ();
  g_autofree char *now = g_date_time_format_iso8601 (time);

  if (self->local_rev != NULL)
    json_object_set_string_member (object, "_rev", self->local_rev);
  json_object_set_member (object, "last_seq", seq ? g_steal_pointer (&seq) : json_node_new (JSON_NODE_NULL));
  json_object_set_string_member (object, "client", "Sunlight " PACKAGE_VERSION);
  json_object_set_string_member (object, "saved_at", now);
  json_node_set_object (body, object);
  sl_sync_session_request_async (self->session, "PUT", path, body, 0, g_task_get_cancellable (task),
                                 saved_cb, task);
}

/* GObject */

static void
sl_sync_checkpoint_dispose (GObject *object)
{
  SlSyncCheckpoint *self = (SlSyncCheckpoint *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (sl_sync_checkpoint_parent_class)->dispose (object);
}

static void
sl_sync_checkpoint_finalize (GObject *object)
{
  SlSyncCheckpoint *self = (SlSyncCheckpoint *)object;

  g_free (self->local_id);
  g_free (self->local_rev);
  g_free (self->saved_seq);

  G_OBJECT_CLASS (sl_sync_checkpoint_parent_class)->finalize (object);
}

static void
sl_sync_checkpoint_class_init (SlSyncCheckpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_sync_checkpoint_dispose;
  object_class->finalize = sl_sync_checkpoint_finalize;
}

static void
sl_sync_checkpoint_init (SlSyncCheckpoint *self)
{
}

/* Public API */

SlSyncCheckpoint *
sl_sync_checkpoint_new (SlSyncSession *session,
                        SlSyncAccount *account)
{
  SlSyncCheckpoint *self;

  g_return_val_if_fail (SL_IS_SYNC_SESSION (session), NULL);
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (account), NULL);

  self = g_object_new (SL_TYPE_SYNC_CHECKPOINT, NULL);
  self->session = g_object_ref (session);
  self->account = g_object_ref (account);
  self->local_id = g_strconcat ("_local/sunlight-", sl_sync_account_get_client_id (account), NULL);
  return self;
}

void
sl_sync_checkpoint_load_async (SlSyncCheckpoint    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SL_IS_SYNC_CHECKPOINT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_checkpoint_load_async);
  self->loaded = FALSE;
  sl_sync_session_request_async (self->session, "GET", "/", NULL, 0, cancellable, welcome_cb, task);
}

gboolean
sl_sync_checkpoint_load_finish (SlSyncCheckpoint  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sl_sync_checkpoint_save_async (SlSyncCheckpoint    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  SaveData *save;

  g_return_if_fail (SL_IS_SYNC_CHECKPOINT (self));

  save = g_new0 (SaveData, 1);
  save->seq = g_strdup (sl_sync_account_get_last_seq (self->account));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_checkpoint_save_async);
  g_task_set_task_data (task, save, (GDestroyNotify)save_data_free);
  save_put (task);
}

gboolean
sl_sync_checkpoint_save_finish (SlSyncCheckpoint  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
sl_sync_checkpoint_is_loaded (SlSyncCheckpoint *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CHECKPOINT (self), FALSE);
  return self->loaded;
}

char *
sl_sync_checkpoint_since_param (const char *last_seq)
{
  g_autoptr(JsonNode) node = last_seq ? json_from_string (last_seq, NULL) : NULL;
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("0");
  if (sl_json_node_holds (node, G_TYPE_STRING))
    text = g_strdup (json_node_get_string (node));
  else
    text = json_to_string (node, FALSE);
  return g_uri_escape_string (text, NULL, FALSE);
}
