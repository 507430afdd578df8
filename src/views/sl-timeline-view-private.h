/* sl-timeline-view-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-bar-chart.h"
#include "sl-timeline.h"
#include "sl-timeline-view.h"

G_BEGIN_DECLS

/* Shared by sl-timeline-view.c and sl-timeline-view-lists.c. */
struct _SlTimelineView
{
  AdwBin            parent_instance;

  GtkStack         *stack;
  GtkLabel         *summary_label;
  GtkBox           *chart_box;
  GtkLabel         *drivers_label;
  GtkListBox       *warning_list;
  GtkScrolledWindow *month_scroller;
  GtkGrid          *month_grid;
  GtkListBox       *event_list;
  SlTimelineChart  *chart;
  GtkBox           *channel_box;
  SlBarChart       *channel_chart;

  SlWorkspace      *workspace;
  SlViewFilter     *filter;
  SlDay             as_of;       /* SL_DAY_INVALID: today */
};


/* Money in the workspace currency and the user's locale. */
char       *sl_timeline_view_format_minor  (SlTimelineView *self,
                                            gint64          minor);
char       *sl_timeline_view_month_name    (const SlPeriod *month);
const char *sl_timeline_view_channel_name  (SlTimelineView *self,
                                            gint64          id);
void        sl_timeline_view_fill_warnings (SlTimelineView *self,
                                            SlTimeline     *timeline);
/* What the finance calendar holds from @as_of on, with countdowns. */
void        sl_timeline_view_fill_events   (SlTimelineView *self,
                                            SlTimeline     *timeline,
                                            SlDay           as_of);

G_END_DECLS
