/* sl-overview-velocity.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Pipeline velocity for many periods at once (the Overview's value, the
 * period before and twelve months of trend): the same figures as
 * sl_funnel_compute() gives one period, from two passes over the deal
 * rows instead of two per period. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-funnel.h"
#include "sl-metrics-private.h"
#include "sl-overview-private.h"

/* Every opportunity opened by ?1, and the day it closed (won or lost),
 * G_MAXINT32 while open. */
static const char opportunities_sql[] =
  "SELECT d.opportunity_day, min (ifnull (d.won_day, 2147483647), ifnull (d.lost_day, 2147483647)) "
  "FROM deal d JOIN campaign c ON c.id = d.campaign_id "
  "WHERE d.opportunity_day <= ?1 AND " SL_METRICS_DEAL_SCOPE;

/* The sales cycle (opportunity to won) of the deals won in [?1, ?2]. */
static const char cycles_sql[] =
  "SELECT d.won_day, d.won_day - d.opportunity_day FROM deal d JOIN campaign c ON c.id = d.campaign_id "
  "WHERE d.won_day BETWEEN ?1 AND ?2 AND d.opportunity_day IS NOT NULL AND " SL_METRICS_DEAL_SCOPE;

/* Helpers */

static void
span_of (GArray *periods,
         SlDay  *first,
         SlDay  *last)
{
  *first = G_MAXINT32;
  *last = G_MININT32;
  for (guint i = 0; i < periods->len; i++)
    {
      *first = MIN (*first, g_array_index (periods, SlPeriod, i).first);
      *last = MAX (*last, g_array_index (periods, SlPeriod, i).last);
    }
}

/* A deal is open at a period's end when it became an opportunity by
 * then and closed after it. */
static gboolean
count_open (SlDatabase     *db,
            const SlScope  *scope,
            GArray         *periods,
            gint64         *open,
            GError        **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, opportunities_sql, error);
  SlDay first, last;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  span_of (periods, &first, &last);
  sqlite3_bind_int (stmt, 1, last);
  sl_metrics_bind_scope (stmt, scope);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      SlDay opened, closed;

      if (!has_row)
        return TRUE;
      opened = sqlite3_column_int (stmt, 0);
      closed = sqlite3_column_int (stmt, 1);
      for (guint i = 0; i < periods->len; i++)
        {
          SlDay end = g_array_index (periods, SlPeriod, i).last;

          open[i] += opened <= end && closed > end;
        }
    }
  return FALSE;
}

static gboolean
collect_cycles (SlDatabase     *db,
                const SlScope  *scope,
                GArray         *periods,
                GPtrArray      *cycles,
                GError        **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, cycles_sql, error);
  SlDay first, last;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  span_of (periods, &first, &last);
  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  sl_metrics_bind_scope (stmt, scope);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      SlDay won;
      gint64 days;

      if (!has_row)
        return TRUE;
      won = sqlite3_column_int (stmt, 0);
      days = sqlite3_column_int64 (stmt, 1);
      for (guint i = 0; i < periods->len; i++)
        if (sl_period_contains (&g_array_index (periods, SlPeriod, i), won))
          g_array_append_val (cycles->pdata[i], days);
    }
  return FALSE;
}

/* Private API */

GArray *
sl_overview_compute_velocity (SlMetrics      *metrics,
                              const SlScope  *scope,
                              GArray         *periods,
                              GArray         *totals,
                              GError        **error)
{
  SlDatabase *db = sl_metrics_get_database (metrics);
  g_autofree gint64 *open = g_new0 (gint64, periods->len + 1);
  g_autoptr(GPtrArray) cycles = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GArray) values = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricValue), periods->len);

  g_return_val_if_fail (periods->len == totals->len, NULL);

  for (guint i = 0; i < periods->len; i++)
    g_ptr_array_add (cycles, g_array_new (FALSE, FALSE, sizeof (gint64)));
  if (periods->len > 0 &&
      (!count_open (db, scope, periods, open, error) || !collect_cycles (db, scope, periods, cycles, error)))
    return NULL;

  g_array_set_size (values, periods->len);
  for (guint i = 0; i < periods->len; i++)
    {
      const SlMetricsTotals *t = &g_array_index (totals, SlMetricsTotals, i);
      SlMetricsTotals cycle;

      sl_metrics_totals_init (&cycle, scope, t->currency);
      sl_metrics_totals_set_median (&cycle, cycles->pdata[i]);
      sl_funnel_pipeline_velocity (open[i], t->won, t->lost, t->won_minor, cycle.lifecycle_deals,
                                   cycle.lifecycle_median_x2, t->currency,
                                   &g_array_index (values, SlMetricValue, i));
    }
  return g_steal_pointer (&values);
}
