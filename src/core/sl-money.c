/* sl-money.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "sl-money.h"

/* sl_money_scale() needs a 128-bit product; every platform Sunlight
 * ships on (x86_64, aarch64) has one. */
#ifndef __SIZEOF_INT128__
# error "sl-money.c needs a compiler with __int128"
#endif

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UEnumeration, uenum_close)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (UNumberFormat, unum_close, NULL)

G_DEFINE_BOXED_TYPE (SlMoney, sl_money, sl_money_copy, sl_money_free)
G_DEFINE_QUARK (sl-money-error-quark, sl_money_error)

/* Where ICU's default fraction digits differ from the ISO 4217 minor
 * unit, ISO wins: CLDR (and so ICU 72) gives the decimals used in
 * practice, 0 for IRR, IQD and the like, while ISO 4217 says 2 or 3.
 * -1 marks codes ICU lists that are not money in a budget: precious
 * metals, bond units, SDRs and test codes (ISO's minor unit "N.A.")
 * and CNH, which is not in ISO 4217. The last rows are ISO codes newer
 * than ICU 72. */
typedef struct
{
  char code[4];
  int  exponent;
} CurrencyOverride;

static const CurrencyOverride currency_overrides[] = {
  { "AFN", 2 }, { "ALL", 2 }, { "IQD", 3 }, { "IRR", 2 }, { "KPW", 2 },
  { "LAK", 2 }, { "LBP", 2 }, { "MGA", 2 }, { "MMK", 2 }, { "RSD", 2 },
  { "SLL", 2 }, { "SOS", 2 }, { "SYP", 2 }, { "YER", 2 },
  { "CNH", -1 }, { "XAG", -1 }, { "XAU", -1 }, { "XBA", -1 },
  { "XBB", -1 }, { "XBC", -1 }, { "XBD", -1 }, { "XDR", -1 },
  { "XFO", -1 }, { "XFU", -1 }, { "XPD", -1 }, { "XPT", -1 },
  { "XSU", -1 }, { "XTS", -1 }, { "XUA", -1 }, { "XXX", -1 },
  { "XCG", 2 }, { "ZWG", 2 },
};

#define N_CODES (26 * 26 * 26)

/* One bit per three-letter code: set when ICU knows it as an ISO 4217
 * code, current or historic. */
static guint8 known_codes[(N_CODES + 7) / 8];

static gboolean
code_is_well_formed (const char *code)
{
  return code != NULL &&
         g_ascii_isupper (code[0]) &&
         g_ascii_isupper (code[1]) &&
         g_ascii_isupper (code[2]) &&
         code[3] == '\0';
}

static guint
code_index (const char *code)
{
  return (guint) (code[0] - 'A') * 26 * 26 +
         (guint) (code[1] - 'A') * 26 +
         (guint) (code[2] - 'A');
}

static void
load_known_codes (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      UErrorCode status = U_ZERO_ERROR;
      g_autoptr(UEnumeration) codes = NULL;
      const char *code;

      codes = ucurr_openISOCurrencies (UCURR_ALL, &status);
      while (U_SUCCESS (status) &&
             (code = uenum_next (codes, NULL, &status)) != NULL)
        {
          if (code_is_well_formed (code))
            {
              guint i = code_index (code);

              known_codes[i / 8] |= 1 << (i % 8);
            }
        }
      if (U_FAILURE (status))
        g_warning ("Cannot list ISO 4217 currencies: %s", u_errorName (status));

      g_once_init_leave (&loaded, 1);
    }
}

static gboolean
icu_knows_code (const char *code)
{
  guint i = code_index (code);

  load_known_codes ();
  return (known_codes[i / 8] & (1 << (i % 8))) != 0;
}

int
sl_currency_exponent (const char *code)
{
  UChar ucode[4];
  UErrorCode status = U_ZERO_ERROR;
  int32_t digits;

  if (!code_is_well_formed (code))
    return -1;

  for (gsize i = 0; i < G_N_ELEMENTS (currency_overrides); i++)
    {
      if (strcmp (currency_overrides[i].code, code) == 0)
        return currency_overrides[i].exponent;
    }

  if (!icu_knows_code (code))
    return -1;

  u_charsToUChars (code, ucode, 4);
  digits = ucurr_getDefaultFractionDigits (ucode, &status);
  if (U_FAILURE (status) || digits < 0 || digits > 9)
    return -1;

  return digits;
}

gboolean
sl_currency_is_valid (const char *code)
{
  return sl_currency_exponent (code) >= 0;
}

SlMoney *
sl_money_new (gint64      minor,
              const char *currency)
{
  SlMoney *money = g_new0 (SlMoney, 1);

  sl_money_init (money, minor, currency);

  return money;
}

SlMoney *
sl_money_copy (const SlMoney *money)
{
  g_return_val_if_fail (money != NULL, NULL);

  return g_memdup2 (money, sizeof *money);
}

void
sl_money_free (SlMoney *money)
{
  g_free (money);
}

void
sl_money_init (SlMoney    *money,
               gint64      minor,
               const char *currency)
{
  g_return_if_fail (money != NULL);
  g_return_if_fail (currency != NULL);

  money->minor = minor;
  memset (money->currency, 0, sizeof money->currency);
  g_strlcpy (money->currency, currency, sizeof money->currency);
}

gboolean
sl_int64_add_checked (gint64  a,
                      gint64  b,
                      gint64 *out)
{
  gint64 result;

  if (__builtin_add_overflow (a, b, &result))
    return FALSE;

  *out = result;
  return TRUE;
}

gboolean
sl_int64_mul_checked (gint64  a,
                      gint64  b,
                      gint64 *out)
{
  gint64 result;

  if (__builtin_mul_overflow (a, b, &result))
    return FALSE;

  *out = result;
  return TRUE;
}

/* Errors */

/* @text made printable and short enough to quote in a message. */
static char *
text_for_message (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);

  start = g_utf8_substring (valid, 0, 40);
  return g_strconcat (start, "…", NULL);
}

static gboolean
set_invalid_error (GError     **error,
                   const char  *text)
{
  g_autofree char *quoted = text_for_message (text);

  g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_INVALID,
               /* Translators: %s is the text the user typed */
               _("“%s” is not an amount of money"), quoted);
  return FALSE;
}

static gboolean
set_precision_error (GError     **error,
                     const char  *text,
                     const char  *currency,
                     int          exponent)
{
  g_autofree char *quoted = text_for_message (text);

  g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_PRECISION,
               /* Translators: the first %s is the text the user typed,
                * the second %s an ISO 4217 code like “USD”, and %d the
                * number of decimals that currency has, like 2 */
               _("“%s” has more decimals than %s allows (%d)"),
               quoted, currency, exponent);
  return FALSE;
}

static gboolean
set_parse_overflow_error (GError     **error,
                          const char  *text,
                          const char  *currency)
{
  g_autofree char *quoted = text_for_message (text);

  g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_OVERFLOW,
               /* Translators: the first %s is the text the user typed,
                * the second %s an ISO 4217 code like “USD” */
               _("“%s” is too large to be an amount of %s"),
               quoted, currency);
  return FALSE;
}

static gboolean
set_overflow_error (GError     **error,
                    const char  *currency)
{
  g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_OVERFLOW,
               /* Translators: %.3s is an ISO 4217 code like “USD” */
               _("The result is too large to be an amount of %.3s"),
               currency);
  return FALSE;
}

/* The exponent of @currency, or -1 with @error set. */
static int
exponent_or_error (const char  *currency,
                   GError     **error)
{
  int exponent = sl_currency_exponent (currency);

  if (exponent < 0)
    {
      g_autofree char *quoted = text_for_message (currency);

      g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_UNKNOWN_CURRENCY,
                   /* Translators: %s is what the user typed as a currency code */
                   _("“%s” is not an ISO 4217 currency code"), quoted);
    }

  return exponent;
}

static gboolean
check_same_currency (const SlMoney  *a,
                     const SlMoney  *b,
                     GError        **error)
{
  if (strncmp (a->currency, b->currency, sizeof a->currency) == 0)
    return TRUE;

  g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_MIXED_CURRENCY,
               /* Translators: the first and the second %.3s are ISO 4217
                * codes like “USD” and “EUR” */
               _("Cannot combine an amount of %.3s with one of %.3s"),
               a->currency, b->currency);
  return FALSE;
}

/* Parsing */

/* Multiplies *@acc by ten and subtracts @digit. The amount accumulates
 * as a negative number so that G_MININT64 can be read. */
static gboolean
accumulate_digit (gint64 *acc,
                  int     digit)
{
  return sl_int64_mul_checked (*acc, 10, acc) &&
         sl_int64_add_checked (*acc, -digit, acc);
}

/* Whether the decimals after the first @exponent are all zeros. */
static gboolean
fraction_fits (const char *fraction,
               int         exponent)
{
  if (strlen (fraction) <= (gsize) exponent)
    return TRUE;

  for (const char *p = fraction + exponent; *p != '\0'; p++)
    {
      if (*p != '0')
        return FALSE;
    }

  return TRUE;
}

/* Reads @canon, a checked "-1234.56" made of ASCII digits: an optional
 * '-', digits, an optional '.' and digits, with at least one digit.
 * @text is what the user wrote, for messages. */
static gboolean
minor_from_canonical (const char  *canon,
                      const char  *text,
                      const char  *currency,
                      int          exponent,
                      gint64      *out,
                      GError     **error)
{
  const char *p = canon;
  const char *fraction;
  gboolean negative = FALSE;
  gint64 acc = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  fraction = strchr (p, '.');
  fraction = fraction != NULL ? fraction + 1 : "";
  if (!fraction_fits (fraction, exponent))
    return set_precision_error (error, text, currency, exponent);

  for (; *p != '\0' && *p != '.'; p++)
    {
      if (!accumulate_digit (&acc, *p - '0'))
        return set_parse_overflow_error (error, text, currency);
    }

  for (int i = 0; i < exponent; i++)
    {
      int digit = *fraction != '\0' ? *fraction++ - '0' : 0;

      if (!accumulate_digit (&acc, digit))
        return set_parse_overflow_error (error, text, currency);
    }

  if (!negative)
    {
      if (acc == G_MININT64)
        return set_parse_overflow_error (error, text, currency);
      acc = -acc;
    }

  *out = acc;
  return TRUE;
}

typedef struct
{
  gunichar decimal;
  gunichar grouping;
} NumberSymbols;

/* The ICU locale for @locale, or for the current locale of @category
 * when it is NULL. The C locale reads and writes like "en_US_POSIX":
 * '.' decimal point, ',' grouping. */
static char *
icu_locale_for (const char *locale,
                int         category)
{
  const char *name = locale != NULL ? locale : setlocale (category, NULL);

  if (name == NULL ||
      name[0] == '\0' ||
      g_str_equal (name, "C") ||
      g_str_equal (name, "POSIX") ||
      g_str_has_prefix (name, "C."))
    return g_strdup ("en_US_POSIX");

  /* "de_DE.UTF-8@euro" → "de_DE" */
  return g_strndup (name, strcspn (name, ".@"));
}

static gboolean
is_bidi_mark (gunichar c)
{
  return c == 0x061C ||                 /* ARABIC LETTER MARK */
         c == 0x200E || c == 0x200F ||  /* LRM, RLM */
         (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* The first code point of an ICU number symbol, skipping the bidi
 * marks some locales put around their minus sign. */
static gunichar
symbol_char (const UNumberFormat *format,
             UNumberFormatSymbol  symbol,
             gunichar             fallback)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar text[16];
  int32_t length;
  int32_t i = 0;

  length = unum_getSymbol (format, symbol, text, G_N_ELEMENTS (text), &status);
  if (U_FAILURE (status))
    return fallback;

  while (i < length && i < (int32_t) G_N_ELEMENTS (text))
    {
      UChar32 c;

      U16_NEXT (text, i, length, c);
      if (!is_bidi_mark ((gunichar) c))
        return (gunichar) c;
    }

  return fallback;
}

static void
number_symbols_init (NumberSymbols *symbols,
                     const char    *icu_locale)
{
  UErrorCode status = U_ZERO_ERROR;
  g_auto(UNumberFormat) format = NULL;

  symbols->decimal = '.';
  symbols->grouping = ',';

  format = unum_open (UNUM_DECIMAL, NULL, 0, icu_locale, NULL, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot read the number symbols of %s: %s",
                 icu_locale, u_errorName (status));
      return;
    }

  symbols->decimal = symbol_char (format, UNUM_DECIMAL_SEPARATOR_SYMBOL, '.');
  symbols->grouping = symbol_char (format, UNUM_GROUPING_SEPARATOR_SYMBOL, ',');
}

static gboolean
is_decimal_separator (const NumberSymbols *symbols,
                      gunichar             c)
{
  /* A '.' is also a decimal point where it cannot be grouping:
   * French keypads type it, Persian users often use it. */
  return c == symbols->decimal || (c == '.' && symbols->grouping != '.');
}

static gboolean
is_grouping_separator (const NumberSymbols *symbols,
                       gunichar             c)
{
  if (c == symbols->grouping || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
    return TRUE;
  if (c == ',' && symbols->decimal != ',')
    return TRUE;

  /* Swiss grouping: the typographic and the typewriter apostrophe. */
  return (c == '\'' && symbols->grouping == 0x2019) ||
         (c == 0x2019 && symbols->grouping == '\'');
}

/* -1 for a minus sign, 1 for a plus sign, 0 otherwise. */
static int
sign_of (gunichar c)
{
  switch (c)
    {
    case '-':
    case 0x2212:  /* MINUS SIGN */
    case 0xFE63:  /* SMALL HYPHEN-MINUS */
    case 0xFF0D:  /* FULLWIDTH HYPHEN-MINUS */
      return -1;
    case '+':
    case 0xFF0B:  /* FULLWIDTH PLUS SIGN */
      return 1;
    default:
      return 0;
    }
}

typedef enum
{
  SCAN_LEADING,
  SCAN_INTEGER,
  SCAN_FRACTION,
  SCAN_TRAILING,
} ScanState;

typedef struct
{
  const NumberSymbols *symbols;
  GString             *canon;
  ScanState            state;
  gboolean             has_sign;
  gboolean             grouped;
  guint                n_digits;
  guint                group_digits;  /* since the last grouping separator */
} Scanner;

/* Grouping must leave no doubt that a separator is not a decimal point:
 * the last group has three digits, groups between separators two
 * (Indian lakh and crore) or three. */
static gboolean
scanner_last_group_ok (const Scanner *scanner)
{
  return !scanner->grouped || scanner->group_digits == 3;
}

static gboolean
scanner_integer_char (Scanner  *scanner,
                      gunichar  c,
                      gunichar  next)
{
  const NumberSymbols *symbols = scanner->symbols;

  if (is_decimal_separator (symbols, c))
    {
      g_string_append_c (scanner->canon, '.');
      scanner->state = SCAN_FRACTION;
      return scanner_last_group_ok (scanner);
    }

  if (is_grouping_separator (symbols, c) && g_unichar_digit_value (next) >= 0)
    {
      if (scanner->grouped &&
          scanner->group_digits != 2 && scanner->group_digits != 3)
        return FALSE;
      scanner->grouped = TRUE;
      scanner->group_digits = 0;
      return TRUE;
    }

  if (g_unichar_isspace (c))
    {
      scanner->state = SCAN_TRAILING;
      return scanner_last_group_ok (scanner);
    }

  return FALSE;
}

/* Feeds one character to @scanner; @next is the one after it (0 at the
 * end). Returns FALSE when the text cannot be an amount. */
static gboolean
scanner_feed (Scanner  *scanner,
              gunichar  c,
              gunichar  next)
{
  int digit = g_unichar_digit_value (c);

  if (is_bidi_mark (c))
    return TRUE;

  if (digit >= 0)
    {
      if (scanner->state == SCAN_TRAILING)
        return FALSE;
      if (scanner->state == SCAN_LEADING)
        scanner->state = SCAN_INTEGER;
      if (scanner->state == SCAN_INTEGER)
        scanner->group_digits++;
      scanner->n_digits++;
      g_string_append_c (scanner->canon, (char) ('0' + digit));
      return TRUE;
    }

  switch (scanner->state)
    {
    case SCAN_LEADING:
      if (sign_of (c) != 0 && !scanner->has_sign)
        {
          scanner->has_sign = TRUE;
          if (sign_of (c) < 0)
            g_string_append_c (scanner->canon, '-');
          return TRUE;
        }
      if (is_decimal_separator (scanner->symbols, c))
        {
          g_string_append_c (scanner->canon, '.');
          scanner->state = SCAN_FRACTION;
          return TRUE;
        }
      return g_unichar_isspace (c);

    case SCAN_INTEGER:
      return scanner_integer_char (scanner, c, next);

    case SCAN_FRACTION:
    case SCAN_TRAILING:
    default:
      if (!g_unichar_isspace (c))
        return FALSE;
      scanner->state = SCAN_TRAILING;
      return TRUE;
    }
}

/* The character after @p, skipping bidi marks; 0 at the end. */
static gunichar
next_char (const char *p)
{
  for (p = g_utf8_next_char (p); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_bidi_mark (c))
        return c;
    }

  return 0;
}

/* Turns localized @text into a canonical "-1234.56" in @canon. */
static gboolean
scan_localized (const char          *text,
                const NumberSymbols *symbols,
                GString             *canon)
{
  Scanner scanner = { symbols, canon, SCAN_LEADING, FALSE, FALSE, 0, 0 };

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!scanner_feed (&scanner, g_utf8_get_char (p), next_char (p)))
        return FALSE;
    }

  if (scanner.state == SCAN_INTEGER && !scanner_last_group_ok (&scanner))
    return FALSE;

  return scanner.n_digits > 0;
}

gboolean
sl_money_parse (const char  *text,
                const char  *currency,
                const char  *locale,
                SlMoney     *out,
                GError     **error)
{
  g_autofree char *icu_locale = NULL;
  g_autoptr(GString) canon = NULL;
  NumberSymbols symbols;
  gint64 minor;
  int exponent;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  exponent = exponent_or_error (currency, error);
  if (exponent < 0)
    return FALSE;

  icu_locale = icu_locale_for (locale, LC_NUMERIC);
  number_symbols_init (&symbols, icu_locale);

  canon = g_string_new (NULL);
  if (!scan_localized (text, &symbols, canon))
    return set_invalid_error (error, text);

  if (!minor_from_canonical (canon->str, text, currency, exponent,
                             &minor, error))
    return FALSE;

  sl_money_init (out, minor, currency);
  return TRUE;
}

/* Whether @text is ['-'] digits ['.' digits]. */
static gboolean
is_plain_amount (const char *text)
{
  const char *p = text;
  const char *digits;

  if (*p == '-')
    p++;

  for (digits = p; g_ascii_isdigit (*p); p++)
    ;
  if (p == digits)
    return FALSE;

  if (*p == '.')
    {
      for (digits = ++p; g_ascii_isdigit (*p); p++)
        ;
      if (p == digits)
        return FALSE;
    }

  return *p == '\0';
}

gboolean
sl_money_parse_plain (const char  *text,
                      const char  *currency,
                      SlMoney     *out,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  gint64 minor;
  int exponent;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  exponent = exponent_or_error (currency, error);
  if (exponent < 0)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (!is_plain_amount (stripped))
    return set_invalid_error (error, text);

  if (!minor_from_canonical (stripped, text, currency, exponent, &minor, error))
    return FALSE;

  sl_money_init (out, minor, currency);
  return TRUE;
}

static gboolean
fail_with (SlMoneyError *code,
           SlMoneyError  value)
{
  if (code != NULL)
    *code = value;
  return FALSE;
}

/* Whether the digits after the kept decimals round the magnitude up:
 * more than half, or exactly half with an odd last kept digit. */
static gboolean
rest_rounds_up (const char *rest,
                gint64      kept)
{
  gboolean beyond_half = FALSE;

  if (*rest < '5')
    return FALSE;
  if (*rest > '5')
    return TRUE;
  for (const char *p = rest + 1; *p != '\0'; p++)
    if (*p != '0')
      beyond_half = TRUE;
  return beyond_half || (kept % 2) != 0;
}

gboolean
sl_money_parse_minor (const char   *text,
                      int           exponent,
                      gboolean      round,
                      gint64       *out,
                      gboolean     *rounded,
                      SlMoneyError *code)
{
  char rest[64];
  const char *p = text;
  gboolean negative = FALSE, any_digit = FALSE;
  gint64 value = 0;
  int decimals = 0;
  gsize n_rest = 0;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);
  g_return_val_if_fail (exponent >= 0 && exponent <= 18, FALSE);

  if (rounded != NULL)
    *rounded = FALSE;
  while (*p == ' ')
    p++;
  if (*p == '-')
    negative = TRUE, p++;

  /* Accumulate negatively, so that G_MININT64 fits. */
  for (; g_ascii_isdigit (*p); p++, any_digit = TRUE)
    if (!sl_int64_mul_checked (value, 10, &value) || !sl_int64_add_checked (value, -(*p - '0'), &value))
      return fail_with (code, SL_MONEY_ERROR_OVERFLOW);
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, any_digit = TRUE)
      {
        if (decimals < exponent)
          {
            if (!sl_int64_mul_checked (value, 10, &value) || !sl_int64_add_checked (value, -(*p - '0'), &value))
              return fail_with (code, SL_MONEY_ERROR_OVERFLOW);
            decimals++;
          }
        else if (n_rest < sizeof rest - 1)
          rest[n_rest++] = *p;
      }
  rest[n_rest] = '\0';
  while (*p == ' ')
    p++;
  if (!any_digit || *p != '\0')
    return fail_with (code, SL_MONEY_ERROR_INVALID);

  for (; decimals < exponent; decimals++)
    if (!sl_int64_mul_checked (value, 10, &value))
      return fail_with (code, SL_MONEY_ERROR_OVERFLOW);

  if (strspn (rest, "0") != n_rest)
    {
      if (!round)
        return fail_with (code, SL_MONEY_ERROR_PRECISION);
      if (rounded != NULL)
        *rounded = TRUE;
      if (rest_rounds_up (rest, value) && !sl_int64_add_checked (value, -1, &value))
        return fail_with (code, SL_MONEY_ERROR_OVERFLOW);
    }

  if (!negative)
    {
      if (value == G_MININT64)
        return fail_with (code, SL_MONEY_ERROR_OVERFLOW);
      value = -value;
    }
  *out = value;
  return TRUE;
}

/* Formatting */

/* "-1234.56": @minor with @exponent decimals, exact, for ICU and for
 * sl_money_format_plain(). */
static char *
decimal_string (gint64 minor,
                int    exponent)
{
  /* Negating in unsigned arithmetic gets G_MININT64 right. */
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  char digits[32];
  GString *out = g_string_new (minor < 0 ? "-" : NULL);
  int length;

  length = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);

  if (exponent == 0)
    {
      g_string_append (out, digits);
    }
  else if (length <= exponent)
    {
      g_string_append (out, "0.");
      for (int i = length; i < exponent; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      g_string_append_len (out, digits, length - exponent);
      g_string_append_c (out, '.');
      g_string_append (out, digits + length - exponent);
    }

  return g_string_free (out, FALSE);
}

static char *
format_decimal (UNumberFormat *format,
                const char    *decimal,
                UErrorCode    *status)
{
  UChar buffer[64];
  g_autofree UChar *heap = NULL;
  UChar *chars = buffer;
  int32_t length;

  length = unum_formatDecimal (format, decimal, -1,
                               buffer, G_N_ELEMENTS (buffer), NULL, status);
  if (*status == U_BUFFER_OVERFLOW_ERROR)
    {
      *status = U_ZERO_ERROR;
      heap = g_new (UChar, length + 1);
      chars = heap;
      length = unum_formatDecimal (format, decimal, -1,
                                   heap, length + 1, NULL, status);
    }

  if (U_FAILURE (*status))
    return NULL;

  return g_utf16_to_utf8 ((const gunichar2 *) chars, length, NULL, NULL, NULL);
}

/* The number formats each thread used, kept by locale, style, currency
 * and digits: opening one costs far more than formatting, and a table
 * formats hundreds of amounts, counts and ratios in a row. A thread
 * rarely needs more than a dozen; past MAX_FORMATS the cache starts over. */
#define MAX_FORMATS 32

static void
format_close (gpointer format)
{
  unum_close (format);
}

static GPrivate format_cache = G_PRIVATE_INIT ((GDestroyNotify)g_hash_table_unref);

/* A format of @style for @icu_locale with exactly @exponent decimals:
 * money (@currency not "") is never rounded, plain numbers are rounded
 * half to even. */
static UNumberFormat *
open_format (const char         *icu_locale,
             UNumberFormatStyle  style,
             const char         *currency,
             int                 exponent,
             UErrorCode         *status)
{
  GHashTable *cache = g_private_get (&format_cache);
  g_autofree char *key = g_strdup_printf ("%s|%d|%s|%d", icu_locale, (int)style, currency, exponent);
  g_auto(UNumberFormat) format = NULL;
  UNumberFormat *kept;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, format_close);
      g_private_set (&format_cache, cache);
    }
  if ((kept = g_hash_table_lookup (cache, key)) != NULL)
    return kept;

  format = unum_open (style, NULL, 0, icu_locale, NULL, status);
  if (style == UNUM_CURRENCY && U_SUCCESS (*status))
    {
      UChar code[4];

      u_charsToUChars (currency, code, 4);
      unum_setTextAttribute (format, UNUM_CURRENCY_CODE, code, 3, status);
    }
  if (U_FAILURE (*status))
    return NULL;
  /* After the currency code, which resets them to ICU's digits. */
  unum_setAttribute (format, UNUM_MIN_FRACTION_DIGITS, exponent);
  unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS, exponent);
  unum_setAttribute (format, UNUM_ROUNDING_MODE,
                     currency[0] != '\0' ? UNUM_ROUND_UNNECESSARY : UNUM_ROUND_HALFEVEN);

  if (g_hash_table_size (cache) >= MAX_FORMATS)
    g_hash_table_remove_all (cache);
  kept = g_steal_pointer (&format);
  g_hash_table_insert (cache, g_steal_pointer (&key), kept);
  return kept;
}

/* Formats @money with ICU in @style, with exactly the currency's
 * decimals; ICU is told never to round, so the result is exact. */
static char *
format_with_icu (const SlMoney      *money,
                 const char         *locale,
                 int                 category,
                 UNumberFormatStyle  style)
{
  g_autofree char *icu_locale = icu_locale_for (locale, category);
  g_autofree char *decimal = NULL;
  UNumberFormat *format;
  UErrorCode status = U_ZERO_ERROR;
  int exponent = sl_currency_exponent (money->currency);
  char *result = NULL;

  g_return_val_if_fail (exponent >= 0, NULL);

  decimal = decimal_string (money->minor, exponent);
  format = open_format (icu_locale, style, money->currency, exponent, &status);
  if (format != NULL)
    result = format_decimal (format, decimal, &status);

  if (result == NULL)
    {
      g_warning ("Cannot format %s %s for %s: %s", decimal, money->currency,
                 icu_locale, u_errorName (status));
      if (style == UNUM_CURRENCY)
        return g_strdup_printf ("%s %s", decimal, money->currency);
      return g_steal_pointer (&decimal);
    }

  return result;
}

char *
sl_number_format (double      value,
                  int         digits,
                  const char *locale)
{
  g_autofree char *icu_locale = icu_locale_for (locale, LC_NUMERIC);
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *format;
  UChar chars[64];
  int32_t length;

  g_return_val_if_fail (digits >= 0 && digits <= 6, NULL);
  g_return_val_if_fail (isfinite (value), NULL);

  format = open_format (icu_locale, UNUM_DECIMAL, "", digits, &status);
  if (format != NULL)
    length = unum_formatDouble (format, value, chars, G_N_ELEMENTS (chars), NULL, &status);
  if (format == NULL || U_FAILURE (status))
    {
      g_warning ("Cannot format %g for %s: %s", value, icu_locale, u_errorName (status));
      return g_strdup_printf ("%.*f", digits, value);
    }
  return g_utf16_to_utf8 ((const gunichar2 *)chars, length, NULL, NULL, NULL);
}

char *
sl_money_format (const SlMoney *money,
                 const char    *locale)
{
  g_return_val_if_fail (money != NULL, NULL);

  return format_with_icu (money, locale, LC_MONETARY, UNUM_CURRENCY);
}

char *
sl_money_format_amount (const SlMoney *money,
                        const char    *locale)
{
  g_return_val_if_fail (money != NULL, NULL);

  return format_with_icu (money, locale, LC_NUMERIC, UNUM_DECIMAL);
}

char *
sl_money_format_plain (const SlMoney *money)
{
  int exponent;

  g_return_val_if_fail (money != NULL, NULL);

  exponent = sl_currency_exponent (money->currency);
  g_return_val_if_fail (exponent >= 0, NULL);

  return decimal_string (money->minor, exponent);
}

char *
sl_currency_symbol (const char *code,
                    const char *locale)
{
  g_autofree char *icu_locale = NULL;
  UChar ucode[4];
  UErrorCode status = U_ZERO_ERROR;
  const UChar *name;
  UBool is_choice = FALSE;
  int32_t length = 0;

  if (!sl_currency_is_valid (code))
    return NULL;

  icu_locale = icu_locale_for (locale, LC_MONETARY);
  u_charsToUChars (code, ucode, 4);
  name = ucurr_getName (ucode, icu_locale, UCURR_SYMBOL_NAME, &is_choice, &length, &status);
  if (U_FAILURE (status) || name == NULL || length <= 0)
    return g_strdup (code);
  return g_utf16_to_utf8 ((const gunichar2 *)name, length, NULL, NULL, NULL);
}

/* Arithmetic */

gboolean
sl_money_add (const SlMoney  *a,
              const SlMoney  *b,
              SlMoney        *out,
              GError        **error)
{
  gint64 sum;

  g_return_val_if_fail (a != NULL && b != NULL && out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_same_currency (a, b, error))
    return FALSE;
  if (!sl_int64_add_checked (a->minor, b->minor, &sum))
    return set_overflow_error (error, a->currency);

  out->minor = sum;
  memmove (out->currency, a->currency, sizeof out->currency);
  return TRUE;
}

gboolean
sl_money_subtract (const SlMoney  *a,
                   const SlMoney  *b,
                   SlMoney        *out,
                   GError        **error)
{
  gint64 difference;

  g_return_val_if_fail (a != NULL && b != NULL && out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_same_currency (a, b, error))
    return FALSE;
  if (__builtin_sub_overflow (a->minor, b->minor, &difference))
    return set_overflow_error (error, a->currency);

  out->minor = difference;
  memmove (out->currency, a->currency, sizeof out->currency);
  return TRUE;
}

gboolean
sl_money_negate (const SlMoney  *a,
                 SlMoney        *out,
                 GError        **error)
{
  g_return_val_if_fail (a != NULL && out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (a->minor == G_MININT64)
    return set_overflow_error (error, a->currency);

  out->minor = -a->minor;
  memmove (out->currency, a->currency, sizeof out->currency);
  return TRUE;
}

gboolean
sl_money_multiply (const SlMoney  *a,
                   gint64          factor,
                   SlMoney        *out,
                   GError        **error)
{
  gint64 product;

  g_return_val_if_fail (a != NULL && out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sl_int64_mul_checked (a->minor, factor, &product))
    return set_overflow_error (error, a->currency);

  out->minor = product;
  memmove (out->currency, a->currency, sizeof out->currency);
  return TRUE;
}

gboolean
sl_money_scale (const SlMoney  *a,
                gint64          numerator,
                gint64          denominator,
                SlMoney        *out,
                GError        **error)
{
  __int128 product;
  __int128 quotient;
  __int128 remainder;

  g_return_val_if_fail (a != NULL && out != NULL, FALSE);
  g_return_val_if_fail (denominator > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* |product| < 2^126: no overflow. Division truncates towards zero
   * and the remainder takes the product's sign. */
  product = (__int128) a->minor * numerator;
  quotient = product / denominator;
  remainder = product % denominator;
  if (remainder < 0)
    remainder = -remainder;

  /* Half to even: away from zero past the half, and at exactly the
   * half when that makes the quotient even. */
  if (2 * remainder > denominator ||
      (2 * remainder == denominator && (quotient & 1) != 0))
    quotient += product < 0 ? -1 : 1;

  if (quotient < G_MININT64 || quotient > G_MAXINT64)
    return set_overflow_error (error, a->currency);

  out->minor = (gint64) quotient;
  memmove (out->currency, a->currency, sizeof out->currency);
  return TRUE;
}

gboolean
sl_money_compare (const SlMoney  *a,
                  const SlMoney  *b,
                  int            *result,
                  GError        **error)
{
  g_return_val_if_fail (a != NULL && b != NULL && result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_same_currency (a, b, error))
    return FALSE;

  *result = (a->minor > b->minor) - (a->minor < b->minor);
  return TRUE;
}

gboolean
sl_money_equal (const SlMoney *a,
                const SlMoney *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->minor == b->minor &&
         strncmp (a->currency, b->currency, sizeof a->currency) == 0;
}
