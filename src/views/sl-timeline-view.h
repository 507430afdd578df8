/* sl-timeline-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-timeline-chart.h"
#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Timeline: the fiscal year holding the filter's period, months across:
 * plan against the outlook (actuals, then the forecast), committed,
 * variance by month and cumulated with the months behind most of it,
 * burn against budget, the reserve and what plans drew from it,
 * overspend warnings, and the finance calendar. */

#define SL_TYPE_TIMELINE_VIEW (sl_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (SlTimelineView, sl_timeline_view, SL, TIMELINE_VIEW, AdwBin)

void             sl_timeline_view_set_context (SlTimelineView *self,
                                               SlWorkspace    *workspace,
                                               SlViewFilter   *filter);
/* The day the view counts as today (default: the real one). For tests. */
void             sl_timeline_view_set_as_of   (SlTimelineView *self,
                                               SlDay           as_of);
SlTimelineChart *sl_timeline_view_get_chart   (SlTimelineView *self);
/* The text of the months table at @row (0 plan, 1 committed, 2 actual,
 * 3 forecast, 4 outlook, 5 variance, 6 variance %, 7 cumulative
 * variance) and @column (0… months, then the total). For tests. */
const char      *sl_timeline_view_get_cell_text (SlTimelineView *self,
                                                 guint           row,
                                                 guint           column);
/* The warnings listed, one per line. For tests. */
char            *sl_timeline_view_dup_warnings_text (SlTimelineView *self);

G_END_DECLS
