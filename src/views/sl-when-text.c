/* sl-when-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-when-text.h"

static char *
format_period (SlWorkspace  *workspace,
               SlPeriodKind  kind,
               SlDay         day)
{
  SlPeriod period;

  sl_period_init (&period, kind, sl_workspace_get_calendar (workspace),
                  sl_workspace_get_fiscal_start_month (workspace), day);
  return sl_period_format (&period, NULL);
}

char *
sl_when_text_format_day (SlWorkspace *workspace,
                         SlDay        day)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  return format_period (workspace, SL_PERIOD_DAY, day);
}

char *
sl_when_text_format_month (SlWorkspace *workspace,
                           SlDay        day)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  return format_period (workspace, SL_PERIOD_MONTH, day);
}

char *
sl_when_text_format (SlWorkspace *workspace,
                     gint64       usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  date = format_period (workspace, SL_PERIOD_DAY,
                       sl_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                                        g_date_time_get_day_of_month (local)));
  time = g_date_time_format (local, "%OH:%OM");
  /* Translators: a date, then a time of day, as in “Nov 23, 2026 10:12” */
  return g_strdup_printf (_("%s %s"), date, time);
}
