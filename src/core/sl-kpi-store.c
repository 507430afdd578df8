/* sl-kpi-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-kpi-store.h"

struct _SlKpiStore
{
  SlStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SlKpiStore, sl_kpi_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "kpi", NULL };

static void
sl_kpi_store_class_init (SlKpiStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql = "SELECT " SL_KPI_COLUMNS " FROM kpi ORDER BY " SL_KPI_ORDER_BY;
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_kpi_new_from_row;
}

static void
sl_kpi_store_init (SlKpiStore *self)
{
}

SlKpiStore *
sl_kpi_store_new (SlDatabase *db)
{
  return g_object_new (SL_TYPE_KPI_STORE, "database", db, NULL);
}

SlKpi *
sl_kpi_store_lookup (SlKpiStore *self,
                     const char *metric)
{
  GListModel *model = G_LIST_MODEL (self);

  g_return_val_if_fail (SL_IS_KPI_STORE (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlKpi) kpi = g_list_model_get_item (model, i);

      if (g_strcmp0 (sl_kpi_get_metric_key (kpi), metric) == 0)
        return kpi;  /* the store keeps it alive */
    }
  return NULL;
}
