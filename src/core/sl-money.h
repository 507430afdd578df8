/* sl-money.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_MONEY_ERROR (sl_money_error_quark ())

typedef enum
{
  SL_MONEY_ERROR_INVALID,          /* the text is not an amount */
  SL_MONEY_ERROR_OVERFLOW,         /* does not fit in int64 minor units */
  SL_MONEY_ERROR_PRECISION,        /* more decimals than the currency has */
  SL_MONEY_ERROR_UNKNOWN_CURRENCY, /* not an ISO 4217 code we know */
  SL_MONEY_ERROR_MIXED_CURRENCY,   /* arithmetic on two currencies */
} SlMoneyError;

/* An amount of money: an integer number of the currency's minor units
 * (cents for USD, yen for JPY, fils for BHD) and its ISO 4217 code.
 * Never a floating-point number.
 */
typedef struct
{
  gint64 minor;
  char   currency[4];
} SlMoney;

#define SL_TYPE_MONEY (sl_money_get_type ())

GType     sl_money_get_type      (void) G_GNUC_CONST;
GQuark    sl_money_error_quark   (void);

/* The number of decimals of @code's minor unit (USD 2, JPY 0, BHD 3,
 * IRR 2 per ISO 4217), or -1 when @code is not a known currency. */
int       sl_currency_exponent   (const char    *code);
gboolean  sl_currency_is_valid   (const char    *code);
/* The sign @code is written with for @locale (NULL: the current
 * LC_MONETARY): "$" for USD in en_US, "US$" in en_CA, "€" for EUR; the
 * code itself when the locale has no sign for it. NULL when @code is
 * not a known currency. */
char     *sl_currency_symbol     (const char    *code,
                                  const char    *locale);

SlMoney  *sl_money_new           (gint64         minor,
                                  const char    *currency);
SlMoney  *sl_money_copy          (const SlMoney *money);
void      sl_money_free          (SlMoney       *money);
void      sl_money_init          (SlMoney       *money,
                                  gint64         minor,
                                  const char    *currency);

/* Parses text a user typed or a file holds: "1,234.56", "1234.5", "-12",
 * "1.234,56" where @locale uses a decimal comma. @locale is an ICU/POSIX
 * locale name ("de_DE", "fa_IR"); NULL means the current LC_NUMERIC.
 * Refuses more decimals than the currency has (SL_MONEY_ERROR_PRECISION)
 * and amounts outside int64 minor units (SL_MONEY_ERROR_OVERFLOW); the
 * error message says why, quoting the text. */
gboolean  sl_money_parse         (const char    *text,
                                  const char    *currency,
                                  const char    *locale,
                                  SlMoney       *out,
                                  GError       **error);

/* Parses a machine amount ("1234.56", "-0.5", no grouping, '.' decimal
 * point) as found in CSV exports and JSON documents. */
gboolean  sl_money_parse_plain   (const char    *text,
                                  const char    *currency,
                                  SlMoney       *out,
                                  GError       **error);

/* The importers' fast path: a machine amount ("-1234.5678", '.' decimal
 * point, no grouping, surrounding ASCII spaces allowed) to minor units of
 * a currency with @exponent decimals. Extra decimals are rounded half to
 * even when @round is TRUE (*rounded is then set), else refused. Returns
 * FALSE with *code set (INVALID, OVERFLOW or PRECISION); no allocation,
 * no locale, no double. */
gboolean  sl_money_parse_minor   (const char    *text,
                                  int            exponent,
                                  gboolean       round,
                                  gint64        *out,
                                  gboolean      *rounded,
                                  SlMoneyError  *code);

/* "$1,234.56", "۱٬۲۳۴٫۵۶ US$"… formatted for @locale (NULL: the current
 * LC_MONETARY/LC_NUMERIC), exact to the minor unit. */
char     *sl_money_format        (const SlMoney *money,
                                  const char    *locale);
/* The amount alone, for @locale, without the currency sign: "1,234.56". */
char     *sl_money_format_amount (const SlMoney *money,
                                  const char    *locale);
/* A number for people, in @locale's digits and separators, rounded half
 * to even to @digits decimals (0–6): "1,234.5", "۱٬۲۳۴٫۵". For counts,
 * ratios and shares, never for money. */
char     *sl_number_format       (double         value,
                                  int            digits,
                                  const char    *locale);
/* "1234.56": C-locale, no grouping, no sign; what sl_money_parse_plain()
 * reads back. */
char     *sl_money_format_plain  (const SlMoney *money);

gboolean  sl_money_add           (const SlMoney *a,
                                  const SlMoney *b,
                                  SlMoney       *out,
                                  GError       **error);
gboolean  sl_money_subtract      (const SlMoney *a,
                                  const SlMoney *b,
                                  SlMoney       *out,
                                  GError       **error);
gboolean  sl_money_negate        (const SlMoney *a,
                                  SlMoney       *out,
                                  GError       **error);
gboolean  sl_money_multiply      (const SlMoney *a,
                                  gint64         factor,
                                  SlMoney       *out,
                                  GError       **error);
/* @a × @numerator ÷ @denominator, rounded half to even, without
 * intermediate overflow (uses 128-bit arithmetic). @denominator > 0. */
gboolean  sl_money_scale         (const SlMoney *a,
                                  gint64         numerator,
                                  gint64         denominator,
                                  SlMoney       *out,
                                  GError       **error);
/* Compares two amounts of one currency; returns FALSE with
 * SL_MONEY_ERROR_MIXED_CURRENCY otherwise. */
gboolean  sl_money_compare       (const SlMoney *a,
                                  const SlMoney *b,
                                  int           *result,
                                  GError       **error);
gboolean  sl_money_equal         (const SlMoney *a,
                                  const SlMoney *b);

/* Overflow-checked int64 helpers shared by money and the metrics. */
gboolean  sl_int64_add_checked   (gint64         a,
                                  gint64         b,
                                  gint64        *out);
gboolean  sl_int64_mul_checked   (gint64         a,
                                  gint64         b,
                                  gint64        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlMoney, sl_money_free)

G_END_DECLS
