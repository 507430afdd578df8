/* sl-bar-chart-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-bar-chart.h"
#include "sl-chart-data.h"
#include "sl-chart-frame.h"

G_BEGIN_DECLS

typedef SlChartValue Value;

struct _SlBarChart
{
  GtkWidget          parent_instance;

  guint              n_series;
  guint              n_categories;
  GPtrArray         *series_names;
  GPtrArray         *categories;
  Value             *values;      /* series × category */
  Value             *references;  /* per category */
  char              *reference_name;
  char              *title;
  gboolean           stacked;
  guint              focus;
  gboolean           summary_dirty;
  SlChartFormatFunc  format;
  gpointer           format_data;
  GDestroyNotify     format_destroy;

  /* Geometry, from the last allocation. */
  SlChartFrame       frame;
  GArray            *bars;        /* graphene_rect_t, series × category */
  GArray            *marks;       /* graphene_point_t: where "—" goes */
};

Value   *sl_bar_chart_value_at       (SlBarChart  *self,
                                      guint        series,
                                      guint        category);
/* sl-bar-chart-draw.c: geometry, painting and texts. */
void     sl_bar_chart_update_callout (SlBarChart  *self);
void     sl_bar_chart_size_allocate  (GtkWidget   *widget,
                                      int          width,
                                      int          height,
                                      int          baseline);
void     sl_bar_chart_snapshot       (GtkWidget   *widget,
                                      GtkSnapshot *snapshot);
gboolean sl_bar_chart_query_tooltip  (GtkWidget   *widget,
                                      int          x,
                                      int          y,
                                      gboolean     keyboard,
                                      GtkTooltip  *tooltip);

G_END_DECLS
