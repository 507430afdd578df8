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
 * rounded ticks through the caller's formatter; a legend; tooltips with
 * the caller's texts; undefined values drawn as nothing, "—" and their
 * reason in the tooltip. Mirrored right to left. Knows only GTK. */

#define SL_TYPE_BAR_CHART (sl_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (SlBarChart, sl_bar_chart, SL, BAR_CHART, GtkWidget)

GtkWidget *sl_bar_chart_new            (void);
void       sl_bar_chart_set_formatter  (SlBarChart        *self,
                                        SlChartFormatFunc  func,
                                        gpointer           user_data,
                                        GDestroyNotify     destroy);
void       sl_bar_chart_set_stacked    (SlBarChart        *self,
                                        gboolean           stacked);
/* Clears the chart to @n_series × @n_categories undefined values. */
void       sl_bar_chart_set_size       (SlBarChart        *self,
                                        guint              n_series,
                                        guint              n_categories);
void       sl_bar_chart_set_series_name (SlBarChart       *self,
                                         guint             series,
                                         const char       *name);
void       sl_bar_chart_set_category   (SlBarChart        *self,
                                        guint              category,
                                        const char        *label);
void       sl_bar_chart_set_value      (SlBarChart        *self,
                                        guint              series,
                                        guint              category,
                                        double             value,
                                        const char        *text);
void       sl_bar_chart_set_undefined  (SlBarChart        *self,
                                        guint              series,
                                        guint              category,
                                        const char        *reason);

/* For tests: where a bar is drawn (FALSE for an undefined value), the
 * y of the zero line, a series' colour, a bar's tooltip. */
gboolean   sl_bar_chart_get_bar_area   (SlBarChart        *self,
                                        guint              series,
                                        guint              category,
                                        graphene_rect_t   *out);
double     sl_bar_chart_get_zero_y     (SlBarChart        *self);
void       sl_bar_chart_get_series_color (SlBarChart      *self,
                                          guint            series,
                                          GdkRGBA         *out);
char      *sl_bar_chart_dup_tooltip    (SlBarChart        *self,
                                        guint              series,
                                        guint              category);

G_END_DECLS
