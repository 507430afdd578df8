/* sl-importer-values.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-date-text.h"
#include "sl-importer-private.h"
#include "sl-money.h"

static const char *
field_name (SlImporter *self,
            guint       field)
{
  return SL_IMPORTER_GET_CLASS (self)->fields[field].name;
}

static gboolean
empty_error (SlImporter  *self,
             guint        field,
             GError     **error)
{
  /* Translators: %s is a column, e.g. “date” */
  return sl_importer_row_error (self, error, field, _("“%s” is empty"), field_name (self, field));
}

gboolean
sl_importer_read_day (SlImporter  *self,
                      guint        field,
                      gboolean     required,
                      SlDay       *out,
                      GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  const char *text = sl_importer_get_text (self, field);

  if (text == NULL && priv->options.default_day != SL_DAY_INVALID)
    {
      *out = priv->options.default_day;
      return TRUE;
    }
  if (text == NULL || *text == '\0')
    return required ? empty_error (self, field, error) : TRUE;

  if (!sl_date_text_parse (text, priv->date_order, out))
    return sl_importer_row_error (self, error, field,
                                  /* Translators: the first %s is what the file holds, the
                                   * second the column, the third a date order like “dmy” */
                                  _("“%s” in “%s” is not a date (%s)"),
                                  text, field_name (self, field),
                                  sl_date_order_to_string (priv->date_order));
  return TRUE;
}

gboolean
sl_importer_read_count (SlImporter  *self,
                        guint        field,
                        gboolean     required,
                        gint64      *out,
                        GError     **error)
{
  const char *text = sl_importer_get_text (self, field);
  gint64 value = 0;
  const char *p;

  if (text == NULL || *text == '\0')
    return required ? empty_error (self, field, error) : TRUE;

  /* Whole numbers; exports sometimes write them as "12.0". */
  for (p = text; g_ascii_isdigit (*p); p++)
    if (!sl_int64_mul_checked (value, 10, &value) || !sl_int64_add_checked (value, *p - '0', &value))
      return sl_importer_row_error (self, error, field,
                                    /* Translators: the first %s is a number, the second a column */
                                    _("“%s” in “%s” is too large"), text, field_name (self, field));
  if (*p == '.' && p > text)
    for (p++; *p == '0'; p++)
      ;
  if (p == text || *p != '\0')
    return sl_importer_row_error (self, error, field,
                                  /* Translators: the first %s is what the file holds, the second a column */
                                  _("“%s” in “%s” is not a whole number of zero or more"),
                                  text, field_name (self, field));
  *out = value;
  return TRUE;
}

static gboolean
lookup_fx_rate (SlImporter  *self,
                const char  *currency,
                SlDay        day,
                gboolean    *found,
                gint64      *num,
                gint64      *den,
                GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  g_autoptr(SlStatement) stmt = NULL;
  int year, month, mday;

  sl_day_to_ymd (day, &year, &month, &mday);
  stmt = sl_database_prepare (priv->db,
                              "SELECT rate_num, rate_den FROM fx_rate WHERE currency = ?1 AND month_day = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, sl_day_from_ymd (year, month, 1));
  if (!sl_database_step_row (priv->db, stmt, found, error))
    return FALSE;
  if (*found)
    {
      *num = sqlite3_column_int64 (stmt, 0);
      *den = sqlite3_column_int64 (stmt, 1);
    }
  return TRUE;
}

/* @minor of @currency into the workspace currency at that month's rate. */
static gboolean
convert (SlImporter  *self,
         guint        field,
         const char  *currency,
         SlDay        day,
         gint64       minor,
         gint64      *workspace_minor,
         GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  g_autoptr(GError) local_error = NULL;
  SlMoney from, scaled;
  gint64 num = 0, den = 0;
  gboolean found;
  int from_exponent = sl_currency_exponent (currency);

  if (!lookup_fx_rate (self, currency, day, &found, &num, &den, error))
    return FALSE;
  if (!found)
    {
      g_autofree char *month = sl_day_to_iso (day);

      month[7] = '\0';
      return sl_importer_row_error (self, error, field,
                                    /* Translators: the first %s is a currency code, the second the
                                     * workspace's, the third a month like 2025-03 */
                                    _("the amount is in %s, the workspace in %s, and there is no exchange rate for %s"),
                                    currency, priv->currency, month);
    }

  /* Rates convert whole units: scale the minor units across exponents. */
  for (int e = from_exponent; e < priv->exponent; e++)
    num *= 10;
  for (int e = priv->exponent; e < from_exponent; e++)
    den *= 10;
  sl_money_init (&from, minor, currency);
  if (!sl_money_scale (&from, num, den, &scaled, &local_error))
    return sl_importer_row_error (self, error, field, "%s", local_error->message);
  *workspace_minor = scaled.minor;
  return TRUE;
}

static gboolean
read_currency (SlImporter  *self,
               gint         currency_field,
               char         currency[4],
               GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  const char *text = currency_field >= 0 ? sl_importer_get_text (self, currency_field) : NULL;

  if (text == NULL || *text == '\0')
    {
      memcpy (currency, priv->currency, 4);
      return TRUE;
    }
  if (!sl_currency_is_valid (text))
    return sl_importer_row_error (self, error, currency_field,
                                  /* Translators: %s is what the file holds */
                                  _("“%s” is not an ISO 4217 currency code"), text);
  g_strlcpy (currency, text, 4);
  return TRUE;
}

/* "1.234,56" → "1234.56" in @buffer; FALSE if it does not fit. */
static gboolean
undo_decimal_comma (const char *text,
                    char       *buffer,
                    gsize       size)
{
  gsize n = 0;

  for (const char *r = text; *r != '\0'; r++)
    {
      if (*r == '.')
        continue;
      if (n + 1 >= size)
        return FALSE;
      buffer[n++] = *r == ',' ? '.' : *r;
    }
  buffer[n] = '\0';
  return TRUE;
}

static gboolean
amount_error (SlImporter   *self,
              guint         field,
              const char   *text,
              SlMoneyError  code,
              GError      **error)
{
  const char *name = field_name (self, field);

  /* Translators (these three): the first %s is what the file holds, the second a column (“spend”) */
  if (code == SL_MONEY_ERROR_OVERFLOW)
    return sl_importer_row_error (self, error, field, _("“%s” in “%s” is too large"), text, name);
  if (code == SL_MONEY_ERROR_PRECISION)
    return sl_importer_row_error (self, error, field,
                                  _("“%s” in “%s” has more decimals than the currency has"), text, name);
  return sl_importer_row_error (self, error, field, _("“%s” in “%s” is not an amount"), text, name);
}

gboolean
sl_importer_read_money (SlImporter  *self,
                        guint        field,
                        gint         currency_field,
                        SlDay        day,
                        gboolean     required,
                        gint64      *minor,
                        gint64      *workspace_minor,
                        char         currency[4],
                        GError     **error)
{
  SlImporterPrivate *priv = sl_importer_get_private (self);
  const char *text = sl_importer_get_text (self, field);
  gboolean round = priv->preset != NULL && priv->preset->round_amounts;
  char buffer[64];
  SlMoneyError code = SL_MONEY_ERROR_INVALID;
  int exponent;

  if (!read_currency (self, currency_field, currency, error))
    return FALSE;
  if (text == NULL || *text == '\0')
    return required ? empty_error (self, field, error) : TRUE;

  exponent = g_str_equal (currency, priv->currency) ? priv->exponent : sl_currency_exponent (currency);
  /* "230.1" thousands is 230100.00: read it with three more decimals. */
  if (priv->preset != NULL)
    exponent += priv->preset->amount_scale;
  if (priv->options.decimal_comma)
    {
      if (!undo_decimal_comma (text, buffer, sizeof buffer) ||
          !sl_money_parse_minor (buffer, exponent, round, minor, NULL, &code))
        return amount_error (self, field, text, code, error);
    }
  else if (!sl_money_parse_minor (text, exponent, round, minor, NULL, &code))
    return amount_error (self, field, text, code, error);

  if (g_str_equal (currency, priv->currency))
    {
      *workspace_minor = *minor;
      return TRUE;
    }
  return convert (self, field, currency, day, *minor, workspace_minor, error);
}
