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
/* New figures for the same line (its flags cleared); ::changed is
 * emitted by sl_channel_item_changed() once the flags are in, so that
 * the cells showing it update in place. */
void                   sl_channel_item_set_row      (SlChannelItem      *self,
                                                     const char         *name,
                                                     const SlMetricsRow *row);
void                   sl_channel_item_changed      (SlChannelItem      *self);
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
/* Replaces the campaigns by @children (SlChannelItem), when they differ. */
void                   sl_channel_item_set_children (SlChannelItem      *self,
                                                     GPtrArray          *children);
/* Flags: their messages and moves, one per line; NULL when none. */
void                   sl_channel_item_add_flag     (SlChannelItem      *self,
                                                     const SlFlag       *flag);
const char            *sl_channel_item_get_flags_text (SlChannelItem    *self);

G_END_DECLS
