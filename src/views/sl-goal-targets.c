/* sl-goal-targets.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sl-goal-targets.h"

const char *
sl_goal_target_get_unit (SlMetric metric)
{
  switch (sl_metric_get_unit (metric))
    {
    case SL_METRIC_UNIT_MONEY:
      return "money";
    case SL_METRIC_UNIT_PERCENT:
    case SL_METRIC_UNIT_MULTIPLE:
      return "basis-points";
    case SL_METRIC_UNIT_DAYS:
      return "days";
    case SL_METRIC_UNIT_COUNT:
    default:
      return "count";
    }
}

char *
sl_goal_target_dup_title (SlMetricUnit  unit,
                          const char   *currency)
{
  switch (unit)
    {
    case SL_METRIC_UNIT_MONEY:
      /* Translators: %s is a currency code, e.g. “Target (USD)” */
      return g_strdup_printf (_("Target (%s)"), currency);
    case SL_METRIC_UNIT_PERCENT:
      /* xgettext:no-c-format */
      return g_strdup (_("Target (%)"));
    case SL_METRIC_UNIT_MULTIPLE:
      return g_strdup (_("Target (×, e.g. 3 for 3.0×)"));
    case SL_METRIC_UNIT_DAYS:
      return g_strdup (_("Target (days)"));
    case SL_METRIC_UNIT_COUNT:
    default:
      return g_strdup (_("Target (a count)"));
    }
}

/* "2.5" from 2.5; "3" from 3.0. */
static char *
format_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
  char *end = text + strlen (text) - 1;

  while (end > text && *end == '0')
    *end-- = '\0';
  if (end > text && *end == '.')
    *end = '\0';
  return text;
}

char *
sl_goal_target_to_text (SlMetricUnit  unit,
                        gint64        target,
                        const char   *currency)
{
  SlMoney money;

  switch (unit)
    {
    case SL_METRIC_UNIT_MONEY:
      sl_money_init (&money, target, currency);
      return sl_money_format_plain (&money);
    case SL_METRIC_UNIT_PERCENT:
      return format_decimal (target / 100.0);
    case SL_METRIC_UNIT_MULTIPLE:
      return format_decimal (target / 10000.0);
    case SL_METRIC_UNIT_COUNT:
    case SL_METRIC_UNIT_DAYS:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, target);
    }
}

/* Reads a decimal number typed with '.' or ',', in any digits, with an
 * optional sign after it ("2.5 %", "3x"). */
static gboolean
parse_decimal (const char *text,
               double     *out)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == 0x066B /* Arabic decimal separator */)
        g_string_append_c (clean, '.');
      else if (g_unichar_isdigit (c))
        g_string_append_c (clean, '0' + g_unichar_digit_value (c));
      else if (c == '.' || c == '-' || c == '+')
        g_string_append_c (clean, (char)c);
      else if (!g_unichar_isspace (c) && c != '%' && c != 'x' && c != 0x00D7 /* × */ && c != 0x066A /* ٪ */)
        return FALSE;
    }
  if (clean->len == 0)
    return FALSE;
  *out = g_ascii_strtod (clean->str, &end);
  return end != NULL && *end == '\0' && isfinite (*out) && fabs (*out) < 1e12;
}

gboolean
sl_goal_target_parse (const char    *text,
                      SlMetricUnit   unit,
                      const char    *currency,
                      gint64        *out,
                      GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  SlMoney money;
  double value;

  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Every key result needs a target"));
      return FALSE;
    }
  if (unit == SL_METRIC_UNIT_MONEY)
    {
      if (!sl_money_parse (stripped, currency, NULL, &money, error))
        return FALSE;
      *out = money.minor;
      return TRUE;
    }
  if (!parse_decimal (stripped, &value))
    {
      /* Translators: %s is what was typed as a target */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a number"), stripped);
      return FALSE;
    }
  if (unit == SL_METRIC_UNIT_PERCENT)
    value *= 100;
  else if (unit == SL_METRIC_UNIT_MULTIPLE)
    value *= 10000;
  *out = (gint64)llround (value);
  return TRUE;
}
