/* sl-export-pdf-charts.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review pack's two charts, drawn with cairo: spend beside revenue
 * for each channel, and the budget timeline (the plan against actual
 * and outlook spend, both summed from the first month). Amounts are in
 * the currency's major units; the value axis has rounded ticks
 * (sl-chart-axis.h) and mirrors with the page. */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sl-chart-axis.h"
#include "sl-export-pdf-private.h"

#define PLOT_HEIGHT  (SL_PDF_CHART_HEIGHT - 42.0)
#define LEGEND_SIZE  8.0
#define LABEL_SIZE   7.0
#define AXIS_WIDTH   64.0

typedef struct
{
  SlPdfColor  color;
  const char *label;
  gboolean    dashed;
} LegendItem;

typedef struct
{
  SlChartAxis axis;
  double      left;     /* the plot, in layout coordinates */
  double      right;
  double      top;
  double      bottom;
} Plot;

static double
major_units (gint64      minor,
             const char *currency)
{
  return (double)minor / pow (10.0, MAX (sl_currency_exponent (currency), 0));
}

static double
plot_y (const Plot *plot,
        double      value)
{
  return plot->bottom - sl_chart_axis_get_fraction (&plot->axis, value) * (plot->bottom - plot->top);
}

/* Swatches and labels in a row at pdf->y, then "Amounts in USD" at the
 * end of the line. */
static void
draw_legend (SlPdf            *pdf,
             const LegendItem *items,
             guint             n_items,
             const char       *currency)
{
  /* Translators: under a chart of the review pack; %s is a currency code */
  g_autofree char *unit = g_strdup_printf (_("Amounts in %s"), currency);
  g_autoptr(PangoLayout) unit_layout = sl_pdf_layout (pdf, unit, LEGEND_SIZE, FALSE, -1);
  double x = SL_PDF_MARGIN;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PangoLayout) layout = sl_pdf_layout (pdf, items[i].label, LEGEND_SIZE, FALSE, -1);
      double width = sl_pdf_layout_width (layout);

      if (!pdf->counting)
        {
          sl_pdf_set_color (pdf, items[i].color);
          sl_pdf_rectangle (pdf, x, pdf->y + 3, 14, items[i].dashed ? 2 : 6);
          cairo_fill (pdf->cr);
        }
      sl_pdf_show (pdf, layout, x + 18, pdf->y, width, SL_PDF_START, SL_PDF_TEXT);
      x += 18 + width + 16;
    }
  sl_pdf_show (pdf, unit_layout, SL_PDF_MARGIN, pdf->y, SL_PDF_WIDTH, SL_PDF_END, SL_PDF_DIM);
  pdf->y += 18;
}

static char *
format_tick (double value,
             double step)
{
  int digits = step >= 1 ? 0 : (int)ceil (-log10 (step));

  return sl_number_format (value, CLAMP (digits, 0, 6), NULL);
}

/* The grid lines and their values; the plot below pdf->y. */
static void
draw_axis (SlPdf *pdf,
           Plot  *plot)
{
  plot->left = SL_PDF_MARGIN + AXIS_WIDTH;
  plot->right = SL_PDF_MARGIN + SL_PDF_WIDTH;
  plot->top = pdf->y + 4;
  plot->bottom = plot->top + PLOT_HEIGHT;

  for (guint i = 0; i < plot->axis.n_ticks; i++)
    {
      double tick = sl_chart_axis_get_tick (&plot->axis, i);
      double y = plot_y (plot, tick);
      g_autofree char *text = format_tick (tick, sl_chart_axis_get_step (&plot->axis));
      g_autoptr(PangoLayout) layout = sl_pdf_layout (pdf, text, LABEL_SIZE, FALSE, -1);

      sl_pdf_show (pdf, layout, SL_PDF_MARGIN, y - sl_pdf_layout_height (layout) / 2,
                   AXIS_WIDTH - 6, SL_PDF_END, SL_PDF_DIM);
      if (pdf->counting)
        continue;
      sl_pdf_set_color (pdf, SL_PDF_RULE);
      cairo_set_line_width (pdf->cr, tick == 0 ? 0.9 : 0.4);
      cairo_move_to (pdf->cr, sl_pdf_x (pdf, plot->left), y);
      cairo_line_to (pdf->cr, sl_pdf_x (pdf, plot->right), y);
      cairo_stroke (pdf->cr);
    }
}

/* Labels under the plot, one per slot of @slot_width from plot->left. */
static void
draw_slot_labels (SlPdf       *pdf,
                  const Plot  *plot,
                  const char **labels,
                  guint        n_labels)
{
  double slot_width = (plot->right - plot->left) / MAX (n_labels, 1);

  for (guint i = 0; i < n_labels; i++)
    {
      g_autoptr(PangoLayout) layout = sl_pdf_layout (pdf, labels[i], LABEL_SIZE, FALSE, -1);

      sl_pdf_show (pdf, layout, plot->left + i * slot_width + 2, plot->bottom + 4,
                   slot_width - 4, SL_PDF_CENTER, SL_PDF_TEXT);
    }
}

void
sl_pdf_draw_channel_chart (SlPdf         *pdf,
                           SlExportTable *channels)
{
  const LegendItem legend[] = {
    { SL_PDF_BLUE, _("Spend"), FALSE },
    { SL_PDF_GREEN, _("Revenue"), FALSE },
  };
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double min = 0, max = 0, slot;
  Plot plot;

  for (guint r = 0; r < sl_export_table_get_n_rows (channels); r++)
    {
      SlMoney spend, revenue;

      if (sl_export_table_get_level (channels, r) > 0 ||
          !sl_export_cell_get_money (sl_export_table_get_cell (channels, r, SL_EXPORT_CHANNEL_SPEND), &spend) ||
          !sl_export_cell_get_money (sl_export_table_get_cell (channels, r, SL_EXPORT_CHANNEL_REVENUE), &revenue))
        continue;
      g_ptr_array_add (names, sl_export_table_get_cell (channels, r, SL_EXPORT_CHANNEL_NAME)->text);
      for (guint k = 0; k < 2; k++)
        {
          double v = major_units (k == 0 ? spend.minor : revenue.minor, channels->currency);

          g_array_append_val (values, v);
          min = MIN (min, v);
          max = MAX (max, v);
        }
    }
  if (names->len == 0)
    return;

  sl_pdf_ensure (pdf, SL_PDF_CHART_HEIGHT);
  draw_legend (pdf, legend, G_N_ELEMENTS (legend), channels->currency);
  sl_chart_axis_init (&plot.axis, min, max, 6, TRUE);
  draw_axis (pdf, &plot);
  slot = (plot.right - plot.left) / names->len;
  for (guint i = 0; i < names->len && !pdf->counting; i++)
    for (guint k = 0; k < 2; k++)
      {
        double v = g_array_index (values, double, 2 * i + k);
        double top = MIN (plot_y (&plot, v), plot_y (&plot, 0));
        double bar = MIN (slot * 0.32, 28);
        double x = plot.left + i * slot + slot / 2 - bar + k * bar;

        sl_pdf_set_color (pdf, legend[k].color);
        sl_pdf_rectangle (pdf, x + 0.5, top, bar - 1, fabs (plot_y (&plot, v) - plot_y (&plot, 0)));
        cairo_fill (pdf->cr);
      }
  draw_slot_labels (pdf, &plot, (const char **)names->pdata, names->len);
  pdf->y = plot.bottom + 24;
}

static void
draw_series (SlPdf      *pdf,
             const Plot *plot,
             GArray     *values,
             guint       solid_until,
             SlPdfColor  color)
{
  double slot = (plot->right - plot->left) / MAX (values->len, 1);

  if (pdf->counting)
    return;
  sl_pdf_set_color (pdf, color);
  cairo_set_line_width (pdf->cr, 1.6);
  for (guint i = 1; i < values->len; i++)
    {
      static const double dash[] = { 4.0, 3.0 };

      cairo_set_dash (pdf->cr, dash, i >= solid_until ? 2 : 0, 0);
      cairo_move_to (pdf->cr, sl_pdf_x (pdf, plot->left + (i - 0.5) * slot),
                     plot_y (plot, g_array_index (values, double, i - 1)));
      cairo_line_to (pdf->cr, sl_pdf_x (pdf, plot->left + (i + 0.5) * slot),
                     plot_y (plot, g_array_index (values, double, i)));
      cairo_stroke (pdf->cr);
    }
  cairo_set_dash (pdf->cr, NULL, 0, 0);
  for (guint i = 0; i < values->len; i++)
    {
      cairo_arc (pdf->cr, sl_pdf_x (pdf, plot->left + (i + 0.5) * slot),
                 plot_y (plot, g_array_index (values, double, i)), 2.2, 0, 2 * G_PI);
      cairo_fill (pdf->cr);
    }
}

void
sl_pdf_draw_timeline_chart (SlPdf      *pdf,
                            SlTimeline *timeline)
{
  const LegendItem legend[] = {
    /* Translators: a line of the budget timeline chart, summed from the first month */
    { SL_PDF_PURPLE, _("Plan, cumulative"), FALSE },
    /* Translators: a line of the budget timeline chart: actual spend, then the outlook (dashed) */
    { SL_PDF_BLUE, _("Actual, then outlook, cumulative"), FALSE },
  };
  const char *currency = sl_timeline_get_currency (timeline);
  guint n_months = sl_timeline_get_n_months (timeline);
  g_autoptr(GArray) plan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) outlook = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double max = 0;
  Plot plot;

  if (n_months == 0)
    return;
  for (guint m = 0; m < n_months; m++)
    {
      const SlTimelineCell *cell = sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m);
      double p = major_units (cell->cumulative_plan_minor, currency);
      double o = major_units (cell->cumulative_outlook_minor, currency);

      g_array_append_val (plan, p);
      g_array_append_val (outlook, o);
      max = MAX (max, MAX (p, o));
      g_ptr_array_add (labels, sl_period_format (&sl_timeline_get_month (timeline, m)->period, NULL));
    }

  sl_pdf_ensure (pdf, SL_PDF_CHART_HEIGHT);
  draw_legend (pdf, legend, G_N_ELEMENTS (legend), currency);
  sl_chart_axis_init (&plot.axis, 0, max, 6, TRUE);
  draw_axis (pdf, &plot);
  draw_series (pdf, &plot, plan, n_months, SL_PDF_PURPLE);
  draw_series (pdf, &plot, outlook, sl_timeline_get_n_actual_months (timeline), SL_PDF_BLUE);
  draw_slot_labels (pdf, &plot, (const char **)labels->pdata, labels->len);
  pdf->y = plot.bottom + 24;
}
