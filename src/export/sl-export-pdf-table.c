/* sl-export-pdf-table.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Tables of the review pack: a shaded header repeated on every page the
 * table runs over, rows under thin rules, numbers aligned at the end. */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include "sl-export-pdf-private.h"

#define FONT_SIZE   8.0
#define PADDING     4.0
#define ROW_PADDING 3.0
#define INDENT      10.0

typedef struct
{
  GStrv    cells;
  guint    level;
  gboolean bold;
} TableRow;

struct _SlPdfTable
{
  GArray    *columns;   /* SlPdfColumn, titles owned */
  GPtrArray *rows;      /* TableRow */
  double     width;
  double    *widths;    /* while drawing */
};

static void
table_row_free (TableRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
column_clear (gpointer data)
{
  SlPdfColumn *column = data;

  g_free ((char *)column->title);
}

SlPdfTable *
sl_pdf_table_new (const SlPdfColumn *columns,
                  guint              n_columns)
{
  SlPdfTable *table = g_new0 (SlPdfTable, 1);

  table->columns = g_array_new (FALSE, TRUE, sizeof (SlPdfColumn));
  g_array_set_clear_func (table->columns, column_clear);
  for (guint c = 0; c < n_columns; c++)
    {
      SlPdfColumn column = columns[c];

      column.title = g_strdup (column.title);
      g_array_append_val (table->columns, column);
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)table_row_free);
  table->width = SL_PDF_WIDTH;
  return table;
}

void
sl_pdf_table_set_width (SlPdfTable *table,
                        double      width)
{
  table->width = CLAMP (width, 1, SL_PDF_WIDTH);
}

void
sl_pdf_table_free (SlPdfTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table->widths);
  g_free (table);
}

void
sl_pdf_table_add_row (SlPdfTable         *table,
                      const char * const *cells,
                      guint               level,
                      gboolean            bold)
{
  TableRow *row = g_new0 (TableRow, 1);

  row->cells = g_new0 (char *, table->columns->len + 1);
  for (guint c = 0; c < table->columns->len; c++)
    row->cells[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  row->level = level;
  row->bold = bold;
  g_ptr_array_add (table->rows, row);
}

guint
sl_pdf_table_get_n_rows (SlPdfTable *table)
{
  return table->rows->len;
}

static const SlPdfColumn *
column_at (SlPdfTable *table,
           guint       c)
{
  return &g_array_index (table->columns, SlPdfColumn, c);
}

static void
compute_widths (SlPdfTable *table)
{
  double total = 0;

  g_free (table->widths);
  table->widths = g_new0 (double, table->columns->len);
  for (guint c = 0; c < table->columns->len; c++)
    total += column_at (table, c)->weight;
  for (guint c = 0; c < table->columns->len; c++)
    table->widths[c] = table->width * column_at (table, c)->weight / MAX (total, 1e-9);
}

/* The cell's text laid out for its column; wrapped in it if it wraps. */
static PangoLayout *
cell_layout (SlPdfTable *table,
             SlPdf      *pdf,
             guint       c,
             const char *text,
             gboolean    bold,
             gboolean    wrap,
             double      indent)
{
  double width = table->widths[c] - 2 * PADDING - indent;

  return sl_pdf_layout (pdf, text, FONT_SIZE, bold, wrap ? width : -1);
}

/* Lays out a row (the header when @row is NULL) and, unless @measure,
 * draws it at pdf->y; returns its height. */
static double
row_pass (SlPdfTable *table,
          SlPdf      *pdf,
          TableRow   *row,
          gboolean    measure)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0, x = SL_PDF_MARGIN;

  for (guint c = 0; c < table->columns->len; c++)
    {
      const SlPdfColumn *column = column_at (table, c);
      double indent = row != NULL && c == 0 ? row->level * INDENT : 0;
      PangoLayout *layout = cell_layout (table, pdf, c, row != NULL ? row->cells[c] : column->title,
                                         row == NULL || row->bold, row == NULL || column->wrap, indent);

      g_ptr_array_add (layouts, layout);
      height = MAX (height, sl_pdf_layout_height (layout));
    }
  height += 2 * ROW_PADDING;
  if (measure || pdf->counting)
    return height;

  if (row == NULL)
    {
      sl_pdf_set_color (pdf, SL_PDF_SHADE);
      sl_pdf_rectangle (pdf, SL_PDF_MARGIN, pdf->y, table->width, height);
      cairo_fill (pdf->cr);
    }
  for (guint c = 0; c < table->columns->len; c++)
    {
      const SlPdfColumn *column = column_at (table, c);
      double indent = row != NULL && c == 0 ? row->level * INDENT : 0;
      SlPdfColor color = row == NULL ? SL_PDF_DIM : row->level > 0 && c == 0 ? SL_PDF_DIM : SL_PDF_TEXT;

      sl_pdf_show (pdf, g_ptr_array_index (layouts, c), x + PADDING + indent, pdf->y + ROW_PADDING,
                   table->widths[c] - 2 * PADDING - indent, column->align, color);
      x += table->widths[c];
    }
  sl_pdf_set_color (pdf, SL_PDF_RULE);
  cairo_set_line_width (pdf->cr, row == NULL ? 0.75 : 0.4);
  cairo_move_to (pdf->cr, sl_pdf_x (pdf, SL_PDF_MARGIN), pdf->y + height);
  cairo_line_to (pdf->cr, sl_pdf_x (pdf, SL_PDF_MARGIN + table->width), pdf->y + height);
  cairo_stroke (pdf->cr);
  return height;
}

static void
draw_header (SlPdfTable *table,
             SlPdf      *pdf)
{
  pdf->y += row_pass (table, pdf, NULL, FALSE);
}

double
sl_pdf_table_measure (SlPdfTable *table,
                      SlPdf      *pdf)
{
  double height;

  compute_widths (table);
  height = row_pass (table, pdf, NULL, TRUE);
  for (guint r = 0; r < table->rows->len; r++)
    height += row_pass (table, pdf, table->rows->pdata[r], TRUE);
  return MIN (height, SL_PDF_BOTTOM - SL_PDF_TOP);
}

void
sl_pdf_table_draw (SlPdfTable *table,
                   SlPdf      *pdf)
{
  double header_height;

  compute_widths (table);
  header_height = row_pass (table, pdf, NULL, TRUE);
  sl_pdf_ensure (pdf, header_height + (table->rows->len > 0 ? row_pass (table, pdf, table->rows->pdata[0], TRUE) : 0));
  draw_header (table, pdf);

  for (guint r = 0; r < table->rows->len && sl_pdf_ok (pdf); r++)
    {
      TableRow *row = g_ptr_array_index (table->rows, r);
      double height = row_pass (table, pdf, row, TRUE);

      /* Between rows: is the export cancelled? */
      if (!sl_export_job_advance (pdf->job, 0.0, &pdf->error))
        return;
      if (pdf->y + height > SL_PDF_BOTTOM)
        {
          sl_pdf_new_page (pdf);
          draw_header (table, pdf);
        }
      pdf->y += row_pass (table, pdf, row, FALSE);
    }
  pdf->y += 6;
}

SlPdfTable *
sl_pdf_table_new_from_export (SlExportTable *table,
                              const guint   *shown,
                              guint          n_shown,
                              gboolean       last_is_total)
{
  g_autofree SlPdfColumn *columns = g_new0 (SlPdfColumn, n_shown);
  g_autofree const char **cells = g_new0 (const char *, n_shown + 1);
  SlPdfTable *out;
  guint n_rows = sl_export_table_get_n_rows (table);

  for (guint i = 0; i < n_shown; i++)
    {
      const SlExportColumn *column = sl_export_table_get_column (table, shown[i]);
      gboolean text = column->kind == SL_EXPORT_COLUMN_TEXT;

      columns[i] = (SlPdfColumn) { column->title, text ? 2.0 : 1.0, text ? SL_PDF_START : SL_PDF_END, FALSE };
    }
  out = sl_pdf_table_new (columns, n_shown);

  for (guint r = 0; r < n_rows; r++)
    {
      guint level = sl_export_table_get_level (table, r);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < n_shown; i++)
        {
          guint c = i == 0 && level > 0 ? shown[i] + 1 : shown[i];

          g_ptr_array_add (texts, sl_export_cell_format (sl_export_table_get_cell (table, r, c), NULL));
          cells[i] = g_ptr_array_index (texts, i);
        }
      sl_pdf_table_add_row (out, cells, level, last_is_total && r + 1 == n_rows);
    }
  return out;
}
