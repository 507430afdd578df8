/* sl-chart-palette.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The colours charts draw with: the GNOME palette (as in libadwaita), in
 * a light and a dark variant each, and text and grid colours from the
 * widget's style. Plain functions; pass @dark from
 * sl_chart_palette_is_dark () (redraw on AdwStyleManager::notify::dark).
 * The hue and shade functions need no display. */

typedef enum {
  SL_CHART_HUE_BLUE,
  SL_CHART_HUE_GREEN,
  SL_CHART_HUE_YELLOW,
  SL_CHART_HUE_ORANGE,
  SL_CHART_HUE_RED,
  SL_CHART_HUE_PURPLE,
  SL_CHART_HUE_BROWN,
  SL_CHART_HUE_LIGHT,
  SL_CHART_HUE_DARK,
  SL_CHART_N_HUES,
} SlChartHue;

/* adw_style_manager_get_dark () of the default style manager. */
gboolean sl_chart_palette_is_dark    (void);

/* A colour of the palette: @shade 1 (lightest) to 5 (darkest). */
void     sl_chart_palette_color      (SlChartHue     hue,
                                      guint          shade,
                                      GdkRGBA       *out);

/* The colour of series @index: blue, orange, purple, green, yellow,
 * brown, red, then again in other shades; lighter shades in dark. */
void     sl_chart_palette_series     (guint          index,
                                      gboolean       dark,
                                      GdkRGBA       *out);

/* Fills for good and bad (green, red), a warning (orange) and nothing
 * (a grey between them for a diverging scale). */
void     sl_chart_palette_positive   (gboolean       dark,
                                      GdkRGBA       *out);
void     sl_chart_palette_negative   (gboolean       dark,
                                      GdkRGBA       *out);
void     sl_chart_palette_warning    (gboolean       dark,
                                      GdkRGBA       *out);
void     sl_chart_palette_neutral    (gboolean       dark,
                                      GdkRGBA       *out);

/* A diverging scale for heat maps: @t from -1 (negative) through 0
 * (neutral) to 1 (positive), clamped; opaque. */
void     sl_chart_palette_diverging  (double         t,
                                      gboolean       dark,
                                      GdkRGBA       *out);

/* Black or white text, whichever reads better on @background (opaque). */
void     sl_chart_palette_text_on    (const GdkRGBA *background,
                                      GdkRGBA       *out);

/* From @widget's style: its text colour, that dimmed (axis labels), a
 * faint grid line, the stronger zero line, and the accent (focus). */
void     sl_chart_palette_text       (GtkWidget     *widget,
                                      GdkRGBA       *out);
void     sl_chart_palette_dim_text   (GtkWidget     *widget,
                                      GdkRGBA       *out);
void     sl_chart_palette_grid       (GtkWidget     *widget,
                                      GdkRGBA       *out);
void     sl_chart_palette_axis       (GtkWidget     *widget,
                                      GdkRGBA       *out);
void     sl_chart_palette_accent     (GtkWidget     *widget,
                                      GdkRGBA       *out);

G_END_DECLS
