/* sl-decision-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-decision-store.h"

struct _SlDecisionStore
{
  SlStore  parent_instance;

  char    *target;
};

G_DEFINE_FINAL_TYPE (SlDecisionStore, sl_decision_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "decision", NULL };

static void
sl_decision_store_bind (SlStore      *store,
                        sqlite3_stmt *stmt)
{
  SlDecisionStore *self = SL_DECISION_STORE (store);

  sqlite3_bind_text (stmt, 1, self->target, -1, SQLITE_TRANSIENT);
}

static void
sl_decision_store_finalize (GObject *object)
{
  SlDecisionStore *self = (SlDecisionStore *)object;

  g_free (self->target);

  G_OBJECT_CLASS (sl_decision_store_parent_class)->finalize (object);
}

static void
sl_decision_store_class_init (SlDecisionStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sl_decision_store_finalize;

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_DECISION_COLUMNS " FROM decision WHERE (?1 IS NULL OR target = ?1) ORDER BY created_at, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_decision_new_from_row;
  store_class->bind = sl_decision_store_bind;
}

static void
sl_decision_store_init (SlDecisionStore *self)
{
}

SlDecisionStore *
sl_decision_store_new (SlDatabase *db,
                       const char *target)
{
  SlDecisionStore *self = g_object_new (SL_TYPE_DECISION_STORE, "database", db, NULL);

  self->target = g_strdup (target);
  return self;
}

const char *
sl_decision_store_get_target (SlDecisionStore *self)
{
  g_return_val_if_fail (SL_IS_DECISION_STORE (self), NULL);
  return self->target;
}

SlDecision *
sl_decision_store_lookup (SlDecisionStore *self,
                          gint64           id)
{
  g_return_val_if_fail (SL_IS_DECISION_STORE (self), NULL);
  return SL_DECISION (sl_store_find (SL_STORE (self), id));
}
