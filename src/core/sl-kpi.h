/* sl-kpi.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_KPI (sl_kpi_get_type ())
G_DECLARE_FINAL_TYPE (SlKpi, sl_kpi, SL, KPI, SlRecord)

/* The columns sl_kpi_new_from_row() reads, in order, and the order of
 * the list: the Overview's. The record's id is the row's rowid. */
#define SL_KPI_COLUMNS  "rowid, metric, position, goal_id"
#define SL_KPI_ORDER_BY "position, metric"

/* One metric of the list finance asked for. Its metric is a key of the
 * engine ("cac"); a key this version does not know is kept and shown
 * as it is. */
SlKpi      *sl_kpi_new_from_row     (sqlite3_stmt *stmt);
const char *sl_kpi_get_metric_key   (SlKpi        *self);
/* FALSE when the key is not a metric of this version. */
gboolean    sl_kpi_get_metric       (SlKpi        *self,
                                     SlMetric     *out);
int         sl_kpi_get_position     (SlKpi        *self);
/* The goal it is tied to, or 0. */
gint64      sl_kpi_get_goal_id      (SlKpi        *self);
/* The metric's name and definition for people, translated; for an
 * unknown key, the key and a sentence saying so. */
const char *sl_kpi_get_label        (SlKpi        *self);
const char *sl_kpi_get_description  (SlKpi        *self);

G_END_DECLS
