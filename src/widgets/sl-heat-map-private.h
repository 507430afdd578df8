/* sl-heat-map-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-chart-data.h"
#include "sl-heat-map.h"

G_BEGIN_DECLS

/* Shared by sl-heat-map.c (data, input, the API) and sl-heat-map-draw.c
 * (layout, painting, texts for people). */

#define SL_HEAT_MAP_GAP 2               /* between cells */
#define SL_HEAT_MAP_CELL_PADDING 6      /* around a cell's text */
#define SL_HEAT_MAP_HEADER_PADDING 8    /* around a row header's text */

typedef struct
{
  SlChartValue data;        /* text: shown if defined, else the reason */
  PangoLayout *layout;      /* the text, or "—" */
  int          text_width;
  gboolean     fits;        /* the text fits in the cell */
} Cell;

struct _SlHeatMap
{
  GtkWidget  parent_instance;

  guint      n_rows;
  guint      n_columns;
  GPtrArray *row_labels;        /* char * */
  GPtrArray *column_labels;     /* char * */
  Cell      *cells;             /* row × column */
  double     scale;
  char      *title;
  guint      focus_row;
  guint      focus_column;
  gboolean   summary_dirty;

  /* Texts, laid out when they or the font change. */
  gboolean   layouts_dirty;
  guint      context_serial;
  GPtrArray *row_layouts;       /* PangoLayout */
  GPtrArray *column_layouts;    /* PangoLayout */
  int        row_label_width;   /* the widest, natural */
  int        column_label_width;
  int        cell_text_width;
  int        line_height;
  int        cell_height;
  int        header_height;

  /* Geometry, from the last allocation. */
  int        width;
  int        header_width;
  double     cell_width;
  GArray    *column_label_boxes; /* graphene_rect_t, inside the map */
  guint      label_stride;      /* every n-th column header shown */

  /* One tile of the undefined cells' hatch, in hatch_color. */
  GskRenderNode *hatch_tile;
  GdkRGBA        hatch_color;
};

Cell *sl_heat_map_cell                (SlHeatMap       *self,
                                       guint            row,
                                       guint            column);
void  sl_heat_map_cell_rect           (SlHeatMap       *self,
                                       guint            row,
                                       guint            column,
                                       graphene_rect_t *out);
void  sl_heat_map_row_header_rect     (SlHeatMap       *self,
                                       guint            row,
                                       graphene_rect_t *out);
void  sl_heat_map_column_header_rect  (SlHeatMap       *self,
                                       guint            column,
                                       graphene_rect_t *out);
void  sl_heat_map_cell_color          (SlHeatMap       *self,
                                       const Cell      *cell,
                                       GdkRGBA         *out);
void  sl_heat_map_update_description  (SlHeatMap       *self);
void  sl_heat_map_measure             (GtkWidget       *widget,
                                       GtkOrientation   orientation,
                                       int              for_size,
                                       int             *minimum,
                                       int             *natural,
                                       int             *minimum_baseline,
                                       int             *natural_baseline);
void  sl_heat_map_size_allocate       (GtkWidget       *widget,
                                       int              width,
                                       int              height,
                                       int              baseline);
void  sl_heat_map_snapshot            (GtkWidget       *widget,
                                       GtkSnapshot     *snapshot);

G_END_DECLS
