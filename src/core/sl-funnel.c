/* sl-funnel.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The funnel of a period: the rollups give every volume and amount in
 * one query; the medians and the open opportunities read deal rows. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-funnel.h"
#include "sl-metric-value-private.h"
#include "sl-metrics-private.h"

G_DEFINE_BOXED_TYPE (SlFunnel, sl_funnel, sl_funnel_copy, sl_funnel_free)

/* Deals that became opportunities by ?1 and were neither won nor lost
 * by then, in the scope (?8, ?9) of their campaign's channel. */
static const char open_opportunities_sql[] =
  "SELECT count(*) FROM deal d JOIN campaign c ON c.id = d.campaign_id "
  "WHERE d.opportunity_day <= ?1 AND (d.won_day IS NULL OR d.won_day > ?1) "
  "AND (d.lost_day IS NULL OR d.lost_day > ?1) "
  "AND (?8 = 0 OR (?8 = 1 AND c.channel_id = ?9) OR (?8 = 2 AND c.id = ?9))";

/* Helpers */

static gint64
stage_volume (const SlMetricsTotals *t,
              SlFunnelStage          stage)
{
  switch (stage)
    {
    case SL_FUNNEL_IMPRESSION: return t->impressions;
    case SL_FUNNEL_CLICK: return t->clicks;
    case SL_FUNNEL_LEAD: return t->leads;
    case SL_FUNNEL_MQL: return t->mqls;
    case SL_FUNNEL_SQL: return t->sqls;
    case SL_FUNNEL_OPPORTUNITY: return t->opportunities;
    case SL_FUNNEL_WON: return t->won;
    default: g_return_val_if_reached (0);
    }
}

static const SlMetricReason stage_reasons[] = {
  [SL_FUNNEL_IMPRESSION] = SL_METRIC_REASON_NO_IMPRESSIONS,
  [SL_FUNNEL_CLICK] = SL_METRIC_REASON_NO_CLICKS,
  [SL_FUNNEL_LEAD] = SL_METRIC_REASON_NO_LEADS,
  [SL_FUNNEL_MQL] = SL_METRIC_REASON_NO_MQLS,
  [SL_FUNNEL_SQL] = SL_METRIC_REASON_NO_SQLS,
  [SL_FUNNEL_OPPORTUNITY] = SL_METRIC_REASON_NO_OPPORTUNITIES,
  [SL_FUNNEL_WON] = SL_METRIC_REASON_NO_CUSTOMERS,
};

static void
fill_steps (SlFunnel              *funnel,
            const SlMetricsTotals *t)
{
  SlFunnelStage first = t->impressions + t->clicks > 0 ? SL_FUNNEL_IMPRESSION : SL_FUNNEL_LEAD;

  funnel->n_steps = 0;
  for (SlFunnelStage stage = first; stage <= SL_FUNNEL_WON; stage++)
    {
      SlFunnelStep *step = &funnel->steps[funnel->n_steps++];
      SlMetricReason why = stage_reasons[stage];

      step->stage = stage;
      step->volume = stage_volume (t, stage);
      if (stage < SL_FUNNEL_WON)
        sl_metrics_totals_conversion (t, stage, stage + 1, &step->conversion);
      else
        sl_metric_value_init_undefined (&step->conversion, SL_METRIC_UNIT_PERCENT, NULL,
                                        SL_METRIC_REASON_NOT_COMPUTED);
      sl_metric_value_init_undefined (&step->days, SL_METRIC_UNIT_DAYS, NULL, SL_METRIC_REASON_NOT_COMPUTED);
      sl_metric_value_init_fraction (&step->cost, SL_METRIC_UNIT_MONEY, t->spend_minor, step->volume,
                                     t->currency, why);
      sl_metric_value_init_fraction (&step->value, SL_METRIC_UNIT_MONEY, t->won_minor, step->volume,
                                     t->currency, why);
    }
}

static gboolean
fetch_days (SlMetrics       *metrics,
            SlFunnel        *funnel,
            GError         **error)
{
  for (guint i = 0; i < funnel->n_steps; i++)
    {
      SlFunnelStep *step = &funnel->steps[i];

      if (step->stage <= SL_FUNNEL_LEAD)
        continue;
      if (!sl_metrics_stage_days (metrics, &funnel->period, &funnel->scope, step->stage - 1, step->stage,
                                  &step->days, error))
        return FALSE;
    }
  return sl_metrics_stage_days (metrics, &funnel->period, &funnel->scope, SL_FUNNEL_LEAD, SL_FUNNEL_WON,
                                &funnel->lead_to_won_days, error);
}

static gboolean
fetch_open_opportunities (SlMetrics  *metrics,
                          SlFunnel   *funnel,
                          GError    **error)
{
  SlDatabase *db = sl_metrics_get_database (metrics);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db, open_opportunities_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, funnel->period.last);
  sl_metrics_bind_scope (stmt, &funnel->scope);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  funnel->open_opportunities = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Public API */

SlFunnel *
sl_funnel_copy (const SlFunnel *funnel)
{
  g_return_val_if_fail (funnel != NULL, NULL);

  return g_memdup2 (funnel, sizeof *funnel);
}

void
sl_funnel_free (SlFunnel *funnel)
{
  g_free (funnel);
}

void
sl_funnel_pipeline_velocity (gint64         open_opportunities,
                             gint64         won,
                             gint64         lost,
                             gint64         revenue_minor,
                             gint64         cycle_deals,
                             gint64         median_x2,
                             const char    *currency,
                             SlMetricValue *out)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (currency != NULL);

  if (won + lost == 0)
    sl_metric_value_init_undefined (out, SL_METRIC_UNIT_MONEY, currency, SL_METRIC_REASON_NO_CLOSED_DEALS);
  else if (won == 0)
    sl_metric_value_init_undefined (out, SL_METRIC_UNIT_MONEY, currency, SL_METRIC_REASON_NO_CUSTOMERS);
  else if (cycle_deals == 0 || median_x2 <= 0)
    sl_metric_value_init_undefined (out, SL_METRIC_UNIT_MONEY, currency, SL_METRIC_REASON_NO_DEALS);
  else
    /* open × (won ÷ closed) × (revenue ÷ won) ÷ (median_x2 ÷ 2): won
     * cancels out once both are known to be non-zero. */
    sl_metric_value_init_fraction128 (out, SL_METRIC_UNIT_MONEY,
                                      (SlInt128)open_opportunities * revenue_minor * 2,
                                      ((SlInt128)won + lost) * median_x2,
                                      currency, SL_METRIC_REASON_NO_DEALS);
}

SlFunnel *
sl_funnel_compute (SlMetrics       *metrics,
                   const SlPeriod  *period,
                   const SlScope   *scope,
                   GError         **error)
{
  g_autoptr(SlFunnel) funnel = g_new0 (SlFunnel, 1);
  SlMetricsTotals t;
  SlMetricsTotals cycle;
  SlMetricsTarget target = { &cycle, NULL, NULL };

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);

  if (!sl_metrics_get_totals (metrics, period, scope, SL_METRICS_PART_FUNNEL, &t, error))
    return NULL;

  funnel->period = *period;
  funnel->scope = *scope;
  g_strlcpy (funnel->currency, t.currency, sizeof funnel->currency);
  funnel->spend_minor = t.spend_minor;
  funnel->revenue_minor = t.won_minor;
  fill_steps (funnel, &t);
  if (!fetch_days (metrics, funnel, error) || !fetch_open_opportunities (metrics, funnel, error))
    return NULL;

  /* The sales cycle's median, twice over, to keep it exact. */
  sl_metrics_totals_init (&cycle, scope, t.currency);
  if (!sl_metrics_fetch_lifecycle (metrics, period->first, period->last, scope,
                                   SL_FUNNEL_OPPORTUNITY, SL_FUNNEL_WON, &target, error))
    return NULL;
  cycle.parts = SL_METRICS_PART_LIFECYCLE;
  sl_metrics_totals_get (&cycle, SL_METRIC_MQL_TO_SQL_DAYS, &funnel->sales_cycle_days);

  sl_metrics_totals_get (&t, SL_METRIC_WIN_RATE, &funnel->win_rate);
  sl_metrics_totals_get (&t, SL_METRIC_AVERAGE_DEAL_SIZE, &funnel->average_deal_size);
  sl_funnel_pipeline_velocity (funnel->open_opportunities, t.won, t.lost, t.won_minor,
                               cycle.lifecycle_deals, cycle.lifecycle_median_x2, t.currency,
                               &funnel->pipeline_velocity);
  return g_steal_pointer (&funnel);
}

const SlFunnelStep *
sl_funnel_get_step (const SlFunnel *funnel,
                    SlFunnelStage   stage)
{
  g_return_val_if_fail (funnel != NULL, NULL);

  for (guint i = 0; i < funnel->n_steps; i++)
    if (funnel->steps[i].stage == stage)
      return &funnel->steps[i];
  return NULL;
}
