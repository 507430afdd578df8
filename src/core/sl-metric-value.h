/* sl-metric-value.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-money.h"

G_BEGIN_DECLS

/* What a metric's number is. Every value is an exact fraction num ÷ den
 * of int64s; the unit says how to read it. */
typedef enum
{
  SL_METRIC_UNIT_COUNT,     /* a number of things (den is 1) */
  SL_METRIC_UNIT_MONEY,     /* minor units of the currency: den 1 for an
                             * amount, else money per thing (CPL, CAC) */
  SL_METRIC_UNIT_PERCENT,   /* a share or rate: 0.25 is shown as 25 % */
  SL_METRIC_UNIT_MULTIPLE,  /* a ratio shown as "3.0×" (CLV : CAC) */
  SL_METRIC_UNIT_DAYS,      /* a number of days (a median may end in .5) */
} SlMetricUnit;

/* Why a value is undefined: the denominator it would need is zero or
 * unknown. SL_METRIC_REASON_NONE means the value is defined. */
typedef enum
{
  SL_METRIC_REASON_NONE,
  SL_METRIC_REASON_NO_SPEND,
  SL_METRIC_REASON_NO_IMPRESSIONS,
  SL_METRIC_REASON_NO_CLICKS,
  SL_METRIC_REASON_NO_LEADS,
  SL_METRIC_REASON_NO_MQLS,
  SL_METRIC_REASON_NO_SQLS,
  SL_METRIC_REASON_NO_OPPORTUNITIES,
  SL_METRIC_REASON_NO_CUSTOMERS,          /* no new customers (won deals) */
  SL_METRIC_REASON_NO_CLOSED_DEALS,       /* neither won nor lost */
  SL_METRIC_REASON_NO_CONVERSIONS,
  SL_METRIC_REASON_NO_REVENUE,
  SL_METRIC_REASON_NO_GROSS_PROFIT,       /* the margin is unknown */
  SL_METRIC_REASON_NO_ACCOUNTS,           /* no account billed in the period */
  SL_METRIC_REASON_NO_CUSTOMERS_AT_START, /* nobody to retain or lose */
  SL_METRIC_REASON_NO_CHURN,              /* CLV would be infinite */
  SL_METRIC_REASON_NO_HEADCOUNT,
  SL_METRIC_REASON_NO_DEALS,              /* a median over no deals */
  SL_METRIC_REASON_OVERFLOW,              /* beyond int64, even reduced */
  SL_METRIC_REASON_NOT_COMPUTED,          /* its inputs were not fetched */
  SL_METRIC_REASON_NO_PLAN,               /* a share of a plan of 0 */
  SL_METRIC_REASON_NO_PREVIOUS,           /* a change from an undefined value */
  SL_METRIC_REASON_PREVIOUS_ZERO,         /* a relative change from 0 */
} SlMetricReason;

#define SL_METRIC_N_REASONS (SL_METRIC_REASON_PREVIOUS_ZERO + 1)

/* Which formula a metric used, when it has more than one. */
typedef enum
{
  SL_METRIC_BASIS_NONE,
  SL_METRIC_BASIS_GROSS_PROFIT,  /* ROI, net of CAC: on gross profit */
  SL_METRIC_BASIS_REVENUE,       /* …on revenue: some margin was unknown */
  SL_METRIC_BASIS_FORMULA,       /* CLV = ARPA × gross margin ÷ monthly churn */
  SL_METRIC_BASIS_OBSERVED,      /* CLV = observed gross profit per customer */
} SlMetricBasis;

/* A metric's result. Money is never a double: an amount is num minor
 * units (den 1), a cost per thing is num minor units ÷ den things, kept
 * exact until it is shown. den is > 0 when the value is defined and 0
 * when it is not; then reason says why and num is 0. A fraction is kept
 * reduced; only one that does not fit int64 even reduced is approximated
 * (both terms shifted right, a relative error below 2⁻⁶²). */
typedef struct
{
  SlMetricUnit   unit;
  SlMetricReason reason;
  SlMetricBasis  basis;
  gint64         num;
  gint64         den;
  char           currency[4];   /* SL_METRIC_UNIT_MONEY only; else "" */
} SlMetricValue;

void         sl_metric_value_init_count     (SlMetricValue       *value,
                                             gint64               count);
/* An exact amount of @currency's minor units. */
void         sl_metric_value_init_money     (SlMetricValue       *value,
                                             gint64               minor,
                                             const char          *currency);
/* @num ÷ @den of @unit (@currency for money, else NULL); undefined with
 * @if_zero when @den is 0. A negative @den flips both signs. */
void         sl_metric_value_init_fraction  (SlMetricValue       *value,
                                             SlMetricUnit         unit,
                                             gint64               num,
                                             gint64               den,
                                             const char          *currency,
                                             SlMetricReason       if_zero);
void         sl_metric_value_init_undefined (SlMetricValue       *value,
                                             SlMetricUnit         unit,
                                             const char          *currency,
                                             SlMetricReason       reason);

gboolean     sl_metric_value_is_defined     (const SlMetricValue *value);
/* The value as a double, for display and charts only (never for money
 * sums); FALSE, leaving @out alone, when undefined. A percentage is the
 * fraction (0.25 for 25 %). */
gboolean     sl_metric_value_to_double      (const SlMetricValue *value,
                                             double              *out);
/* A money value rounded half to even to the minor unit; FALSE when it is
 * undefined or not money. */
gboolean     sl_metric_value_to_money       (const SlMetricValue *value,
                                             SlMoney             *out);
/* Exactly equal to @num ÷ @den (after reduction): what tests compare
 * against published figures. FALSE when undefined. */
gboolean     sl_metric_value_equals_fraction (const SlMetricValue *value,
                                              gint64               num,
                                              gint64               den);
/* Orders two values of one unit exactly (128-bit cross products): -1, 0,
 * 1. An undefined value sorts after every defined one. */
int          sl_metric_value_compare        (const SlMetricValue *a,
                                             const SlMetricValue *b);
/* For people: "$1,234.56", "12.5 %", "3.0×", "14 days"; "—" when
 * undefined. @locale as sl_money_format() (NULL: the current one). */
char        *sl_metric_value_format         (const SlMetricValue *value,
                                             const char          *locale);

/* "no spend", "no new customers"…, translated; NULL for NONE. */
const char  *sl_metric_reason_get_label     (SlMetricReason       reason);
/* "on gross profit", "on revenue", "ARPA × margin ÷ churn", "observed",
 * translated; NULL for NONE. */
const char  *sl_metric_basis_get_label      (SlMetricBasis        basis);

G_END_DECLS
