/* sl-realloc-plan-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-realloc-plan-store.h"

struct _SlReallocPlanStore
{
  SlStore  parent_instance;
};

G_DEFINE_FINAL_TYPE (SlReallocPlanStore, sl_realloc_plan_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "realloc_plan", NULL };

static void
sl_realloc_plan_store_class_init (SlReallocPlanStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_REALLOC_PLAN_COLUMNS " FROM realloc_plan ORDER BY created_at, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_realloc_plan_new_from_row;
}

static void
sl_realloc_plan_store_init (SlReallocPlanStore *self)
{
}

SlReallocPlanStore *
sl_realloc_plan_store_new (SlDatabase *db)
{
  return g_object_new (SL_TYPE_REALLOC_PLAN_STORE, "database", db, NULL);
}

SlReallocPlan *
sl_realloc_plan_store_lookup (SlReallocPlanStore *self,
                              gint64              id)
{
  g_return_val_if_fail (SL_IS_REALLOC_PLAN_STORE (self), NULL);
  return SL_REALLOC_PLAN (sl_store_find (SL_STORE (self), id));
}
