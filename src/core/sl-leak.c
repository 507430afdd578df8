/* sl-leak.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Leakage: each consecutive stage pair's rate in a period against its
 * pooled rate over the three periods before, for the workspace and per
 * channel, from four channel tables (one grouped rollup query each). */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-leak.h"
#include "sl-metric-value-private.h"

static gint64
stage_count (const SlMetricsTotals *t,
             SlFunnelStage          stage)
{
  switch (stage)
    {
    case SL_FUNNEL_IMPRESSION: return t->impressions;
    case SL_FUNNEL_CLICK: return t->clicks;
    case SL_FUNNEL_LEAD: return t->leads;
    case SL_FUNNEL_MQL: return t->mqls;
    case SL_FUNNEL_SQL: return t->sqls;
    case SL_FUNNEL_OPPORTUNITY: return t->opportunities;
    case SL_FUNNEL_WON: return t->won;
    default: g_return_val_if_reached (0);
    }
}

gboolean
sl_leak_check (const SlMetricsTotals *current,
               const SlMetricsTotals *baseline,
               SlFunnelStage          from,
               int                    margin_bp,
               SlLeak                *out)
{
  gint64 cf, ct, bf, bt;
  SlInt128 drop, limit;

  g_return_val_if_fail (current != NULL && baseline != NULL && out != NULL, FALSE);
  g_return_val_if_fail (from < SL_FUNNEL_WON, FALSE);
  g_return_val_if_fail (margin_bp >= 0, FALSE);

  cf = stage_count (current, from);
  ct = stage_count (current, from + 1);
  bf = stage_count (baseline, from);
  bt = stage_count (baseline, from + 1);
  if (cf <= 0 || bf <= 0)
    return FALSE;

  /* bt ÷ bf − ct ÷ cf > margin ÷ 10,000, multiplied out by bf × cf × 10,000
   * (all positive); the products fit 128 bits for any int64 counts. */
  drop = ((SlInt128)bt * cf - (SlInt128)ct * bf) * 10000;
  limit = (SlInt128)margin_bp * bf * cf;
  if (drop <= limit)
    return FALSE;

  out->from = from;
  sl_metrics_totals_conversion (current, from, from + 1, &out->rate);
  sl_metrics_totals_conversion (baseline, from, from + 1, &out->baseline);
  drop /= (SlInt128)bf * cf;
  out->drop_bp = drop > G_MAXINT64 ? G_MAXINT64 : (gint64)drop;
  return TRUE;
}

static void
check_row (GArray                *leaks,
           const SlMetricsTotals *current,
           const SlMetricsTotals *baseline,
           gint64                 channel_id,
           const SlPeriod        *period,
           int                    margin_bp)
{
  for (SlFunnelStage from = SL_FUNNEL_IMPRESSION; from < SL_FUNNEL_WON; from++)
    {
      SlLeak leak = { 0 };

      if (!sl_leak_check (current, baseline, from, margin_bp, &leak))
        continue;
      leak.channel_id = channel_id;
      leak.period = *period;
      g_array_append_val (leaks, leak);
    }
}

/* Adds every row of @table into @sum (the workspace) and into the row
 * of @rows of the same channel. Channels are listed in one order, so a
 * row is normally at the same index; a channel created since the first
 * table is in the workspace sum only. */
static void
pool_table (GArray          *table,
            GArray          *rows,
            SlMetricsTotals *sum)
{
  for (guint i = 0, j = 0; i < table->len; i++)
    {
      const SlMetricsTotals *row = &g_array_index (table, SlMetricsTotals, i);

      sl_metrics_totals_add (sum, row);
      for (guint k = 0; k < rows->len; k++, j = (j + 1) % rows->len)
        {
          SlMetricsTotals *into = &g_array_index (rows, SlMetricsTotals, j);

          if (into->scope.id == row->scope.id)
            {
              sl_metrics_totals_add (into, row);
              break;
            }
        }
    }
}

GArray *
sl_leak_find (SlMetrics       *metrics,
              const SlPeriod  *period,
              int              margin_bp,
              GError         **error)
{
  g_autoptr(GArray) leaks = g_array_new (FALSE, TRUE, sizeof (SlLeak));
  g_autoptr(GArray) current = NULL;
  g_autoptr(GArray) baseline = NULL;
  SlMetricsTotals all_current, all_baseline;
  SlScope workspace = SL_SCOPE_INIT_WORKSPACE;
  SlPeriod before = *period;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (margin_bp >= 0, NULL);

  current = sl_metrics_channel_table (metrics, period, SL_METRICS_PART_FUNNEL, error);
  if (current == NULL)
    return NULL;

  /* The baseline rows start as copies of the current rows, zeroed. */
  baseline = g_array_copy (current);
  for (guint i = 0; i < baseline->len; i++)
    {
      SlMetricsTotals *row = &g_array_index (baseline, SlMetricsTotals, i);
      SlScope scope = row->scope;

      sl_metrics_totals_init (row, &scope, row->currency);
      row->parts = SL_METRICS_PART_FUNNEL;
    }
  sl_metrics_totals_init (&all_current, &workspace, "");
  sl_metrics_totals_init (&all_baseline, &workspace, "");
  all_current.parts = all_baseline.parts = SL_METRICS_PART_FUNNEL;
  for (guint i = 0; i < current->len; i++)
    sl_metrics_totals_add (&all_current, &g_array_index (current, SlMetricsTotals, i));

  for (guint n = 0; n < SL_LEAK_BASELINE_PERIODS; n++)
    {
      g_autoptr(GArray) table = NULL;

      sl_period_previous (&before, &before);
      table = sl_metrics_channel_table (metrics, &before, SL_METRICS_PART_FUNNEL, error);
      if (table == NULL)
        return NULL;
      pool_table (table, baseline, &all_baseline);
    }

  check_row (leaks, &all_current, &all_baseline, 0, period, margin_bp);
  for (guint i = 0; i < current->len; i++)
    {
      const SlMetricsTotals *row = &g_array_index (current, SlMetricsTotals, i);

      check_row (leaks, row, &g_array_index (baseline, SlMetricsTotals, i), row->scope.id, period, margin_bp);
    }
  return g_steal_pointer (&leaks);
}
