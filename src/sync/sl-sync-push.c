/* sl-sync-push.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-sync-error.h"
#include "sl-sync-push.h"

#define DEFAULT_BATCH_SIZE 200
/* Sends of one document in one run before it is left for the next. */
#define MAX_ATTEMPTS 3

struct _SlSyncPush
{
  GObject           parent_instance;

  SlSyncSession    *session;
  SlOutbox         *outbox;
  SlSyncIssueStore *issues;
  SlDatabase       *db;
  guint             batch_size;
  guint             n_pushed;
  guint             n_refused;
  guint             n_clashes;
  guint             n_merged;
};

G_DEFINE_FINAL_TYPE (SlSyncPush, sl_sync_push, G_TYPE_OBJECT)

enum {
  SIGNAL_BATCH_PUSHED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef struct
{
  GHashTable *attempts;    /* doc id → sends in this run */
  GPtrArray  *batch;       /* JsonNode: the documents sent */
  GQueue      conflicts;   /* doc ids whose server version to fetch */
  gboolean    relogged;    /* after a per-document "unauthorized" */
  gboolean    relog;       /* one is due */
} Run;

static void next_batch      (GTask *task);
static void fetch_conflicts (GTask *task);

static void
run_free (Run *run)
{
  g_hash_table_unref (run->attempts);
  g_clear_pointer (&run->batch, g_ptr_array_unref);
  g_queue_clear_full (&run->conflicts, g_free);
  g_free (run);
}

/* Helpers */

static const char *
doc_id_of (JsonNode *doc)
{
  return json_object_get_string_member (json_node_get_object (doc), "_id");
}

/* Up to batch_size dirty documents not yet given up on in this run. */
static GPtrArray *
list_batch (SlSyncPush  *self,
            Run         *run,
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
      const char *id = doc_id_of (dirty->pdata[i]);
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

/* The answers by document id (the order is not the request's on every server). */
static GHashTable *
index_results (JsonNode *node)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *results = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *row = json_array_get_element (results, i);
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        continue;
      id = json_object_get_string_member_with_default (json_node_get_object (row), "id", NULL);
      if (id != NULL)
        g_hash_table_insert (index, (gpointer)id, json_node_get_object (row));
    }
  return index;
}

/* Records one document's answer; FALSE only when the workspace could not be written. */
static gboolean
record_answer (SlSyncPush  *self,
               Run         *run,
               JsonNode    *doc,
               JsonObject  *answer,
               GError     **error)
{
  const char *id = doc_id_of (doc);
  const char *kind = answer ? json_object_get_string_member_with_default (answer, "error", NULL) : NULL;
  const char *rev = answer ? json_object_get_string_member_with_default (answer, "rev", NULL) : NULL;

  if (answer != NULL && kind == NULL && rev != NULL)
    {
      self->n_pushed++;
      return sl_outbox_mark_pushed (self->outbox, doc, rev, error);
    }
  if (g_strcmp0 (kind, "conflict") == 0)
    g_queue_push_tail (&run->conflicts, g_strdup (id));
  else if (g_strcmp0 (kind, "forbidden") == 0)
    {
      const char *reason = json_object_get_string_member_with_default (answer, "reason", kind);

      self->n_refused++;
      return sl_sync_issue_store_record_refusal (self->issues, id, reason, error);
    }
  else if (g_strcmp0 (kind, "unauthorized") == 0 && !run->relogged)
    {
      run->relog = TRUE;
      g_hash_table_insert (run->attempts, g_strdup (id), GUINT_TO_POINTER (0));
    }
  else
    g_message ("The server did not store %s: %s", id, kind ? kind : "no answer for it");
  return TRUE;
}

static gboolean
record_batch (SlSyncPush  *self,
              Run         *run,
              JsonNode    *answers,
              GError     **error)
{
  g_autoptr(GHashTable) index = index_results (answers);

  if (!sl_database_begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < run->batch->len; i++)
    {
      JsonNode *doc = run->batch->pdata[i];

      if (!record_answer (self, run, doc, g_hash_table_lookup (index, doc_id_of (doc)), error))
        {
          sl_database_rollback (self->db);
          return FALSE;
        }
    }
  return sl_database_commit (self->db, error);
}

/* The newest leaf of GET ?open_revs=all: a deleted document's tombstone. */
static JsonNode *
newest_leaf (JsonNode *node)
{
  JsonArray *leaves = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  JsonNode *best = NULL;
  gint64 best_generation = -1;

  for (guint i = 0; leaves != NULL && i < json_array_get_length (leaves); i++)
    {
      JsonNode *leaf = json_array_get_element (leaves, i);
      JsonObject *ok;
      const char *rev;
      gint64 generation;

      if (!JSON_NODE_HOLDS_OBJECT (leaf) || !json_object_has_member (json_node_get_object (leaf), "ok"))
        continue;
      ok = json_object_get_object_member (json_node_get_object (leaf), "ok");
      rev = ok ? json_object_get_string_member_with_default (ok, "_rev", NULL) : NULL;
      generation = rev ? g_ascii_strtoll (rev, NULL, 10) : -1;
      if (generation > best_generation)
        {
          best_generation = generation;
          best = json_object_get_member (json_node_get_object (leaf), "ok");
        }
    }
  return best ? json_node_ref (best) : NULL;
}

/* Merges the server's version of a conflicting document into the workspace. */
static gboolean
merge_theirs (SlSyncPush  *self,
              Run         *run,
              const char  *id,
              JsonNode    *theirs,
              GError     **error)
{
  g_autoptr(SlDocument) doc = NULL;
  g_autoptr(GError) local_error = NULL;
  SlOutboxPull result;

  doc = theirs ? sl_document_new_from_json (theirs, &local_error) : NULL;
  if (doc == NULL || g_strcmp0 (sl_document_get_id (doc), id) != 0)
    {
      g_message ("Could not merge the server’s %s: %s", id,
                 local_error ? local_error->message : "not a document");
      g_hash_table_insert (run->attempts, g_strdup (id), GUINT_TO_POINTER (MAX_ATTEMPTS));
      return TRUE;
    }
  if (!sl_outbox_apply_pulled (self->outbox, doc, &result, &local_error))
    {
      if (local_error->domain != SL_DOCUMENT_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_message ("Could not merge the server’s %s: %s", id, local_error->message);
      g_hash_table_insert (run->attempts, g_strdup (id), GUINT_TO_POINTER (MAX_ATTEMPTS));
      return TRUE;
    }
  if (result == SL_OUTBOX_PULL_CONFLICT)
    self->n_clashes++;
  else if (result == SL_OUTBOX_PULL_APPLIED || result == SL_OUTBOX_PULL_MERGED)
    self->n_merged++;
  return TRUE;
}

/* Callbacks */

static void
tombstone_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncPush *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
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
  leaf = newest_leaf (node);
  if (!merge_theirs (self, run, id, leaf, &error))
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
  Run *run = g_task_get_task_data (task);
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
  if (node == NULL || !merge_theirs (self, run, id, node, &error))
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
  Run *run = g_task_get_task_data (task);
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
  Run *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL || !record_batch (self, run, node, &error))
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
  Run *run = g_task_get_task_data (task);
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
  Run *run;

  g_return_if_fail (SL_IS_SYNC_PUSH (self));

  run = g_new0 (Run, 1);
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
