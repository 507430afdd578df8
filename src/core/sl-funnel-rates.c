/* sl-funnel-rates.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-funnel-rates.h"

gboolean
sl_scale_round (gint64  a,
                gint64  num,
                gint64  den,
                gint64 *out)
{
  __int128 product = (__int128)a * num;
  __int128 quotient, remainder, twice;

  g_return_val_if_fail (den > 0, FALSE);

  quotient = product / den;
  remainder = product % den;
  if (remainder < 0)
    {
      quotient -= 1;
      remainder += den;
    }
  /* Half to even: up when past half, or at half with an odd quotient. */
  twice = remainder * 2;
  if (twice > den || (twice == den && (quotient & 1) != 0))
    quotient += 1;
  if (quotient > G_MAXINT64 || quotient < G_MININT64)
    return FALSE;
  *out = (gint64)quotient;
  return TRUE;
}

/* @a × @num ÷ @den rounded up, for whole things that must be reached. */
static gboolean
scale_ceil (gint64  a,
            gint64  num,
            gint64  den,
            gint64 *out)
{
  __int128 product = (__int128)a * num;
  __int128 quotient = product / den;

  if (product % den != 0 && product > 0)
    quotient += 1;
  if (quotient > G_MAXINT64 || quotient < G_MININT64)
    return FALSE;
  *out = (gint64)quotient;
  return TRUE;
}

void
sl_funnel_rates_init_from_totals (SlFunnelRates         *rates,
                                  const SlMetricsTotals *totals)
{
  g_return_if_fail (rates != NULL && totals != NULL);

  *rates = (SlFunnelRates) {
    .spend_minor = totals->spend_minor,
    .leads = totals->leads,
    .mqls = totals->mqls,
    .sqls = totals->sqls,
    .won = totals->won,
    .won_minor = totals->won_minor,
  };
  g_strlcpy (rates->currency, totals->currency, sizeof rates->currency);
}

gboolean
sl_funnel_rates_fetch (SlMetrics      *metrics,
                       const SlScope  *scope,
                       SlDay           as_of,
                       SlFunnelRates  *out,
                       GError        **error)
{
  SlMetricsTotals totals;
  SlPeriod window;

  g_return_val_if_fail (SL_IS_METRICS (metrics), FALSE);

  if (!sl_period_init_custom (&window, SL_CALENDAR_GREGORIAN, as_of - SL_FUNNEL_RATES_TRAILING_DAYS,
                              as_of - 1, error) ||
      !sl_metrics_get_totals (metrics, &window, scope, SL_METRICS_PART_FUNNEL, &totals, error))
    return FALSE;
  sl_funnel_rates_init_from_totals (out, &totals);
  return TRUE;
}

void
sl_funnel_rates_get_cpl (const SlFunnelRates *rates,
                         SlMetricValue       *out)
{
  sl_metric_value_init_fraction (out, SL_METRIC_UNIT_MONEY, rates->spend_minor, rates->leads,
                                 rates->currency, SL_METRIC_REASON_NO_LEADS);
}

void
sl_funnel_rates_get_revenue_per_customer (const SlFunnelRates *rates,
                                          SlMetricValue       *out)
{
  sl_metric_value_init_fraction (out, SL_METRIC_UNIT_MONEY, rates->won_minor, rates->won,
                                 rates->currency, SL_METRIC_REASON_NO_CUSTOMERS);
}

/* @out = @base × num ÷ den in @unit; undefined with @reason when den is
 * 0, with @base's reason when @base is undefined. */
static void
step (SlMetricValue       *out,
      const SlMetricValue *base,
      gint64               num,
      gint64               den,
      SlMetricUnit         unit,
      const char          *currency,
      SlMetricReason       reason,
      gboolean             ceil)
{
  const char *money = unit == SL_METRIC_UNIT_MONEY ? currency : NULL;
  gint64 value;

  if (!sl_metric_value_is_defined (base))
    {
      sl_metric_value_init_undefined (out, unit, money, base->reason);
      return;
    }
  if (den == 0)
    {
      sl_metric_value_init_undefined (out, unit, money, reason);
      return;
    }
  if (!(ceil ? scale_ceil (base->num, num, den, &value) : sl_scale_round (base->num, num, den, &value)))
    sl_metric_value_init_undefined (out, unit, money, SL_METRIC_REASON_OVERFLOW);
  else if (unit == SL_METRIC_UNIT_MONEY)
    sl_metric_value_init_money (out, value, currency);
  else
    sl_metric_value_init_count (out, value);
}

void
sl_funnel_rates_forecast (const SlFunnelRates *rates,
                          gint64               spend_minor,
                          SlFunnelForecast    *out)
{
  SlMetricValue spend;

  g_return_if_fail (rates != NULL && out != NULL);

  /* Leads at the CPL, customers at lead → client, revenue at revenue
   * per customer: each straight from the spend (the rates multiply
   * out), so rounding happens once. Without leads the CPL is undefined
   * and so is all that follows; without customers, the revenue. */
  sl_metric_value_init_money (&spend, spend_minor, rates->currency);
  if (rates->spend_minor == 0 || rates->leads == 0)
    {
      SlMetricReason reason = rates->spend_minor == 0 ? SL_METRIC_REASON_NO_SPEND : SL_METRIC_REASON_NO_LEADS;

      sl_metric_value_init_undefined (&out->leads, SL_METRIC_UNIT_COUNT, NULL, reason);
      sl_metric_value_init_undefined (&out->customers, SL_METRIC_UNIT_COUNT, NULL, reason);
      sl_metric_value_init_undefined (&out->revenue, SL_METRIC_UNIT_MONEY, rates->currency, reason);
      return;
    }
  step (&out->leads, &spend, rates->leads, rates->spend_minor, SL_METRIC_UNIT_COUNT, NULL,
        SL_METRIC_REASON_NO_SPEND, FALSE);
  step (&out->customers, &spend, rates->won, rates->spend_minor, SL_METRIC_UNIT_COUNT, NULL,
        SL_METRIC_REASON_NO_SPEND, FALSE);
  step (&out->revenue, &spend, rates->won_minor, rates->won != 0 ? rates->spend_minor : 0,
        SL_METRIC_UNIT_MONEY, rates->currency, SL_METRIC_REASON_NO_CUSTOMERS, FALSE);
}

void
sl_funnel_rates_work_back (const SlFunnelRates *rates,
                           gint64               revenue_minor,
                           SlFunnelWorkBack    *out)
{
  SlMetricValue revenue;

  g_return_if_fail (rates != NULL && out != NULL);

  sl_metric_value_init_money (&revenue, revenue_minor, rates->currency);
  /* revenue ÷ revenue per customer = revenue × won ÷ won revenue */
  step (&out->customers, &revenue, rates->won, rates->won != 0 ? rates->won_minor : 0,
        SL_METRIC_UNIT_COUNT, NULL, rates->won != 0 ? SL_METRIC_REASON_NO_REVENUE
                                                   : SL_METRIC_REASON_NO_CUSTOMERS, TRUE);
  /* customers ÷ (SQL → won) */
  step (&out->sqls, &out->customers, rates->sqls, rates->sqls != 0 ? rates->won : 0,
        SL_METRIC_UNIT_COUNT, NULL, rates->sqls != 0 ? SL_METRIC_REASON_NO_CUSTOMERS
                                                    : SL_METRIC_REASON_NO_SQLS, TRUE);
  step (&out->mqls, &out->sqls, rates->mqls, rates->mqls != 0 ? rates->sqls : 0,
        SL_METRIC_UNIT_COUNT, NULL, rates->mqls != 0 ? SL_METRIC_REASON_NO_SQLS
                                                    : SL_METRIC_REASON_NO_MQLS, TRUE);
  step (&out->leads, &out->mqls, rates->leads, rates->leads != 0 ? rates->mqls : 0,
        SL_METRIC_UNIT_COUNT, NULL, rates->leads != 0 ? SL_METRIC_REASON_NO_MQLS
                                                     : SL_METRIC_REASON_NO_LEADS, TRUE);
  /* leads × CPL */
  step (&out->spend, &out->leads, rates->spend_minor, rates->leads,
        SL_METRIC_UNIT_MONEY, rates->currency, SL_METRIC_REASON_NO_LEADS, FALSE);
}
