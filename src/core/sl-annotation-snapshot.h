/* sl-annotation-snapshot.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-annotation.h"
#include "sl-metrics.h"

G_BEGIN_DECLS

/* The figures an annotation cites, frozen when it is written: later
 * imports and formula changes never rewrite them, so what finance read
 * stays what was claimed. The snapshot is JSON (annotation.snapshot):
 *
 *   { "formula_version": 1, "taken_at": µs, "currency": "USD",
 *     "period": { "first": "2025-03-01", "last": "2025-03-31" },
 *     "scope": { "kind": "channel", "id": 1 },
 *     "values": { "spend": { "num": 1000000, "den": 1 }, "cpl": null, … },
 *     "reasons": { "cpl": <SlMetricReason> },   (undefined values only)
 *     "basis": { "roi": "gross-profit" | "revenue" },
 *     "batches": [ 3, 7 ] }                     (imports behind the figures)
 *
 * Ratios are exact fractions; undefined is null, never 0. */

/* Bumped whenever a formula in sl-metrics-totals.c changes meaning. */
#define SL_METRICS_FORMULA_VERSION 1

typedef struct
{
  SlMetric      metric;
  SlMetricValue then;   /* from the snapshot */
  SlMetricValue now;    /* computed again from today's figures */
} SlSnapshotRow;

/* The metrics a snapshot holds, in the order they are shown. */
const SlMetric *sl_annotation_snapshot_get_metrics (guint              *n_metrics);

/* Computes the figures of @scope over @period and returns the JSON. */
char           *sl_annotation_snapshot_take        (SlMetrics          *metrics,
                                                    const SlPeriod     *period,
                                                    const SlScope      *scope,
                                                    GError            **error);
/* One value of a snapshot ("then"); FALSE with an error when @json is
 * not a snapshot or lacks @metric. */
gboolean        sl_annotation_snapshot_get_value   (const char         *json,
                                                    SlMetric            metric,
                                                    SlMetricValue      *out,
                                                    GError            **error);
gint64          sl_annotation_snapshot_get_formula_version (const char *json);
/* The import batches behind the figures (a GArray of gint64). */
GArray         *sl_annotation_snapshot_get_batches (const char         *json);

/* The scope an annotation's figures cover: its campaign, else its
 * channel, else the workspace. */
void            sl_annotation_get_scope            (SlAnnotation       *annotation,
                                                    SlScope            *out);
/* "Then" beside "now" for every metric of the snapshot, for the view:
 * now is computed over the same period and scope from today's figures.
 * Returns a GArray of SlSnapshotRow. */
GArray         *sl_annotation_snapshot_compare     (SlMetrics          *metrics,
                                                    SlAnnotation       *annotation,
                                                    SlCalendar          calendar,
                                                    GError            **error);

G_END_DECLS
