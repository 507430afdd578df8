/* sl-flags-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-flags.h"
#include "sl-leak.h"

G_BEGIN_DECLS

/* What the checker (sl-flags.c) knows while it runs, shared with the
 * messages (sl-flags-text.c). */
typedef struct
{
  SlMetrics      *metrics;
  const SlPeriod *period;
  SlFlagsOptions  options;
  char            currency[4];
  GArray         *table;          /* SlMetricsTotals: FUNNEL | CUSTOMERS */
  GArray         *previous;       /* …FUNNEL of the period before */
  GHashTable     *names;          /* channel id → name */
  GHashTable     *plans;          /* channel id → gint64 planned */
  gboolean        has_reserve;
  gint64          reserve_minor;
  GPtrArray      *flags;
} SlFlagsContext;

const char *sl_flags_channel_name  (SlFlagsContext *ctx,
                                    gint64          channel_id);
/* Sets @flag's message from its kind, channel, value and limit. */
void        sl_flags_describe      (SlFlagsContext *ctx,
                                    SlFlag         *flag);
void        sl_flags_describe_leak (SlFlagsContext *ctx,
                                    SlFlag         *flag,
                                    const SlLeak   *leak);
/* Sets @flag's action from its move, if it has one. */
void        sl_flags_describe_move (SlFlagsContext *ctx,
                                    SlFlag         *flag);

G_END_DECLS
