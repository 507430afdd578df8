/* sl-metric-value.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-metric-value-private.h"

static const char * const reason_labels[] = {
  [SL_METRIC_REASON_NONE] = NULL,
  [SL_METRIC_REASON_NO_SPEND] = N_("no spend"),
  [SL_METRIC_REASON_NO_IMPRESSIONS] = N_("no impressions"),
  [SL_METRIC_REASON_NO_CLICKS] = N_("no clicks"),
  [SL_METRIC_REASON_NO_LEADS] = N_("no leads"),
  [SL_METRIC_REASON_NO_MQLS] = N_("no marketing-qualified leads"),
  [SL_METRIC_REASON_NO_SQLS] = N_("no sales-qualified leads"),
  [SL_METRIC_REASON_NO_OPPORTUNITIES] = N_("no opportunities"),
  [SL_METRIC_REASON_NO_CUSTOMERS] = N_("no new customers"),
  [SL_METRIC_REASON_NO_CLOSED_DEALS] = N_("no closed deals"),
  [SL_METRIC_REASON_NO_CONVERSIONS] = N_("no conversions"),
  [SL_METRIC_REASON_NO_REVENUE] = N_("no revenue"),
  [SL_METRIC_REASON_NO_GROSS_PROFIT] = N_("gross margin unknown"),
  [SL_METRIC_REASON_NO_ACCOUNTS] = N_("no billed accounts"),
  [SL_METRIC_REASON_NO_CUSTOMERS_AT_START] = N_("no customers at the start"),
  [SL_METRIC_REASON_NO_CHURN] = N_("no churn"),
  [SL_METRIC_REASON_NO_HEADCOUNT] = N_("no headcount"),
  [SL_METRIC_REASON_NO_DEALS] = N_("no deals"),
  [SL_METRIC_REASON_OVERFLOW] = N_("too large to compute"),
  [SL_METRIC_REASON_NOT_COMPUTED] = N_("not computed"),
  [SL_METRIC_REASON_NO_PLAN] = N_("no plan"),
  [SL_METRIC_REASON_NO_PREVIOUS] = N_("no figure before"),
  [SL_METRIC_REASON_PREVIOUS_ZERO] = N_("zero before"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (reason_labels) == SL_METRIC_N_REASONS);

static const char * const basis_labels[] = {
  [SL_METRIC_BASIS_NONE] = NULL,
  [SL_METRIC_BASIS_GROSS_PROFIT] = N_("on gross profit"),
  [SL_METRIC_BASIS_REVENUE] = N_("on revenue"),
  [SL_METRIC_BASIS_FORMULA] = N_("ARPA × gross margin ÷ monthly churn"),
  [SL_METRIC_BASIS_OBSERVED] = N_("observed gross profit per customer"),
};

static SlInt128
abs128 (SlInt128 x)
{
  return x < 0 ? -x : x;
}

static SlInt128
gcd128 (SlInt128 a,
        SlInt128 b)
{
  a = abs128 (a);
  b = abs128 (b);
  while (b != 0)
    {
      SlInt128 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

static void
set_currency (SlMetricValue *value,
              SlMetricUnit   unit,
              const char    *currency)
{
  memset (value->currency, 0, sizeof value->currency);
  if (unit == SL_METRIC_UNIT_MONEY && currency != NULL)
    g_strlcpy (value->currency, currency, sizeof value->currency);
}

void
sl_metric_value_init_undefined (SlMetricValue  *value,
                                SlMetricUnit    unit,
                                const char     *currency,
                                SlMetricReason  reason)
{
  g_return_if_fail (value != NULL);
  g_return_if_fail (reason != SL_METRIC_REASON_NONE);

  value->unit = unit;
  value->reason = reason;
  value->basis = SL_METRIC_BASIS_NONE;
  value->num = 0;
  value->den = 0;
  set_currency (value, unit, currency);
}

void
sl_metric_value_init_fraction128 (SlMetricValue  *value,
                                  SlMetricUnit    unit,
                                  SlInt128        num,
                                  SlInt128        den,
                                  const char     *currency,
                                  SlMetricReason  if_zero)
{
  SlInt128 g;

  g_return_if_fail (value != NULL);

  if (den == 0)
    {
      sl_metric_value_init_undefined (value, unit, currency, if_zero);
      return;
    }
  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  g = gcd128 (num, den);
  if (g > 1)
    {
      num /= g;
      den /= g;
    }
  /* Too wide even reduced: keep the 63 leading bits of both. */
  while (abs128 (num) > G_MAXINT64 || den > G_MAXINT64)
    {
      num /= 2;
      den /= 2;
      if (den == 0)
        {
          sl_metric_value_init_undefined (value, unit, currency, SL_METRIC_REASON_OVERFLOW);
          return;
        }
    }

  value->unit = unit;
  value->reason = SL_METRIC_REASON_NONE;
  value->basis = SL_METRIC_BASIS_NONE;
  value->num = (gint64)num;
  value->den = (gint64)den;
  set_currency (value, unit, currency);
}

void
sl_metric_value_init_fraction (SlMetricValue  *value,
                               SlMetricUnit    unit,
                               gint64          num,
                               gint64          den,
                               const char     *currency,
                               SlMetricReason  if_zero)
{
  sl_metric_value_init_fraction128 (value, unit, num, den, currency, if_zero);
}

void
sl_metric_value_init_count (SlMetricValue *value,
                            gint64         count)
{
  sl_metric_value_init_fraction (value, SL_METRIC_UNIT_COUNT, count, 1, NULL, SL_METRIC_REASON_NONE);
}

void
sl_metric_value_init_money (SlMetricValue *value,
                            gint64         minor,
                            const char    *currency)
{
  g_return_if_fail (currency != NULL);

  sl_metric_value_init_fraction (value, SL_METRIC_UNIT_MONEY, minor, 1, currency, SL_METRIC_REASON_NONE);
}

void
sl_metric_value_divide (const SlMetricValue *a,
                        const SlMetricValue *b,
                        SlMetricUnit         unit,
                        SlMetricReason       if_zero,
                        SlMetricValue       *out)
{
  const char *currency = a->unit == SL_METRIC_UNIT_MONEY ? a->currency : b->currency;

  if (!sl_metric_value_is_defined (a))
    sl_metric_value_init_undefined (out, unit, currency, a->reason);
  else if (!sl_metric_value_is_defined (b))
    sl_metric_value_init_undefined (out, unit, currency, b->reason);
  else
    sl_metric_value_init_fraction128 (out, unit, (SlInt128)a->num * b->den,
                                      (SlInt128)a->den * b->num, currency, if_zero);
}

gboolean
sl_metric_value_is_defined (const SlMetricValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return value->reason == SL_METRIC_REASON_NONE && value->den > 0;
}

gboolean
sl_metric_value_to_double (const SlMetricValue *value,
                           double              *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (!sl_metric_value_is_defined (value))
    return FALSE;
  *out = (double)value->num / (double)value->den;
  return TRUE;
}

gboolean
sl_metric_value_to_money (const SlMetricValue *value,
                          SlMoney             *out)
{
  SlMoney whole;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!sl_metric_value_is_defined (value) || value->unit != SL_METRIC_UNIT_MONEY)
    return FALSE;
  sl_money_init (&whole, value->num, value->currency);
  /* num ÷ den with den ≥ 1 always fits: no error is possible. */
  return sl_money_scale (&whole, 1, value->den, out, NULL);
}

gboolean
sl_metric_value_equals_fraction (const SlMetricValue *value,
                                 gint64               num,
                                 gint64               den)
{
  if (!sl_metric_value_is_defined (value) || den == 0)
    return FALSE;
  return (SlInt128)value->num * den == (SlInt128)num * value->den;
}

int
sl_metric_value_compare (const SlMetricValue *a,
                         const SlMetricValue *b)
{
  gboolean da = sl_metric_value_is_defined (a);
  gboolean db = sl_metric_value_is_defined (b);
  SlInt128 x, y;

  if (!da || !db)
    return da == db ? 0 : (da ? -1 : 1);
  x = (SlInt128)a->num * b->den;
  y = (SlInt128)b->num * a->den;
  return x < y ? -1 : (x > y);
}

char *
sl_metric_value_format (const SlMetricValue *value,
                        const char          *locale)
{
  g_autofree char *number = NULL;
  double x;

  g_return_val_if_fail (value != NULL, NULL);

  if (!sl_metric_value_to_double (value, &x))
    return g_strdup ("—");

  switch (value->unit)
    {
    case SL_METRIC_UNIT_COUNT:
      return sl_number_format ((double)value->num, 0, locale);
    case SL_METRIC_UNIT_MONEY:
      {
        SlMoney money;

        sl_metric_value_to_money (value, &money);
        return sl_money_format (&money, locale);
      }
    case SL_METRIC_UNIT_PERCENT:
      number = sl_number_format (x * 100.0, 1, locale);
      /* Translators: a percentage, %s is the number, e.g. "12.5 %" */
      return g_strdup_printf (_("%s %%"), number);
    case SL_METRIC_UNIT_MULTIPLE:
      number = sl_number_format (x, 1, locale);
      /* Translators: a ratio such as CLV : CAC, %s is the number, e.g. "3.0×" */
      return g_strdup_printf (_("%s×"), number);
    case SL_METRIC_UNIT_DAYS:
      number = sl_number_format (x, 1, locale);
      /* Translators: a number of days, %s is the number (possibly with a fraction) */
      return g_strdup_printf (_("%s days"), number);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sl_metric_reason_get_label (SlMetricReason reason)
{
  g_return_val_if_fail ((guint)reason < G_N_ELEMENTS (reason_labels), NULL);

  return reason_labels[reason] != NULL ? _(reason_labels[reason]) : NULL;
}

const char *
sl_metric_basis_get_label (SlMetricBasis basis)
{
  g_return_val_if_fail ((guint)basis < G_N_ELEMENTS (basis_labels), NULL);

  return basis_labels[basis] != NULL ? _(basis_labels[basis]) : NULL;
}
