/* sl-heat-map-draw.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-chart-palette.h"
#include "sl-chart-text.h"
#include "sl-heat-map-private.h"

#define CELL_MIN_WIDTH 12     /* colour only, no text */
#define HEADER_MIN_WIDTH 64
#define CELL_RADIUS 4
#define HATCH_SPACING 6

static PangoLayout *
new_layout (SlHeatMap  *self,
            const char *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text != NULL ? text : "");
}

static int
add_layouts (SlHeatMap *self,
             GPtrArray *layouts,
             GPtrArray *labels)
{
  int widest = 0;

  g_ptr_array_set_size (layouts, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = new_layout (self, labels->pdata[i]);
      int width;

      sl_chart_text_size (layout, &width, NULL);
      widest = MAX (widest, width);
      g_ptr_array_add (layouts, layout);
    }
  return widest;
}

/* Lays the texts out again when they or the font changed; their
 * natural widths and the line height size the map. */
static void
ensure_layouts (SlHeatMap *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autoptr(PangoLayout) probe = NULL;

  if (!self->layouts_dirty && pango_context_get_serial (context) == self->context_serial)
    return;
  self->row_label_width = add_layouts (self, self->row_layouts, self->row_labels);
  self->column_label_width = add_layouts (self, self->column_layouts, self->column_labels);
  self->cell_text_width = 0;
  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    {
      Cell *cell = &self->cells[i];

      g_clear_object (&cell->layout);
      cell->layout = new_layout (self, cell->data.defined ? cell->data.text : "—");
      sl_chart_text_size (cell->layout, &cell->text_width, NULL);
      self->cell_text_width = MAX (self->cell_text_width, cell->text_width);
    }
  probe = new_layout (self, "0");
  sl_chart_text_size (probe, NULL, &self->line_height);
  self->cell_height = self->line_height + 2 * SL_HEAT_MAP_CELL_PADDING;
  self->header_height = self->line_height + SL_HEAT_MAP_CELL_PADDING;
  self->context_serial = pango_context_get_serial (context);
  self->layouts_dirty = FALSE;
}

void
sl_heat_map_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);

  ensure_layouts (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int header = self->row_label_width + 2 * SL_HEAT_MAP_HEADER_PADDING;
      int cell = MAX (self->cell_text_width, self->column_label_width) + 2 * SL_HEAT_MAP_CELL_PADDING;

      *minimum = MIN (header, HEADER_MIN_WIDTH) + self->n_columns * (CELL_MIN_WIDTH + SL_HEAT_MAP_GAP);
      *natural = header + self->n_columns * (MAX (cell, 48) + SL_HEAT_MAP_GAP);
    }
  else
    *minimum = *natural = self->header_height + self->n_rows * (self->cell_height + SL_HEAT_MAP_GAP);
}

/* Column @c's header, centred over it but kept inside the map. */
static void
column_label_box (SlHeatMap       *self,
                  guint            c,
                  graphene_rect_t *out)
{
  graphene_rect_t column;
  int width;

  sl_chart_text_size (self->column_layouts->pdata[c], &width, NULL);
  sl_heat_map_column_header_rect (self, c, &column);
  out->origin.x = column.origin.x + (column.size.width - width) / 2;
  out->origin.x = CLAMP (out->origin.x, 0, MAX (0, self->width - width));
  out->origin.y = 0;
  out->size.width = width;
  out->size.height = self->header_height;
}

static gboolean
boxes_touch (const graphene_rect_t *a,
             const graphene_rect_t *b)
{
  return MAX (a->origin.x, b->origin.x) < MIN (a->origin.x + a->size.width, b->origin.x + b->size.width)
                                          + SL_HEAT_MAP_CELL_PADDING;
}

/* Every column's header box, and which are shown: every one, or every
 * second (third…) one when they would touch. */
static void
place_column_labels (SlHeatMap *self)
{
  g_array_set_size (self->column_label_boxes, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    column_label_box (self, c, &g_array_index (self->column_label_boxes, graphene_rect_t, c));
  for (self->label_stride = 1; self->label_stride < MAX (1, self->n_columns); self->label_stride++)
    {
      gboolean fits = TRUE;

      for (guint c = self->label_stride; fits && c < self->n_columns; c += self->label_stride)
        fits = !boxes_touch (&g_array_index (self->column_label_boxes, graphene_rect_t, c - self->label_stride),
                             &g_array_index (self->column_label_boxes, graphene_rect_t, c));
      if (fits)
        break;
    }
}

void
sl_heat_map_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);
  int natural_header, label_width;
  double slot;

  ensure_layouts (self);
  self->width = width;
  /* Row headers take what they need, but no more than a third of a
   * narrow map, and leave the cells their least. */
  natural_header = self->row_label_width + 2 * SL_HEAT_MAP_HEADER_PADDING;
  self->header_width = MIN (natural_header, MAX (HEADER_MIN_WIDTH, width / 3));
  self->header_width = MAX (0, MIN (self->header_width,
                                    width - (int)self->n_columns * (CELL_MIN_WIDTH + SL_HEAT_MAP_GAP)));
  slot = self->n_columns > 0 ? (double)(width - self->header_width) / self->n_columns : 0;
  self->cell_width = MAX (1.0, slot - SL_HEAT_MAP_GAP);

  label_width = MAX (1, self->header_width - 2 * SL_HEAT_MAP_HEADER_PADDING);
  for (guint r = 0; r < self->row_layouts->len; r++)
    {
      pango_layout_set_width (self->row_layouts->pdata[r], label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (self->row_layouts->pdata[r], PANGO_ELLIPSIZE_END);
    }
  place_column_labels (self);
  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    self->cells[i].fits = self->cells[i].text_width + SL_HEAT_MAP_CELL_PADDING <= self->cell_width;
  if (self->summary_dirty)
    sl_heat_map_update_description (self);
}

void
sl_heat_map_cell_rect (SlHeatMap       *self,
                       guint            row,
                       guint            column,
                       graphene_rect_t *out)
{
  double x = self->header_width + column * (self->cell_width + SL_HEAT_MAP_GAP);
  double y = self->header_height + row * (self->cell_height + SL_HEAT_MAP_GAP);

  /* Columns run from the right in right-to-left. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = self->width - x - self->cell_width;
  graphene_rect_init (out, (float)x, (float)y, (float)self->cell_width, (float)self->cell_height);
}

void
sl_heat_map_row_header_rect (SlHeatMap       *self,
                             guint            row,
                             graphene_rect_t *out)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  double y = self->header_height + row * (self->cell_height + SL_HEAT_MAP_GAP);
  double width = MAX (0, self->header_width - SL_HEAT_MAP_GAP);

  graphene_rect_init (out, rtl ? (float)(self->width - width) : 0,
                      (float)y, (float)width, (float)self->cell_height);
}

void
sl_heat_map_column_header_rect (SlHeatMap       *self,
                                guint            column,
                                graphene_rect_t *out)
{
  sl_heat_map_cell_rect (self, 0, column, out);
  out->origin.y = 0;
  out->size.height = self->header_height;
}

void
sl_heat_map_cell_color (SlHeatMap  *self,
                        const Cell *cell,
                        GdkRGBA    *out)
{
  if (!cell->data.defined)
    {
      *out = (GdkRGBA) { 0, 0, 0, 0 };
      return;
    }
  sl_chart_palette_diverging (cell->data.value / self->scale, sl_chart_palette_is_dark (), out);
}

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA accent;
  gboolean rtl;
} Colors;

static void
snapshot_band (GtkSnapshot           *snapshot,
               const graphene_rect_t *area,
               const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, area, CELL_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, area);
  gtk_snapshot_pop (snapshot);
}

/* Row headers at the start side, column headers on top; the focused
 * cell's row and column on a faint accent band. */
static void
snapshot_headers (SlHeatMap    *self,
                  GtkSnapshot  *snapshot,
                  const Colors *colors,
                  gboolean      focused)
{
  GdkRGBA band = colors->accent;

  band.alpha = 0.18f;
  for (guint r = 0; r < self->n_rows; r++)
    {
      graphene_rect_t area;

      sl_heat_map_row_header_rect (self, r, &area);
      if (focused && r == self->focus_row)
        snapshot_band (snapshot, &area, &band);
      graphene_rect_inset (&area, SL_HEAT_MAP_HEADER_PADDING, 0);
      sl_chart_text_snapshot (snapshot, self->row_layouts->pdata[r], &area,
                              colors->rtl ? 1.0 : 0.0, &colors->fg);
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      const graphene_rect_t *box = &g_array_index (self->column_label_boxes, graphene_rect_t, c);
      const graphene_rect_t *focus_box = &g_array_index (self->column_label_boxes, graphene_rect_t,
                                                         self->focus_column);
      gboolean is_focus = focused && c == self->focus_column;
      graphene_rect_t area;

      sl_heat_map_column_header_rect (self, c, &area);
      if (is_focus)
        snapshot_band (snapshot, &area, &band);
      /* The focused column's header always, its neighbours make room. */
      if (!is_focus && (c % self->label_stride != 0 || (focused && boxes_touch (box, focus_box))))
        continue;
      sl_chart_text_snapshot (snapshot, self->column_layouts->pdata[c], box, 0,
                              is_focus ? &colors->fg : &colors->dim);
    }
}

/* One tile of the hatch, made again only when its colour changes: the
 * diagonal through it and its neighbours' ends in two corners, so that
 * repeated tiles join without seams. Repeating one small tile costs a
 * fraction of stroking every cell's lines (a twelfth of the Channels
 * view's first frame went to 14 hatched cells). */
static GskRenderNode *
hatch_tile (SlHeatMap     *self,
            const GdkRGBA *color)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, HATCH_SPACING, HATCH_SPACING);
  cairo_t *cr;

  if (self->hatch_tile != NULL && gdk_rgba_equal (&self->hatch_color, color))
    return self->hatch_tile;

  g_clear_pointer (&self->hatch_tile, gsk_render_node_unref);
  self->hatch_tile = gsk_cairo_node_new (&bounds);
  self->hatch_color = *color;
  cr = gsk_cairo_node_get_draw_context (self->hatch_tile);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 1);
  /* The lines x + y = 0, S and 2S, each from below the tile to above it. */
  for (int k = 0; k <= 2; k++)
    {
      cairo_move_to (cr, (k - 1) * HATCH_SPACING - 1, HATCH_SPACING + 1);
      cairo_line_to (cr, k * HATCH_SPACING + 1, -1);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  return self->hatch_tile;
}

/* An undefined cell: no fill, faint diagonal lines and an outline. */
static void
snapshot_hatch (SlHeatMap             *self,
                GtkSnapshot           *snapshot,
                const GskRoundedRect  *rounded,
                const GdkRGBA         *color)
{
  GskRenderNode *tile = hatch_tile (self, color);
  graphene_rect_t tile_bounds;
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_render_node_get_bounds (tile, &tile_bounds);
  gtk_snapshot_push_rounded_clip (snapshot, rounded);
  gtk_snapshot_push_repeat (snapshot, &rounded->bounds, &tile_bounds);
  gtk_snapshot_append_node (snapshot, tile);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, rounded, widths, colors);
}

static void
snapshot_cell (SlHeatMap    *self,
               GtkSnapshot  *snapshot,
               const Colors *colors,
               guint         row,
               guint         column)
{
  const Cell *cell = sl_heat_map_cell (self, row, column);
  GskRoundedRect rounded;
  graphene_rect_t area;
  GdkRGBA fill, text;

  sl_heat_map_cell_rect (self, row, column, &area);
  gsk_rounded_rect_init_from_rect (&rounded, &area, CELL_RADIUS);
  if (!cell->data.defined)
    {
      snapshot_hatch (self, snapshot, &rounded, &colors->grid);
      if (cell->fits)
        sl_chart_text_snapshot (snapshot, cell->layout, &area, 0.5, &colors->dim);
      return;
    }
  sl_heat_map_cell_color (self, cell, &fill);
  snapshot_band (snapshot, &area, &fill);
  if (!cell->fits)
    return;
  sl_chart_palette_text_on (&fill, &text);
  sl_chart_text_snapshot (snapshot, cell->layout, &area, 0.5, &text);
}

static void
snapshot_focus_ring (SlHeatMap    *self,
                     GtkSnapshot  *snapshot,
                     const Colors *colors)
{
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA ring[4] = { colors->accent, colors->accent, colors->accent, colors->accent };
  GskRoundedRect rounded;
  graphene_rect_t area;

  sl_heat_map_cell_rect (self, self->focus_row, self->focus_column, &area);
  graphene_rect_inset (&area, -1, -1);
  gsk_rounded_rect_init_from_rect (&rounded, &area, CELL_RADIUS + 1);
  gtk_snapshot_append_border (snapshot, &rounded, widths, ring);
}

void
sl_heat_map_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);
  gboolean focused = gtk_widget_has_visible_focus (widget)
                     && self->focus_row < self->n_rows && self->focus_column < self->n_columns;
  Colors colors;

  /* Nothing laid out yet. */
  if (self->layouts_dirty || self->row_layouts->len != self->n_rows
      || self->column_label_boxes->len != self->n_columns)
    return;
  sl_chart_palette_text (widget, &colors.fg);
  sl_chart_palette_dim_text (widget, &colors.dim);
  sl_chart_palette_axis (widget, &colors.grid);
  colors.grid.alpha *= 0.6f;
  sl_chart_palette_accent (widget, &colors.accent);
  colors.rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  snapshot_headers (self, snapshot, &colors, focused);
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      snapshot_cell (self, snapshot, &colors, r, c);
  if (focused)
    snapshot_focus_ring (self, snapshot, &colors);
}

char *
sl_heat_map_dup_cell_tooltip (SlHeatMap *self,
                              guint      row,
                              guint      column)
{
  const Cell *cell;

  g_return_val_if_fail (SL_IS_HEAT_MAP (self), NULL);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);

  cell = sl_heat_map_cell (self, row, column);
  if (!cell->data.defined)
    /* Translators: a heat map cell: row, column, then why it has no value */
    return g_strdup_printf (_("%s, %s: undefined (%s)"), (char *)self->row_labels->pdata[row],
                            (char *)self->column_labels->pdata[column], cell->data.text);
  /* Translators: a heat map cell: row, column, then its value */
  return g_strdup_printf (_("%s, %s: %s"), (char *)self->row_labels->pdata[row],
                          (char *)self->column_labels->pdata[column], cell->data.text);
}

/* The highest and lowest cells, and how many have no value. */
static void
append_summary (SlHeatMap *self,
                GString   *out)
{
  const Cell *high = NULL, *low = NULL;
  guint high_at = 0, low_at = 0, n_undefined = 0;

  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    {
      const Cell *cell = &self->cells[i];

      if (!cell->data.defined)
        {
          n_undefined++;
          continue;
        }
      if (high == NULL || cell->data.value > high->data.value)
        high = cell, high_at = i;
      if (low == NULL || cell->data.value < low->data.value)
        low = cell, low_at = i;
    }
  if (high != NULL)
    {
      g_autofree char *text = sl_heat_map_dup_cell_tooltip (self, high_at / self->n_columns, high_at % self->n_columns);

      /* Translators: the heat map's highest cell, e.g. “Highest: Email, March: +300 %” */
      g_string_append_printf (out, _("Highest: %s"), text);
      g_string_append_c (out, '\n');
    }
  if (low != NULL && low != high)
    {
      g_autofree char *text = sl_heat_map_dup_cell_tooltip (self, low_at / self->n_columns, low_at % self->n_columns);

      /* Translators: the heat map's lowest cell, e.g. “Lowest: Events, May: −80 %” */
      g_string_append_printf (out, _("Lowest: %s"), text);
      g_string_append_c (out, '\n');
    }
  if (n_undefined > 0)
    g_string_append_printf (out, ngettext ("%u cell has no value", "%u cells have no value", n_undefined),
                            n_undefined);
}

char *
sl_heat_map_dup_description (SlHeatMap *self)
{
  GString *text;

  g_return_val_if_fail (SL_IS_HEAT_MAP (self), NULL);

  text = g_string_new (NULL);
  if (self->focus_row < self->n_rows && self->focus_column < self->n_columns)
    {
      g_autofree char *focus = sl_heat_map_dup_cell_tooltip (self, self->focus_row, self->focus_column);

      g_string_append_printf (text, "%s\n", focus);
    }
  append_summary (self, text);
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

void
sl_heat_map_update_description (SlHeatMap *self)
{
  g_autofree char *text = sl_heat_map_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  self->summary_dirty = FALSE;
}
