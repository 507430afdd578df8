/* sunlight-cli-report-json.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A report as JSON (json-glib): money as {"minor", "currency",
 * "formatted"} (a cost per thing also with its exact "num" ÷ "den"),
 * ratios as {"num", "den", "value"}, an undefined value as
 * {"undefined": reason}. */

#define G_LOG_DOMAIN "sunlight-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sunlight-cli-report.h"

static void
json_value (JsonBuilder         *builder,
            SlMetric             metric,
            const SlMetricValue *v)
{
  ReportColumnKind kind = report_column_kind (metric);
  SlMoney money;
  double x;

  if (kind == REPORT_COLUMN_COUNT)
    {
      json_builder_add_int_value (builder, v->num);
      return;
    }
  json_builder_begin_object (builder);
  if (!sl_metric_value_is_defined (v))
    {
      json_builder_set_member_name (builder, "undefined");
      json_builder_add_string_value (builder, report_reason_key (v->reason));
    }
  else if (kind == REPORT_COLUMN_RATIO || !sl_metric_value_to_money (v, &money))
    {
      sl_metric_value_to_double (v, &x);
      json_builder_set_member_name (builder, "num");
      json_builder_add_int_value (builder, v->num);
      json_builder_set_member_name (builder, "den");
      json_builder_add_int_value (builder, v->den);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, x);
      if (metric == SL_METRIC_ROI)
        {
          json_builder_set_member_name (builder, "basis");
          json_builder_add_string_value (builder, report_basis_key (v->basis));
        }
    }
  else
    {
      g_autofree char *shown = sl_money_format (&money, NULL);

      json_builder_set_member_name (builder, "minor");
      json_builder_add_int_value (builder, money.minor);
      json_builder_set_member_name (builder, "currency");
      json_builder_add_string_value (builder, money.currency);
      json_builder_set_member_name (builder, "formatted");
      json_builder_add_string_value (builder, shown);
      if (kind == REPORT_COLUMN_PER_THING)
        {
          /* Exact: num minor units ÷ den things. */
          json_builder_set_member_name (builder, "num");
          json_builder_add_int_value (builder, v->num);
          json_builder_set_member_name (builder, "den");
          json_builder_add_int_value (builder, v->den);
        }
    }
  json_builder_end_object (builder);
}

static void
json_period (JsonBuilder    *builder,
             const SlPeriod *period)
{
  g_autofree char *name = sl_period_to_string (period);
  g_autofree char *label = sl_period_format (period, NULL);
  g_autofree char *first = sl_day_to_iso (period->first);
  g_autofree char *last = sl_day_to_iso (period->last);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, label);
  json_builder_set_member_name (builder, "first_day");
  json_builder_add_string_value (builder, first);
  json_builder_set_member_name (builder, "last_day");
  json_builder_add_string_value (builder, last);
  json_builder_end_object (builder);
}

static void
json_row (JsonBuilder     *builder,
          const Report    *report,
          const ReportRow *row,
          gboolean         total)
{
  json_builder_begin_object (builder);
  if (!total && report->by == REPORT_BY_MONTH)
    {
      json_builder_set_member_name (builder, "month");
      json_period (builder, &row->period);
    }
  else if (!total)
    {
      json_builder_set_member_name (builder, "channel");
      json_builder_add_string_value (builder, report->by == REPORT_BY_CAMPAIGN ? row->channel : row->name);
      json_builder_set_member_name (builder, "channel_id");
      json_builder_add_int_value (builder, row->channel_id);
      if (report->by == REPORT_BY_CAMPAIGN)
        {
          json_builder_set_member_name (builder, "campaign");
          json_builder_add_string_value (builder, row->name);
          json_builder_set_member_name (builder, "campaign_id");
          json_builder_add_int_value (builder, row->id);
        }
    }
  for (guint c = 0; c < report_n_metrics; c++)
    {
      g_autofree char *key = report_column_key (report_metrics[c]);
      SlMetricValue v;

      report_row_value (row, c, &v);
      json_builder_set_member_name (builder, key);
      json_value (builder, report_metrics[c], &v);
    }
  json_builder_end_object (builder);
}

void
report_print_json (const Report *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "workspace");
  json_builder_add_string_value (builder, report->workspace);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, report->currency);
  json_builder_set_member_name (builder, "period");
  json_period (builder, &report->period);
  json_builder_set_member_name (builder, "by");
  json_builder_add_string_value (builder, report_by_to_string (report->by));
  json_builder_set_member_name (builder, "attribution");
  if (report->attributed)
    json_builder_add_string_value (builder, sl_attribution_model_to_string (report->model));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < report->rows->len; r++)
    json_row (builder, report, g_ptr_array_index (report->rows, r), FALSE);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  json_row (builder, report, report->total, TRUE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}
