/* sl-server-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The file in the data folder that holds everything a server keeps. */
#define SL_SERVER_STORE_FILE "sunlight-server.sqlite"
/* Its schema version (PRAGMA user_version). */
#define SL_SERVER_STORE_SCHEMA_VERSION 1

/* A statement from the store's cache. g_autoptr() resets it and clears
 * its bindings when it goes out of scope; never finalize one. */
typedef sqlite3_stmt SlServerStmt;
void sl_server_stmt_release (SlServerStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlServerStmt, sl_server_stmt_release)

typedef struct _SlServerDb SlServerDb;

#define SL_TYPE_SERVER_STORE (sl_server_store_get_type ())
G_DECLARE_FINAL_TYPE (SlServerStore, sl_server_store, SL, SERVER_STORE, GObject)

/* Opens (creating it and @dir if needed) the server's SQLite file in
 * @dir: WAL, synchronous=NORMAL, foreign keys on. */
SlServerStore *sl_server_store_open        (const char     *dir,
                                            GError        **error);
const char    *sl_server_store_get_path    (SlServerStore  *self);
/* The server's uuid, made once with the file. */
const char    *sl_server_store_get_uuid    (SlServerStore  *self);
/* 32 random bytes made once with the file: the session cookie key. */
GBytes        *sl_server_store_get_secret  (SlServerStore  *self);

/* A cached statement for @sql, reset, with no bindings. The cache is
 * keyed by the string's address: @sql must be a string constant. */
SlServerStmt  *sl_server_store_prepare     (SlServerStore  *self,
                                            const char     *sql,
                                            GError        **error);
/* Steps @stmt to its end (a write). */
gboolean       sl_server_store_step_done   (SlServerStore  *self,
                                            SlServerStmt   *stmt,
                                            GError        **error);
/* Steps @stmt once: TRUE with *@has_row set, FALSE on error. */
gboolean       sl_server_store_step_row    (SlServerStore  *self,
                                            SlServerStmt   *stmt,
                                            gboolean       *has_row,
                                            GError        **error);
/* The first column of @sql's first row as an integer (0 when there is no
 * row), with ?1 = @first and ?2 = @second bound if @sql has them. */
gboolean       sl_server_store_query_int   (SlServerStore  *self,
                                            const char     *sql,
                                            gint64          first,
                                            gint64          second,
                                            gint64         *out,
                                            GError        **error);
gint64         sl_server_store_last_insert_id (SlServerStore *self);
/* Sets an internal error from the connection's last error. */
void           sl_server_store_set_error   (SlServerStore  *self,
                                            GError        **error,
                                            const char     *what);

/* BEGIN IMMEDIATE … COMMIT; transactions do not nest. */
gboolean       sl_server_store_begin       (SlServerStore  *self,
                                            GError        **error);
gboolean       sl_server_store_commit      (SlServerStore  *self,
                                            GError        **error);
void           sl_server_store_rollback    (SlServerStore  *self);

/* Databases: names as CouchDB takes them, ^[a-z][a-z0-9_$()+/-]*$. */
gboolean       sl_server_store_name_is_valid (const char   *name);
SlServerDb    *sl_server_store_create_db   (SlServerStore  *self,
                                            const char     *name,
                                            GError        **error);
/* The open database @name (owned by the store), or NULL with
 * SL_SERVER_ERROR_NOT_FOUND. */
SlServerDb    *sl_server_store_get_db      (SlServerStore  *self,
                                            const char     *name,
                                            GError        **error);
gboolean       sl_server_store_delete_db   (SlServerStore  *self,
                                            const char     *name,
                                            GError        **error);
/* The database names, sorted. */
GStrv          sl_server_store_list_dbs    (SlServerStore  *self,
                                            GError        **error);

G_END_DECLS
