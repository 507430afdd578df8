/* sl-key-result-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-key-result-store.h"

struct _SlKeyResultStore
{
  SlStore  parent_instance;

  gint64   goal_id;
};

G_DEFINE_FINAL_TYPE (SlKeyResultStore, sl_key_result_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "key_result", NULL };

static void
sl_key_result_store_bind (SlStore      *store,
                          sqlite3_stmt *stmt)
{
  SlKeyResultStore *self = SL_KEY_RESULT_STORE (store);

  sqlite3_bind_int64 (stmt, 1, self->goal_id);
}

static void
sl_key_result_store_class_init (SlKeyResultStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_KEY_RESULT_COLUMNS " FROM key_result WHERE (?1 = 0 OR goal_id = ?1) ORDER BY goal_id, position, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_key_result_new_from_row;
  store_class->bind = sl_key_result_store_bind;
}

static void
sl_key_result_store_init (SlKeyResultStore *self)
{
}

SlKeyResultStore *
sl_key_result_store_new (SlDatabase *db,
                         gint64      goal_id)
{
  SlKeyResultStore *self = g_object_new (SL_TYPE_KEY_RESULT_STORE, "database", db, NULL);

  self->goal_id = goal_id;
  return self;
}

gint64
sl_key_result_store_get_goal_id (SlKeyResultStore *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT_STORE (self), 0);
  return self->goal_id;
}

SlKeyResult *
sl_key_result_store_lookup (SlKeyResultStore *self,
                            gint64            id)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT_STORE (self), NULL);
  return SL_KEY_RESULT (sl_store_find (SL_STORE (self), id));
}
