/* sl-metrics-totals.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The metrics as pure functions of a period's sums. Every ratio is kept
 * as an exact fraction; a zero denominator gives an undefined value that
 * names what is missing. docs/metrics.md is the reference. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-metric-value-private.h"
#include "sl-metrics-totals.h"

void
sl_metrics_totals_init (SlMetricsTotals *totals,
                        const SlScope   *scope,
                        const char      *currency)
{
  g_return_if_fail (totals != NULL);
  g_return_if_fail (scope != NULL);
  g_return_if_fail (currency != NULL);

  memset (totals, 0, sizeof *totals);
  totals->scope = *scope;
  g_strlcpy (totals->currency, currency, sizeof totals->currency);
}

void
sl_metrics_totals_add (SlMetricsTotals       *a,
                       const SlMetricsTotals *b)
{
  SlMetricsParts both;

  g_return_if_fail (a != NULL);
  g_return_if_fail (b != NULL);

  both = a->parts & b->parts;
  if (both & SL_METRICS_PART_FUNNEL)
    {
      a->spend_minor += b->spend_minor;
      a->impressions += b->impressions;
      a->clicks += b->clicks;
      a->conversions += b->conversions;
      a->leads += b->leads;
      a->mqls += b->mqls;
      a->sqls += b->sqls;
      a->opportunities += b->opportunities;
      a->won += b->won;
      a->lost += b->lost;
      a->won_minor += b->won_minor;
      a->won_gross_profit_minor += b->won_gross_profit_minor;
      a->won_unknown_gp += b->won_unknown_gp;
      a->won_unknown_gp_minor += b->won_unknown_gp_minor;
    }
  if (both & SL_METRICS_PART_CUSTOMERS)
    {
      a->billed_minor += b->billed_minor;
      a->account_months += b->account_months;
      a->known_gp_billed_minor += b->known_gp_billed_minor;
      a->billed_gross_profit_minor += b->billed_gross_profit_minor;
      a->expansion_minor += b->expansion_minor;
      a->at_risk += b->at_risk;
      a->churned += b->churned;
      a->start_customers += b->start_customers;
      a->kept_customers += b->kept_customers;
    }
  if (both & SL_METRICS_PART_OBSERVED_CLV)
    {
      a->observed_customers += b->observed_customers;
      a->observed_gross_profit_minor += b->observed_gross_profit_minor;
      a->observed_known_rows += b->observed_known_rows;
    }
}

static void
fraction (const SlMetricsTotals *totals,
          SlMetricValue         *out,
          SlMetricUnit           unit,
          SlInt128               num,
          SlInt128               den,
          SlMetricReason         if_zero)
{
  sl_metric_value_init_fraction128 (out, unit, num, den, totals->currency, if_zero);
}

static gint64
stage_count (const SlMetricsTotals *totals,
             SlFunnelStage          stage)
{
  switch (stage)
    {
    case SL_FUNNEL_IMPRESSION: return totals->impressions;
    case SL_FUNNEL_CLICK: return totals->clicks;
    case SL_FUNNEL_LEAD: return totals->leads;
    case SL_FUNNEL_MQL: return totals->mqls;
    case SL_FUNNEL_SQL: return totals->sqls;
    case SL_FUNNEL_OPPORTUNITY: return totals->opportunities;
    case SL_FUNNEL_WON: return totals->won;
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

void
sl_metrics_totals_conversion (const SlMetricsTotals *totals,
                              SlFunnelStage          from,
                              SlFunnelStage          to,
                              SlMetricValue         *out)
{
  g_return_if_fail (totals != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (from < to && to <= SL_FUNNEL_WON);

  fraction (totals, out, SL_METRIC_UNIT_PERCENT, stage_count (totals, to),
            stage_count (totals, from), stage_reasons[from]);
}

/* Gross profit when every won deal's margin is known, else revenue:
 * the basis of ROI and of net revenue minus CAC. */
static gint64
profit_on_basis (const SlMetricsTotals *totals,
                 SlMetricBasis         *basis)
{
  if (totals->won_unknown_gp > 0)
    {
      *basis = SL_METRIC_BASIS_REVENUE;
      return totals->won_minor;
    }
  *basis = SL_METRIC_BASIS_GROSS_PROFIT;
  return totals->won_gross_profit_minor;
}

static void
get_funnel (const SlMetricsTotals *t,
            SlMetric               metric,
            SlMetricValue         *out)
{
  const SlMetricUnit money = SL_METRIC_UNIT_MONEY;
  SlMetricBasis basis;
  gint64 profit;

  switch (metric)
    {
    case SL_METRIC_SPEND: fraction (t, out, money, t->spend_minor, 1, 0); break;
    case SL_METRIC_IMPRESSIONS: sl_metric_value_init_count (out, t->impressions); break;
    case SL_METRIC_CLICKS: sl_metric_value_init_count (out, t->clicks); break;
    case SL_METRIC_CONVERSIONS: sl_metric_value_init_count (out, t->conversions); break;
    case SL_METRIC_LEADS: sl_metric_value_init_count (out, t->leads); break;
    case SL_METRIC_MQLS: sl_metric_value_init_count (out, t->mqls); break;
    case SL_METRIC_SQLS: sl_metric_value_init_count (out, t->sqls); break;
    case SL_METRIC_OPPORTUNITIES: sl_metric_value_init_count (out, t->opportunities); break;
    case SL_METRIC_NEW_CUSTOMERS: sl_metric_value_init_count (out, t->won); break;
    case SL_METRIC_LOST_DEALS: sl_metric_value_init_count (out, t->lost); break;
    case SL_METRIC_REVENUE: fraction (t, out, money, t->won_minor, 1, 0); break;
    case SL_METRIC_GROSS_PROFIT:
      /* Won deals, none of them with a known margin: unknown, not 0. */
      fraction (t, out, money, t->won_gross_profit_minor,
                t->won > 0 && t->won_unknown_gp == t->won ? 0 : 1, SL_METRIC_REASON_NO_GROSS_PROFIT);
      break;
    case SL_METRIC_AVERAGE_DEAL_SIZE:
      fraction (t, out, money, t->won_minor, t->won, SL_METRIC_REASON_NO_CUSTOMERS);
      break;
    case SL_METRIC_REVENUE_PER_LEAD:
      fraction (t, out, money, t->won_minor, t->leads, SL_METRIC_REASON_NO_LEADS);
      break;
    case SL_METRIC_PROFIT_MARGIN:
      if (t->won > 0 && t->won_unknown_gp == t->won)
        sl_metric_value_init_undefined (out, SL_METRIC_UNIT_PERCENT, NULL, SL_METRIC_REASON_NO_GROSS_PROFIT);
      else
        fraction (t, out, SL_METRIC_UNIT_PERCENT, t->won_gross_profit_minor,
                  t->won_minor - t->won_unknown_gp_minor, SL_METRIC_REASON_NO_REVENUE);
      break;
    case SL_METRIC_CTR: sl_metrics_totals_conversion (t, SL_FUNNEL_IMPRESSION, SL_FUNNEL_CLICK, out); break;
    case SL_METRIC_CLICK_TO_LEAD: sl_metrics_totals_conversion (t, SL_FUNNEL_CLICK, SL_FUNNEL_LEAD, out); break;
    case SL_METRIC_LEAD_TO_MQL: sl_metrics_totals_conversion (t, SL_FUNNEL_LEAD, SL_FUNNEL_MQL, out); break;
    case SL_METRIC_MQL_TO_SQL: sl_metrics_totals_conversion (t, SL_FUNNEL_MQL, SL_FUNNEL_SQL, out); break;
    case SL_METRIC_SQL_TO_OPPORTUNITY: sl_metrics_totals_conversion (t, SL_FUNNEL_SQL, SL_FUNNEL_OPPORTUNITY, out); break;
    case SL_METRIC_OPPORTUNITY_TO_WON: sl_metrics_totals_conversion (t, SL_FUNNEL_OPPORTUNITY, SL_FUNNEL_WON, out); break;
    case SL_METRIC_LEAD_TO_CLIENT: sl_metrics_totals_conversion (t, SL_FUNNEL_LEAD, SL_FUNNEL_WON, out); break;
    case SL_METRIC_WIN_RATE:
      fraction (t, out, SL_METRIC_UNIT_PERCENT, t->won, (SlInt128)t->won + t->lost, SL_METRIC_REASON_NO_CLOSED_DEALS);
      break;
    case SL_METRIC_CPL: fraction (t, out, money, t->spend_minor, t->leads, SL_METRIC_REASON_NO_LEADS); break;
    case SL_METRIC_COST_PER_MQL: fraction (t, out, money, t->spend_minor, t->mqls, SL_METRIC_REASON_NO_MQLS); break;
    case SL_METRIC_COST_PER_SQL: fraction (t, out, money, t->spend_minor, t->sqls, SL_METRIC_REASON_NO_SQLS); break;
    case SL_METRIC_COST_PER_OPPORTUNITY:
      fraction (t, out, money, t->spend_minor, t->opportunities, SL_METRIC_REASON_NO_OPPORTUNITIES);
      break;
    case SL_METRIC_COST_PER_ACQUISITION:
      fraction (t, out, money, t->spend_minor, t->conversions, SL_METRIC_REASON_NO_CONVERSIONS);
      break;
    case SL_METRIC_CAC: fraction (t, out, money, t->spend_minor, t->won, SL_METRIC_REASON_NO_CUSTOMERS); break;
    case SL_METRIC_NET_REVENUE_MINUS_CAC:
      /* profit ÷ won − spend ÷ won */
      profit = profit_on_basis (t, &basis);
      fraction (t, out, money, (SlInt128)profit - t->spend_minor, t->won, SL_METRIC_REASON_NO_CUSTOMERS);
      out->basis = sl_metric_value_is_defined (out) ? basis : SL_METRIC_BASIS_NONE;
      break;
    case SL_METRIC_ROI:
      profit = profit_on_basis (t, &basis);
      fraction (t, out, SL_METRIC_UNIT_PERCENT, (SlInt128)profit - t->spend_minor, t->spend_minor,
                SL_METRIC_REASON_NO_SPEND);
      out->basis = sl_metric_value_is_defined (out) ? basis : SL_METRIC_BASIS_NONE;
      break;
    default:
      g_return_if_reached ();
    }
}

static void
get_clv (const SlMetricsTotals *t,
         SlMetricValue         *out)
{
  const SlMetricUnit money = SL_METRIC_UNIT_MONEY;

  /* (billed ÷ account months) × (gross profit ÷ its billed revenue)
   * ÷ (churned ÷ at risk), as one fraction in 128 bits. */
  if (t->account_months == 0)
    sl_metric_value_init_undefined (out, money, t->currency, SL_METRIC_REASON_NO_ACCOUNTS);
  else if (t->known_gp_billed_minor == 0)
    sl_metric_value_init_undefined (out, money, t->currency, SL_METRIC_REASON_NO_GROSS_PROFIT);
  else if (t->at_risk == 0)
    sl_metric_value_init_undefined (out, money, t->currency, SL_METRIC_REASON_NO_CUSTOMERS_AT_START);
  else
    {
      fraction (t, out, money, (SlInt128)t->billed_minor * t->billed_gross_profit_minor * t->at_risk,
                (SlInt128)t->account_months * t->known_gp_billed_minor * t->churned,
                SL_METRIC_REASON_NO_CHURN);
      if (sl_metric_value_is_defined (out))
        out->basis = SL_METRIC_BASIS_FORMULA;
    }
}

static void
get_customers (const SlMetricsTotals *t,
               SlMetric               metric,
               SlMetricValue         *out)
{
  const SlMetricUnit money = SL_METRIC_UNIT_MONEY;
  SlMetricValue clv, cac;

  switch (metric)
    {
    case SL_METRIC_BILLED_REVENUE: fraction (t, out, money, t->billed_minor, 1, 0); break;
    case SL_METRIC_EXPANSION_REVENUE: fraction (t, out, money, t->expansion_minor, 1, 0); break;
    case SL_METRIC_MRR: fraction (t, out, money, t->mrr_minor, 1, 0); break;
    case SL_METRIC_ARR: fraction (t, out, money, (SlInt128)t->mrr_minor * 12, 1, 0); break;
    case SL_METRIC_ARPA:
      fraction (t, out, money, t->billed_minor, t->account_months, SL_METRIC_REASON_NO_ACCOUNTS);
      break;
    case SL_METRIC_RETENTION:
      fraction (t, out, SL_METRIC_UNIT_PERCENT, t->kept_customers, t->start_customers,
                SL_METRIC_REASON_NO_CUSTOMERS_AT_START);
      break;
    case SL_METRIC_CHURN:
      fraction (t, out, SL_METRIC_UNIT_PERCENT, t->start_customers - t->kept_customers, t->start_customers,
                SL_METRIC_REASON_NO_CUSTOMERS_AT_START);
      break;
    case SL_METRIC_MONTHLY_CHURN:
      fraction (t, out, SL_METRIC_UNIT_PERCENT, t->churned, t->at_risk, SL_METRIC_REASON_NO_CUSTOMERS_AT_START);
      break;
    case SL_METRIC_CLV:
      get_clv (t, out);
      break;
    case SL_METRIC_CLV_CAC:
      get_clv (t, &clv);
      get_funnel (t, SL_METRIC_CAC, &cac);
      sl_metric_value_divide (&clv, &cac, SL_METRIC_UNIT_MULTIPLE, SL_METRIC_REASON_NO_SPEND, out);
      break;
    default:
      g_return_if_reached ();
    }
}

void
sl_metrics_totals_get (const SlMetricsTotals *totals,
                       SlMetric               metric,
                       SlMetricValue         *out)
{
  SlMetricsParts needed;
  const SlMetricsTotals *t = totals;

  g_return_if_fail (totals != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail ((guint)metric < SL_METRIC_N_METRICS);

  needed = sl_metric_get_parts (metric);
  if ((totals->parts & needed) != needed)
    {
      sl_metric_value_init_undefined (out, sl_metric_get_unit (metric), totals->currency,
                                      SL_METRIC_REASON_NOT_COMPUTED);
      g_critical ("%s: the totals lack the parts metric “%s” needs", G_STRFUNC, sl_metric_to_string (metric));
      return;
    }

  switch (metric)
    {
    case SL_METRIC_BILLED_REVENUE:
    case SL_METRIC_EXPANSION_REVENUE:
    case SL_METRIC_MRR:
    case SL_METRIC_ARR:
    case SL_METRIC_ARPA:
    case SL_METRIC_RETENTION:
    case SL_METRIC_CHURN:
    case SL_METRIC_MONTHLY_CHURN:
    case SL_METRIC_CLV:
    case SL_METRIC_CLV_CAC:
      get_customers (t, metric, out);
      break;
    case SL_METRIC_CLV_OBSERVED:
      if (t->observed_customers > 0 && t->observed_known_rows == 0)
        sl_metric_value_init_undefined (out, SL_METRIC_UNIT_MONEY, t->currency, SL_METRIC_REASON_NO_GROSS_PROFIT);
      else
        fraction (t, out, SL_METRIC_UNIT_MONEY, t->observed_gross_profit_minor, t->observed_customers,
                  SL_METRIC_REASON_NO_CUSTOMERS);
      if (sl_metric_value_is_defined (out))
        out->basis = SL_METRIC_BASIS_OBSERVED;
      break;
    case SL_METRIC_REVENUE_PER_EMPLOYEE:
      /* revenue ÷ (Σ employees ÷ months) */
      fraction (t, out, SL_METRIC_UNIT_MONEY, (SlInt128)t->won_minor * t->employee_months, t->employees_sum,
                SL_METRIC_REASON_NO_HEADCOUNT);
      break;
    case SL_METRIC_REVENUE_PER_REP:
      fraction (t, out, SL_METRIC_UNIT_MONEY, (SlInt128)t->won_minor * t->rep_months, t->reps_sum,
                SL_METRIC_REASON_NO_HEADCOUNT);
      break;
    case SL_METRIC_MQL_TO_SQL_DAYS:
      fraction (t, out, SL_METRIC_UNIT_DAYS, t->lifecycle_median_x2, t->lifecycle_deals > 0 ? 2 : 0,
                SL_METRIC_REASON_NO_DEALS);
      break;
    default:
      get_funnel (t, metric, out);
      break;
    }
}

gboolean
sl_metrics_split_reserve (const SlMoney  *total,
                          int             basis_points,
                          SlMoney        *reserve,
                          SlMoney        *channels,
                          GError        **error)
{
  SlMoney r;

  g_return_val_if_fail (total != NULL, FALSE);
  g_return_val_if_fail (basis_points >= 0 && basis_points <= 10000, FALSE);
  g_return_val_if_fail (reserve != NULL && channels != NULL, FALSE);

  if (!sl_money_scale (total, basis_points, 10000, &r, error) ||
      !sl_money_subtract (total, &r, channels, error))
    return FALSE;
  *reserve = r;
  return TRUE;
}
