/* sl-flags.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The flag checker: two channel tables (the period, with customers, and
 * the period before), the plan lines of the period and the leaks, then
 * each rule in turn. Every move goes between channels of the table. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "sl-flags-private.h"
#include "sl-leak.h"
#include "sl-metrics-private.h"

/* Channel-level lines of the approved plan starting in the period, by
 * channel (NULL: the reserve); campaign lines break a channel's down. */
static const char plan_sql[] =
  "SELECT channel_id, sum (amount_minor) FROM budget_line "
  "WHERE version = 'plan' AND request_id IS NULL AND campaign_id IS NULL "
  "AND first_day BETWEEN ?1 AND ?2 AND currency = ?3 GROUP BY channel_id";

/* Helpers */

static gboolean
read_names (SlFlagsContext  *ctx,
            GError         **error)
{
  SlDatabase *db = sl_metrics_get_database (ctx->metrics);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db, "SELECT id, name FROM channel", error);
  if (stmt == NULL)
    return FALSE;
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      gint64 *id;

      if (!has_row)
        return TRUE;
      id = g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64));
      g_hash_table_insert (ctx->names, id, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  return FALSE;
}

static gboolean
read_plan (SlFlagsContext  *ctx,
           GError         **error)
{
  SlDatabase *db = sl_metrics_get_database (ctx->metrics);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db, plan_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, ctx->period->first);
  sqlite3_bind_int (stmt, 2, ctx->period->last);
  sqlite3_bind_text (stmt, 3, ctx->currency, -1, SQLITE_TRANSIENT);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      gint64 sum;

      if (!has_row)
        return TRUE;
      sum = sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        {
          ctx->has_reserve = TRUE;
          ctx->reserve_minor = sum;
        }
      else
        {
          gint64 *id = g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64));

          g_hash_table_insert (ctx->plans, id, g_memdup2 (&sum, sizeof sum));
        }
    }
  return FALSE;
}

static void
context_clear (SlFlagsContext *ctx)
{
  g_clear_pointer (&ctx->table, g_array_unref);
  g_clear_pointer (&ctx->previous, g_array_unref);
  g_clear_pointer (&ctx->names, g_hash_table_unref);
  g_clear_pointer (&ctx->plans, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SlFlagsContext, context_clear)

static const SlMetricsTotals *
row_at (SlFlagsContext *ctx,
        int             index)
{
  return &g_array_index (ctx->table, SlMetricsTotals, index);
}

/* The channel of highest (@best) or lowest ROI, other than @except
 * (-1: none), among those with spend; ties go to the first listed. */
static int
pick_by_roi (SlFlagsContext *ctx,
             gboolean        best,
             int             except)
{
  SlMetricValue chosen = { 0 };
  int found = -1;

  for (guint i = 0; i < ctx->table->len; i++)
    {
      SlMetricValue roi;
      int cmp;

      if ((int)i == except || row_at (ctx, i)->spend_minor <= 0)
        continue;
      sl_metrics_totals_get (row_at (ctx, i), SL_METRIC_ROI, &roi);
      if (!sl_metric_value_is_defined (&roi))
        continue;
      cmp = found < 0 ? 0 : sl_metric_value_compare (&roi, &chosen);
      if (found < 0 || (best ? cmp > 0 : cmp < 0))
        {
          found = i;
          chosen = roi;
        }
    }
  return found;
}

static int
index_of (SlFlagsContext *ctx,
          gint64          channel_id)
{
  for (guint i = 0; i < ctx->table->len; i++)
    if (row_at (ctx, i)->scope.id == channel_id)
      return i;
  return -1;
}

static gint64
share_of_spend (SlFlagsContext *ctx,
                int             index)
{
  SlMoney spend, share;

  if (index < 0)
    return 0;
  sl_money_init (&spend, row_at (ctx, index)->spend_minor, ctx->currency);
  if (!sl_money_scale (&spend, ctx->options.move_share_bp, 10000, &share, NULL))
    return 0;
  return share.minor;
}

/* Customers gained at @to's rate less those lost at @from's, for
 * @amount: an estimate, so doubles (rates) are fine here. */
static gint64
expected_customers (const SlMetricsTotals *from,
                    const SlMetricsTotals *to,
                    gint64                 amount)
{
  double gain = (double)amount * (double)to->won / (double)to->spend_minor;
  double loss = (double)amount * (double)from->won / (double)from->spend_minor;

  return (gint64)floor (gain - loss + 0.5);
}

/* Sets @flag's move: @amount from channel @from to channel @to (table
 * indices), when both exist, differ, have spend, and @amount > 0. */
static void
set_move (SlFlagsContext *ctx,
          SlFlag         *flag,
          int             from,
          int             to,
          gint64          amount)
{
  if (from < 0 || to < 0 || from == to || amount <= 0 || row_at (ctx, from)->spend_minor <= 0 ||
      row_at (ctx, to)->spend_minor <= 0)
    return;
  flag->from_id = row_at (ctx, from)->scope.id;
  flag->to_id = row_at (ctx, to)->scope.id;
  flag->from_name = g_strdup (sl_flags_channel_name (ctx, flag->from_id));
  flag->to_name = g_strdup (sl_flags_channel_name (ctx, flag->to_id));
  sl_money_init (&flag->amount, amount, ctx->currency);
  flag->expected_customers = expected_customers (row_at (ctx, from), row_at (ctx, to), amount);
}

/* Sets @flag's move: @amount cut from channel @from to refill the
 * reserve; the customers it would cost at @from's rate. */
static void
set_refill (SlFlagsContext *ctx,
            SlFlag         *flag,
            int             from,
            gint64          amount)
{
  const SlMetricsTotals *row;

  if (from < 0 || amount <= 0 || row_at (ctx, from)->spend_minor <= 0)
    return;
  row = row_at (ctx, from);
  flag->from_id = row->scope.id;
  flag->from_name = g_strdup (sl_flags_channel_name (ctx, flag->from_id));
  sl_money_init (&flag->amount, amount, ctx->currency);
  flag->expected_customers = -(gint64)floor ((double)amount * (double)row->won / (double)row->spend_minor + 0.5);
}

/* Moves out of a flagged channel (@index), to the best other one. */
static void
move_out_of (SlFlagsContext *ctx,
             SlFlag         *flag,
             int             index)
{
  set_move (ctx, flag, index, pick_by_roi (ctx, TRUE, index), share_of_spend (ctx, index));
}

/* Moves a share of the worst channel's spend to the best channel. */
static void
move_worst_to_best (SlFlagsContext *ctx,
                    SlFlag         *flag)
{
  int worst = pick_by_roi (ctx, FALSE, -1);

  set_move (ctx, flag, worst, pick_by_roi (ctx, TRUE, worst), share_of_spend (ctx, worst));
}

static SlFlag *
add_flag (SlFlagsContext *ctx,
          SlFlagKind      kind,
          gint64          channel_id)
{
  SlFlag *flag = sl_flag_new (kind);

  flag->channel_id = channel_id;
  flag->channel_name = channel_id != 0 ? g_strdup (sl_flags_channel_name (ctx, channel_id)) : NULL;
  flag->period = *ctx->period;
  g_ptr_array_add (ctx->flags, flag);
  return flag;
}

/* The rules */

static void
check_clv_cac (SlFlagsContext *ctx)
{
  SlMetricValue one, five;

  sl_metric_value_init_fraction (&one, SL_METRIC_UNIT_MULTIPLE, 1, 1, NULL, 0);
  sl_metric_value_init_fraction (&five, SL_METRIC_UNIT_MULTIPLE, SL_FLAGS_CLV_CAC_HIGH, 1, NULL, 0);

  for (SlFlagKind kind = SL_FLAG_CAC_ABOVE_CLV; kind <= SL_FLAG_CLV_CAC_HIGH; kind++)
    for (guint i = 0; i < ctx->table->len; i++)
      {
        const SlMetricsTotals *row = row_at (ctx, i);
        SlMetricValue ratio;
        SlFlag *flag;

        sl_metrics_totals_get (row, SL_METRIC_CLV_CAC, &ratio);
        if (!sl_metric_value_is_defined (&ratio) ||
            (kind == SL_FLAG_CAC_ABOVE_CLV ? sl_metric_value_compare (&ratio, &one) >= 0
                                           : sl_metric_value_compare (&ratio, &five) <= 0))
          continue;

        flag = add_flag (ctx, kind, row->scope.id);
        if (kind == SL_FLAG_CAC_ABOVE_CLV)
          {
            sl_metrics_totals_get (row, SL_METRIC_CAC, &flag->value);
            sl_metrics_totals_get (row, SL_METRIC_CLV, &flag->limit);
            move_out_of (ctx, flag, i);
          }
        else
          {
            int worst = pick_by_roi (ctx, FALSE, i);

            flag->value = ratio;
            flag->limit = five;
            set_move (ctx, flag, worst, i, share_of_spend (ctx, worst));
          }
      }
}

/* Spend over plan, per channel with a plan; the reserve covers the sum
 * of the overspends. */
static void
check_plan (SlFlagsContext *ctx)
{
  gint64 overspend = 0;

  for (guint i = 0; i < ctx->table->len; i++)
    {
      const SlMetricsTotals *row = row_at (ctx, i);
      const gint64 *plan = g_hash_table_lookup (ctx->plans, &row->scope.id);
      gint64 over;
      SlFlag *flag;

      if (plan == NULL || row->spend_minor <= *plan)
        continue;
      /* Beyond int64 only with absurd plans: saturate, it is still over. */
      if (!sl_int64_add_checked (row->spend_minor, -MAX (*plan, -G_MAXINT64), &over))
        over = G_MAXINT64;
      if (!sl_int64_add_checked (overspend, over, &overspend))
        overspend = G_MAXINT64;
      flag = add_flag (ctx, SL_FLAG_OVER_PLAN, row->scope.id);
      sl_metric_value_init_money (&flag->value, row->spend_minor, ctx->currency);
      sl_metric_value_init_money (&flag->limit, *plan, ctx->currency);
      /* The total holds if the worst other channel gives up as much. */
      set_move (ctx, flag, pick_by_roi (ctx, FALSE, i), i, over);
    }

  if (ctx->has_reserve && overspend > 0 && overspend >= ctx->reserve_minor)
    {
      SlFlag *flag = add_flag (ctx, SL_FLAG_RESERVE_USED_UP, 0);
      int worst = pick_by_roi (ctx, FALSE, -1);

      sl_metric_value_init_money (&flag->value, overspend, ctx->currency);
      sl_metric_value_init_money (&flag->limit, ctx->reserve_minor, ctx->currency);
      /* The worst channel gives back what went beyond the reserve. */
      set_refill (ctx, flag, worst, overspend > ctx->reserve_minor ? overspend - MAX (ctx->reserve_minor, 0)
                                                                   : share_of_spend (ctx, worst));
    }
}

static gboolean
check_leaks (SlFlagsContext  *ctx,
             GError         **error)
{
  g_autoptr(GArray) leaks = sl_leak_find (ctx->metrics, ctx->period, ctx->options.leak_margin_bp, error);

  if (leaks == NULL)
    return FALSE;
  for (guint i = 0; i < leaks->len; i++)
    {
      const SlLeak *leak = &g_array_index (leaks, SlLeak, i);
      SlFlag *flag = add_flag (ctx, SL_FLAG_LEAKAGE, leak->channel_id);

      flag->value = leak->rate;
      flag->limit = leak->baseline;
      if (leak->channel_id == 0)
        move_worst_to_best (ctx, flag);
      else
        move_out_of (ctx, flag, index_of (ctx, leak->channel_id));
      sl_flags_describe_leak (ctx, flag, leak);
    }
  return TRUE;
}

static void
check_roi (SlFlagsContext *ctx)
{
  for (guint i = 0; i < ctx->table->len; i++)
    {
      const SlMetricsTotals *row = row_at (ctx, i);
      const SlMetricsTotals *before = &g_array_index (ctx->previous, SlMetricsTotals, i);
      SlMetricValue now, then;
      SlFlag *flag;

      /* The same channel list, read twice: a channel replaced in
       * between is skipped. */
      if (before->scope.id != row->scope.id)
        continue;
      sl_metrics_totals_get (row, SL_METRIC_ROI, &now);
      sl_metrics_totals_get (before, SL_METRIC_ROI, &then);
      if (!sl_metric_value_is_defined (&now) || !sl_metric_value_is_defined (&then) ||
          now.num >= 0 || then.num < 0)
        continue;
      flag = add_flag (ctx, SL_FLAG_ROI_TURNED_NEGATIVE, row->scope.id);
      flag->value = now;
      flag->limit = then;
      move_out_of (ctx, flag, i);
    }
}

/* Public API */

void
sl_flags_options_init (SlFlagsOptions *options)
{
  g_return_if_fail (options != NULL);

  options->leak_margin_bp = SL_LEAK_DEFAULT_MARGIN_BP;
  options->move_share_bp = SL_FLAGS_DEFAULT_MOVE_SHARE_BP;
  options->locale = NULL;
}

GPtrArray *
sl_flags_check (SlMetrics             *metrics,
                const SlPeriod        *period,
                const SlFlagsOptions  *options,
                GError               **error)
{
  g_auto(SlFlagsContext) ctx = { 0 };
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_flag_free);
  SlPeriod before;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  ctx.metrics = metrics;
  ctx.period = period;
  ctx.flags = flags;
  if (options != NULL)
    ctx.options = *options;
  else
    sl_flags_options_init (&ctx.options);
  g_return_val_if_fail (ctx.options.move_share_bp >= 0 && ctx.options.move_share_bp <= 10000, NULL);
  g_return_val_if_fail (ctx.options.leak_margin_bp >= 0, NULL);

  ctx.names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ctx.plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sl_period_previous (period, &before);
  if (!sl_metrics_read_currency (metrics, ctx.currency, error) || !read_names (&ctx, error) || !read_plan (&ctx, error) ||
      (ctx.table = sl_metrics_channel_table (metrics, period, SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS,
                                             error)) == NULL ||
      (ctx.previous = sl_metrics_channel_table (metrics, &before, SL_METRICS_PART_FUNNEL, error)) == NULL)
    return NULL;
  /* A channel created between the two reads: check again later. */
  if (ctx.previous->len != ctx.table->len)
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_BUSY,
                           _("The channels changed while the flags were checked"));
      return NULL;
    }

  check_clv_cac (&ctx);
  check_plan (&ctx);
  if (!check_leaks (&ctx, error))
    return NULL;
  check_roi (&ctx);

  for (guint i = 0; i < flags->len; i++)
    {
      SlFlag *flag = g_ptr_array_index (flags, i);

      if (flag->message == NULL)
        sl_flags_describe (&ctx, flag);
      sl_flags_describe_move (&ctx, flag);
    }
  return g_steal_pointer (&flags);
}
