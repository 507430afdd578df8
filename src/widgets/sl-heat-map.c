/* sl-heat-map.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sl-chart-data.h"
#include "sl-chart-palette.h"
#include "sl-chart-text.h"
#include "sl-heat-map-private.h"

G_DEFINE_FINAL_TYPE (SlHeatMap, sl_heat_map, GTK_TYPE_WIDGET)

Cell *
sl_heat_map_cell (SlHeatMap *self,
                  guint      row,
                  guint      column)
{
  g_assert (row < self->n_rows && column < self->n_columns);
  return &self->cells[row * self->n_columns + column];
}

static void
clear_cells (SlHeatMap *self)
{
  for (guint i = 0; self->cells != NULL && i < self->n_rows * self->n_columns; i++)
    {
      g_free (self->cells[i].data.text);
      g_clear_object (&self->cells[i].layout);
    }
  g_clear_pointer (&self->cells, g_free);
}

static void
data_changed (SlHeatMap *self)
{
  self->layouts_dirty = TRUE;
  self->summary_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

        sl_heat_map_cell_rect (self, r, c, &area);
        if (graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT ((float)x, (float)y)))
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
  graphene_rect_t area;

  if (!keyboard && !cell_at_point (self, x, y, &row, &column))
    return FALSE;
  if (row >= self->n_rows || column >= self->n_columns)
    return FALSE;
  text = sl_heat_map_dup_cell_tooltip (self, row, column);
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip when the pointer moves to another cell. */
  sl_heat_map_cell_rect (self, row, column, &area);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)area.origin.x, (int)area.origin.y,
                                                       (int)ceil (area.size.width), (int)area.size.height });
  return TRUE;
}

/* "heat-map.move-focus" (ii): rows down, columns towards the right as
 * seen (G_MININT, G_MAXINT: the first, the last column). */
static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *args)
{
  SlHeatMap *self = SL_HEAT_MAP (widget);
  int dr, dc, row, column;

  if (self->n_rows == 0 || self->n_columns == 0)
    return;
  g_variant_get (args, "(ii)", &dr, &dc);
  row = CLAMP ((int)self->focus_row + dr, 0, (int)self->n_rows - 1);
  if (dc == G_MININT || dc == G_MAXINT)
    column = dc == G_MININT ? 0 : (int)self->n_columns - 1;
  else
    {
      /* The next column is on the left in right-to-left. */
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        dc = -dc;
      column = CLAMP ((int)self->focus_column + dc, 0, (int)self->n_columns - 1);
    }
  sl_heat_map_set_focus_cell (self, row, column);
  gtk_widget_trigger_tooltip_query (widget);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SlHeatMap       *self)
{
  guint row, column;

  if (!cell_at_point (self, x, y, &row, &column))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  sl_heat_map_set_focus_cell (self, row, column);
}

static void
sl_heat_map_state_flags_changed (GtkWidget     *widget,
                                 GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (sl_heat_map_parent_class)->state_flags_changed (widget, previous);
  /* The focused cell shows only with the focus. */
  if ((previous ^ gtk_widget_get_state_flags (widget)) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
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
  g_ptr_array_unref (self->row_layouts);
  g_ptr_array_unref (self->column_layouts);
  g_array_unref (self->column_label_boxes);
  g_clear_pointer (&self->hatch_tile, gsk_render_node_unref);
  g_free (self->title);

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
  widget_class->state_flags_changed = sl_heat_map_state_flags_changed;

  gtk_widget_class_install_action (widget_class, "heat-map.move-focus", "(ii)", move_focus_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "heat-map.move-focus", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "heat-map.move-focus", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "heat-map.move-focus", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "heat-map.move-focus", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "heat-map.move-focus", "(ii)", 0, G_MININT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "heat-map.move-focus", "(ii)", 0, G_MAXINT);
  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_heat_map_init (SlHeatMap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->row_labels = g_ptr_array_new_with_free_func (g_free);
  self->column_labels = g_ptr_array_new_with_free_func (g_free);
  self->row_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_label_boxes = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->scale = 1.0;
  self->layouts_dirty = TRUE;
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heat map"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sl_heat_map_new (void)
{
  return g_object_new (SL_TYPE_HEAT_MAP, NULL);
}

void
sl_heat_map_set_title (SlHeatMap  *self,
                       const char *title)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Heat map"), -1);
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
  sl_chart_labels_reset (self->row_labels, n_rows);
  sl_chart_labels_reset (self->column_labels, n_columns);
  self->focus_row = MIN (self->focus_row, n_rows > 0 ? n_rows - 1 : 0);
  self->focus_column = MIN (self->focus_column, n_columns > 0 ? n_columns - 1 : 0);
  data_changed (self);
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

void
sl_heat_map_set_row_label (SlHeatMap  *self,
                           guint       row,
                           const char *label)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  g_return_if_fail (row < self->n_rows);

  sl_chart_labels_set (self->row_labels, row, label);
  data_changed (self);
}

void
sl_heat_map_set_column_label (SlHeatMap  *self,
                              guint       column,
                              const char *label)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  g_return_if_fail (column < self->n_columns);

  sl_chart_labels_set (self->column_labels, column, label);
  data_changed (self);
}

static void
set_cell (SlHeatMap  *self,
          guint       row,
          guint       column,
          gboolean    defined,
          double      value,
          const char *text)
{
  sl_chart_value_set (&sl_heat_map_cell (self, row, column)->data, defined, value, text);
  data_changed (self);
}

void
sl_heat_map_set_value (SlHeatMap  *self,
                       guint       row,
                       guint       column,
                       double      value,
                       const char *text)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);
  g_return_if_fail (isfinite (value));

  set_cell (self, row, column, TRUE, value, text);
}

void
sl_heat_map_set_undefined (SlHeatMap  *self,
                           guint       row,
                           guint       column,
                           const char *reason)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  set_cell (self, row, column, FALSE, 0, reason);
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

double
sl_heat_map_get_scale (SlHeatMap *self)
{
  g_return_val_if_fail (SL_IS_HEAT_MAP (self), 1.0);
  return self->scale;
}

void
sl_heat_map_set_focus_cell (SlHeatMap *self,
                            guint      row,
                            guint      column)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));

  if (row >= self->n_rows || column >= self->n_columns)
    return;
  self->focus_row = row;
  self->focus_column = column;
  sl_heat_map_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sl_heat_map_get_focus_cell (SlHeatMap *self,
                            guint     *row,
                            guint     *column)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));

  if (row != NULL)
    *row = self->focus_row;
  if (column != NULL)
    *column = self->focus_column;
}

gboolean
sl_heat_map_get_cell_area (SlHeatMap       *self,
                           guint            row,
                           guint            column,
                           graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_HEAT_MAP (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (row >= self->n_rows || column >= self->n_columns)
    return FALSE;
  sl_heat_map_cell_rect (self, row, column, out);
  return TRUE;
}

gboolean
sl_heat_map_get_row_header_area (SlHeatMap       *self,
                                 guint            row,
                                 graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_HEAT_MAP (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (row >= self->n_rows)
    return FALSE;
  sl_heat_map_row_header_rect (self, row, out);
  return TRUE;
}

gboolean
sl_heat_map_get_column_header_area (SlHeatMap       *self,
                                    guint            column,
                                    graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_HEAT_MAP (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (column >= self->n_columns)
    return FALSE;
  sl_heat_map_column_header_rect (self, column, out);
  return TRUE;
}

void
sl_heat_map_get_cell_color (SlHeatMap *self,
                            guint      row,
                            guint      column,
                            GdkRGBA   *out)
{
  g_return_if_fail (SL_IS_HEAT_MAP (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);
  g_return_if_fail (out != NULL);

  sl_heat_map_cell_color (self, sl_heat_map_cell (self, row, column), out);
}

const char *
sl_heat_map_get_cell_text (SlHeatMap *self,
                           guint      row,
                           guint      column)
{
  const Cell *cell;

  g_return_val_if_fail (SL_IS_HEAT_MAP (self), NULL);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, NULL);

  cell = sl_heat_map_cell (self, row, column);
  return cell->data.defined ? cell->data.text : "—";
}
