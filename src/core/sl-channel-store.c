/* sl-channel-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-channel-store.h"

struct _SlChannelStore
{
  SlStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SlChannelStore, sl_channel_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "channel", NULL };

static void
sl_channel_store_class_init (SlChannelStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql = "SELECT " SL_CHANNEL_COLUMNS " FROM channel ORDER BY position, name, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_channel_new_from_row;
}

static void
sl_channel_store_init (SlChannelStore *self)
{
}

SlChannelStore *
sl_channel_store_new (SlDatabase *db)
{
  return g_object_new (SL_TYPE_CHANNEL_STORE, "database", db, NULL);
}

SlChannel *
sl_channel_store_lookup (SlChannelStore *self,
                         gint64          id)
{
  return (SlChannel *)sl_store_find (SL_STORE (self), id);
}
