/* sl-sync-account.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-sync-account.h"

struct _SlSyncAccount
{
  GObject     parent_instance;

  SlDatabase *db;
  gint64      id;
  char       *url;
  char       *database;
  char       *user;
  char       *client_id;
  char       *server_uuid;
  char       *last_seq;
  gint64      last_sync_at;
};

G_DEFINE_FINAL_TYPE (SlSyncAccount, sl_sync_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_DB_NAME,
  PROP_USER,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define ACCOUNT_COLUMNS \
  "id, url, db_name, username, client_id, server_uuid, last_seq, last_sync_at"

/* Helpers */

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static SlSyncAccount *
account_new_from_row (SlDatabase   *db,
                      sqlite3_stmt *stmt)
{
  SlSyncAccount *self = g_object_new (SL_TYPE_SYNC_ACCOUNT, NULL);

  self->db = g_object_ref (db);
  self->id = sqlite3_column_int64 (stmt, 0);
  self->url = column_text (stmt, 1);
  self->database = column_text (stmt, 2);
  self->user = column_text (stmt, 3);
  self->client_id = column_text (stmt, 4);
  self->server_uuid = column_text (stmt, 5);
  self->last_seq = column_text (stmt, 6);
  self->last_sync_at = sqlite3_column_int64 (stmt, 7);
  return self;
}

static GPtrArray *
query_accounts (SlDatabase  *db,
                const char  *sql,
                const char  *url,
                const char  *database,
                GError     **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, error);
  gboolean has_row;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  if (url != NULL)
    {
      sqlite3_bind_text (stmt, 1, url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, database, -1, SQLITE_TRANSIENT);
    }
  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (accounts, account_new_from_row (db, stmt));
  return ok ? g_steal_pointer (&accounts) : NULL;
}

static char *
normalize_url (const char *url)
{
  g_autofree char *copy = g_strstrip (g_strdup (url));
  gsize length = strlen (copy);

  while (length > 0 && copy[length - 1] == '/')
    copy[--length] = '\0';
  return g_steal_pointer (&copy);
}

static gboolean
upsert (SlDatabase  *db,
        const char  *url,
        const char  *database,
        const char  *user,
        GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *client_id = g_uuid_string_random ();

  stmt = sl_database_prepare (db,
                              "INSERT INTO sync_server (url, db_name, username, client_id) "
                              "VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (url, db_name) DO UPDATE SET username = excluded.username",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, database, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, client_id, -1, SQLITE_TRANSIENT);
  return sl_database_step_done (db, stmt, error);
}

/* Writes one column of this account's row; @sql has ?1 = value, ?2 = id. */
static gboolean
update_column (SlSyncAccount  *self,
               const char     *sql,
               const char     *value,
               GError        **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, self->id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return sl_database_step_done (self->db, stmt, error);
}

/* GObject */

static void
sl_sync_account_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlSyncAccount *self = SL_SYNC_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DB_NAME:
      g_value_set_string (value, self->database);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_sync_account_dispose (GObject *object)
{
  SlSyncAccount *self = (SlSyncAccount *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (sl_sync_account_parent_class)->dispose (object);
}

static void
sl_sync_account_finalize (GObject *object)
{
  SlSyncAccount *self = (SlSyncAccount *)object;

  g_free (self->url);
  g_free (self->database);
  g_free (self->user);
  g_free (self->client_id);
  g_free (self->server_uuid);
  g_free (self->last_seq);

  G_OBJECT_CLASS (sl_sync_account_parent_class)->finalize (object);
}

static void
sl_sync_account_class_init (SlSyncAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sl_sync_account_get_property;
  object_class->dispose = sl_sync_account_dispose;
  object_class->finalize = sl_sync_account_finalize;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DB_NAME] =
    g_param_spec_string ("db-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_sync_account_init (SlSyncAccount *self)
{
}

/* Public API */

GPtrArray *
sl_sync_account_list (SlDatabase  *db,
                      GError     **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  return query_accounts (db, "SELECT " ACCOUNT_COLUMNS " FROM sync_server ORDER BY id",
                         NULL, NULL, error);
}

SlSyncAccount *
sl_sync_account_lookup_first (SlDatabase  *db,
                              GError     **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  accounts = query_accounts (db, "SELECT " ACCOUNT_COLUMNS " FROM sync_server ORDER BY id LIMIT 1",
                             NULL, NULL, error);
  if (accounts == NULL || accounts->len == 0)
    return NULL;
  return g_object_ref (accounts->pdata[0]);
}

SlSyncAccount *
sl_sync_account_add (SlDatabase  *db,
                     const char  *url,
                     const char  *database,
                     const char  *user,
                     GError     **error)
{
  g_autofree char *clean_url = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (url != NULL && database != NULL && user != NULL, NULL);

  clean_url = normalize_url (url);
  if (!upsert (db, clean_url, database, user, error))
    return NULL;
  accounts = query_accounts (db, "SELECT " ACCOUNT_COLUMNS " FROM sync_server "
                             "WHERE url = ?1 AND db_name = ?2",
                             clean_url, database, error);
  if (accounts == NULL)
    return NULL;
  g_assert (accounts->len == 1);
  return g_object_ref (accounts->pdata[0]);
}

gboolean
sl_sync_account_remove (SlSyncAccount  *self,
                        GError        **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), FALSE);

  stmt = sl_database_prepare (self->db, "DELETE FROM sync_server WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  return sl_database_step_done (self->db, stmt, error);
}

gboolean
sl_sync_account_reload (SlSyncAccount  *self,
                        GError        **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), FALSE);

  stmt = sl_database_prepare (self->db, "SELECT server_uuid, last_seq, last_sync_at FROM sync_server "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (!sl_database_step_row (self->db, stmt, &has_row, error))
    return FALSE;
  g_clear_pointer (&self->server_uuid, g_free);
  g_clear_pointer (&self->last_seq, g_free);
  self->last_sync_at = 0;
  if (has_row)
    {
      self->server_uuid = column_text (stmt, 0);
      self->last_seq = column_text (stmt, 1);
      self->last_sync_at = sqlite3_column_int64 (stmt, 2);
    }
  return TRUE;
}

gint64
sl_sync_account_get_id (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), 0);
  return self->id;
}

const char *
sl_sync_account_get_url (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), NULL);
  return self->url;
}

SlDatabase *
sl_sync_account_get_database (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), NULL);
  return self->db;
}

const char *
sl_sync_account_get_db_name (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), NULL);
  return self->database;
}

const char *
sl_sync_account_get_user (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), NULL);
  return self->user;
}

const char *
sl_sync_account_get_client_id (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), NULL);
  return self->client_id;
}

const char *
sl_sync_account_get_server_uuid (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), NULL);
  return self->server_uuid;
}

const char *
sl_sync_account_get_last_seq (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), NULL);
  return self->last_seq;
}

gint64
sl_sync_account_get_last_sync_at (SlSyncAccount *self)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), 0);
  return self->last_sync_at;
}

gboolean
sl_sync_account_set_server_uuid (SlSyncAccount  *self,
                                 const char     *uuid,
                                 GError        **error)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (g_strcmp0 (self->server_uuid, uuid) == 0)
    return TRUE;
  if (!update_column (self, "UPDATE sync_server SET server_uuid = ?1, last_seq = NULL WHERE id = ?2",
                      uuid, error))
    return FALSE;
  g_free (self->server_uuid);
  self->server_uuid = g_strdup (uuid);
  g_clear_pointer (&self->last_seq, g_free);
  return TRUE;
}

gboolean
sl_sync_account_set_last_seq (SlSyncAccount  *self,
                              const char     *last_seq,
                              GError        **error)
{
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (self), FALSE);

  if (!update_column (self, "UPDATE sync_server SET last_seq = ?1, last_sync_at = ?3 WHERE id = ?2",
                      last_seq, error))
    return FALSE;
  g_free (self->last_seq);
  self->last_seq = g_strdup (last_seq);
  self->last_sync_at = g_get_real_time ();
  return TRUE;
}
