/* sl-line-chart-draw.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The line chart's bands and markers, painting and tooltips. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <math.h>

#include "sl-chart-palette.h"
#include "sl-line-chart-private.h"

#define MARKER_HIT 4   /* px either side of a marker's line */

void
sl_line_chart_band_clear (gpointer data)
{
  g_free (((Band *)data)->label);
}

void
sl_line_chart_marker_clear (gpointer data)
{
  Marker *marker = data;

  g_free (marker->label);
  g_free (marker->tooltip);
  g_clear_object (&marker->layout);
}

static Marker *
get_marker (SlLineChart *self,
            guint        i)
{
  return &g_array_index (self->markers, Marker, i);
}

static gboolean
overlaps_placed (SlLineChart           *self,
                 guint                  upto,
                 const graphene_rect_t *area)
{
  for (guint j = 0; j < upto; j++)
    {
      const Marker *other = get_marker (self, j);

      if (other->layout != NULL && graphene_rect_intersection (area, &other->label_area, NULL))
        return TRUE;
    }
  return FALSE;
}

/* Each marker's line across the plot and its label above it, small and
 * cut short; a label that would cover an earlier one is left out (the
 * tooltip still says it). */
void
sl_line_chart_place_marks (SlLineChart *self)
{
  const graphene_rect_t *plot = &self->frame.plot;
  double max_width = MAX (self->frame.slot_width * 2, 72);

  for (guint i = 0; i < self->markers->len; i++)
    {
      Marker *marker = get_marker (self, i);
      double x = round (sl_chart_frame_x (&self->frame, marker->position));
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      int w, h;

      graphene_rect_init (&marker->line, x, plot->origin.y, 1, plot->size.height);
      g_clear_object (&marker->layout);
      marker->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), marker->label);
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (marker->layout, attrs);
      pango_layout_set_width (marker->layout, (int)max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (marker->layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (marker->layout, &w, &h);
      graphene_rect_init (&marker->label_area,
                          CLAMP (x - w / 2.0, 0, MAX (0, self->frame.width - w)),
                          plot->origin.y - self->frame.line_height / 2.0 - 4 - h, w, h);
      if (overlaps_placed (self, i, &marker->label_area))
        g_clear_object (&marker->layout);
    }
}

void
sl_line_chart_append_marks_text (SlLineChart *self,
                                 guint        point,
                                 GString     *text)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = get_marker (self, i);

      if (floor (marker->position) == point)
        g_string_append_printf (text, "\n%s", marker->tooltip != NULL ? marker->tooltip : marker->label);
    }
  for (guint i = 0; i < self->bands->len; i++)
    {
      const Band *band = &g_array_index (self->bands, Band, i);

      if (band->label != NULL && band->from <= point + 0.5 && point + 0.5 <= band->to)
        g_string_append_printf (text, "\n%s", band->label);
    }
}

gboolean
sl_line_chart_get_band_area (SlLineChart     *self,
                             guint            band,
                             graphene_rect_t *out)
{
  const Band *b;
  double x1, x2;

  g_return_val_if_fail (SL_IS_LINE_CHART (self), FALSE);

  if (band >= self->bands->len)
    return FALSE;
  b = &g_array_index (self->bands, Band, band);
  x1 = sl_chart_frame_x (&self->frame, b->from);
  x2 = sl_chart_frame_x (&self->frame, b->to);
  graphene_rect_init (out, MIN (x1, x2), self->frame.plot.origin.y, fabs (x2 - x1), self->frame.plot.size.height);
  return TRUE;
}

gboolean
sl_line_chart_get_marker_area (SlLineChart     *self,
                               guint            marker,
                               graphene_rect_t *line,
                               graphene_rect_t *label)
{
  g_return_val_if_fail (SL_IS_LINE_CHART (self), FALSE);

  if (marker >= self->markers->len)
    return FALSE;
  if (line != NULL)
    *line = get_marker (self, marker)->line;
  if (label != NULL)
    *label = get_marker (self, marker)->layout != NULL ? get_marker (self, marker)->label_area
                                                       : GRAPHENE_RECT_INIT (0, 0, 0, 0);
  return TRUE;
}

void
sl_line_chart_add_band (SlLineChart *self,
                        double       from,
                        double       to,
                        gboolean     warning,
                        const char  *label)
{
  Band band = { MIN (from, to), MAX (from, to), !!warning, g_strdup (label) };

  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (isfinite (from) && isfinite (to));

  g_array_append_val (self->bands, band);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
sl_line_chart_add_marker (SlLineChart *self,
                          double       position,
                          SlChartHue   hue,
                          const char  *label,
                          const char  *tooltip)
{
  Marker marker = { position, hue, g_strdup (label != NULL ? label : ""), g_strdup (tooltip), NULL };

  g_return_if_fail (SL_IS_LINE_CHART (self));
  g_return_if_fail (isfinite (position) && hue < SL_CHART_N_HUES);

  g_array_append_val (self->markers, marker);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
snapshot_bands (SlLineChart *self,
                GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->bands->len; i++)
    {
      graphene_rect_t area;
      GdkRGBA color;

      sl_line_chart_get_band_area (self, i, &area);
      if (g_array_index (self->bands, Band, i).warning)
        {
          sl_chart_palette_warning (sl_chart_palette_is_dark (), &color);
          color.alpha = 0.16f;
        }
      else
        {
          sl_chart_palette_text (GTK_WIDGET (self), &color);
          color.alpha *= 0.06f;
        }
      gtk_snapshot_append_color (snapshot, &color, &area);
    }
}

static void
snapshot_markers (SlLineChart *self,
                  GtkSnapshot *snapshot)
{
  gboolean dark = sl_chart_palette_is_dark ();
  GdkRGBA dim;

  sl_chart_palette_dim_text (GTK_WIDGET (self), &dim);
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = get_marker (self, i);
      GdkRGBA color;

      sl_chart_palette_color (marker->hue, dark ? 2 : 4, &color);
      gtk_snapshot_append_color (snapshot, &color, &marker->line);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (marker->line.origin.x - 3,
                                                                         marker->line.origin.y - 3, 7, 3));
      if (marker->layout == NULL)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &marker->label_area.origin);
      gtk_snapshot_append_layout (snapshot, marker->layout, &dim);
      gtk_snapshot_restore (snapshot);
    }
}

static const graphene_point_t *
point_at (SlLineChart *self,
          guint        series,
          guint        point)
{
  return &g_array_index (self->points, graphene_point_t, series * self->n_points + point);
}

/* One series: the solid and then the dashed runs, each one path so the
 * joins are round. */
static void
stroke_series (SlLineChart *self,
               cairo_t     *cr,
               guint        s)
{
  static const double dash[] = { 5, 4 };

  for (int dashed = 0; dashed <= 1; dashed++)
    {
      gboolean open = FALSE;

      cairo_set_dash (cr, dash, dashed ? G_N_ELEMENTS (dash) : 0, 0);
      for (guint p = 0; p + 1 < self->n_points; p++)
        {
          gboolean is_dashed;

          if (!sl_line_chart_get_segment (self, s, p, &is_dashed) || is_dashed != dashed)
            {
              open = FALSE;
              continue;
            }
          if (!open)
            cairo_move_to (cr, point_at (self, s, p)->x, point_at (self, s, p)->y);
          cairo_line_to (cr, point_at (self, s, p + 1)->x, point_at (self, s, p + 1)->y);
          open = TRUE;
        }
      cairo_stroke (cr);
    }
}

/* Dots: actuals full, the forecast smaller, warnings large in red. */
static void
fill_points (SlLineChart *self,
             cairo_t     *cr,
             guint        s)
{
  for (guint p = 0; p < self->n_points; p++)
    {
      const Value *v = sl_line_chart_value_at (self, s, p);
      gboolean forecast = self->n_solid[s] != G_MAXUINT && p >= self->n_solid[s];
      GdkRGBA color;

      if (!v->defined)
        continue;
      sl_line_chart_get_point_color (self, s, p, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_arc (cr, point_at (self, s, p)->x, point_at (self, s, p)->y,
                 v->warning ? 5 : forecast ? 2.5 : 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
snapshot_lines (SlLineChart *self,
                GtkSnapshot *snapshot)
{
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->n_points == 0 || self->n_series == 0)
    return;
  graphene_rect_inset_r (&self->frame.plot, -8, -8, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA color;

      sl_line_chart_get_series_color (self, s, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      stroke_series (self, cr, s);
      fill_points (self, cr, s);
    }
  cairo_destroy (cr);
}

void
sl_line_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SlLineChart *self = SL_LINE_CHART (widget);
  gboolean focused = gtk_widget_has_visible_focus (widget) && self->focus < self->n_points;

  if (self->points->len != (gsize)self->n_series * self->n_points)
    return;
  snapshot_bands (self, snapshot);
  sl_chart_frame_snapshot_axes (&self->frame, snapshot);
  if (focused)
    sl_chart_frame_snapshot_focus (&self->frame, snapshot, self->focus);
  snapshot_markers (self, snapshot);
  snapshot_lines (self, snapshot);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const graphene_point_t *p = &g_array_index (self->marks, graphene_point_t, i);

      sl_chart_frame_snapshot_dash (&self->frame, snapshot, p->x, p->y);
    }
  sl_chart_frame_snapshot_legend (&self->frame, snapshot);
  if (focused)
    sl_chart_frame_snapshot_callout (&self->frame, snapshot);
}

/* The marker under (@x, @y), or -1. */
static int
marker_at (SlLineChart *self,
           double       x,
           double       y)
{
  for (guint i = self->markers->len; i-- > 0;)
    {
      const Marker *marker = get_marker (self, i);
      graphene_point_t p = GRAPHENE_POINT_INIT (x, y);

      if (marker->layout != NULL && graphene_rect_contains_point (&marker->label_area, &p))
        return i;
      if (fabs (x - marker->line.origin.x) <= MARKER_HIT && y >= marker->line.origin.y - 4
          && y <= marker->line.origin.y + marker->line.size.height)
        return i;
    }
  return -1;
}

char *
sl_line_chart_dup_tooltip_at (SlLineChart *self,
                              double       x,
                              double       y)
{
  int m, p;

  g_return_val_if_fail (SL_IS_LINE_CHART (self), NULL);

  m = marker_at (self, x, y);
  if (m >= 0)
    {
      const Marker *marker = get_marker (self, m);

      if (marker->tooltip == NULL)
        return g_strdup (marker->label);
      return g_strdup_printf ("%s\n%s", marker->label, marker->tooltip);
    }
  p = sl_chart_frame_slot_at (&self->frame, x);
  return p >= 0 ? sl_line_chart_dup_point_text (self, p) : NULL;
}

gboolean
sl_line_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  SlLineChart *self = SL_LINE_CHART (widget);
  g_autofree char *text = NULL;
  int m = marker_at (self, x, y);
  int p = sl_chart_frame_slot_at (&self->frame, x);

  if (keyboard)
    text = self->focus < self->n_points ? sl_line_chart_dup_point_text (self, self->focus) : NULL;
  else
    text = sl_line_chart_dup_tooltip_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip when the pointer moves to another point or marker. */
  if (!keyboard && m >= 0)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 1, y - 1, 3, 3 });
  else if (!keyboard && p >= 0)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                (int)sl_chart_frame_slot_left (&self->frame, p, 0, self->frame.slot_width) + MARKER_HIT + 1,
                                0, MAX (1, (int)self->frame.slot_width - 2 * MARKER_HIT - 2),
                                gtk_widget_get_height (widget) });
  return TRUE;
}
