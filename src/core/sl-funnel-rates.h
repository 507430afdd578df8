/* sl-funnel-rates.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metrics.h"

G_BEGIN_DECLS

/* The revenue engine's current rates for a scope, from the sums of a
 * trailing window, and what they say money buys (forward: spend → leads
 * → customers → revenue) or what a revenue target needs (back: revenue →
 * customers → SQLs → MQLs → leads → spend). Pure arithmetic on int64
 * sums, rounded once at the end of each step; a rate whose denominator
 * is zero leaves every figure that depends on it undefined. */

/* The window: the days before the as-of day. */
#define SL_FUNNEL_RATES_TRAILING_DAYS 90

typedef struct
{
  char   currency[4];
  gint64 spend_minor;
  gint64 leads;
  gint64 mqls;
  gint64 sqls;
  gint64 won;
  gint64 won_minor;
} SlFunnelRates;

typedef struct
{
  SlMetricValue leads;
  SlMetricValue customers;
  SlMetricValue revenue;     /* money */
} SlFunnelForecast;

typedef struct
{
  SlMetricValue customers;   /* whole numbers, rounded up at every stage */
  SlMetricValue sqls;
  SlMetricValue mqls;
  SlMetricValue leads;
  SlMetricValue spend;       /* money, rounded half to even */
} SlFunnelWorkBack;

void     sl_funnel_rates_init_from_totals (SlFunnelRates          *rates,
                                           const SlMetricsTotals  *totals);
/* The rates of @scope over the SL_FUNNEL_RATES_TRAILING_DAYS days before
 * @as_of. */
gboolean sl_funnel_rates_fetch            (SlMetrics              *metrics,
                                           const SlScope          *scope,
                                           SlDay                   as_of,
                                           SlFunnelRates          *out,
                                           GError                **error);
/* CPL, lead → MQL, MQL → SQL, SQL → won, revenue per customer. */
void     sl_funnel_rates_get_cpl          (const SlFunnelRates    *rates,
                                           SlMetricValue          *out);
void     sl_funnel_rates_get_revenue_per_customer (const SlFunnelRates *rates,
                                                   SlMetricValue       *out);
/* What @spend_minor more (negative: less) buys at these rates. */
void     sl_funnel_rates_forecast         (const SlFunnelRates    *rates,
                                           gint64                  spend_minor,
                                           SlFunnelForecast       *out);
/* What reaching @revenue_minor takes at these rates. */
void     sl_funnel_rates_work_back        (const SlFunnelRates    *rates,
                                           gint64                  revenue_minor,
                                           SlFunnelWorkBack       *out);
/* @a × @num ÷ @den rounded half to even (@den > 0); FALSE on overflow. */
gboolean sl_scale_round                   (gint64                  a,
                                           gint64                  num,
                                           gint64                  den,
                                           gint64                 *out);

G_END_DECLS
