/* sl-annotation-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-annotation-store.h"

struct _SlAnnotationStore
{
  SlStore  parent_instance;
};

G_DEFINE_FINAL_TYPE (SlAnnotationStore, sl_annotation_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "annotation", NULL };

static void
sl_annotation_store_class_init (SlAnnotationStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_ANNOTATION_COLUMNS " FROM annotation ORDER BY first_day, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_annotation_new_from_row;
}

static void
sl_annotation_store_init (SlAnnotationStore *self)
{
}

SlAnnotationStore *
sl_annotation_store_new (SlDatabase *db)
{
  return g_object_new (SL_TYPE_ANNOTATION_STORE, "database", db, NULL);
}

SlAnnotation *
sl_annotation_store_lookup (SlAnnotationStore *self,
                            gint64             id)
{
  g_return_val_if_fail (SL_IS_ANNOTATION_STORE (self), NULL);
  return SL_ANNOTATION (sl_store_find (SL_STORE (self), id));
}
