/* sl-document-codec.c
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
#include "sl-document-private.h"
#include "sl-json-guard.h"

struct _SlDocumentCodec
{
  GObject     parent_instance;

  SlDatabase *db;
};

G_DEFINE_FINAL_TYPE (SlDocumentCodec, sl_document_codec, G_TYPE_OBJECT)

/* What sync_doc knows of a document. */
typedef struct
{
  gboolean    exists;
  gboolean    deleted;
  JsonObject *applied;   /* the last document written to the rows */
  JsonNode   *foreign;   /* a newer schema's document */
} SyncState;

static void
sync_state_clear (SyncState *state)
{
  g_clear_pointer (&state->applied, json_object_unref);
  g_clear_pointer (&state->foreign, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SyncState, sync_state_clear)

static JsonNode *
parse_column (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? json_from_string (text, NULL) : NULL;
}

static gboolean
read_sync_state (SlDocumentCodec  *self,
                 const char       *doc_id,
                 SyncState        *state,
                 GError          **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(JsonNode) applied = NULL;

  stmt = sl_database_prepare (self->db,
                              "SELECT deleted, applied_json, foreign_json FROM sync_doc WHERE doc_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  if (!sl_database_step_row (self->db, stmt, &state->exists, error))
    return FALSE;
  if (!state->exists)
    return TRUE;

  state->deleted = sqlite3_column_int (stmt, 0) != 0;
  applied = parse_column (stmt, 1);
  if (applied != NULL && JSON_NODE_HOLDS_OBJECT (applied))
    state->applied = json_object_ref (json_node_get_object (applied));
  state->foreign = parse_column (stmt, 2);
  return TRUE;
}

static gboolean
read_workspace (SlDocumentCodec  *self,
                char            **uuid,
                char            **currency,
                GError          **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (self->db, "SELECT uuid, currency FROM workspace WHERE id = 1", error);
  if (stmt == NULL || !sl_database_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  *uuid = g_strdup (has_row ? (const char *)sqlite3_column_text (stmt, 0) : "");
  *currency = g_strdup (has_row ? (const char *)sqlite3_column_text (stmt, 1) : "");
  return TRUE;
}

static void
write_header (JsonObject       *object,
              const char       *doc_id,
              const SlTypeSpec *spec,
              const char       *workspace,
              sqlite3_stmt     *stmt)
{
  g_autofree char *created = sl_document_format_time (sqlite3_column_int64 (stmt, 2));
  g_autofree char *updated = sl_document_format_time (sqlite3_column_int64 (stmt, 3));

  json_object_set_string_member (object, "_id", doc_id);
  json_object_set_string_member (object, "type", spec->type);
  json_object_set_int_member (object, "schema", SL_DOCUMENT_SCHEMA);
  json_object_set_string_member (object, "workspace", workspace);
  json_object_set_string_member (object, "author", (const char *)sqlite3_column_text (stmt, 1));
  json_object_set_string_member (object, "created_at", created);
  json_object_set_string_member (object, "updated_at", updated);
}

/* Key results or lines, each an object of the row spec's fields. */
static gboolean
write_rows (SlDocumentCodec  *self,
            JsonObject       *object,
            const SlRowSpec  *spec,
            gint64            id,
            const char       *currency,
            GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.id");
  g_autoptr(SlStatement) stmt = NULL;
  JsonArray *array = json_array_new ();
  gboolean has_row;
  gboolean ok;

  json_object_set_array_member (object, spec->name, array);
  sl_document_append_select (sql, spec->fields, spec->n_fields);
  g_string_append_printf (sql, " FROM %s t WHERE t.%s = ?1", spec->table, spec->parent_column);
  if (spec->fixed_column != NULL)
    g_string_append_printf (sql, " AND t.%s = ?2", spec->fixed_column);
  g_string_append_printf (sql, " ORDER BY %s", spec->order_by);

  stmt = sl_database_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (spec->fixed_column != NULL)
    sqlite3_bind_text (stmt, 2, spec->fixed_value, -1, SQLITE_STATIC);

  while ((ok = sl_database_step_row (self->db, stmt, &has_row, error)) && has_row)
    {
      JsonObject *line = json_object_new ();
      int column = 1;

      for (guint i = 0; i < spec->n_fields; i++)
        sl_document_write_field (line, &spec->fields[i], stmt, &column, currency);
      json_array_add_object_element (array, line);
    }
  return ok;
}

/* Members of the applied document our schema does not know, kept. */
static void
carry_over_extras (JsonObject       *object,
                   const SlTypeSpec *spec,
                   JsonObject       *applied)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (applied == NULL)
    return;
  json_object_iter_init_ordered (&iter, applied);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!sl_document_is_meta_member (name) && !sl_document_spec_knows (spec, name))
      json_object_set_member (object, name, json_node_copy (member));
}

/* The item's row as a document in *out, or NULL when it has none. */
static gboolean
encode_item (SlDocumentCodec   *self,
             const char        *doc_id,
             const SlTypeSpec  *spec,
             const char        *uuid,
             JsonObject        *applied,
             JsonObject       **out,
             GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.id, t.author, t.created_at");
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *ws_uuid = NULL;
  g_autofree char *ws_currency = NULL;
  const char *currency;
  gboolean found;
  int column = 4;

  g_string_append (sql, spec->has_updated_at ? ", t.updated_at" : ", t.created_at");
  sl_document_append_select (sql, spec->fields, spec->n_fields);
  g_string_append_printf (sql, " FROM %s t WHERE t.uuid = ?1", spec->table);

  *out = NULL;
  if (!read_workspace (self, &ws_uuid, &ws_currency, error) ||
      (stmt = sl_database_prepare (self->db, sql->str, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!sl_database_step_row (self->db, stmt, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  object = json_object_new ();
  write_header (object, doc_id, spec, sl_json_get_string (applied, "workspace", ws_uuid), stmt);
  for (guint i = 0; i < spec->n_fields; i++)
    sl_document_write_field (object, &spec->fields[i], stmt, &column, ws_currency);

  currency = spec->kind == SL_DOCUMENT_KIND_PLAN
    ? json_object_get_string_member (json_object_get_object_member (object, "reserve_draw"), "currency")
    : ws_currency;
  if (spec->rows != NULL &&
      !write_rows (self, object, spec->rows, sqlite3_column_int64 (stmt, 0), currency, error))
    return FALSE;

  carry_over_extras (object, spec, applied);
  *out = g_steal_pointer (&object);
  return TRUE;
}

static void
sl_document_codec_dispose (GObject *object)
{
  SlDocumentCodec *self = (SlDocumentCodec *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (sl_document_codec_parent_class)->dispose (object);
}

static void
sl_document_codec_class_init (SlDocumentCodecClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_document_codec_dispose;
}

static void
sl_document_codec_init (SlDocumentCodec *self)
{
}

SlDocumentCodec *
sl_document_codec_new (SlDatabase *db)
{
  SlDocumentCodec *self;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  self = g_object_new (SL_TYPE_DOCUMENT_CODEC, NULL);
  self->db = g_object_ref (db);
  return self;
}

SlDatabase *
sl_document_codec_get_database (SlDocumentCodec *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT_CODEC (self), NULL);
  return self->db;
}

static gboolean
fail_not_found (GError     **error,
                const char  *doc_id)
{
  g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
               /* Translators: %s is a document id ("plan:0f8e…") */
               _("%s: no such shared item in this workspace"), doc_id);
  return FALSE;
}

JsonNode *
sl_document_codec_encode (SlDocumentCodec  *self,
                          const char       *doc_id,
                          GError          **error)
{
  g_auto(SyncState) state = { 0 };
  g_autofree char *type = NULL;
  const SlTypeSpec *spec;
  const char *colon;
  JsonObject *object = NULL;

  g_return_val_if_fail (SL_IS_DOCUMENT_CODEC (self), NULL);
  g_return_val_if_fail (doc_id != NULL, NULL);

  if (!read_sync_state (self, doc_id, &state, error))
    return NULL;
  if (state.foreign != NULL)
    return g_steal_pointer (&state.foreign);

  colon = strchr (doc_id, ':');
  type = colon ? g_strndup (doc_id, colon - doc_id) : NULL;
  spec = sl_document_spec_for_type (type);
  if (spec != NULL && !encode_item (self, doc_id, spec, colon + 1, state.applied, &object, error))
    return NULL;
  if (object == NULL && state.exists)
    object = sl_document_new_tombstone (doc_id);
  if (object == NULL)
    {
      fail_not_found (error, doc_id);
      return NULL;
    }
  return sl_document_object_node (object);
}

JsonNode *
sl_document_codec_encode_row (SlDocumentCodec  *self,
                              const char       *table,
                              gint64            id,
                              GError          **error)
{
  const SlTypeSpec *spec = sl_document_spec_for_table (table);
  g_autoptr(GString) sql = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *doc_id = NULL;
  gboolean has_row;

  g_return_val_if_fail (SL_IS_DOCUMENT_CODEC (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (spec == NULL)
    {
      g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND,
                   /* Translators: %s is a table name */
                   _("“%s” holds no shared items"), table);
      return NULL;
    }

  sql = g_string_new (NULL);
  g_string_printf (sql, "SELECT uuid FROM %s WHERE id = ?1", spec->table);
  stmt = sl_database_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sl_database_step_row (self->db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_autofree char *what = g_strdup_printf ("%s:#%" G_GINT64_FORMAT, spec->type, id);

      fail_not_found (error, what);
      return NULL;
    }

  doc_id = g_strconcat (spec->type, ":", (const char *)sqlite3_column_text (stmt, 0), NULL);
  g_clear_pointer (&stmt, sl_statement_release);
  return sl_document_codec_encode (self, doc_id, error);
}

gboolean
sl_document_codec_apply (SlDocumentCodec  *self,
                         SlDocument       *doc,
                         GError          **error)
{
  g_return_val_if_fail (SL_IS_DOCUMENT_CODEC (self), FALSE);
  g_return_val_if_fail (SL_IS_DOCUMENT (doc), FALSE);

  if (!sl_database_begin (self->db, error))
    return FALSE;
  if (!sl_document_apply_rows (self->db, doc, error))
    {
      sl_database_rollback (self->db);
      return FALSE;
    }
  return sl_database_commit (self->db, error);
}
