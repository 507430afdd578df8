/* sl-history.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-history.h"
#include "sl-record.h"

void
sl_history_entry_free (SlHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->author);
  g_free (entry->action);
  g_free (entry->label);
  g_free (entry->entity);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

gboolean
sl_history_record (SlDatabase  *db,
                   const char  *author,
                   const char  *action,
                   const char  *label,
                   const char  *entity,
                   gint64       entity_id,
                   const char  *field,
                   const char  *old_value,
                   const char  *new_value,
                   GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  stmt = sl_database_prepare (db,
                              "INSERT INTO history (at, author, action, label, entity, entity_id, "
                              "field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
  sqlite3_bind_text (stmt, 2, author ? author : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, label ? label : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_STATIC);
  if (entity_id != 0)
    sqlite3_bind_int64 (stmt, 6, entity_id);
  sqlite3_bind_text (stmt, 7, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, new_value, -1, SQLITE_STATIC);

  return sl_database_step_done (db, stmt, error);
}

static SlHistoryEntry *
entry_new_from_row (sqlite3_stmt *stmt)
{
  SlHistoryEntry *entry = g_new0 (SlHistoryEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = sqlite3_column_int64 (stmt, 1);
  entry->author = sl_record_column_text (stmt, 2);
  entry->action = sl_record_column_text (stmt, 3);
  entry->label = sl_record_column_text (stmt, 4);
  entry->entity = sl_record_column_text (stmt, 5);
  entry->entity_id = sl_record_column_id (stmt, 6);
  entry->field = sl_record_column_text (stmt, 7);
  entry->old_value = sl_record_column_text (stmt, 8);
  entry->new_value = sl_record_column_text (stmt, 9);
  return entry;
}

GPtrArray *
sl_history_list (SlDatabase  *db,
                 const char  *entity,
                 gint64       entity_id,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_history_entry_free);
  gboolean has_row, ok;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  stmt = sl_database_prepare (db,
                              "SELECT id, at, author, action, label, entity, entity_id, field, "
                              "old_value, new_value FROM history "
                              "WHERE (?1 IS NULL OR entity = ?1) AND (?2 = 0 OR entity_id = ?2) "
                              "ORDER BY id DESC LIMIT ?3",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : -1);

  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (entries, entry_new_from_row (stmt));

  return ok ? g_steal_pointer (&entries) : NULL;
}
