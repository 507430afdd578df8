/* sl-line-chart.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-chart-axis.h"
#include "sl-chart-palette.h"

G_BEGIN_DECLS

/* Points across (months), one line per series: solid over the points a
 * series has actuals for and dashed after them (the forecast), in one
 * line; gaps and "—" for undefined points, with their reason in the
 * tooltip; points marked as warnings (overspend); shaded bands across
 * positions; vertical event markers (deadlines, check-ins) with a short
 * label and a tooltip. A y axis of rounded ticks through the caller's
 * formatter, a legend for two or more series. Left and Right move a
 * focused point that shows its values. Mirrored right to left. Knows
 * only GTK: values for geometry, texts already formatted. */

#define SL_TYPE_LINE_CHART (sl_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlLineChart, sl_line_chart, SL, LINE_CHART, GtkWidget)

GtkWidget *sl_line_chart_new             (void);
/* The accessible name, e.g. "Outlook by month". */
void       sl_line_chart_set_title       (SlLineChart       *self,
                                          const char        *title);
void       sl_line_chart_set_formatter   (SlLineChart       *self,
                                          SlChartFormatFunc  func,
                                          gpointer           user_data,
                                          GDestroyNotify     destroy);
/* Whether the axis always starts at 0 (default TRUE); otherwise only
 * when the values are near it. */
void       sl_line_chart_set_from_zero   (SlLineChart       *self,
                                          gboolean           from_zero);
/* Clears the chart to @n_series × @n_points undefined values, all solid,
 * without warnings, bands or markers. */
void       sl_line_chart_set_size        (SlLineChart       *self,
                                          guint              n_series,
                                          guint              n_points);
guint      sl_line_chart_get_n_series    (SlLineChart       *self);
guint      sl_line_chart_get_n_points    (SlLineChart       *self);
void       sl_line_chart_set_label       (SlLineChart       *self,
                                          guint              point,
                                          const char        *label);
void       sl_line_chart_set_series_name (SlLineChart       *self,
                                          guint              series,
                                          const char        *name);
void       sl_line_chart_set_value       (SlLineChart       *self,
                                          guint              series,
                                          guint              point,
                                          double             value,
                                          const char        *text);
void       sl_line_chart_set_undefined   (SlLineChart       *self,
                                          guint              series,
                                          guint              point,
                                          const char        *reason);
/* Points [0, @n_solid) are actuals: the line is solid through them and
 * dashed from the last of them on. G_MAXUINT (the default): all solid. */
void       sl_line_chart_set_n_solid     (SlLineChart       *self,
                                          guint              series,
                                          guint              n_solid);
/* The legend's name for the dashed part, e.g. "Forecast" (NULL: none). */
void       sl_line_chart_set_dashed_name (SlLineChart       *self,
                                          const char        *name);
/* Marks a point as a warning (e.g. over plan): larger, in red. */
void       sl_line_chart_set_warning     (SlLineChart       *self,
                                          guint              series,
                                          guint              point,
                                          gboolean           warning);
/* Shades positions @from..@to (in points: 0 is the left edge of the
 * first point's slot, 1.5 the middle of the second), orange for a
 * warning, else grey; @label (may be NULL) joins the tooltips there. */
void       sl_line_chart_add_band        (SlLineChart       *self,
                                          double             from,
                                          double             to,
                                          gboolean           warning,
                                          const char        *label);
/* A vertical marker at @position (as for bands), in @hue, with a short
 * @label on top and @tooltip (may be NULL) on hover. */
void       sl_line_chart_add_marker      (SlLineChart       *self,
                                          double             position,
                                          SlChartHue         hue,
                                          const char        *label,
                                          const char        *tooltip);

guint      sl_line_chart_get_focus_point (SlLineChart       *self);
void       sl_line_chart_set_focus_point (SlLineChart       *self,
                                          guint              point);

/* For tests, from the last allocation: where a point is drawn (FALSE
 * when undefined); whether a segment joins @point to @point + 1 and if
 * it is dashed; a marker's line and label; a band; the plot, a tick
 * label, the ticks, colours and texts. */
gboolean   sl_line_chart_get_point       (SlLineChart       *self,
                                          guint              series,
                                          guint              point,
                                          graphene_point_t  *out);
gboolean   sl_line_chart_get_segment     (SlLineChart       *self,
                                          guint              series,
                                          guint              point,
                                          gboolean          *dashed);
gboolean   sl_line_chart_get_marker_area (SlLineChart       *self,
                                          guint              marker,
                                          graphene_rect_t   *line,
                                          graphene_rect_t   *label);
gboolean   sl_line_chart_get_band_area   (SlLineChart       *self,
                                          guint              band,
                                          graphene_rect_t   *out);
void       sl_line_chart_get_plot_area   (SlLineChart       *self,
                                          graphene_rect_t   *out);
gboolean   sl_line_chart_get_tick_area   (SlLineChart       *self,
                                          guint              tick,
                                          graphene_rect_t   *out);
const SlChartAxis *sl_line_chart_get_axis (SlLineChart      *self);
void       sl_line_chart_get_series_color (SlLineChart      *self,
                                           guint            series,
                                           GdkRGBA         *out);
void       sl_line_chart_get_point_color (SlLineChart       *self,
                                          guint              series,
                                          guint              point,
                                          GdkRGBA           *out);
/* The point's label, then a line per series, the markers and bands there. */
char      *sl_line_chart_dup_point_text  (SlLineChart       *self,
                                          guint              point);
/* The tooltip under (@x, @y): a marker's, else the point's; NULL if none. */
char      *sl_line_chart_dup_tooltip_at  (SlLineChart       *self,
                                          double             x,
                                          double             y);

G_END_DECLS
