/* sl-bar-chart.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-bar-chart-private.h"
#include "sl-chart-palette.h"

G_DEFINE_FINAL_TYPE (SlBarChart, sl_bar_chart, GTK_TYPE_WIDGET)

Value *
sl_bar_chart_value_at (SlBarChart *self,
                       guint       series,
                       guint       category)
{
  g_return_val_if_fail (series < self->n_series && category < self->n_categories, NULL);
  return &self->values[series * self->n_categories + category];
}

static void
data_changed (SlBarChart *self)
{
  self->summary_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
sl_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 240;
}

void
sl_bar_chart_set_focus_category (SlBarChart *self,
                                 guint       category)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SL_IS_BAR_CHART (self));

  if (category >= self->n_categories)
    return;
  self->focus = category;
  text = sl_bar_chart_dup_category_text (self, category);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (self->bars->len == (gsize)self->n_series * self->n_categories)
    sl_bar_chart_update_callout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sl_bar_chart_get_focus_category (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return self->focus;
}

static void
focus_cb (GtkWidget *widget,
          guint      category)
{
  sl_bar_chart_set_focus_category (SL_BAR_CHART (widget), category);
}

static void
sl_bar_chart_finalize (GObject *object)
{
  SlBarChart *self = (SlBarChart *)object;

  sl_chart_values_free (self->values, (gsize)self->n_series * self->n_categories);
  sl_chart_values_free (self->references, self->n_categories);
  g_ptr_array_unref (self->series_names);
  g_ptr_array_unref (self->categories);
  g_free (self->reference_name);
  g_free (self->title);
  sl_chart_frame_clear (&self->frame);
  g_array_unref (self->bars);
  g_array_unref (self->marks);
  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  G_OBJECT_CLASS (sl_bar_chart_parent_class)->finalize (object);
}

static void
sl_bar_chart_class_init (SlBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sl_bar_chart_finalize;
  widget_class->measure = sl_bar_chart_measure;
  widget_class->size_allocate = sl_bar_chart_size_allocate;
  widget_class->snapshot = sl_bar_chart_snapshot;
  widget_class->query_tooltip = sl_bar_chart_query_tooltip;
  sl_chart_frame_install_frame_focus (widget_class);
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sl_bar_chart_init (SlBarChart *self)
{
  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->bars = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->marks = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  self->reference_name = g_strdup ("");
  sl_chart_frame_init (&self->frame, GTK_WIDGET (self));
  sl_chart_frame_follow_focus (&self->frame, &self->focus, focus_cb);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  /* Translators: what a screen reader calls a chart without a title */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bar chart"), -1);
  sl_bar_chart_set_size (self, 0, 0);
}

GtkWidget *
sl_bar_chart_new (void)
{
  return g_object_new (SL_TYPE_BAR_CHART, NULL);
}

void
sl_bar_chart_set_title (SlBarChart *self,
                        const char *title)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: what a screen reader calls a chart without a title */
                                  title != NULL ? title : _("Bar chart"), -1);
}

void
sl_bar_chart_set_formatter (SlBarChart        *self,
                            SlChartFormatFunc  func,
                            gpointer           user_data,
                            GDestroyNotify     destroy)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_bar_chart_set_stacked (SlBarChart *self,
                          gboolean    stacked)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  self->stacked = !!stacked;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
sl_bar_chart_get_stacked (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);
  return self->stacked;
}

void
sl_bar_chart_set_size (SlBarChart *self,
                       guint       n_series,
                       guint       n_categories)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  sl_chart_values_free (self->values, (gsize)self->n_series * self->n_categories);
  sl_chart_values_free (self->references, self->n_categories);
  self->n_series = n_series;
  self->n_categories = n_categories;
  self->values = sl_chart_values_new ((gsize)n_series * n_categories);
  self->references = sl_chart_values_new (n_categories);
  sl_chart_labels_reset (self->series_names, n_series);
  sl_chart_labels_reset (self->categories, n_categories);
  g_array_set_size (self->bars, 0);
  self->focus = MIN (self->focus, n_categories > 0 ? n_categories - 1 : 0);
  data_changed (self);
}

guint
sl_bar_chart_get_n_series (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return self->n_series;
}

guint
sl_bar_chart_get_n_categories (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return self->n_categories;
}

void
sl_bar_chart_set_series_name (SlBarChart *self,
                              guint       series,
                              const char *name)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (series < self->n_series);

  sl_chart_labels_set (self->series_names, series, name);
  data_changed (self);
}

void
sl_bar_chart_set_category (SlBarChart *self,
                           guint       category,
                           const char *label)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (category < self->n_categories);

  sl_chart_labels_set (self->categories, category, label);
  data_changed (self);
}

void
sl_bar_chart_set_value (SlBarChart *self,
                        guint       series,
                        guint       category,
                        double      value,
                        const char *text)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (series < self->n_series && category < self->n_categories);
  g_return_if_fail (isfinite (value));

  sl_chart_value_set (sl_bar_chart_value_at (self, series, category), TRUE, value, text);
  data_changed (self);
}

void
sl_bar_chart_set_undefined (SlBarChart *self,
                            guint       series,
                            guint       category,
                            const char *reason)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (series < self->n_series && category < self->n_categories);

  sl_chart_value_set (sl_bar_chart_value_at (self, series, category), FALSE, 0, reason);
  data_changed (self);
}

void
sl_bar_chart_set_reference_name (SlBarChart *self,
                                 const char *name)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));

  g_free (self->reference_name);
  self->reference_name = g_strdup (name != NULL ? name : "");
  data_changed (self);
}

void
sl_bar_chart_set_reference (SlBarChart *self,
                            guint       category,
                            double      value,
                            const char *text)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  g_return_if_fail (category < self->n_categories);
  g_return_if_fail (isfinite (value));

  sl_chart_value_set (&self->references[category], TRUE, value, text);
  data_changed (self);
}

double
sl_bar_chart_get_zero_y (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), 0);
  return sl_chart_frame_y (&self->frame, 0);
}

void
sl_bar_chart_get_plot_area (SlBarChart      *self,
                            graphene_rect_t *out)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  *out = self->frame.plot;
}

gboolean
sl_bar_chart_get_tick_area (SlBarChart      *self,
                            guint            tick,
                            graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);

  if (tick >= self->frame.tick_areas->len)
    return FALSE;
  *out = g_array_index (self->frame.tick_areas, graphene_rect_t, tick);
  return TRUE;
}

const SlChartAxis *
sl_bar_chart_get_axis (SlBarChart *self)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  return &self->frame.axis;
}

void
sl_bar_chart_get_series_color (SlBarChart *self,
                               guint       series,
                               GdkRGBA    *out)
{
  g_return_if_fail (SL_IS_BAR_CHART (self));
  sl_chart_palette_series (series, sl_chart_palette_is_dark (), out);
}
