/* sl-export-pdf-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sl-export-private.h"

G_BEGIN_DECLS

/* The review pack is drawn twice: once to lay it out and count its
 * pages, once for real (every page says "Page 2 of 7"). Coordinates are
 * points on an A4 landscape page, laid out left to right; with a right
 * to left layout every box is mirrored as it is drawn. */

#define SL_PDF_PAGE_WIDTH   841.89
#define SL_PDF_PAGE_HEIGHT  595.28
#define SL_PDF_MARGIN       36.0
#define SL_PDF_TOP          70.0
#define SL_PDF_BOTTOM       (SL_PDF_PAGE_HEIGHT - 46.0)
#define SL_PDF_WIDTH        (SL_PDF_PAGE_WIDTH - 2 * SL_PDF_MARGIN)

/* Colours of the GNOME palette (libadwaita's named colours). */
typedef enum
{
  SL_PDF_TEXT,      /* dark 4 */
  SL_PDF_DIM,       /* dark 1 */
  SL_PDF_RULE,      /* light 4 */
  SL_PDF_SHADE,     /* light 2: table headers, cards */
  SL_PDF_BLUE,      /* blue 3 */
  SL_PDF_GREEN,     /* green 5 */
  SL_PDF_RED,       /* red 3 */
  SL_PDF_ORANGE,    /* orange 3 */
  SL_PDF_PURPLE,    /* purple 3 */
} SlPdfColor;

typedef enum
{
  SL_PDF_START,
  SL_PDF_END,
  SL_PDF_CENTER,
} SlPdfAlign;

typedef struct
{
  SlExportJob  *job;
  cairo_t      *cr;
  PangoContext *pango;
  gboolean      counting;   /* the first pass: lay out, draw nothing */
  guint         page;       /* the current page, from 1; 0 before the first */
  guint         n_pages;    /* the second pass only */
  double        y;          /* where the next block goes */
  char         *period;     /* the period, for people */
  GError       *error;      /* the first failure: nothing more is drawn */
} SlPdf;

/* sl-export-pdf.c: the flow of pages. */
gboolean     sl_pdf_ok              (SlPdf          *pdf);
/* Starts a new page (checking for cancellation). */
void         sl_pdf_new_page        (SlPdf          *pdf);
/* Makes room for @height more points, on a new page if needed. */
void         sl_pdf_ensure          (SlPdf          *pdf,
                                     double          height);
void         sl_pdf_set_color       (SlPdf          *pdf,
                                     SlPdfColor      color);
/* A rectangle in layout coordinates, mirrored when right to left. */
void         sl_pdf_rectangle       (SlPdf          *pdf,
                                     double          x,
                                     double          y,
                                     double          width,
                                     double          height);
/* The physical x of layout x (a point, not a box). */
double       sl_pdf_x               (SlPdf          *pdf,
                                     double          x);

/* Text. @size in points; a @width > 0 wraps the text in that width. */
PangoLayout *sl_pdf_layout          (SlPdf          *pdf,
                                     const char     *text,
                                     double          size,
                                     gboolean        bold,
                                     double          width);
/* @text (composed of our words and the user's) written in the page's
 * direction, whatever its first letter. */
char        *sl_pdf_in_page_direction (SlPdf        *pdf,
                                       const char   *text);
double       sl_pdf_layout_height   (PangoLayout    *layout);
double       sl_pdf_layout_width    (PangoLayout    *layout);
/* Shows @layout in the box @x…@x+@width at @y, aligned; a line too long
 * for the box is shortened with an ellipsis. */
void         sl_pdf_show            (SlPdf          *pdf,
                                     PangoLayout    *layout,
                                     double          x,
                                     double          y,
                                     double          width,
                                     SlPdfAlign      align,
                                     SlPdfColor      color);
/* A section title, kept with @keep points of what follows it. */
void         sl_pdf_heading         (SlPdf          *pdf,
                                     const char     *text,
                                     double          keep);
/* A wrapped paragraph across the page (indented by @indent). */
void         sl_pdf_paragraph       (SlPdf          *pdf,
                                     const char     *text,
                                     double          size,
                                     gboolean        bold,
                                     SlPdfColor      color,
                                     double          indent);

/* sl-export-pdf-table.c: a table over as many pages as it takes, its
 * header repeated on each. */
typedef struct
{
  const char *title;
  double      weight;    /* share of the width, relative to the others */
  SlPdfAlign  align;
  gboolean    wrap;      /* wrap long text rather than shorten it */
} SlPdfColumn;

typedef struct _SlPdfTable SlPdfTable;

SlPdfTable  *sl_pdf_table_new       (const SlPdfColumn *columns,
                                     guint              n_columns);
void         sl_pdf_table_free      (SlPdfTable        *table);
/* Narrower than the page (the default), from its start. */
void         sl_pdf_table_set_width (SlPdfTable        *table,
                                     double             width);
/* Adds a row of @n_columns strings (copied); @level 1 indents its first
 * cell and dims it; a bold row is a total. */
void         sl_pdf_table_add_row   (SlPdfTable        *table,
                                     const char * const *cells,
                                     guint              level,
                                     gboolean           bold);
guint        sl_pdf_table_get_n_rows (SlPdfTable       *table);
/* The height the whole table takes, at most a page's. */
double       sl_pdf_table_measure   (SlPdfTable        *table,
                                     SlPdf             *pdf);
void         sl_pdf_table_draw      (SlPdfTable        *table,
                                     SlPdf             *pdf);
/* Export table @table as people read it: its columns @shown (indexes),
 * values formatted, "—" where undefined. A nested row shows the name in
 * the column after the first (a campaign under its channel); with
 * @last_is_total the last row is bold. */
SlPdfTable  *sl_pdf_table_new_from_export (SlExportTable *table,
                                           const guint   *shown,
                                           guint          n_shown,
                                           gboolean       last_is_total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPdfTable, sl_pdf_table_free)

/* sl-export-pdf-charts.c: each takes this much height, legend and
 * labels included. */
#define SL_PDF_CHART_HEIGHT 212.0

void         sl_pdf_draw_channel_chart  (SlPdf          *pdf,
                                         SlExportTable  *channels);
void         sl_pdf_draw_timeline_chart (SlPdf          *pdf,
                                         SlTimeline     *timeline);

/* sl-export-pdf-sections.c: the data the sections need, gathered once
 * before the two passes, and the sections. */
typedef struct _SlPdfData SlPdfData;

SlPdfData   *sl_pdf_data_gather     (SlExportJob    *job,
                                     GError        **error);
void         sl_pdf_data_free       (SlPdfData      *data);
void         sl_pdf_draw_sections   (SlPdf          *pdf,
                                     SlPdfData      *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPdfData, sl_pdf_data_free)

/* sl-export-pdf-notes.c: the wins and losses of the period with their
 * snapshots, the reallocation plans that move its money, and the
 * decisions taken in it. */
typedef struct _SlPdfNotes SlPdfNotes;

SlPdfNotes  *sl_pdf_notes_gather    (SlExportJob    *job,
                                     GError        **error);
void         sl_pdf_notes_free      (SlPdfNotes     *notes);
void         sl_pdf_draw_notes      (SlPdf          *pdf,
                                     SlPdfNotes     *notes);

G_END_DECLS
