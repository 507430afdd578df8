/* sl-heat-map.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Rows × columns of cells coloured on a diverging scale around zero
 * (positive green, negative red, stronger for larger magnitudes), each
 * with its text; an undefined cell is neutral, shows "—" and says why
 * in its tooltip. Mirrored in right-to-left locales; arrow keys move a
 * focused cell. Knows only GTK: callers give values and texts. */

#define SL_TYPE_HEAT_MAP (sl_heat_map_get_type ())
G_DECLARE_FINAL_TYPE (SlHeatMap, sl_heat_map, SL, HEAT_MAP, GtkWidget)

GtkWidget *sl_heat_map_new              (void);
/* Clears the map to @n_rows × @n_columns undefined cells. */
void       sl_heat_map_set_size         (SlHeatMap       *self,
                                         guint            n_rows,
                                         guint            n_columns);
guint      sl_heat_map_get_n_rows       (SlHeatMap       *self);
guint      sl_heat_map_get_n_columns    (SlHeatMap       *self);
void       sl_heat_map_set_row_label    (SlHeatMap       *self,
                                         guint            row,
                                         const char      *label);
void       sl_heat_map_set_column_label (SlHeatMap       *self,
                                         guint            column,
                                         const char      *label);
/* A defined cell: @value on the colour scale, @text shown in it. */
void       sl_heat_map_set_value        (SlHeatMap       *self,
                                         guint            row,
                                         guint            column,
                                         double           value,
                                         const char      *text);
/* An undefined cell: "—", and @reason in its tooltip. */
void       sl_heat_map_set_undefined    (SlHeatMap       *self,
                                         guint            row,
                                         guint            column,
                                         const char      *reason);
/* The magnitude that gets the full colour (default 1.0). */
void       sl_heat_map_set_scale        (SlHeatMap       *self,
                                         double           magnitude);

/* For tests: where a cell is drawn, its colour, its text, its tooltip. */
gboolean   sl_heat_map_get_cell_area    (SlHeatMap       *self,
                                         guint            row,
                                         guint            column,
                                         graphene_rect_t *out);
void       sl_heat_map_get_cell_color   (SlHeatMap       *self,
                                         guint            row,
                                         guint            column,
                                         GdkRGBA         *out);
const char *sl_heat_map_get_cell_text   (SlHeatMap       *self,
                                         guint            row,
                                         guint            column);
char      *sl_heat_map_dup_cell_tooltip (SlHeatMap       *self,
                                         guint            row,
                                         guint            column);

G_END_DECLS
