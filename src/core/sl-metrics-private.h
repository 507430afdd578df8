/* sl-metrics-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metrics.h"

G_BEGIN_DECLS

/* Where fetched sums go: one SlMetricsTotals for a scope, or one per
 * channel (a channel table) or per campaign (a campaign table, of the
 * whole workspace; funnel and customer parts only). Rows of a channel or
 * campaign not in the table (or of none) are dropped from a table and
 * added to a single total. */
typedef struct
{
  SlMetricsTotals *single;
  GArray          *rows;        /* SlMetricsTotals */
  GHashTable      *index;       /* channel (or campaign) id → row index + 1 */
  gboolean         by_campaign;
} SlMetricsTarget;

SlMetricsTotals *sl_metrics_target_lookup   (SlMetricsTarget  *target,
                                             gint64            channel_id);

/* Scoped statements take the scope as ?8 (kind) and ?9 (id). For deals
 * (d) by their campaign (c), whose channel is as rollup_day has it: */
#define SL_METRICS_DEAL_SCOPE \
  "(?8 = 0 OR (?8 = 1 AND c.channel_id = ?9) OR (?8 = 2 AND c.id = ?9))"

void             sl_metrics_bind_scope      (SlStatement      *stmt,
                                             const SlScope    *scope);
gboolean         sl_metrics_read_currency   (SlMetrics        *self,
                                             char              currency[4],
                                             GError          **error);

gboolean         sl_metrics_fetch_funnel    (SlMetrics        *self,
                                             SlDay             first,
                                             SlDay             last,
                                             const SlScope    *scope,
                                             SlMetricsTarget  *target,
                                             GError          **error);
gboolean         sl_metrics_fetch_customers (SlMetrics        *self,
                                             SlDay             first,
                                             SlDay             last,
                                             const SlScope    *scope,
                                             SlMetricsTarget  *target,
                                             GError          **error);
gboolean         sl_metrics_fetch_lifecycle (SlMetrics        *self,
                                             SlDay             first,
                                             SlDay             last,
                                             const SlScope    *scope,
                                             SlFunnelStage     from,
                                             SlFunnelStage     to,
                                             SlMetricsTarget  *target,
                                             GError          **error);
gboolean         sl_metrics_fetch_headcount (SlMetrics        *self,
                                             SlDay             first,
                                             SlDay             last,
                                             SlMetricsTotals  *totals,
                                             GError          **error);
gboolean         sl_metrics_fetch_observed  (SlMetrics        *self,
                                             SlDay             last,
                                             const SlScope    *scope,
                                             SlMetricsTarget  *target,
                                             GError          **error);

/* Adds the twelve FUNNEL sums of columns 1–12 of @stmt (spend …
 * won gross profit) to @t; the won deals of unknown gross profit (count
 * and amount) of columns 1–2. */
void             sl_metrics_add_funnel_columns     (SlStatement      *stmt,
                                                    SlMetricsTotals  *t);
void             sl_metrics_add_unknown_gp_columns (SlStatement      *stmt,
                                                    SlMetricsTotals  *t);
/* Sets @t's lifecycle count and twice the median of @days (sorted in
 * place). */
void             sl_metrics_totals_set_median      (SlMetricsTotals  *t,
                                                    GArray           *days);

/* First day of the Gregorian month holding @day, and of the next one. */
SlDay            sl_metrics_month_first     (SlDay             day);
SlDay            sl_metrics_month_next      (SlDay             month_first);

G_END_DECLS
