/* sl-flags.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-flag.h"
#include "sl-metrics.h"

G_BEGIN_DECLS

/* The flag checker: every SlFlag of a period, each with its next move.
 * docs/metrics.md › Flags gives the rules and how a move is chosen. */

/* Share of the source channel's spend a move suggests when no
 * overspend fixes the amount, in basis points: 20 %. */
#define SL_FLAGS_DEFAULT_MOVE_SHARE_BP 2000
/* CLV : CAC above this is flagged as under-investing. */
#define SL_FLAGS_CLV_CAC_HIGH 5

typedef struct
{
  int         leak_margin_bp;   /* SL_LEAK_DEFAULT_MARGIN_BP */
  int         move_share_bp;    /* SL_FLAGS_DEFAULT_MOVE_SHARE_BP */
  const char *locale;           /* of money and periods in messages; NULL: current */
} SlFlagsOptions;

void       sl_flags_options_init (SlFlagsOptions        *options);
/* Returns a GPtrArray of SlFlag (owning them), grouped by kind in
 * SlFlagKind order, channels in the channels' order, the workspace
 * before its channels. */
GPtrArray *sl_flags_check        (SlMetrics             *metrics,
                                  const SlPeriod        *period,
                                  const SlFlagsOptions  *options,
                                  GError               **error);

G_END_DECLS
