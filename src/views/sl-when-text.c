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

char *
sl_when_text_format (SlWorkspace *workspace,
                     gint64       usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  SlPeriod day;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  sl_period_init (&day, SL_PERIOD_DAY, sl_workspace_get_calendar (workspace),
                  sl_workspace_get_fiscal_start_month (workspace),
                  sl_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                                   g_date_time_get_day_of_month (local)));
  date = sl_period_format (&day, NULL);
  time = g_date_time_format (local, "%OH:%OM");
  /* Translators: a date, then a time of day, as in “Nov 23, 2026 10:12” */
  return g_strdup_printf (_("%s %s"), date, time);
}
