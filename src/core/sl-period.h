/* sl-period.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SL_PERIOD_ERROR (sl_period_error_quark ())

typedef enum
{
  SL_PERIOD_ERROR_INVALID,   /* text is not a period or date */
  SL_PERIOD_ERROR_RANGE,     /* end before start, date out of range */
} SlPeriodError;

/* A day is counted as the number of days since 1970-01-01 (proleptic
 * Gregorian). Facts are stored by day; every calendar's periods are
 * ranges of days. In SQL: date(day * 86400, 'unixepoch'). */
typedef gint32 SlDay;

#define SL_DAY_INVALID G_MININT32

typedef enum
{
  SL_CALENDAR_GREGORIAN,
  SL_CALENDAR_SOLAR_HIJRI,  /* Iran's official calendar (ICU "persian") */
  SL_CALENDAR_THAI,         /* Gregorian months, Buddhist Era years (ICU "buddhist") */
} SlCalendar;

typedef enum
{
  SL_PERIOD_DAY,
  SL_PERIOD_WEEK,         /* ISO 8601 week, Monday first */
  SL_PERIOD_MONTH,        /* a month of the calendar */
  SL_PERIOD_QUARTER,      /* a fiscal quarter: three months from the fiscal start */
  SL_PERIOD_FISCAL_YEAR,  /* twelve months from the fiscal start month */
  SL_PERIOD_CUSTOM,       /* any inclusive range of days */
} SlPeriodKind;

typedef struct
{
  SlPeriodKind kind;
  SlCalendar   calendar;
  int          fiscal_start;  /* 1–12: month of the calendar the fiscal year starts in */
  SlDay        first;         /* inclusive */
  SlDay        last;          /* inclusive */
  int          year;          /* calendar year of a day/month; the ISO
                               * week-year of a week (Gregorian, whatever the
                               * calendar); the fiscal year's name for
                               * quarters and fiscal years; 0 for custom */
  int          index;         /* month 1–12, quarter 1–4, ISO week 1–53; else 0 */
} SlPeriod;

/* All functions may be called from any thread. */

#define SL_TYPE_PERIOD (sl_period_get_type ())

GType        sl_period_get_type          (void) G_GNUC_CONST;
GQuark       sl_period_error_quark       (void);

/* Days (Gregorian). @month is 1–12 and @mday 1–31; a @mday past the end
 * of the month counts on into the next one (2025-02-30 is 2025-03-02):
 * only sl_day_parse_iso() and sl_calendar_make_day() validate. */
SlDay        sl_day_from_ymd             (int             year,
                                          int             month,
                                          int             day);
void         sl_day_to_ymd               (SlDay           day,
                                          int            *year,
                                          int            *month,
                                          int            *mday);
/* "2025-03-21" ⇄ day. */
gboolean     sl_day_parse_iso            (const char     *text,
                                          SlDay          *out,
                                          GError        **error);
char        *sl_day_to_iso               (SlDay           day);
SlDay        sl_day_today                (void);
/* 1 = Monday … 7 = Sunday */
int          sl_day_weekday              (SlDay           day);

/* Calendars. */
const char  *sl_calendar_to_string       (SlCalendar      calendar);
gboolean     sl_calendar_from_string     (const char     *text,
                                          SlCalendar     *out);
/* Year, month (1–12) and day of @day in @calendar. */
void         sl_calendar_split_day       (SlCalendar      calendar,
                                          SlDay           day,
                                          int            *year,
                                          int            *month,
                                          int            *mday);
/* The day that is @year-@month-@mday in @calendar. SL_PERIOD_ERROR_INVALID
 * if there is no such day (month 13, 30 Esfand of a common year),
 * SL_PERIOD_ERROR_RANGE for years beyond ±1,000,000. */
gboolean     sl_calendar_make_day        (SlCalendar      calendar,
                                          int             year,
                                          int             month,
                                          int             mday,
                                          SlDay          *out,
                                          GError        **error);
/* The localized name of @month (1–12) of @calendar for @locale
 * (NULL: LC_TIME), e.g. "Farvardin"/"فروردین", "มกราคม". */
char        *sl_calendar_month_name      (SlCalendar      calendar,
                                          int             month,
                                          const char     *locale);

/* Periods. @fiscal_start is the month (1–12, in @calendar) the fiscal
 * year begins. A fiscal year that does not start in month 1 is named by
 * the calendar year in which it ends (FY2026 = Jul 2025–Jun 2026).
 * sl_period_init() with SL_PERIOD_CUSTOM gives the single day. */
SlPeriod    *sl_period_copy              (const SlPeriod *period);
void         sl_period_free              (SlPeriod       *period);

void         sl_period_init              (SlPeriod       *period,
                                          SlPeriodKind    kind,
                                          SlCalendar      calendar,
                                          int             fiscal_start,
                                          SlDay           containing);
gboolean     sl_period_init_custom       (SlPeriod       *period,
                                          SlCalendar      calendar,
                                          SlDay           first,
                                          SlDay           last,
                                          GError        **error);
/* The fiscal year named @fiscal_year. */
void         sl_period_init_fiscal_year  (SlPeriod       *period,
                                          SlCalendar      calendar,
                                          int             fiscal_start,
                                          int             fiscal_year);

gboolean     sl_period_contains          (const SlPeriod *period,
                                          SlDay           day);
guint        sl_period_n_days            (const SlPeriod *period);
/* Same kind, calendar, first and last day, and for quarters and fiscal
 * years the same fiscal start (Jul–Sep 2025 is Q3 FY2025 or Q1 FY2026). */
gboolean     sl_period_equal             (const SlPeriod *a,
                                          const SlPeriod *b);
/* The period of the same kind just after / before (custom: same length).
 * For a clipped part from sl_period_split(), the neighbour of the whole
 * period it was cut from. @out may be @period. */
void         sl_period_next              (const SlPeriod *period,
                                          SlPeriod       *out);
void         sl_period_previous          (const SlPeriod *period,
                                          SlPeriod       *out);
/* The periods of @kind that cover @period, in order; the first and last
 * are clipped to @period, so their days add up to exactly @period's.
 * A clipped part keeps its kind, year and index (the first days of a
 * month are still that month); only its first/last days change.
 * Splitting into SL_PERIOD_CUSTOM gives one part, the whole range.
 * Returns a GArray of SlPeriod. */
GArray      *sl_period_split             (const SlPeriod *period,
                                          SlPeriodKind    kind);

/* Machine names, in the period's calendar: "2025-03-21", "2025-W12",
 * "2025-03", "2025-Q3", "FY2025", "2025-01-01..2025-03-31" (days and
 * custom ranges are always ISO Gregorian days, weeks ISO weeks; a quarter
 * is named by its fiscal year, "2025-Q3" is Q3 FY2025). A clipped part of
 * sl_period_split() is named as its whole period. Years 0–9999 only:
 * parsing wants exactly four digits. */
char        *sl_period_to_string         (const SlPeriod *period);
gboolean     sl_period_parse             (const char     *text,
                                          SlCalendar      calendar,
                                          int             fiscal_start,
                                          SlPeriod       *out,
                                          GError        **error);
/* A label for people, localized for @locale (an ICU or POSIX locale id;
 * NULL: LC_TIME) with the locale's own patterns and digits: "March 2025",
 * "Q3 FY2025", "۱۴۰۴ فروردین", "มีนาคม 2568". Weeks and custom ranges are
 * labelled as ranges of days ("Mar 17 – 23, 2025"). The words "Q" and
 * "FY" follow the gettext translation (LC_MESSAGES). */
char        *sl_period_format            (const SlPeriod *period,
                                          const char     *locale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlPeriod, sl_period_free)

G_END_DECLS
