/* sl-timeline-chart.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-chart-axis.h"

G_BEGIN_DECLS

/* Months across: the plan as bars, the outlook as one line — solid over
 * the months with actuals, dashed over the estimated ones — its points
 * red where a month goes over plan, and events (deadlines, check-ins)
 * as markers on their day. A y axis with rounded ticks labelled by the
 * caller's formatter. Mirrored right to left. Knows only GTK. */

#define SL_TYPE_TIMELINE_CHART (sl_timeline_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlTimelineChart, sl_timeline_chart, SL, TIMELINE_CHART, GtkWidget)

GtkWidget *sl_timeline_chart_new            (void);
void       sl_timeline_chart_set_formatter  (SlTimelineChart  *self,
                                             SlChartFormatFunc func,
                                             gpointer          user_data,
                                             GDestroyNotify    destroy);
/* Clears the chart to @n_months months, none of them with actuals. */
void       sl_timeline_chart_set_n_months   (SlTimelineChart  *self,
                                             guint             n_months);
guint      sl_timeline_chart_get_n_months   (SlTimelineChart  *self);
/* A month's label, plan, outlook, whether it goes over plan, and the
 * text of its tooltip. */
void       sl_timeline_chart_set_month      (SlTimelineChart  *self,
                                             guint             month,
                                             const char       *label,
                                             double            plan,
                                             double            outlook,
                                             gboolean          over,
                                             const char       *tooltip);
/* The texts of month @month's plan and outlook as the accessible
 * summary tells them (e.g. formatted as money); NULL: the formatter's. */
void       sl_timeline_chart_set_month_texts (SlTimelineChart *self,
                                              guint            month,
                                              const char      *plan_text,
                                              const char      *outlook_text);
/* What a reader is told of month @month: its tooltip, else its label,
 * plan and outlook. */
char      *sl_timeline_chart_dup_month_text (SlTimelineChart *self,
                                             guint            month);
/* Months [0, @n) have actuals: the line is solid over them. */
void       sl_timeline_chart_set_n_actual   (SlTimelineChart  *self,
                                             guint             n);
/* A marker at @position months from the start (2.5: the middle of the
 * third month); @kind picks its colour: 0 deadline, 1 check-in,
 * 2 review, 3 reallocation, SL_TIMELINE_CHART_MARKER_NOTE a win, loss
 * or note shared with finance (a dot). Its label is in the tooltip of
 * its month. */
#define SL_TIMELINE_CHART_MARKER_NOTE 4

void       sl_timeline_chart_add_marker     (SlTimelineChart  *self,
                                             double            position,
                                             int               kind,
                                             const char       *label);

guint      sl_timeline_chart_get_n_markers  (SlTimelineChart  *self);
/* Marker @index's position, kind and label (all optional). */
gboolean   sl_timeline_chart_get_marker     (SlTimelineChart  *self,
                                             guint             index,
                                             double           *position,
                                             int              *kind,
                                             const char      **label);

/* For tests: a month's plan bar, its outlook point and that point's colour. */
gboolean   sl_timeline_chart_get_plan_bar   (SlTimelineChart  *self,
                                             guint             month,
                                             graphene_rect_t  *out);
gboolean   sl_timeline_chart_get_outlook_point (SlTimelineChart *self,
                                                guint           month,
                                                graphene_point_t *out);
void       sl_timeline_chart_get_point_color (SlTimelineChart *self,
                                              guint            month,
                                              GdkRGBA         *out);
/* The axis ticks (in the values' units), lowest first. */
GArray    *sl_timeline_chart_get_ticks      (SlTimelineChart  *self);

G_END_DECLS
