/* sl-campaign-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-campaign.h"
#include "sl-metrics-totals.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_CAMPAIGN_STORE (sl_campaign_store_get_type ())
G_DECLARE_FINAL_TYPE (SlCampaignStore, sl_campaign_store, SL, CAMPAIGN_STORE, SlStore)

/* The workspace's campaigns, by channel then name. */
SlCampaignStore *sl_campaign_store_new    (SlDatabase     *db);
/* The channel @scope is within: its own, a campaign's; 0 for the
 * workspace (or a campaign no longer listed). */
gint64           sl_campaign_store_get_scope_channel (SlCampaignStore *self,
                                                      const SlScope   *scope);
SlCampaign      *sl_campaign_store_lookup (SlCampaignStore *self,
                                         gint64          id);

G_END_DECLS
