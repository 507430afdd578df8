/* sl-funnel-chart-draw.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-chart-palette.h"
#include "sl-chart-text.h"
#include "sl-funnel-chart-private.h"

#define BAR_MIN_HEIGHT 36
#define BAR_PADDING 6
#define BAR_RADIUS 6
#define STEP_MIN_HEIGHT 12
#define STEP_PADDING 6
#define MIN_BAR_WIDTH 4.0
#define TEXT_MARGIN 8
#define MIN_WIDTH 200
#define NATURAL_WIDTH 320
#define MAX_BAR_WIDTH 800.0    /* wider reads no better */

static int
line_height (SlFunnelChart *self)
{
  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  int height;

  sl_chart_text_size (probe, NULL, &height);
  return height;
}

static int
stage_height (const Stage *stage,
              int          line)
{
  return MAX (BAR_MIN_HEIGHT, (stage->detail != NULL ? 2 : 1) * line + 2 * BAR_PADDING);
}

static int
step_height (const Stage *stage,
             int          line)
{
  int lines = (stage->step != STEP_NONE ? 1 : 0) + (stage->leak != NULL ? 1 : 0);

  return lines > 0 ? lines * line + 2 * STEP_PADDING : STEP_MIN_HEIGHT;
}

int
sl_funnel_chart_measure_height (SlFunnelChart *self)
{
  int line = line_height (self), height = 0;

  for (guint i = 0; i < self->stages->len; i++)
    {
      const Stage *stage = sl_funnel_chart_stage (self, i);

      height += stage_height (stage, line);
      if (i + 1 < self->stages->len)
        height += step_height (stage, line);
    }
  return height;
}

/* The texts of a stage and of its step, as drawn; NULL where none. */
static void
dup_texts (SlFunnelChart *self,
           guint          i,
           char          *texts[4])
{
  const Stage *stage = sl_funnel_chart_stage (self, i);
  gboolean has_step = i + 1 < self->stages->len;

  /* Translators: a funnel stage and its volume, e.g. “Leads: 5,453” */
  texts[0] = g_strdup_printf (_("%s: %s"), stage->name, stage->volume_text);
  texts[1] = g_strdup (stage->detail);
  texts[2] = has_step ? sl_funnel_chart_dup_step_text (self, i) : NULL;
  /* Translators: a funnel step losing more than usual, and how, e.g. “Leaking: 41 % vs baseline 52 %” */
  texts[3] = has_step && stage->leak != NULL ? g_strdup_printf (_("Leaking: %s"), stage->leak) : NULL;
}

int
sl_funnel_chart_measure_width (SlFunnelChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->stages->len; i++)
    {
      char *texts[4];

      dup_texts (self, i, texts);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          int width;

          if (texts[t] == NULL)
            continue;
          layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), texts[t]);
          sl_chart_text_size (layout, &width, NULL);
          widest = MAX (widest, width);
          g_free (texts[t]);
        }
    }
  return MAX (NATURAL_WIDTH, widest + 2 * TEXT_MARGIN);
}

static PangoLayout *
make_layout (SlFunnelChart *self,
             char          *text,
             int            width)
{
  g_autofree char *owned = text;
  PangoLayout *layout;

  if (text == NULL)
    return NULL;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static double
max_volume (SlFunnelChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->stages->len; i++)
    max = MAX (max, sl_funnel_chart_stage (self, i)->volume);
  return max;
}

/* Texts and rectangles for @width: bars centred, so the funnel is its
 * own mirror right to left. */
void
sl_funnel_chart_layout (SlFunnelChart *self,
                        int            width)
{
  double max = max_volume (self), y = 0, plot = MIN (width, MAX_BAR_WIDTH);
  int line = line_height (self), text_width = MAX (1, width - 2 * TEXT_MARGIN);

  for (guint i = 0; i < self->stages->len; i++)
    {
      Stage *stage = sl_funnel_chart_stage (self, i);
      double bar = max > 0 ? MAX (MIN_BAR_WIDTH, plot * stage->volume / max) : MIN_BAR_WIDTH;
      int height = stage_height (stage, line);
      char *texts[4];

      sl_funnel_chart_stage_clear_layout (stage);
      dup_texts (self, i, texts);
      stage->title_layout = make_layout (self, texts[0], text_width);
      stage->detail_layout = make_layout (self, texts[1], text_width);
      stage->step_layout = make_layout (self, texts[2], text_width);
      stage->leak_layout = make_layout (self, texts[3], text_width);
      graphene_rect_init (&stage->bar, (float)((width - bar) / 2), (float)y, (float)bar, (float)height);
      y += height;
      height = i + 1 < self->stages->len ? step_height (stage, line) : 0;
      graphene_rect_init (&stage->step_area, 0, (float)y, (float)width, (float)height);
      y += height;
    }
  self->laid_out = TRUE;
}

static void
bar_color (gboolean  dark,
           GdkRGBA  *out)
{
  sl_chart_palette_series (0, dark, out);
  out->alpha = dark ? 0.45f : 0.35f;
}

void
sl_funnel_chart_step_color (SlFunnelChart *self,
                            const Stage   *stage,
                            GdkRGBA       *out)
{
  gboolean dark = sl_chart_palette_is_dark ();

  if (stage->leak != NULL)
    {
      sl_chart_palette_warning (dark, out);
      out->alpha = 0.4f;
      return;
    }
  bar_color (dark, out);
  out->alpha *= 0.4f;
}

/* The funnel's wall from one bar's bottom to the next one's top. */
static void
snapshot_connector (GtkSnapshot           *snapshot,
                    const graphene_rect_t *from,
                    const graphene_rect_t *to,
                    const graphene_rect_t *area,
                    const GdkRGBA         *color)
{
  cairo_t *cr;

  if (area->size.height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, area);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, from->origin.x, area->origin.y);
  cairo_line_to (cr, from->origin.x + from->size.width, area->origin.y);
  cairo_line_to (cr, to->origin.x + to->size.width, area->origin.y + area->size.height);
  cairo_line_to (cr, to->origin.x, area->origin.y + area->size.height);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
}

/* @layouts one under the other, centred in @area. */
static void
snapshot_lines (GtkSnapshot           *snapshot,
                const graphene_rect_t *area,
                PangoLayout           *first,
                const GdkRGBA         *first_color,
                PangoLayout           *second,
                const GdkRGBA         *second_color)
{
  int line = 0, lines = (first != NULL) + (second != NULL);
  graphene_rect_t box;

  if (first != NULL)
    sl_chart_text_size (first, NULL, &line);
  else if (second != NULL)
    sl_chart_text_size (second, NULL, &line);
  graphene_rect_init (&box, area->origin.x, area->origin.y + (area->size.height - lines * line) / 2,
                      area->size.width, line);
  if (first != NULL)
    {
      sl_chart_text_snapshot (snapshot, first, &box, 0.5, first_color);
      box.origin.y += line;
    }
  if (second != NULL)
    sl_chart_text_snapshot (snapshot, second, &box, 0.5, second_color);
}

static void
snapshot_focus (SlFunnelChart *self,
                GtkSnapshot   *snapshot)
{
  const Stage *stage = sl_funnel_chart_stage (self, self->focus / 2);
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA accent, colors[4];
  graphene_rect_t area = stage->bar;
  GskRoundedRect rounded;

  if (self->focus % 2 == 1)
    {
      int a = 0, b = 0;

      if (stage->step_layout != NULL)
        sl_chart_text_size (stage->step_layout, &a, NULL);
      if (stage->leak_layout != NULL)
        sl_chart_text_size (stage->leak_layout, &b, NULL);
      area = stage->step_area;
      graphene_rect_inset (&area, MAX (0, (area.size.width - MAX (a, b)) / 2 - TEXT_MARGIN), 1);
    }
  graphene_rect_inset (&area, -2, -2);
  sl_chart_palette_accent (GTK_WIDGET (self), &accent);
  colors[0] = colors[1] = colors[2] = colors[3] = accent;
  gsk_rounded_rect_init_from_rect (&rounded, &area, BAR_RADIUS + 2);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

void
sl_funnel_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SlFunnelChart *self = SL_FUNNEL_CHART (widget);
  GdkRGBA fg, dim, warning, fill, step_fill;
  int width = gtk_widget_get_width (widget);

  if (!self->laid_out)
    return;
  sl_chart_palette_text (widget, &fg);
  sl_chart_palette_dim_text (widget, &dim);
  sl_chart_text_color (widget, SL_CHART_TEXT_WARNING, &warning);
  bar_color (sl_chart_palette_is_dark (), &fill);

  for (guint i = 0; i < self->stages->len; i++)
    {
      const Stage *stage = sl_funnel_chart_stage (self, i);
      graphene_rect_t row = GRAPHENE_RECT_INIT (0, stage->bar.origin.y, width, stage->bar.size.height);
      GskRoundedRect rounded;

      if (i + 1 < self->stages->len)
        {
          sl_funnel_chart_step_color (self, stage, &step_fill);
          snapshot_connector (snapshot, &stage->bar, &sl_funnel_chart_stage (self, i + 1)->bar,
                              &stage->step_area, &step_fill);
          snapshot_lines (snapshot, &stage->step_area, stage->step_layout,
                          stage->leak != NULL ? &warning : &dim, stage->leak_layout, &warning);
        }
      gsk_rounded_rect_init_from_rect (&rounded, &stage->bar, MIN (BAR_RADIUS, stage->bar.size.width / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &fill, &stage->bar);
      gtk_snapshot_pop (snapshot);
      snapshot_lines (snapshot, &row, stage->title_layout, &fg, stage->detail_layout, &dim);
    }
  if (gtk_widget_has_visible_focus (widget) && self->focus >= 0
      && (guint)self->focus < 2 * self->stages->len - 1)
    snapshot_focus (self, snapshot);
}
