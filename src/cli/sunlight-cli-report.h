/* sunlight-cli-report.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-attribution.h"
#include "sl-metrics.h"

G_BEGIN_DECLS

/* What `sunlight-cli report` gathers (sunlight-cli-report.c) and prints
 * (sunlight-cli-report-output.c). */

typedef enum
{
  REPORT_BY_CHANNEL,
  REPORT_BY_CAMPAIGN,
  REPORT_BY_MONTH,
} ReportBy;

typedef enum
{
  REPORT_FORMAT_TABLE,
  REPORT_FORMAT_CSV,
  REPORT_FORMAT_JSON,
} ReportFormat;

/* One line of the report: a channel, a campaign, a month or the total. */
typedef struct
{
  char            *name;     /* channel or campaign name, month label, "Total" */
  char            *channel;  /* campaign rows: the campaign's channel */
  gint64           id;       /* channel or campaign id; 0 for months and the total */
  gint64           channel_id;
  SlPeriod         period;   /* month rows: the month, clipped to the report's period */
  SlMetricsTotals  totals;   /* FUNNEL and CUSTOMERS */
} ReportRow;

typedef struct
{
  char               *workspace;
  char                currency[4];
  ReportBy            by;
  SlPeriod            period;
  gboolean            attributed;
  SlAttributionModel  model;
  GPtrArray          *rows;   /* ReportRow */
  ReportRow          *total;  /* Σ of the rows' funnel sums; customers of the workspace */
} Report;

void         report_row_free          (ReportRow    *row);
void         report_free              (Report       *report);

const char  *report_by_to_string      (ReportBy      by);

/* The columns, in order (docs: README › Reports). */
extern const SlMetric report_metrics[];
extern const guint    report_n_metrics;

/* How a column is written in CSV and JSON. */
typedef enum
{
  REPORT_COLUMN_COUNT,      /* an integer */
  REPORT_COLUMN_AMOUNT,     /* money, den 1 */
  REPORT_COLUMN_PER_THING,  /* money ÷ things: rounded to the minor unit, and exact */
  REPORT_COLUMN_RATIO,      /* a fraction and its decimal */
} ReportColumnKind;

ReportColumnKind report_column_kind   (SlMetric       metric);
/* "new-customers" → "new_customers": names scripts can use as is. */
char        *report_column_key        (SlMetric       metric);
/* For programs, never translated: "no spend"; "gross-profit", "revenue". */
const char  *report_reason_key        (SlMetricReason reason);
const char  *report_basis_key         (SlMetricBasis  basis);
/* The value of column @column of @row. */
void         report_row_value         (const ReportRow *row,
                                       guint            column,
                                       SlMetricValue   *out);

void         report_print_table       (const Report *report);
void         report_print_csv         (const Report *report);
void         report_print_json        (const Report *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportRow, report_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

G_END_DECLS
