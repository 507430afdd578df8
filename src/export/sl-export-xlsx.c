/* sl-export-xlsx.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every table as a sheet of one workbook (libxlsxwriter). Numbers are
 * numeric cells: money the exact decimal of its minor units, shown with
 * the currency's decimals and sign; shares fractions shown as
 * percentages; an undefined value an empty cell whose comment says why.
 * The header row stays in view. */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <math.h>

#include "sl-export-private.h"
#include "sl-xlsx-api.h"

/* Column widths, in characters. */
#define MIN_WIDTH 8
#define MAX_WIDTH 40

/* libxlsxwriter's functions, from the module that links it; set before
 * the first workbook is written and kept for the process. */
static const SlXlsxApi *xlsx;

/* Loads the module sunlight-xlsx once: SL_XLSX_MODULE names its file
 * (the tests and the uninstalled demo), else the installed one. */
static gboolean
load_xlsx (GError **error)
{
  static GMutex lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autofree char *installed = NULL;
  const char *path = g_getenv ("SL_XLSX_MODULE");
  GModule *module;
  gpointer get_api = NULL;

  if (xlsx != NULL)
    return TRUE;
  if (path == NULL || *path == '\0')
    path = installed = g_module_build_path (SL_MODULE_DIR, SL_XLSX_MODULE_NAME);
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, SL_XLSX_MODULE_SYMBOL, &get_api) || get_api == NULL)
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_FAILED,
                   /* Translators: %s is the spreadsheet library's reason */
                   _("Cannot write the workbook: %s"), g_module_error ());
      if (module != NULL)
        g_module_close (module);
      return FALSE;
    }
  g_module_make_resident (module);
  xlsx = ((SlXlsxModuleGetApi) get_api) ();
  return TRUE;
}

typedef struct
{
  lxw_format *header;
  lxw_format *nested;    /* a campaign under its channel */
  lxw_format *count;
  lxw_format *money;
  lxw_format *percent;
  lxw_format *multiple;
} Formats;

/* "$"#,##0.00 for USD: the sign, grouping, and the currency's decimals
 * (quotes in the sign dropped: they would end the quoted text). */
static char *
money_number_format (const char *currency)
{
  g_autofree char *symbol = sl_currency_symbol (currency, NULL);
  g_autoptr(GString) sign = g_string_new (NULL);
  g_autoptr(GString) amount = g_string_new ("#,##0");
  int exponent = MAX (sl_currency_exponent (currency), 0);

  for (const char *p = symbol != NULL ? symbol : currency; *p != '\0'; p++)
    if (*p != '"' && *p != '\\')
      g_string_append_c (sign, *p);
  if (exponent > 0)
    {
      g_string_append_c (amount, '.');
      for (int i = 0; i < exponent; i++)
        g_string_append_c (amount, '0');
    }
  return g_strdup_printf ("\"%s\"%s;-\"%s\"%s", sign->str, amount->str, sign->str, amount->str);
}

static void
formats_init (Formats       *formats,
              lxw_workbook  *workbook,
              const char    *currency)
{
  g_autofree char *money = money_number_format (currency);

  formats->header = xlsx->workbook_add_format (workbook);
  xlsx->format_set_bold (formats->header);
  xlsx->format_set_bottom (formats->header, LXW_BORDER_THIN);
  formats->nested = xlsx->workbook_add_format (workbook);
  xlsx->format_set_indent (formats->nested, 1);
  formats->count = xlsx->workbook_add_format (workbook);
  xlsx->format_set_num_format (formats->count, "#,##0");
  formats->money = xlsx->workbook_add_format (workbook);
  xlsx->format_set_num_format (formats->money, money);
  formats->percent = xlsx->workbook_add_format (workbook);
  xlsx->format_set_num_format (formats->percent, "0.0%");
  formats->multiple = xlsx->workbook_add_format (workbook);
  xlsx->format_set_num_format (formats->multiple, "0.00\"×\"");
}

static lxw_format *
format_for (const Formats      *formats,
            SlExportColumnKind  kind)
{
  switch (kind)
    {
    case SL_EXPORT_COLUMN_COUNT:
      return formats->count;
    case SL_EXPORT_COLUMN_MONEY:
      return formats->money;
    case SL_EXPORT_COLUMN_PERCENT:
      return formats->percent;
    case SL_EXPORT_COLUMN_MULTIPLE:
      return formats->multiple;
    case SL_EXPORT_COLUMN_TEXT:
    default:
      return NULL;
    }
}

/* The cell's number: money as its decimal (minor ÷ 10^decimals, the
 * nearest double to it, written back as that decimal), others as is. */
static gboolean
cell_number (SlExportColumnKind  kind,
             const SlExportCell *cell,
             double             *out)
{
  SlMoney money;

  if (kind == SL_EXPORT_COLUMN_MONEY)
    {
      if (!sl_export_cell_get_money (cell, &money))
        return FALSE;
      *out = (double)money.minor / pow (10.0, MAX (sl_currency_exponent (money.currency), 0));
      return TRUE;
    }
  return sl_metric_value_to_double (&cell->value, out);
}

/* Excel's limit: a cell holds at most this many characters. */
#define CELL_MAX_CHARS 32767

/* Longer text (a name imported from anywhere) is cut to what a cell
 * holds, not a reason to fail the whole workbook. */
static lxw_error
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) > CELL_MAX_CHARS)
    {
      g_autofree char *head = g_strndup (text, (gsize) (g_utf8_offset_to_pointer (text, CELL_MAX_CHARS - 1) - text));

      cut = g_strconcat (head, "…", NULL);
    }
  return xlsx->worksheet_write_string (sheet, row, col, cut != NULL ? cut : text, format);
}

static lxw_error
write_cell (lxw_worksheet      *sheet,
            const Formats      *formats,
            SlExportTable      *table,
            guint               r,
            guint               c)
{
  const SlExportColumn *column = sl_export_table_get_column (table, c);
  const SlExportCell *cell = sl_export_table_get_cell (table, r, c);
  lxw_row_t row = r + 1;
  const char *why;
  double number;

  if (column->kind == SL_EXPORT_COLUMN_TEXT)
    {
      lxw_format *format = c == 0 && sl_export_table_get_level (table, r) > 0 ? formats->nested : NULL;

      return cell->text[0] != '\0' ? write_text (sheet, row, c, cell->text, format) : LXW_NO_ERROR;
    }
  if (cell_number (column->kind, cell, &number))
    return xlsx->worksheet_write_number (sheet, row, c, number, format_for (formats, column->kind));
  why = sl_export_cell_get_why (cell);
  return why != NULL ? xlsx->worksheet_write_comment (sheet, row, c, why) : LXW_NO_ERROR;
}

/* Wide enough for the title and for every cell as people read it. */
static void
set_column_widths (lxw_worksheet *sheet,
                   SlExportTable *table)
{
  guint n_rows = sl_export_table_get_n_rows (table);

  for (guint c = 0; c < table->columns->len; c++)
    {
      glong width = g_utf8_strlen (sl_export_table_get_column (table, c)->title, -1) + 2;

      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *text = sl_export_cell_format (sl_export_table_get_cell (table, r, c), NULL);

          width = MAX (width, g_utf8_strlen (text, -1) + 2);
        }
      xlsx->worksheet_set_column (sheet, c, c, CLAMP (width, MIN_WIDTH, MAX_WIDTH), NULL);
    }
}

static gboolean
check (lxw_error   status,
       GError    **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_FAILED,
               /* Translators: %s is the spreadsheet library's reason */
               _("Cannot write the workbook: %s"), xlsx->lxw_strerror (status));
  return FALSE;
}

static gboolean
write_sheet (SlExportJob        *job,
             lxw_workbook       *workbook,
             const Formats      *formats,
             SlExportTable      *table,
             SlExportTableKind   kind,
             GError            **error)
{
  lxw_worksheet *sheet = NULL;
  guint n_rows = sl_export_table_get_n_rows (table);

  if (xlsx->workbook_validate_sheet_name (workbook, table->title) == LXW_NO_ERROR)
    sheet = xlsx->workbook_add_worksheet (workbook, table->title);
  if (sheet == NULL)
    sheet = xlsx->workbook_add_worksheet (workbook, sl_export_table_kind_to_string (kind));
  if (job->options.rtl)
    xlsx->worksheet_right_to_left (sheet);
  for (guint c = 0; c < table->columns->len; c++)
    if (!check (xlsx->worksheet_write_string (sheet, 0, c, sl_export_table_get_column (table, c)->title,
                                        formats->header), error))
      return FALSE;
  xlsx->worksheet_freeze_panes (sheet, 1, 1);
  set_column_widths (sheet, table);

  for (guint r = 0; r < n_rows; r++)
    {
      if (!sl_export_job_advance (job, (double)r / n_rows, error))
        return FALSE;
      for (guint c = 0; c < table->columns->len; c++)
        if (!check (write_cell (sheet, formats, table, r, c), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
write_sheets (SlExportJob   *job,
              lxw_workbook  *workbook,
              GError       **error)
{
  static const char * const steps[] = {
    N_("Computing the channel figures…"),
    N_("Computing the budget timeline…"),
    N_("Reading the reallocation plans…"),
  };
  SlExportTable *tables[SL_EXPORT_N_TABLES] = { NULL };
  Formats formats;
  gboolean ok = TRUE;

  formats_init (&formats, workbook, sl_workspace_get_currency (job->workspace));
  for (guint t = 0; t < SL_EXPORT_N_TABLES && ok; t++)
    ok = sl_export_job_begin_step (job, 0.2 + 0.15 * t, _(steps[t]), error) &&
         (tables[t] = sl_export_table_build (job, t, error)) != NULL;
  for (guint t = 0; t < SL_EXPORT_N_TABLES && ok; t++)
    ok = sl_export_job_begin_step (job, 0.7 + 0.05 * t, _("Writing the workbook…"), error) &&
         write_sheet (job, workbook, &formats, tables[t], t, error);
  for (guint t = 0; t < SL_EXPORT_N_TABLES; t++)
    sl_export_table_free (tables[t]);
  return ok;
}

gboolean
sl_export_write_xlsx (SlExportJob  *job,
                      const char   *path,
                      GError      **error)
{
  g_autofree char *period = sl_period_format (&job->options.period, NULL);
  g_autofree char *title = g_strdup_printf ("%s — %s", sl_workspace_get_name (job->workspace), period);
  lxw_doc_properties properties = { .title = title };
  lxw_workbook *workbook;
  gboolean ok;

  if (!load_xlsx (error))
    return FALSE;
  workbook = xlsx->workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_FAILED,
                   /* Translators: %s is a file */
                   _("Cannot write %s"), job->output_path);
      return FALSE;
    }
  xlsx->workbook_set_properties (workbook, &properties);
  ok = write_sheets (job, workbook, error) &&
       sl_export_job_begin_step (job, 0.95, _("Writing the workbook…"), error);
  /* Closing writes the file; it also frees the workbook when not. */
  if (ok)
    return check (xlsx->workbook_close (workbook), error);
  xlsx->workbook_close (workbook);
  return FALSE;
}
