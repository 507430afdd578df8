/* sl-funnel.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metrics.h"

G_BEGIN_DECLS

/* The revenue engine of one period and scope, stage by stage: volume,
 * conversion, velocity and value against cost (DOMAIN.md's four
 * numbers), and the pipeline velocity. docs/metrics.md › Funnel gives
 * every formula and edge case. */

#define SL_FUNNEL_N_STAGES (SL_FUNNEL_WON + 1)

typedef struct
{
  SlFunnelStage stage;
  gint64        volume;      /* reached in the period (rollups) */
  /* Share of this stage's volume reaching the next stage shown, in the
   * period; undefined (NOT_COMPUTED) for the last stage. */
  SlMetricValue conversion;
  /* Median days from the previous stage (MQL onward; deal rows);
   * undefined (NOT_COMPUTED) for impressions, clicks and leads. */
  SlMetricValue days;
  SlMetricValue cost;        /* spend ÷ volume: money per item */
  SlMetricValue value;       /* revenue ÷ volume: what one item is worth */
} SlFunnelStep;

typedef struct
{
  SlPeriod      period;
  SlScope       scope;
  char          currency[4];
  gint64        spend_minor;
  gint64        revenue_minor;
  /* Impressions and clicks are shown only when the scope has any in
   * the period; then steps start at SL_FUNNEL_IMPRESSION, else at
   * SL_FUNNEL_LEAD. */
  guint         n_steps;
  SlFunnelStep  steps[SL_FUNNEL_N_STAGES];
  SlMetricValue lead_to_won_days;     /* median days, first contact to won */
  /* Pipeline velocity: open opportunities × win rate × average deal
   * size ÷ sales cycle, money per day. */
  gint64        open_opportunities;   /* open at the period's last day */
  SlMetricValue win_rate;
  SlMetricValue average_deal_size;
  SlMetricValue sales_cycle_days;     /* median, opportunity to won */
  SlMetricValue pipeline_velocity;
} SlFunnel;

#define SL_TYPE_FUNNEL (sl_funnel_get_type ())

GType               sl_funnel_get_type          (void) G_GNUC_CONST;
SlFunnel           *sl_funnel_copy              (const SlFunnel  *funnel);
void                sl_funnel_free              (SlFunnel        *funnel);

/* Reads the rollups (volumes, money) and the deal rows (medians, open
 * opportunities) of @period and @scope. */
SlFunnel           *sl_funnel_compute           (SlMetrics       *metrics,
                                                 const SlPeriod  *period,
                                                 const SlScope   *scope,
                                                 GError         **error);
/* The step of @stage, or NULL when the funnel does not show it. */
const SlFunnelStep *sl_funnel_get_step          (const SlFunnel  *funnel,
                                                 SlFunnelStage    stage);
/* open × won ÷ (won + lost) × revenue ÷ won ÷ (median_x2 ÷ 2) days,
 * exact: the pure formula behind pipeline_velocity. @median_x2 is twice
 * the median sales cycle and @cycle_deals the deals it is over. */
void                sl_funnel_pipeline_velocity (gint64           open_opportunities,
                                                 gint64           won,
                                                 gint64           lost,
                                                 gint64           revenue_minor,
                                                 gint64           cycle_deals,
                                                 gint64           median_x2,
                                                 const char      *currency,
                                                 SlMetricValue   *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlFunnel, sl_funnel_free)

G_END_DECLS
