/* sl-document-write.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The encoder's half of the field tables: the SELECT list that reads a
 * row's fields (names for channel ids, uuids for goal and plan ids) and
 * the JSON each field becomes.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-document-private.h"
#include "sl-json-guard.h"
#include "sl-period.h"

/* The row's table is aliased "t" in the query these are part of. */
void
sl_document_append_select (GString           *sql,
                           const SlFieldSpec *fields,
                           guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const SlFieldSpec *f = &fields[i];

      g_string_append (sql, ", ");
      switch (f->kind)
        {
        case SL_FIELD_PERIOD:
        case SL_FIELD_MONEY:
        case SL_FIELD_MONEY_OR_NULL:
          g_string_append_printf (sql, "t.%s, t.%s", f->column, f->column2);
          break;
        case SL_FIELD_CHANNEL:
        case SL_FIELD_LINE_CHANNEL:
          g_string_append_printf (sql, "(SELECT name FROM channel WHERE id = t.%s)", f->column);
          break;
        case SL_FIELD_CAMPAIGN:
          g_string_append_printf (sql,
                                  "(SELECT ch.name FROM campaign ca JOIN channel ch ON ch.id = ca.channel_id"
                                  " WHERE ca.id = t.%s), (SELECT name FROM campaign WHERE id = t.%s)",
                                  f->column, f->column);
          break;
        case SL_FIELD_GOAL:
          g_string_append_printf (sql, "(SELECT uuid FROM goal WHERE id = t.%s)", f->column);
          break;
        case SL_FIELD_PLAN:
          g_string_append_printf (sql, "(SELECT uuid FROM realloc_plan WHERE id = t.%s)", f->column);
          break;
        default:
          g_string_append_printf (sql, "t.%s", f->column);
          break;
        }
    }
}

static JsonNode *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? json_node_init_string (json_node_alloc (), text) : json_node_new (JSON_NODE_NULL);
}

static JsonNode *
day_node (sqlite3_stmt *stmt,
          int           column)
{
  g_autofree char *text = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return json_node_new (JSON_NODE_NULL);
  text = sl_day_to_iso ((SlDay)sqlite3_column_int64 (stmt, column));
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
money_node (gint64      minor,
            const char *currency)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "minor", minor);
  json_object_set_string_member (object, "currency", currency ? currency : "");
  return sl_document_object_node (object);
}

static JsonNode *
period_node (sqlite3_stmt *stmt,
             int           column)
{
  JsonObject *object = json_object_new ();

  json_object_set_member (object, "first", day_node (stmt, column));
  json_object_set_member (object, "last", day_node (stmt, column + 1));
  return sl_document_object_node (object);
}

static JsonNode *
campaign_node (sqlite3_stmt *stmt,
               int           column)
{
  JsonObject *object;

  if (sqlite3_column_type (stmt, column + 1) == SQLITE_NULL)
    return json_node_new (JSON_NODE_NULL);
  object = json_object_new ();
  json_object_set_member (object, "channel", text_or_null (stmt, column));
  json_object_set_member (object, "name", text_or_null (stmt, column + 1));
  return sl_document_object_node (object);
}

static JsonNode *
time_node (sqlite3_stmt *stmt,
           int           column)
{
  g_autofree char *text = NULL;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return json_node_new (JSON_NODE_NULL);
  text = sl_document_format_time (sqlite3_column_int64 (stmt, column));
  return json_node_init_string (json_node_alloc (), text);
}

/* A stored snapshot is an object we wrote; a damaged one travels empty. */
static JsonNode *
object_node (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  g_autoptr(GError) error = NULL;
  JsonNode *node = text ? json_from_string (text, &error) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return node;
  g_warning ("A stored snapshot is not a JSON object: %s", error ? error->message : "");
  g_clear_pointer (&node, json_node_unref);
  return sl_document_object_node (json_object_new ());
}

/* A key result's target: money when its unit (written before it) is. */
static JsonNode *
target_node (JsonObject   *object,
             sqlite3_stmt *stmt,
             int           column,
             const char   *currency)
{
  const char *unit = sl_json_get_string (object, "unit", "");

  if (g_strcmp0 (unit, "money") == 0)
    return money_node (sqlite3_column_int64 (stmt, column), currency);
  return json_node_init_int (json_node_alloc (), sqlite3_column_int64 (stmt, column));
}

static JsonNode *
field_node (JsonObject        *object,
            const SlFieldSpec *field,
            sqlite3_stmt      *stmt,
            int                column,
            const char        *currency)
{
  switch (field->kind)
    {
    case SL_FIELD_DAY:
    case SL_FIELD_DAY_OR_NULL:
      return day_node (stmt, column);
    case SL_FIELD_PERIOD:
      return period_node (stmt, column);
    case SL_FIELD_MONEY:
    case SL_FIELD_MONEY_OR_NULL:
      if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        return json_node_new (JSON_NODE_NULL);
      return money_node (sqlite3_column_int64 (stmt, column),
                         (const char *)sqlite3_column_text (stmt, column + 1));
    case SL_FIELD_PLAN_MONEY:
      return money_node (sqlite3_column_int64 (stmt, column), currency);
    case SL_FIELD_TARGET:
      return target_node (object, stmt, column, currency);
    case SL_FIELD_TIME_OR_NULL:
      return time_node (stmt, column);
    case SL_FIELD_CAMPAIGN:
      return campaign_node (stmt, column);
    case SL_FIELD_OBJECT:
      return object_node (stmt, column);
    default:
      return text_or_null (stmt, column);
    }
}

void
sl_document_write_field (JsonObject        *object,
                         const SlFieldSpec *field,
                         sqlite3_stmt      *stmt,
                         int               *column,
                         const char        *currency)
{
  json_object_set_member (object, field->name, field_node (object, field, stmt, *column, currency));

  switch (field->kind)
    {
    case SL_FIELD_PERIOD:
    case SL_FIELD_MONEY:
    case SL_FIELD_MONEY_OR_NULL:
    case SL_FIELD_CAMPAIGN:
      *column += 2;
      break;
    default:
      *column += 1;
      break;
    }
}
