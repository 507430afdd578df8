/* fuzz-date.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the date, period and month parsers. The first byte
 * picks a calendar and a fiscal start; the rest is parsed as an ISO
 * day, an export's date in each order, a period name and a plan's
 * month, and its first four bytes are also taken as a day. Whatever
 * parses, and every day of years 1–9999, formats to text that parses
 * back to the same value: parse (format (x)) == x.
 * Seeds are in corpus/date/.
 */

#include "config.h"

#include <string.h>

#include "sl-date-text.h"
#include "sl-month-text.h"
#include "sl-period.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const char * const locales[] = { "en_US", "fa_IR", "th_TH", "zh_CN" };

static void
check_iso (SlDay day)
{
  g_autofree char *iso = sl_day_to_iso (day);
  SlDay again = SL_DAY_INVALID;

  if (!sl_day_parse_iso (iso, &again, NULL) || again != day)
    g_error ("Day %d is “%s”, which reads back as %d", day, iso, again);
}

/* A period's machine name reads back as the same period. */
static void
check_period (const SlPeriod *period,
              const char     *locale)
{
  g_autofree char *name = sl_period_to_string (period);
  g_autofree char *label = sl_period_format (period, locale);
  g_autoptr(GError) error = NULL;
  SlPeriod again;

  g_assert_true (g_utf8_validate (label, -1, NULL));
  g_assert_cmpint (period->first, <=, period->last);
  if (!sl_period_parse (name, period->calendar, period->fiscal_start, &again, &error))
    g_error ("Period “%s” does not parse: %s", name, error->message);
  if (!sl_period_equal (period, &again))
    g_error ("Period “%s” reads back as %d..%d, not %d..%d", name,
             again.first, again.last, period->first, period->last);
}

/* A day in the middle of years 1–9999, in every calendar and kind. */
static void
check_day (SlDay day,
           int   fiscal_start,
           const char *locale)
{
  static const SlPeriodKind kinds[] = {
    SL_PERIOD_DAY, SL_PERIOD_WEEK, SL_PERIOD_MONTH, SL_PERIOD_QUARTER, SL_PERIOD_FISCAL_YEAR,
  };
  int year, month, mday;

  check_iso (day);
  sl_day_to_ymd (day, &year, &month, &mday);
  g_assert_cmpint (sl_day_from_ymd (year, month, mday), ==, day);

  for (SlCalendar calendar = SL_CALENDAR_GREGORIAN; calendar <= SL_CALENDAR_THAI; calendar++)
    {
      SlDay again = SL_DAY_INVALID;

      sl_calendar_split_day (calendar, day, &year, &month, &mday);
      if (!sl_calendar_make_day (calendar, year, month, mday, &again, NULL) || again != day)
        g_error ("Day %d is %d-%d-%d in calendar %d, which is day %d", day, year, month, mday, calendar, again);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          SlPeriod period;

          sl_period_init (&period, kinds[k], calendar, fiscal_start, day);
          g_assert_true (sl_period_contains (&period, day));
          /* Names have four-digit years. */
          if (period.year >= 1 && period.year <= 9999)
            check_period (&period, locale);
        }
    }
}

/* A date an export wrote, in each order that reads it. */
static void
check_date_text (const char *text)
{
  static const SlDateOrder orders[] = {
    SL_DATE_ORDER_ISO, SL_DATE_ORDER_YMD, SL_DATE_ORDER_DMY, SL_DATE_ORDER_MDY,
  };
  guint mask = sl_date_text_orders (text);

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *written = NULL;
      SlDay day, again;
      int y, m, d;

      if (!sl_date_text_parse (text, orders[i], &day))
        {
          g_assert_false (mask & (1u << orders[i]));
          continue;
        }
      g_assert_true (mask & (1u << orders[i]));
      sl_day_to_ymd (day, &y, &m, &d);
      if (orders[i] == SL_DATE_ORDER_ISO || orders[i] == SL_DATE_ORDER_YMD)
        written = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
      else if (orders[i] == SL_DATE_ORDER_DMY)
        written = g_strdup_printf ("%02d/%02d/%04d", d, m, y);
      else
        written = g_strdup_printf ("%02d/%02d/%04d", m, d, y);
      if (!sl_date_text_parse (written, orders[i], &again) || again != day)
        g_error ("“%s” is day %d, written “%s”, which does not read back", text, day, written);
    }
  g_assert_true (sl_date_text_pick (mask) <= SL_DATE_ORDER_YMD);
}

static void
check_text (const char *text,
            SlCalendar  calendar,
            int         fiscal_start,
            const char *locale)
{
  g_autoptr(SlMonthText) months = sl_month_text_new (calendar, fiscal_start);
  g_autoptr(GError) error = NULL;
  SlPeriod period;
  SlDay day;

  if (sl_day_parse_iso (text, &day, NULL))
    check_iso (day);

  check_date_text (text);

  if (sl_period_parse (text, calendar, fiscal_start, &period, &error))
    check_period (&period, locale);
  else
    g_assert_true (error != NULL && g_utf8_validate (error->message, -1, NULL));

  if (sl_month_text_parse (months, text, &period))
    {
      g_autofree char *name = sl_period_to_string (&period);
      SlPeriod again;

      g_assert_cmpint (period.kind, ==, SL_PERIOD_MONTH);
      check_period (&period, locale);
      if (!sl_month_text_parse (months, name, &again) || !sl_period_equal (&period, &again))
        g_error ("Month “%s” is “%s”, which does not read back", text, name);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  SlCalendar calendar;
  int fiscal_start;
  const char *locale;

  if (size < 1)
    return 0;
  calendar = (data[0] & 3) % 3;
  fiscal_start = ((data[0] >> 2) & 15) % 12 + 1;
  locale = locales[(data[0] >> 6) & 3];
  text = g_strndup ((const char *)data + 1, size - 1);
  check_text (text, calendar, fiscal_start, locale);

  if (size >= 5)
    {
      static SlDay first, last;
      guint32 raw;

      if (first == 0)
        {
          first = sl_day_from_ymd (1, 1, 1) + 400;
          last = sl_day_from_ymd (9999, 12, 31) - 400;
        }
      memcpy (&raw, data + 1, sizeof raw);
      check_day (first + (SlDay)(raw % (guint32)(last - first + 1)), fiscal_start, locale);
    }
  return 0;
}
