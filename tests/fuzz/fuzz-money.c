/* fuzz-money.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the money parsers and formatters. The first byte
 * picks a currency, a locale and rounding; the rest is parsed as an
 * amount by sl_money_parse(), sl_money_parse_plain() and
 * sl_money_parse_minor(), and its first eight bytes are also taken as
 * an amount in minor units. Whatever parses, and every amount, formats
 * to text that parses back to the same amount: parse (format (x)) == x.
 * Checked arithmetic agrees with the compiler's overflow builtins.
 * Seeds are in corpus/money/.
 */

#include "config.h"

#include <string.h>

#include "sl-money.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const char * const currencies[] = { "USD", "JPY", "BHD", "EUR", "IRR", "THB", "CLF", "KWD" };
static const char * const locales[] = { "en_US", "de_DE", "fa_IR", "th_TH", "zh_CN", "ar_EG", "hi_IN", "fr_CH" };

static void
check_equal (const SlMoney *a,
             const SlMoney *b,
             const char    *text)
{
  if (!sl_money_equal (a, b))
    g_error ("“%s” read back as %" G_GINT64_FORMAT " %s, not %" G_GINT64_FORMAT " %s",
             text, b->minor, b->currency, a->minor, a->currency);
}

/* An amount formatted for people in @locale, and plainly, reads back. */
static void
check_formats (const SlMoney *money,
               const char    *locale)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = sl_money_format_amount (money, locale);
  g_autofree char *plain = sl_money_format_plain (money);
  g_autofree char *full = sl_money_format (money, locale);
  SlMoney again;

  g_assert_true (g_utf8_validate (amount, -1, NULL));
  g_assert_true (g_utf8_validate (full, -1, NULL));
  if (!sl_money_parse (amount, money->currency, locale, &again, &error))
    g_error ("“%s” (%s, %s) does not parse: %s", amount, money->currency, locale, error->message);
  check_equal (money, &again, amount);
  if (!sl_money_parse_plain (plain, money->currency, &again, &error))
    g_error ("“%s” (%s) does not parse: %s", plain, money->currency, error->message);
  check_equal (money, &again, plain);
}

static void
check_text (const char *text,
            const char *currency,
            const char *locale,
            gboolean    round)
{
  int exponent = sl_currency_exponent (currency);
  SlMoneyError code = SL_MONEY_ERROR_INVALID;
  gboolean rounded = FALSE;
  SlMoney money;
  gint64 minor, again;

  if (sl_money_parse (text, currency, locale, &money, NULL))
    check_formats (&money, locale);
  if (sl_money_parse_plain (text, currency, &money, NULL))
    check_formats (&money, locale);

  g_assert_cmpint (exponent, >=, 0);
  if (sl_money_parse_minor (text, exponent, round, &minor, &rounded, &code))
    {
      g_autofree char *plain = NULL;

      sl_money_init (&money, minor, currency);
      check_formats (&money, locale);
      plain = sl_money_format_plain (&money);
      g_assert_true (sl_money_parse_minor (plain, exponent, FALSE, &again, NULL, &code));
      g_assert_cmpint (again, ==, minor);
      g_assert_true (round || !rounded);
    }
  else
    g_assert_true (code == SL_MONEY_ERROR_INVALID || code == SL_MONEY_ERROR_OVERFLOW ||
                   (code == SL_MONEY_ERROR_PRECISION && !round));
}

static void
check_arithmetic (gint64      a,
                  gint64      b,
                  const char *currency)
{
  SlMoney x, y, out;
  gint64 expected;
  gboolean overflow;

  sl_money_init (&x, a, currency);
  sl_money_init (&y, b, currency);
  overflow = __builtin_add_overflow (a, b, &expected);
  g_assert_true (sl_money_add (&x, &y, &out, NULL) == !overflow);
  if (!overflow)
    g_assert_cmpint (out.minor, ==, expected);
  overflow = __builtin_sub_overflow (a, b, &expected);
  g_assert_true (sl_money_subtract (&x, &y, &out, NULL) == !overflow);
  if (!overflow)
    g_assert_cmpint (out.minor, ==, expected);
  overflow = __builtin_mul_overflow (a, b, &expected);
  g_assert_true (sl_money_multiply (&x, b, &out, NULL) == !overflow);
  if (!overflow)
    g_assert_cmpint (out.minor, ==, expected);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  const char *currency, *locale;
  char code[4] = { 0 };

  if (size < 1)
    return 0;
  currency = currencies[data[0] & 7];
  locale = locales[(data[0] >> 3) & 7];
  text = g_strndup ((const char *)data + 1, size - 1);

  check_text (text, currency, locale, (data[0] & 0x40) != 0);

  /* A code from the input: known or not, never a crash. */
  if (size >= 4)
    {
      memcpy (code, data + 1, 3);
      if (sl_currency_is_valid (code))
        g_assert_cmpint (sl_currency_exponent (code), <=, 9);
    }

  if (size >= 17)
    {
      gint64 a, b;
      SlMoney money;

      memcpy (&a, data + 1, sizeof a);
      memcpy (&b, data + 9, sizeof b);
      sl_money_init (&money, a, currency);
      check_formats (&money, locale);
      check_arithmetic (a, b, currency);
    }
  return 0;
}
