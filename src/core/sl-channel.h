/* sl-channel.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_CHANNEL (sl_channel_get_type ())
G_DECLARE_FINAL_TYPE (SlChannel, sl_channel, SL, CHANNEL, SlRecord)

/* The columns sl_channel_new_from_row() reads, in order. */
#define SL_CHANNEL_COLUMNS "id, uuid, name, kind, color, position, archived"

SlChannel  *sl_channel_new_from_row (sqlite3_stmt *stmt);
const char *sl_channel_get_name     (SlChannel    *self);
const char *sl_channel_get_kind     (SlChannel    *self);
const char *sl_channel_get_color    (SlChannel    *self);
int         sl_channel_get_position (SlChannel    *self);
gboolean    sl_channel_get_archived (SlChannel    *self);

G_END_DECLS
