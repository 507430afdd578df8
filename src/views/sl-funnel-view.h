/* sl-funnel-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-funnel-chart.h"
#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Funnel: the four numbers of the revenue engine per stage — volume,
 * conversion, velocity (median days between stages) and value against
 * cost — for the filter's period and scope; conversions that fell below
 * their baseline; pipeline velocity; and the stages compared channel by
 * channel. */

#define SL_TYPE_FUNNEL_VIEW (sl_funnel_view_get_type ())
G_DECLARE_FINAL_TYPE (SlFunnelView, sl_funnel_view, SL, FUNNEL_VIEW, AdwBin)

void        sl_funnel_view_set_context   (SlFunnelView  *self,
                                          SlWorkspace   *workspace,
                                          SlViewFilter  *filter);
/* For tests: the text shown in the stages table at @row (0: the first
 * stage shown), @column (0 name, 1 volume, 2 conversion, 3 days,
 * 4 cost, 5 value); NULL outside it. */
const char *sl_funnel_view_get_stage_text (SlFunnelView *self,
                                           guint         row,
                                           guint         column);
/* The funnel chart, for tests. */
SlFunnelChart *sl_funnel_view_get_chart   (SlFunnelView *self);
/* The leaks listed (their messages, one per line), for tests. */
char       *sl_funnel_view_dup_leaks_text (SlFunnelView *self);

G_END_DECLS
