/* sl-budget-request-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-budget-request-store.h"

struct _SlBudgetRequestStore
{
  SlStore  parent_instance;
};

G_DEFINE_FINAL_TYPE (SlBudgetRequestStore, sl_budget_request_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "budget_request", NULL };

static void
sl_budget_request_store_class_init (SlBudgetRequestStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_BUDGET_REQUEST_COLUMNS " FROM budget_request ORDER BY first_day, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_budget_request_new_from_row;
}

static void
sl_budget_request_store_init (SlBudgetRequestStore *self)
{
}

SlBudgetRequestStore *
sl_budget_request_store_new (SlDatabase *db)
{
  return g_object_new (SL_TYPE_BUDGET_REQUEST_STORE, "database", db, NULL);
}

SlBudgetRequest *
sl_budget_request_store_lookup (SlBudgetRequestStore *self,
                                gint64                id)
{
  g_return_val_if_fail (SL_IS_BUDGET_REQUEST_STORE (self), NULL);
  return SL_REQUEST (sl_store_find (SL_STORE (self), id));
}
