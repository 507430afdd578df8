/* sl-line-chart-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-chart-data.h"
#include "sl-chart-frame.h"
#include "sl-line-chart.h"

G_BEGIN_DECLS

typedef SlChartValue Value;

typedef struct
{
  double           from;
  double           to;
  gboolean         warning;
  char            *label;
} Band;

typedef struct
{
  double           position;
  SlChartHue       hue;
  char            *label;
  char            *tooltip;
  PangoLayout     *layout;      /* NULL when it would cover another's */
  graphene_rect_t  line;
  graphene_rect_t  label_area;
} Marker;

struct _SlLineChart
{
  GtkWidget          parent_instance;

  guint              n_series;
  guint              n_points;
  GPtrArray         *series_names;
  GPtrArray         *labels;
  Value             *values;      /* series × point */
  guint             *n_solid;     /* per series */
  char              *dashed_name;
  GArray            *bands;       /* Band */
  GArray            *markers;     /* Marker */
  gboolean           from_zero;
  guint              focus;
  gboolean           summary_dirty;
  SlChartFormatFunc  format;
  gpointer           format_data;
  GDestroyNotify     format_destroy;

  /* Geometry, from the last allocation. */
  SlChartFrame       frame;
  GArray            *points;      /* graphene_point_t, series × point */
  GArray            *marks;       /* graphene_point_t: where "—" goes */
};

Value   *sl_line_chart_value_at          (SlLineChart *self,
                                          guint        series,
                                          guint        point);
/* sl-line-chart-layout.c: geometry and texts. */
void     sl_line_chart_update_callout    (SlLineChart *self);
void     sl_line_chart_size_allocate     (GtkWidget   *widget,
                                          int          width,
                                          int          height,
                                          int          baseline);
/* sl-line-chart-draw.c: markers' and bands' geometry and texts, painting. */
void     sl_line_chart_place_marks       (SlLineChart *self);
void     sl_line_chart_append_marks_text (SlLineChart *self,
                                          guint        point,
                                          GString     *text);
void     sl_line_chart_snapshot          (GtkWidget   *widget,
                                          GtkSnapshot *snapshot);
gboolean sl_line_chart_query_tooltip     (GtkWidget   *widget,
                                          int          x,
                                          int          y,
                                          gboolean     keyboard,
                                          GtkTooltip  *tooltip);
void     sl_line_chart_band_clear        (gpointer     data);
void     sl_line_chart_marker_clear      (gpointer     data);

G_END_DECLS
