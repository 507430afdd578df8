/* sl-channel-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-channel.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_CHANNEL_STORE (sl_channel_store_get_type ())
G_DECLARE_FINAL_TYPE (SlChannelStore, sl_channel_store, SL, CHANNEL_STORE, SlStore)

/* The workspace's channels, by position then name. */
SlChannelStore *sl_channel_store_new    (SlDatabase     *db);
SlChannel      *sl_channel_store_lookup (SlChannelStore *self,
                                         gint64          id);

G_END_DECLS
