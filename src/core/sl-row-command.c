/* sl-row-command.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-row-command.h"
#include "sl-sql.h"

struct _SlRowCommand
{
  SlCommand   parent_instance;

  char       *table;
  gint64      id;
  gboolean    is_insert;
  JsonObject *row;   /* the whole row: given (insert) or read (delete) */
  SlRowCommand *parent;  /* an insert whose id goes into parent_column */
  char       *parent_column;
};

G_DEFINE_FINAL_TYPE (SlRowCommand, sl_row_command, SL_TYPE_COMMAND)

static char *
row_to_text (JsonObject *row)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), row);

  return json_to_string (node, FALSE);
}

static gboolean
read_row (SlRowCommand  *self,
          SlDatabase    *db,
          GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?1", self->table);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a table name, %lld a row number */
                   _("The %s %lld no longer exists"), self->table, (long long)self->id);
      return FALSE;
    }

  g_clear_pointer (&self->row, json_object_unref);
  self->row = json_object_new ();
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    json_object_set_member (self->row, sqlite3_column_name (stmt, i), sl_sql_column_json (stmt, i));
  return TRUE;
}

static gboolean
insert_row (SlRowCommand  *self,
            SlDatabase    *db,
            GError       **error)
{
  g_autoptr(GList) members = json_object_get_members (self->row);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  int index = 1;

  if (self->parent != NULL)
    {
      json_object_set_int_member (self->row, self->parent_column, self->parent->id);
      g_list_free (members);
      members = json_object_get_members (self->row);
    }

  /* A shared item gets its uuid once, so redo keeps its document id. */
  if (!json_object_has_member (self->row, "uuid") &&
      sl_sql_check_column (db, self->table, "uuid", NULL))
    {
      g_autofree char *uuid = g_uuid_string_random ();

      json_object_set_string_member (self->row, "uuid", uuid);
      g_list_free (members);
      members = json_object_get_members (self->row);
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!sl_sql_check_column (db, self->table, l->data, error))
        return FALSE;
      g_string_append_printf (columns, "%s\"%s\"", l == members ? "" : ", ", (char *)l->data);
      g_string_append_printf (params, "%s?%d", l == members ? "" : ", ", index++);
    }

  sql = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)", self->table, columns->str, params->str);
  stmt = sl_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  index = 1;
  for (GList *l = members; l != NULL; l = l->next)
    if (!sl_sql_bind_json (stmt, index++, json_object_get_member (self->row, l->data), error))
      return FALSE;
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  /* Redo brings the row back under the same id. */
  self->id = sl_database_last_insert_id (db);
  json_object_set_int_member (self->row, "id", self->id);

  text = row_to_text (self->row);
  return sl_command_record (SL_COMMAND (self), db, self->table, self->id, NULL, NULL, text, error);
}

static gboolean
delete_row (SlRowCommand  *self,
            SlDatabase    *db,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", self->table);
  g_autofree char *text = NULL;
  g_autoptr(SlStatement) stmt = NULL;

  if (!read_row (self, db, error))
    return FALSE;

  stmt = sl_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  text = row_to_text (self->row);
  return sl_command_record (SL_COMMAND (self), db, self->table, self->id, NULL, text, NULL, error);
}

static gboolean
sl_row_command_apply (SlCommand   *command,
                      SlDatabase  *db,
                      GError     **error)
{
  SlRowCommand *self = SL_ROW_COMMAND (command);

  return self->is_insert ? insert_row (self, db, error) : delete_row (self, db, error);
}

static gboolean
sl_row_command_revert (SlCommand   *command,
                       SlDatabase  *db,
                       GError     **error)
{
  SlRowCommand *self = SL_ROW_COMMAND (command);

  return self->is_insert ? delete_row (self, db, error) : insert_row (self, db, error);
}

static void
sl_row_command_finalize (GObject *object)
{
  SlRowCommand *self = (SlRowCommand *)object;

  g_free (self->table);
  g_free (self->parent_column);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->row, json_object_unref);

  G_OBJECT_CLASS (sl_row_command_parent_class)->finalize (object);
}

static void
sl_row_command_class_init (SlRowCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlCommandClass *command_class = SL_COMMAND_CLASS (klass);

  object_class->finalize = sl_row_command_finalize;
  command_class->apply = sl_row_command_apply;
  command_class->revert = sl_row_command_revert;
}

static void
sl_row_command_init (SlRowCommand *self)
{
}

static SlRowCommand *
row_command_new (const char *label,
                 const char *table)
{
  SlRowCommand *self = g_object_new (SL_TYPE_ROW_COMMAND, "label", label, NULL);

  self->table = g_strdup (table);
  sl_command_add_table (SL_COMMAND (self), table);
  return self;
}

SlCommand *
sl_row_command_new_insert (const char *label,
                           const char *table,
                           JsonObject *values)
{
  SlRowCommand *self;
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (table != NULL && values != NULL, NULL);

  self = row_command_new (label, table);
  self->is_insert = TRUE;
  self->row = json_object_new ();
  members = json_object_get_members (values);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (self->row, l->data, json_object_dup_member (values, l->data));
  return SL_COMMAND (self);
}

SlCommand *
sl_row_command_new_delete (const char *label,
                           const char *table,
                           gint64      id)
{
  SlRowCommand *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = row_command_new (label, table);
  self->id = id;
  return SL_COMMAND (self);
}

gint64
sl_row_command_get_id (SlRowCommand *self)
{
  g_return_val_if_fail (SL_IS_ROW_COMMAND (self), 0);
  return self->id;
}

void
sl_row_command_set_parent (SlRowCommand *self,
                           SlRowCommand *parent,
                           const char   *column)
{
  g_return_if_fail (SL_IS_ROW_COMMAND (self) && self->is_insert);
  g_return_if_fail (SL_IS_ROW_COMMAND (parent) && parent->is_insert);
  g_return_if_fail (column != NULL);

  g_set_object (&self->parent, parent);
  g_free (self->parent_column);
  self->parent_column = g_strdup (column);
}
