/* sl-channel-item.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-flag.h"
#include "sl-metrics-rows.h"

G_BEGIN_DECLS

/* A line of the Channels view: a channel (with its campaigns as
 * children) or a campaign, its figures and the flags raised on it. */

#define SL_TYPE_CHANNEL_ITEM (sl_channel_item_get_type ())
G_DECLARE_FINAL_TYPE (SlChannelItem, sl_channel_item, SL, CHANNEL_ITEM, GObject)

SlChannelItem         *sl_channel_item_new          (const char         *name,
                                                     const SlMetricsRow *row);
const char            *sl_channel_item_get_name     (SlChannelItem      *self);
gint64                 sl_channel_item_get_channel_id (SlChannelItem    *self);
/* 0 for a channel. */
gint64                 sl_channel_item_get_campaign_id (SlChannelItem   *self);
const SlMetricsTotals *sl_channel_item_get_totals   (SlChannelItem      *self);
void                   sl_channel_item_get_value    (SlChannelItem      *self,
                                                     SlMetric            metric,
                                                     SlMetricValue      *out);
/* A channel's campaigns (NULL for a campaign or a channel without). */
GListModel            *sl_channel_item_get_children (SlChannelItem      *self);
void                   sl_channel_item_add_child    (SlChannelItem      *self,
                                                     SlChannelItem      *child);
/* Flags: their messages and moves, one per line; NULL when none. */
void                   sl_channel_item_add_flag     (SlChannelItem      *self,
                                                     const SlFlag       *flag);
const char            *sl_channel_item_get_flags_text (SlChannelItem    *self);

G_END_DECLS
