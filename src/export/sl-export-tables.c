/* sl-export-tables.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The tables of numbers an export writes: the channel table, the budget
 * timeline's months and the lines of the reallocation plans. */

#define G_LOG_DOMAIN "sunlight-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-export-private.h"
#include "sl-metrics-rows.h"
#include "sl-workspace-realloc.h"

/* The channel table: name, campaign, then the figures of a channel report. */
G_STATIC_ASSERT (SL_METRICS_ROW_N_COLUMNS + 2 == SL_EXPORT_CHANNEL_N_COLUMNS);

static SlExportColumnKind
column_kind_for (SlMetric metric)
{
  switch (sl_metric_get_unit (metric))
    {
    case SL_METRIC_UNIT_MONEY:
      return SL_EXPORT_COLUMN_MONEY;
    case SL_METRIC_UNIT_PERCENT:
      return SL_EXPORT_COLUMN_PERCENT;
    case SL_METRIC_UNIT_MULTIPLE:
      return SL_EXPORT_COLUMN_MULTIPLE;
    case SL_METRIC_UNIT_COUNT:
    case SL_METRIC_UNIT_DAYS:
    default:
      return SL_EXPORT_COLUMN_COUNT;
    }
}

/* Only ratios and costs per thing can be undefined; sums never are. */
static gboolean
metric_may_be_undefined (SlMetric metric)
{
  return metric != SL_METRIC_SPEND && metric != SL_METRIC_LEADS &&
         metric != SL_METRIC_NEW_CUSTOMERS && metric != SL_METRIC_REVENUE;
}

static void
add_channel_row (SlExportJob        *job,
                 SlExportTable      *table,
                 const SlMetricsRow *line)
{
  SlCampaign *campaign = NULL;
  GArray *row;

  if (line->campaign_id != 0)
    campaign = sl_campaign_store_lookup (sl_workspace_get_campaigns (job->workspace), line->campaign_id);
  row = sl_export_table_add_row (table, line->campaign_id != 0 ? 1 : 0);
  sl_export_row_add_text (row, sl_export_job_channel_name (job, line->channel_id));
  sl_export_row_add_text (row, campaign != NULL ? sl_campaign_get_name (campaign) : "");
  for (guint c = 0; c < SL_METRICS_ROW_N_COLUMNS; c++)
    {
      SlMetricValue value;

      sl_metrics_totals_get (&line->totals, sl_metrics_row_columns[c].metric, &value);
      sl_export_row_add_value (row, &value);
    }
}

static SlExportTable *
build_channels (SlExportJob  *job,
                GError      **error)
{
  SlAttributionModel model = job->options.model;
  g_autoptr(SlExportTable) table = NULL;
  g_autoptr(GArray) lines = NULL;

  lines = sl_metrics_get_rows (job->metrics, &job->options.period,
                               sl_workspace_get_campaigns (job->workspace),
                               job->options.attributed ? &model : NULL, error);
  if (lines == NULL)
    return NULL;

  table = sl_export_table_new (sl_export_table_kind_get_label (SL_EXPORT_TABLE_CHANNELS),
                               sl_workspace_get_currency (job->workspace));
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("Channel"), FALSE);
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("Campaign"), FALSE);
  for (guint c = 0; c < SL_METRICS_ROW_N_COLUMNS; c++)
    sl_export_table_add_column (table, column_kind_for (sl_metrics_row_columns[c].metric),
                                _(sl_metrics_row_columns[c].title),
                                metric_may_be_undefined (sl_metrics_row_columns[c].metric));

  for (guint i = 0; i < lines->len; i++)
    {
      if (!sl_export_job_advance (job, (double)i / lines->len, error))
        return NULL;
      add_channel_row (job, table, &g_array_index (lines, SlMetricsRow, i));
    }
  return g_steal_pointer (&table);
}

/* Months */

static void
add_month_row (SlExportTable        *table,
               const char           *label,
               const SlPeriod       *period,
               const SlTimelineCell *cell)
{
  g_autofree char *first = sl_day_to_iso (period->first);
  g_autofree char *last = sl_day_to_iso (period->last);
  const char *currency = table->currency;
  GArray *row = sl_export_table_add_row (table, 0);

  sl_export_row_add_text (row, label);
  sl_export_row_add_text (row, first);
  sl_export_row_add_text (row, last);
  sl_export_row_add_money (row, cell->plan_minor, currency);
  sl_export_row_add_money (row, cell->committed_minor, currency);
  sl_export_row_add_money (row, cell->actual_minor, currency);
  if (cell->has_forecast)
    sl_export_row_add_money (row, cell->forecast_minor, currency);
  else
    /* Translators: why a month's forecast cell of an export is empty */
    sl_export_row_add_missing (row, currency, _("no forecast"));
  sl_export_row_add_money (row, cell->outlook_minor, currency);
  sl_export_row_add_money (row, cell->variance_minor, currency);
  sl_export_row_add_value (row, &cell->variance_share);
}

static SlExportTable *
build_months (SlExportJob  *job,
              GError      **error)
{
  static const char * const money_titles[] = {
    N_("Plan"), N_("Committed"), N_("Actual"), N_("Forecast"), N_("Outlook"), N_("Variance"),
  };
  g_autoptr(SlExportTable) table = NULL;
  SlTimeline *timeline = sl_export_job_get_timeline (job, error);
  guint n_months;

  if (timeline == NULL)
    return NULL;

  table = sl_export_table_new (sl_export_table_kind_get_label (SL_EXPORT_TABLE_MONTHS),
                               sl_timeline_get_currency (timeline));
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("Month"), FALSE);
  /* Translators: column title: the first day of a month or period (a date) */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("First day"), FALSE);
  /* Translators: column title: the last day of a month or period (a date) */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("Last day"), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (money_titles); i++)
    sl_export_table_add_column (table, SL_EXPORT_COLUMN_MONEY, _(money_titles[i]), i == 3);
  /* Translators: column title: the variance as a share of the plan */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_PERCENT, _("Variance %"), TRUE);

  n_months = sl_timeline_get_n_months (timeline);
  for (guint m = 0; m < n_months; m++)
    {
      const SlTimelineMonth *month = sl_timeline_get_month (timeline, m);
      g_autofree char *label = sl_period_format (&month->period, NULL);

      if (!sl_export_job_advance (job, (double)m / n_months, error))
        return NULL;
      add_month_row (table, label, &month->period,
                     sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m));
    }
  add_month_row (table, _("Total"), sl_timeline_get_period (timeline),
                 sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL));
  return g_steal_pointer (&table);
}

/* Plan lines */

static gboolean
month_in_period (SlExportJob *job,
                 SlDay        day)
{
  const SlPeriod *period = &job->options.period;
  SlPeriod month;

  sl_period_init (&month, SL_PERIOD_MONTH, sl_workspace_get_calendar (job->workspace),
                  sl_workspace_get_fiscal_start_month (job->workspace), day);
  return month.first <= period->last && month.last >= period->first;
}

static char *
format_month (SlExportJob *job,
              SlDay        day)
{
  SlPeriod month;

  sl_period_init (&month, SL_PERIOD_MONTH, sl_workspace_get_calendar (job->workspace),
                  sl_workspace_get_fiscal_start_month (job->workspace), day);
  return sl_period_format (&month, NULL);
}

GPtrArray *
sl_export_job_list_plan_lines (SlExportJob *job,
                               gint64       plan_id)
{
  GListModel *lines = G_LIST_MODEL (sl_workspace_get_realloc_lines (job->workspace));
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (lines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlReallocLine) line = g_list_model_get_item (lines, i);

      if (plan_id == 0 || sl_realloc_line_get_plan_id (line) == plan_id)
        g_ptr_array_add (out, g_steal_pointer (&line));
    }
  return out;
}

GPtrArray *
sl_export_job_list_plans (SlExportJob *job)
{
  GListModel *plans = G_LIST_MODEL (sl_workspace_get_realloc_plans (job->workspace));
  g_autoptr(GPtrArray) lines = sl_export_job_list_plan_lines (job, 0);
  g_autoptr(GHashTable) touching = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (plans);

  for (guint i = 0; i < lines->len; i++)
    {
      SlReallocLine *line = g_ptr_array_index (lines, i);
      gint64 plan_id = sl_realloc_line_get_plan_id (line);

      if (month_in_period (job, sl_realloc_line_get_from_first_day (line)) ||
          month_in_period (job, sl_realloc_line_get_to_first_day (line)))
        g_hash_table_add (touching, g_memdup2 (&plan_id, sizeof plan_id));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlReallocPlan) plan = g_list_model_get_item (plans, i);
      gint64 id = sl_record_get_id (SL_RECORD (plan));

      if (g_hash_table_contains (touching, &id))
        g_ptr_array_add (out, g_steal_pointer (&plan));
    }
  return out;
}

static void
add_plan_line_row (SlExportJob   *job,
                   SlExportTable *table,
                   SlReallocPlan *plan,
                   SlReallocLine *line)
{
  g_autofree char *from_month = format_month (job, sl_realloc_line_get_from_first_day (line));
  g_autofree char *to_month = format_month (job, sl_realloc_line_get_to_first_day (line));
  GArray *row = sl_export_table_add_row (table, 0);

  sl_export_row_add_text (row, sl_realloc_plan_get_title (plan));
  sl_export_row_add_text (row, sl_realloc_plan_get_status_label (plan));
  sl_export_row_add_text (row, sl_export_job_channel_name (job, sl_realloc_line_get_from_channel_id (line)));
  sl_export_row_add_text (row, from_month);
  sl_export_row_add_text (row, sl_export_job_channel_name (job, sl_realloc_line_get_to_channel_id (line)));
  sl_export_row_add_text (row, to_month);
  sl_export_row_add_money (row, sl_realloc_line_get_amount_minor (line), sl_realloc_plan_get_currency (plan));
}

static void
add_plan_line_columns (SlExportTable *table)
{
  /* Translators: column title: a reallocation plan's title */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, C_("column", "Plan"), FALSE);
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("Status"), FALSE);
  /* Translators: column title: the channel a plan line takes money from */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, C_("column", "From"), FALSE);
  /* Translators: column title: the month a plan line takes money from */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("From month"), FALSE);
  /* Translators: column title: the channel a plan line moves money to */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, C_("column", "To"), FALSE);
  /* Translators: column title: the month a plan line moves money to */
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_TEXT, _("To month"), FALSE);
  sl_export_table_add_column (table, SL_EXPORT_COLUMN_MONEY, _("Amount"), FALSE);
}

void
sl_export_table_describe_plan_lines (SlExportJob   *job,
                                     SlExportTable *table,
                                     SlReallocPlan *plan,
                                     GPtrArray     *lines)
{
  if (table->columns->len == 0)
    add_plan_line_columns (table);
  for (guint i = 0; i < lines->len; i++)
    add_plan_line_row (job, table, plan, g_ptr_array_index (lines, i));
}

static SlExportTable *
build_plan_lines (SlExportJob  *job,
                  GError      **error)
{
  g_autoptr(SlExportTable) table = NULL;
  g_autoptr(GPtrArray) plans = sl_export_job_list_plans (job);

  table = sl_export_table_new (sl_export_table_kind_get_label (SL_EXPORT_TABLE_PLAN_LINES),
                               sl_workspace_get_currency (job->workspace));
  add_plan_line_columns (table);
  for (guint p = 0; p < plans->len; p++)
    {
      SlReallocPlan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GPtrArray) lines = sl_export_job_list_plan_lines (job, sl_record_get_id (SL_RECORD (plan)));

      if (!sl_export_job_advance (job, (double)p / plans->len, error))
        return NULL;
      sl_export_table_describe_plan_lines (job, table, plan, lines);
    }
  return g_steal_pointer (&table);
}

SlExportTable *
sl_export_table_build (SlExportJob        *job,
                       SlExportTableKind   kind,
                       GError            **error)
{
  switch (kind)
    {
    case SL_EXPORT_TABLE_CHANNELS:
      return build_channels (job, error);
    case SL_EXPORT_TABLE_MONTHS:
      return build_months (job, error);
    case SL_EXPORT_TABLE_PLAN_LINES:
      return build_plan_lines (job, error);
    default:
      g_return_val_if_reached (NULL);
    }
}
