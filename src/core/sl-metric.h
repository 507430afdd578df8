/* sl-metric.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric-value.h"

G_BEGIN_DECLS

/* Every metric the engine answers for a period and a scope.
 * docs/metrics.md gives each one's formula, inputs and undefined cases. */
typedef enum
{
  /* Sums of rollup_day */
  SL_METRIC_SPEND,
  SL_METRIC_IMPRESSIONS,
  SL_METRIC_CLICKS,
  SL_METRIC_CONVERSIONS,
  SL_METRIC_LEADS,
  SL_METRIC_MQLS,
  SL_METRIC_SQLS,
  SL_METRIC_OPPORTUNITIES,
  SL_METRIC_NEW_CUSTOMERS,        /* deals won */
  SL_METRIC_LOST_DEALS,
  SL_METRIC_REVENUE,              /* closed-won revenue */
  SL_METRIC_GROSS_PROFIT,         /* of the won deals whose margin is known */
  /* Derived from those sums */
  SL_METRIC_AVERAGE_DEAL_SIZE,
  SL_METRIC_REVENUE_PER_LEAD,     /* the value of a lead */
  SL_METRIC_PROFIT_MARGIN,
  SL_METRIC_CTR,
  SL_METRIC_CLICK_TO_LEAD,
  SL_METRIC_LEAD_TO_MQL,
  SL_METRIC_MQL_TO_SQL,
  SL_METRIC_SQL_TO_OPPORTUNITY,
  SL_METRIC_OPPORTUNITY_TO_WON,
  SL_METRIC_LEAD_TO_CLIENT,
  SL_METRIC_WIN_RATE,
  SL_METRIC_CPL,
  SL_METRIC_COST_PER_MQL,
  SL_METRIC_COST_PER_SQL,
  SL_METRIC_COST_PER_OPPORTUNITY,
  SL_METRIC_COST_PER_ACQUISITION,
  SL_METRIC_CAC,
  SL_METRIC_NET_REVENUE_MINUS_CAC,
  SL_METRIC_ROI,
  /* Customers and their monthly revenue (customer_mrr) */
  SL_METRIC_BILLED_REVENUE,
  SL_METRIC_EXPANSION_REVENUE,
  SL_METRIC_MRR,
  SL_METRIC_ARR,
  SL_METRIC_ARPA,
  SL_METRIC_RETENTION,
  SL_METRIC_CHURN,
  SL_METRIC_MONTHLY_CHURN,
  SL_METRIC_CLV,                  /* ARPA × gross margin ÷ monthly churn */
  SL_METRIC_CLV_CAC,
  SL_METRIC_CLV_OBSERVED,         /* observed gross profit per customer */
  /* Headcount */
  SL_METRIC_REVENUE_PER_EMPLOYEE,
  SL_METRIC_REVENUE_PER_REP,
  /* Deal rows */
  SL_METRIC_MQL_TO_SQL_DAYS,
} SlMetric;

#define SL_METRIC_N_METRICS (SL_METRIC_MQL_TO_SQL_DAYS + 1)

/* What a metric reads; SlMetrics fetches only the parts asked for. */
typedef enum
{
  SL_METRICS_PART_FUNNEL       = 1 << 0,  /* rollup_day, won deals' unknown margins */
  SL_METRICS_PART_CUSTOMERS    = 1 << 1,  /* customer_mrr of the period's months */
  SL_METRICS_PART_HEADCOUNT    = 1 << 2,  /* headcount of the period's months */
  SL_METRICS_PART_LIFECYCLE    = 1 << 3,  /* deal rows: MQL → SQL days */
  SL_METRICS_PART_OBSERVED_CLV = 1 << 4,  /* customer_mrr up to the period's end */
} SlMetricsParts;

#define SL_METRICS_PART_ALL ((SlMetricsParts)0x1f)

/* Which way a metric should move: what makes a change good or bad, and
 * which side of a target meets it. */
typedef enum
{
  SL_METRIC_DIRECTION_NEUTRAL,           /* neither: spend, impressions */
  SL_METRIC_DIRECTION_HIGHER_IS_BETTER,  /* revenue, ROI, conversion rates */
  SL_METRIC_DIRECTION_LOWER_IS_BETTER,   /* CAC, CPL, churn, days to SQL */
} SlMetricDirection;

/* Stable machine names, as key_result.metric and reports use them:
 * "revenue", "cac", "clv-cac", "mql-to-sql-days"… */
const char     *sl_metric_to_string       (SlMetric   metric);
gboolean        sl_metric_from_string     (const char *text,
                                           SlMetric   *out);
/* The name for people, translated: "Cost per lead (CPL)". */
const char     *sl_metric_get_label       (SlMetric   metric);
/* The definition and formula for people, translated: "Marketing spend ÷
 * leads created in the period." (the glossary, the tooltip). */
const char     *sl_metric_get_description (SlMetric   metric);
SlMetricUnit    sl_metric_get_unit        (SlMetric   metric);
SlMetricsParts  sl_metric_get_parts       (SlMetric   metric);
SlMetricDirection sl_metric_get_direction (SlMetric   metric);

G_END_DECLS
