/* sl-chart-palette.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "sl-chart-palette.h"

/* The GNOME palette, shades 1 to 5, as 0xRRGGBB. */
static const guint32 palette[SL_CHART_N_HUES][5] = {
  [SL_CHART_HUE_BLUE]   = { 0x99c1f1, 0x62a0ea, 0x3584e4, 0x1c71d8, 0x1a5fb4 },
  [SL_CHART_HUE_GREEN]  = { 0x8ff0a4, 0x57e389, 0x33d17a, 0x2ec27e, 0x26a269 },
  [SL_CHART_HUE_YELLOW] = { 0xf9f06b, 0xf8e45c, 0xf6d32d, 0xf5c211, 0xe5a50a },
  [SL_CHART_HUE_ORANGE] = { 0xffbe6f, 0xffa348, 0xff7800, 0xe66100, 0xc64600 },
  [SL_CHART_HUE_RED]    = { 0xf66151, 0xed333b, 0xe01b24, 0xc01c28, 0xa51d2d },
  [SL_CHART_HUE_PURPLE] = { 0xdc8add, 0xc061cb, 0x9141ac, 0x813d9c, 0x613583 },
  [SL_CHART_HUE_BROWN]  = { 0xcdab8f, 0xb5835a, 0x986a44, 0x865e3c, 0x63452c },
  [SL_CHART_HUE_LIGHT]  = { 0xffffff, 0xf6f5f4, 0xdeddda, 0xc0bfbc, 0x9a9996 },
  [SL_CHART_HUE_DARK]   = { 0x77767b, 0x5e5c64, 0x3d3846, 0x241f31, 0x000000 },
};

typedef struct {
  SlChartHue hue;
  guint      light_shade;
  guint      dark_shade;
} Pick;

/* Neighbouring series differ in hue and lightness; blue and orange first,
 * which stay apart for most colour blindness. */
static const Pick series_picks[] = {
  { SL_CHART_HUE_BLUE, 3, 2 },
  { SL_CHART_HUE_ORANGE, 3, 2 },
  { SL_CHART_HUE_PURPLE, 3, 1 },
  { SL_CHART_HUE_GREEN, 5, 3 },
  { SL_CHART_HUE_YELLOW, 5, 3 },
  { SL_CHART_HUE_BROWN, 3, 1 },
  { SL_CHART_HUE_RED, 3, 1 },
};

static void
rgba_from_hex (guint32  hex,
               GdkRGBA *out)
{
  out->red = ((hex >> 16) & 0xff) / 255.0f;
  out->green = ((hex >> 8) & 0xff) / 255.0f;
  out->blue = (hex & 0xff) / 255.0f;
  out->alpha = 1;
}

gboolean
sl_chart_palette_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

void
sl_chart_palette_color (SlChartHue  hue,
                        guint       shade,
                        GdkRGBA    *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (hue < SL_CHART_N_HUES);
  g_return_if_fail (shade >= 1 && shade <= 5);

  rgba_from_hex (palette[hue][shade - 1], out);
}

void
sl_chart_palette_series (guint     index,
                         gboolean  dark,
                         GdkRGBA  *out)
{
  const Pick *pick = &series_picks[index % G_N_ELEMENTS (series_picks)];
  gboolean second_round = (index / G_N_ELEMENTS (series_picks)) % 2 == 1;

  /* After all hues, the other variant's shades, so series stay distinct. */
  if (second_round)
    dark = !dark;
  sl_chart_palette_color (pick->hue, dark ? pick->dark_shade : pick->light_shade, out);
}

/* libadwaita's success, error and warning backgrounds. */
void
sl_chart_palette_positive (gboolean  dark,
                           GdkRGBA  *out)
{
  sl_chart_palette_color (SL_CHART_HUE_GREEN, dark ? 5 : 4, out);
}

void
sl_chart_palette_negative (gboolean  dark,
                           GdkRGBA  *out)
{
  sl_chart_palette_color (SL_CHART_HUE_RED, dark ? 4 : 3, out);
}

void
sl_chart_palette_warning (gboolean  dark,
                          GdkRGBA  *out)
{
  sl_chart_palette_color (SL_CHART_HUE_ORANGE, dark ? 2 : 4, out);
}

void
sl_chart_palette_neutral (gboolean  dark,
                          GdkRGBA  *out)
{
  sl_chart_palette_color (dark ? SL_CHART_HUE_DARK : SL_CHART_HUE_LIGHT, dark ? 2 : 3, out);
}

void
sl_chart_palette_diverging (double    t,
                            gboolean  dark,
                            GdkRGBA  *out)
{
  GdkRGBA from, to;
  float f;

  g_return_if_fail (out != NULL);

  if (isnan (t))
    t = 0;
  t = CLAMP (t, -1.0, 1.0);
  sl_chart_palette_neutral (dark, &from);
  if (t >= 0)
    sl_chart_palette_positive (dark, &to);
  else
    sl_chart_palette_negative (dark, &to);
  f = (float) fabs (t);
  out->red = from.red + (to.red - from.red) * f;
  out->green = from.green + (to.green - from.green) * f;
  out->blue = from.blue + (to.blue - from.blue) * f;
  out->alpha = 1;
}

void
sl_chart_palette_text_on (const GdkRGBA *background,
                          GdkRGBA       *out)
{
  double luminance;

  g_return_if_fail (background != NULL && out != NULL);

  luminance = 0.2126 * background->red + 0.7152 * background->green + 0.0722 * background->blue;
  if (luminance > 0.55)
    *out = (GdkRGBA) { 0, 0, 0, 0.8f };
  else
    *out = (GdkRGBA) { 1, 1, 1, 1 };
}

void
sl_chart_palette_text (GtkWidget *widget,
                       GdkRGBA   *out)
{
  g_return_if_fail (GTK_IS_WIDGET (widget) && out != NULL);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out);
}

void
sl_chart_palette_dim_text (GtkWidget *widget,
                           GdkRGBA   *out)
{
  sl_chart_palette_text (widget, out);
  out->alpha *= 0.65f;
}

void
sl_chart_palette_grid (GtkWidget *widget,
                       GdkRGBA   *out)
{
  sl_chart_palette_text (widget, out);
  out->alpha *= 0.12f;
}

void
sl_chart_palette_axis (GtkWidget *widget,
                       GdkRGBA   *out)
{
  sl_chart_palette_text (widget, out);
  out->alpha *= 0.5f;
}

void
sl_chart_palette_accent (GtkWidget *widget,
                         GdkRGBA   *out)
{
  g_return_if_fail (GTK_IS_WIDGET (widget) && out != NULL);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", out))
    sl_chart_palette_color (SL_CHART_HUE_BLUE, sl_chart_palette_is_dark () ? 2 : 3, out);
}
