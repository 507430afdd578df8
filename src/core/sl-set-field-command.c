/* sl-set-field-command.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-set-field-command.h"
#include "sl-sql.h"

struct _SlSetFieldCommand
{
  SlCommand  parent_instance;

  char      *table;
  gint64     id;
  char      *column;
  JsonNode  *new_value;
  JsonNode  *old_value;   /* read on first apply */
};

G_DEFINE_FINAL_TYPE (SlSetFieldCommand, sl_set_field_command, SL_TYPE_COMMAND)

static JsonNode *
read_value (SlSetFieldCommand  *self,
            SlDatabase         *db,
            GError            **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  /* Identifiers were checked against the schema; values are bound. */
  sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?1", self->column, self->table);
  stmt = sl_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a table name, %lld a row number */
                   _("The %s %lld no longer exists"), self->table, (long long)self->id);
      return NULL;
    }
  return sl_sql_column_json (stmt, 0);
}

static gboolean
write_value (SlSetFieldCommand  *self,
             SlDatabase         *db,
             JsonNode           *from,
             JsonNode           *to,
             GError            **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *old_text = sl_sql_json_to_text (from);
  g_autofree char *new_text = sl_sql_json_to_text (to);
  g_autoptr(SlStatement) stmt = NULL;

  sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2", self->table, self->column);
  stmt = sl_database_prepare (db, sql, error);
  if (stmt == NULL || !sl_sql_bind_json (stmt, 1, to, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, self->id);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  return sl_command_record (SL_COMMAND (self), db, self->table, self->id,
                            self->column, old_text, new_text, error);
}

static gboolean
sl_set_field_command_apply (SlCommand   *command,
                            SlDatabase  *db,
                            GError     **error)
{
  SlSetFieldCommand *self = SL_SET_FIELD_COMMAND (command);
  g_autoptr(JsonNode) current = NULL;

  if (!sl_sql_check_column (db, self->table, self->column, error))
    return FALSE;

  current = read_value (self, db, error);
  if (current == NULL)
    return FALSE;
  if (self->old_value == NULL)
    self->old_value = json_node_copy (current);

  return write_value (self, db, current, self->new_value, error);
}

static gboolean
sl_set_field_command_revert (SlCommand   *command,
                             SlDatabase  *db,
                             GError     **error)
{
  SlSetFieldCommand *self = SL_SET_FIELD_COMMAND (command);

  g_return_val_if_fail (self->old_value != NULL, FALSE);

  return write_value (self, db, self->new_value, self->old_value, error);
}

static void
sl_set_field_command_finalize (GObject *object)
{
  SlSetFieldCommand *self = (SlSetFieldCommand *)object;

  g_free (self->table);
  g_free (self->column);
  g_clear_pointer (&self->new_value, json_node_unref);
  g_clear_pointer (&self->old_value, json_node_unref);

  G_OBJECT_CLASS (sl_set_field_command_parent_class)->finalize (object);
}

static void
sl_set_field_command_class_init (SlSetFieldCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlCommandClass *command_class = SL_COMMAND_CLASS (klass);

  object_class->finalize = sl_set_field_command_finalize;
  command_class->apply = sl_set_field_command_apply;
  command_class->revert = sl_set_field_command_revert;
}

static void
sl_set_field_command_init (SlSetFieldCommand *self)
{
}

SlCommand *
sl_set_field_command_new (const char *label,
                          const char *table,
                          gint64      id,
                          const char *column,
                          JsonNode   *value)
{
  SlSetFieldCommand *self;

  g_return_val_if_fail (table != NULL && column != NULL, NULL);

  self = g_object_new (SL_TYPE_SET_FIELD_COMMAND, "label", label, NULL);
  self->table = g_strdup (table);
  self->id = id;
  self->column = g_strdup (column);
  self->new_value = value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL);
  sl_command_add_table (SL_COMMAND (self), table);
  return SL_COMMAND (self);
}
