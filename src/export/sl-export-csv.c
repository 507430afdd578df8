/* sl-export-csv.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One table as CSV (RFC 4180: CRLF line ends; a field holding a comma,
 * a quote or a line end is quoted, its quotes doubled), in UTF-8 after
 * a byte order mark so that spreadsheets read it as UTF-8. Money is a
 * plain decimal ("1234.50") with the currency code in its own column;
 * shares are percentages ("12.50%"); an undefined value is an empty
 * field, and the column after it says why. Text that a spreadsheet
 * would take for a formula (a channel called "=HYPERLINK(…)", "+1",
 * "-2+3", "@SUM(…)", or one starting with a tab or carriage return)
 * gets an apostrophe in front, so that it stays text. */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sl-csv-reader.h"
#include "sl-export-private.h"

/* The currency column comes before the first amount. */
static guint
currency_column (SlExportTable *table)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (sl_export_table_get_column (table, c)->kind == SL_EXPORT_COLUMN_MONEY)
      return c;
  return G_MAXUINT;
}

static void
append_header (SlExportTable *table,
               GString       *line)
{
  guint currency_at = currency_column (table);

  for (guint c = 0; c < table->columns->len; c++)
    {
      const SlExportColumn *column = sl_export_table_get_column (table, c);

      if (c == currency_at)
        /* Translators: column title: the ISO 4217 code of the amounts */
        sl_csv_append_field (line, _("Currency"));
      sl_csv_append_field (line, column->title);
      if (column->may_be_undefined)
        {
          /* Translators: column title: why column %s has no value in a row */
          g_autofree char *why = g_strdup_printf (_("Why no %s"), column->title);

          sl_csv_append_field (line, why);
        }
    }
}

/* Names come from imports and other people: never a formula. */
static char *
format_text (const char *text)
{
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static char *
format_value (SlExportColumnKind  kind,
              const SlExportCell *cell)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  SlMoney money;
  double x;

  if (cell->text != NULL)
    return format_text (cell->text);
  if (kind == SL_EXPORT_COLUMN_MONEY)
    return sl_export_cell_get_money (cell, &money) ? sl_money_format_plain (&money) : g_strdup ("");
  if (!sl_metric_value_to_double (&cell->value, &x))
    return g_strdup ("");
  if (kind == SL_EXPORT_COLUMN_COUNT && cell->value.den == 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cell->value.num);
  if (kind == SL_EXPORT_COLUMN_PERCENT)
    return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%.2f", x * 100.0), "%", NULL);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", x));
}

static void
append_row (SlExportTable *table,
            guint          r,
            GString       *line)
{
  guint currency_at = currency_column (table);

  for (guint c = 0; c < table->columns->len; c++)
    {
      const SlExportColumn *column = sl_export_table_get_column (table, c);
      const SlExportCell *cell = sl_export_table_get_cell (table, r, c);
      g_autofree char *text = format_value (column->kind, cell);

      if (c == currency_at)
        sl_csv_append_field (line, table->currency);
      sl_csv_append_field (line, text);
      if (column->may_be_undefined)
        {
          const char *why = sl_export_cell_get_why (cell);

          sl_csv_append_field (line, why != NULL ? why : "");
        }
    }
}

static gboolean
write_line (SlExportJob *job,
            FILE        *file,
            GString     *line,
            GError     **error)
{
  g_string_append (line, "\r\n");
  if (fwrite (line->str, 1, line->len, file) != line->len)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file, then the system's reason */
                   _("Cannot write %s: %s"), job->output_path, g_strerror (saved));
      return FALSE;
    }
  g_string_truncate (line, 0);
  return TRUE;
}

static gboolean
write_table (SlExportJob    *job,
             SlExportTable  *table,
             FILE           *file,
             GError        **error)
{
  g_autoptr(GString) line = g_string_new ("\xEF\xBB\xBF");
  guint n_rows = sl_export_table_get_n_rows (table);

  /* The byte order mark is not a field. */
  fputs (line->str, file);
  g_string_truncate (line, 0);
  append_header (table, line);
  if (!write_line (job, file, line, error))
    return FALSE;
  for (guint r = 0; r < n_rows; r++)
    {
      if (!sl_export_job_advance (job, (double)r / n_rows, error))
        return FALSE;
      append_row (table, r, line);
      if (!write_line (job, file, line, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sl_export_write_csv (SlExportJob  *job,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(SlExportTable) table = NULL;
  FILE *file;
  gboolean ok;

  if (!sl_export_job_begin_step (job, 0.6, _("Computing the figures…"), error))
    return FALSE;
  table = sl_export_table_build (job, job->options.table, error);
  if (table == NULL ||
      !sl_export_job_begin_step (job, 0.95, _("Writing the table…"), error))
    return FALSE;

  file = g_fopen (path, "wb");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), job->output_path, g_strerror (saved));
      return FALSE;
    }
  ok = write_table (job, table, file, error);
  if (fclose (file) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write %s: %s"), job->output_path, g_strerror (saved));
      ok = FALSE;
    }
  return ok;
}
