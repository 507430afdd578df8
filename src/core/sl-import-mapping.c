/* sl-import-mapping.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sl-import-mapping.h"
#include "sl-importer.h"
#include "sl-json-guard.h"

#define CHANNEL_NAME "channel-name"

SlImportMapping *
sl_import_mapping_new (SlImportKind kind)
{
  SlImportMapping *mapping = g_new0 (SlImportMapping, 1);

  mapping->kind = kind;
  mapping->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  mapping->date_order = SL_DATE_ORDER_AUTO;
  return mapping;
}

SlImportMapping *
sl_import_mapping_copy (const SlImportMapping *mapping)
{
  SlImportMapping *copy;
  GHashTableIter iter;
  gpointer key, value;

  if (mapping == NULL)
    return NULL;
  copy = sl_import_mapping_new (mapping->kind);
  copy->source = g_strdup (mapping->source);
  copy->channel = g_strdup (mapping->channel);
  copy->date_order = mapping->date_order;
  copy->decimal_comma = mapping->decimal_comma;
  g_hash_table_iter_init (&iter, mapping->columns);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->columns, g_strdup (key), g_strdup (value));
  return copy;
}

void
sl_import_mapping_free (SlImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->source);
  g_free (mapping->channel);
  g_hash_table_unref (mapping->columns);
  g_free (mapping);
}

static gboolean
is_field (SlImportKind  kind,
          const char   *name)
{
  guint n_fields;
  const SlImportField *fields = sl_import_fields (kind, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return TRUE;
  return FALSE;
}

static char *
field_names (SlImportKind kind)
{
  guint n_fields;
  const SlImportField *fields = sl_import_fields (kind, &n_fields);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (names, "%s, ", fields[i].name);
  g_string_append (names, CHANNEL_NAME);
  return g_string_free (names, FALSE);
}

gboolean
sl_import_mapping_assign (SlImportMapping  *mapping,
                          const char       *assignment,
                          GError          **error)
{
  const char *equals = strchr (assignment, '=');
  g_autofree char *field = NULL;
  g_autofree char *names = NULL;

  if (equals == NULL)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
                   /* Translators: %s is what the user wrote; keep FIELD=COLUMN as it is */
                   _("“%s” is not FIELD=COLUMN"), assignment);
      return FALSE;
    }
  field = g_strstrip (g_strndup (assignment, equals - assignment));
  if (g_str_equal (field, CHANNEL_NAME))
    {
      g_free (mapping->channel);
      mapping->channel = *(equals + 1) != '\0' ? g_strdup (equals + 1) : NULL;
      return TRUE;
    }
  if (!is_field (mapping->kind, field))
    {
      names = field_names (mapping->kind);
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
                   /* Translators: the first %s is a word the user wrote, the second
                    * a kind of import (spend, funnel…), the third a list of fields */
                   _("“%s” is not a field of %s imports; they have: %s"),
                   field, sl_import_kind_to_string (mapping->kind), names);
      return FALSE;
    }
  g_hash_table_insert (mapping->columns, g_steal_pointer (&field), g_strdup (equals + 1));
  return TRUE;
}

const char *
sl_import_mapping_get_column (const SlImportMapping *mapping,
                              const char            *field)
{
  return g_hash_table_lookup (mapping->columns, field);
}

char *
sl_import_mapping_to_json (const SlImportMapping *mapping)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) fields = g_hash_table_get_keys (mapping->columns);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, sl_import_kind_to_string (mapping->kind));
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  fields = g_list_sort (fields, (GCompareFunc)g_strcmp0);
  for (GList *l = fields; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (mapping->columns, l->data));
    }
  json_builder_end_object (builder);
  if (mapping->channel != NULL)
    {
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, mapping->channel);
    }
  json_builder_set_member_name (builder, "date_order");
  json_builder_add_string_value (builder, sl_date_order_to_string (mapping->date_order));
  json_builder_set_member_name (builder, "decimal_comma");
  json_builder_add_boolean_value (builder, mapping->decimal_comma);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gpointer
damaged (const char  *source,
         GError     **error)
{
  g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
               /* Translators: %s is the name of a saved column mapping */
               _("The saved column mapping “%s” is damaged"), source);
  return NULL;
}

static gboolean
read_columns (SlImportMapping  *mapping,
              JsonObject       *columns,
              GError          **error)
{
  g_autoptr(GList) members = json_object_get_members (columns);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (columns, l->data);

      if (!sl_json_node_holds (node, G_TYPE_STRING) ||
          !is_field (mapping->kind, l->data))
        return damaged (mapping->source, error) != NULL;
      g_hash_table_insert (mapping->columns, g_strdup (l->data), g_strdup (json_node_get_string (node)));
    }
  return TRUE;
}

SlImportMapping *
sl_import_mapping_from_json (const char  *source,
                             const char  *json,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SlImportMapping) mapping = NULL;
  JsonObject *object, *columns;
  SlImportKind kind;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return damaged (source, error);
  object = json_node_get_object (json_parser_get_root (parser));
  columns = json_object_get_object_member (object, "columns");
  if (!sl_import_kind_from_string (sl_json_get_string (object, "kind", ""), &kind) ||
      columns == NULL)
    return damaged (source, error);

  mapping = sl_import_mapping_new (kind);
  mapping->source = g_strdup (source);
  mapping->channel = g_strdup (sl_json_get_string (object, "channel", NULL));
  mapping->decimal_comma = json_object_get_boolean_member_with_default (object, "decimal_comma", FALSE);
  if (!sl_date_order_from_string (sl_json_get_string (object, "date_order", "auto"),
                                  &mapping->date_order))
    return damaged (source, error);
  if (!read_columns (mapping, columns, error))
    return NULL;
  return g_steal_pointer (&mapping);
}

gboolean
sl_import_mapping_save (SlDatabase             *db,
                        const SlImportMapping  *mapping,
                        GError                **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (mapping->source != NULL && *mapping->source != '\0', FALSE);

  stmt = sl_database_prepare (db,
                              "INSERT INTO import_mapping (source, kind, mapping) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (source) DO UPDATE SET kind = ?2, mapping = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  json = sl_import_mapping_to_json (mapping);
  sqlite3_bind_text (stmt, 1, mapping->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sl_import_kind_to_string (mapping->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
  return sl_database_step_done (db, stmt, error);
}

SlImportMapping *
sl_import_mapping_load (SlDatabase  *db,
                        const char  *source,
                        GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db, "SELECT mapping FROM import_mapping WHERE source = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_UNKNOWN_PRESET,
                   /* Translators: %s is the name of a saved column mapping */
                   _("There is no saved column mapping called “%s”"), source);
      return NULL;
    }
  return sl_import_mapping_from_json (source, (const char *)sqlite3_column_text (stmt, 0), error);
}

GPtrArray *
sl_import_mapping_list (SlDatabase    *db,
                        SlImportKind   kind,
                        GError       **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GPtrArray) mappings = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_import_mapping_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db,
                              "SELECT source, mapping FROM import_mapping WHERE kind = ?1 ORDER BY source",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sl_import_kind_to_string (kind), -1, SQLITE_STATIC);
  while (sl_database_step_row (db, stmt, &has_row, &local_error) && has_row)
    {
      SlImportMapping *mapping = sl_import_mapping_from_json ((const char *)sqlite3_column_text (stmt, 0),
                                                              (const char *)sqlite3_column_text (stmt, 1),
                                                              error);
      if (mapping == NULL)
        return NULL;
      g_ptr_array_add (mappings, mapping);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&mappings);
}

gboolean
sl_import_mapping_delete (SlDatabase  *db,
                          const char  *source,
                          GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (db, "DELETE FROM import_mapping WHERE source = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  return sl_database_step_done (db, stmt, error);
}
