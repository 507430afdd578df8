/* sl-sync-push.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"


#include "sl-sync-error.h"
#include "sl-sync-push-private.h"

#define DEFAULT_BATCH_SIZE 200

G_DEFINE_FINAL_TYPE (SlSyncPush, sl_sync_push, G_TYPE_OBJECT)

enum {
  SIGNAL_BATCH_PUSHED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void next_batch      (GTask *task);
static void fetch_conflicts (GTask *task);

static void
run_free (SlPushRun *run)
{
  g_hash_table_unref (run->attempts);
  g_clear_pointer (&run->batch, g_ptr_array_unref);
  g_queue_clear_full (&run->conflicts, g_free);
  g_free (run);
}

/* Helpers */

/* Up to batch_size dirty documents not yet given up on in this run. */
static GPtrArray *
list_batch (SlSyncPush  *self,
            SlPushRun         *run,
            GError     **error)
{
  guint stuck = 0;
  GHashTableIter iter;
  gpointer count;
  g_autoptr(GPtrArray) dirty = NULL;
  GPtrArray *batch;

  g_hash_table_iter_init (&iter, run->attempts);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    stuck += GPOINTER_TO_UINT (count) >= MAX_ATTEMPTS;
  dirty = sl_outbox_list_dirty (self->outbox, self->batch_size + stuck, error);
  if (dirty == NULL)
    return NULL;

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  for (guint i = 0; i < dirty->len && batch->len < self->batch_size; i++)
    {
      const char *id = sl_sync_push_doc_id (dirty->pdata[i]);
      guint sent = GPOINTER_TO_UINT (g_hash_table_lookup (run->attempts, id));

      if (sent >= MAX_ATTEMPTS)
        continue;
      g_hash_table_insert (run->attempts, g_strdup (id), GUINT_TO_POINTER (sent + 1));
      g_ptr_array_add (batch, json_node_ref (dirty->pdata[i]));
    }
  return batch;
}

static JsonNode *
bulk_body (GPtrArray *batch)
{
  g_autoptr(JsonArray) docs = json_array_sized_new (batch->len);
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *body = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < batch->len; i++)
    json_array_add_element (docs, json_node_ref (batch->pdata[i]));
  json_object_set_array_member (object, "docs", g_steal_pointer (&docs));
  json_node_set_object (body, object);
  return body;
}

/* Callbacks */

static void
tombstone_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncPush *self = g_task_get_source_object (task);
  SlPushRun *run = g_task_get_task_data (task);
  g_autofree char *id = g_queue_pop_head (&run->conflicts);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) leaf = NULL;
  GError *error = NULL;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  leaf = sl_sync_push_newest_leaf (node);
  if (!sl_sync_push_merge_theirs (self, run, id, leaf, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  fetch_conflicts (g_steal_pointer (&task));
}

static void
conflict_fetched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncPush *self = g_task_get_source_object (task);
  SlPushRun *run = g_task_get_task_data (task);
  const char *id = g_queue_peek_head (&run->conflicts);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL && g_error_matches (error, SL_SYNC_ERROR, SL_SYNC_ERROR_NOT_FOUND))
    {
      /* Deleted on the server: its tombstone is a leaf. */
      g_autofree char *path = sl_sync_session_doc_path (self->session, id, "open_revs=all&revs=true");

      g_clear_error (&error);
      sl_sync_session_request_async (self->session, "GET", path, NULL, 0, g_task_get_cancellable (task),
                                     tombstone_fetched_cb, g_object_ref (task));
      return;
    }
  if (node == NULL || !sl_sync_push_merge_theirs (self, run, id, node, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_free (g_queue_pop_head (&run->conflicts));
  fetch_conflicts (g_steal_pointer (&task));
}

static void
fetch_conflicts (GTask *task)
{
  SlSyncPush *self = g_task_get_source_object (task);
  SlPushRun *run = g_task_get_task_data (task);
  const char *id = g_queue_peek_head (&run->conflicts);
  g_autofree char *path = NULL;

  if (id == NULL)
    {
      next_batch (task);
      return;
    }
  path = sl_sync_session_doc_path (self->session, id, "conflicts=true&revs=true");
  sl_sync_session_request_async (self->session, "GET", path, NULL, 0, g_task_get_cancellable (task),
                                 conflict_fetched_cb, task);
}

static void
relogged_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!sl_sync_session_login_finish (SL_SYNC_SESSION (source), result, &error))
    g_task_return_error (task, error);
  else
    fetch_conflicts (g_steal_pointer (&task));
}

static void
bulk_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncPush *self = g_task_get_source_object (task);
  SlPushRun *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL || !sl_sync_push_record_batch (self, run, node, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_BATCH_PUSHED], 0, run->batch->len);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (run->relog)
    {
      run->relog = FALSE;
      run->relogged = TRUE;
      sl_sync_session_login_async (self->session, g_task_get_cancellable (task), relogged_cb,
                                   g_object_ref (task));
      return;
    }
  fetch_conflicts (g_steal_pointer (&task));
}

static void
next_batch (GTask *task)
{
  SlSyncPush *self = g_task_get_source_object (task);
  SlPushRun *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_clear_pointer (&run->batch, g_ptr_array_unref);
  run->batch = list_batch (self, run, &error);
  if (run->batch == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (run->batch->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  body = bulk_body (run->batch);
  path = sl_sync_session_db_path (self->session, "_bulk_docs");
  sl_sync_session_request_async (self->session, "POST", path, body, 0, g_task_get_cancellable (task),
                                 bulk_cb, task);
}

/* GObject */

static void
sl_sync_push_dispose (GObject *object)
{
  SlSyncPush *self = (SlSyncPush *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->outbox);
  g_clear_object (&self->issues);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sl_sync_push_parent_class)->dispose (object);
}

static void
sl_sync_push_class_init (SlSyncPushClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_sync_push_dispose;

  signals[SIGNAL_BATCH_PUSHED] =
    g_signal_new ("batch-pushed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sl_sync_push_init (SlSyncPush *self)
{
  self->batch_size = DEFAULT_BATCH_SIZE;
}

/* Public API */

SlSyncPush *
sl_sync_push_new (SlSyncSession    *session,
                  SlOutbox         *outbox,
                  SlSyncIssueStore *issues,
                  SlDatabase       *db)
{
  SlSyncPush *self;

  g_return_val_if_fail (SL_IS_SYNC_SESSION (session), NULL);
  g_return_val_if_fail (SL_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (SL_IS_SYNC_ISSUE_STORE (issues), NULL);
  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  self = g_object_new (SL_TYPE_SYNC_PUSH, NULL);
  self->session = g_object_ref (session);
  self->outbox = g_object_ref (outbox);
  self->issues = g_object_ref (issues);
  self->db = g_object_ref (db);
  return self;
}

void
sl_sync_push_set_batch_size (SlSyncPush *self,
                             guint       batch_size)
{
  g_return_if_fail (SL_IS_SYNC_PUSH (self));
  g_return_if_fail (batch_size > 0);

  self->batch_size = batch_size;
}

void
sl_sync_push_run_async (SlSyncPush          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  SlPushRun *run;

  g_return_if_fail (SL_IS_SYNC_PUSH (self));

  run = g_new0 (SlPushRun, 1);
  run->attempts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_queue_init (&run->conflicts);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_push_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);
  next_batch (task);
}

gboolean
sl_sync_push_run_finish (SlSyncPush    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
sl_sync_push_get_n_pushed (SlSyncPush *self)
{
  g_return_val_if_fail (SL_IS_SYNC_PUSH (self), 0);
  return self->n_pushed;
}

guint
sl_sync_push_get_n_refused (SlSyncPush *self)
{
  g_return_val_if_fail (SL_IS_SYNC_PUSH (self), 0);
  return self->n_refused;
}

guint
sl_sync_push_get_n_clashes (SlSyncPush *self)
{
  g_return_val_if_fail (SL_IS_SYNC_PUSH (self), 0);
  return self->n_clashes;
}

guint
sl_sync_push_get_n_merged (SlSyncPush *self)
{
  g_return_val_if_fail (SL_IS_SYNC_PUSH (self), 0);
  return self->n_merged;
}
