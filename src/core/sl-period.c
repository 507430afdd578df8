/* sl-period.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udateintervalformat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "sl-period.h"

#define MS_PER_DAY         86400000.0
#define DAYS_PER_400_YEARS 146097
#define MAX_YEAR           1000000
#define N_CALENDARS        (SL_CALENDAR_THAI + 1)
#define MAX_CACHED_FORMATS 32

G_DEFINE_BOXED_TYPE (SlPeriod, sl_period, sl_period_copy, sl_period_free)
G_DEFINE_QUARK (sl-period-error-quark, sl_period_error)

static const char * const calendar_names[N_CALENDARS] = {
  [SL_CALENDAR_GREGORIAN] = "gregorian",
  [SL_CALENDAR_SOLAR_HIJRI] = "solar-hijri",
  [SL_CALENDAR_THAI] = "thai",
};

static const char * const icu_calendar_names[N_CALENDARS] = {
  [SL_CALENDAR_GREGORIAN] = "gregorian",
  [SL_CALENDAR_SOLAR_HIJRI] = "persian",
  [SL_CALENDAR_THAI] = "buddhist",
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/* Gregorian arithmetic: H. Hinnant's days_from_civil / civil_from_days. */

static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = floor_div (y, 400);
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * DAYS_PER_400_YEARS + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *year,
                 int    *month,
                 int    *mday)
{
  gint64 era, doe, yoe, doy, mp, m;

  z += 719468;
  era = floor_div (z, DAYS_PER_400_YEARS);
  doe = z - era * DAYS_PER_400_YEARS;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  m = mp < 10 ? mp + 3 : mp - 9;

  if (year != NULL)
    *year = (int) (yoe + era * 400 + (m <= 2));
  if (month != NULL)
    *month = (int) m;
  if (mday != NULL)
    *mday = (int) (doy - (153 * mp + 2) / 5 + 1);
}

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (gint64 year,
               int    month)
{
  static const int lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap_year (year) ? 29 : lengths[month - 1];
}

SlDay
sl_day_from_ymd (int year,
                 int month,
                 int day)
{
  g_return_val_if_fail (month >= 1 && month <= 12, SL_DAY_INVALID);
  g_return_val_if_fail (day >= 1 && day <= 31, SL_DAY_INVALID);
  g_return_val_if_fail (year >= -5000000 && year <= 5000000, SL_DAY_INVALID);

  return (SlDay) days_from_civil (year, month, day);
}

void
sl_day_to_ymd (SlDay  day,
               int   *year,
               int   *month,
               int   *mday)
{
  civil_from_days (day, year, month, mday);
}

/* Reads exactly @n_digits ASCII digits at *@p. */
static gboolean
parse_digits (const char **p,
              int          n_digits,
              int         *out)
{
  int value = 0;

  for (int i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *out = value;
  return TRUE;
}

/* "YYYY-MM-DD" at *@p, advancing past it. */
static gboolean
parse_iso_day (const char **p,
               SlDay       *out)
{
  int year, month, mday;

  if (!parse_digits (p, 4, &year) || *(*p)++ != '-' ||
      !parse_digits (p, 2, &month) || *(*p)++ != '-' ||
      !parse_digits (p, 2, &mday))
    return FALSE;

  if (month < 1 || month > 12 || mday < 1 || mday > days_in_month (year, month))
    return FALSE;

  *out = (SlDay) days_from_civil (year, month, mday);
  return TRUE;
}

gboolean
sl_day_parse_iso (const char  *text,
                  SlDay       *out,
                  GError     **error)
{
  const char *p = text;
  SlDay day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_iso_day (&p, &day) || *p != '\0')
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_INVALID,
                   /* Translators: %s is what was typed; keep YYYY-MM-DD as it is */
                   _("“%s” is not a date (YYYY-MM-DD)"), shown);
      return FALSE;
    }

  *out = day;
  return TRUE;
}

char *
sl_day_to_iso (SlDay day)
{
  int year, month, mday;

  sl_day_to_ymd (day, &year, &month, &mday);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, mday);
}

SlDay
sl_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return sl_day_from_ymd (g_date_time_get_year (now),
                          g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

int
sl_day_weekday (SlDay day)
{
  /* 1970-01-01 was a Thursday. */
  return (int) (((gint64) day + 3) - floor_div ((gint64) day + 3, 7) * 7) + 1;
}

const char *
sl_calendar_to_string (SlCalendar calendar)
{
  g_return_val_if_fail ((guint) calendar < N_CALENDARS, NULL);

  return calendar_names[calendar];
}

gboolean
sl_calendar_from_string (const char *text,
                         SlCalendar *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; text != NULL && i < N_CALENDARS; i++)
    {
      if (strcmp (text, calendar_names[i]) == 0)
        {
          *out = (SlCalendar) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ICU objects are costly to open and not thread-safe, so every thread
 * keeps its own, freed when the thread ends. */
typedef struct
{
  UCalendar  *calendars[N_CALENDARS];  /* [SL_CALENDAR_GREGORIAN] unused */
  GHashTable *date_formats;            /* "locale|skeleton" → UDateFormat */
  GHashTable *interval_formats;        /* locale → UDateIntervalFormat */
  GHashTable *number_formats;          /* locale → UNumberFormat */
  UDateTimePatternGenerator *generator;  /* for generator_locale */
  char       *generator_locale;
} IcuCache;

static void
close_date_format (gpointer format)
{
  udat_close (format);
}

static void
close_interval_format (gpointer format)
{
  udtitvfmt_close (format);
}

static void
close_number_format (gpointer format)
{
  unum_close (format);
}

static void
icu_cache_free (gpointer data)
{
  IcuCache *cache = data;

  for (guint i = 0; i < N_CALENDARS; i++)
    g_clear_pointer (&cache->calendars[i], ucal_close);
  g_hash_table_unref (cache->date_formats);
  g_hash_table_unref (cache->interval_formats);
  g_hash_table_unref (cache->number_formats);
  g_clear_pointer (&cache->generator, udatpg_close);
  g_free (cache->generator_locale);
  g_free (cache);
}

static GPrivate icu_cache_key = G_PRIVATE_INIT (icu_cache_free);

static IcuCache *
get_icu_cache (void)
{
  IcuCache *cache = g_private_get (&icu_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (IcuCache, 1);
      cache->date_formats = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                   g_free, close_date_format);
      cache->interval_formats = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, close_interval_format);
      cache->number_formats = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                     g_free, close_number_format);
      g_private_set (&icu_cache_key, cache);
    }

  return cache;
}

static UCalendar *
get_icu_calendar (SlCalendar calendar)
{
  IcuCache *cache = get_icu_cache ();

  if (cache->calendars[calendar] == NULL)
    {
      g_autofree char *locale_id = g_strconcat ("@calendar=", icu_calendar_names[calendar], NULL);
      UErrorCode status = U_ZERO_ERROR;
      UCalendar *cal;

      cal = ucal_open (u"UTC", -1, locale_id, UCAL_TRADITIONAL, &status);
      if (U_FAILURE (status))
        {
          g_critical ("Cannot open the ICU %s calendar: %s", locale_id, u_errorName (status));
          g_clear_pointer (&cal, ucal_close);
          return NULL;
        }

      /* Strict: fields out of range are errors, not carried over. */
      ucal_setAttribute (cal, UCAL_LENIENT, FALSE);
      cache->calendars[calendar] = cal;
    }

  return cache->calendars[calendar];
}

/* ICU's Buddhist calendar is Julian before 1582 and ends some million
 * years out, but SlDay is proleptic Gregorian. The Gregorian calendar
 * repeats every 400 years, so the Thai calendar moves such days by whole
 * cycles into 1700–2100 and the year back by as many 400s. */
static gint64
thai_cycles_for_day (SlDay day)
{
  gint64 window = days_from_civil (1700, 1, 1);

  if (day >= window && day < days_from_civil (9000, 1, 1))
    return 0;
  return floor_div (day - window, DAYS_PER_400_YEARS);
}

static gint64
thai_cycles_for_year (int be_year)
{
  /* Any whole number of cycles is exact; years before 1657 CE or from
   * 8457 CE on move into 1657–2056. */
  if (be_year >= 2200 && be_year < 9000)
    return 0;
  return floor_div (be_year - 2200, 400);
}

static gboolean
icu_split_day (SlCalendar  calendar,
               SlDay       day,
               int        *year,
               int        *month,
               int        *mday)
{
  UCalendar *cal = get_icu_calendar (calendar);
  UErrorCode status = U_ZERO_ERROR;
  gint64 cycles = calendar == SL_CALENDAR_THAI ? thai_cycles_for_day (day) : 0;

  if (cal == NULL)
    return FALSE;

  ucal_setMillis (cal, ((gint64) day - cycles * DAYS_PER_400_YEARS) * MS_PER_DAY, &status);
  if (calendar == SL_CALENDAR_THAI)
    {
      /* UCAL_YEAR is the Buddhist Era year in era 0, the only era. */
      if (ucal_get (cal, UCAL_ERA, &status) != 0)
        status = U_INTERNAL_PROGRAM_ERROR;
      *year = ucal_get (cal, UCAL_YEAR, &status) + (int) (cycles * 400);
    }
  else
    {
      *year = ucal_get (cal, UCAL_EXTENDED_YEAR, &status);
    }
  *month = ucal_get (cal, UCAL_MONTH, &status) + 1;
  *mday = ucal_get (cal, UCAL_DATE, &status);

  return U_SUCCESS (status);
}

void
sl_calendar_split_day (SlCalendar  calendar,
                       SlDay       day,
                       int        *year,
                       int        *month,
                       int        *mday)
{
  int y = 0, m = 0, d = 0;

  g_return_if_fail ((guint) calendar < N_CALENDARS);

  if (calendar == SL_CALENDAR_GREGORIAN)
    civil_from_days (day, &y, &m, &d);
  else if (!icu_split_day (calendar, day, &y, &m, &d))
    g_critical ("Day %d is out of the range of the %s calendar", day, calendar_names[calendar]);

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (mday != NULL)
    *mday = d;
}

/* The day of fields that ICU accepts; no check that they round-trip. */
static gboolean
icu_make_day (SlCalendar  calendar,
              int         year,
              int         month,
              int         mday,
              SlDay      *out)
{
  UCalendar *cal = get_icu_calendar (calendar);
  UErrorCode status = U_ZERO_ERROR;
  gint64 cycles = calendar == SL_CALENDAR_THAI ? thai_cycles_for_year (year) : 0;
  UDate millis;

  if (cal == NULL)
    return FALSE;

  ucal_clear (cal);
  if (calendar == SL_CALENDAR_THAI)
    {
      ucal_set (cal, UCAL_ERA, 0);
      ucal_set (cal, UCAL_YEAR, year - (int) (cycles * 400));
    }
  else
    {
      ucal_set (cal, UCAL_EXTENDED_YEAR, year);
    }
  ucal_set (cal, UCAL_MONTH, month - 1);
  ucal_set (cal, UCAL_DATE, mday);
  millis = ucal_getMillis (cal, &status);
  if (U_FAILURE (status))
    return FALSE;

  *out = (SlDay) ((gint64) floor (millis / MS_PER_DAY) + cycles * DAYS_PER_400_YEARS);
  return TRUE;
}

gboolean
sl_calendar_make_day (SlCalendar   calendar,
                      int          year,
                      int          month,
                      int          mday,
                      SlDay       *out,
                      GError     **error)
{
  SlDay day = SL_DAY_INVALID;
  int y = 0, m = 0, d = 0;

  g_return_val_if_fail ((guint) calendar < N_CALENDARS, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (year < -MAX_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_RANGE,
                   /* Translators: %d is a year */
                   _("The year %d is out of range"), year);
      return FALSE;
    }

  if (month >= 1 && month <= 12 && mday >= 1 && mday <= 31)
    {
      if (calendar != SL_CALENDAR_GREGORIAN)
        {
          if (!icu_make_day (calendar, year, month, mday, &day))
            day = SL_DAY_INVALID;
        }
      else if (mday <= days_in_month (year, month))
        {
          day = (SlDay) days_from_civil (year, month, mday);
        }
    }

  /* ICU may carry a day over rather than refuse it: check it came back. */
  if (day != SL_DAY_INVALID)
    sl_calendar_split_day (calendar, day, &y, &m, &d);
  if (day == SL_DAY_INVALID || y != year || m != month || d != mday)
    {
      g_set_error (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_INVALID,
                   /* Translators: a date as year-month-day */
                   _("%d-%02d-%02d is not a valid date"), year, month, mday);
      return FALSE;
    }

  *out = day;
  return TRUE;
}

/* Months counted from year 0 month 1 of the calendar. */
static gint64
month_ordinal (int year,
               int month)
{
  return (gint64) year * 12 + month - 1;
}

static void
ordinal_to_ym (gint64  ordinal,
               int    *year,
               int    *month)
{
  gint64 y = floor_div (ordinal, 12);

  *year = (int) y;
  *month = (int) (ordinal - y * 12) + 1;
}

static SlDay
month_first_day (SlCalendar calendar,
                 gint64     ordinal)
{
  int year, month;
  SlDay day = SL_DAY_INVALID;

  ordinal_to_ym (ordinal, &year, &month);
  if (calendar == SL_CALENDAR_GREGORIAN)
    day = (SlDay) days_from_civil (year, month, 1);
  else if (!icu_make_day (calendar, year, month, 1, &day))
    g_critical ("Month %d-%02d is out of the range of the %s calendar",
                year, month, calendar_names[calendar]);

  return day;
}

static void
set_month_range (SlPeriod *period,
                 gint64    first_ordinal,
                 int       n_months)
{
  period->first = month_first_day (period->calendar, first_ordinal);
  period->last = month_first_day (period->calendar, first_ordinal + n_months) - 1;
}

/* A fiscal year or quarter from the ordinal of any of its months. */
static void
init_fiscal (SlPeriod *period,
             gint64    ordinal)
{
  gint64 offset = ordinal - (period->fiscal_start - 1);
  gint64 year_start = floor_div (offset, 12) * 12 + period->fiscal_start - 1;
  int month_in_year = (int) (ordinal - year_start);

  /* Named by the calendar year of its last month. */
  period->year = (int) floor_div (year_start + 11, 12);

  if (period->kind == SL_PERIOD_QUARTER)
    {
      period->index = month_in_year / 3 + 1;
      set_month_range (period, year_start + (period->index - 1) * 3, 3);
    }
  else
    {
      set_month_range (period, year_start, 12);
    }
}

static void
iso_week (SlDay  day,
          int   *week_year,
          int   *week)
{
  gint64 thursday = (gint64) day - sl_day_weekday (day) + 4;

  civil_from_days (thursday, week_year, NULL, NULL);
  *week = (int) ((thursday - days_from_civil (*week_year, 1, 1)) / 7) + 1;
}

void
sl_period_init (SlPeriod     *period,
                SlPeriodKind  kind,
                SlCalendar    calendar,
                int           fiscal_start,
                SlDay         containing)
{
  int year, month;

  g_return_if_fail (period != NULL);
  g_return_if_fail ((guint) kind <= SL_PERIOD_CUSTOM);
  g_return_if_fail ((guint) calendar < N_CALENDARS);
  g_return_if_fail (fiscal_start >= 1 && fiscal_start <= 12);
  g_return_if_fail (containing != SL_DAY_INVALID);

  *period = (SlPeriod) {
    .kind = kind,
    .calendar = calendar,
    .fiscal_start = fiscal_start,
    .first = containing,
    .last = containing,
  };

  switch (kind)
    {
    case SL_PERIOD_DAY:
      sl_calendar_split_day (calendar, containing, &period->year, NULL, NULL);
      break;

    case SL_PERIOD_WEEK:
      iso_week (containing, &period->year, &period->index);
      period->first = containing - (sl_day_weekday (containing) - 1);
      period->last = period->first + 6;
      break;

    case SL_PERIOD_MONTH:
      sl_calendar_split_day (calendar, containing, &year, &month, NULL);
      period->year = year;
      period->index = month;
      set_month_range (period, month_ordinal (year, month), 1);
      break;

    case SL_PERIOD_QUARTER:
    case SL_PERIOD_FISCAL_YEAR:
      sl_calendar_split_day (calendar, containing, &year, &month, NULL);
      init_fiscal (period, month_ordinal (year, month));
      break;

    case SL_PERIOD_CUSTOM:
    default:
      break;
    }
}

gboolean
sl_period_init_custom (SlPeriod    *period,
                       SlCalendar   calendar,
                       SlDay        first,
                       SlDay        last,
                       GError     **error)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail ((guint) calendar < N_CALENDARS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (first == SL_DAY_INVALID || last == SL_DAY_INVALID || last < first)
    {
      g_set_error_literal (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_RANGE,
                           _("The period ends before it starts"));
      return FALSE;
    }

  *period = (SlPeriod) {
    .kind = SL_PERIOD_CUSTOM,
    .calendar = calendar,
    .fiscal_start = 1,
    .first = first,
    .last = last,
  };
  return TRUE;
}

/* The ordinal of the first month of the fiscal year named @fiscal_year. */
static gint64
fiscal_year_first_month (int fiscal_start,
                         int fiscal_year)
{
  int start_year = fiscal_start == 1 ? fiscal_year : fiscal_year - 1;

  return month_ordinal (start_year, fiscal_start);
}

void
sl_period_init_fiscal_year (SlPeriod   *period,
                            SlCalendar  calendar,
                            int         fiscal_start,
                            int         fiscal_year)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail ((guint) calendar < N_CALENDARS);
  g_return_if_fail (fiscal_start >= 1 && fiscal_start <= 12);

  *period = (SlPeriod) {
    .kind = SL_PERIOD_FISCAL_YEAR,
    .calendar = calendar,
    .fiscal_start = fiscal_start,
  };
  init_fiscal (period, fiscal_year_first_month (fiscal_start, fiscal_year));
}

SlPeriod *
sl_period_copy (const SlPeriod *period)
{
  SlPeriod *copy;

  g_return_val_if_fail (period != NULL, NULL);

  copy = g_new (SlPeriod, 1);
  *copy = *period;
  return copy;
}

void
sl_period_free (SlPeriod *period)
{
  g_free (period);
}

gboolean
sl_period_contains (const SlPeriod *period,
                    SlDay           day)
{
  g_return_val_if_fail (period != NULL, FALSE);

  return day >= period->first && day <= period->last;
}

guint
sl_period_n_days (const SlPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  if (period->last < period->first)
    return 0;
  return (guint) ((gint64) period->last - period->first + 1);
}

gboolean
sl_period_equal (const SlPeriod *a,
                 const SlPeriod *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->kind != b->kind || a->calendar != b->calendar ||
      a->first != b->first || a->last != b->last)
    return FALSE;

  if (a->kind == SL_PERIOD_QUARTER || a->kind == SL_PERIOD_FISCAL_YEAR)
    return a->fiscal_start == b->fiscal_start;

  return TRUE;
}

/* @direction is 1 for the next period, -1 for the previous one. */
static void
step_period (const SlPeriod *period,
             int             direction,
             SlPeriod       *out)
{
  SlPeriod whole;

  if (period->kind == SL_PERIOD_CUSTOM)
    {
      gint64 shift = (gint64) direction * sl_period_n_days (period);

      whole = *period;
      whole.first = (SlDay) (period->first + shift);
      whole.last = (SlDay) (period->last + shift);
      *out = whole;
      return;
    }

  /* A clipped part starts inside its whole period. */
  sl_period_init (&whole, period->kind, period->calendar, period->fiscal_start, period->first);
  sl_period_init (out, period->kind, period->calendar, period->fiscal_start,
                  direction > 0 ? whole.last + 1 : whole.first - 1);
}

void
sl_period_next (const SlPeriod *period,
                SlPeriod       *out)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (out != NULL);

  step_period (period, 1, out);
}

void
sl_period_previous (const SlPeriod *period,
                    SlPeriod       *out)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (out != NULL);

  step_period (period, -1, out);
}

GArray *
sl_period_split (const SlPeriod *period,
                 SlPeriodKind    kind)
{
  GArray *parts;

  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail ((guint) kind <= SL_PERIOD_CUSTOM, NULL);

  parts = g_array_new (FALSE, FALSE, sizeof (SlPeriod));

  for (gint64 day = period->first; day <= period->last;)
    {
      SlPeriod part;

      sl_period_init (&part, kind, period->calendar, period->fiscal_start, (SlDay) day);
      if (kind == SL_PERIOD_CUSTOM)
        part.last = period->last;

      day = (gint64) part.last + 1;
      part.first = MAX (part.first, period->first);
      part.last = MIN (part.last, period->last);
      g_array_append_val (parts, part);
    }

  return parts;
}

char *
sl_period_to_string (const SlPeriod *period)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case SL_PERIOD_WEEK:
      return g_strdup_printf ("%04d-W%02d", period->year, period->index);

    case SL_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->index);

    case SL_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, period->index);

    case SL_PERIOD_FISCAL_YEAR:
      return g_strdup_printf ("FY%04d", period->year);

    case SL_PERIOD_CUSTOM:
      first = sl_day_to_iso (period->first);
      last = sl_day_to_iso (period->last);
      return g_strconcat (first, "..", last, NULL);

    case SL_PERIOD_DAY:
    default:
      return sl_day_to_iso (period->first);
    }
}

/* The week @week of ISO week-year @year, if it has one. */
static gboolean
init_iso_week (SlPeriod   *period,
               SlCalendar  calendar,
               int         fiscal_start,
               int         year,
               int         week)
{
  gint64 jan4 = days_from_civil (year, 1, 4);
  gint64 monday = jan4 - (sl_day_weekday ((SlDay) jan4) - 1) + (gint64) (week - 1) * 7;

  if (week < 1 || week > 53)
    return FALSE;

  sl_period_init (period, SL_PERIOD_WEEK, calendar, fiscal_start, (SlDay) monday);
  return period->year == year && period->index == week;
}

/* "YYYY-MM-DD..YYYY-MM-DD" */
static gboolean
parse_custom (const char *text,
              SlDay      *first,
              SlDay      *last)
{
  const char *p = text;

  if (!parse_iso_day (&p, first) || strncmp (p, "..", 2) != 0)
    return FALSE;
  p += 2;

  return parse_iso_day (&p, last) && *p == '\0';
}

/* "YYYY-…" forms other than a day: week, quarter, month. */
static gboolean
parse_year_form (const char *p,
                 SlCalendar  calendar,
                 int         fiscal_start,
                 SlPeriod   *out)
{
  int year, number;
  SlDay first;

  if (!parse_digits (&p, 4, &year) || *p++ != '-')
    return FALSE;

  if (*p == 'W')
    {
      p++;
      return parse_digits (&p, 2, &number) && *p == '\0' &&
             init_iso_week (out, calendar, fiscal_start, year, number);
    }

  if (*p == 'Q')
    {
      p++;
      if (!parse_digits (&p, 1, &number) || *p != '\0' || number < 1 || number > 4)
        return FALSE;
      first = month_first_day (calendar, fiscal_year_first_month (fiscal_start, year) +
                                         (number - 1) * 3);
      sl_period_init (out, SL_PERIOD_QUARTER, calendar, fiscal_start, first);
      return TRUE;
    }

  if (!parse_digits (&p, 2, &number) || *p != '\0' ||
      !sl_calendar_make_day (calendar, year, number, 1, &first, NULL))
    return FALSE;

  sl_period_init (out, SL_PERIOD_MONTH, calendar, fiscal_start, first);
  return TRUE;
}

/* Any period but a custom range. */
static gboolean
parse_named (const char *text,
             SlCalendar  calendar,
             int         fiscal_start,
             SlPeriod   *out)
{
  const char *p = text;
  SlDay day;
  int year;

  if (g_str_has_prefix (text, "FY"))
    {
      p += 2;
      if (!parse_digits (&p, 4, &year) || *p != '\0')
        return FALSE;
      sl_period_init_fiscal_year (out, calendar, fiscal_start, year);
      return TRUE;
    }

  if (parse_iso_day (&p, &day) && *p == '\0')
    {
      sl_period_init (out, SL_PERIOD_DAY, calendar, fiscal_start, day);
      return TRUE;
    }

  return parse_year_form (text, calendar, fiscal_start, out);
}

gboolean
sl_period_parse (const char  *text,
                 SlCalendar   calendar,
                 int          fiscal_start,
                 SlPeriod    *out,
                 GError     **error)
{
  g_autofree char *shown = NULL;
  SlPeriod period;
  SlDay first, last;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail ((guint) calendar < N_CALENDARS, FALSE);
  g_return_val_if_fail (fiscal_start >= 1 && fiscal_start <= 12, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strstr (text, "..") != NULL)
    {
      ok = parse_custom (text, &first, &last);
      if (ok && last < first)
        {
          shown = g_utf8_make_valid (text, -1);
          g_set_error (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_RANGE,
                       /* Translators: %s is a range of days, first..last */
                       _("“%s” ends before it starts"), shown);
          return FALSE;
        }
      if (ok)
        sl_period_init_custom (&period, calendar, first, last, NULL);
    }
  else
    {
      ok = parse_named (text, calendar, fiscal_start, &period);
    }

  if (!ok)
    {
      shown = g_utf8_make_valid (text, -1);
      g_set_error (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_INVALID,
                   /* Translators: %s is what was typed */
                   _("“%s” is not a period"), shown);
      return FALSE;
    }

  *out = period;
  return TRUE;
}

/* An ICU locale id for @locale (ICU or POSIX; NULL: LC_TIME) that uses
 * @calendar. */
static void
resolve_icu_locale (const char *locale,
                    SlCalendar  calendar,
                    char       *out,
                    gsize       out_size)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;

  if (locale == NULL)
    locale = setlocale (LC_TIME, NULL);
  if (locale == NULL || *locale == '\0' || strcmp (locale, "C") == 0 ||
      strcmp (locale, "POSIX") == 0 || g_str_has_prefix (locale, "C."))
    locale = "en_US";

  /* Drops a POSIX ".UTF-8"; keeps ICU "@keywords". */
  len = uloc_canonicalize (locale, out, (int32_t) out_size, &status);
  if (U_FAILURE (status) || len >= (int32_t) out_size)
    g_strlcpy (out, "en_US", out_size);

  status = U_ZERO_ERROR;
  uloc_setKeywordValue ("calendar", icu_calendar_names[calendar], out, (int32_t) out_size, &status);
  if (U_FAILURE (status))
    g_snprintf (out, out_size, "en_US@calendar=%s", icu_calendar_names[calendar]);
}

static void
cache_insert (GHashTable *table,
              const char *key,
              gpointer    value)
{
  /* A handful of locales in practice; never let it grow without end. */
  if (g_hash_table_size (table) >= MAX_CACHED_FORMATS)
    g_hash_table_remove_all (table);
  g_hash_table_insert (table, g_strdup (key), value);
}

/* Opening a pattern generator reads the locale's whole calendar data,
 * so each thread keeps the last one it opened. */
static UDateTimePatternGenerator *
get_pattern_generator (const char *icu_locale,
                       UErrorCode *status)
{
  IcuCache *cache = get_icu_cache ();

  if (cache->generator == NULL || g_strcmp0 (cache->generator_locale, icu_locale) != 0)
    {
      g_clear_pointer (&cache->generator, udatpg_close);
      g_clear_pointer (&cache->generator_locale, g_free);
      cache->generator = udatpg_open (icu_locale, status);
      if (U_FAILURE (*status))
        {
          g_clear_pointer (&cache->generator, udatpg_close);
          return NULL;
        }
      cache->generator_locale = g_strdup (icu_locale);
    }
  return cache->generator;
}

static UDateFormat *
get_date_format (const char *icu_locale,
                 const char *skeleton)
{
  GHashTable *table = get_icu_cache ()->date_formats;
  g_autofree char *key = g_strconcat (icu_locale, "|", skeleton, NULL);
  UDateFormat *format = g_hash_table_lookup (table, key);
  UDateTimePatternGenerator *generator;
  UErrorCode status = U_ZERO_ERROR;
  UChar uskeleton[32];
  UChar pattern[128];
  int32_t len;

  if (format != NULL)
    return format;

  u_uastrncpy (uskeleton, skeleton, G_N_ELEMENTS (uskeleton));
  generator = get_pattern_generator (icu_locale, &status);
  if (generator != NULL)
    {
      len = udatpg_getBestPattern (generator, uskeleton, -1, pattern, G_N_ELEMENTS (pattern), &status);
      format = udat_open (UDAT_PATTERN, UDAT_PATTERN, icu_locale, u"UTC", -1, pattern, len, &status);
    }
  if (U_FAILURE (status))
    {
      g_warning ("Cannot format dates for %s: %s", icu_locale, u_errorName (status));
      g_clear_pointer (&format, udat_close);
      return NULL;
    }

  cache_insert (table, key, format);
  return format;
}

static UDateIntervalFormat *
get_interval_format (const char *icu_locale)
{
  GHashTable *table = get_icu_cache ()->interval_formats;
  UDateIntervalFormat *format = g_hash_table_lookup (table, icu_locale);
  UErrorCode status = U_ZERO_ERROR;

  if (format != NULL)
    return format;

  format = udtitvfmt_open (icu_locale, u"yMMMd", -1, u"UTC", -1, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot format ranges of days for %s: %s", icu_locale, u_errorName (status));
      g_clear_pointer (&format, udtitvfmt_close);
      return NULL;
    }

  cache_insert (table, icu_locale, format);
  return format;
}

static UNumberFormat *
get_number_format (const char *icu_locale)
{
  GHashTable *table = get_icu_cache ()->number_formats;
  UNumberFormat *format = g_hash_table_lookup (table, icu_locale);
  UErrorCode status = U_ZERO_ERROR;

  if (format != NULL)
    return format;

  format = unum_open (UNUM_DECIMAL, NULL, 0, icu_locale, NULL, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot format numbers for %s: %s", icu_locale, u_errorName (status));
      g_clear_pointer (&format, unum_close);
      return NULL;
    }

  /* Years: 2025, not 2,025. */
  unum_setAttribute (format, UNUM_GROUPING_USED, 0);
  cache_insert (table, icu_locale, format);
  return format;
}

/* UTF-8 of what ICU wrote, or NULL if it failed or did not fit. */
static char *
icu_result (const UChar *buffer,
            int32_t      len,
            int32_t      capacity,
            UErrorCode   status)
{
  if (U_FAILURE (status) || len < 0 || len >= capacity)
    return NULL;

  return g_utf16_to_utf8 ((const gunichar2 *) buffer, len, NULL, NULL, NULL);
}

static char *
format_date (const char *icu_locale,
             const char *skeleton,
             SlDay       day)
{
  UDateFormat *format = get_date_format (icu_locale, skeleton);
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[256];
  int32_t len;

  if (format == NULL)
    return NULL;

  len = udat_format (format, day * MS_PER_DAY, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  return icu_result (buffer, len, G_N_ELEMENTS (buffer), status);
}

static char *
format_range (const char *icu_locale,
              SlDay       first,
              SlDay       last)
{
  UDateIntervalFormat *format = get_interval_format (icu_locale);
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[256];
  int32_t len;

  if (format == NULL)
    return NULL;

  len = udtitvfmt_format (format, first * MS_PER_DAY, last * MS_PER_DAY,
                          buffer, G_N_ELEMENTS (buffer), NULL, &status);
  return icu_result (buffer, len, G_N_ELEMENTS (buffer), status);
}

static char *
format_number (const char *icu_locale,
               int         number)
{
  UNumberFormat *format = get_number_format (icu_locale);
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[64];
  int32_t len;

  if (format == NULL)
    return g_strdup_printf ("%d", number);

  len = unum_format (format, number, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  return icu_result (buffer, len, G_N_ELEMENTS (buffer), status);
}

char *
sl_calendar_month_name (SlCalendar  calendar,
                        int         month,
                        const char *locale)
{
  char icu_locale[ULOC_FULLNAME_CAPACITY];
  char *name = NULL;
  int year;
  SlDay day;

  g_return_val_if_fail ((guint) calendar < N_CALENDARS, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  resolve_icu_locale (locale, calendar, icu_locale, sizeof icu_locale);

  /* Any year will do: the names do not change from year to year. */
  sl_calendar_split_day (calendar, 0, &year, NULL, NULL);
  if (sl_calendar_make_day (calendar, year, month, 1, &day, NULL))
    name = format_date (icu_locale, "LLLL", day);

  return name != NULL ? name : g_strdup_printf ("%d", month);
}

static char *
format_fiscal (const SlPeriod *period,
               const char     *icu_locale)
{
  g_autofree char *year = format_number (icu_locale, period->year);
  g_autofree char *quarter = NULL;

  if (year == NULL)
    return NULL;

  if (period->kind == SL_PERIOD_FISCAL_YEAR)
    /* Translators: a fiscal year, "FY2025"; %s is the year */
    return g_strdup_printf (_("FY%s"), year);

  quarter = format_number (icu_locale, period->index);
  if (quarter == NULL)
    return NULL;

  /* Translators: a fiscal quarter, "Q3 FY2025"; the first %s is the
   * quarter (1–4), the second the fiscal year */
  return g_strdup_printf (_("Q%s FY%s"), quarter, year);
}

char *
sl_period_format (const SlPeriod *period,
                  const char     *locale)
{
  char icu_locale[ULOC_FULLNAME_CAPACITY];
  char *label = NULL;

  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail ((guint) period->calendar < N_CALENDARS, NULL);

  resolve_icu_locale (locale, period->calendar, icu_locale, sizeof icu_locale);

  switch (period->kind)
    {
    case SL_PERIOD_DAY:
      label = format_date (icu_locale, "yMMMd", period->first);
      break;

    case SL_PERIOD_MONTH:
      label = format_date (icu_locale, "yMMMM", period->first);
      break;

    case SL_PERIOD_QUARTER:
    case SL_PERIOD_FISCAL_YEAR:
      label = format_fiscal (period, icu_locale);
      break;

    case SL_PERIOD_WEEK:
    case SL_PERIOD_CUSTOM:
    default:
      label = format_range (icu_locale, period->first, period->last);
      break;
    }

  return label != NULL ? label : sl_period_to_string (period);
}
