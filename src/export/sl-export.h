/* sl-export.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-attribution.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* Exports of a workspace for a period, for finance: the review pack as a
 * PDF (the KPIs, the channel table and a chart of it, the budget
 * timeline, wins and losses with their snapshots, reallocation plans and
 * decisions), and the numbers as CSV (one table) or as an XLSX workbook
 * (every table, one sheet each, numbers as numbers). An export runs with
 * its own connection to the workspace file, reports its progress, can be
 * cancelled between steps, rows and pages, and writes to a temporary
 * file that takes the destination's name only once it is complete: a
 * cancelled or failed export leaves nothing behind. */

#define SL_EXPORT_ERROR (sl_export_error_quark ())

typedef enum
{
  SL_EXPORT_ERROR_FAILED,  /* the file could not be written */
} SlExportError;

typedef enum
{
  SL_EXPORT_PDF,
  SL_EXPORT_CSV,
  SL_EXPORT_XLSX,
} SlExportFormat;

/* The tables of numbers: a CSV file holds one, a workbook all of them. */
typedef enum
{
  SL_EXPORT_TABLE_CHANNELS,    /* every channel, then its campaigns */
  SL_EXPORT_TABLE_MONTHS,      /* the budget timeline's months */
  SL_EXPORT_TABLE_PLAN_LINES,  /* the lines of the reallocation plans */
} SlExportTableKind;

#define SL_EXPORT_N_TABLES (SL_EXPORT_TABLE_PLAN_LINES + 1)

typedef struct
{
  SlExportFormat      format;
  SlExportTableKind   table;       /* CSV only */
  SlPeriod            period;
  gboolean            attributed;  /* FALSE: revenue to the channel of origin */
  SlAttributionModel  model;       /* when attributed */
  /* The day the budget timeline is seen from; SL_DAY_INVALID: today. */
  SlDay               as_of;
  /* Lay the PDF out right to left (mirrored tables and charts). */
  gboolean            rtl;
} SlExportOptions;

/* Called with the share of the export done (0 to 1) and what it is
 * doing, translated ("Writing the channel table…"). */
typedef void (*SlExportProgressFunc) (double      fraction,
                                      const char *what,
                                      gpointer    user_data);

GQuark       sl_export_error_quark       (void);

/* Defaults: the channel table, revenue by channel of origin, as of
 * today, right to left when the current language is written so. */
void         sl_export_options_init      (SlExportOptions       *options,
                                          SlExportFormat         format,
                                          const SlPeriod        *period);

/* "pdf", "csv", "xlsx"; "channels", "months", "plan-lines". */
const char  *sl_export_format_get_extension (SlExportFormat      format);
const char  *sl_export_table_kind_to_string (SlExportTableKind   table);
/* "Channels", "Months", "Plan lines", translated. */
const char  *sl_export_table_kind_get_label (SlExportTableKind   table);

/* Exports the workspace at @workspace_path to @output_path, in the
 * calling thread. @progress (optional) is called in this thread. */
gboolean     sl_export_run               (const char            *workspace_path,
                                          const char            *output_path,
                                          const SlExportOptions *options,
                                          SlExportProgressFunc   progress,
                                          gpointer               progress_data,
                                          GCancellable          *cancellable,
                                          GError               **error);
/* The same in a worker thread; @progress is called in the caller's
 * thread-default main context. */
void         sl_export_run_async         (const char            *workspace_path,
                                          const char            *output_path,
                                          const SlExportOptions *options,
                                          SlExportProgressFunc   progress,
                                          gpointer               progress_data,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data);
gboolean     sl_export_run_finish        (GAsyncResult          *result,
                                          GError               **error);

G_END_DECLS
