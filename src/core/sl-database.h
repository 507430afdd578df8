/* sl-database.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define SL_DATABASE_ERROR (sl_database_error_quark ())

typedef enum
{
  SL_DATABASE_ERROR_NOT_FOUND,        /* no such file */
  SL_DATABASE_ERROR_EXISTS,           /* creating over an existing file */
  SL_DATABASE_ERROR_NOT_A_WORKSPACE,  /* not SQLite, or SQLite but not ours */
  SL_DATABASE_ERROR_CORRUPT,          /* truncated or damaged */
  SL_DATABASE_ERROR_TOO_NEW,          /* written by a newer Sunlight */
  SL_DATABASE_ERROR_READ_ONLY,        /* the file or its folder is not writable */
  SL_DATABASE_ERROR_CONSTRAINT,       /* a write broke a rule of the schema */
  SL_DATABASE_ERROR_BUSY,             /* another process holds the lock */
  SL_DATABASE_ERROR_FAILED,
} SlDatabaseError;

typedef enum
{
  SL_DATABASE_OPEN_EXISTING = 0,
  SL_DATABASE_CREATE        = 1 << 0,  /* make a new file; fails if it exists */
} SlDatabaseFlags;

/* The schema version this build writes (PRAGMA user_version). */
#define SL_DATABASE_SCHEMA_VERSION 3
/* PRAGMA application_id of a workspace: "SLNT". */
#define SL_DATABASE_APPLICATION_ID 0x534c4e54

/* A prepared statement owned by the database's cache. g_autoptr() resets
 * it (and clears its bindings) when it goes out of scope; never finalize. */
typedef sqlite3_stmt SlStatement;
void sl_statement_release (SlStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlStatement, sl_statement_release)

typedef gboolean (*SlTransactionFunc) (gpointer   user_data,
                                       GError   **error);

#define SL_TYPE_DATABASE (sl_database_get_type ())
G_DECLARE_FINAL_TYPE (SlDatabase, sl_database, SL, DATABASE, GObject)

GQuark        sl_database_error_quark       (void);

SlDatabase   *sl_database_open              (const char        *path,
                                             SlDatabaseFlags    flags,
                                             GError           **error);
const char   *sl_database_get_path          (SlDatabase        *self);
sqlite3      *sl_database_get_handle        (SlDatabase        *self);
int           sl_database_get_schema_version (SlDatabase       *self);
/* The copy of the file taken before the last migration, or NULL. */
const char   *sl_database_get_backup_path   (SlDatabase        *self);

/* A cached statement for @sql, reset and with no bindings. */
SlStatement  *sl_database_prepare           (SlDatabase        *self,
                                             const char        *sql,
                                             GError           **error);
/* Steps @stmt to its end (a write); FALSE with an error otherwise. */
gboolean      sl_database_step_done         (SlDatabase        *self,
                                             SlStatement       *stmt,
                                             GError           **error);
/* Steps @stmt once: TRUE with *has_row set, FALSE on error. */
gboolean      sl_database_step_row          (SlDatabase        *self,
                                             SlStatement       *stmt,
                                             gboolean          *has_row,
                                             GError           **error);
/* Runs SQL without parameters (pragmas, schema). Never build @sql from data. */
gboolean      sl_database_exec              (SlDatabase        *self,
                                             const char        *sql,
                                             GError           **error);
/* The first column of the first row of a parameterless query. */
gboolean      sl_database_query_int64       (SlDatabase        *self,
                                             const char        *sql,
                                             gint64            *out,
                                             GError           **error);
gint64        sl_database_last_insert_id    (SlDatabase        *self);
/* Sets @error from the connection's last error, prefixed with @what. */
void          sl_database_set_error         (SlDatabase        *self,
                                             GError           **error,
                                             const char        *what);

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones
 * are savepoints. sl_database_transaction() runs @func inside one and
 * rolls it back when @func fails. */
gboolean      sl_database_begin             (SlDatabase        *self,
                                             GError           **error);
gboolean      sl_database_commit            (SlDatabase        *self,
                                             GError           **error);
void          sl_database_rollback          (SlDatabase        *self);
gboolean      sl_database_in_transaction    (SlDatabase        *self);
gboolean      sl_database_transaction       (SlDatabase        *self,
                                             SlTransactionFunc  func,
                                             gpointer           user_data,
                                             GError           **error);

G_END_DECLS
