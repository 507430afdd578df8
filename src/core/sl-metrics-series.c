/* sl-metrics-series.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A scope's totals period by period (a trend): the rollups and the deal
 * medians in one pass each over the whole range, grouped by day and
 * bucketed into the parts in C, so any calendar's months are exact; the
 * customer figures part by part, since their queries are per billing
 * month anyway. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-metrics-private.h"

#define FUNNEL_COLUMNS \
  "sum (spend_minor), sum (impressions), sum (clicks), sum (conversions), sum (leads), " \
  "sum (mqls), sum (sqls), sum (opportunities), sum (won), sum (lost), sum (won_minor), " \
  "sum (won_gross_profit_minor)"

/* One statement per scope, so that each uses its index. */
static const char * const series_funnel_sql[] = {
  [SL_SCOPE_WORKSPACE] = "SELECT day, " FUNNEL_COLUMNS " FROM rollup_day "
                         "WHERE day BETWEEN ?1 AND ?2 GROUP BY day",
  [SL_SCOPE_CHANNEL] = "SELECT day, " FUNNEL_COLUMNS " FROM rollup_day "
                       "WHERE channel_id = ?9 AND day BETWEEN ?1 AND ?2 GROUP BY day",
  [SL_SCOPE_CAMPAIGN] = "SELECT day, " FUNNEL_COLUMNS " FROM rollup_day "
                        "WHERE campaign_id = ?9 AND day BETWEEN ?1 AND ?2 GROUP BY day",
};

static const char series_unknown_gp_sql[] =
  "SELECT d.won_day, count(*), sum (ifnull (d.amount_minor, 0)) FROM deal d "
  "JOIN campaign c ON c.id = d.campaign_id "
  "WHERE d.won_day BETWEEN ?1 AND ?2 AND d.gross_profit_minor IS NULL AND " SL_METRICS_DEAL_SCOPE " "
  "GROUP BY d.won_day";

/* MQL → SQL days of the deals that reached SQL in the range. */
static const char series_lifecycle_sql[] =
  "SELECT d.sql_day, d.sql_day - d.mql_day FROM deal d JOIN campaign c ON c.id = d.campaign_id "
  "WHERE d.sql_day BETWEEN ?1 AND ?2 AND d.mql_day IS NOT NULL AND " SL_METRICS_DEAL_SCOPE;

/* Helpers */

/* The index of the part holding @day, or -1. */
static int
find_part (GArray *parts,
           SlDay   day)
{
  guint lo = 0, hi = parts->len;

  if (parts->len == 0 || day < g_array_index (parts, SlPeriod, 0).first ||
      day > g_array_index (parts, SlPeriod, parts->len - 1).last)
    return -1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (parts, SlPeriod, mid).first <= day)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

typedef void (*AddFunc) (SlStatement     *stmt,
                         SlMetricsTotals *t);

/* Runs @sql over @period and hands each row to @add with the totals of
 * the part holding the row's day (column 0). */
static gboolean
bucket_rows (SlMetrics        *self,
             const char       *sql,
             const SlPeriod   *period,
             const SlScope    *scope,
             GArray           *parts,
             GArray           *series,
             AddFunc           add,
             GError          **error)
{
  SlDatabase *db = sl_metrics_get_database (self);
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  sl_metrics_bind_scope (stmt, scope);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      int part;

      if (!has_row)
        return TRUE;
      part = find_part (parts, sqlite3_column_int (stmt, 0));
      if (part >= 0)
        add (stmt, &g_array_index (series, SlMetricsTotals, part));
    }
  return FALSE;
}

static gboolean
fetch_lifecycle (SlMetrics        *self,
                 const SlPeriod   *period,
                 const SlScope    *scope,
                 GArray           *parts,
                 GArray           *series,
                 GError          **error)
{
  SlDatabase *db = sl_metrics_get_database (self);
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, series_lifecycle_sql, error);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < parts->len; i++)
    g_ptr_array_add (days, g_array_new (FALSE, FALSE, sizeof (gint64)));
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  sl_metrics_bind_scope (stmt, scope);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      int part;
      gint64 value;

      if (!has_row)
        {
          for (guint i = 0; i < parts->len; i++)
            if (((GArray *)days->pdata[i])->len > 0)
              sl_metrics_totals_set_median (&g_array_index (series, SlMetricsTotals, i), days->pdata[i]);
          return TRUE;
        }
      part = find_part (parts, sqlite3_column_int (stmt, 0));
      value = sqlite3_column_int64 (stmt, 1);
      if (part >= 0)
        g_array_append_val (days->pdata[part], value);
    }
  return FALSE;
}

/* The parts fetched one by one. */
static gboolean
fetch_each (SlMetrics        *self,
            const SlScope    *scope,
            SlMetricsParts    parts,
            GArray           *periods,
            GArray           *series,
            GError          **error)
{
  for (guint i = 0; i < periods->len; i++)
    {
      const SlPeriod *p = &g_array_index (periods, SlPeriod, i);
      SlMetricsTotals *t = &g_array_index (series, SlMetricsTotals, i);
      SlMetricsTarget target = { t, NULL, NULL };

      if ((parts & SL_METRICS_PART_CUSTOMERS) &&
          !sl_metrics_fetch_customers (self, p->first, p->last, scope, &target, error))
        return FALSE;
      if ((parts & SL_METRICS_PART_HEADCOUNT) && !sl_metrics_fetch_headcount (self, p->first, p->last, t, error))
        return FALSE;
      if ((parts & SL_METRICS_PART_OBSERVED_CLV) && !sl_metrics_fetch_observed (self, p->last, scope, &target, error))
        return FALSE;
    }
  return TRUE;
}

/* Public API */

GArray *
sl_metrics_get_series (SlMetrics       *self,
                       const SlPeriod  *period,
                       SlPeriodKind     kind,
                       const SlScope   *scope,
                       SlMetricsParts   parts,
                       GError         **error)
{
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) series = NULL;
  char currency[4];

  g_return_val_if_fail (SL_IS_METRICS (self), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);
  g_return_val_if_fail ((guint)scope->kind <= SL_SCOPE_CAMPAIGN, NULL);

  if (!sl_metrics_read_currency (self, currency, error))
    return NULL;
  periods = sl_period_split (period, kind);
  series = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricsTotals), periods->len);
  g_array_set_size (series, periods->len);
  for (guint i = 0; i < periods->len; i++)
    {
      sl_metrics_totals_init (&g_array_index (series, SlMetricsTotals, i), scope, currency);
      g_array_index (series, SlMetricsTotals, i).parts = parts;
    }

  if ((parts & SL_METRICS_PART_FUNNEL) &&
      (!bucket_rows (self, series_funnel_sql[scope->kind], period, scope, periods, series,
                     sl_metrics_add_funnel_columns, error) ||
       !bucket_rows (self, series_unknown_gp_sql, period, scope, periods, series,
                     sl_metrics_add_unknown_gp_columns, error)))
    return NULL;
  if ((parts & SL_METRICS_PART_LIFECYCLE) && !fetch_lifecycle (self, period, scope, periods, series, error))
    return NULL;
  if (!fetch_each (self, scope, parts, periods, series, error))
    return NULL;
  return g_steal_pointer (&series);
}
