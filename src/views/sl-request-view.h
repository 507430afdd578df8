/* sl-request-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_REQUEST_VIEW (sl_request_view_get_type ())
G_DECLARE_FINAL_TYPE (SlRequestView, sl_request_view, SL, REQUEST_VIEW, AdwBin)

/* Budget Request: next period's request to finance as a grid of
 * channels (and the reserve) × months, each channel's lines serving the
 * goal chosen on its row; the reserve's share with a warning outside
 * 5–10 %; the days left before finance's deadline; and, per channel,
 * what a revenue target takes worked back through the funnel, with the
 * spend to use. Does not follow the filter. */
void            sl_request_view_set_context    (SlRequestView  *self,
                                                SlWorkspace    *workspace,
                                                SlViewFilter   *filter);
/* The request shown; 0: none. */
gint64          sl_request_view_get_request_id (SlRequestView  *self);
/* The day counted as today (default: the real one) and the day the
 * funnel rates are taken before (default: the day after the last
 * actual figures). For tests. */
void            sl_request_view_set_days       (SlRequestView  *self,
                                                SlDay           today,
                                                SlDay           as_of);
/* The grid's rows (SlPlanRow): channels, the reserve, the totals. */
GListModel     *sl_request_view_get_rows       (SlRequestView  *self);
guint           sl_request_view_get_n_months   (SlRequestView  *self);
const SlPeriod *sl_request_view_get_month      (SlRequestView  *self,
                                                guint           month);

G_END_DECLS
