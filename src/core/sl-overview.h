/* sl-overview.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-flags.h"
#include "sl-kpi-summary.h"
#include "sl-metrics.h"

G_BEGIN_DECLS

/* The Overview's figures: the workspace's KPI list (table kpi, in
 * position order), each as an SlKpiSummary for a period and scope, and
 * optionally the flags of the period. docs/metrics.md › Overview. */

typedef struct _SlOverview SlOverview;

#define SL_TYPE_OVERVIEW (sl_overview_get_type ())

GType               sl_overview_get_type             (void) G_GNUC_CONST;

/* Every KPI of the list for @period and @scope: its value, its value in
 * the period before (sl_period_previous()), its monthly trend over the
 * twelve months ending with the one holding @period's last day, and its
 * status against the key result of its goal. With a @model, revenue and
 * gross profit of a channel or campaign scope are its credit under the
 * model (as in the Channels view); the workspace's are all revenue
 * whatever the model. With @flags_options, also sl_flags_check() of
 * @period, kept to @scope's channel when there is one. */
SlOverview         *sl_overview_compute              (SlMetrics                *metrics,
                                                      const SlPeriod           *period,
                                                      const SlScope            *scope,
                                                      const SlAttributionModel *model,
                                                      const SlFlagsOptions     *flags_options,
                                                      GError                  **error);
SlOverview         *sl_overview_ref                  (SlOverview               *self);
void                sl_overview_unref                (SlOverview               *self);

const SlPeriod     *sl_overview_get_period           (SlOverview               *self);
const SlPeriod     *sl_overview_get_previous_period  (SlOverview               *self);
void                sl_overview_get_scope            (SlOverview               *self,
                                                      SlScope                  *out);

guint               sl_overview_get_n_kpis           (SlOverview               *self);
const SlKpiSummary *sl_overview_get_kpi              (SlOverview               *self,
                                                      guint                     index);

/* The months of every KPI's trend, oldest first (12). */
guint               sl_overview_get_n_trend_months   (SlOverview               *self);
const SlPeriod     *sl_overview_get_trend_month      (SlOverview               *self,
                                                      guint                     index);

/* The SlFlag of the period (owned by the overview), or NULL when no
 * flags were asked for. */
GPtrArray          *sl_overview_get_flags            (SlOverview               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlOverview, sl_overview_unref)

G_END_DECLS
