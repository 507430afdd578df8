/* sl-budget-line-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-budget-line-store.h"

struct _SlBudgetLineStore
{
  SlStore  parent_instance;

  char    *version;
  SlDay    first;
  SlDay    last;
  gint64   request_id;
};

G_DEFINE_FINAL_TYPE (SlBudgetLineStore, sl_budget_line_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "budget_line", NULL };

static void
sl_budget_line_store_bind (SlStore      *store,
                           sqlite3_stmt *stmt)
{
  SlBudgetLineStore *self = SL_BUDGET_LINE_STORE (store);

  sqlite3_bind_text (stmt, 1, self->version, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, self->first);
  sqlite3_bind_int (stmt, 3, self->last);
  sqlite3_bind_int64 (stmt, 4, self->request_id);
}

static void
sl_budget_line_store_finalize (GObject *object)
{
  SlBudgetLineStore *self = (SlBudgetLineStore *)object;

  g_free (self->version);

  G_OBJECT_CLASS (sl_budget_line_store_parent_class)->finalize (object);
}

static void
sl_budget_line_store_class_init (SlBudgetLineStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  object_class->finalize = sl_budget_line_store_finalize;

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_BUDGET_LINE_COLUMNS " FROM budget_line "
    "WHERE version = ?1 AND first_day BETWEEN ?2 AND ?3 AND (?4 = 0 OR request_id = ?4) "
    "ORDER BY first_day, is_reserve, channel_id, campaign_id, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_budget_line_new_from_row;
  store_class->bind = sl_budget_line_store_bind;
}

static void
sl_budget_line_store_init (SlBudgetLineStore *self)
{
}

SlBudgetLineStore *
sl_budget_line_store_new (SlDatabase *db,
                          const char *version,
                          SlDay       first,
                          SlDay       last)
{
  SlBudgetLineStore *self;

  g_return_val_if_fail (version != NULL, NULL);

  self = g_object_new (SL_TYPE_BUDGET_LINE_STORE, "database", db, NULL);
  self->version = g_strdup (version);
  self->first = first;
  self->last = last;
  return self;
}

const char *
sl_budget_line_store_get_version (SlBudgetLineStore *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE_STORE (self), NULL);
  return self->version;
}

void
sl_budget_line_store_set_range (SlBudgetLineStore *self,
                                SlDay              first,
                                SlDay              last)
{
  g_return_if_fail (SL_IS_BUDGET_LINE_STORE (self));

  self->first = first;
  self->last = last;
}

SlBudgetLine *
sl_budget_line_store_find_cell (SlBudgetLineStore *self,
                                gint64             channel_id,
                                SlDay              first_day)
{
  GListModel *model = G_LIST_MODEL (self);
  guint n = g_list_model_get_n_items (model);

  g_return_val_if_fail (SL_IS_BUDGET_LINE_STORE (self), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlBudgetLine) line = g_list_model_get_item (model, i);

      if (sl_budget_line_get_first_day (line) == first_day &&
          sl_budget_line_get_channel_id (line) == channel_id &&
          sl_budget_line_get_campaign_id (line) == 0 &&
          sl_budget_line_get_is_reserve (line) == (channel_id == 0))
        return line;  /* the store keeps its reference */
    }
  return NULL;
}

SlBudgetLineStore *
sl_budget_line_store_new_for_request (SlDatabase *db,
                                      gint64      request_id)
{
  SlBudgetLineStore *self;

  g_return_val_if_fail (request_id > 0, NULL);

  self = sl_budget_line_store_new (db, SL_BUDGET_REQUEST, G_MININT32 + 1, G_MAXINT32);
  self->request_id = request_id;
  return self;
}

gint64
sl_budget_line_store_get_request_id (SlBudgetLineStore *self)
{
  g_return_val_if_fail (SL_IS_BUDGET_LINE_STORE (self), 0);
  return self->request_id;
}
