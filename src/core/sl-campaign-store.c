/* sl-campaign-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-campaign-store.h"

struct _SlCampaignStore
{
  SlStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SlCampaignStore, sl_campaign_store, SL_TYPE_STORE)

static const char * const watched_tables[] = { "campaign", "channel", NULL };

static void
sl_campaign_store_class_init (SlCampaignStoreClass *klass)
{
  SlStoreClass *store_class = SL_STORE_CLASS (klass);

  store_class->tables = watched_tables;
  store_class->select_sql = "SELECT " SL_CAMPAIGN_COLUMNS " FROM campaign ORDER BY channel_id, name, id";
  store_class->new_from_row = (SlRecord *(*) (sqlite3_stmt *))sl_campaign_new_from_row;
}

static void
sl_campaign_store_init (SlCampaignStore *self)
{
}

SlCampaignStore *
sl_campaign_store_new (SlDatabase *db)
{
  return g_object_new (SL_TYPE_CAMPAIGN_STORE, "database", db, NULL);
}

SlCampaign *
sl_campaign_store_lookup (SlCampaignStore *self,
                         gint64          id)
{
  return (SlCampaign *)sl_store_find (SL_STORE (self), id);
}

gint64
sl_campaign_store_get_scope_channel (SlCampaignStore *self,
                                     const SlScope   *scope)
{
  SlCampaign *campaign;

  g_return_val_if_fail (SL_IS_CAMPAIGN_STORE (self), 0);
  g_return_val_if_fail (scope != NULL, 0);

  if (scope->kind == SL_SCOPE_CHANNEL)
    return scope->id;
  if (scope->kind != SL_SCOPE_CAMPAIGN)
    return 0;
  campaign = sl_campaign_store_lookup (self, scope->id);
  return campaign != NULL ? sl_campaign_get_channel_id (campaign) : 0;
}
