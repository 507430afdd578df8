/* sunlight-cli-report.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* `sunlight-cli report`: the channel table of a period, by channel,
 * campaign or month, from the metrics engine. This file reads the options
 * and gathers the rows; sunlight-cli-report-output.c prints them. */

#define G_LOG_DOMAIN "sunlight-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-attribution-result.h"
#include "sl-metrics-rows.h"
#include "sl-workspace.h"
#include "sunlight-cli-report.h"
#include "sunlight-cli.h"

/* Every row holds these parts: the funnel, and customers for CLV. */
#define ROW_PARTS SL_METRICS_ROW_PARTS

typedef struct
{
  SlWorkspace *workspace;
  SlMetrics   *metrics;
  Report      *report;
} Gather;

void
report_row_free (ReportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->channel);
  g_free (row);
}

void
report_free (Report *report)
{
  if (report == NULL)
    return;
  g_free (report->workspace);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  g_clear_pointer (&report->total, report_row_free);
  g_free (report);
}

const char *
report_by_to_string (ReportBy by)
{
  static const char * const names[] = { "channel", "campaign", "month" };

  g_return_val_if_fail ((guint)by < G_N_ELEMENTS (names), NULL);
  return names[by];
}

static gboolean
report_by_from_string (const char *text,
                       ReportBy   *out)
{
  for (ReportBy by = REPORT_BY_CHANNEL; by <= REPORT_BY_MONTH; by++)
    if (g_str_equal (text, report_by_to_string (by)))
      {
        *out = by;
        return TRUE;
      }
  return FALSE;
}

static gboolean
format_from_string (const char   *text,
                    ReportFormat *out)
{
  static const char * const names[] = { "table", "csv", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *out = (ReportFormat)i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
bad_value (GError     **error,
           const char  *option,
           const char  *value,
           const char  *allowed)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: an option, what the user typed, then the values allowed */
               _("%s: “%s” is not one of %s"), option, value, allowed);
  return FALSE;
}

static gboolean
parse_period (SlWorkspace  *workspace,
              const char   *text,
              SlPeriod     *out,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    {
      sl_workspace_get_fiscal_year (workspace, sl_day_today (), out);
      return TRUE;
    }
  if (sl_period_parse (text, sl_workspace_get_calendar (workspace),
                       sl_workspace_get_fiscal_start_month (workspace), out, &local_error))
    return TRUE;
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %s says what is wrong with the period typed (it quotes
                * it); do not translate the examples */
               _("--period: %s; use e.g. 2025-Q3, 2025-03, FY2025 or 2025-01-01..2025-03-31"),
               local_error->message);
  return FALSE;
}

/* A row holding @period's customer figures for @scope, its funnel sums
 * zero, for the caller to add them in. */
static ReportRow *
row_new (Gather          *gather,
         const SlPeriod  *period,
         const SlScope   *scope,
         const char      *name,
         GError         **error)
{
  g_autoptr(ReportRow) row = g_new0 (ReportRow, 1);

  row->name = g_strdup (name);
  row->period = *period;
  if (!sl_metrics_get_totals (gather->metrics, period, scope, SL_METRICS_PART_CUSTOMERS, &row->totals, error))
    return NULL;
  row->totals.parts |= SL_METRICS_PART_FUNNEL;
  return g_steal_pointer (&row);
}

/* Adds @totals's funnel sums (only those) to @row. */
static void
row_add_funnel (ReportRow             *row,
                const SlMetricsTotals *totals)
{
  SlMetricsTotals funnel = *totals;

  funnel.parts = SL_METRICS_PART_FUNNEL;
  sl_metrics_totals_add (&row->totals, &funnel);
}

static SlAttributionResult *
run_attribution (Gather          *gather,
                 const SlPeriod  *period,
                 GError         **error)
{
  return sl_attribution_run (sl_workspace_get_database (gather->workspace), gather->report->model,
                             period, 0, error);
}

/* Channel rows, or campaign rows grouped by channel. */
static gboolean
gather_rows (Gather    *gather,
             gboolean   campaigns,
             GError   **error)
{
  Report *report = gather->report;
  SlChannelStore *channels = sl_workspace_get_channels (gather->workspace);
  SlCampaignStore *campaign_store = sl_workspace_get_campaigns (gather->workspace);
  g_autoptr(GArray) rows = NULL;

  rows = sl_metrics_get_rows (gather->metrics, &report->period, campaigns ? campaign_store : NULL,
                              report->attributed ? &report->model : NULL, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      SlMetricsRow *source = &g_array_index (rows, SlMetricsRow, i);
      SlChannel *channel = sl_channel_store_lookup (channels, source->channel_id);
      const char *channel_name = channel != NULL ? sl_channel_get_name (channel) : "?";
      ReportRow *row;

      if (campaigns != (source->campaign_id != 0))
        continue;
      row = g_new0 (ReportRow, 1);
      if (campaigns)
        {
          SlCampaign *campaign = sl_campaign_store_lookup (campaign_store, source->campaign_id);

          row->name = g_strdup (campaign != NULL ? sl_campaign_get_name (campaign) : "?");
          row->channel = g_strdup (channel_name);
        }
      else
        row->name = g_strdup (channel_name);
      row->id = campaigns ? source->campaign_id : source->channel_id;
      row->channel_id = source->channel_id;
      row->period = report->period;
      row->totals = source->totals;
      g_ptr_array_add (report->rows, row);
      row_add_funnel (report->total, &source->totals);
    }
  return TRUE;
}

/* One month of the matrix: its channels' cells (credited under the
 * model, if any) added into @row. */
static gboolean
add_month_cells (Gather           *gather,
                 SlMetricsMatrix  *matrix,
                 guint             p,
                 ReportRow        *row,
                 GError          **error)
{
  guint n_channels = sl_metrics_matrix_get_n_channels (matrix);
  g_autoptr(GArray) column = g_array_sized_new (FALSE, FALSE, sizeof (SlMetricsTotals), n_channels);
  g_autoptr(SlAttributionResult) attribution = NULL;

  for (guint c = 0; c < n_channels; c++)
    g_array_append_vals (column, sl_metrics_matrix_get_totals (matrix, c, p), 1);
  if (gather->report->attributed)
    {
      if ((attribution = run_attribution (gather, sl_metrics_matrix_get_period (matrix, p), error)) == NULL)
        return FALSE;
      sl_metrics_table_apply_attribution (column, attribution);
    }
  for (guint c = 0; c < n_channels; c++)
    row_add_funnel (row, &g_array_index (column, SlMetricsTotals, c));
  return TRUE;
}

static gboolean
gather_months (Gather  *gather,
               GError **error)
{
  Report *report = gather->report;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  g_autoptr(SlMetricsMatrix) matrix = NULL;

  matrix = sl_metrics_get_matrix (gather->metrics, &report->period, SL_PERIOD_MONTH, error);
  if (matrix == NULL)
    return FALSE;
  for (guint p = 0; p < sl_metrics_matrix_get_n_periods (matrix); p++)
    {
      const SlPeriod *month = sl_metrics_matrix_get_period (matrix, p);
      g_autofree char *label = sl_period_format (month, NULL);
      g_autoptr(ReportRow) row = row_new (gather, month, &all, label, error);

      if (row == NULL || !add_month_cells (gather, matrix, p, row, error))
        return FALSE;
      row_add_funnel (report->total, &row->totals);
      g_ptr_array_add (report->rows, g_steal_pointer (&row));
    }
  return TRUE;
}

static Report *
gather_report (SlWorkspace         *workspace,
               const SlPeriod      *period,
               ReportBy             by,
               gboolean             attributed,
               SlAttributionModel   model,
               GError             **error)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  g_autoptr(Report) report = g_new0 (Report, 1);
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  Gather gather = { workspace, metrics, report };
  gboolean ok;

  report->workspace = g_strdup (sl_workspace_get_name (workspace));
  g_strlcpy (report->currency, sl_workspace_get_currency (workspace), sizeof report->currency);
  report->by = by;
  report->period = *period;
  report->attributed = attributed;
  report->model = model;
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)report_row_free);
  /* Translators: the report's last row, the sum of the others */
  report->total = row_new (&gather, period, &all, _("Total"), error);
  if (report->total == NULL)
    return NULL;

  switch (by)
    {
    case REPORT_BY_CHANNEL:
      ok = gather_rows (&gather, FALSE, error);
      break;
    case REPORT_BY_CAMPAIGN:
      ok = gather_rows (&gather, TRUE, error);
      break;
    case REPORT_BY_MONTH:
      ok = gather_months (&gather, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return ok ? g_steal_pointer (&report) : NULL;
}

int
sl_cli_command_report (int    argc,
                       char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *model_text = NULL;
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
      N_("2025-Q3, 2025-03, FY2025 or 2025-01-01..2025-03-31 (default: this fiscal year)"), N_("PERIOD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("One row per channel, campaign or month (default channel)"), N_("ROWS") },
    { "attribution", 0, 0, G_OPTION_ARG_STRING, &model_text,
      N_("Credit revenue by a model: first-touch, last-touch, linear, position-based or time-decay "
         "(default: to the channel each deal came from)"), N_("MODEL") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("table, csv or json (default table)"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlWorkspace) workspace = NULL;
  g_autoptr(Report) report = NULL;
  GError *error = NULL;
  const char *path = NULL;
  ReportBy by = REPORT_BY_CHANNEL;
  ReportFormat format = REPORT_FORMAT_TABLE;
  SlAttributionModel model = SL_ATTRIBUTION_LAST_TOUCH;
  SlPeriod period;

  context = command_context ("report", _("WORKSPACE"),
                             _("Prints the channel table of a period: spend, funnel, revenue, CPL, cost per MQL, "
                               "CAC, ROI, lead-to-client rate and CLV : CAC, and a total row. CSV and JSON are "
                               "exact: money in minor units with its currency, ratios as fractions. "
                               "Exit status: 0 printed, 1 failed."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli report budget.sunlight --period 2025-Q3", &path, &error))
    return fail_with (error);

  if ((by_text != NULL && !report_by_from_string (by_text, &by) &&
       !bad_value (&error, "--by", by_text, "channel, campaign, month")) ||
      (model_text != NULL && !sl_attribution_model_from_string (model_text, &model) &&
       !bad_value (&error, "--attribution", model_text,
                   "first-touch, last-touch, linear, position-based, time-decay")) ||
      (format_text != NULL && !format_from_string (format_text, &format) &&
       !bad_value (&error, "--format", format_text, "table, csv, json")))
    return fail_with (error);

  workspace = sl_workspace_open (path, &error);
  if (workspace == NULL || !parse_period (workspace, period_text, &period, &error))
    return fail_with (error);
  report = gather_report (workspace, &period, by, model_text != NULL, model, &error);
  if (report == NULL)
    return fail_with (error);

  switch (format)
    {
    case REPORT_FORMAT_TABLE:
      report_print_table (report);
      break;
    case REPORT_FORMAT_CSV:
      report_print_csv (report);
      break;
    case REPORT_FORMAT_JSON:
      report_print_json (report);
      break;
    default:
      g_return_val_if_reached (SL_CLI_FAILED);
    }
  return SL_CLI_OK;
}
