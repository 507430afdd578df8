/* sl-export-table.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include "sl-export-table.h"

static void
column_clear (gpointer data)
{
  SlExportColumn *column = data;

  g_free (column->title);
}

static void
cell_clear (gpointer data)
{
  SlExportCell *cell = data;

  g_free (cell->text);
}

SlExportTable *
sl_export_table_new (const char *title,
                     const char *currency)
{
  SlExportTable *table = g_new0 (SlExportTable, 1);

  table->title = g_strdup (title);
  g_strlcpy (table->currency, currency, sizeof table->currency);
  table->columns = g_array_new (FALSE, TRUE, sizeof (SlExportColumn));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  table->row_levels = g_array_new (FALSE, TRUE, sizeof (guint));
  return table;
}

void
sl_export_table_free (SlExportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->row_levels);
  g_free (table);
}

void
sl_export_table_add_column (SlExportTable      *table,
                            SlExportColumnKind  kind,
                            const char         *title,
                            gboolean            may_be_undefined)
{
  SlExportColumn column = { g_strdup (title), kind, may_be_undefined };

  g_array_append_val (table->columns, column);
}

GArray *
sl_export_table_add_row (SlExportTable *table,
                         guint          level)
{
  GArray *row = g_array_sized_new (FALSE, TRUE, sizeof (SlExportCell), table->columns->len);

  g_array_set_clear_func (row, cell_clear);
  g_ptr_array_add (table->rows, row);
  g_array_append_val (table->row_levels, level);
  return row;
}

void
sl_export_row_add_text (GArray     *row,
                        const char *text)
{
  SlExportCell cell = { g_strdup (text != NULL ? text : ""), { 0 }, NULL };

  g_array_append_val (row, cell);
}

void
sl_export_row_add_value (GArray              *row,
                         const SlMetricValue *value)
{
  SlExportCell cell = { NULL, *value, NULL };

  g_array_append_val (row, cell);
}

void
sl_export_row_add_money (GArray     *row,
                         gint64      minor,
                         const char *currency)
{
  SlMetricValue value;

  sl_metric_value_init_money (&value, minor, currency);
  sl_export_row_add_value (row, &value);
}

void
sl_export_row_add_missing (GArray     *row,
                           const char *currency,
                           const char *why)
{
  SlExportCell cell = { NULL, { 0 }, why };

  /* The reason is @why; NOT_COMPUTED only marks the value undefined. */
  sl_metric_value_init_undefined (&cell.value, SL_METRIC_UNIT_MONEY, currency, SL_METRIC_REASON_NOT_COMPUTED);
  g_array_append_val (row, cell);
}

guint
sl_export_table_get_n_rows (SlExportTable *table)
{
  return table->rows->len;
}

const SlExportColumn *
sl_export_table_get_column (SlExportTable *table,
                            guint          column)
{
  g_return_val_if_fail (column < table->columns->len, NULL);
  return &g_array_index (table->columns, SlExportColumn, column);
}

const SlExportCell *
sl_export_table_get_cell (SlExportTable *table,
                          guint          row,
                          guint          column)
{
  GArray *cells;

  g_return_val_if_fail (row < table->rows->len, NULL);
  cells = g_ptr_array_index (table->rows, row);
  g_return_val_if_fail (column < cells->len, NULL);
  return &g_array_index (cells, SlExportCell, column);
}

guint
sl_export_table_get_level (SlExportTable *table,
                           guint          row)
{
  g_return_val_if_fail (row < table->row_levels->len, 0);
  return g_array_index (table->row_levels, guint, row);
}

const char *
sl_export_cell_get_why (const SlExportCell *cell)
{
  if (cell->text != NULL || sl_metric_value_is_defined (&cell->value))
    return NULL;
  if (cell->why != NULL)
    return cell->why;
  return sl_metric_reason_get_label (cell->value.reason);
}

char *
sl_export_cell_format (const SlExportCell *cell,
                       const char         *locale)
{
  if (cell->text != NULL)
    return g_strdup (cell->text);
  return sl_metric_value_format (&cell->value, locale);
}

gboolean
sl_export_cell_get_money (const SlExportCell *cell,
                          SlMoney            *out)
{
  return cell->text == NULL && sl_metric_value_to_money (&cell->value, out);
}
