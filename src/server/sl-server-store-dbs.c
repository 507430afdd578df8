/* sl-server-store-dbs.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's databases: their names, creating, finding, dropping them.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-server-db-private.h"
#include "sl-server-error.h"
#include "sl-server-store-private.h"

gboolean
sl_server_store_name_is_valid (const char *name)
{
  if (name == NULL || !g_ascii_islower (name[0]) || strlen (name) > 238)
    return FALSE;

  for (const char *p = name + 1; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) &&
          strchr ("_$()+/-", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (sl_server_store_name_is_valid (name))
    return TRUE;

  g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_ILLEGAL_DB_NAME,
                       "A database name begins with a letter (a-z) and holds only "
                       "lowercase letters, digits and _ $ ( ) + - /.");
  return FALSE;
}

SlServerDb *
sl_server_store_get_db (SlServerStore  *self,
                        const char     *name,
                        GError        **error)
{
  SlServerDb *db;
  gboolean has_row;

  if (!check_name (name, error))
    return NULL;

  db = g_hash_table_lookup (self->dbs, name);
  if (db == NULL)
    {
      g_autoptr(SlServerStmt) stmt =
        sl_server_store_prepare (self, "SELECT id FROM db WHERE name = ?", error);

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      if (!sl_server_store_step_row (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        {
          g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND,
                               "Database does not exist.");
          return NULL;
        }

      db = sl_server_db_new (self, sqlite3_column_int64 (stmt, 0), name);
      g_hash_table_insert (self->dbs, g_strdup (name), db);
    }

  return db;
}

SlServerDb *
sl_server_store_create_db (SlServerStore  *self,
                           const char     *name,
                           GError        **error)
{
  g_autoptr(SlServerStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);

  if (!check_name (name, error))
    return NULL;

  stmt = sl_server_store_prepare (self,
                                  "INSERT INTO db (name, security, created_at) "
                                  "VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, SL_SERVER_DB_DEFAULT_SECURITY, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, created, -1, SQLITE_STATIC);
  if (!sl_server_store_step_done (self, stmt, error))
    return NULL;

  if (sqlite3_changes (self->handle) == 0)
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_EXISTS,
                           "The database could not be created, the file already exists.");
      return NULL;
    }

  return sl_server_store_get_db (self, name, error);
}

gboolean
sl_server_store_delete_db (SlServerStore  *self,
                           const char     *name,
                           GError        **error)
{
  SlServerDb *db = sl_server_store_get_db (self, name, error);
  g_autoptr(SlServerStmt) stmt = NULL;

  if (db == NULL)
    return FALSE;

  stmt = sl_server_store_prepare (self, "DELETE FROM db WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sl_server_db_get_id (db));
  if (!sl_server_store_step_done (self, stmt, error))
    return FALSE;

  sl_server_db_mark_dropped (db);
  g_hash_table_remove (self->dbs, name);
  return TRUE;
}

GStrv
sl_server_store_list_dbs (SlServerStore  *self,
                          GError        **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self, "SELECT name FROM db ORDER BY name", error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  gboolean has_row;

  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      if (!sl_server_store_step_row (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
    }

  return g_strv_builder_end (names);
}
