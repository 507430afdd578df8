/* sl-server-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sodium.h>

#include "sl-server-doc.h"
#include "sl-server-error.h"
#include "sl-server-store-private.h"


G_DEFINE_FINAL_TYPE (SlServerStore, sl_server_store, G_TYPE_OBJECT)

/* PRAGMA application_id of a server file: "SLSV". */
#define APPLICATION_ID 0x534c5356

/* Every document revision is a row of `rev` under its `doc`; `doc`
 * names its winning revision and carries the database's sequence
 * number of its latest change. Bodies of revisions that stopped being
 * leaves are dropped (they are never served). */
static const char schema[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE user ("
  "  name TEXT PRIMARY KEY,"
  "  role TEXT NOT NULL CHECK (role IN ('marketing', 'finance', 'viewer', 'admin')),"
  "  hash TEXT NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE db ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  update_seq INTEGER NOT NULL DEFAULT 0,"
  "  security TEXT NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE doc ("
  "  id INTEGER PRIMARY KEY,"
  "  db INTEGER NOT NULL REFERENCES db (id) ON DELETE CASCADE,"
  "  doc_id TEXT NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  winner INTEGER,"
  "  deleted INTEGER NOT NULL,"
  "  UNIQUE (db, doc_id),"
  "  UNIQUE (db, seq));"
  "CREATE TABLE rev ("
  "  id INTEGER PRIMARY KEY,"
  "  doc INTEGER NOT NULL REFERENCES doc (id) ON DELETE CASCADE,"
  "  gen INTEGER NOT NULL,"
  "  hash TEXT NOT NULL,"
  "  parent INTEGER,"
  "  deleted INTEGER NOT NULL,"
  "  leaf INTEGER NOT NULL,"
  "  body TEXT,"
  "  UNIQUE (doc, gen, hash));"
  "CREATE INDEX rev_leaves ON rev (doc) WHERE leaf = 1;"
  "CREATE TABLE local_doc ("
  "  db INTEGER NOT NULL REFERENCES db (id) ON DELETE CASCADE,"
  "  doc_id TEXT NOT NULL,"
  "  gen INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (db, doc_id)) WITHOUT ROWID;";

void
sl_server_stmt_release (SlServerStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

static void
sl_server_store_dispose (GObject *object)
{
  SlServerStore *self = (SlServerStore *)object;

  g_clear_pointer (&self->dbs, g_hash_table_unref);
  G_OBJECT_CLASS (sl_server_store_parent_class)->dispose (object);
}

static void
sl_server_store_finalize (GObject *object)
{
  SlServerStore *self = (SlServerStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close (self->handle);
  g_clear_pointer (&self->secret, g_bytes_unref);
  g_free (self->uuid);
  g_free (self->path);
  G_OBJECT_CLASS (sl_server_store_parent_class)->finalize (object);
}

static void
sl_server_store_class_init (SlServerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_server_store_dispose;
  object_class->finalize = sl_server_store_finalize;
}

static void
sl_server_store_init (SlServerStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_stmt);
  self->dbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
sl_server_store_set_error (SlServerStore  *self,
                           GError        **error,
                           const char     *what)
{
  g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_INTERNAL,
               "%s: %s", what, sqlite3_errmsg (self->handle));
}

static gboolean
exec (SlServerStore  *self,
      const char     *sql,
      GError        **error)
{
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      sl_server_store_set_error (self, error, "Could not update the server file");
      return FALSE;
    }

  return TRUE;
}

SlServerStmt *
sl_server_store_prepare (SlServerStore  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      sl_server_store_set_error (self, error, "Could not prepare a query");
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
sl_server_store_step_done (SlServerStore  *self,
                           SlServerStmt   *stmt,
                           GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  sl_server_store_set_error (self, error, "Could not write");
  return FALSE;
}

gboolean
sl_server_store_step_row (SlServerStore  *self,
                          SlServerStmt   *stmt,
                          gboolean       *has_row,
                          GError        **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  sl_server_store_set_error (self, error, "Could not read");
  return FALSE;
}

gboolean
sl_server_store_query_int (SlServerStore  *self,
                           const char     *sql,
                           gint64          first,
                           gint64          second,
                           gint64         *out,
                           GError        **error)
{
  g_autoptr(SlServerStmt) stmt = sl_server_store_prepare (self, sql, error);
  int n_params;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= 1)
    sqlite3_bind_int64 (stmt, 1, first);
  if (n_params >= 2)
    sqlite3_bind_int64 (stmt, 2, second);
  if (!sl_server_store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *out = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gint64
sl_server_store_last_insert_id (SlServerStore *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

gboolean
sl_server_store_begin (SlServerStore  *self,
                       GError        **error)
{
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
sl_server_store_commit (SlServerStore  *self,
                        GError        **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec (self, "COMMIT", error))
    {
      sl_server_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
sl_server_store_rollback (SlServerStore *self)
{
  if (!self->in_transaction)
    return;

  sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

const char *
sl_server_store_get_path (SlServerStore *self)
{
  return self->path;
}

const char *
sl_server_store_get_uuid (SlServerStore *self)
{
  return self->uuid;
}

GBytes *
sl_server_store_get_secret (SlServerStore *self)
{
  return self->secret;
}

static gboolean
put_meta (SlServerStore  *self,
          const char     *key,
          gconstpointer   value,
          gsize           size,
          GError        **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self, "INSERT INTO meta (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, value, (int) size, SQLITE_TRANSIENT);
  return sl_server_store_step_done (self, stmt, error);
}

static gboolean
create_schema (SlServerStore  *self,
               GError        **error)
{
  guint8 secret[32];
  g_autofree char *uuid = NULL;
  g_autofree char *pragmas = NULL;

  randombytes_buf (secret, sizeof secret);
  uuid = sl_server_doc_new_uuid ();
  pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                             SL_SERVER_STORE_SCHEMA_VERSION, APPLICATION_ID);

  if (!sl_server_store_begin (self, error))
    return FALSE;
  if (!exec (self, schema, error) ||
      !put_meta (self, "uuid", uuid, strlen (uuid), error) ||
      !put_meta (self, "secret", secret, sizeof secret, error) ||
      !exec (self, pragmas, error))
    {
      sl_server_store_rollback (self);
      return FALSE;
    }

  return sl_server_store_commit (self, error);
}

static gboolean
load_meta (SlServerStore  *self,
           GError        **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self, "SELECT key, value FROM meta", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      const char *key;
      gconstpointer value;
      gsize size;

      if (!sl_server_store_step_row (self, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      key = (const char *) sqlite3_column_text (stmt, 0);
      value = sqlite3_column_blob (stmt, 1);
      size = (gsize) sqlite3_column_bytes (stmt, 1);

      if (g_strcmp0 (key, "uuid") == 0)
        self->uuid = g_strndup (value, size);
      else if (g_strcmp0 (key, "secret") == 0)
        self->secret = g_bytes_new (value, size);
    }

  if (self->uuid == NULL || self->secret == NULL)
    {
      g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_INTERNAL,
                   "%s has no server identity", self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_file (SlServerStore  *self,
              GError        **error)
{
  gint64 version, app_id;

  sqlite3_busy_timeout (self->handle, 10000);
  if (!exec (self, "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = NORMAL;"
                   "PRAGMA foreign_keys = ON;", error) ||
      !sl_server_store_query_int (self, "PRAGMA user_version", 0, 0, &version, error) ||
      !sl_server_store_query_int (self, "PRAGMA application_id", 0, 0, &app_id, error))
    return FALSE;

  if (app_id != 0 && app_id != APPLICATION_ID)
    {
      g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_INTERNAL,
                   "%s is not a sunlight-server file", self->path);
      return FALSE;
    }
  if (version > SL_SERVER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_INTERNAL,
                   "%s was written by a newer sunlight-server (schema %" G_GINT64_FORMAT ")",
                   self->path, version);
      return FALSE;
    }
  if (version == 0 && !create_schema (self, error))
    return FALSE;

  return load_meta (self, error);
}

SlServerStore *
sl_server_store_open (const char  *dir,
                      GError     **error)
{
  g_autoptr(SlServerStore) self = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_INTERNAL,
                           "libsodium could not be initialised");
      return NULL;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not create %s: %s", dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (SL_TYPE_SERVER_STORE, NULL);
  self->path = g_build_filename (dir, SL_SERVER_STORE_FILE, NULL);

  if (sqlite3_open_v2 (self->path, &self->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                       SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      sl_server_store_set_error (self, error, "Could not open the server file");
      return NULL;
    }
  /* It holds password hashes: the owner's alone. */
  g_chmod (self->path, 0600);

  if (!prepare_file (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
