/* sl-bar-chart-draw.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The bar chart's geometry (on allocation), painting and texts. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sl-bar-chart-private.h"
#include "sl-chart-palette.h"

/* The range the axis covers: each bar or each stack's positive and
 * negative sums, and the references. */
static void
value_range (SlBarChart *self,
             double     *min,
             double     *max)
{
  *min = *max = 0;
  for (guint c = 0; c < self->n_categories; c++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          const Value *v = sl_bar_chart_value_at (self, s, c);

          if (!v->defined)
            continue;
          if (self->stacked)
            *(v->value >= 0 ? &up : &down) += v->value;
          else
            {
              up = MAX (up, v->value);
              down = MIN (down, v->value);
            }
        }
      if (self->references[c].defined)
        {
          up = MAX (up, self->references[c].value);
          down = MIN (down, self->references[c].value);
        }
      *max = MAX (*max, up);
      *min = MIN (*min, down);
    }
}

static void
bar_rect (SlBarChart      *self,
          guint            s,
          guint            c,
          graphene_rect_t *out)
{
  SlChartFrame *frame = &self->frame;
  double slot = frame->slot_width, width, base = 0, top;
  const Value *v = sl_bar_chart_value_at (self, s, c);

  if (self->stacked)
    {
      /* On the bars before it of the same sign. */
      for (guint below = 0; below < s; below++)
        {
          const Value *b = sl_bar_chart_value_at (self, below, c);

          if (b->defined && (b->value >= 0) == (v->value >= 0))
            base += b->value;
        }
      width = slot * 0.6;
      top = base + v->value;
      out->origin.x = sl_chart_frame_slot_left (frame, c, (slot - width) / 2, width);
    }
  else
    {
      width = slot * 0.76 / self->n_series;
      top = v->value;
      out->origin.x = sl_chart_frame_slot_left (frame, c, slot * 0.12 + s * width, width);
    }
  out->origin.y = MIN (sl_chart_frame_y (frame, base), sl_chart_frame_y (frame, top));
  out->size.width = width;
  out->size.height = fabs (sl_chart_frame_y (frame, top) - sl_chart_frame_y (frame, base));
}

/* Where "—" goes for undefined values: above the zero line, in the
 * bar's place; stacked, once for a category with no value at all. */
static void
compute_marks (SlBarChart *self)
{
  double zero = sl_chart_frame_y (&self->frame, 0) - 10;

  g_array_set_size (self->marks, 0);
  for (guint c = 0; c < self->n_categories; c++)
    {
      guint n_undefined = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          graphene_point_t p;
          double width = self->frame.slot_width * 0.76 / self->n_series;

          if (sl_bar_chart_value_at (self, s, c)->defined)
            continue;
          n_undefined++;
          if (self->stacked)
            continue;
          p.x = sl_chart_frame_slot_left (&self->frame, c, self->frame.slot_width * 0.12 + s * width, width) + width / 2;
          p.y = zero;
          g_array_append_val (self->marks, p);
        }
      if (self->stacked && n_undefined == self->n_series && n_undefined > 0)
        g_array_append_val (self->marks, GRAPHENE_POINT_INIT (sl_chart_frame_x (&self->frame, c + 0.5), zero));
    }
}

char *
sl_bar_chart_dup_category_text (SlBarChart *self,
                                guint       category)
{
  GString *text;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (category < self->n_categories, NULL);

  text = g_string_new (self->categories->pdata[category]);
  for (guint s = 0; s < self->n_series; s++)
    {
      const Value *v = sl_bar_chart_value_at (self, s, category);

      g_string_append_c (text, '\n');
      if (v->defined)
        /* Translators: a chart's series (e.g. a channel) and its value */
        g_string_append_printf (text, _("%s: %s"), (char *)self->series_names->pdata[s], v->text);
      else
        /* Translators: a chart's series (e.g. a channel) that has no value, and why */
        g_string_append_printf (text, _("%s: — (%s)"), (char *)self->series_names->pdata[s], v->text);
    }
  if (self->references[category].defined)
    {
      g_string_append_c (text, '\n');
      /* Translators: a chart's reference (e.g. "Budget") and its value */
      g_string_append_printf (text, _("%s: %s"), self->reference_name, self->references[category].text);
    }
  return g_string_free (text, FALSE);
}

/* The top of the focused category's bars, for its callout. */
static double
category_top (SlBarChart *self,
              guint       c)
{
  double top = sl_chart_frame_y (&self->frame, 0);

  for (guint s = 0; s < self->n_series; s++)
    {
      const graphene_rect_t *bar = &g_array_index (self->bars, graphene_rect_t, s * self->n_categories + c);

      if (sl_bar_chart_value_at (self, s, c)->defined)
        top = MIN (top, bar->origin.y);
    }
  if (self->references[c].defined)
    top = MIN (top, sl_chart_frame_y (&self->frame, self->references[c].value));
  return top;
}

void
sl_bar_chart_update_callout (SlBarChart *self)
{
  g_autofree char *text = NULL;

  if (self->focus >= self->n_categories || self->bars->len == 0)
    {
      sl_chart_frame_set_callout (&self->frame, NULL, 0, 0);
      return;
    }
  text = sl_bar_chart_dup_category_text (self, self->focus);
  sl_chart_frame_set_callout (&self->frame, text, self->focus, category_top (self, self->focus));
}

static void
update_summary (SlBarChart *self)
{
  GString *summary = g_string_new (NULL);

  for (guint s = 0; s < self->n_series; s++)
    {
      const Value *high = NULL, *low = NULL;
      guint high_c = 0, low_c = 0;

      for (guint c = 0; c < self->n_categories; c++)
        {
          const Value *v = sl_bar_chart_value_at (self, s, c);

          if (v->defined && (high == NULL || v->value > high->value))
            high = v, high_c = c;
          if (v->defined && (low == NULL || v->value < low->value))
            low = v, low_c = c;
        }
      sl_chart_frame_append_summary (summary, self->series_names->pdata[s],
                                     high != NULL ? high->text : NULL, high != NULL ? self->categories->pdata[high_c] : NULL,
                                     low != NULL ? low->text : NULL, low != NULL ? self->categories->pdata[low_c] : NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary->str, -1);
  g_string_free (summary, TRUE);
  self->summary_dirty = FALSE;
}

void
sl_bar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  gboolean any_reference = FALSE;
  double min, max;

  sl_chart_frame_clear_keys (&self->frame);
  for (guint s = 0; s < self->n_series; s++)
    sl_chart_frame_add_key (&self->frame, self->series_names->pdata[s], s, SL_CHART_KEY_BOX);
  for (guint c = 0; c < self->n_categories; c++)
    any_reference |= self->references[c].defined;
  if (any_reference)
    sl_chart_frame_add_key (&self->frame, self->reference_name, SL_CHART_KEY_TEXT_COLOR, SL_CHART_KEY_LINE);
  value_range (self, &min, &max);
  sl_chart_frame_allocate (&self->frame, width, height, min, max, TRUE, self->format, self->format_data,
                           (const char *const *)self->categories->pdata, self->n_categories);
  g_array_set_size (self->bars, (gsize)self->n_series * self->n_categories);
  for (guint s = 0; s < self->n_series; s++)
    for (guint c = 0; c < self->n_categories; c++)
      if (sl_bar_chart_value_at (self, s, c)->defined)
        bar_rect (self, s, c, &g_array_index (self->bars, graphene_rect_t, s * self->n_categories + c));
  compute_marks (self);
  sl_bar_chart_update_callout (self);
  if (self->summary_dirty)
    update_summary (self);
}

gboolean
sl_bar_chart_get_bar_area (SlBarChart      *self,
                           guint            series,
                           guint            category,
                           graphene_rect_t *out)
{
  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (series >= self->n_series || category >= self->n_categories
      || self->bars->len != (gsize)self->n_series * self->n_categories
      || !sl_bar_chart_value_at (self, series, category)->defined)
    return FALSE;
  *out = g_array_index (self->bars, graphene_rect_t, series * self->n_categories + category);
  return TRUE;
}

gboolean
sl_bar_chart_get_reference_area (SlBarChart      *self,
                                 guint            category,
                                 graphene_rect_t *out)
{
  double width;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (category >= self->n_categories || !self->references[category].defined)
    return FALSE;
  width = self->frame.slot_width * 0.9;
  graphene_rect_init (out, sl_chart_frame_slot_left (&self->frame, category, self->frame.slot_width * 0.05, width),
                      round (sl_chart_frame_y (&self->frame, self->references[category].value)) - 1, width, 2);
  return TRUE;
}

static void
snapshot_bars (SlBarChart  *self,
               GtkSnapshot *snapshot)
{
  gboolean dark = sl_chart_palette_is_dark ();

  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA color;

      sl_chart_palette_series (s, dark, &color);
      for (guint c = 0; c < self->n_categories; c++)
        {
          graphene_rect_t bar = g_array_index (self->bars, graphene_rect_t, s * self->n_categories + c);

          if (!sl_bar_chart_value_at (self, s, c)->defined)
            continue;
          /* A hairline between stacked bars. */
          if (self->stacked && bar.size.height > 3)
            {
              if (sl_bar_chart_value_at (self, s, c)->value >= 0)
                bar.origin.y += 1;
              bar.size.height -= 1;
            }
          gtk_snapshot_append_color (snapshot, &color, &bar);
        }
    }
}

void
sl_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  GdkRGBA fg;
  gboolean focused = gtk_widget_has_visible_focus (widget) && self->focus < self->n_categories;

  if (self->bars->len != (gsize)self->n_series * self->n_categories)
    return;
  sl_chart_frame_snapshot_axes (&self->frame, snapshot);
  if (focused)
    sl_chart_frame_snapshot_focus (&self->frame, snapshot, self->focus);
  snapshot_bars (self, snapshot);
  sl_chart_palette_text (widget, &fg);
  for (guint c = 0; c < self->n_categories; c++)
    {
      graphene_rect_t line;

      if (sl_bar_chart_get_reference_area (self, c, &line))
        gtk_snapshot_append_color (snapshot, &fg, &line);
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      const graphene_point_t *p = &g_array_index (self->marks, graphene_point_t, i);

      sl_chart_frame_snapshot_dash (&self->frame, snapshot, p->x, p->y);
    }
  sl_chart_frame_snapshot_legend (&self->frame, snapshot);
  /* The callout last, over the bars. */
  if (focused)
    sl_chart_frame_snapshot_callout (&self->frame, snapshot);
}

char *
sl_bar_chart_dup_tooltip (SlBarChart *self,
                          guint       series,
                          guint       category)
{
  const Value *v;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (series < self->n_series && category < self->n_categories, NULL);

  v = sl_bar_chart_value_at (self, series, category);
  if (!v->defined)
    /* Translators: a category (e.g. a month), a series (e.g. a channel), and why it has no value */
    return g_strdup_printf (_("%s, %s: — (%s)"), (char *)self->categories->pdata[category],
                            (char *)self->series_names->pdata[series], v->text);
  /* Translators: a category (e.g. a month), a series (e.g. a channel), and its value */
  return g_strdup_printf (_("%s, %s: %s"), (char *)self->categories->pdata[category],
                          (char *)self->series_names->pdata[series], v->text);
}

char *
sl_bar_chart_dup_tooltip_at (SlBarChart *self,
                             double      x,
                             double      y)
{
  int c;

  g_return_val_if_fail (SL_IS_BAR_CHART (self), NULL);

  c = sl_chart_frame_slot_at (&self->frame, x);
  if (c < 0 || (guint)c >= self->n_categories || y < self->frame.plot.origin.y)
    return NULL;
  return sl_bar_chart_dup_category_text (self, c);
}

gboolean
sl_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  SlBarChart *self = SL_BAR_CHART (widget);
  int c = keyboard ? (int)self->focus : sl_chart_frame_slot_at (&self->frame, x);
  g_autofree char *text = NULL;
  const graphene_rect_t *plot = &self->frame.plot;

  if (c < 0 || (guint)c >= self->n_categories)
    return FALSE;
  text = keyboard ? sl_bar_chart_dup_category_text (self, c) : sl_bar_chart_dup_tooltip_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip when the pointer moves to another category. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int)sl_chart_frame_slot_left (&self->frame, c, 0, self->frame.slot_width),
                              (int)plot->origin.y, (int)ceil (self->frame.slot_width),
                              gtk_widget_get_height (widget) - (int)plot->origin.y });
  return TRUE;
}
