/* test-money.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "sl-money.h"

/* Values that catch off-by-one and sign errors at the edges. */
static const gint64 edge_values[] = {
  0, 1, -1, 5, -5, 9, 10, 99, 100, 101, 999, 1000, 1001, -123456,
  1234567890, G_GINT64_CONSTANT (100000000000000000),
  G_MAXINT64, G_MAXINT64 - 1, G_MININT64, G_MININT64 + 1,
};

static gint64
parse_ok (const char *text,
          const char *currency,
          const char *locale)
{
  g_autoptr(GError) error = NULL;
  SlMoney money;

  sl_money_init (&money, 42, "EUR");
  g_assert_true (sl_money_parse (text, currency, locale, &money, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (money.currency, ==, currency);
  return money.minor;
}

/* The SL_MONEY_ERROR code of parsing @text, which must fail without
 * touching its output. */
static int
parse_error (const char *text,
             const char *currency,
             const char *locale)
{
  g_autoptr(GError) error = NULL;
  SlMoney money;

  sl_money_init (&money, 42, "EUR");
  g_assert_false (sl_money_parse (text, currency, locale, &money, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SL_MONEY_ERROR);
  g_assert_cmpint (money.minor, ==, 42);
  g_assert_cmpstr (money.currency, ==, "EUR");
  return error->code;
}

static gint64
parse_plain_ok (const char *text,
                const char *currency)
{
  g_autoptr(GError) error = NULL;
  SlMoney money;

  sl_money_init (&money, 42, "EUR");
  g_assert_true (sl_money_parse_plain (text, currency, &money, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (money.currency, ==, currency);
  return money.minor;
}

static int
parse_plain_error (const char *text,
                   const char *currency)
{
  g_autoptr(GError) error = NULL;
  SlMoney money;

  sl_money_init (&money, 42, "EUR");
  g_assert_false (sl_money_parse_plain (text, currency, &money, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == SL_MONEY_ERROR);
  g_assert_cmpint (money.minor, ==, 42);
  return error->code;
}

static char *
format (gint64      minor,
        const char *currency,
        const char *locale)
{
  SlMoney money;

  sl_money_init (&money, minor, currency);
  return sl_money_format (&money, locale);
}

static char *
format_amount (gint64      minor,
               const char *currency,
               const char *locale)
{
  SlMoney money;

  sl_money_init (&money, minor, currency);
  return sl_money_format_amount (&money, locale);
}

static char *
format_plain (gint64      minor,
              const char *currency)
{
  SlMoney money;

  sl_money_init (&money, minor, currency);
  return sl_money_format_plain (&money);
}

static void
test_money_exponent (void)
{
  static const struct { const char *code; int exponent; } cases[] = {
    { "USD", 2 }, { "EUR", 2 }, { "GBP", 2 }, { "JPY", 0 }, { "KRW", 0 },
    { "BHD", 3 }, { "KWD", 3 }, { "OMR", 3 }, { "JOD", 3 }, { "TND", 3 },
    { "IQD", 3 }, { "LYD", 3 }, { "THB", 2 }, { "IRR", 2 }, { "CNY", 2 },
    { "BRL", 2 }, { "INR", 2 }, { "CHF", 2 }, { "CAD", 2 }, { "AUD", 2 },
    { "SGD", 2 }, { "HKD", 2 }, { "CLP", 0 }, { "VND", 0 }, { "CLF", 4 },
    { "LBP", 2 }, { "ZWG", 2 },
    { "XYZ", -1 }, { "usd", -1 }, { "Usd", -1 }, { "US", -1 },
    { "USDX", -1 }, { "", -1 }, { "US1", -1 }, { "XAU", -1 },
    { "XXX", -1 }, { "XTS", -1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("currency “%s”", cases[i].code);
      g_assert_cmpint (sl_currency_exponent (cases[i].code), ==, cases[i].exponent);
      g_assert_true (sl_currency_is_valid (cases[i].code) == (cases[i].exponent >= 0));
    }

  g_assert_cmpint (sl_currency_exponent (NULL), ==, -1);
  g_assert_false (sl_currency_is_valid (NULL));
}

static void
test_money_parse_c_locale (void)
{
  g_assert_cmpint (parse_ok ("1,234.56", "USD", "C"), ==, 123456);
  g_assert_cmpint (parse_ok ("1234.5", "USD", "C"), ==, 123450);
  g_assert_cmpint (parse_ok ("-12", "USD", "C"), ==, -1200);
  g_assert_cmpint (parse_ok ("+3", "USD", "C"), ==, 300);
  g_assert_cmpint (parse_ok ("  42 \t", "USD", "C"), ==, 4200);
  g_assert_cmpint (parse_ok ("\t-0.5\n", "USD", "C"), ==, -50);
  g_assert_cmpint (parse_ok (".5", "USD", "C"), ==, 50);
  g_assert_cmpint (parse_ok ("7.", "USD", "C"), ==, 700);
  g_assert_cmpint (parse_ok ("-0", "USD", "C"), ==, 0);
  g_assert_cmpint (parse_ok ("\u2212" "12.30", "USD", "C"), ==, -1230);
  g_assert_cmpint (parse_ok ("1,234,567.89", "USD", "POSIX"), ==, 123456789);
  g_assert_cmpint (parse_ok ("1 234 567", "USD", "C.UTF-8"), ==, 123456700);
  g_assert_cmpint (parse_ok ("1,000", "USD", "en_US"), ==, 100000);
  g_assert_cmpint (parse_ok ("12,34,567.89", "INR", "hi_IN"), ==, 123456789);
}

static void
test_money_parse_null_locale (void)
{
  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
  g_assert_cmpint (parse_ok ("1,234.56", "USD", NULL), ==, 123456);
  g_assert_cmpint (parse_error ("1.234,56", "USD", NULL), ==, SL_MONEY_ERROR_INVALID);
}

static void
test_money_parse_null_locale_persian (void)
{
  const char *names[] = { "fa_IR.UTF-8", "fa_IR.utf8", "fa_IR" };
  gboolean found = FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (names) && !found; i++)
    found = setlocale (LC_NUMERIC, names[i]) != NULL;
  /* build-aux/dev generates the locale; a missing one is a failure, not a skip. */
  if (!found)
    g_test_message ("The fa_IR.UTF-8 locale is not installed (localedef -i fa_IR -f UTF-8 fa_IR.UTF-8)");
  g_assert_true (found);

  g_assert_cmpint (parse_ok ("۱٬۲۳۴٫۵۶", "IRR", NULL), ==, 123456);
  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
}

static void
test_money_parse_german (void)
{
  g_assert_cmpint (parse_ok ("1.234,56", "EUR", "de_DE"), ==, 123456);
  g_assert_cmpint (parse_ok ("1234,5", "EUR", "de_DE"), ==, 123450);
  g_assert_cmpint (parse_ok ("1.500", "EUR", "de_DE"), ==, 150000);
  g_assert_cmpint (parse_ok ("-1.234.567,89", "EUR", "de_DE.UTF-8"), ==, -123456789);
  g_assert_cmpint (parse_ok ("1.234,56", "EUR", "de_DE.UTF-8@euro"), ==, 123456);
  /* A dot is grouping here: "1.5" would be ambiguous, and the English
   * "1,234.56" has two decimal separators. */
  g_assert_cmpint (parse_error ("1.5", "EUR", "de_DE"), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_error ("1234.56", "EUR", "de_DE"), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_error ("1,234.56", "EUR", "de_DE"), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_ok ("1’234.50", "CHF", "de_CH"), ==, 123450);
  g_assert_cmpint (parse_ok ("1'234.50", "CHF", "de_CH"), ==, 123450);
}

static void
test_money_parse_french (void)
{
  g_assert_cmpint (parse_ok ("1 234,56", "EUR", "fr_FR"), ==, 123456);
  g_assert_cmpint (parse_ok ("1\u00a0234,56", "EUR", "fr_FR"), ==, 123456);
  g_assert_cmpint (parse_ok ("1\u202f234\u202f567,56", "EUR", "fr_FR"), ==, 123456756);
  g_assert_cmpint (parse_ok ("-0,07", "EUR", "fr_FR"), ==, -7);
  /* A keypad's '.' is a decimal point where it cannot be grouping. */
  g_assert_cmpint (parse_ok ("1234.56", "EUR", "fr_FR"), ==, 123456);
  g_assert_cmpint (parse_error ("1 23,56", "EUR", "fr_FR"), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_error ("1,2,3", "EUR", "fr_FR"), ==, SL_MONEY_ERROR_INVALID);
}

static void
test_money_parse_native_digits (void)
{
  /* Persian digits, Persian decimal separator and grouping. */
  g_assert_cmpint (parse_ok ("۱٬۲۳۴٫۵۶", "IRR", "fa_IR"), ==, 123456);
  g_assert_cmpint (parse_ok ("۱۲۳۴", "IRR", "fa_IR"), ==, 123400);
  g_assert_cmpint (parse_ok ("\u200e\u2212۱۲٫۵", "IRR", "fa_IR"), ==, -1250);
  g_assert_cmpint (parse_ok ("1,234.56", "IRR", "fa_IR"), ==, 123456);
  g_assert_cmpint (parse_error ("۱٫۲٫۳", "IRR", "fa_IR"), ==, SL_MONEY_ERROR_INVALID);
  /* Arabic-Indic and Thai digits. */
  g_assert_cmpint (parse_ok ("\u061c-١٬٢٣٤٫٥", "EGP", "ar_EG"), ==, -123450);
  g_assert_cmpint (parse_ok ("๑,๒๓๔.๕๖", "THB", "th_TH"), ==, 123456);
  g_assert_cmpint (parse_ok ("๑๒", "THB", "C"), ==, 1200);
}

static void
test_money_parse_precision (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney money;

  g_assert_cmpint (parse_ok ("1234", "JPY", "C"), ==, 1234);
  g_assert_cmpint (parse_ok ("12.0", "JPY", "C"), ==, 12);
  g_assert_cmpint (parse_error ("12.5", "JPY", "C"), ==, SL_MONEY_ERROR_PRECISION);
  g_assert_cmpint (parse_error ("0.001", "USD", "C"), ==, SL_MONEY_ERROR_PRECISION);
  g_assert_cmpint (parse_ok ("1.500", "USD", "C"), ==, 150);
  g_assert_cmpint (parse_ok ("1.234", "BHD", "C"), ==, 1234);
  g_assert_cmpint (parse_ok ("0.5", "BHD", "C"), ==, 500);
  g_assert_cmpint (parse_error ("1.2345", "BHD", "C"), ==, SL_MONEY_ERROR_PRECISION);
  g_assert_cmpint (parse_ok ("1.23", "IRR", "C"), ==, 123);
  g_assert_cmpint (parse_error ("1.234", "IRR", "C"), ==, SL_MONEY_ERROR_PRECISION);

  g_assert_false (sl_money_parse ("1.234", "USD", "C", &money, &error));
  g_assert_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_PRECISION);
  g_assert_nonnull (strstr (error->message, "“1.234”"));
  g_assert_nonnull (strstr (error->message, "USD"));
  g_assert_nonnull (strstr (error->message, "(2)"));
}

static void
test_money_parse_overflow (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney money;

  g_assert_cmpint (parse_ok ("92233720368547758.07", "USD", "C"), ==, G_MAXINT64);
  g_assert_cmpint (parse_error ("92233720368547758.08", "USD", "C"), ==, SL_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (parse_ok ("92,233,720,368,547,758.07", "USD", "en_US"), ==, G_MAXINT64);
  g_assert_cmpint (parse_ok ("-92233720368547758.08", "USD", "C"), ==, G_MININT64);
  g_assert_cmpint (parse_error ("-92233720368547758.09", "USD", "C"), ==, SL_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (parse_ok ("9223372036854775807", "JPY", "C"), ==, G_MAXINT64);
  g_assert_cmpint (parse_error ("9223372036854775808", "JPY", "C"), ==, SL_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (parse_ok ("-9223372036854775808", "JPY", "C"), ==, G_MININT64);
  g_assert_cmpint (parse_error ("-9223372036854775809", "JPY", "C"), ==, SL_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (parse_error ("99999999999999999999999999", "JPY", "C"), ==, SL_MONEY_ERROR_OVERFLOW);
  /* Padding to the currency's decimals can overflow too. */
  g_assert_cmpint (parse_error ("9223372036854775807", "USD", "C"), ==, SL_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (parse_ok ("0000000000000000000000000001", "JPY", "C"), ==, 1);

  g_assert_false (sl_money_parse ("92233720368547758.08", "USD", "C", &money, &error));
  g_assert_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "92233720368547758.08"));
}

static void
test_money_parse_invalid (void)
{
  static const char *texts[] = {
    "", "   ", "-", "+", ".", "-.", "12a", "a12", "1.2.3", "12$", "$12",
    "--12", "+-12", "12-", "1 2", "1,5", "1,2,3", "1,234,5", "12,34",
    ",123", "123,", "1,,234", "1,2,345", "1,2345,678", "1.234,56", "12 .5", "1.5 5", "1e3", "0x10",
    "(12.00)", "\xff", "12\xc3", "۱٬۲۳۴٫۵۶",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = NULL;
  SlMoney money;

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_test_message ("text “%s”", texts[i]);
      g_assert_cmpint (parse_error (texts[i], "USD", "C"), ==, SL_MONEY_ERROR_INVALID);
    }

  g_assert_false (sl_money_parse ("12a", "USD", "C", &money, &error));
  g_assert_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“12a”"));
  g_clear_error (&error);

  /* Long text is cut short in the message. */
  long_text = g_strnfill (200, '7');
  long_text[150] = 'x';
  g_assert_false (sl_money_parse (long_text, "USD", "C", &money, &error));
  g_assert_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "…"));
  g_assert_cmpuint (strlen (error->message), <, 150);
}

static void
test_money_parse_unknown_currency (void)
{
  g_assert_cmpint (parse_error ("12", "XYZ", "C"), ==, SL_MONEY_ERROR_UNKNOWN_CURRENCY);
  g_assert_cmpint (parse_error ("12", "usd", "C"), ==, SL_MONEY_ERROR_UNKNOWN_CURRENCY);
  g_assert_cmpint (parse_error ("12", "", "C"), ==, SL_MONEY_ERROR_UNKNOWN_CURRENCY);
  g_assert_cmpint (parse_plain_error ("12", "XYZ"), ==, SL_MONEY_ERROR_UNKNOWN_CURRENCY);
}

static void
test_money_parse_plain (void)
{
  static const char *invalid[] = {
    "", " ", "-", "+12", "12.", ".5", "-.5", "1,234.56", "1 234", "1e3",
    "١٢", "12a", "--1", "1.2.3",
  };

  g_assert_cmpint (parse_plain_ok ("1234.56", "USD"), ==, 123456);
  g_assert_cmpint (parse_plain_ok ("-0.5", "USD"), ==, -50);
  g_assert_cmpint (parse_plain_ok ("12", "USD"), ==, 1200);
  g_assert_cmpint (parse_plain_ok (" 12.50\n", "USD"), ==, 1250);
  g_assert_cmpint (parse_plain_ok ("1.500", "USD"), ==, 150);
  g_assert_cmpint (parse_plain_ok ("007", "JPY"), ==, 7);
  g_assert_cmpint (parse_plain_ok ("-9223372036854775808", "JPY"), ==, G_MININT64);
  g_assert_cmpint (parse_plain_error ("1.5", "JPY"), ==, SL_MONEY_ERROR_PRECISION);
  g_assert_cmpint (parse_plain_error ("92233720368547758.08", "USD"), ==, SL_MONEY_ERROR_OVERFLOW);

  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("text “%s”", invalid[i]);
      g_assert_cmpint (parse_plain_error (invalid[i], "USD"), ==, SL_MONEY_ERROR_INVALID);
    }
}

static void
test_money_format_en_us (void)
{
  g_autofree char *positive = format (123456, "USD", "en_US");
  g_autofree char *negative = format (-123456, "USD", "en_US");
  g_autofree char *cents = format (5, "USD", "en_US");
  g_autofree char *fils = format (1, "BHD", "en_US");

  g_assert_cmpstr (positive, ==, "$1,234.56");
  g_assert_cmpstr (negative, ==, "-$1,234.56");
  g_assert_cmpstr (cents, ==, "$0.05");
  g_assert_nonnull (strstr (fils, "0.001"));
  g_assert_nonnull (strstr (fils, "BHD"));
}

static void
test_money_format_de_de (void)
{
  g_autofree char *positive = format (123456, "EUR", "de_DE");
  g_autofree char *negative = format (-123456, "EUR", "de_DE.UTF-8");

  g_assert_nonnull (strstr (positive, "1.234,56"));
  g_assert_nonnull (strstr (positive, "€"));
  g_assert_null (strstr (positive, "-"));
  g_assert_nonnull (strstr (negative, "-1.234,56"));
}

static void
test_money_format_decimals (void)
{
  g_autofree char *yen = format (1234, "JPY", "ja_JP");
  g_autofree char *rial = format (1234567, "IRR", "en_US");
  g_autofree char *rial_fa = format (1234567, "IRR", "fa_IR");
  g_autofree char *round_rial = format (100, "IRR", "en_US");

  /* ICU's own digits would drop the decimals of IRR. */
  g_assert_nonnull (strstr (yen, "1,234"));
  g_assert_null (strchr (yen, '.'));
  g_assert_nonnull (strstr (rial, "12,345.67"));
  g_assert_nonnull (strstr (rial_fa, "۱۲٬۳۴۵٫۶۷"));
  g_assert_nonnull (strstr (round_rial, "1.00"));
}

static void
test_money_format_extremes (void)
{
  g_autofree char *max = format (G_MAXINT64, "USD", "en_US");
  g_autofree char *min = format (G_MININT64, "USD", "en_US");
  g_autofree char *max_amount = format_amount (G_MAXINT64, "BHD", "de_DE");
  g_autofree char *min_amount = format_amount (G_MININT64, "JPY", "en_US");

  g_assert_cmpstr (max, ==, "$92,233,720,368,547,758.07");
  g_assert_cmpstr (min, ==, "-$92,233,720,368,547,758.08");
  g_assert_cmpstr (max_amount, ==, "9.223.372.036.854.775,807");
  g_assert_cmpstr (min_amount, ==, "-9,223,372,036,854,775,808");
}

static void
test_money_format_amount (void)
{
  static const struct {
    gint64 minor;
    const char *currency;
    const char *locale;
    const char *expected;
  } cases[] = {
    { 123456, "USD", "en_US", "1,234.56" },
    { -123456, "USD", "en_US", "-1,234.56" },
    { 123456, "EUR", "de_DE", "1.234,56" },
    { 123456, "EUR", "fr_FR", "1\u202f234,56" },
    { 1234, "JPY", "en_US", "1,234" },
    { 5, "USD", "en_US", "0.05" },
    { 0, "USD", "en_US", "0.00" },
    { 0, "JPY", "en_US", "0" },
    { 100, "IRR", "en_US", "1.00" },
    { 123456, "IRR", "fa_IR", "۱٬۲۳۴٫۵۶" },
    { 123456789, "INR", "hi_IN", "12,34,567.89" },
    { 1, "CLF", "en_US", "0.0001" },
    /* The C locale reads and writes like ICU's en_US_POSIX. */
    { 123456, "USD", "C", "1234.56" },
    { 123456, "USD", "C.UTF-8", "1234.56" },
    { 123456, "USD", "POSIX", "1234.56" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = format_amount (cases[i].minor, cases[i].currency,
                                             cases[i].locale);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_money_format_null_locale (void)
{
  g_autofree char *amount = NULL;
  g_autofree char *money = NULL;

  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
  g_assert_nonnull (setlocale (LC_MONETARY, "C"));

  /* The C locale reads and writes like ICU's en_US_POSIX. */
  amount = format_amount (123456, "USD", NULL);
  money = format (123456, "USD", NULL);
  g_assert_cmpstr (amount, ==, "1234.56");
  g_assert_nonnull (strstr (money, "1234.56"));
  g_assert_nonnull (strstr (money, "$"));
  g_assert_cmpint (parse_ok (amount, "USD", NULL), ==, 123456);
}

/* What sl_money_format_amount() writes for a locale, sl_money_parse()
 * reads back exactly. */
static void
test_money_format_round_trip (void)
{
  static const char *locales[] = {
    "C", "en_US", "de_DE", "fr_FR", "de_CH", "sv_SE", "fa_IR", "ar_EG",
    "hi_IN", "th_TH", "ja_JP",
  };
  static const char *currencies[] = { "USD", "JPY", "BHD", "IRR" };

  for (gsize l = 0; l < G_N_ELEMENTS (locales); l++)
    for (gsize c = 0; c < G_N_ELEMENTS (currencies); c++)
      for (gsize v = 0; v < G_N_ELEMENTS (edge_values); v++)
        {
          g_autofree char *text = format_amount (edge_values[v], currencies[c],
                                                 locales[l]);

          g_test_message ("%s %s “%s”", locales[l], currencies[c], text);
          g_assert_cmpint (parse_ok (text, currencies[c], locales[l]), ==, edge_values[v]);
        }
}

static void
test_money_format_plain (void)
{
  static const struct {
    gint64 minor;
    const char *currency;
    const char *expected;
  } cases[] = {
    { -123456, "USD", "-1234.56" },
    { 123456, "USD", "1234.56" },
    { -123456, "JPY", "-123456" },
    { 5, "BHD", "0.005" },
    { -5, "USD", "-0.05" },
    { 0, "USD", "0.00" },
    { 0, "JPY", "0" },
    { 1, "CLF", "0.0001" },
    { 100, "IRR", "1.00" },
    { G_MAXINT64, "USD", "92233720368547758.07" },
    { G_MININT64, "USD", "-92233720368547758.08" },
    { G_MININT64, "JPY", "-9223372036854775808" },
    { G_MININT64, "BHD", "-9223372036854775.808" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = format_plain (cases[i].minor, cases[i].currency);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_money_plain_round_trip (void)
{
  static const char *currencies[] = { "USD", "JPY", "BHD", "CLF", "IRR" };

  for (gsize c = 0; c < G_N_ELEMENTS (currencies); c++)
    for (gsize v = 0; v < G_N_ELEMENTS (edge_values); v++)
      {
        g_autofree char *text = format_plain (edge_values[v], currencies[c]);

        g_assert_cmpint (parse_plain_ok (text, currencies[c]), ==, edge_values[v]);
        /* The plain form is also valid user text in the C locale. */
        g_assert_cmpint (parse_ok (text, currencies[c], "C"), ==, edge_values[v]);
      }
}

/* Checks that a failed operation set @code and left @out alone. */
static void
assert_refused (gboolean       ok,
                GError        *error,
                SlMoneyError   code,
                const SlMoney *out)
{
  g_assert_false (ok);
  g_assert_error (error, SL_MONEY_ERROR, (int) code);
  g_assert_cmpint (out->minor, ==, 42);
  g_assert_cmpstr (out->currency, ==, "CHF");
}

static void
test_money_add (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney a, b, out;
  gboolean ok;

  sl_money_init (&a, 123456, "USD");
  sl_money_init (&b, -456, "USD");
  g_assert_true (sl_money_add (&a, &b, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.minor, ==, 123000);
  g_assert_cmpstr (out.currency, ==, "USD");

  /* The output may be an input. */
  g_assert_true (sl_money_add (&a, &a, &a, &error));
  g_assert_cmpint (a.minor, ==, 246912);

  sl_money_init (&a, G_MAXINT64, "USD");
  sl_money_init (&b, 1, "USD");
  sl_money_init (&out, 42, "CHF");
  ok = sl_money_add (&a, &b, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&a, G_MININT64, "USD");
  sl_money_init (&b, -1, "USD");
  ok = sl_money_add (&a, &b, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&a, 1, "USD");
  sl_money_init (&b, 1, "EUR");
  ok = sl_money_add (&a, &b, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_MIXED_CURRENCY, &out);
  g_assert_nonnull (strstr (error->message, "USD"));
  g_assert_nonnull (strstr (error->message, "EUR"));
}

static void
test_money_subtract (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney a, b, out;
  gboolean ok;

  sl_money_init (&a, 100, "JPY");
  sl_money_init (&b, 250, "JPY");
  g_assert_true (sl_money_subtract (&a, &b, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.minor, ==, -150);
  g_assert_cmpstr (out.currency, ==, "JPY");

  sl_money_init (&a, G_MAXINT64, "JPY");
  g_assert_true (sl_money_subtract (&a, &a, &out, &error));
  g_assert_cmpint (out.minor, ==, 0);

  sl_money_init (&a, G_MININT64, "JPY");
  sl_money_init (&b, 1, "JPY");
  sl_money_init (&out, 42, "CHF");
  ok = sl_money_subtract (&a, &b, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&a, 0, "JPY");
  sl_money_init (&b, G_MININT64, "JPY");
  ok = sl_money_subtract (&a, &b, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&b, 0, "KRW");
  ok = sl_money_subtract (&a, &b, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_MIXED_CURRENCY, &out);
  g_assert_nonnull (strstr (error->message, "JPY"));
  g_assert_nonnull (strstr (error->message, "KRW"));
}

static void
test_money_negate (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney a, out;
  gboolean ok;

  sl_money_init (&a, 5, "EUR");
  g_assert_true (sl_money_negate (&a, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.minor, ==, -5);
  g_assert_cmpstr (out.currency, ==, "EUR");

  sl_money_init (&a, G_MAXINT64, "EUR");
  g_assert_true (sl_money_negate (&a, &out, &error));
  g_assert_cmpint (out.minor, ==, -G_MAXINT64);

  sl_money_init (&a, G_MININT64, "EUR");
  sl_money_init (&out, 42, "CHF");
  ok = sl_money_negate (&a, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
}

static void
test_money_multiply (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney a, out;
  gboolean ok;

  sl_money_init (&a, -3, "GBP");
  g_assert_true (sl_money_multiply (&a, 4, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.minor, ==, -12);
  g_assert_cmpstr (out.currency, ==, "GBP");

  g_assert_true (sl_money_multiply (&a, 0, &out, &error));
  g_assert_cmpint (out.minor, ==, 0);

  sl_money_init (&out, 42, "CHF");
  sl_money_init (&a, G_MAXINT64 / 2 + 1, "GBP");
  ok = sl_money_multiply (&a, 2, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&a, G_MININT64, "GBP");
  ok = sl_money_multiply (&a, -1, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&a, G_MININT64 / 2, "GBP");
  g_assert_true (sl_money_multiply (&a, 2, &out, &error));
  g_assert_cmpint (out.minor, ==, G_MININT64);
}

static gint64
scale_ok (gint64 minor,
          gint64 numerator,
          gint64 denominator)
{
  g_autoptr(GError) error = NULL;
  SlMoney a, out;

  sl_money_init (&a, minor, "USD");
  g_assert_true (sl_money_scale (&a, numerator, denominator, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out.currency, ==, "USD");
  return out.minor;
}

static void
test_money_scale_half_even (void)
{
  g_assert_cmpint (scale_ok (5, 1, 2), ==, 2);      /* 2.5 */
  g_assert_cmpint (scale_ok (7, 1, 2), ==, 4);      /* 3.5 */
  g_assert_cmpint (scale_ok (15, 1, 10), ==, 2);    /* 1.5 */
  g_assert_cmpint (scale_ok (25, 1, 10), ==, 2);    /* 2.5 */
  g_assert_cmpint (scale_ok (35, 1, 10), ==, 4);    /* 3.5 */
  g_assert_cmpint (scale_ok (-5, 1, 2), ==, -2);    /* -2.5 */
  g_assert_cmpint (scale_ok (-7, 1, 2), ==, -4);    /* -3.5 */
  g_assert_cmpint (scale_ok (-15, 1, 10), ==, -2);  /* -1.5 */
  g_assert_cmpint (scale_ok (5, -1, 2), ==, -2);    /* -2.5 */
  g_assert_cmpint (scale_ok (1, 1, 3), ==, 0);      /* 0.33 */
  g_assert_cmpint (scale_ok (2, 1, 3), ==, 1);      /* 0.67 */
  g_assert_cmpint (scale_ok (-2, 1, 3), ==, -1);    /* -0.67 */
  g_assert_cmpint (scale_ok (26, 1, 10), ==, 3);    /* 2.6 */
  g_assert_cmpint (scale_ok (24, 1, 10), ==, 2);    /* 2.4 */
  g_assert_cmpint (scale_ok (1234, 0, 7), ==, 0);
  /* An 8% reserve of 400,000.00 is 32,000.00. */
  g_assert_cmpint (scale_ok (40000000, 8, 100), ==, 3200000);
}

static void
test_money_scale_overflow (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney a, out;
  gboolean ok;

  /* The intermediate product does not fit in 64 bits; the result does. */
  g_assert_cmpint (scale_ok (G_MAXINT64, 2, 2), ==, G_MAXINT64);
  g_assert_cmpint (scale_ok (G_MAXINT64, G_MAXINT64, G_MAXINT64), ==, G_MAXINT64);
  g_assert_cmpint (scale_ok (G_MININT64, G_MAXINT64, G_MAXINT64), ==, G_MININT64);
  g_assert_cmpint (scale_ok (G_MININT64, 1, 1), ==, G_MININT64);
  g_assert_cmpint (scale_ok (G_MAXINT64, 1, 2), ==, G_GINT64_CONSTANT (4611686018427387904));

  sl_money_init (&out, 42, "CHF");
  sl_money_init (&a, G_MAXINT64, "USD");
  ok = sl_money_scale (&a, 3, 2, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&a, G_MININT64, "USD");
  ok = sl_money_scale (&a, -1, 1, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
  g_clear_error (&error);

  sl_money_init (&a, G_MININT64, "USD");
  ok = sl_money_scale (&a, G_MAXINT64, 1, &out, &error);
  assert_refused (ok, error, SL_MONEY_ERROR_OVERFLOW, &out);
}

static void
test_money_compare (void)
{
  g_autoptr(GError) error = NULL;
  SlMoney a, b;
  int result = 7;

  sl_money_init (&a, -1, "USD");
  sl_money_init (&b, 1, "USD");
  g_assert_true (sl_money_compare (&a, &b, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, -1);
  g_assert_true (sl_money_compare (&b, &a, &result, &error));
  g_assert_cmpint (result, ==, 1);
  g_assert_true (sl_money_compare (&a, &a, &result, &error));
  g_assert_cmpint (result, ==, 0);

  sl_money_init (&a, G_MININT64, "USD");
  sl_money_init (&b, G_MAXINT64, "USD");
  g_assert_true (sl_money_compare (&a, &b, &result, &error));
  g_assert_cmpint (result, ==, -1);

  result = 7;
  sl_money_init (&b, 1, "EUR");
  g_assert_false (sl_money_compare (&a, &b, &result, &error));
  g_assert_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_MIXED_CURRENCY);
  g_assert_cmpint (result, ==, 7);
}

static void
test_money_equal (void)
{
  SlMoney a, b;

  sl_money_init (&a, 100, "USD");
  sl_money_init (&b, 100, "USD");
  g_assert_true (sl_money_equal (&a, &b));

  sl_money_init (&b, 101, "USD");
  g_assert_false (sl_money_equal (&a, &b));

  sl_money_init (&b, 100, "CAD");
  g_assert_false (sl_money_equal (&a, &b));
}

static void
test_money_boxed (void)
{
  g_autoptr(SlMoney) money = sl_money_new (-250, "BHD");
  g_autoptr(SlMoney) copy = sl_money_copy (money);
  SlMoney *boxed;

  g_assert_true (G_TYPE_IS_BOXED (SL_TYPE_MONEY));
  g_assert_cmpstr (g_type_name (SL_TYPE_MONEY), ==, "SlMoney");
  g_assert_true (copy != money);
  g_assert_true (sl_money_equal (money, copy));

  boxed = g_boxed_copy (SL_TYPE_MONEY, money);
  g_assert_cmpint (boxed->minor, ==, -250);
  g_assert_cmpstr (boxed->currency, ==, "BHD");
  g_boxed_free (SL_TYPE_MONEY, boxed);

  g_assert_cmpstr (g_quark_to_string (SL_MONEY_ERROR), ==, "sl-money-error-quark");
}

static void
test_money_int64_helpers (void)
{
  gint64 out = 42;

  g_assert_true (sl_int64_add_checked (G_MAXINT64, G_MININT64, &out));
  g_assert_cmpint (out, ==, -1);
  out = 42;
  g_assert_false (sl_int64_add_checked (G_MAXINT64, 1, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (sl_int64_add_checked (G_MININT64, -1, &out));
  g_assert_cmpint (out, ==, 42);

  g_assert_true (sl_int64_mul_checked (G_GINT64_CONSTANT (3037000499),
                                       G_GINT64_CONSTANT (3037000499), &out));
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (9223372030926249001));
  out = 42;
  g_assert_false (sl_int64_mul_checked (G_GINT64_CONSTANT (3037000500),
                                        G_GINT64_CONSTANT (3037000500), &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_false (sl_int64_mul_checked (G_MININT64, -1, &out));
  g_assert_cmpint (out, ==, 42);
  g_assert_true (sl_int64_mul_checked (G_MININT64, 1, &out));
  g_assert_cmpint (out, ==, G_MININT64);
}

static gint64
parse_minor_ok (const char *text,
                int         exponent,
                gboolean    round,
                gboolean    expect_rounded)
{
  gint64 value = 0;
  gboolean rounded = !expect_rounded;
  SlMoneyError code = -1;

  g_assert_true (sl_money_parse_minor (text, exponent, round, &value, &rounded, &code));
  g_assert_cmpint (rounded, ==, expect_rounded);
  return value;
}

static SlMoneyError
parse_minor_error (const char *text,
                   int         exponent,
                   gboolean    round)
{
  gint64 value = 42;
  SlMoneyError code = -1;

  g_assert_false (sl_money_parse_minor (text, exponent, round, &value, NULL, &code));
  g_assert_cmpint (value, ==, 42);
  return code;
}

static void
test_money_parse_minor (void)
{
  g_assert_cmpint (parse_minor_ok ("1234.56", 2, FALSE, FALSE), ==, 123456);
  g_assert_cmpint (parse_minor_ok (" -0.5 ", 2, FALSE, FALSE), ==, -50);
  g_assert_cmpint (parse_minor_ok ("12", 0, FALSE, FALSE), ==, 12);
  g_assert_cmpint (parse_minor_ok ("1.230000", 2, FALSE, FALSE), ==, 123);
  g_assert_cmpint (parse_minor_ok ("-9223372036854775808", 0, FALSE, FALSE), ==, G_MININT64);
  /* Float noise from ad exports, rounded half to even when asked. */
  g_assert_cmpint (parse_minor_ok ("1.429999948", 2, TRUE, TRUE), ==, 143);
  g_assert_cmpint (parse_minor_ok ("1.820000023", 2, TRUE, TRUE), ==, 182);
  g_assert_cmpint (parse_minor_ok ("0.125", 2, TRUE, TRUE), ==, 12);
  g_assert_cmpint (parse_minor_ok ("0.135", 2, TRUE, TRUE), ==, 14);
  g_assert_cmpint (parse_minor_ok ("0.1250001", 2, TRUE, TRUE), ==, 13);
  g_assert_cmpint (parse_minor_ok ("-0.135", 2, TRUE, TRUE), ==, -14);
  g_assert_cmpint (parse_minor_error ("1.429999948", 2, FALSE), ==, SL_MONEY_ERROR_PRECISION);
  g_assert_cmpint (parse_minor_error ("9223372036854775808", 0, FALSE), ==, SL_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (parse_minor_error ("92233720368547758.08", 2, FALSE), ==, SL_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (parse_minor_error ("1,234.56", 2, FALSE), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_minor_error ("", 2, FALSE), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_minor_error ("-", 2, FALSE), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_minor_error ("12a", 2, FALSE), ==, SL_MONEY_ERROR_INVALID);
  g_assert_cmpint (parse_minor_error ("1e5", 2, FALSE), ==, SL_MONEY_ERROR_INVALID);
}

/* Numbers for people: the locale's digits and separators, rounded half
 * to even, the same again from the cached formatter. */
/* The sign a spreadsheet's number format writes beside an amount. */
static void
test_currency_symbol (void)
{
  g_autofree char *usd = sl_currency_symbol ("USD", "en_US");
  g_autofree char *usd_ca = sl_currency_symbol ("USD", "en_CA");
  g_autofree char *eur = sl_currency_symbol ("EUR", "de_DE");
  g_autofree char *jpy = sl_currency_symbol ("JPY", "en_US");

  g_assert_cmpstr (usd, ==, "$");
  g_assert_cmpstr (usd_ca, ==, "US$");
  g_assert_cmpstr (eur, ==, "€");
  g_assert_cmpstr (jpy, ==, "¥");
  g_assert_null (sl_currency_symbol ("XYZ", "en_US"));
  g_assert_null (sl_currency_symbol ("usd", "en_US"));
}

static void
test_number_format (void)
{
  static const struct { double value; int digits; const char *locale; const char *text; } cases[] = {
    { 1234.5, 1, "en_US", "1,234.5" },
    { 0.25, 1, "en_US", "0.2" },
    { 0.35, 1, "en_US", "0.4" },
    { -71.94, 1, "en_US", "-71.9" },
    { 1693, 0, "en_US", "1,693" },
    { 1693, 0, "fa_IR", "۱٬۶۹۳" },
    { 311.8, 1, "fa_IR", "۳۱۱٫۸" },
    { 1234.5, 1, "de_DE", "1.234,5" },
    { 1234.5, 1, "en_US", "1,234.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sl_number_format (cases[i].value, cases[i].digits, cases[i].locale);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/money/parse/minor", test_money_parse_minor);
  g_test_add_func ("/core/money/exponent", test_money_exponent);
  g_test_add_func ("/core/money/currency-symbol", test_currency_symbol);
  g_test_add_func ("/core/money/parse/c-locale", test_money_parse_c_locale);
  g_test_add_func ("/core/money/parse/null-locale", test_money_parse_null_locale);
  g_test_add_func ("/core/money/parse/null-locale-persian", test_money_parse_null_locale_persian);
  g_test_add_func ("/core/money/parse/german", test_money_parse_german);
  g_test_add_func ("/core/money/parse/french", test_money_parse_french);
  g_test_add_func ("/core/money/parse/native-digits", test_money_parse_native_digits);
  g_test_add_func ("/core/money/parse/precision", test_money_parse_precision);
  g_test_add_func ("/core/money/parse/overflow", test_money_parse_overflow);
  g_test_add_func ("/core/money/parse/invalid", test_money_parse_invalid);
  g_test_add_func ("/core/money/parse/unknown-currency", test_money_parse_unknown_currency);
  g_test_add_func ("/core/money/parse-plain", test_money_parse_plain);
  g_test_add_func ("/core/money/format/en-us", test_money_format_en_us);
  g_test_add_func ("/core/money/format/de-de", test_money_format_de_de);
  g_test_add_func ("/core/money/format/decimals", test_money_format_decimals);
  g_test_add_func ("/core/money/format/extremes", test_money_format_extremes);
  g_test_add_func ("/core/money/format/amount", test_money_format_amount);
  g_test_add_func ("/core/money/format/null-locale", test_money_format_null_locale);
  g_test_add_func ("/core/money/format/round-trip", test_money_format_round_trip);
  g_test_add_func ("/core/money/format-plain", test_money_format_plain);
  g_test_add_func ("/core/money/plain/round-trip", test_money_plain_round_trip);
  g_test_add_func ("/core/money/add", test_money_add);
  g_test_add_func ("/core/money/subtract", test_money_subtract);
  g_test_add_func ("/core/money/negate", test_money_negate);
  g_test_add_func ("/core/money/multiply", test_money_multiply);
  g_test_add_func ("/core/money/scale/half-even", test_money_scale_half_even);
  g_test_add_func ("/core/money/scale/overflow", test_money_scale_overflow);
  g_test_add_func ("/core/money/compare", test_money_compare);
  g_test_add_func ("/core/money/equal", test_money_equal);
  g_test_add_func ("/core/money/boxed", test_money_boxed);
  g_test_add_func ("/core/money/int64-helpers", test_money_int64_helpers);
  g_test_add_func ("/core/money/number-format", test_number_format);

  return g_test_run ();
}
