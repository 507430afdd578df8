/* sl-export-table.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric-value.h"

G_BEGIN_DECLS

/* A table of an export: typed columns and rows of cells, written alike
 * as CSV, as a worksheet and as a table of the PDF. Money cells hold
 * minor units (an amount) or a fraction of them (a cost per thing), all
 * in the table's currency; ratios are exact fractions; an undefined
 * value says why. */

typedef enum
{
  SL_EXPORT_COLUMN_TEXT,
  SL_EXPORT_COLUMN_COUNT,
  SL_EXPORT_COLUMN_MONEY,
  SL_EXPORT_COLUMN_PERCENT,
  SL_EXPORT_COLUMN_MULTIPLE,
} SlExportColumnKind;

typedef struct
{
  char               *title;      /* translated */
  SlExportColumnKind  kind;
  /* Its values may be undefined: CSV adds a column saying why. */
  gboolean            may_be_undefined;
} SlExportColumn;

typedef struct
{
  char          *text;   /* TEXT columns */
  SlMetricValue  value;  /* the others */
  const char    *why;    /* an undefined value's reason, if not value.reason's */
} SlExportCell;

typedef struct
{
  char      *title;        /* translated: the sheet's name */
  char       currency[4];
  GArray    *columns;      /* SlExportColumn */
  GPtrArray *rows;         /* a GArray of SlExportCell each */
  GArray    *row_levels;   /* guint per row: 0, or 1 for a nested row */
} SlExportTable;

SlExportTable *sl_export_table_new         (const char          *title,
                                            const char          *currency);
void           sl_export_table_free        (SlExportTable       *table);
void           sl_export_table_add_column  (SlExportTable       *table,
                                            SlExportColumnKind   kind,
                                            const char          *title,
                                            gboolean             may_be_undefined);
/* A new row at @level; fill it with one cell per column, in order. */
GArray        *sl_export_table_add_row     (SlExportTable       *table,
                                            guint                level);
void           sl_export_row_add_text      (GArray              *row,
                                            const char          *text);
void           sl_export_row_add_value     (GArray              *row,
                                            const SlMetricValue *value);
void           sl_export_row_add_money     (GArray              *row,
                                            gint64               minor,
                                            const char          *currency);
/* An undefined money cell, saying @why (translated, static). */
void           sl_export_row_add_missing   (GArray              *row,
                                            const char          *currency,
                                            const char          *why);

guint          sl_export_table_get_n_rows  (SlExportTable       *table);
const SlExportColumn *sl_export_table_get_column (SlExportTable *table,
                                                  guint          column);
const SlExportCell   *sl_export_table_get_cell   (SlExportTable *table,
                                                  guint          row,
                                                  guint          column);
guint          sl_export_table_get_level   (SlExportTable       *table,
                                            guint                row);

/* Why @cell is undefined, translated; NULL when it is defined. */
const char    *sl_export_cell_get_why      (const SlExportCell  *cell);
/* The cell for people: the text, or the value formatted for @locale
 * (NULL: the current one), "—" when undefined. */
char          *sl_export_cell_format       (const SlExportCell  *cell,
                                            const char          *locale);
/* A money cell rounded to the minor unit; FALSE when undefined. */
gboolean       sl_export_cell_get_money    (const SlExportCell  *cell,
                                            SlMoney             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlExportTable, sl_export_table_free)

G_END_DECLS
