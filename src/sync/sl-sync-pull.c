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
#include "sl-sync-pull.h"

#define DEFAULT_PAGE_SIZE 500
/* The contract: CouchDB honours timeout (25 s asked), pouchdb-server
 * does not; the request is given up after 35 s and made again. */
#define LONGPOLL_TIMEOUT_MS 25000
#define LONGPOLL_GIVE_UP_SECONDS 35

struct _SlSyncPull
{
  GObject           parent_instance;

  SlSyncSession    *session;
  SlDatabase       *db;
  SlOutbox         *outbox;
  SlSyncAccount    *account;
  SlSyncCheckpoint *checkpoint;
  guint             page_size;
  guint             counts[SL_OUTBOX_PULL_CONFLICT + 1];
  guint             n_failed;
};

G_DEFINE_FINAL_TYPE (SlSyncPull, sl_sync_pull, G_TYPE_OBJECT)

enum {
  SIGNAL_PAGE_APPLIED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* A pulled document waiting to be applied. */
typedef struct
{
  SlDocument *doc;
  guint64     index;      /* its place in the feed */
  char       *prev_seq;   /* the sequence just before it (raw JSON) */
} Entry;

typedef struct
{
  char      *since;       /* where the next page starts (raw JSON), NULL: the beginning */
  gboolean   longpoll;
  GPtrArray *pending;     /* Entry: refer to documents not here yet */
  guint64    counter;
  guint      rows;        /* of the page being applied */
} Run;

static void request_page (GTask *task);

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->doc);
  g_free (entry->prev_seq);
  g_free (entry);
}

static void
run_free (Run *run)
{
  g_free (run->since);
  g_ptr_array_unref (run->pending);
  g_free (run);
}

/* Helpers */

static void
replace_string (char **slot,
                char  *value)
{
  g_free (*slot);
  *slot = value;
}

static char *
node_text (JsonNode *node)
{
  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_to_string (node, FALSE) : NULL;
}

/* Referenced types first, as the outbox pushes them; deletions last. */
static int
apply_order (SlDocument *doc)
{
  if (sl_document_is_deleted (doc))
    return 10;
  switch (sl_document_get_kind (doc))
    {
    case SL_DOCUMENT_KIND_GOAL:
      return 0;
    case SL_DOCUMENT_KIND_PLAN:
      return 1;
    case SL_DOCUMENT_KIND_REQUEST:
      return 2;
    case SL_DOCUMENT_KIND_ANNOTATION:
      return 3;
    case SL_DOCUMENT_KIND_COMMENT:
      return 4;
    case SL_DOCUMENT_KIND_DECISION:
      return 5;
    case SL_DOCUMENT_KIND_FOREIGN:
    default:
      return 6;
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry * const *)a;
  const Entry *y = *(Entry * const *)b;
  int ox = apply_order (x->doc);
  int oy = apply_order (y->doc);

  if (ox != oy)
    return ox < oy ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* The row's document, a tombstone for a deleted row; NULL for rows that
 * are not ours (design documents) or not valid, counted as failures. */
static SlDocument *
row_document (SlSyncPull *self,
              JsonObject *row)
{
  const char *id = json_object_get_string_member_with_default (row, "id", "");
  g_autoptr(GError) error = NULL;
  JsonNode *doc_node;
  SlDocument *doc;

  if (g_str_has_prefix (id, "_design/"))
    return NULL;
  doc_node = json_object_get_member (row, "doc");
  if (doc_node == NULL || !JSON_NODE_HOLDS_OBJECT (doc_node))
    {
      g_message ("Change of %s without its document: skipped", id);
      self->n_failed++;
      return NULL;
    }
  doc = sl_document_new_from_json (doc_node, &error);
  if (doc == NULL)
    {
      g_message ("Could not read %s from the server: %s", id, error->message);
      self->n_failed++;
    }
  return doc;
}

/* Whether @error concerns the document only (the pull goes on). */
static gboolean
is_document_error (const GError *error)
{
  return error->domain == SL_DOCUMENT_ERROR ||
         g_error_matches (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
}

/* Applies @entry: TRUE when done with it (applied, or failed for good),
 * FALSE with *error unset when it must wait for a later document. */
static gboolean
apply_entry (SlSyncPull  *self,
             Entry       *entry,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  SlOutboxPull result;

  if (sl_outbox_apply_pulled (self->outbox, entry->doc, &result, &local_error))
    {
      self->counts[result]++;
      return TRUE;
    }
  if (g_error_matches (local_error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_REFERENCE))
    return FALSE;
  if (!is_document_error (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_message ("Could not apply %s: %s", sl_document_get_id (entry->doc), local_error->message);
  self->n_failed++;
  return TRUE;
}

/* Tries the waiting documents again until none more applies. */
static gboolean
retry_pending (SlSyncPull  *self,
               Run         *run,
               GError     **error)
{
  gboolean progress = TRUE;

  while (progress && run->pending->len > 0)
    {
      progress = FALSE;
      for (guint i = 0; i < run->pending->len;)
        {
          if (apply_entry (self, run->pending->pdata[i], error))
            {
              g_ptr_array_remove_index (run->pending, i);
              progress = TRUE;
            }
          else if (error != NULL && *error != NULL)
            return FALSE;
          else
            i++;
        }
    }
  return TRUE;
}

/* The checkpoint after this page: before the first document still waiting. */
static const char *
checkpoint_of (Run        *run,
               const char *last_seq)
{
  Entry *first = NULL;

  for (guint i = 0; i < run->pending->len; i++)
    {
      Entry *entry = run->pending->pdata[i];

      if (first == NULL || entry->index < first->index)
        first = entry;
    }
  return first != NULL ? first->prev_seq : last_seq;
}

static void
give_up_pending (SlSyncPull *self,
                 Run        *run)
{
  for (guint i = 0; i < run->pending->len; i++)
    {
      Entry *entry = run->pending->pdata[i];

      g_message ("Could not apply %s: it refers to an item the server does not have",
                 sl_document_get_id (entry->doc));
      self->n_failed++;
    }
  g_ptr_array_set_size (run->pending, 0);
}

/* The page's documents in the order to apply them. */
static GPtrArray *
page_entries (SlSyncPull *self,
              Run        *run,
              JsonArray  *results)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  g_autofree char *prev = g_strdup (run->since);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *row = json_array_get_element (results, i);
      g_autofree char *seq = NULL;
      SlDocument *doc;
      Entry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        continue;
      seq = node_text (json_object_get_member (json_node_get_object (row), "seq"));
      doc = row_document (self, json_node_get_object (row));
      if (doc != NULL)
        {
          entry = g_new0 (Entry, 1);
          entry->doc = doc;
          entry->index = run->counter++;
          entry->prev_seq = g_strdup (prev);
          g_ptr_array_add (entries, entry);
        }
      if (seq != NULL)
        replace_string (&prev, g_steal_pointer (&seq));
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

static gboolean
apply_entries (SlSyncPull  *self,
               Run         *run,
               GPtrArray   *entries,
               const char  *last_seq,
               gboolean     final,
               GError     **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = entries->pdata[i];

      if (apply_entry (self, entry, error))
        continue;
      if (error != NULL && *error != NULL)
        return FALSE;
      g_ptr_array_add (run->pending, g_steal_pointer (&entries->pdata[i]));
    }
  if (!retry_pending (self, run, error))
    return FALSE;
  if (final)
    give_up_pending (self, run);
  return sl_sync_account_set_last_seq (self->account, checkpoint_of (run, last_seq), error);
}

/* One page in one transaction with its checkpoint. */
static gboolean
apply_page (SlSyncPull  *self,
            Run         *run,
            JsonArray   *results,
            const char  *last_seq,
            gboolean     final,
            GError     **error)
{
  g_autoptr(GPtrArray) entries = page_entries (self, run, results);

  if (!sl_database_begin (self->db, error))
    return FALSE;
  if (!apply_entries (self, run, entries, last_seq, final, error) ||
      !sl_database_commit (self->db, error))
    {
      sl_database_rollback (self->db);
      sl_sync_account_reload (self->account, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Callbacks */

static void
checkpoint_saved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncPull *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
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
  Run *run = g_task_get_task_data (task);
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
  last_seq = node_text (json_object_get_member (object, "last_seq"));
  run->rows = json_array_get_length (results);
  /* A longpoll that timed out on the server: nothing to record. */
  if (run->rows == 0 && g_strcmp0 (last_seq, run->since) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!apply_page (self, run, results, last_seq, run->rows < self->page_size, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  replace_string (&run->since, g_steal_pointer (&last_seq));
  sl_sync_checkpoint_save_async (self->checkpoint, g_task_get_cancellable (task),
                                 checkpoint_saved_cb, g_object_ref (task));
}

static void
request_page (GTask *task)
{
  SlSyncPull *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
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
  Run *run;

  g_return_if_fail (SL_IS_SYNC_PULL (self));
  g_return_if_fail (sl_sync_checkpoint_is_loaded (self->checkpoint));

  run = g_new0 (Run, 1);
  run->since = g_strdup (sl_sync_account_get_last_seq (self->account));
  run->longpoll = longpoll;
  run->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
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
