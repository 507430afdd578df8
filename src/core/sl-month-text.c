/* sl-month-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-month-text.h"

struct _SlMonthText
{
  SlCalendar  calendar;
  int         fiscal_start;
  char       *names[12][2];  /* casefolded: English, the user's language */
};

SlMonthText *
sl_month_text_new (SlCalendar calendar,
                   int        fiscal_start)
{
  SlMonthText *self = g_new0 (SlMonthText, 1);
  const char *locales[2] = { "en", NULL };

  self->calendar = calendar;
  self->fiscal_start = fiscal_start;
  for (int m = 1; m <= 12; m++)
    for (int l = 0; l < 2; l++)
      {
        g_autofree char *name = sl_calendar_month_name (calendar, m, locales[l]);

        self->names[m - 1][l] = g_utf8_casefold (name, -1);
      }
  return self;
}

void
sl_month_text_free (SlMonthText *self)
{
  if (self == NULL)
    return;
  for (int m = 0; m < 12; m++)
    for (int l = 0; l < 2; l++)
      g_free (self->names[m][l]);
  g_free (self);
}

/* "Mar 2025", "March 2025", "farvardin-1404". */
static gboolean
parse_name (SlMonthText *self,
            const char  *text,
            SlPeriod    *out)
{
  g_autofree char *name = NULL;
  const char *p = text;
  int month = 0, year;
  SlDay day;

  while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  name = g_utf8_casefold (text, p - text);
  while (*p == ' ' || *p == '-' || *p == '/' || *p == '.' || *p == ',')
    p++;
  if (g_utf8_strlen (name, -1) < 3 || strlen (p) != 4 || strspn (p, "0123456789") != 4)
    return FALSE;
  year = (int)g_ascii_strtoll (p, NULL, 10);

  for (int m = 1; m <= 12; m++)
    for (int l = 0; l < 2; l++)
      if (g_str_has_prefix (self->names[m - 1][l], name) && month != m)
        {
          if (month != 0)
            return FALSE;  /* the start of two months' names */
          month = m;
        }
  if (month == 0 || !sl_calendar_make_day (self->calendar, year, month, 1, &day, NULL))
    return FALSE;
  sl_period_init (out, SL_PERIOD_MONTH, self->calendar, self->fiscal_start, day);
  return TRUE;
}

gboolean
sl_month_text_parse (SlMonthText *self,
                     const char  *text,
                     SlPeriod    *out)
{
  SlPeriod period;

  g_return_val_if_fail (self != NULL && text != NULL && out != NULL, FALSE);

  if (!sl_period_parse (text, self->calendar, self->fiscal_start, &period, NULL))
    return parse_name (self, text, out);
  if (period.kind == SL_PERIOD_DAY)
    {
      sl_period_init (&period, SL_PERIOD_MONTH, self->calendar, self->fiscal_start, period.first);
      /* A period's name has a four-digit year, and the Thai calendar is
       * 543 years ahead: Gregorian 9457 on has no month to name. */
      if (period.year < 1 || period.year > 9999)
        return FALSE;
    }
  else if (period.kind != SL_PERIOD_MONTH)
    return FALSE;
  *out = period;
  return TRUE;
}
