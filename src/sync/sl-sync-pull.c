/* sl-sync-pull.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-sync-error.h"
#include "sl-sync-pull-private.h"

#define DEFAULT_PAGE_SIZE 500
/* The contract: CouchDB honours timeout (25 s asked), pouchdb-server
 * does not; the request is given up after 35 s and made again. */
#define LONGPOLL_TIMEOUT_MS 25000
#define LONGPOLL_GIVE_UP_SECONDS 35

G_DEFINE_FINAL_TYPE (SlSyncPull, sl_sync_pull, G_TYPE_OBJECT)

enum {
  SIGNAL_PAGE_APPLIED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void request_page (GTask *task);

static void
run_free (SlPullRun *run)
{
  g_free (run->since);
  g_ptr_array_unref (run->pending);
  g_free (run);
}

/* Callbacks */

static void
checkpoint_saved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncPull *self = g_task_get_source_object (task);
  SlPullRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!sl_sync_checkpoint_save_finish (SL_SYNC_CHECKPOINT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_PAGE_APPLIED], 0, run->rows);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (run->rows < self->page_size)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  run->longpoll = FALSE;
  request_page (g_steal_pointer (&task));
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncPull *self = g_task_get_source_object (task);
  SlPullRun *run = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *last_seq = NULL;
  GError *error = NULL;
  JsonObject *object;
  JsonArray *results;

  node = sl_sync_session_request_finish (SL_SYNC_SESSION (source), result, NULL, &error);
  if (node == NULL && run->longpoll && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_clear_error (&error);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (object == NULL || !json_object_has_member (object, "last_seq") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "results")))
    {
      g_task_return_new_error (task, SL_SYNC_ERROR, SL_SYNC_ERROR_BAD_RESPONSE, "%s",
                               _("The server’s list of changes has no results or last sequence"));
      return;
    }
  results = json_object_get_array_member (object, "results");
  last_seq = sl_sync_pull_node_text (json_object_get_member (object, "last_seq"));
  run->rows = json_array_get_length (results);
  /* A longpoll that timed out on the server: nothing to record. */
  if (run->rows == 0 && g_strcmp0 (last_seq, run->since) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!sl_sync_pull_apply_page (self, run, results, last_seq, run->rows < self->page_size, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  sl_sync_pull_replace_string (&run->since, g_steal_pointer (&last_seq));
  sl_sync_checkpoint_save_async (self->checkpoint, g_task_get_cancellable (task),
                                 checkpoint_saved_cb, g_object_ref (task));
}

static void
request_page (GTask *task)
{
  SlSyncPull *self = g_task_get_source_object (task);
  SlPullRun *run = g_task_get_task_data (task);
  g_autofree char *since = sl_sync_checkpoint_since_param (run->since);
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;

  if (run->longpoll)
    rest = g_strdup_printf ("_changes?feed=longpoll&timeout=%d&include_docs=true&since=%s&limit=%u",
                            LONGPOLL_TIMEOUT_MS, since, self->page_size);
  else
    rest = g_strdup_printf ("_changes?include_docs=true&since=%s&limit=%u", since, self->page_size);
  path = sl_sync_session_db_path (self->session, rest);
  sl_sync_session_request_async (self->session, "GET", path, NULL,
                                 run->longpoll ? LONGPOLL_GIVE_UP_SECONDS : 0,
                                 g_task_get_cancellable (task), page_cb, task);
}

/* GObject */

static void
sl_sync_pull_dispose (GObject *object)
{
  SlSyncPull *self = (SlSyncPull *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->outbox);
  g_clear_object (&self->db);
  g_clear_object (&self->account);
  g_clear_object (&self->checkpoint);

  G_OBJECT_CLASS (sl_sync_pull_parent_class)->dispose (object);
}

static void
sl_sync_pull_class_init (SlSyncPullClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_sync_pull_dispose;

  signals[SIGNAL_PAGE_APPLIED] =
    g_signal_new ("page-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
sl_sync_pull_init (SlSyncPull *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
}

/* Public API */

SlSyncPull *
sl_sync_pull_new (SlSyncSession    *session,
                  SlOutbox         *outbox,
                  SlSyncAccount    *account,
                  SlSyncCheckpoint *checkpoint)
{
  SlSyncPull *self;

  g_return_val_if_fail (SL_IS_SYNC_SESSION (session), NULL);
  g_return_val_if_fail (SL_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (account), NULL);
  g_return_val_if_fail (SL_IS_SYNC_CHECKPOINT (checkpoint), NULL);

  self = g_object_new (SL_TYPE_SYNC_PULL, NULL);
  self->session = g_object_ref (session);
  self->outbox = g_object_ref (outbox);
  self->db = g_object_ref (sl_sync_account_get_database (account));
  self->account = g_object_ref (account);
  self->checkpoint = g_object_ref (checkpoint);
  return self;
}

void
sl_sync_pull_set_page_size (SlSyncPull *self,
                            guint       page_size)
{
  g_return_if_fail (SL_IS_SYNC_PULL (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

void
sl_sync_pull_run_async (SlSyncPull          *self,
                        gboolean             longpoll,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  SlPullRun *run;

  g_return_if_fail (SL_IS_SYNC_PULL (self));
  g_return_if_fail (sl_sync_checkpoint_is_loaded (self->checkpoint));

  run = g_new0 (SlPullRun, 1);
  run->since = g_strdup (sl_sync_account_get_last_seq (self->account));
  run->longpoll = longpoll;
  run->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_sync_pull_entry_free);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_pull_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);
  request_page (task);
}

gboolean
sl_sync_pull_run_finish (SlSyncPull    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
sl_sync_pull_get_count (SlSyncPull   *self,
                        SlOutboxPull  result)
{
  g_return_val_if_fail (SL_IS_SYNC_PULL (self), 0);
  g_return_val_if_fail (result <= SL_OUTBOX_PULL_CONFLICT, 0);
  return self->counts[result];
}

guint
sl_sync_pull_get_n_failed (SlSyncPull *self)
{
  g_return_val_if_fail (SL_IS_SYNC_PULL (self), 0);
  return self->n_failed;
}
