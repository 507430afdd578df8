/* sl-date-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-date-text.h"

#define ORDER_BIT(o) (1u << (o))

typedef struct
{
  int  parts[3];
  int  widths[3];
  int  n;
  char separator;
} DateParts;

/* Splits "21/03/2025", "2025-03-21", "20250321" into numbers; stops at a
 * space or 'T' before a time. */
static gboolean
split_parts (const char *text,
             DateParts  *dp)
{
  const char *p = text;

  memset (dp, 0, sizeof *dp);
  while (*p == ' ')
    p++;

  if (strspn (p, "0123456789") == 8 && (p[8] == '\0' || p[8] == ' ' || p[8] == 'T'))
    {
      dp->parts[0] = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      dp->parts[1] = (p[4] - '0') * 10 + (p[5] - '0');
      dp->parts[2] = (p[6] - '0') * 10 + (p[7] - '0');
      dp->widths[0] = 4, dp->widths[1] = 2, dp->widths[2] = 2;
      dp->n = 3;
      dp->separator = '\0';
      return TRUE;
    }

  for (dp->n = 0; dp->n < 3; dp->n++)
    {
      int value = 0, width = 0;

      while (g_ascii_isdigit (*p) && width < 5)
        value = value * 10 + (*p++ - '0'), width++;
      if (width == 0 || width > 4)
        return FALSE;
      dp->parts[dp->n] = value;
      dp->widths[dp->n] = width;
      if (dp->n < 2)
        {
          if (*p != '-' && *p != '/' && *p != '.')
            return FALSE;
          if (dp->n == 0)
            dp->separator = *p;
          else if (*p != dp->separator)
            return FALSE;
          p++;
        }
    }
  return *p == '\0' || *p == ' ' || *p == 'T';
}

static gboolean
make_day (int    year,
          int    month,
          int    mday,
          SlDay *out)
{
  /* g_date_valid_dmy() takes the day as a guint8: check the range
   * first, or day 531 would pass as day 19. */
  if (year < 1 || year > 9999 || month < 1 || month > 12 || mday < 1 || mday > 31 ||
      !g_date_valid_dmy (mday, month, year))
    return FALSE;
  *out = sl_day_from_ymd (year, month, mday);
  return TRUE;
}

gboolean
sl_date_text_parse (const char  *text,
                    SlDateOrder  order,
                    SlDay       *out)
{
  DateParts dp;
  gboolean year_first;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  if (!split_parts (text, &dp))
    return FALSE;
  year_first = dp.widths[0] == 4;

  switch (order)
    {
    case SL_DATE_ORDER_ISO:
      return year_first && dp.separator == '-' && make_day (dp.parts[0], dp.parts[1], dp.parts[2], out);
    case SL_DATE_ORDER_YMD:
      return year_first && make_day (dp.parts[0], dp.parts[1], dp.parts[2], out);
    case SL_DATE_ORDER_DMY:
      return dp.widths[2] == 4 && make_day (dp.parts[2], dp.parts[1], dp.parts[0], out);
    case SL_DATE_ORDER_MDY:
      return dp.widths[2] == 4 && make_day (dp.parts[2], dp.parts[0], dp.parts[1], out);
    case SL_DATE_ORDER_AUTO:
    default:
      return FALSE;
    }
}

guint
sl_date_text_orders (const char *text)
{
  static const SlDateOrder orders[] = {
    SL_DATE_ORDER_ISO, SL_DATE_ORDER_YMD, SL_DATE_ORDER_DMY, SL_DATE_ORDER_MDY,
  };
  guint mask = 0;
  SlDay day;

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (sl_date_text_parse (text, orders[i], &day))
      mask |= ORDER_BIT (orders[i]);
  return mask;
}

SlDateOrder
sl_date_text_pick (guint mask)
{
  gboolean dmy = (mask & ORDER_BIT (SL_DATE_ORDER_DMY)) != 0;
  gboolean mdy = (mask & ORDER_BIT (SL_DATE_ORDER_MDY)) != 0;

  if (mask & ORDER_BIT (SL_DATE_ORDER_ISO))
    return SL_DATE_ORDER_ISO;
  if (mask & ORDER_BIT (SL_DATE_ORDER_YMD))
    return SL_DATE_ORDER_YMD;
  if (dmy != mdy)
    return dmy ? SL_DATE_ORDER_DMY : SL_DATE_ORDER_MDY;
  return SL_DATE_ORDER_AUTO;
}
