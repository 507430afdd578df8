/* sl-heat-map.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Rows (channels) × columns (months) of cells coloured on a diverging
 * scale around zero: negative values red, positive green, stronger for
 * larger magnitudes up to the scale, where it stops. Each cell shows its
 * caller-formatted text where it fits; an undefined cell is hatched,
 * shows "—" and says why in its tooltip. Row headers at the start side,
 * column headers on top; mirrored right to left (first column on the
 * right). Arrow keys, Home and End move a focused cell whose text is the
 * accessible description, followed by a summary. Knows only GTK:
 * callers give values and texts. */

#define SL_TYPE_HEAT_MAP (sl_heat_map_get_type ())
G_DECLARE_FINAL_TYPE (SlHeatMap, sl_heat_map, SL, HEAT_MAP, GtkWidget)

GtkWidget  *sl_heat_map_new                (void);
/* The accessible name, e.g. "ROI by channel and month". */
void        sl_heat_map_set_title          (SlHeatMap       *self,
                                            const char      *title);
/* Clears the map to @n_rows × @n_columns undefined cells (no reason)
 * with empty headers. */
void        sl_heat_map_set_size           (SlHeatMap       *self,
                                            guint            n_rows,
                                            guint            n_columns);
guint       sl_heat_map_get_n_rows         (SlHeatMap       *self);
guint       sl_heat_map_get_n_columns      (SlHeatMap       *self);
void        sl_heat_map_set_row_label      (SlHeatMap       *self,
                                            guint            row,
                                            const char      *label);
void        sl_heat_map_set_column_label   (SlHeatMap       *self,
                                            guint            column,
                                            const char      *label);
/* A defined cell: @value (finite) on the colour scale, @text shown in
 * it, e.g. "+300 %". */
void        sl_heat_map_set_value          (SlHeatMap       *self,
                                            guint            row,
                                            guint            column,
                                            double           value,
                                            const char      *text);
/* An undefined cell: "—", and @reason (e.g. "no spend") in its tooltip. */
void        sl_heat_map_set_undefined      (SlHeatMap       *self,
                                            guint            row,
                                            guint            column,
                                            const char      *reason);
/* The magnitude that gets the full colour (default 1.0); larger ones
 * are clamped to it. */
void        sl_heat_map_set_scale          (SlHeatMap       *self,
                                            double           magnitude);
double      sl_heat_map_get_scale          (SlHeatMap       *self);

/* The keyboard's cell (its row and column headers are highlighted with
 * it); out of range is ignored. */
void        sl_heat_map_set_focus_cell     (SlHeatMap       *self,
                                            guint            row,
                                            guint            column);
void        sl_heat_map_get_focus_cell     (SlHeatMap       *self,
                                            guint           *row,
                                            guint           *column);

/* For tests, as of the last allocation: where a cell and the headers
 * are drawn, a cell's fill (transparent when undefined), the text it
 * shows ("—" when undefined), its tooltip, and the accessible
 * description. */
gboolean    sl_heat_map_get_cell_area      (SlHeatMap       *self,
                                            guint            row,
                                            guint            column,
                                            graphene_rect_t *out);
gboolean    sl_heat_map_get_row_header_area (SlHeatMap      *self,
                                             guint           row,
                                             graphene_rect_t *out);
gboolean    sl_heat_map_get_column_header_area (SlHeatMap   *self,
                                                guint        column,
                                                graphene_rect_t *out);
void        sl_heat_map_get_cell_color     (SlHeatMap       *self,
                                            guint            row,
                                            guint            column,
                                            GdkRGBA         *out);
const char *sl_heat_map_get_cell_text      (SlHeatMap       *self,
                                            guint            row,
                                            guint            column);
char       *sl_heat_map_dup_cell_tooltip   (SlHeatMap       *self,
                                            guint            row,
                                            guint            column);
char       *sl_heat_map_dup_description    (SlHeatMap       *self);

G_END_DECLS
