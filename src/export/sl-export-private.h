/* sl-export-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-export.h"
#include "sl-export-table.h"
#include "sl-timeline.h"
#include "sl-realloc-plan.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* One export in progress, in the thread that runs it: the workspace
 * opened there, what was asked, and the progress of its steps. */
typedef struct
{
  SlWorkspace          *workspace;
  SlMetrics            *metrics;
  SlExportOptions       options;
  const char           *output_path;  /* for messages */
  SlPeriod              year;       /* the budget timeline's fiscal year */
  SlTimeline           *timeline;   /* made when first needed */
  SlExportProgressFunc  progress;
  gpointer              progress_data;
  GCancellable         *cancellable;
  double                step_from;  /* the share done when the step began */
  double                step_to;    /* …and when it ends */
  double                reported;   /* the last share reported */
  char                 *what;       /* the step, for people */
} SlExportJob;

/* sl-export.c: a step takes the progress from where the last one ended
 * to @until; sl_export_job_advance() reports @fraction of it and fails
 * (G_IO_ERROR_CANCELLED) once the export is cancelled. */
gboolean       sl_export_job_begin_step   (SlExportJob        *job,
                                           double              until,
                                           const char         *what,
                                           GError            **error);
gboolean       sl_export_job_advance      (SlExportJob        *job,
                                           double              fraction,
                                           GError            **error);
SlTimeline    *sl_export_job_get_timeline (SlExportJob        *job,
                                           GError            **error);
/* The name of channel @id, or of the reserve for 0 (translated). */
const char    *sl_export_job_channel_name (SlExportJob        *job,
                                           gint64              channel_id);

/* The columns of the channel table. */
typedef enum
{
  SL_EXPORT_CHANNEL_NAME,
  SL_EXPORT_CHANNEL_CAMPAIGN,
  SL_EXPORT_CHANNEL_SPEND,
  SL_EXPORT_CHANNEL_LEADS,
  SL_EXPORT_CHANNEL_CPL,
  SL_EXPORT_CHANNEL_CUSTOMERS,
  SL_EXPORT_CHANNEL_CAC,
  SL_EXPORT_CHANNEL_REVENUE,
  SL_EXPORT_CHANNEL_ROI,
  SL_EXPORT_CHANNEL_CLV_CAC,
  SL_EXPORT_CHANNEL_N_COLUMNS,
} SlExportChannelColumn;

/* sl-export-tables.c. The reallocation plans with a line in a month
 * of the period, oldest first (SlReallocPlan); the lines of @plan_id, or
 * of every plan with 0 (SlReallocLine), in order. */
GPtrArray     *sl_export_job_list_plans      (SlExportJob        *job);
GPtrArray     *sl_export_job_list_plan_lines (SlExportJob        *job,
                                              gint64              plan_id);
/* Adds @plan's @lines to @table as the plan lines table has them (and
 * that table's columns to a table without any). */
void           sl_export_table_describe_plan_lines (SlExportJob   *job,
                                                    SlExportTable *table,
                                                    SlReallocPlan *plan,
                                                    GPtrArray     *lines);
SlExportTable *sl_export_table_build      (SlExportJob        *job,
                                           SlExportTableKind   kind,
                                           GError            **error);

/* The writers, each to @path (a temporary file the caller renames). */
gboolean       sl_export_write_csv        (SlExportJob        *job,
                                           const char         *path,
                                           GError            **error);
gboolean       sl_export_write_xlsx       (SlExportJob        *job,
                                           const char         *path,
                                           GError            **error);
gboolean       sl_export_write_pdf        (SlExportJob        *job,
                                           const char         *path,
                                           GError            **error);

G_END_DECLS
