/* sl-line-chart-layout.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The line chart's geometry, on allocation, and its texts. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-line-chart-private.h"

static void
value_range (SlLineChart *self,
             double      *min,
             double      *max)
{
  gboolean any = FALSE;

  *min = *max = 0;
  for (gsize i = 0; i < (gsize)self->n_series * self->n_points; i++)
    {
      const Value *v = &self->values[i];

      if (!v->defined)
        continue;
      *min = any ? MIN (*min, v->value) : v->value;
      *max = any ? MAX (*max, v->value) : v->value;
      any = TRUE;
    }
}

/* The top of the focused point's marks, for its callout. */
static double
point_top (SlLineChart *self,
           guint        point)
{
  double top = self->frame.plot.origin.y + self->frame.plot.size.height;

  for (guint s = 0; s < self->n_series; s++)
    if (sl_line_chart_value_at (self, s, point)->defined)
      top = MIN (top, g_array_index (self->points, graphene_point_t, s * self->n_points + point).y);
  return top;
}

void
sl_line_chart_update_callout (SlLineChart *self)
{
  g_autofree char *text = NULL;

  if (self->focus >= self->n_points || self->points->len == 0)
    {
      sl_chart_frame_set_callout (&self->frame, NULL, 0, 0);
      return;
    }
  text = sl_line_chart_dup_point_text (self, self->focus);
  sl_chart_frame_set_callout (&self->frame, text, self->focus, point_top (self, self->focus));
}

static void
update_summary (SlLineChart *self)
{
  GString *summary = g_string_new (NULL);

  for (guint s = 0; s < self->n_series; s++)
    {
      const Value *high = NULL, *low = NULL;
      guint high_p = 0, low_p = 0;

      for (guint p = 0; p < self->n_points; p++)
        {
          const Value *v = sl_line_chart_value_at (self, s, p);

          if (v->defined && (high == NULL || v->value > high->value))
            high = v, high_p = p;
          if (v->defined && (low == NULL || v->value < low->value))
            low = v, low_p = p;
        }
      sl_chart_frame_append_summary (summary, self->series_names->pdata[s],
                                     high != NULL ? high->text : NULL, high != NULL ? self->labels->pdata[high_p] : NULL,
                                     low != NULL ? low->text : NULL, low != NULL ? self->labels->pdata[low_p] : NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary->str, -1);
  g_string_free (summary, TRUE);
  self->summary_dirty = FALSE;
}

static gboolean
has_dashes (SlLineChart *self)
{
  for (guint s = 0; s < self->n_series; s++)
    if (self->n_solid[s] < self->n_points)
      return TRUE;
  return FALSE;
}

static void
add_keys (SlLineChart *self)
{
  sl_chart_frame_clear_keys (&self->frame);
  for (guint s = 0; s < self->n_series; s++)
    sl_chart_frame_add_key (&self->frame, self->series_names->pdata[s], s, SL_CHART_KEY_LINE);
  if (self->dashed_name != NULL && has_dashes (self))
    sl_chart_frame_add_key (&self->frame, self->dashed_name, SL_CHART_KEY_TEXT_COLOR, SL_CHART_KEY_DASH);
}

/* Where the points go, and "—" for a point some series has no value at. */
static void
place_points (SlLineChart *self)
{
  const SlChartAxis *axis = &self->frame.axis;
  double mark_y = sl_chart_axis_get_min (axis) <= 0 && sl_chart_axis_get_max (axis) >= 0
                  ? sl_chart_frame_y (&self->frame, 0) : self->frame.plot.origin.y + self->frame.plot.size.height;

  g_array_set_size (self->points, (gsize)self->n_series * self->n_points);
  g_array_set_size (self->marks, 0);
  for (guint p = 0; p < self->n_points; p++)
    {
      double x = sl_chart_frame_x (&self->frame, p + 0.5);
      gboolean missing = FALSE;

      for (guint s = 0; s < self->n_series; s++)
        {
          const Value *v = sl_line_chart_value_at (self, s, p);
          graphene_point_t *out = &g_array_index (self->points, graphene_point_t, s * self->n_points + p);

          missing |= !v->defined;
          *out = GRAPHENE_POINT_INIT (x, v->defined ? sl_chart_frame_y (&self->frame, v->value) : 0);
        }
      if (missing)
        g_array_append_val (self->marks, GRAPHENE_POINT_INIT (x, mark_y - 10));
    }
}

void
sl_line_chart_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SlLineChart *self = SL_LINE_CHART (widget);
  double min, max;

  add_keys (self);
  value_range (self, &min, &max);
  /* A line above the plot for the markers' labels. */
  self->frame.top_lines = self->markers->len > 0 ? 1 : 0;
  sl_chart_frame_allocate (&self->frame, width, height, min, max, self->from_zero, self->format,
                           self->format_data, (const char *const *)self->labels->pdata, self->n_points);
  place_points (self);
  sl_line_chart_place_marks (self);
  sl_line_chart_update_callout (self);
  if (self->summary_dirty)
    update_summary (self);
}

char *
sl_line_chart_dup_point_text (SlLineChart *self,
                              guint        point)
{
  GString *text;

  g_return_val_if_fail (SL_IS_LINE_CHART (self), NULL);
  g_return_val_if_fail (point < self->n_points, NULL);

  text = g_string_new (self->labels->pdata[point]);
  for (guint s = 0; s < self->n_series; s++)
    {
      const Value *v = sl_line_chart_value_at (self, s, point);

      g_string_append_c (text, '\n');
      if (v->defined)
        /* Translators: a chart's series (e.g. a channel) and its value */
        g_string_append_printf (text, _("%s: %s"), (char *)self->series_names->pdata[s], v->text);
      else
        /* Translators: a chart's series (e.g. a channel) that has no value, and why */
        g_string_append_printf (text, _("%s: — (%s)"), (char *)self->series_names->pdata[s], v->text);
    }
  sl_line_chart_append_marks_text (self, point, text);
  return g_string_free (text, FALSE);
}
