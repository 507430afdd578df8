/* sl-sync-push-record.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the server answered to a push, recorded: revisions stored,
 * refusals kept with their reasons, conflicts merged.
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include "sl-json-guard.h"
#include "sl-sync-push-private.h"

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
      id = sl_json_get_string (json_node_get_object (row), "id", NULL);
      if (id != NULL)
        g_hash_table_insert (index, (gpointer)id, json_node_get_object (row));
    }
  return index;
}

/* Records one document's answer; FALSE only when the workspace could not be written. */
static gboolean
record_answer (SlSyncPush  *self,
               SlPushRun         *run,
               JsonNode    *doc,
               JsonObject  *answer,
               GError     **error)
{
  const char *id = sl_sync_push_doc_id (doc);
  const char *kind = sl_json_get_string (answer, "error", NULL);
  const char *rev = sl_json_get_string (answer, "rev", NULL);

  if (answer != NULL && kind == NULL && rev != NULL)
    {
      self->n_pushed++;
      return sl_outbox_mark_pushed (self->outbox, doc, rev, error);
    }
  if (g_strcmp0 (kind, "conflict") == 0)
    g_queue_push_tail (&run->conflicts, g_strdup (id));
  else if (g_strcmp0 (kind, "forbidden") == 0)
    {
      const char *reason = sl_json_get_string (answer, "reason", kind);

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

gboolean
sl_sync_push_record_batch (SlSyncPush  *self,
              SlPushRun         *run,
              JsonNode    *answers,
              GError     **error)
{
  g_autoptr(GHashTable) index = index_results (answers);

  if (!sl_database_begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < run->batch->len; i++)
    {
      JsonNode *doc = run->batch->pdata[i];

      if (!record_answer (self, run, doc, g_hash_table_lookup (index, sl_sync_push_doc_id (doc)), error))
        {
          sl_database_rollback (self->db);
          return FALSE;
        }
    }
  return sl_database_commit (self->db, error);
}

/* The newest leaf of GET ?open_revs=all: a deleted document's tombstone. */
JsonNode *
sl_sync_push_newest_leaf (JsonNode *node)
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

      if (!JSON_NODE_HOLDS_OBJECT (leaf))
        continue;
      ok = sl_json_get_object (json_node_get_object (leaf), "ok");
      rev = sl_json_get_string (ok, "_rev", NULL);
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
gboolean
sl_sync_push_merge_theirs (SlSyncPush  *self,
              SlPushRun         *run,
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
