/* sl-campaign.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_CAMPAIGN (sl_campaign_get_type ())
G_DECLARE_FINAL_TYPE (SlCampaign, sl_campaign, SL, CAMPAIGN, SlRecord)

#define SL_CAMPAIGN_COLUMNS "id, uuid, channel_id, name, external_id, archived"

SlCampaign *sl_campaign_new_from_row    (sqlite3_stmt *stmt);
gint64      sl_campaign_get_channel_id  (SlCampaign   *self);
const char *sl_campaign_get_name        (SlCampaign   *self);
const char *sl_campaign_get_external_id (SlCampaign   *self);
gboolean    sl_campaign_get_archived    (SlCampaign   *self);

G_END_DECLS
