/* sl-sql.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-sql.h"

static const char * const editable_tables[] = {
  "annotation", "budget_line", "budget_request", "campaign", "channel",
  "comment", "decision", "finance_event", "fx_rate", "goal", "headcount", "key_result", "kpi",
  "realloc_line", "realloc_plan", "workspace",
  NULL
};

gboolean
sl_sql_bind_json (sqlite3_stmt  *stmt,
                  int            index,
                  JsonNode      *value,
                  GError       **error)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;

  if (JSON_NODE_HOLDS_VALUE (value))
    {
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_INT64:
          return sqlite3_bind_int64 (stmt, index, json_node_get_int (value)) == SQLITE_OK;
        case G_TYPE_BOOLEAN:
          return sqlite3_bind_int (stmt, index, json_node_get_boolean (value)) == SQLITE_OK;
        case G_TYPE_STRING:
          return sqlite3_bind_text (stmt, index, json_node_get_string (value), -1,
                                    SQLITE_TRANSIENT) == SQLITE_OK;
        default:
          break;
        }
    }

  g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
               _("Only whole numbers, text and empty values can be stored here"));
  return FALSE;
}

JsonNode *
sl_sql_column_json (sqlite3_stmt *stmt,
                    int           column)
{
  JsonNode *node = json_node_alloc ();

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      return json_node_init_int (node, sqlite3_column_int64 (stmt, column));
    case SQLITE_NULL:
      return json_node_init_null (node);
    default:
      return json_node_init_string (node, (const char *)sqlite3_column_text (stmt, column));
    }
}

char *
sl_sql_json_to_text (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (value))
    {
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_INT64:
          return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
        case G_TYPE_BOOLEAN:
          return g_strdup (json_node_get_boolean (value) ? "1" : "0");
        case G_TYPE_STRING:
          return g_strdup (json_node_get_string (value));
        default:
          break;
        }
    }
  return json_to_string (value, FALSE);
}

gboolean
sl_sql_table_is_editable (const char *table)
{
  return table != NULL && g_strv_contains (editable_tables, table);
}

gboolean
sl_sql_check_column (SlDatabase  *db,
                     const char  *table,
                     const char  *column,
                     GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  if (!sl_sql_table_is_editable (table))
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a table name */
                   _("“%s” cannot be edited directly"), table);
      return FALSE;
    }

  stmt = sl_database_prepare (db, "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   /* Translators: the first %s is a field name, the second a table */
                   _("“%s” is not a field of “%s”"), column, table);
      return FALSE;
    }
  return TRUE;
}

void
sl_sql_bind_day (sqlite3_stmt *stmt,
                 int           index,
                 SlDay         day)
{
  if (day == SL_DAY_INVALID)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, day);
}

void
sl_sql_bind_id (sqlite3_stmt *stmt,
                int           index,
                gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}
