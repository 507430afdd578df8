/* sl-server-db.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include "sl-server-db-private.h"
#include "sl-server-error.h"

G_DEFINE_FINAL_TYPE (SlServerDb, sl_server_db, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

void
sl_server_write_result_free (SlServerWriteResult *result)
{
  if (result == NULL)
    return;

  g_free (result->id);
  g_free (result->rev);
  g_clear_error (&result->error);
  g_free (result);
}

static void
sl_server_db_finalize (GObject *object)
{
  SlServerDb *self = (SlServerDb *)object;

  g_free (self->name);
  G_OBJECT_CLASS (sl_server_db_parent_class)->finalize (object);
}

static void
sl_server_db_class_init (SlServerDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_server_db_finalize;

  /* Emitted after a write committed, with the new update sequence. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
sl_server_db_init (SlServerDb *self)
{
}

SlServerDb *
sl_server_db_new (SlServerStore *store,
                  gint64         id,
                  const char    *name)
{
  SlServerDb *self = g_object_new (SL_TYPE_SERVER_DB, NULL);

  self->store = store;
  self->id = id;
  self->name = g_strdup (name);
  return self;
}

gint64
sl_server_db_get_id (SlServerDb *self)
{
  return self->id;
}

const char *
sl_server_db_get_name (SlServerDb *self)
{
  g_return_val_if_fail (SL_IS_SERVER_DB (self), NULL);

  return self->name;
}

void
sl_server_db_mark_dropped (SlServerDb *self)
{
  self->dropped = TRUE;
  self->store = NULL;
  /* Whoever waits for a change learns the database is gone. */
  sl_server_db_emit_changed (self, G_MAXINT64);
}

void
sl_server_db_emit_changed (SlServerDb *self,
                           gint64      seq)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, seq);
}

gboolean
sl_server_db_check_open (SlServerDb  *self,
                         GError     **error)
{
  if (!self->dropped)
    return TRUE;

  g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND,
                       "Database does not exist.");
  return FALSE;
}

gboolean
sl_server_db_get_info (SlServerDb      *self,
                       SlServerDbInfo  *info,
                       GError         **error)
{
  g_autoptr(SlServerStmt) stmt = NULL;
  gboolean has_row;

  if (!sl_server_db_check_open (self, error))
    return FALSE;

  stmt = sl_server_store_prepare (self->store,
                                  "SELECT update_seq,"
                                  " (SELECT count(*) FROM doc WHERE db = ?1 AND deleted = 0),"
                                  " (SELECT count(*) FROM doc WHERE db = ?1 AND deleted = 1) "
                                  "FROM db WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
    return FALSE;

  info->update_seq = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  info->doc_count = has_row ? sqlite3_column_int64 (stmt, 1) : 0;
  info->doc_del_count = has_row ? sqlite3_column_int64 (stmt, 2) : 0;
  return TRUE;
}

gboolean
sl_server_db_get_update_seq (SlServerDb  *self,
                             gint64      *seq,
                             GError     **error)
{
  return sl_server_db_check_open (self, error) &&
         sl_server_store_query_int (self->store, "SELECT update_seq FROM db WHERE id = ?",
                                    self->id, 0, seq, error);
}
