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
 * channel (a channel table). Rows of a channel not in the table (or of
 * no channel) are dropped from a table and added to a single total. */
typedef struct
{
  SlMetricsTotals *single;
  GArray          *rows;    /* SlMetricsTotals */
  GHashTable      *index;   /* channel id → row index + 1 */
} SlMetricsTarget;

SlMetricsTotals *sl_metrics_target_lookup   (SlMetricsTarget  *target,
                                             gint64            channel_id);

/* Scoped statements take the scope as ?8 (kind) and ?9 (id). */
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

/* First day of the Gregorian month holding @day, and of the next one. */
SlDay            sl_metrics_month_first     (SlDay             day);
SlDay            sl_metrics_month_next      (SlDay             month_first);

G_END_DECLS
