/* sl-overview-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-overview.h"

G_BEGIN_DECLS

/* The pipeline velocity of @scope in each of @periods (GArray of
 * SlPeriod) from their FUNNEL @totals (GArray of SlMetricsTotals, by
 * origin): the open opportunities at each period's end and the median
 * sales cycle of each period, in one pass over the deal rows each.
 * Returns a GArray of SlMetricValue, one per period. */
GArray *sl_overview_compute_velocity (SlMetrics      *metrics,
                                      const SlScope  *scope,
                                      GArray         *periods,
                                      GArray         *totals,
                                      GError        **error);

G_END_DECLS
