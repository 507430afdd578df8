/* sl-bar-chart.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-chart-axis.h"

G_BEGIN_DECLS

/* Bars for categories along x (months, channels), one per series side
 * by side, or stacked; negative values below the zero line; a y axis of
 * rounded ticks through the caller's formatter; a legend for two or more
 * series; an optional reference (a budget) per category, drawn as a line
 * across it; tooltips with the caller's texts; undefined values drawn as
 * "—", never as 0, with their reason in the tooltip. Left and Right move
 * a focused category that shows its values. Mirrored right to left.
 * Knows only GTK: values for geometry, texts already formatted. */

#define SL_TYPE_BAR_CHART (sl_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlBarChart, sl_bar_chart, SL, BAR_CHART, GtkWidget)

GtkWidget *sl_bar_chart_new              (void);
/* The accessible name, e.g. "Outlook by channel and month". */
void       sl_bar_chart_set_title        (SlBarChart        *self,
                                          const char        *title);
/* Labels the y axis's ticks; without one they read "%g". */
void       sl_bar_chart_set_formatter    (SlBarChart        *self,
                                          SlChartFormatFunc  func,
                                          gpointer           user_data,
                                          GDestroyNotify     destroy);
void       sl_bar_chart_set_stacked      (SlBarChart        *self,
                                          gboolean           stacked);
gboolean   sl_bar_chart_get_stacked      (SlBarChart        *self);
/* Clears the chart to @n_series × @n_categories undefined values (no
 * reason) and no references. */
void       sl_bar_chart_set_size         (SlBarChart        *self,
                                          guint              n_series,
                                          guint              n_categories);
guint      sl_bar_chart_get_n_series     (SlBarChart        *self);
guint      sl_bar_chart_get_n_categories (SlBarChart        *self);
void       sl_bar_chart_set_series_name  (SlBarChart        *self,
                                          guint              series,
                                          const char        *name);
void       sl_bar_chart_set_category     (SlBarChart        *self,
                                          guint              category,
                                          const char        *label);
/* @value (finite) sizes the bar; @text is what people read for it. */
void       sl_bar_chart_set_value        (SlBarChart        *self,
                                          guint              series,
                                          guint              category,
                                          double             value,
                                          const char        *text);
/* No bar: "—", and @reason (e.g. "no spend") in the tooltip. */
void       sl_bar_chart_set_undefined    (SlBarChart        *self,
                                          guint              series,
                                          guint              category,
                                          const char        *reason);
/* A reference per category, e.g. the budget, called @name in the
 * legend and tooltips. */
void       sl_bar_chart_set_reference_name (SlBarChart      *self,
                                            const char      *name);
void       sl_bar_chart_set_reference    (SlBarChart        *self,
                                          guint              category,
                                          double             value,
                                          const char        *text);

/* The focused category (keyboard, or a click). */
guint      sl_bar_chart_get_focus_category (SlBarChart      *self);
void       sl_bar_chart_set_focus_category (SlBarChart      *self,
                                            guint            category);

/* For tests, from the last allocation: where a bar is drawn (FALSE for
 * an undefined value), a reference line, the y of the zero line, the
 * plot, a tick label, the ticks, a series' colour, and the texts. */
gboolean   sl_bar_chart_get_bar_area     (SlBarChart        *self,
                                          guint              series,
                                          guint              category,
                                          graphene_rect_t   *out);
gboolean   sl_bar_chart_get_reference_area (SlBarChart      *self,
                                            guint            category,
                                            graphene_rect_t *out);
double     sl_bar_chart_get_zero_y       (SlBarChart        *self);
void       sl_bar_chart_get_plot_area    (SlBarChart        *self,
                                          graphene_rect_t   *out);
gboolean   sl_bar_chart_get_tick_area    (SlBarChart        *self,
                                          guint              tick,
                                          graphene_rect_t   *out);
const SlChartAxis *sl_bar_chart_get_axis (SlBarChart        *self);
void       sl_bar_chart_get_series_color (SlBarChart        *self,
                                          guint              series,
                                          GdkRGBA           *out);
/* "Category, series: text", or "Category, series: — (reason)". */
char      *sl_bar_chart_dup_tooltip      (SlBarChart        *self,
                                          guint              series,
                                          guint              category);
/* The tooltip under (@x, @y): its category's text; NULL if none. */
char      *sl_bar_chart_dup_tooltip_at   (SlBarChart        *self,
                                          double             x,
                                          double             y);
/* The category, then a line per series and the reference. */
char      *sl_bar_chart_dup_category_text (SlBarChart       *self,
                                           guint             category);

G_END_DECLS
