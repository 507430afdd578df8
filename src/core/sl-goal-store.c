/* sl-goal-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-goal-store.h"

struct _SlGoalStore
{
  SlStore  parent_instance;
};

G_DEFINE_FINAL_TYPE (SlGoalStore, sl_goal_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "goal", NULL };

static void
sl_goal_store_class_init (SlGoalStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_GOAL_COLUMNS " FROM goal ORDER BY first_day, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_goal_new_from_row;
}

static void
sl_goal_store_init (SlGoalStore *self)
{
}

SlGoalStore *
sl_goal_store_new (SlDatabase *db)
{
  return g_object_new (SL_TYPE_GOAL_STORE, "database", db, NULL);
}

SlGoal *
sl_goal_store_lookup (SlGoalStore *self,
                      gint64       id)
{
  g_return_val_if_fail (SL_IS_GOAL_STORE (self), NULL);
  return SL_GOAL (sl_store_find (SL_STORE (self), id));
}
