/* sl-document-apply-item.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a decoded document: the item by uuid, then its key results or
 * lines; deletes the item of a tombstone; keeps a newer schema's
 * document whole in sync_doc.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-document-apply-private.h"

static gboolean
fail_immutable (Apply   *a,
                GError **error)
{
  g_set_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_IMMUTABLE,
               /* Translators: %s is a document id ("comment:0f8e…") */
               _("%s: comments and decisions cannot change once written"), a->doc_id);
  return FALSE;
}

/* A comment or decision that exists must be the one the document says. */
static gboolean
check_unchanged (Apply    *a,
                 GArray   *binds,
                 GError  **error)
{
  const SlTypeSpec *spec = sl_document_get_spec (a->doc);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean same;

  g_string_printf (sql, "SELECT 1 FROM %s WHERE uuid = ?1", spec->table);
  for (guint i = 1; i < binds->len; i++)
    g_string_append_printf (sql, " AND %s IS ?%u", g_array_index (binds, Bind, i).column, i + 1);
  stmt = sl_database_prepare (a->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sl_apply_bind_all (stmt, binds, 1);
  if (!sl_database_step_row (a->db, stmt, &same, error))
    return FALSE;
  return same || fail_immutable (a, error);
}

static gboolean
write_item (Apply   *a,
            GError **error)
{
  const SlTypeSpec *spec = sl_document_get_spec (a->doc);
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autoptr(GString) sql = NULL;
  gboolean found;

  sl_apply_add_bind (binds, "uuid", BIND_TEXT, 0, sl_document_get_uuid (a->doc));
  sl_apply_add_bind (binds, "author", BIND_TEXT, 0, sl_document_get_author (a->doc));
  sl_apply_add_bind (binds, "created_at", BIND_INT, sl_document_get_created_at (a->doc), NULL);
  if (spec->has_updated_at)
    sl_apply_add_bind (binds, "updated_at", BIND_INT, sl_document_get_updated_at (a->doc), NULL);
  if (!sl_apply_add_fields (a, "", spec->fields, spec->n_fields, sl_document_get_values (a->doc), binds, error))
    return FALSE;

  sql = sl_apply_insert_sql (spec->table, binds);
  g_string_append (sql, " ON CONFLICT (uuid) DO ");
  if (spec->immutable)
    g_string_append (sql, "NOTHING");
  else
    {
      g_string_append (sql, "UPDATE SET ");
      sl_apply_append_assignments (sql, binds, 1, TRUE);
    }
  if (!sl_apply_run (a, sql->str, binds, error))
    return FALSE;
  if (spec->immutable && sqlite3_changes (sl_database_get_handle (a->db)) == 0 &&
      !check_unchanged (a, binds, error))
    return FALSE;

  g_string_printf (sql, "SELECT id FROM %s WHERE uuid = ?1", spec->table);
  return sl_apply_query_id (a, sql->str, sl_document_get_uuid (a->doc), 0, &a->item_id, &found, error);
}

/* The ids of the item's rows (key results, lines) in document order. */
static GArray *
existing_rows (Apply            *a,
               const SlRowSpec  *spec,
               GPtrArray        *uuids,
               GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row;
  gboolean ok;

  g_string_printf (sql, "SELECT id, %s FROM %s WHERE %s = ?1",
                   spec->by_uuid ? "uuid" : "NULL", spec->table, spec->parent_column);
  if (spec->fixed_column != NULL)
    g_string_append_printf (sql, " AND %s = ?2", spec->fixed_column);
  g_string_append_printf (sql, " ORDER BY %s", spec->order_by);

  stmt = sl_database_prepare (a->db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->item_id);
  if (spec->fixed_column != NULL)
    sqlite3_bind_text (stmt, 2, spec->fixed_value, -1, SQLITE_STATIC);
  while ((ok = sl_database_step_row (a->db, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      if (uuids != NULL)
        g_ptr_array_add (uuids, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  return ok ? g_steal_pointer (&ids) : NULL;
}

static gboolean
delete_row (Apply            *a,
            const SlRowSpec  *spec,
            gint64            id,
            GError          **error)
{
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", spec->table);

  sl_apply_add_bind (binds, "id", BIND_INT, id, NULL);
  return sl_apply_run (a, sql, binds, error);
}

/* Key results and plan lines have no ids of their own: the n-th row
 * of the document updates the n-th stored row, so ids stay put. */
static gboolean
write_rows_by_position (Apply            *a,
                        const SlRowSpec  *spec,
                        GPtrArray        *rows,
                        GError          **error)
{
  g_autoptr(GArray) ids = existing_rows (a, spec, NULL, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
      g_autofree char *prefix = g_strdup_printf ("%s[%u].", spec->name, i);
      g_autoptr(GString) sql = NULL;

      if (!sl_apply_add_fields (a, prefix, spec->fields, spec->n_fields, rows->pdata[i], binds, error))
        return FALSE;
      sl_apply_add_bind (binds, "position", BIND_INT, i, NULL);
      if (i < ids->len)
        {
          sql = g_string_new (NULL);
          g_string_printf (sql, "UPDATE %s SET ", spec->table);
          sl_apply_append_assignments (sql, binds, 0, FALSE);
          g_string_append_printf (sql, " WHERE id = ?%u", binds->len + 1);
          sl_apply_add_bind (binds, "id", BIND_INT, g_array_index (ids, gint64, i), NULL);
        }
      else
        {
          sl_apply_add_bind (binds, spec->parent_column, BIND_INT, a->item_id, NULL);
          sql = sl_apply_insert_sql (spec->table, binds);
        }
      if (!sl_apply_run (a, sql->str, binds, error))
        return FALSE;
    }
  for (guint i = rows->len; i < ids->len; i++)
    if (!delete_row (a, spec, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* A line's id must not be that of another item's budget line. */
static gboolean
check_line_owner (Apply            *a,
                  const SlRowSpec  *spec,
                  guint             index,
                  const char       *uuid,
                  GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, %s FROM %s WHERE uuid = ?1",
                                          spec->parent_column, spec->fixed_column, spec->table);
  g_autoptr(SlStatement) stmt = sl_database_prepare (a->db, sql, error);
  g_autofree char *path = NULL;
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!sl_database_step_row (a->db, stmt, &found, error))
    return FALSE;
  if (!found || (sqlite3_column_int64 (stmt, 0) == a->item_id &&
                 g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), spec->fixed_value) == 0))
    return TRUE;
  path = g_strdup_printf ("%s[%u].id", spec->name, index);
  return sl_document_fail (error, SL_DOCUMENT_ERROR_BAD_VALUE, a->doc_id, path,
                           _("this id belongs to a budget line outside this request"));
}

static gboolean
delete_missing_lines (Apply            *a,
                      const SlRowSpec  *spec,
                      GHashTable       *keep,
                      GError          **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = existing_rows (a, spec, uuids, error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!g_hash_table_contains (keep, uuids->pdata[i]) &&
        !delete_row (a, spec, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Request lines carry their own uuid: matched by it, the others deleted. */
static gboolean
write_rows_by_uuid (Apply            *a,
                    const SlRowSpec  *spec,
                    GPtrArray        *rows,
                    GError          **error)
{
  int uuid_field = sl_document_spec_find (spec->fields, spec->n_fields, "id");
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (keep, ((SlFieldRow *)rows->pdata[i])->values[uuid_field].text);
  if (!delete_missing_lines (a, spec, keep, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      SlFieldRow *row = rows->pdata[i];
      g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
      g_autofree char *prefix = g_strdup_printf ("%s[%u].", spec->name, i);
      g_autoptr(GString) sql = NULL;

      if (!check_line_owner (a, spec, i, row->values[uuid_field].text, error) ||
          !sl_apply_add_fields (a, prefix, spec->fields, spec->n_fields, row, binds, error))
        return FALSE;
      sl_apply_add_bind (binds, spec->parent_column, BIND_INT, a->item_id, NULL);
      sl_apply_add_bind (binds, spec->fixed_column, BIND_TEXT, 0, spec->fixed_value);
      sql = sl_apply_insert_sql (spec->table, binds);
      g_string_append (sql, " ON CONFLICT (uuid) DO UPDATE SET ");
      sl_apply_append_assignments (sql, binds, 0, TRUE);
      if (!sl_apply_run (a, sql->str, binds, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_doc_id (Apply       *a,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));

  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, a->doc_id);
  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, sl_document_get_uuid (a->doc));
  return sl_apply_run (a, sql, binds, error);
}

static gboolean
apply_tombstone (Apply   *a,
                 GError **error)
{
  const SlTypeSpec *spec = sl_document_get_spec (a->doc);
  g_autofree char *sql = NULL;

  if (spec != NULL)
    {
      sql = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?2", spec->table);
      if (!run_doc_id (a, sql, error))
        return FALSE;
    }
  return run_doc_id (a, "UPDATE sync_doc SET foreign_json = NULL, applied_json = NULL, deleted = 1, "
                        "entity_id = NULL WHERE doc_id = ?1", error);
}

/* The document as JSON text, without CouchDB's members. */
static char *
document_text (SlDocument *doc)
{
  g_autoptr(JsonNode) node = sl_document_object_node (sl_document_strip_meta (sl_document_get_json (doc)));

  return json_to_string (node, FALSE);
}

/* A newer schema's document: kept whole, its annotation read-only. */
static gboolean
apply_foreign (Apply   *a,
               GError **error)
{
  const SlTypeSpec *spec = sl_document_get_spec (a->doc);
  g_autofree char *json = document_text (a->doc);
  g_autofree char *entity_sql = NULL;
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  gint64 entity_id = 0;
  gboolean found = FALSE;

  if (spec != NULL && spec->kind == SL_DOCUMENT_KIND_ANNOTATION &&
      !run_doc_id (a, "UPDATE annotation SET read_only = 1 WHERE uuid = ?2 AND read_only = 0", error))
    return FALSE;
  entity_sql = spec ? g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", spec->table) : NULL;
  if (spec != NULL &&
      !sl_apply_query_id (a, entity_sql, sl_document_get_uuid (a->doc), 0, &entity_id, &found, error))
    return FALSE;

  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, a->doc_id);
  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, spec ? spec->table : sl_document_get_doc_type (a->doc));
  sl_apply_add_bind (binds, NULL, found ? BIND_INT : BIND_NULL, entity_id, NULL);
  sl_apply_add_bind (binds, NULL, BIND_INT, sl_document_get_schema (a->doc), NULL);
  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, json);
  sl_apply_add_bind (binds, NULL, BIND_INT, g_get_real_time (), NULL);
  return sl_apply_run (a,
                       "INSERT INTO sync_doc (doc_id, entity, entity_id, dirty, deleted, schema_version, "
                       "foreign_json, updated_at) VALUES (?1, ?2, ?3, 0, 0, ?4, ?5, ?6) "
                       "ON CONFLICT (doc_id) DO UPDATE SET entity = excluded.entity, "
                       "entity_id = excluded.entity_id, dirty = 0, deleted = 0, "
                       "schema_version = excluded.schema_version, foreign_json = excluded.foreign_json, "
                       "updated_at = excluded.updated_at",
                       binds, error);
}

/* Keeps the document as applied, for the members the rows do not
 * hold; one of our schema replaces a newer one kept before, and its
 * annotation is editable again. */
static gboolean
record_applied (Apply   *a,
                GError **error)
{
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autofree char *json = document_text (a->doc);

  if (sl_document_get_kind (a->doc) == SL_DOCUMENT_KIND_ANNOTATION &&
      !run_doc_id (a, "UPDATE annotation SET read_only = 0 WHERE uuid = ?2 AND read_only = 1", error))
    return FALSE;

  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, a->doc_id);
  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, sl_document_get_spec (a->doc)->table);
  sl_apply_add_bind (binds, NULL, BIND_INT, a->item_id, NULL);
  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, json);
  sl_apply_add_bind (binds, NULL, BIND_INT, g_get_real_time (), NULL);
  sl_apply_add_bind (binds, NULL, BIND_INT, SL_DOCUMENT_SCHEMA, NULL);
  return sl_apply_run (a,
                       "INSERT INTO sync_doc (doc_id, entity, entity_id, dirty, updated_at, applied_json) "
                       "VALUES (?1, ?2, ?3, 1, ?5, ?4) "
                       "ON CONFLICT (doc_id) DO UPDATE SET applied_json = excluded.applied_json, "
                       "foreign_json = NULL, schema_version = ?6",
                       binds, error);
}

static gboolean
read_currency (Apply   *a,
               GError **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (a->db, "SELECT currency FROM workspace WHERE id = 1",
                                                     error);
  gboolean has_row;

  if (stmt == NULL || !sl_database_step_row (a->db, stmt, &has_row, error))
    return FALSE;
  a->currency = g_strdup (has_row ? (const char *)sqlite3_column_text (stmt, 0) : "");
  return TRUE;
}

gboolean
sl_document_apply_rows (SlDatabase  *db,
                        SlDocument  *doc,
                        GError     **error)
{
  const SlTypeSpec *spec = sl_document_get_spec (doc);
  Apply a = { db, doc, sl_document_get_id (doc), NULL, 0 };
  gboolean ok;

  if (sl_document_is_deleted (doc))
    return apply_tombstone (&a, error);
  if (sl_document_is_foreign (doc))
    return apply_foreign (&a, error);

  ok = read_currency (&a, error) && write_item (&a, error);
  if (ok && spec->rows != NULL)
    ok = spec->rows->by_uuid ? write_rows_by_uuid (&a, spec->rows, sl_document_get_rows (doc), error)
                             : write_rows_by_position (&a, spec->rows, sl_document_get_rows (doc), error);
  ok = ok && record_applied (&a, error);
  g_free (a.currency);
  return ok;
}
