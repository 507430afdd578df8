/* sl-attribution-result-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-attribution-result.h"

G_BEGIN_DECLS

/* One touch of a deal with its weight under the model and its shares of
 * the deal's revenue and gross profit. */
typedef struct
{
  gint64  channel_id;
  gint64  campaign_id;
  SlDay   day;
  guint64 weight;
  gint64  share_minor;
  gint64  gross_profit_share_minor;
} SlAttributionTouch;

/* An empty result for sl_attribution_run() to fill deal by deal. */
SlAttributionResult *sl_attribution_result_new      (SlAttributionModel        model,
                                                     const SlPeriod           *period,
                                                     gint64                    channel_id,
                                                     const char               *currency);
/* Adds one deal: its touches (weights and shares set) credit their rows.
 * Touches of weight 0 are skipped, and so are touches on other channels
 * when the result is limited to one; a deal with no touch left adds
 * nothing, not even to the deal count. Fails with
 * SL_MONEY_ERROR_OVERFLOW when a sum leaves int64. */
gboolean             sl_attribution_result_add_deal (SlAttributionResult      *self,
                                                     gint64                    revenue_minor,
                                                     gboolean                  has_gross_profit,
                                                     gint64                    gross_profit_minor,
                                                     const SlAttributionTouch *touches,
                                                     guint                     n_touches,
                                                     GError                  **error);
/* Sorts the rows; call once, after the last deal. */
void                 sl_attribution_result_finish   (SlAttributionResult      *self);

G_END_DECLS
