/* sl-metrics-totals.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric.h"

G_BEGIN_DECLS

/* What a figure covers: the whole workspace, one channel or one
 * campaign. Customer figures follow the customer's acquisition channel
 * or campaign. */
typedef enum
{
  SL_SCOPE_WORKSPACE,
  SL_SCOPE_CHANNEL,
  SL_SCOPE_CAMPAIGN,
} SlScopeKind;

typedef struct
{
  SlScopeKind kind;
  gint64      id;     /* channel or campaign id; 0 for the workspace */
} SlScope;

#define SL_SCOPE_INIT_WORKSPACE         ((SlScope) { SL_SCOPE_WORKSPACE, 0 })
#define SL_SCOPE_INIT_CHANNEL(channel)  ((SlScope) { SL_SCOPE_CHANNEL, (channel) })
#define SL_SCOPE_INIT_CAMPAIGN(campaign) ((SlScope) { SL_SCOPE_CAMPAIGN, (campaign) })

/* Funnel stages in order, for conversion between any two. */
typedef enum
{
  SL_FUNNEL_IMPRESSION,
  SL_FUNNEL_CLICK,
  SL_FUNNEL_LEAD,
  SL_FUNNEL_MQL,
  SL_FUNNEL_SQL,
  SL_FUNNEL_OPPORTUNITY,
  SL_FUNNEL_WON,
} SlFunnelStage;

/* The sums every metric of a period and scope is computed from. The
 * engine (SlMetrics) fills the parts asked for from the rollups and the
 * other tables; the metrics themselves are pure functions of these sums
 * (sl_metrics_totals_get()), so they can be tested, and recomputed for
 * a what-if, without a database. docs/metrics.md says where each field
 * comes from. */
typedef struct
{
  SlScope        scope;
  SlMetricsParts parts;          /* the parts filled in */
  char           currency[4];    /* the workspace currency */

  /* SL_METRICS_PART_FUNNEL: rollup_day over the period's days */
  gint64 spend_minor;
  gint64 impressions;
  gint64 clicks;
  gint64 conversions;
  gint64 leads;
  gint64 mqls;
  gint64 sqls;
  gint64 opportunities;
  gint64 won;
  gint64 lost;
  gint64 won_minor;
  gint64 won_gross_profit_minor;  /* of the deals whose margin is known */
  /* …and the deals won in the period whose gross profit is unknown */
  gint64 won_unknown_gp;
  gint64 won_unknown_gp_minor;

  /* SL_METRICS_PART_CUSTOMERS: customer_mrr of the billing months (first
   * day of a Gregorian month) that start in the period */
  gint64 billing_months;
  gint64 billed_minor;
  gint64 account_months;         /* (customer, month) rows billed */
  gint64 known_gp_billed_minor;  /* billed in rows whose gross profit is known */
  gint64 billed_gross_profit_minor;
  gint64 expansion_minor;        /* Σ (this month − last month), both billed */
  gint64 at_risk;                /* Σ customers billed the month before */
  gint64 churned;                /* …of whom not billed that month */
  gint64 start_customers;        /* billed the month before the first */
  gint64 kept_customers;         /* …and billed in the last month */
  gint64 mrr_minor;              /* the month holding the period's last day */

  /* SL_METRICS_PART_HEADCOUNT: months of the period with a headcount */
  gint64 employee_months;
  gint64 employees_sum;
  gint64 rep_months;
  gint64 reps_sum;

  /* SL_METRICS_PART_LIFECYCLE: deals reaching SQL in the period */
  gint64 lifecycle_deals;
  gint64 lifecycle_median_x2;    /* twice the median days (exact) */

  /* SL_METRICS_PART_OBSERVED_CLV: customers acquired by the period's
   * end, their gross profit billed by then */
  gint64 observed_customers;
  gint64 observed_gross_profit_minor;
  gint64 observed_known_rows;    /* rows whose gross profit is known */
} SlMetricsTotals;

/* Zeroes @totals for @scope and @currency, with no parts filled. */
void     sl_metrics_totals_init       (SlMetricsTotals       *totals,
                                       const SlScope         *scope,
                                       const char            *currency);
/* Adds @b's sums to @a's (the scope and parts stay @a's; a part only @b
 * has is not added). The MRR and the lifecycle median do not add up: they
 * are left as @a's. */
void     sl_metrics_totals_add        (SlMetricsTotals       *a,
                                       const SlMetricsTotals *b);
/* @metric computed from @totals, which must hold the metric's parts
 * (sl_metric_get_parts()). */
void     sl_metrics_totals_get        (const SlMetricsTotals *totals,
                                       SlMetric               metric,
                                       SlMetricValue         *out);
/* The share of @from reaching @to (@from < @to): e.g. MQL → won. */
void     sl_metrics_totals_conversion (const SlMetricsTotals *totals,
                                       SlFunnelStage          from,
                                       SlFunnelStage          to,
                                       SlMetricValue         *out);

/* Splits a budget @total into the discretionary reserve (@basis_points
 * of it, rounded half to even) and what the channels share, exactly:
 * reserve + channels = total. */
gboolean sl_metrics_split_reserve     (const SlMoney         *total,
                                       int                    basis_points,
                                       SlMoney               *reserve,
                                       SlMoney               *channels,
                                       GError               **error);

G_END_DECLS
