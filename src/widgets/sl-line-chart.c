/* sl-line-chart.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-line-chart-private.h"

G_DEFINE_FINAL_TYPE (SlLineChart, sl_line_chart, GTK_TYPE_WIDGET)

Value *
sl_line_chart_value_at (SlLineChart *self,
                        guint        series,
                        guint        point)
{
  g_return_val_if_fail (series < self->n_series && point < self->n_points, NULL);
  return &self->values[series * self->n_points + point];
}

static void
clear_values (SlLineChart *self)
{
  sl_chart_values_free (self->values, (gsize)self->n_series * self->n_points);
  self->values = NULL;
  g_clear_pointer (&self->n_solid, g_free);
}

static void
data_changed (SlLineChart *self)
{
  self->summary_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
sl_line_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 260;
}

void
sl_line_chart_set_focus_point (SlLineChart *self,
                               guint        point)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SL_IS_LINE_CHART (self));

  if (point >= self->n_points)
    return;
  self->focus = point;
  text = sl_line_chart_dup_point_text (self, point);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (self->points->len == (gsize)self->n_series * self->n_points)
    sl_line_chart_update_callout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sl_line_chart_get_focus_point (SlLineChart *self)
{
  g_return_val_if_fail (SL_IS_LINE_CHART (self), 0);
  return self->focus;
}

static void
focus_cb (GtkWidget *widget,
          guint      point)
{
  sl_line_chart_set_focus_point (SL_LINE_CHART (widget), point);
}

static void
sl_line_chart_finalize (GObject *object)
{
  SlLineChart *self = (SlLineChart *)object;

  clear_values (self);
  g_ptr_array_unref (self->series_names);
  g_ptr_array_unref (self->labels);
  g_array_unref (self->bands);
  g_array_unref (self->markers);
  g_free (self->dashed_name);
  sl_chart_frame_clear (&self->frame);
  g_array_unref (self->points);
  g_array_unref (self->marks);
  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  G_OBJECT_CLASS (sl_line_chart_parent_class)->finalize (object);
}

static void
sl_line_chart_class_init (SlLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_line_chart_finalize;
  widget_class->measure = sl_line_chart_measure;
  widget_class->size_allocate = sl_line_chart_size_allocate;
  widget_class->snapshot = sl_line_chart_snapshot;
  widget_class->query_tooltip = sl_line_chart_query_tooltip;
  sl_chart_frame_install_frame_focus (widget_class);
  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_line_chart_init (SlLineChart *self)
{
  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
  g_array_set_clear_func (self->bands, sl_line_chart_band_clear);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, sl_line_chart_marker_clear);
  self->points = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  self->marks = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  self->from_zero = TRUE;
  sl_chart_frame_init (&self->frame, GTK_WIDGET (self));
  sl_chart_frame_follow_focus (&self->frame, &self->focus, focus_cb);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* Translators: what a screen reader calls a chart without a title */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Line chart"), -1);
  sl_line_chart_set_size (self, 0, 0);
}

GtkWidget *
sl_line_chart_new (void)
{
  return g_object_new (SL_TYPE_LINE_CHART, NULL);
}

void
sl_line_chart_set_title (SlLineChart *self,
                         const char  *title)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: what a screen reader calls a chart without a title */
                                  title != NULL ? title : _("Line chart"), -1);
}

void
sl_line_chart_set_formatter (SlLineChart       *self,
                             SlChartFormatFunc  func,
                             gpointer           user_data,
                             GDestroyNotify     destroy)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_line_chart_set_from_zero (SlLineChart *self,
                             gboolean     from_zero)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));

  self->from_zero = !!from_zero;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_line_chart_set_size (SlLineChart *self,
                        guint        n_series,
                        guint        n_points)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));

  clear_values (self);
  self->n_series = n_series;
  self->n_points = n_points;
  self->values = sl_chart_values_new ((gsize)n_series * n_points);
  self->n_solid = g_new (guint, MAX (n_series, 1));
  for (guint s = 0; s < n_series; s++)
    self->n_solid[s] = G_MAXUINT;
  sl_chart_labels_reset (self->series_names, n_series);
  sl_chart_labels_reset (self->labels, n_points);
  g_array_set_size (self->bands, 0);
  g_array_set_size (self->markers, 0);
  g_array_set_size (self->points, 0);
  self->focus = MIN (self->focus, n_points > 0 ? n_points - 1 : 0);
  data_changed (self);
}

guint
sl_line_chart_get_n_series (SlLineChart *self)
{
  g_return_val_if_fail (SL_IS_LINE_CHART (self), 0);
  return self->n_series;
}

guint
sl_line_chart_get_n_points (SlLineChart *self)
{
  g_return_val_if_fail (SL_IS_LINE_CHART (self), 0);
  return self->n_points;
}

void
sl_line_chart_set_label (SlLineChart *self,
                         guint        point,
                         const char  *label)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (point < self->n_points);

  sl_chart_labels_set (self->labels, point, label);
  data_changed (self);
}

void
sl_line_chart_set_series_name (SlLineChart *self,
                               guint        series,
                               const char  *name)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (series < self->n_series);

  sl_chart_labels_set (self->series_names, series, name);
  data_changed (self);
}

static void
set_value (SlLineChart *self,
           guint        series,
           guint        point,
           gboolean     defined,
           double       value,
           const char  *text)
{
  sl_chart_value_set (sl_line_chart_value_at (self, series, point), defined, value, text);
  data_changed (self);
}

void
sl_line_chart_set_value (SlLineChart *self,
                         guint        series,
                         guint        point,
                         double       value,
                         const char  *text)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (series < self->n_series && point < self->n_points);
  g_return_if_fail (isfinite (value));

  set_value (self, series, point, TRUE, value, text);
}

void
sl_line_chart_set_undefined (SlLineChart *self,
                             guint        series,
                             guint        point,
                             const char  *reason)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (series < self->n_series && point < self->n_points);

  set_value (self, series, point, FALSE, 0, reason);
}

void
sl_line_chart_set_n_solid (SlLineChart *self,
                           guint        series,
                           guint        n_solid)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (series < self->n_series);

  self->n_solid[series] = n_solid;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_line_chart_set_dashed_name (SlLineChart *self,
                               const char  *name)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));

  g_free (self->dashed_name);
  self->dashed_name = g_strdup (name);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_line_chart_set_warning (SlLineChart *self,
                           guint        series,
                           guint        point,
                           gboolean     warning)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (series < self->n_series && point < self->n_points);

  sl_line_chart_value_at (self, series, point)->warning = !!warning;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
sl_line_chart_get_point (SlLineChart      *self,
                         guint             series,
                         guint             point,
                         graphene_point_t *out)
{
  g_return_val_if_fail (SL_IS_LINE_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (series >= self->n_series || point >= self->n_points
      || self->points->len != (gsize)self->n_series * self->n_points
      || !sl_line_chart_value_at (self, series, point)->defined)
    return FALSE;
  *out = g_array_index (self->points, graphene_point_t, series * self->n_points + point);
  return TRUE;
}

gboolean
sl_line_chart_get_segment (SlLineChart *self,
                           guint        series,
                           guint        point,
                           gboolean    *dashed)
{
  graphene_point_t a, b;

  g_return_val_if_fail (SL_IS_LINE_CHART (self), FALSE);

  if (!sl_line_chart_get_point (self, series, point, &a) || !sl_line_chart_get_point (self, series, point + 1, &b))
    return FALSE;
  if (dashed != NULL)
    /* Solid through the last actual, dashed from it on. */
    *dashed = self->n_solid[series] != G_MAXUINT && point + 1 >= self->n_solid[series];
  return TRUE;
}

void
sl_line_chart_get_plot_area (SlLineChart     *self,
                             graphene_rect_t *out)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  *out = self->frame.plot;
}

gboolean
sl_line_chart_get_tick_area (SlLineChart     *self,
                             guint            tick,
                             graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_LINE_CHART (self), FALSE);

  if (tick >= self->frame.tick_areas->len)
    return FALSE;
  *out = g_array_index (self->frame.tick_areas, graphene_rect_t, tick);
  return TRUE;
}

const SlChartAxis *
sl_line_chart_get_axis (SlLineChart *self)
{
  g_return_val_if_fail (SL_IS_LINE_CHART (self), NULL);
  return &self->frame.axis;
}

void
sl_line_chart_get_series_color (SlLineChart *self,
                                guint        series,
                                GdkRGBA     *out)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  sl_chart_palette_series (series, sl_chart_palette_is_dark (), out);
}

void
sl_line_chart_get_point_color (SlLineChart *self,
                               guint        series,
                               guint        point,
                               GdkRGBA     *out)
{
  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (series < self->n_series && point < self->n_points);

  /* Red, lighter on a dark background. */
  if (sl_line_chart_value_at (self, series, point)->warning)
    sl_chart_palette_color (SL_CHART_HUE_RED, sl_chart_palette_is_dark () ? 1 : 3, out);
  else
    sl_line_chart_get_series_color (self, series, out);
}
