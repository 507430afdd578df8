/* sl-realloc-scenario.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-realloc-balance.h"
#include "sl-realloc-scenario.h"

/* Each channel's net change: in minus out. */
static const char deltas_sql[] =
  "SELECT channel_id, sum (delta) FROM ("
  "  SELECT from_channel_id AS channel_id, -amount_minor AS delta FROM realloc_line "
  "  WHERE plan_id = ?1 AND from_channel_id IS NOT NULL "
  "  UNION ALL SELECT to_channel_id, amount_minor FROM realloc_line "
  "  WHERE plan_id = ?1 AND to_channel_id IS NOT NULL) "
  "GROUP BY channel_id ORDER BY channel_id";

void
sl_scenario_row_clear (SlScenarioRow *row)
{
  g_clear_pointer (&row->title, g_free);
  g_clear_pointer (&row->status, g_free);
}

static void
add_value (SlMetricValue       *sum,
           const SlMetricValue *value)
{
  gint64 total;

  if (!sl_metric_value_is_defined (sum))
    return;
  if (!sl_metric_value_is_defined (value))
    *sum = *value;
  else if (!sl_int64_add_checked (sum->num, value->num, &total))
    sl_metric_value_init_undefined (sum, sum->unit, sum->unit == SL_METRIC_UNIT_MONEY ? sum->currency : NULL,
                                    SL_METRIC_REASON_OVERFLOW);
  else
    sum->num = total;
}

static void
init_total (SlFunnelForecast *total,
            const char       *currency)
{
  sl_metric_value_init_count (&total->leads, 0);
  sl_metric_value_init_count (&total->customers, 0);
  sl_metric_value_init_money (&total->revenue, 0, currency);
}

GArray *
sl_realloc_forecast (SlMetrics         *metrics,
                     gint64             plan_id,
                     SlDay              as_of,
                     SlFunnelForecast  *total,
                     GError           **error)
{
  SlDatabase *db = sl_metrics_get_database (metrics);
  g_autoptr(GArray) effects = g_array_new (FALSE, TRUE, sizeof (SlReallocEffect));
  g_autoptr(SlStatement) stmt = NULL;
  SlFunnelForecast sum;
  gboolean has_row, ok;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);

  stmt = sl_database_prepare (db, deltas_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    {
      SlReallocEffect effect = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (effects, effect);
    }
  if (!ok)
    return NULL;

  for (guint i = 0; i < effects->len; i++)
    {
      SlReallocEffect *effect = &g_array_index (effects, SlReallocEffect, i);
      SlScope scope = SL_SCOPE_INIT_CHANNEL (effect->channel_id);
      SlFunnelRates rates;

      if (!sl_funnel_rates_fetch (metrics, &scope, as_of, &rates, error))
        return NULL;
      sl_funnel_rates_forecast (&rates, effect->spend_minor, &effect->effect);
      if (i == 0)
        init_total (&sum, rates.currency);
      add_value (&sum.leads, &effect->effect.leads);
      add_value (&sum.customers, &effect->effect.customers);
      add_value (&sum.revenue, &effect->effect.revenue);
    }
  if (total != NULL)
    {
      if (effects->len == 0)
        init_total (&sum, "");
      *total = sum;
    }
  return g_steal_pointer (&effects);
}

static const char plans_sql[] =
  "SELECT p.id, p.title, p.status, p.reserve_draw_minor, "
  "  (SELECT coalesce (sum (amount_minor), 0) FROM realloc_line l WHERE l.plan_id = p.id) "
  "FROM realloc_plan p WHERE p.scenario_group = ?1 ORDER BY p.created_at, p.id";

static gboolean
fill_row (SlMetrics      *metrics,
          SlScenarioRow  *row,
          SlCalendar      calendar,
          int             fiscal_start,
          SlDay           as_of,
          GError        **error)
{
  g_autoptr(GArray) effects = NULL;
  SlReallocBalance balance;

  if (!sl_realloc_balance_compute (sl_metrics_get_database (metrics), row->plan_id, calendar,
                                   fiscal_start, &balance, error))
    return FALSE;
  row->reserve_left_minor = balance.left_minor - row->reserve_draw_minor;
  effects = sl_realloc_forecast (metrics, row->plan_id, as_of, &row->effect, error);
  return effects != NULL;
}

GArray *
sl_realloc_compare_scenarios (SlMetrics   *metrics,
                              const char  *scenario_group,
                              SlCalendar   calendar,
                              int          fiscal_start,
                              SlDay        as_of,
                              GError     **error)
{
  SlDatabase *db = sl_metrics_get_database (metrics);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (SlScenarioRow));
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row, ok;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (scenario_group != NULL, NULL);

  g_array_set_clear_func (rows, (GDestroyNotify)sl_scenario_row_clear);
  stmt = sl_database_prepare (db, plans_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, scenario_group, -1, SQLITE_STATIC);
  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    {
      SlScenarioRow row = {
        .plan_id = sqlite3_column_int64 (stmt, 0),
        .title = g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
        .status = g_strdup ((const char *)sqlite3_column_text (stmt, 2)),
        .reserve_draw_minor = sqlite3_column_int64 (stmt, 3),
        .moved_minor = sqlite3_column_int64 (stmt, 4),
      };
      g_array_append_val (rows, row);
    }
  if (!ok)
    return NULL;
  g_clear_pointer (&stmt, sl_statement_release);

  for (guint i = 0; i < rows->len; i++)
    if (!fill_row (metrics, &g_array_index (rows, SlScenarioRow, i), calendar, fiscal_start, as_of, error))
      return NULL;
  return g_steal_pointer (&rows);
}
