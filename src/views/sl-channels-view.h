/* sl-channels-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-heat-map.h"
#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Channels: spend, leads, CPL, customers, CAC, revenue, ROI and
 * CLV : CAC per channel (expanding to campaigns), sortable, best
 * business result first; the month × channel ROI heat map; the flags
 * on each channel. */

#define SL_TYPE_CHANNELS_VIEW (sl_channels_view_get_type ())
G_DECLARE_FINAL_TYPE (SlChannelsView, sl_channels_view, SL, CHANNELS_VIEW, AdwBin)

void        sl_channels_view_set_context (SlChannelsView *self,
                                          SlWorkspace    *workspace,
                                          SlViewFilter   *filter);
/* The lines shown, in order (channels and expanded campaigns): a
 * GListModel of GtkTreeListRow holding SlChannelItem. For tests. */
GListModel *sl_channels_view_get_rows    (SlChannelsView *self);
/* The text the view shows for @metric on line @position. For tests. */
char       *sl_channels_view_dup_cell_text (SlChannelsView *self,
                                            guint           position,
                                            SlMetric        metric);

/* The ROI by month heat map: a row per channel line, a column per
 * month of the fiscal year. For tests. */
SlHeatMap  *sl_channels_view_get_heat_map (SlChannelsView *self);

G_END_DECLS
