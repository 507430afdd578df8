/* sl-document-apply.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a decoded document to its rows: the item by uuid, then its
 * key results or lines. Column names come from the constant tables of
 * sl-document-spec.c; every value is a bound parameter.
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-document-apply-private.h"

void
sl_apply_add_bind (GArray     *binds,
                   const char *column,
                   BindType    type,
                   gint64      number,
                   const char *text)
{
  Bind bind = { column, type, number, text };

  g_array_append_val (binds, bind);
}

void
sl_apply_bind_all (sqlite3_stmt *stmt,
                   GArray       *binds,
                   int           first)
{
  for (guint i = 0; i < binds->len; i++)
    {
      Bind *b = &g_array_index (binds, Bind, i);

      if (b->type == BIND_INT)
        sqlite3_bind_int64 (stmt, first + i, b->number);
      else if (b->type == BIND_TEXT)
        sqlite3_bind_text (stmt, first + i, b->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, first + i);
    }
}

/* Runs @sql with @text as ?1 and @number as ?2; *id is the first column. */
gboolean
sl_apply_query_id (Apply       *a,
                   const char  *sql,
                   const char  *text,
                   gint64       number,
                   gint64      *id,
                   gboolean    *found,
                   GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (a->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, number);
  if (!sl_database_step_row (a->db, stmt, found, error))
    return FALSE;
  *id = *found ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
sl_apply_run (Apply       *a,
              const char  *sql,
              GArray      *binds,
              GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (a->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sl_apply_bind_all (stmt, binds, 1);
  if (!sl_database_step_done (a->db, stmt, error))
    {
      g_prefix_error (error, "%s: ", a->doc_id);
      return FALSE;
    }
  return TRUE;
}

/* Inserts a channel or campaign: a new uuid as ?1, @name as ?2 and,
 * when above 0, @parent as ?3. */
static gboolean
insert_named (Apply       *a,
              const char  *sql,
              const char  *name,
              gint64       parent,
              gint64      *id,
              GError     **error)
{
  g_autoptr(GArray) binds = g_array_new (FALSE, FALSE, sizeof (Bind));
  g_autofree char *uuid = g_uuid_string_random ();

  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, uuid);
  sl_apply_add_bind (binds, NULL, BIND_TEXT, 0, name);
  if (parent > 0)
    sl_apply_add_bind (binds, NULL, BIND_INT, parent, NULL);
  if (!sl_apply_run (a, sql, binds, error))
    return FALSE;
  *id = sl_database_last_insert_id (a->db);
  return TRUE;
}

/* A channel by name, ignoring case; one the workspace lacks is made. */
static gboolean
resolve_channel (Apply       *a,
                 const char  *name,
                 gint64      *id,
                 GError     **error)
{
  gboolean found;

  if (!sl_apply_query_id (a, "SELECT id FROM channel WHERE name = ?1", name, 0, id, &found, error))
    return FALSE;
  return found ||
         insert_named (a, "INSERT INTO channel (uuid, name, kind, position) VALUES (?1, ?2, 'other', "
                          "(SELECT ifnull (max (position) + 1, 0) FROM channel))",
                       name, 0, id, error);
}

/* A campaign by its channel and name; one the workspace lacks is made. */
static gboolean
resolve_campaign (Apply               *a,
                  const SlFieldValue  *value,
                  gint64              *id,
                  GError             **error)
{
  gint64 channel_id;
  gboolean found;

  if (!resolve_channel (a, value->text, &channel_id, error) ||
      !sl_apply_query_id (a, "SELECT id FROM campaign WHERE name = ?1 AND channel_id = ?2",
                          value->text2, channel_id, id, &found, error))
    return FALSE;
  return found ||
         insert_named (a, "INSERT INTO campaign (uuid, name, channel_id) VALUES (?1, ?2, ?3)",
                       value->text2, channel_id, id, error);
}

static gboolean
resolve_reference (Apply              *a,
                   const char         *path,
                   const SlFieldSpec  *field,
                   const char         *uuid,
                   gint64             *id,
                   GError            **error)
{
  gboolean goal = field->kind == SL_FIELD_GOAL;
  gboolean found;

  if (!sl_apply_query_id (a, goal ? "SELECT id FROM goal WHERE uuid = ?1"
                               : "SELECT id FROM realloc_plan WHERE uuid = ?1",
                          uuid, 0, id, &found, error))
    return FALSE;
  if (!found)
    return sl_document_fail (error, SL_DOCUMENT_ERROR_REFERENCE, a->doc_id, path,
                             goal ? _("this workspace has no goal with this id")
                                  : _("this workspace has no plan with this id"));
  return TRUE;
}

static gboolean
check_target (Apply               *a,
              const char          *path,
              const SlFieldValue  *value,
              GError             **error)
{
  g_autofree char *full = NULL;
  g_autofree char *reason = NULL;

  if (value->text == NULL || strcmp (value->text, a->currency) == 0)
    return TRUE;
  full = g_strconcat (path, ".currency", NULL);
  /* Translators: %s is a currency code, "USD" */
  reason = g_strdup_printf (_("a money target is in the workspace currency, %s"), a->currency);
  return sl_document_fail (error, SL_DOCUMENT_ERROR_BAD_VALUE, a->doc_id, full, reason);
}

/* The columns and values one field writes. */
static gboolean
add_field (Apply               *a,
           const char          *prefix,
           const SlFieldSpec   *f,
           const SlFieldValue  *v,
           GArray              *binds,
           GError             **error)
{
  g_autofree char *path = g_strconcat (prefix, f->name, NULL);
  gint64 id = 0;

  switch (f->kind)
    {
    case SL_FIELD_PERIOD:
      sl_apply_add_bind (binds, f->column, BIND_INT, v->a, NULL);
      sl_apply_add_bind (binds, f->column2, BIND_INT, v->b, NULL);
      return TRUE;
    case SL_FIELD_MONEY:
    case SL_FIELD_MONEY_OR_NULL:
      sl_apply_add_bind (binds, f->column, v->is_null ? BIND_NULL : BIND_INT, v->a, NULL);
      sl_apply_add_bind (binds, f->column2, v->is_null ? BIND_NULL : BIND_TEXT, 0, v->text);
      return TRUE;
    case SL_FIELD_TARGET:
      if (!check_target (a, path, v, error))
        return FALSE;
      G_GNUC_FALLTHROUGH;
    case SL_FIELD_DAY:
    case SL_FIELD_DAY_OR_NULL:
    case SL_FIELD_TIME_OR_NULL:
    case SL_FIELD_PLAN_MONEY:
      sl_apply_add_bind (binds, f->column, v->is_null ? BIND_NULL : BIND_INT, v->a, NULL);
      return TRUE;
    case SL_FIELD_CHANNEL:
    case SL_FIELD_LINE_CHANNEL:
      if (!v->is_null && !resolve_channel (a, v->text, &id, error))
        return FALSE;
      sl_apply_add_bind (binds, f->column, v->is_null ? BIND_NULL : BIND_INT, id, NULL);
      if (f->kind == SL_FIELD_LINE_CHANNEL)
        sl_apply_add_bind (binds, f->column2, BIND_INT, v->is_null, NULL);
      return TRUE;
    case SL_FIELD_CAMPAIGN:
      if (!v->is_null && !resolve_campaign (a, v, &id, error))
        return FALSE;
      sl_apply_add_bind (binds, f->column, v->is_null ? BIND_NULL : BIND_INT, id, NULL);
      return TRUE;
    case SL_FIELD_GOAL:
    case SL_FIELD_PLAN:
      if (!v->is_null && !resolve_reference (a, path, f, v->text, &id, error))
        return FALSE;
      sl_apply_add_bind (binds, f->column, v->is_null ? BIND_NULL : BIND_INT, id, NULL);
      return TRUE;
    default:
      sl_apply_add_bind (binds, f->column, v->is_null ? BIND_NULL : BIND_TEXT, 0, v->text);
      return TRUE;
    }
}

gboolean
sl_apply_add_fields (Apply              *a,
                     const char         *prefix,
                     const SlFieldSpec  *fields,
                     guint               n_fields,
                     SlFieldRow         *row,
                     GArray             *binds,
                     GError            **error)
{
  for (guint i = 0; i < n_fields; i++)
    if (!add_field (a, prefix, &fields[i], &row->values[i], binds, error))
      return FALSE;
  return TRUE;
}

/* "INSERT INTO t (c1, c2) VALUES (?1, ?2)" and what follows it. */
GString *
sl_apply_insert_sql (const char *table,
                     GArray     *binds)
{
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; i < binds->len; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", g_array_index (binds, Bind, i).column);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < binds->len; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");
  return sql;
}

/* ", c1 = excluded.c1…" or ", c1 = ?1…" for the binds from @first on. */
void
sl_apply_append_assignments (GString    *sql,
                             GArray     *binds,
                             guint       first,
                             gboolean    excluded)
{
  for (guint i = first; i < binds->len; i++)
    {
      const char *column = g_array_index (binds, Bind, i).column;

      g_string_append_printf (sql, "%s%s = ", i > first ? ", " : "", column);
      if (excluded)
        g_string_append_printf (sql, "excluded.%s", column);
      else
        g_string_append_printf (sql, "?%u", i + 1);
    }
}
