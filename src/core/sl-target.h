/* sl-target.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metrics.h"

G_BEGIN_DECLS

/* Working back a revenue target through the funnel at a period's rates:
 * revenue → customers → opportunities → SQLs → MQLs → leads → spend per
 * channel. Counts are whole and rounded up (nobody wins 0.3 customers);
 * money stays in minor units. docs/metrics.md › Target. */

typedef struct
{
  SlFunnelStage stage;
  /* How many are needed (SL_METRIC_UNIT_COUNT); undefined when the rates
   * cannot say (no won deals, no leads…), or when the stage has no count
   * in the rates' period and is skipped (reason: no such stage). */
  SlMetricValue needed;
  /* The conversion from this stage to the next stage worked back from
   * (the next stage with a count); undefined for won. */
  SlMetricValue rate;
} SlTargetStep;

typedef struct
{
  gint64        channel_id;
  gint64        leads;     /* this channel's share of the leads needed */
  SlMetricValue cpl;       /* its cost per lead in the rates' period */
  SlMetricValue spend;     /* leads × CPL, rounded up to the minor unit */
} SlTargetChannel;

typedef struct
{
  SlMoney       target;
  SlMetricValue average_deal_size;
  /* won, opportunity, SQL, MQL, lead, in that order */
  SlTargetStep  steps[5];
  GArray       *channels;     /* SlTargetChannel, channels' order */
  SlMetricValue spend;        /* Σ channels' spend; undefined as leads */
} SlTarget;

void      sl_target_free      (SlTarget              *target);
/* The pure work-back: @totals are the workspace's FUNNEL totals of the
 * rates' period and @table its channel table (FUNNEL; may be NULL: no
 * spend per channel). @target must be in @totals' currency
 * (SL_MONEY_ERROR_MIXED_CURRENCY) and not negative. */
SlTarget *sl_target_work_back (const SlMoney         *target,
                               const SlMetricsTotals *totals,
                               GArray                *table,
                               GError               **error);
/* The same at the rates of @period, read through @metrics. */
SlTarget *sl_target_compute   (SlMetrics             *metrics,
                               const SlMoney         *target,
                               const SlPeriod        *period,
                               GError               **error);
/* The step of @stage (SL_FUNNEL_LEAD to SL_FUNNEL_WON). */
const SlTargetStep *sl_target_get_step (const SlTarget *target,
                                        SlFunnelStage   stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlTarget, sl_target_free)

G_END_DECLS
