/* sl-comment-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-comment-store.h"

struct _SlCommentStore
{
  SlStore  parent_instance;

  char    *target;
};

G_DEFINE_FINAL_TYPE (SlCommentStore, sl_comment_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "comment", NULL };

static void
sl_comment_store_bind (SlStore      *store,
                       sqlite3_stmt *stmt)
{
  SlCommentStore *self = SL_COMMENT_STORE (store);

  sqlite3_bind_text (stmt, 1, self->target, -1, SQLITE_TRANSIENT);
}

static void
sl_comment_store_finalize (GObject *object)
{
  SlCommentStore *self = (SlCommentStore *)object;

  g_free (self->target);

  G_OBJECT_CLASS (sl_comment_store_parent_class)->finalize (object);
}

static void
sl_comment_store_class_init (SlCommentStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sl_comment_store_finalize;

  store_class->tables = watched_tables;
  store_class->select_sql =
    "SELECT " SL_COMMENT_COLUMNS " FROM comment WHERE (?1 IS NULL OR target = ?1) ORDER BY created_at, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_comment_new_from_row;
  store_class->bind = sl_comment_store_bind;
}

static void
sl_comment_store_init (SlCommentStore *self)
{
}

SlCommentStore *
sl_comment_store_new (SlDatabase *db,
                      const char *target)
{
  SlCommentStore *self = g_object_new (SL_TYPE_COMMENT_STORE, "database", db, NULL);

  self->target = g_strdup (target);
  return self;
}

const char *
sl_comment_store_get_target (SlCommentStore *self)
{
  g_return_val_if_fail (SL_IS_COMMENT_STORE (self), NULL);
  return self->target;
}

SlComment *
sl_comment_store_lookup (SlCommentStore *self,
                         gint64          id)
{
  g_return_val_if_fail (SL_IS_COMMENT_STORE (self), NULL);
  return SL_COMMENT (sl_store_find (SL_STORE (self), id));
}
