/* sl-heat-map.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <glib/gi18n.h>

#include "sl-heat-map.h"

#define CELL_HEIGHT 30
#define CELL_MIN_WIDTH 56
#define CELL_GAP 2
#define PADDING 8

typedef struct
{
  gboolean  defined;
  double    value;
  char     *text;     /* defined: shown; undefined: the reason */
} Cell;

struct _SlHeatMap
{
  GtkWidget  parent_instance;

  guint      n_rows;
  guint      n_columns;
  GPtrArray *row_labels;
  GPtrArray *column_labels;
  Cell      *cells;
  double     scale;
  guint      focus_row;
  guint      focus_column;

  /* Geometry, from the last allocation. */
  int        header_width;
  int        header_height;
  double     cell_width;
};

G_DEFINE_FINAL_TYPE (SlHeatMap, sl_heat_map, GTK_TYPE_WIDGET)

/* libadwaita's palette: green 4 / red 3 in light, green 5 / red 4 in dark. */
static const GdkRGBA positive_light = { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0, 1 };
static const GdkRGBA positive_dark = { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0, 1 };
static const GdkRGBA negative_light = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 };
static const GdkRGBA negative_dark = { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0, 1 };

static Cell *
cell_at (SlHeatMap *self,
         guint      row,
         guint      column)
{
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);
  return &self->cells[row * self->n_columns + column];
}

static void
clear_cells (SlHeatMap *self)
{
  for (guint i = 0; self->cells != NULL && i < self->n_rows * self->n_columns; i++)
    g_free (self->cells[i].text);
  g_clear_pointer (&self->cells, g_free);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static PangoLayout *
make_layout (SlHeatMap  *self,
             const char *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text != NULL ? text : "");
}

static int
text_width (SlHeatMap  *self,
            const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
measure_header_width (SlHeatMap *self)
{
  int width = 0;

  for (guint i = 0; i < self->row_labels->len; i++)
    width = MAX (width, text_width (self, self->row_labels->pdata[i]));
  return width + 2 * PADDING;
}

static void
sl_heat_map_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int header = measure_header_width (self);

      *minimum = header + self->n_columns * (CELL_MIN_WIDTH + CELL_GAP);
      *natural = header + self->n_columns * (80 + CELL_GAP);
    }
  else
    *minimum = *natural = (self->n_rows + 1) * (CELL_HEIGHT + CELL_GAP);
}

static void
sl_heat_map_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);

  self->header_width = measure_header_width (self);
  self->header_height = CELL_HEIGHT;
  self->cell_width = self->n_columns > 0
                     ? MAX (1.0, (double)(width - self->header_width) / self->n_columns - CELL_GAP)
                     : 0;
}

/* The cell's rectangle; columns run from the right in right-to-left. */
static void
cell_rect (SlHeatMap       *self,
           guint            row,
           guint            column,
           graphene_rect_t *out)
{
  double x = self->header_width + column * (self->cell_width + CELL_GAP);
  double y = self->header_height + CELL_GAP + row * (CELL_HEIGHT + CELL_GAP);

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (GTK_WIDGET (self)) - x - self->cell_width;
  graphene_rect_init (out, x, y, self->cell_width, CELL_HEIGHT);
}

static void
cell_color (SlHeatMap *self,
            const Cell *cell,
            GdkRGBA   *out)
{
  double strength;

  if (!cell->defined)
    {
      *out = (GdkRGBA) { 0.5, 0.5, 0.5, 0.08 };
      return;
    }
  if (cell->value >= 0)
    *out = is_dark () ? positive_dark : positive_light;
  else
    *out = is_dark () ? negative_dark : negative_light;
  strength = self->scale > 0 ? MIN (fabs (cell->value) / self->scale, 1.0) : 1.0;
  out->alpha = 0.12 + 0.68 * strength;
}

static void
draw_text (SlHeatMap             *self,
           GtkSnapshot           *snapshot,
           const char            *text,
           const graphene_rect_t *area,
           double                 xalign,
           const GdkRGBA         *color)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text);
  PangoRectangle logical;
  double x;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, MAX (0, (int)area->size.width - 8) * PANGO_SCALE);
  /* With a width, Pango aligns the line itself (to the right in a
   * right-to-left context): place its logical box, not the layout's. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = area->origin.x + 4 + (area->size.width - 8 - logical.width) * xalign - logical.x;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, area->origin.y + (area->size.height - logical.height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
sl_heat_map_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= 0.55;

  for (guint c = 0; c < self->n_columns; c++)
    {
      graphene_rect_t area;

      cell_rect (self, 0, c, &area);
      area.origin.y = 0;
      draw_text (self, snapshot, self->column_labels->pdata[c], &area, 0.5, &dim);
    }
  for (guint r = 0; r < self->n_rows; r++)
    {
      graphene_rect_t header;

      cell_rect (self, r, 0, &header);
      header.origin.x = rtl ? width - self->header_width : 0;
      header.size.width = self->header_width - PADDING;
      draw_text (self, snapshot, self->row_labels->pdata[r], &header, rtl ? 1.0 : 0.0, &fg);
      for (guint c = 0; c < self->n_columns; c++)
        {
          const Cell *cell = cell_at (self, r, c);
          graphene_rect_t area;
          GskRoundedRect rounded;
          GdkRGBA color;

          cell_rect (self, r, c, &area);
          cell_color (self, cell, &color);
          gsk_rounded_rect_init_from_rect (&rounded, &area, 4);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &color, &area);
          gtk_snapshot_pop (snapshot);
          draw_text (self, snapshot, cell->defined ? cell->text : "—", &area, 0.5, cell->defined ? &fg : &dim);
          if (gtk_widget_has_focus (widget) && r == self->focus_row && c == self->focus_column)
            {
              GdkRGBA accent = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 };
              float w[4] = { 2, 2, 2, 2 };
              GdkRGBA colors[4] = { accent, accent, accent, accent };

              gtk_snapshot_append_border (snapshot, &rounded, w, colors);
            }
        }
    }
}

static gboolean
cell_at_point (SlHeatMap *self,
               double     x,
               double     y,
               guint     *row,
               guint     *column)
{
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        graphene_rect_t area;

        cell_rect (self, r, c, &area);
        if (graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
          {
            *row = r;
            *column = c;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
sl_heat_map_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);
  g_autofree char *text = NULL;
  guint row = self->focus_row, column = self->focus_column;

  if (!keyboard && !cell_at_point (self, x, y, &row, &column))
    return FALSE;
  if (row >= self->n_rows || column >= self->n_columns)
    return FALSE;
  text = sl_heat_map_dup_cell_tooltip (self, row, column);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_description (SlHeatMap *self)
{
  g_autofree char *text = NULL;

  if (self->focus_row < self->n_rows && self->focus_column < self->n_columns)
    text = sl_heat_map_dup_cell_tooltip (self, self->focus_row, self->focus_column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
}

static gboolean
move_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);
  int dr, dc;

  g_variant_get (args, "(ii)", &dr, &dc);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    dc = -dc;
  if (self->n_rows == 0 || self->n_columns == 0)
    return FALSE;
  self->focus_row = CLAMP ((int)self->focus_row + dr, 0, (int)self->n_rows - 1);
  self->focus_column = CLAMP ((int)self->focus_column + dc, 0, (int)self->n_columns - 1);
  update_description (self);
  gtk_widget_trigger_tooltip_query (widget);
  gtk_widget_queue_draw (widget);
  return TRUE;
}

static void
style_dark_cb (SlHeatMap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sl_heat_map_finalize (GObject *object)
{
  SlHeatMap *self = (SlHeatMap *)object;

  clear_cells (self);
  g_ptr_array_unref (self->row_labels);
  g_ptr_array_unref (self->column_labels);

  G_OBJECT_CLASS (sl_heat_map_parent_class)->finalize (object);
}

static void
sl_heat_map_class_init (SlHeatMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_heat_map_finalize;
  widget_class->measure = sl_heat_map_measure;
  widget_class->size_allocate = sl_heat_map_size_allocate;
  widget_class->snapshot = sl_heat_map_snapshot;
  widget_class->query_tooltip = sl_heat_map_query_tooltip;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, move_focus, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, move_focus, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, move_focus, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, move_focus, "(ii)", 0, 1);
  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_heat_map_init (SlHeatMap *self)
{
  self->row_labels = g_ptr_array_new_with_free_func (g_free);
  self->column_labels = g_ptr_array_new_with_free_func (g_free);
  self->scale = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_heat_map_new (void)
{
  return g_object_new (SL_TYPE_HEAT_MAP, NULL);
}

void
sl_heat_map_set_size (SlHeatMap *self,
                      guint      n_rows,
                      guint      n_columns)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));

  clear_cells (self);
  self->n_rows = n_rows;
  self->n_columns = n_columns;
  self->cells = g_new0 (Cell, (gsize)n_rows * n_columns);
  g_ptr_array_set_size (self->row_labels, 0);
  g_ptr_array_set_size (self->column_labels, 0);
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (self->row_labels, g_strdup (""));
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (self->column_labels, g_strdup (""));
  self->focus_row = self->focus_column = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sl_heat_map_get_n_rows (SlHeatMap *self)
{
  g_return_val_if_fail (SL_IS_HEAT_MAP (self), 0);
  return self->n_rows;
}

guint
sl_heat_map_get_n_columns (SlHeatMap *self)
{
  g_return_val_if_fail (SL_IS_HEAT_MAP (self), 0);
  return self->n_columns;
}

static void
set_label (GPtrArray  *labels,
           guint       index,
           const char *label)
{
  g_return_if_fail (index < labels->len);

  g_free (labels->pdata[index]);
  labels->pdata[index] = g_strdup (label != NULL ? label : "");
}

void
sl_heat_map_set_row_label (SlHeatMap  *self,
                           guint       row,
                           const char *label)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  set_label (self->row_labels, row, label);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sl_heat_map_set_column_label (SlHeatMap  *self,
                              guint       column,
                              const char *label)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  set_label (self->column_labels, column, label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_heat_map_set_value (SlHeatMap  *self,
                       guint       row,
                       guint       column,
                       double      value,
                       const char *text)
{
  Cell *cell;

  g_return_if_fail (SL_IS_HEAT_MAP (self));
  g_return_if_fail (isfinite (value));

  cell = cell_at (self, row, column);
  cell->defined = TRUE;
  cell->value = value;
  g_free (cell->text);
  cell->text = g_strdup (text != NULL ? text : "");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_heat_map_set_undefined (SlHeatMap  *self,
                           guint       row,
                           guint       column,
                           const char *reason)
{
  Cell *cell;

  g_return_if_fail (SL_IS_HEAT_MAP (self));

  cell = cell_at (self, row, column);
  cell->defined = FALSE;
  cell->value = 0;
  g_free (cell->text);
  cell->text = g_strdup (reason != NULL ? reason : "");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_heat_map_set_scale (SlHeatMap *self,
                       double     magnitude)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  g_return_if_fail (magnitude > 0 && isfinite (magnitude));

  self->scale = magnitude;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sl_heat_map_get_cell_area (SlHeatMap       *self,
                           guint            row,
                           guint            column,
                           graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_HEAT_MAP (self), FALSE);

  if (row >= self->n_rows || column >= self->n_columns)
    return FALSE;
  cell_rect (self, row, column, out);
  return TRUE;
}

void
sl_heat_map_get_cell_color (SlHeatMap *self,
                            guint      row,
                            guint      column,
                            GdkRGBA   *out)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  cell_color (self, cell_at (self, row, column), out);
}

const char *
sl_heat_map_get_cell_text (SlHeatMap *self,
                           guint      row,
                           guint      column)
{
  const Cell *cell;

  g_return_val_if_fail (SL_IS_HEAT_MAP (self), NULL);
  cell = cell_at (self, row, column);
  return cell->defined ? cell->text : "—";
}

char *
sl_heat_map_dup_cell_tooltip (SlHeatMap *self,
                              guint      row,
                              guint      column)
{
  const Cell *cell;

  g_return_val_if_fail (SL_IS_HEAT_MAP (self), NULL);
  cell = cell_at (self, row, column);
  if (!cell->defined)
    /* Translators: a heat map cell: row, column, then why it has no value */
    return g_strdup_printf (_("%s, %s: undefined (%s)"), (char *)self->row_labels->pdata[row],
                            (char *)self->column_labels->pdata[column], cell->text);
  /* Translators: a heat map cell: row, column, then its value */
  return g_strdup_printf (_("%s, %s: %s"), (char *)self->row_labels->pdata[row],
                          (char *)self->column_labels->pdata[column], cell->text);
}
