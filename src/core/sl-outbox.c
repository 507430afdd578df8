/* sl-outbox.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-document-codec.h"
#include "sl-document-merge.h"
#include "sl-document-private.h"
#include "sl-json-guard.h"
#include "sl-outbox.h"

struct _SlOutbox
{
  GObject          parent_instance;

  SlDatabase      *db;
  SlDocumentCodec *codec;
};

G_DEFINE_FINAL_TYPE (SlOutbox, sl_outbox, G_TYPE_OBJECT)

/* What sync_doc holds for one document. */
typedef struct
{
  char       *rev;
  gboolean    dirty;
  JsonObject *base;
} Stored;

static void
stored_clear (Stored *stored)
{
  g_clear_pointer (&stored->rev, g_free);
  g_clear_pointer (&stored->base, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stored, stored_clear)

static char *
object_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = sl_document_object_node (json_object_ref (object));

  return json_to_string (node, FALSE);
}

static gboolean
is_tombstone (JsonObject *object)
{
  return json_object_get_boolean_member_with_default (object, "_deleted", FALSE);
}

/* The table of a document id's type, or the type itself for one we do not know. */
static char *
entity_of (const char *doc_id)
{
  const char *colon = strchr (doc_id, ':');
  g_autofree char *type = g_strndup (doc_id, colon ? (gsize)(colon - doc_id) : strlen (doc_id));
  const SlTypeSpec *spec = sl_document_spec_for_type (type);

  return spec ? g_strdup (spec->table) : g_steal_pointer (&type);
}

static gboolean
read_stored (SlOutbox    *self,
             const char  *doc_id,
             Stored      *stored,
             GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  const char *base;

  stmt = sl_database_prepare (self->db, "SELECT rev, dirty, base_json FROM sync_doc WHERE doc_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  if (!sl_database_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  stored->rev = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  stored->dirty = sqlite3_column_int (stmt, 1) != 0;
  base = (const char *)sqlite3_column_text (stmt, 2);
  if (base != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (base, NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        stored->base = json_object_ref (json_node_get_object (node));
    }
  return TRUE;
}

/* The generation of a revision, "3-abc" → 3, or -1. */
static gint64
rev_generation (const char *rev)
{
  char *end = NULL;
  gint64 n = g_ascii_strtoll (rev, &end, 10);

  return end != rev && *end == '-' ? n : -1;
}

/* The same revision again, or an older one replayed by the feed. */
static gboolean
is_stale (const char *stored,
          const char *incoming)
{
  gint64 have, got;

  if (stored == NULL)
    return FALSE;
  if (strcmp (stored, incoming) == 0)
    return TRUE;
  have = rev_generation (stored);
  got = rev_generation (incoming);
  return have >= 0 && got >= 0 && got < have;
}

/* Records @rev and @base (NULL for a deletion) of @doc_id, clears any conflict. */
static gboolean
write_state (SlOutbox    *self,
             const char  *doc_id,
             const char  *rev,
             JsonObject  *base,
             gboolean     dirty,
             gboolean     deleted,
             GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *entity = entity_of (doc_id);
  g_autofree char *base_text = base ? object_text (base) : NULL;

  stmt = sl_database_prepare (self->db,
                              "INSERT INTO sync_doc (doc_id, entity, rev, base_json, dirty, deleted, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                              "ON CONFLICT (doc_id) DO UPDATE SET rev = excluded.rev, "
                              "base_json = excluded.base_json, dirty = excluded.dirty, "
                              "deleted = excluded.deleted, conflict_json = NULL, "
                              "updated_at = excluded.updated_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, rev, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, base_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, dirty);
  sqlite3_bind_int (stmt, 6, deleted);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
  return sl_database_step_done (self->db, stmt, error);
}

static gboolean
write_conflict (SlOutbox    *self,
                SlDocument  *doc,
                GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *text = object_text (sl_document_get_json (doc));

  stmt = sl_database_prepare (self->db, "UPDATE sync_doc SET conflict_json = ?2 WHERE doc_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sl_document_get_id (doc), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return sl_database_step_done (self->db, stmt, error);
}

/* The server's document as it is: rows, then revision and base, clean. */
static gboolean
take_theirs (SlOutbox    *self,
             SlDocument  *doc,
             JsonObject  *theirs,
             GError     **error)
{
  return sl_document_codec_apply (self->codec, doc, error) &&
         write_state (self, sl_document_get_id (doc), sl_document_get_rev (doc),
                      sl_document_is_deleted (doc) ? NULL : theirs, FALSE,
                      sl_document_is_deleted (doc), error);
}

/* The merge of local edits with @doc, written unless it clashes or
 * breaks a rule; FALSE only on errors. */
static gboolean
merge_onto_edits (SlOutbox      *self,
                  SlDocument    *doc,
                  JsonObject    *base,
                  JsonObject    *theirs,
                  SlOutboxPull  *result,
                  GError       **error)
{
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(JsonNode) merged_node = NULL;
  g_autoptr(SlDocument) merged_doc = NULL;
  g_auto(GStrv) clashes = NULL;

  mine = sl_document_codec_encode (self->codec, sl_document_get_id (doc), error);
  if (mine == NULL)
    return FALSE;
  merged = sl_document_merge (base, json_node_get_object (mine), theirs, &clashes);
  if (merged != NULL && sl_document_json_equal (merged, theirs))
    {
      *result = SL_OUTBOX_PULL_APPLIED;
      return take_theirs (self, doc, theirs, error);
    }

  if (merged != NULL)
    {
      merged_node = sl_document_object_node (g_steal_pointer (&merged));
      merged_doc = sl_document_new_from_json (merged_node, NULL);
    }
  if (merged_doc == NULL)
    {
      *result = SL_OUTBOX_PULL_CONFLICT;
      return write_conflict (self, doc, error);
    }

  *result = SL_OUTBOX_PULL_MERGED;
  return sl_document_codec_apply (self->codec, merged_doc, error) &&
         write_state (self, sl_document_get_id (doc), sl_document_get_rev (doc), theirs, TRUE, FALSE, error);
}

static gboolean
pull (SlOutbox      *self,
      SlDocument    *doc,
      SlOutboxPull  *result,
      GError       **error)
{
  g_auto(Stored) stored = { 0 };
  g_autoptr(JsonObject) theirs = sl_document_strip_meta (sl_document_get_json (doc));

  if (!read_stored (self, sl_document_get_id (doc), &stored, error))
    return FALSE;
  if (is_stale (stored.rev, sl_document_get_rev (doc)))
    {
      *result = SL_OUTBOX_PULL_UNCHANGED;
      return TRUE;
    }
  /* A newer schema's document replaces local edits: they cannot be
   * merged into a schema this version does not know. */
  if (!stored.dirty || sl_document_is_foreign (doc))
    {
      *result = SL_OUTBOX_PULL_APPLIED;
      return take_theirs (self, doc, theirs, error);
    }
  return merge_onto_edits (self, doc, stored.base, theirs, result, error);
}

static void
sl_outbox_dispose (GObject *object)
{
  SlOutbox *self = (SlOutbox *)object;

  g_clear_object (&self->codec);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sl_outbox_parent_class)->dispose (object);
}

static void
sl_outbox_class_init (SlOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_outbox_dispose;
}

static void
sl_outbox_init (SlOutbox *self)
{
}

SlOutbox *
sl_outbox_new (SlDatabase *db)
{
  SlOutbox *self;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  self = g_object_new (SL_TYPE_OUTBOX, NULL);
  self->db = g_object_ref (db);
  self->codec = sl_document_codec_new (db);
  return self;
}

gboolean
sl_outbox_count_dirty (SlOutbox  *self,
                       guint     *count,
                       GError   **error)
{
  gint64 n = 0;

  g_return_val_if_fail (SL_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (!sl_database_query_int64 (self->db,
                                "SELECT count(*) FROM sync_doc WHERE dirty = 1 AND conflict_json IS NULL AND refusal IS NULL",
                                &n, error))
    return FALSE;
  *count = (guint)n;
  return TRUE;
}

static JsonNode *
encode_with_rev (SlOutbox    *self,
                 const char  *doc_id,
                 const char  *rev,
                 GError     **error)
{
  JsonNode *node = sl_document_codec_encode (self->codec, doc_id, error);

  if (node != NULL && rev != NULL)
    json_object_set_string_member (json_node_get_object (node), "_rev", rev);
  return node;
}

GPtrArray *
sl_outbox_list_dirty (SlOutbox  *self,
                      guint      limit,
                      GError   **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) revs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  gboolean ok;

  g_return_val_if_fail (SL_IS_OUTBOX (self), NULL);

  stmt = sl_database_prepare (self->db,
                              "SELECT doc_id, rev FROM sync_doc WHERE dirty = 1 AND conflict_json IS NULL AND refusal IS NULL "
                              "ORDER BY CASE entity WHEN 'goal' THEN 0 WHEN 'realloc_plan' THEN 1 "
                              "WHEN 'budget_request' THEN 2 WHEN 'annotation' THEN 3 WHEN 'comment' THEN 4 "
                              "WHEN 'decision' THEN 5 ELSE 6 END, updated_at, doc_id LIMIT ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64)limit : -1);
  while ((ok = sl_database_step_row (self->db, stmt, &has_row, error)) && has_row)
    {
      g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (revs, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  if (!ok)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      JsonNode *node = encode_with_rev (self, ids->pdata[i], revs->pdata[i], error);

      if (node == NULL)
        return NULL;
      g_ptr_array_add (docs, node);
    }
  return g_steal_pointer (&docs);
}

static gboolean
mark_pushed (SlOutbox    *self,
             JsonObject  *pushed,
             const char  *rev,
             GError     **error)
{
  const char *doc_id = json_object_get_string_member (pushed, "_id");
  g_autoptr(JsonObject) sent = sl_document_strip_meta (pushed);
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *now;

  /* The item as it is now: if it changed since it was listed, it stays dirty. */
  current = sl_document_codec_encode (self->codec, doc_id, &local_error);
  if (current == NULL && !g_error_matches (local_error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (current == NULL)
    current = sl_document_object_node (sl_document_new_tombstone (doc_id));
  now = json_node_get_object (current);

  return write_state (self, doc_id, rev, is_tombstone (sent) ? NULL : sent,
                      !sl_document_json_equal (now, sent), is_tombstone (now), error);
}

gboolean
sl_outbox_mark_pushed (SlOutbox    *self,
                       JsonNode    *pushed,
                       const char  *rev,
                       GError     **error)
{
  g_return_val_if_fail (SL_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (pushed != NULL && JSON_NODE_HOLDS_OBJECT (pushed), FALSE);
  g_return_val_if_fail (sl_json_get_string (json_node_get_object (pushed), "_id", NULL),
                        FALSE);
  g_return_val_if_fail (rev != NULL, FALSE);

  if (!sl_database_begin (self->db, error))
    return FALSE;
  if (!mark_pushed (self, json_node_get_object (pushed), rev, error))
    {
      sl_database_rollback (self->db);
      return FALSE;
    }
  return sl_database_commit (self->db, error);
}

gboolean
sl_outbox_apply_pulled (SlOutbox      *self,
                        SlDocument    *doc,
                        SlOutboxPull  *result,
                        GError       **error)
{
  SlOutboxPull ignored;

  g_return_val_if_fail (SL_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (SL_IS_DOCUMENT (doc), FALSE);

  if (sl_document_get_rev (doc) == NULL)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_MISSING_FIELD, sl_document_get_id (doc), "_rev",
                             _("required in a document from the server"));

  if (!sl_database_begin (self->db, error))
    return FALSE;
  if (!pull (self, doc, result ? result : &ignored, error))
    {
      sl_database_rollback (self->db);
      return FALSE;
    }
  return sl_database_commit (self->db, error);
}
