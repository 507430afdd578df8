/* sl-realloc-balance.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-money.h"
#include "sl-realloc-balance.h"

static const char lines_sql[] =
  "SELECT count(*), "
  "  coalesce (sum (CASE WHEN from_channel_id IS NOT NULL THEN amount_minor END), 0), "
  "  coalesce (sum (CASE WHEN to_channel_id IS NOT NULL THEN amount_minor END), 0), "
  "  min (min (from_first_day, to_first_day)), "
  "  (SELECT reserve_draw_minor FROM realloc_plan WHERE id = ?1) "
  "FROM realloc_line WHERE plan_id = ?1";

static const char reserve_sql[] =
  "SELECT coalesce (sum (amount_minor), 0) FROM budget_line "
  "WHERE version = 'plan' AND is_reserve = 1 AND first_day BETWEEN ?1 AND ?2";

/* A plan draws in the quarter of its earliest month. */
static const char drawn_sql[] =
  "SELECT coalesce (sum (p.reserve_draw_minor), 0) FROM realloc_plan p "
  "WHERE p.status = 'applied' AND p.id <> ?3 AND "
  "  (SELECT min (min (l.from_first_day, l.to_first_day)) FROM realloc_line l WHERE l.plan_id = p.id) "
  "  BETWEEN ?1 AND ?2";

static gboolean
sum_over (SlDatabase      *db,
          const char      *sql,
          const SlPeriod  *period,
          gint64           plan_id,
          gint64          *out,
          GError         **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, plan_id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  *out = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
sl_realloc_reserve_left (SlDatabase      *db,
                         const SlPeriod  *period,
                         gint64           except_plan_id,
                         gint64          *reserve_minor,
                         gint64          *drawn_minor,
                         GError         **error)
{
  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  return sum_over (db, reserve_sql, period, 0, reserve_minor, error) &&
         sum_over (db, drawn_sql, period, except_plan_id, drawn_minor, error);
}

gboolean
sl_realloc_balance_compute (SlDatabase        *db,
                            gint64             plan_id,
                            SlCalendar         calendar,
                            int                fiscal_start,
                            SlReallocBalance  *out,
                            GError           **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  SlDay earliest;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  stmt = sl_database_prepare (db, lines_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;

  memset (out, 0, sizeof *out);
  out->n_lines = sqlite3_column_int (stmt, 0);
  out->out_minor = sqlite3_column_int64 (stmt, 1);
  out->in_minor = sqlite3_column_int64 (stmt, 2);
  earliest = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? sl_day_today () : sqlite3_column_int (stmt, 3);
  out->declared_minor = sqlite3_column_int64 (stmt, 4);
  out->difference_minor = out->in_minor - out->out_minor;

  sl_period_init (&out->quarter, SL_PERIOD_QUARTER, calendar, fiscal_start, earliest);
  if (!sl_realloc_reserve_left (db, &out->quarter, plan_id, &out->reserve_minor, &out->drawn_minor, error))
    return FALSE;
  out->left_minor = out->reserve_minor - out->drawn_minor;
  out->balanced = out->difference_minor == out->declared_minor;
  out->within_reserve = out->declared_minor <= MAX (out->left_minor, 0) || out->declared_minor <= 0;
  return TRUE;
}

static char *
format_money (gint64      minor,
              const char *currency)
{
  SlMoney money;

  sl_money_init (&money, minor, currency);
  return sl_money_format (&money, NULL);
}

gboolean
sl_realloc_balance_check (const SlReallocBalance  *balance,
                          const char              *currency,
                          GError                 **error)
{
  g_return_val_if_fail (balance != NULL, FALSE);

  if (!balance->balanced)
    {
      g_autofree char *in = format_money (balance->in_minor, currency);
      g_autofree char *out = format_money (balance->out_minor, currency);
      g_autofree char *declared = format_money (balance->declared_minor, currency);
      g_autofree char *difference = format_money (balance->difference_minor, currency);

      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_UNBALANCED,
                   /* Translators: all four are amounts of money */
                   _("The plan does not balance: %s goes into channels and %s comes out of them, "
                     "so the reserve must cover %s, but the plan draws %s from it. "
                     "Change a line or the reserve draw"),
                   in, out, difference, declared);
      return FALSE;
    }
  if (!balance->within_reserve)
    {
      g_autofree char *declared = format_money (balance->declared_minor, currency);
      g_autofree char *left = format_money (balance->left_minor, currency);
      g_autofree char *quarter = sl_period_format (&balance->quarter, NULL);

      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_RESERVE,
                   /* Translators: the first and third %s are amounts of money, the second a
                    * fiscal quarter, e.g. “Q2 FY2025” */
                   _("The plan draws %s from the reserve, but only %s of %s’s reserve is left; "
                     "move money out of other channels instead"),
                   declared, left, quarter);
      return FALSE;
    }
  return TRUE;
}
