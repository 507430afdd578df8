/* sl-chart-text.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Text in drawn widgets: a laid-out line placed in a box by its logical
 * extents (Pango aligns a line with a width itself, to the right in a
 * right-to-left paragraph), and the libadwaita colours for text that
 * says good, bad or careful. Plain functions. */

typedef enum {
  SL_CHART_TEXT_SUCCESS,   /* libadwaita's success_color */
  SL_CHART_TEXT_WARNING,   /* warning_color */
  SL_CHART_TEXT_ERROR,     /* error_color */
} SlChartTextTone;

/* Draws @layout in @area: @xalign 0 is the left edge, 1 the right, 0.5
 * the middle; vertically centred. */
void sl_chart_text_snapshot (GtkSnapshot           *snapshot,
                             PangoLayout           *layout,
                             const graphene_rect_t *area,
                             double                 xalign,
                             const GdkRGBA         *color);

/* @layout's logical width and height in pixels. */
void sl_chart_text_size     (PangoLayout           *layout,
                             int                   *width,
                             int                   *height);

/* The colour libadwaita gives text of @tone in @widget's style (light or
 * dark), or the GNOME palette's nearest when the style has none. */
void sl_chart_text_color    (GtkWidget             *widget,
                             SlChartTextTone        tone,
                             GdkRGBA               *out);

G_END_DECLS
