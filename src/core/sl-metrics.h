/* sl-metrics.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-attribution.h"
#include "sl-database.h"
#include "sl-metrics-totals.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* The metrics engine: every KPI of DOMAIN.md for a period (any calendar:
 * the rollups are per day) and a scope. It reads the day rollups, and
 * only goes to other tables for what they alone hold (customer revenue
 * by month, headcount, the medians of deal rows); docs/metrics.md says
 * which table each metric reads and what it costs. An SlMetrics keeps
 * no state but its database: create one where needed, from the thread
 * that owns the connection. */

#define SL_TYPE_METRICS (sl_metrics_get_type ())
G_DECLARE_FINAL_TYPE (SlMetrics, sl_metrics, SL, METRICS, GObject)

SlMetrics     *sl_metrics_new                (SlDatabase           *db);
SlDatabase    *sl_metrics_get_database       (SlMetrics            *self);

/* The sums behind every metric of @period and @scope, of the @parts
 * asked for (sl_metric_get_parts() says which a metric needs). */
gboolean       sl_metrics_get_totals         (SlMetrics            *self,
                                              const SlPeriod       *period,
                                              const SlScope        *scope,
                                              SlMetricsParts        parts,
                                              SlMetricsTotals      *out,
                                              GError              **error);
/* One metric: fetches what it needs and computes it. */
gboolean       sl_metrics_compute            (SlMetrics            *self,
                                              SlMetric              metric,
                                              const SlPeriod       *period,
                                              const SlScope        *scope,
                                              SlMetricValue        *out,
                                              GError              **error);
/* The share of stage @from's count reaching @to, both counted in
 * @period (from the rollups): e.g. MQL → won. */
gboolean       sl_metrics_conversion         (SlMetrics            *self,
                                              const SlPeriod       *period,
                                              const SlScope        *scope,
                                              SlFunnelStage         from,
                                              SlFunnelStage         to,
                                              SlMetricValue        *out,
                                              GError              **error);
/* The median days from stage @from to stage @to (both SL_FUNNEL_LEAD or
 * later, @from < @to) of the deals that reached @to in @period and have
 * a day for @from; undefined (no deals) when there are none. Reads deal
 * rows. MQL → SQL is the lifecycle; lead → won the days from first
 * contact to won; opportunity → won the sales cycle. */
gboolean       sl_metrics_stage_days         (SlMetrics            *self,
                                              const SlPeriod       *period,
                                              const SlScope        *scope,
                                              SlFunnelStage         from,
                                              SlFunnelStage         to,
                                              SlMetricValue        *out,
                                              GError              **error);
/* Marketing-attributed revenue: the revenue of the deals won in
 * @period credited under @model to channels (all of them, or @scope's
 * channel or campaign); deals credited to no channel are left out. */
gboolean       sl_metrics_attributed_revenue (SlMetrics            *self,
                                              SlAttributionModel    model,
                                              const SlPeriod       *period,
                                              const SlScope        *scope,
                                              SlMetricValue        *out,
                                              GError              **error);

/* The channel table: one SlMetricsTotals per channel (scope channel),
 * in the channels' order (position, then id), every channel listed even
 * without figures, fetched in one pass per part. @parts may hold FUNNEL,
 * CUSTOMERS (by acquisition channel) and LIFECYCLE. Revenue by channel
 * is the revenue of the deals the channel originated; see
 * sl_metrics_table_apply_attribution() for a model's credit instead.
 * Returns a GArray of SlMetricsTotals. */
GArray        *sl_metrics_channel_table      (SlMetrics            *self,
                                              const SlPeriod       *period,
                                              SlMetricsParts        parts,
                                              GError              **error);
/* The totals of each campaign of @campaign_ids (gint64) over @period,
 * in that order, from grouped queries: FUNNEL and CUSTOMERS parts only
 * (customers by acquisition campaign). Equal to sl_metrics_get_totals()
 * of each campaign's scope. Returns a GArray of SlMetricsTotals. */
GArray        *sl_metrics_campaign_table     (SlMetrics            *self,
                                              const SlPeriod       *period,
                                              GArray               *campaign_ids,
                                              SlMetricsParts        parts,
                                              GError              **error);
/* Replaces revenue and gross profit in @table's FUNNEL rows (a channel
 * table of the same period) by the credit each channel got under
 * @attribution (from sl_attribution_run() over the whole workspace).
 * Counts stay by channel of origin. */
void           sl_metrics_table_apply_attribution (GArray              *table,
                                                   SlAttributionResult *attribution);

/* A trend: the totals of @scope for each period of @kind covering
 * @period (sl_period_split(): twelve months into their months), of the
 * @parts asked for. FUNNEL and LIFECYCLE take one pass each over the
 * whole range, grouped by day and bucketed in C; CUSTOMERS, HEADCOUNT
 * and OBSERVED_CLV are fetched part by part. Returns a GArray of
 * SlMetricsTotals, one per part, in order. */
GArray        *sl_metrics_get_series         (SlMetrics            *self,
                                              const SlPeriod       *period,
                                              SlPeriodKind          kind,
                                              const SlScope        *scope,
                                              SlMetricsParts        parts,
                                              GError              **error);

/* Periods × channels of FUNNEL totals: @period split into periods of
 * @kind (a fiscal year into months: the month × channel ROI matrix), in
 * one pass over the rollups. */
typedef struct _SlMetricsMatrix SlMetricsMatrix;

#define SL_TYPE_METRICS_MATRIX (sl_metrics_matrix_get_type ())

GType            sl_metrics_matrix_get_type       (void) G_GNUC_CONST;
SlMetricsMatrix *sl_metrics_get_matrix            (SlMetrics       *self,
                                                   const SlPeriod  *period,
                                                   SlPeriodKind     kind,
                                                   GError         **error);
SlMetricsMatrix *sl_metrics_matrix_ref            (SlMetricsMatrix *matrix);
void             sl_metrics_matrix_unref          (SlMetricsMatrix *matrix);
guint            sl_metrics_matrix_get_n_periods  (SlMetricsMatrix *matrix);
const SlPeriod  *sl_metrics_matrix_get_period     (SlMetricsMatrix *matrix,
                                                   guint            period_index);
/* Channels in the channels' order, as in the channel table. */
guint            sl_metrics_matrix_get_n_channels (SlMetricsMatrix *matrix);
gint64           sl_metrics_matrix_get_channel_id (SlMetricsMatrix *matrix,
                                                   guint            channel_index);
const SlMetricsTotals *sl_metrics_matrix_get_totals (SlMetricsMatrix *matrix,
                                                     guint            channel_index,
                                                     guint            period_index);
/* A FUNNEL metric of one cell, e.g. SL_METRIC_ROI. */
void             sl_metrics_matrix_get_value      (SlMetricsMatrix *matrix,
                                                   SlMetric         metric,
                                                   guint            channel_index,
                                                   guint            period_index,
                                                   SlMetricValue   *out);

/* Acquisition cohorts: the customers acquired in each month (of the
 * period's calendar) of @period, and how many of them were billed in
 * each billing month from the one holding the cohort's first day up to
 * the one holding @until. With a channel scope, the retention of the
 * customers that channel brought. */
typedef struct
{
  SlPeriod  acquired;     /* the acquisition month, clipped to @period */
  gint64    size;         /* customers acquired in it */
  SlDay     first_month;  /* first day of billing month 0 */
  GArray   *active;       /* gint64 per billing month 0, 1, 2… */
} SlCohort;

void           sl_cohort_free                (SlCohort             *cohort);
/* Share of the cohort billed in billing month @month. */
void           sl_cohort_get_retention       (const SlCohort       *cohort,
                                              guint                 month,
                                              SlMetricValue        *out);
/* Returns a GPtrArray of SlCohort, oldest first. */
GPtrArray     *sl_metrics_get_cohorts        (SlMetrics            *self,
                                              const SlPeriod       *period,
                                              const SlScope        *scope,
                                              SlDay                 until,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlMetricsMatrix, sl_metrics_matrix_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCohort, sl_cohort_free)

G_END_DECLS
