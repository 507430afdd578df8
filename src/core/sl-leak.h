/* sl-leak.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metrics.h"

G_BEGIN_DECLS

/* Pipeline leakage: a stage-to-stage conversion rate of a period fallen
 * below its trailing baseline, the same rate over the three periods of
 * the same kind before it (counts pooled), by more than a margin.
 * docs/metrics.md › Leakage. */

/* Periods in the baseline. */
#define SL_LEAK_BASELINE_PERIODS 3
/* The margin, in basis points of a rate: 500 is 5 percentage points. */
#define SL_LEAK_DEFAULT_MARGIN_BP 500

typedef struct
{
  gint64        channel_id;  /* 0: the whole workspace */
  SlFunnelStage from;        /* the rate from this stage to the next */
  SlPeriod      period;
  SlMetricValue rate;        /* in @period */
  SlMetricValue baseline;    /* pooled over the three periods before */
  /* baseline − rate in basis points, rounded down: for display */
  gint64        drop_bp;
} SlLeak;

/* Compares the rate from @from to the next stage in @current with the
 * same rate in @baseline (sums of the baseline periods). Returns TRUE,
 * filling @out (but for channel_id and period), when the baseline less
 * the rate exceeds @margin_bp ÷ 10,000, exactly; FALSE when it does not
 * or either rate is undefined. */
gboolean  sl_leak_check (const SlMetricsTotals  *current,
                         const SlMetricsTotals  *baseline,
                         SlFunnelStage           from,
                         int                     margin_bp,
                         SlLeak                 *out);
/* Every leak of @period, for the whole workspace first, then for each
 * channel in the channels' order, stages in funnel order (impressions →
 * clicks through opportunity → won). Returns a GArray of SlLeak. */
GArray   *sl_leak_find  (SlMetrics              *metrics,
                         const SlPeriod         *period,
                         int                     margin_bp,
                         GError                **error);

G_END_DECLS
