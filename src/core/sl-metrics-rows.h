/* sl-metrics-rows.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-attribution-result.h"
#include "sl-campaign-store.h"
#include "sl-metrics.h"

G_BEGIN_DECLS

/* The rows of a channel report (the Channels view, `sunlight-cli
 * report`): every channel's figures and, when asked, its campaigns'. */

#define SL_METRICS_ROW_PARTS (SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS)

typedef struct
{
  gint64           channel_id;
  gint64           campaign_id;  /* 0: the channel's own row */
  SlMetricsTotals  totals;       /* SL_METRICS_ROW_PARTS */
} SlMetricsRow;

/* The figures a channel report shows, in order, with their short
 * titles for column headers, marked for translation (pass them through
 * gettext when shown). */
typedef struct
{
  SlMetric    metric;
  const char *title;
} SlMetricsRowColumn;

#define SL_METRICS_ROW_N_COLUMNS 8

extern const SlMetricsRowColumn sl_metrics_row_columns[SL_METRICS_ROW_N_COLUMNS];

/* One row per channel in the channels' order, each followed by its
 * campaigns (in @campaigns' order) when @campaigns is not NULL. With a
 * @model, revenue and gross profit are the credit each channel or
 * campaign got under it in @period (sl_attribution_run()); without, the
 * revenue of the deals it originated. Returns a GArray of SlMetricsRow. */
GArray   *sl_metrics_get_rows (SlMetrics                *self,
                               const SlPeriod           *period,
                               SlCampaignStore          *campaigns,
                               const SlAttributionModel *model,
                               GError                  **error);

/* The same for campaigns given by id, each with the id of its channel
 * (two GArrays of gint64 of the same length, or both NULL): usable from
 * any thread, with its own SlMetrics, as it reads no store. */
GArray   *sl_metrics_get_rows_for (SlMetrics                *self,
                                   const SlPeriod           *period,
                                   GArray                   *campaign_ids,
                                   GArray                   *channel_ids,
                                   const SlAttributionModel *model,
                                   GError                  **error);

/* The ids of @campaigns and of their channels, for
 * sl_metrics_get_rows_for(). */
void      sl_metrics_campaign_ids (SlCampaignStore *campaigns,
                                   GArray         **campaign_ids,
                                   GArray         **channel_ids);

/* What sl_metrics_table_apply_attribution() does for a channel row,
 * for a campaign's: @credit (NULL: none) replaces the revenue of its own
 * deals. */
void      sl_metrics_totals_apply_credit (SlMetricsTotals        *totals,
                                          const SlAttributionRow *credit);

G_END_DECLS
