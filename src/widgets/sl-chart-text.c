/* sl-chart-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-chart-palette.h"
#include "sl-chart-text.h"

void
sl_chart_text_snapshot (GtkSnapshot           *snapshot,
                        PangoLayout           *layout,
                        const graphene_rect_t *area,
                        double                 xalign,
                        const GdkRGBA         *color)
{
  PangoRectangle logical;
  double x, y;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = area->origin.x + (area->size.width - logical.width) * xalign - logical.x;
  y = area->origin.y + (area->size.height - logical.height) / 2.0 - logical.y;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float)x, (float)y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

void
sl_chart_text_size (PangoLayout *layout,
                    int         *width,
                    int         *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

void
sl_chart_text_color (GtkWidget       *widget,
                     SlChartTextTone  tone,
                     GdkRGBA         *out)
{
  static const char *const names[] = { "success_color", "warning_color", "error_color" };
  gboolean dark = sl_chart_palette_is_dark ();

  g_return_if_fail (GTK_IS_WIDGET (widget) && out != NULL);
  g_return_if_fail (tone <= SL_CHART_TEXT_ERROR);

  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), names[tone], out))
    return;
  switch (tone)
    {
    case SL_CHART_TEXT_SUCCESS:
      sl_chart_palette_color (SL_CHART_HUE_GREEN, dark ? 1 : 5, out);
      break;
    case SL_CHART_TEXT_WARNING:
      sl_chart_palette_color (dark ? SL_CHART_HUE_YELLOW : SL_CHART_HUE_ORANGE, dark ? 2 : 5, out);
      break;
    case SL_CHART_TEXT_ERROR:
    default:
      sl_chart_palette_color (SL_CHART_HUE_RED, dark ? 1 : 4, out);
      break;
    }
}
