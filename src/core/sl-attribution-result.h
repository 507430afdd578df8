/* sl-attribution-result.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-attribution.h"

G_BEGIN_DECLS

/* The revenue one channel, or one campaign of a channel, was credited. */
typedef struct
{
  gint64 channel_id;        /* 0: none (a deal with neither touches nor origin) */
  gint64 campaign_id;       /* 0: none; always 0 in channel rows */
  gint64 credited_minor;    /* workspace currency */
  /* The credit of the deals whose gross profit is known, apportioned
   * like the revenue; the other deals add nothing here. */
  gint64 credited_gross_profit_minor;
  guint  n_deals;           /* deals that gave this row a weight > 0 */
  guint  n_deals_with_gross_profit;
} SlAttributionRow;

#define SL_TYPE_ATTRIBUTION_RESULT (sl_attribution_result_get_type ())

GType                   sl_attribution_result_get_type            (void) G_GNUC_CONST;

SlAttributionResult    *sl_attribution_result_ref                 (SlAttributionResult *self);
void                    sl_attribution_result_unref               (SlAttributionResult *self);

SlAttributionModel      sl_attribution_result_get_model           (SlAttributionResult *self);
const SlPeriod         *sl_attribution_result_get_period          (SlAttributionResult *self);
/* The channel the run was limited to, or 0. */
gint64                  sl_attribution_result_get_channel_id      (SlAttributionResult *self);
/* The workspace currency: every amount of the result is in it. */
const char             *sl_attribution_result_get_currency        (SlAttributionResult *self);

/* The won deals that credited at least one row, and their whole revenue
 * and known gross profit. Unless the run was limited to a channel, these
 * are all the deals won in the period and the revenue equals the sum of
 * the rows' credit exactly. */
guint                   sl_attribution_result_get_n_deals         (SlAttributionResult *self);
gint64                  sl_attribution_result_get_revenue_minor   (SlAttributionResult *self);
gint64                  sl_attribution_result_get_gross_profit_minor (SlAttributionResult *self);
/* The sum of the rows' credit. */
gint64                  sl_attribution_result_get_credited_minor  (SlAttributionResult *self);

/* Per channel and campaign, sorted by channel id, then campaign id. */
guint                   sl_attribution_result_get_n_rows          (SlAttributionResult *self);
const SlAttributionRow *sl_attribution_result_get_row             (SlAttributionResult *self,
                                                                   guint                index);
/* Per channel (campaign_id 0), sorted by channel id. A deal counts once
 * per channel, however many of its touches fell on it. */
guint                   sl_attribution_result_get_n_channels      (SlAttributionResult *self);
const SlAttributionRow *sl_attribution_result_get_channel         (SlAttributionResult *self,
                                                                   guint                index);
/* The row of @channel_id, or NULL when it was credited nothing. */
const SlAttributionRow *sl_attribution_result_lookup_channel      (SlAttributionResult *self,
                                                                   gint64               channel_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlAttributionResult, sl_attribution_result_unref)

G_END_DECLS
