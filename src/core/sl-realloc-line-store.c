/* sl-realloc-line-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-realloc-line-store.h"

struct _SlReallocLineStore
{
  SlStore  parent_instance;

  gint64   plan_id;
};

G_DEFINE_FINAL_TYPE (SlReallocLineStore, sl_realloc_line_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "realloc_line", NULL };

static void
sl_realloc_line_store_bind (SlStore      *store,
                            sqlite3_stmt *stmt)
{
  SlReallocLineStore *self = SL_REALLOC_LINE_STORE (store);

  sqlite3_bind_int64 (stmt, 1, self->plan_id);
}

static void
sl_realloc_line_store_class_init (SlReallocLineStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_REALLOC_LINE_COLUMNS " FROM realloc_line WHERE (?1 = 0 OR plan_id = ?1) ORDER BY plan_id, position, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_realloc_line_new_from_row;
  store_class->bind = sl_realloc_line_store_bind;
}

static void
sl_realloc_line_store_init (SlReallocLineStore *self)
{
}

SlReallocLineStore *
sl_realloc_line_store_new (SlDatabase *db,
                           gint64      plan_id)
{
  SlReallocLineStore *self = g_object_new (SL_TYPE_REALLOC_LINE_STORE, "database", db, NULL);

  self->plan_id = plan_id;
  return self;
}

gint64
sl_realloc_line_store_get_plan_id (SlReallocLineStore *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE_STORE (self), 0);
  return self->plan_id;
}

SlReallocLine *
sl_realloc_line_store_lookup (SlReallocLineStore *self,
                              gint64              id)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE_STORE (self), NULL);
  return SL_REALLOC_LINE (sl_store_find (SL_STORE (self), id));
}
