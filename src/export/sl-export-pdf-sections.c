/* sl-export-pdf-sections.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the review pack says, in order: the key figures, the channels
 * (a table and a chart), the budget timeline (a chart and its months),
 * and then the conversation with finance (sl-export-pdf-notes.c). */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-export-pdf-private.h"
#include "sl-overview.h"

#define CARDS_PER_ROW 4
#define CARD_HEIGHT   60.0
#define CARD_GAP      10.0

struct _SlPdfData
{
  SlOverview    *overview;
  SlExportTable *channels;
  SlExportTable *months;
  SlPdfNotes    *notes;
};

void
sl_pdf_data_free (SlPdfData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->overview, sl_overview_unref);
  g_clear_pointer (&data->channels, sl_export_table_free);
  g_clear_pointer (&data->months, sl_export_table_free);
  g_clear_pointer (&data->notes, sl_pdf_notes_free);
  g_free (data);
}

SlPdfData *
sl_pdf_data_gather (SlExportJob  *job,
                    GError      **error)
{
  g_autoptr(SlPdfData) data = g_new0 (SlPdfData, 1);
  SlAttributionModel model = job->options.model;
  SlScope scope = SL_SCOPE_INIT_WORKSPACE;

  if (!sl_export_job_begin_step (job, 0.15, _("Computing the key figures…"), error))
    return NULL;
  data->overview = sl_overview_compute (job->metrics, &job->options.period, &scope,
                                        job->options.attributed ? &model : NULL, NULL, error);
  if (data->overview == NULL ||
      !sl_export_job_begin_step (job, 0.25, _("Computing the channel figures…"), error) ||
      (data->channels = sl_export_table_build (job, SL_EXPORT_TABLE_CHANNELS, error)) == NULL ||
      !sl_export_job_begin_step (job, 0.35, _("Computing the budget timeline…"), error) ||
      (data->months = sl_export_table_build (job, SL_EXPORT_TABLE_MONTHS, error)) == NULL)
    return NULL;
  data->notes = sl_pdf_notes_gather (job, error);
  if (data->notes == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

/* The title */

static void
draw_title (SlPdf *pdf)
{
  SlExportJob *job = pdf->job;
  g_autofree char *subtitle = NULL;
  g_autofree char *credit = NULL;

  sl_pdf_ensure (pdf, 80);
  sl_pdf_paragraph (pdf, sl_workspace_get_name (job->workspace), 22, TRUE, SL_PDF_TEXT, 0);
  /* Translators: under the title of the review pack; %s is the period, e.g. “March 2025” */
  subtitle = g_strdup_printf (_("Budget review, %s"), pdf->period);
  sl_pdf_paragraph (pdf, subtitle, 13, FALSE, SL_PDF_TEXT, 0);
  if (job->options.attributed)
    /* Translators: %s is an attribution model, e.g. “Linear” */
    credit = g_strdup_printf (_("Revenue is credited to channels under the %s model."),
                              sl_attribution_model_get_label (job->options.model));
  else
    credit = g_strdup (_("Revenue is credited to the channel each deal came from."));
  sl_pdf_paragraph (pdf, credit, 8.5, FALSE, SL_PDF_DIM, 0);
  pdf->y += 6;
}

/* Key figures */

static SlPdfColor
change_color (SlKpiChange verdict)
{
  switch (verdict)
    {
    case SL_KPI_CHANGE_GOOD:
      return SL_PDF_GREEN;
    case SL_KPI_CHANGE_BAD:
      return SL_PDF_RED;
    case SL_KPI_CHANGE_NONE:
    case SL_KPI_CHANGE_FLAT:
    default:
      return SL_PDF_DIM;
    }
}

/* The change from the period before: relative when it can be, else the
 * difference (from nothing to something). */
static char *
describe_change (const SlKpiSummary *kpi,
                 SlOverview         *overview)
{
  g_autofree char *previous = sl_period_format (sl_overview_get_previous_period (overview), NULL);
  const SlMetricValue *change = sl_metric_value_is_defined (&kpi->change) ? &kpi->change : &kpi->delta;
  g_autofree char *text = NULL;

  if (!sl_metric_value_is_defined (change))
    /* Translators: a KPI of the review pack has nothing to compare with; %s is the period before */
    return g_strdup_printf (_("No figure for %s to compare with"), previous);
  text = sl_metric_value_format (change, NULL);
  /* Translators: a KPI's change from the period before, e.g. “+12.5 % vs February 2025” */
  return g_strdup_printf (change->num > 0 ? _("+%s vs %s") : _("%s vs %s"), text, previous);
}

static void
draw_card (SlPdf              *pdf,
           const SlKpiSummary *kpi,
           SlOverview         *overview,
           double              x,
           double              width)
{
  g_autofree char *value = sl_metric_value_format (&kpi->value, NULL);
  g_autofree char *change = describe_change (kpi, overview);
  g_autoptr(PangoLayout) label_layout = sl_pdf_layout (pdf, sl_kpi_summary_get_label (kpi), 8, FALSE, -1);
  g_autoptr(PangoLayout) value_layout = sl_pdf_layout (pdf, value, 15, TRUE, -1);
  g_autoptr(PangoLayout) change_layout = sl_pdf_layout (pdf, change, 7.5, FALSE, -1);

  if (!pdf->counting)
    {
      sl_pdf_set_color (pdf, SL_PDF_SHADE);
      sl_pdf_rectangle (pdf, x, pdf->y, width, CARD_HEIGHT);
      cairo_fill (pdf->cr);
    }
  sl_pdf_show (pdf, label_layout, x + 8, pdf->y + 6, width - 16, SL_PDF_START, SL_PDF_DIM);
  sl_pdf_show (pdf, value_layout, x + 8, pdf->y + 19, width - 16, SL_PDF_START, SL_PDF_TEXT);
  sl_pdf_show (pdf, change_layout, x + 8, pdf->y + 42, width - 16, SL_PDF_START, change_color (kpi->verdict));
}

static void
draw_key_figures (SlPdf      *pdf,
                  SlOverview *overview)
{
  guint n = sl_overview_get_n_kpis (overview);
  double width = (SL_PDF_WIDTH - (CARDS_PER_ROW - 1) * CARD_GAP) / CARDS_PER_ROW;

  sl_pdf_heading (pdf, _("Key figures"), CARD_HEIGHT);
  if (n == 0)
    {
      sl_pdf_paragraph (pdf, _("No key figures are chosen for the Overview: choose them in Preferences."),
                        9, FALSE, SL_PDF_DIM, 0);
      return;
    }
  for (guint i = 0; i < n && sl_pdf_ok (pdf); i++)
    {
      guint column = i % CARDS_PER_ROW;

      if (column == 0)
        sl_pdf_ensure (pdf, CARD_HEIGHT);
      draw_card (pdf, sl_overview_get_kpi (overview, i), overview,
                 SL_PDF_MARGIN + column * (width + CARD_GAP), width);
      if (column == CARDS_PER_ROW - 1 || i + 1 == n)
        pdf->y += CARD_HEIGHT + CARD_GAP;
    }
}

/* Channels and the timeline */

static void
draw_channels (SlPdf         *pdf,
               SlExportTable *channels)
{
  static const guint shown[] = {
    SL_EXPORT_CHANNEL_NAME, SL_EXPORT_CHANNEL_SPEND, SL_EXPORT_CHANNEL_LEADS,
    SL_EXPORT_CHANNEL_CPL, SL_EXPORT_CHANNEL_CUSTOMERS, SL_EXPORT_CHANNEL_CAC,
    SL_EXPORT_CHANNEL_REVENUE, SL_EXPORT_CHANNEL_ROI, SL_EXPORT_CHANNEL_CLV_CAC,
  };
  g_autoptr(SlPdfTable) table = sl_pdf_table_new_from_export (channels, shown, G_N_ELEMENTS (shown), FALSE);

  sl_pdf_heading (pdf, _("Channels"), 40);
  sl_pdf_table_draw (table, pdf);
  sl_pdf_heading (pdf, _("Spend and revenue by channel"), SL_PDF_CHART_HEIGHT);
  sl_pdf_draw_channel_chart (pdf, channels);
}

static void
draw_timeline (SlPdf         *pdf,
               SlExportTable *months)
{
  static const guint shown[] = { 0, 3, 4, 5, 6, 7, 8, 9 };
  g_autoptr(SlPdfTable) table = sl_pdf_table_new_from_export (months, shown, G_N_ELEMENTS (shown), TRUE);
  g_autofree char *year = sl_period_format (&pdf->job->year, NULL);
  /* Translators: a section of the review pack; %s is a fiscal year, e.g. “FY2025” */
  g_autofree char *title = g_strdup_printf (_("Budget timeline, %s"), year);
  SlTimeline *timeline = sl_export_job_get_timeline (pdf->job, &pdf->error);

  if (timeline == NULL)
    return;
  sl_pdf_heading (pdf, title, SL_PDF_CHART_HEIGHT);
  sl_pdf_draw_timeline_chart (pdf, timeline);
  sl_pdf_table_draw (table, pdf);
}

void
sl_pdf_draw_sections (SlPdf     *pdf,
                      SlPdfData *data)
{
  draw_title (pdf);
  draw_key_figures (pdf, data->overview);
  if (sl_pdf_ok (pdf))
    draw_channels (pdf, data->channels);
  if (sl_pdf_ok (pdf))
    draw_timeline (pdf, data->months);
  if (sl_pdf_ok (pdf))
    sl_pdf_draw_notes (pdf, data->notes);
}
