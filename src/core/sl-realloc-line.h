/* sl-realloc-line.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_REALLOC_LINE (sl_realloc_line_get_type ())
G_DECLARE_FINAL_TYPE (SlReallocLine, sl_realloc_line, SL, REALLOC_LINE, SlRecord)

/* One move of a reallocation plan: an amount out of a channel's month
 * (or the reserve) into another channel's month (or the reserve). */
#define SL_REALLOC_LINE_COLUMNS \
  "id, plan_id, from_channel_id, from_first_day, to_channel_id, to_first_day, " \
  "amount_minor, position"

SlReallocLine *sl_realloc_line_new_from_row        (sqlite3_stmt *stmt);
gint64         sl_realloc_line_get_plan_id         (SlReallocLine *self);
gint64         sl_realloc_line_get_from_channel_id (SlReallocLine *self);  /* 0: the reserve */
SlDay          sl_realloc_line_get_from_first_day  (SlReallocLine *self);  /* first day of the month */
gint64         sl_realloc_line_get_to_channel_id   (SlReallocLine *self);  /* 0: the reserve */
SlDay          sl_realloc_line_get_to_first_day    (SlReallocLine *self);
gint64         sl_realloc_line_get_amount_minor    (SlReallocLine *self);  /* > 0, plan currency */
int            sl_realloc_line_get_position        (SlReallocLine *self);

G_END_DECLS
