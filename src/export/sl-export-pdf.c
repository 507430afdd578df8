/* sl-export-pdf.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review pack as a PDF, drawn with cairo, every text through Pango
 * (so Thai, Persian and Chinese are shaped and fall back to fonts that
 * have them): its pages, their header (the workspace and the period)
 * and footer (the page number), and the text helpers the sections use. */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sl-export-pdf-private.h"

#define FONT_FAMILY "Sans"

static const double palette[][3] = {
  [SL_PDF_TEXT]   = { 0x24 / 255.0, 0x1f / 255.0, 0x31 / 255.0 },
  [SL_PDF_DIM]    = { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0 },
  [SL_PDF_RULE]   = { 0xc0 / 255.0, 0xbf / 255.0, 0xbc / 255.0 },
  [SL_PDF_SHADE]  = { 0xf6 / 255.0, 0xf5 / 255.0, 0xf4 / 255.0 },
  [SL_PDF_BLUE]   = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 },
  [SL_PDF_GREEN]  = { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0 },
  [SL_PDF_RED]    = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 },
  [SL_PDF_ORANGE] = { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0 },
  [SL_PDF_PURPLE] = { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0 },
};

gboolean
sl_pdf_ok (SlPdf *pdf)
{
  return pdf->error == NULL;
}

void
sl_pdf_set_color (SlPdf      *pdf,
                  SlPdfColor  color)
{
  cairo_set_source_rgb (pdf->cr, palette[color][0], palette[color][1], palette[color][2]);
}

double
sl_pdf_x (SlPdf  *pdf,
          double  x)
{
  return pdf->job->options.rtl ? SL_PDF_PAGE_WIDTH - x : x;
}

void
sl_pdf_rectangle (SlPdf  *pdf,
                  double  x,
                  double  y,
                  double  width,
                  double  height)
{
  cairo_rectangle (pdf->cr, pdf->job->options.rtl ? SL_PDF_PAGE_WIDTH - x - width : x, y, width, height);
}

/* Text */

/* Aligns a wrapped or shortened @layout at the page's start side. Pango
 * swaps left and right for a paragraph written the other way than the
 * page (English in a Persian pack): undo that, so that every paragraph
 * starts at the same side. */
static void
align_to_start (SlPdf       *pdf,
                PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  gboolean rtl = pdf->job->options.rtl;
  gboolean line_rtl = line != NULL && pango_layout_line_get_resolved_direction (line) == PANGO_DIRECTION_RTL;

  if (rtl == line_rtl)
    pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  else
    pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
}

char *
sl_pdf_in_page_direction (SlPdf      *pdf,
                          const char *text)
{
  /* RIGHT-TO-LEFT MARK or LEFT-TO-RIGHT MARK first. */
  return g_strconcat (pdf->job->options.rtl ? "\xE2\x80\x8F" : "\xE2\x80\x8E", text, NULL);
}

PangoLayout *
sl_pdf_layout (SlPdf      *pdf,
               const char *text,
               double      size,
               gboolean    bold,
               double      width)
{
  PangoLayout *layout = pango_layout_new (pdf->pango);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      align_to_start (pdf, layout);
    }
  return layout;
}

double
sl_pdf_layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return pango_units_to_double (height);
}

double
sl_pdf_layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return pango_units_to_double (width);
}

void
sl_pdf_show (SlPdf       *pdf,
             PangoLayout *layout,
             double       x,
             double       y,
             double       width,
             SlPdfAlign   align,
             SlPdfColor   color)
{
  double text_width;

  if (pdf->counting || !sl_pdf_ok (pdf))
    return;

  if (pango_layout_get_width (layout) > 0)
    {
      /* Wrapped: the layout aligns its lines within the box. */
      text_width = width;
    }
  else
    {
      text_width = sl_pdf_layout_width (layout);
      if (text_width > width)
        {
          pango_layout_set_width (layout, pango_units_from_double (width));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          align_to_start (pdf, layout);
          text_width = width;
        }
    }
  if (align == SL_PDF_END)
    x += width - text_width;
  else if (align == SL_PDF_CENTER)
    x += (width - text_width) / 2;

  sl_pdf_set_color (pdf, color);
  cairo_move_to (pdf->cr, pdf->job->options.rtl ? SL_PDF_PAGE_WIDTH - x - text_width : x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* Pages */

static void
draw_page_frame (SlPdf *pdf)
{
  g_autoptr(PangoLayout) name = sl_pdf_layout (pdf, sl_workspace_get_name (pdf->job->workspace), 10, TRUE, -1);
  g_autoptr(PangoLayout) period = sl_pdf_layout (pdf, pdf->period, 10, FALSE, -1);
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  double period_width = MIN (sl_pdf_layout_width (period), SL_PDF_WIDTH / 2);

  sl_pdf_show (pdf, name, SL_PDF_MARGIN, 26, SL_PDF_WIDTH - period_width - 12, SL_PDF_START, SL_PDF_TEXT);
  sl_pdf_show (pdf, period, SL_PDF_MARGIN, 26, SL_PDF_WIDTH, SL_PDF_END, SL_PDF_DIM);
  if (!pdf->counting)
    {
      sl_pdf_set_color (pdf, SL_PDF_RULE);
      cairo_set_line_width (pdf->cr, 0.75);
      cairo_move_to (pdf->cr, SL_PDF_MARGIN, 48);
      cairo_line_to (pdf->cr, SL_PDF_PAGE_WIDTH - SL_PDF_MARGIN, 48);
      cairo_stroke (pdf->cr);
    }

  /* Translators: the footer of each page of the review pack */
  number = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->n_pages);
  footer = sl_pdf_layout (pdf, number, 8, FALSE, -1);
  sl_pdf_show (pdf, footer, SL_PDF_MARGIN, SL_PDF_PAGE_HEIGHT - 30, SL_PDF_WIDTH, SL_PDF_CENTER, SL_PDF_DIM);
}

void
sl_pdf_new_page (SlPdf *pdf)
{
  g_autofree char *what = NULL;
  double done;

  if (!sl_pdf_ok (pdf))
    return;
  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = SL_PDF_TOP;

  if (pdf->counting)
    {
      if (!sl_export_job_advance (pdf->job, 0.0, &pdf->error))
        return;
    }
  else
    {
      /* Translators: what the export is doing */
      what = g_strdup_printf (_("Drawing page %u of %u…"), pdf->page, pdf->n_pages);
      done = 0.65 + 0.3 * pdf->page / MAX (pdf->n_pages, 1);
      if (!sl_export_job_begin_step (pdf->job, done, what, &pdf->error))
        return;
    }
  draw_page_frame (pdf);
}

void
sl_pdf_ensure (SlPdf  *pdf,
               double  height)
{
  if (pdf->page == 0 || (pdf->y + height > SL_PDF_BOTTOM && pdf->y > SL_PDF_TOP))
    sl_pdf_new_page (pdf);
}

void
sl_pdf_heading (SlPdf      *pdf,
                const char *text,
                double      keep)
{
  g_autoptr(PangoLayout) layout = sl_pdf_layout (pdf, text, 13, TRUE, SL_PDF_WIDTH);
  double height = sl_pdf_layout_height (layout);

  if (pdf->y > SL_PDF_TOP)
    pdf->y += 14;
  sl_pdf_ensure (pdf, height + 8 + keep);
  sl_pdf_show (pdf, layout, SL_PDF_MARGIN, pdf->y, SL_PDF_WIDTH, SL_PDF_START, SL_PDF_TEXT);
  pdf->y += height + 8;
}

void
sl_pdf_paragraph (SlPdf      *pdf,
                  const char *text,
                  double      size,
                  gboolean    bold,
                  SlPdfColor  color,
                  double      indent)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (text == NULL || text[0] == '\0')
    return;
  layout = sl_pdf_layout (pdf, text, size, bold, SL_PDF_WIDTH - indent);
  height = sl_pdf_layout_height (layout);
  sl_pdf_ensure (pdf, height);
  sl_pdf_show (pdf, layout, SL_PDF_MARGIN + indent, pdf->y, SL_PDF_WIDTH - indent, SL_PDF_START, color);
  pdf->y += height + 3;
}

/* The document */

/* Lays the pack out on @surface; returns the number of pages, 0 on
 * failure. With @n_pages 0 nothing is drawn: the pages are counted. */
static guint
render (SlExportJob     *job,
        SlPdfData       *data,
        PangoFontMap    *font_map,
        cairo_surface_t *surface,
        guint            n_pages,
        GError         **error)
{
  SlPdf pdf = { 0 };

  pdf.job = job;
  pdf.counting = n_pages == 0;
  pdf.n_pages = n_pages;
  pdf.cr = cairo_create (surface);
  pdf.pango = pango_font_map_create_context (font_map);
  pango_cairo_update_context (pdf.cr, pdf.pango);
  pango_cairo_context_set_resolution (pdf.pango, 72.0);
  pango_context_set_base_dir (pdf.pango, job->options.rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pdf.period = sl_period_format (&job->options.period, NULL);

  sl_pdf_draw_sections (&pdf, data);
  if (sl_pdf_ok (&pdf) && pdf.page > 0)
    cairo_show_page (pdf.cr);

  g_free (pdf.period);
  g_object_unref (pdf.pango);
  cairo_destroy (pdf.cr);
  if (pdf.error != NULL)
    {
      g_propagate_error (error, pdf.error);
      return 0;
    }
  return pdf.page;
}

static gboolean
check_surface (SlExportJob      *job,
               cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_FAILED,
               /* Translators: %s is a file, then the drawing library's reason */
               _("Cannot write %s: %s"), job->output_path, cairo_status_to_string (status));
  return FALSE;
}

static guint
count_pages (SlExportJob   *job,
             SlPdfData     *data,
             PangoFontMap  *font_map,
             GError       **error)
{
  /* A PDF surface writing nowhere: the same font metrics as the real one. */
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, SL_PDF_PAGE_WIDTH, SL_PDF_PAGE_HEIGHT);
  guint n_pages = render (job, data, font_map, surface, 0, error);

  cairo_surface_destroy (surface);
  return n_pages;
}

static gboolean
draw_pages (SlExportJob   *job,
            SlPdfData     *data,
            PangoFontMap  *font_map,
            guint          n_pages,
            const char    *path,
            GError       **error)
{
  g_autofree char *period = sl_period_format (&job->options.period, NULL);
  g_autofree char *title = g_strdup_printf ("%s — %s", sl_workspace_get_name (job->workspace), period);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, SL_PDF_PAGE_WIDTH, SL_PDF_PAGE_HEIGHT);
  gboolean ok = check_surface (job, surface, error);

  if (ok)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sunlight");
      ok = render (job, data, font_map, surface, n_pages, error) > 0;
      cairo_surface_finish (surface);
      ok = ok && check_surface (job, surface, error);
    }
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
sl_export_write_pdf (SlExportJob  *job,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(SlPdfData) data = NULL;
  g_autoptr(PangoFontMap) font_map = NULL;
  guint n_pages;

  data = sl_pdf_data_gather (job, error);
  if (data == NULL ||
      !sl_export_job_begin_step (job, 0.6, _("Laying out the pages…"), error))
    return FALSE;

  /* A font map of this export's own: Pango's default one is per thread,
   * and would live on in the worker thread after the export. */
  font_map = pango_cairo_font_map_new ();
  n_pages = count_pages (job, data, font_map, error);
  return n_pages > 0 && draw_pages (job, data, font_map, n_pages, path, error);
}
