/* sl-sync-pull-apply.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of _changes applied: its documents in the order they refer to
 * each other, those waiting for a later page, and the checkpoint.
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include "sl-json-guard.h"
#include "sl-sync-pull-private.h"

void
sl_sync_pull_entry_free (SlPullEntry *entry)
{
  g_clear_object (&entry->doc);
  g_free (entry->prev_seq);
  g_free (entry);
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
  const SlPullEntry *x = *(SlPullEntry * const *)a;
  const SlPullEntry *y = *(SlPullEntry * const *)b;
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
  const char *id = sl_json_get_string (row, "id", "");
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
             SlPullEntry       *entry,
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
               SlPullRun         *run,
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
checkpoint_of (SlPullRun        *run,
               const char *last_seq)
{
  SlPullEntry *first = NULL;

  for (guint i = 0; i < run->pending->len; i++)
    {
      SlPullEntry *entry = run->pending->pdata[i];

      if (first == NULL || entry->index < first->index)
        first = entry;
    }
  return first != NULL ? first->prev_seq : last_seq;
}

static void
give_up_pending (SlSyncPull *self,
                 SlPullRun        *run)
{
  for (guint i = 0; i < run->pending->len; i++)
    {
      SlPullEntry *entry = run->pending->pdata[i];

      g_message ("Could not apply %s: it refers to an item the server does not have",
                 sl_document_get_id (entry->doc));
      self->n_failed++;
    }
  g_ptr_array_set_size (run->pending, 0);
}

/* The page's documents in the order to apply them. */
static GPtrArray *
page_entries (SlSyncPull *self,
              SlPullRun        *run,
              JsonArray  *results)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_sync_pull_entry_free);
  g_autofree char *prev = g_strdup (run->since);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *row = json_array_get_element (results, i);
      g_autofree char *seq = NULL;
      SlDocument *doc;
      SlPullEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        continue;
      seq = sl_sync_pull_node_text (json_object_get_member (json_node_get_object (row), "seq"));
      doc = row_document (self, json_node_get_object (row));
      if (doc != NULL)
        {
          entry = g_new0 (SlPullEntry, 1);
          entry->doc = doc;
          entry->index = run->counter++;
          entry->prev_seq = g_strdup (prev);
          g_ptr_array_add (entries, entry);
        }
      if (seq != NULL)
        sl_sync_pull_replace_string (&prev, g_steal_pointer (&seq));
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

static gboolean
apply_entries (SlSyncPull  *self,
               SlPullRun         *run,
               GPtrArray   *entries,
               const char  *last_seq,
               gboolean     final,
               GError     **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      SlPullEntry *entry = entries->pdata[i];

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
gboolean
sl_sync_pull_apply_page (SlSyncPull  *self,
            SlPullRun         *run,
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
