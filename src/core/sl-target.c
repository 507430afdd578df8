/* sl-target.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Working back a revenue target: integer arithmetic throughout, each
 * count rounded up, each channel's spend rounded up to the minor unit. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-metric-value-private.h"
#include "sl-target.h"

static const SlMetricReason stage_reasons[] = {
  [SL_FUNNEL_LEAD] = SL_METRIC_REASON_NO_LEADS,
  [SL_FUNNEL_MQL] = SL_METRIC_REASON_NO_MQLS,
  [SL_FUNNEL_SQL] = SL_METRIC_REASON_NO_SQLS,
  [SL_FUNNEL_OPPORTUNITY] = SL_METRIC_REASON_NO_OPPORTUNITIES,
  [SL_FUNNEL_WON] = SL_METRIC_REASON_NO_CUSTOMERS,
};

/* Helpers */

static gint64
stage_count (const SlMetricsTotals *t,
             SlFunnelStage          stage)
{
  switch (stage)
    {
    case SL_FUNNEL_LEAD: return t->leads;
    case SL_FUNNEL_MQL: return t->mqls;
    case SL_FUNNEL_SQL: return t->sqls;
    case SL_FUNNEL_OPPORTUNITY: return t->opportunities;
    case SL_FUNNEL_WON: return t->won;
    default: g_return_val_if_reached (0);
    }
}

/* ⌈num ÷ den⌉ for den > 0, any sign of num. */
static SlInt128
ceil_div (SlInt128 num,
          SlInt128 den)
{
  SlInt128 q = num / den;

  return num % den > 0 ? q + 1 : q;
}

static void
init_count (SlMetricValue *value,
            SlInt128       count)
{
  if (count > G_MAXINT64)
    sl_metric_value_init_undefined (value, SL_METRIC_UNIT_COUNT, NULL, SL_METRIC_REASON_OVERFLOW);
  else
    sl_metric_value_init_count (value, (gint64)count);
}

static void
work_back_customers (SlTarget              *self,
                     const SlMetricsTotals *t)
{
  SlTargetStep *won = &self->steps[0];

  won->stage = SL_FUNNEL_WON;
  sl_metric_value_init_undefined (&won->rate, SL_METRIC_UNIT_PERCENT, NULL, SL_METRIC_REASON_NOT_COMPUTED);
  sl_metrics_totals_get (t, SL_METRIC_AVERAGE_DEAL_SIZE, &self->average_deal_size);
  if (t->won == 0)
    sl_metric_value_init_undefined (&won->needed, SL_METRIC_UNIT_COUNT, NULL, SL_METRIC_REASON_NO_CUSTOMERS);
  else if (t->won_minor <= 0)
    sl_metric_value_init_undefined (&won->needed, SL_METRIC_UNIT_COUNT, NULL, SL_METRIC_REASON_NO_REVENUE);
  else
    /* target ÷ (revenue ÷ won) */
    init_count (&won->needed, ceil_div ((SlInt128)self->target.minor * t->won, t->won_minor));
}

/* Each stage before won needs next ÷ (next's count ÷ its count). A
 * stage without a count in the period is skipped: the next one works
 * back across it. */
static void
work_back_stages (SlTarget              *self,
                  const SlMetricsTotals *t)
{
  const SlTargetStep *next = &self->steps[0];
  gint64 next_count = t->won;

  for (guint i = 1; i < G_N_ELEMENTS (self->steps); i++)
    {
      SlTargetStep *step = &self->steps[i];
      SlFunnelStage stage = SL_FUNNEL_WON - i;
      gint64 count = stage_count (t, stage);

      step->stage = stage;
      if (count <= 0)
        {
          sl_metric_value_init_undefined (&step->needed, SL_METRIC_UNIT_COUNT, NULL, stage_reasons[stage]);
          sl_metric_value_init_undefined (&step->rate, SL_METRIC_UNIT_PERCENT, NULL, stage_reasons[stage]);
          continue;
        }
      sl_metric_value_init_fraction (&step->rate, SL_METRIC_UNIT_PERCENT, next_count, count, NULL,
                                     stage_reasons[stage]);
      if (!sl_metric_value_is_defined (&next->needed))
        sl_metric_value_init_undefined (&step->needed, SL_METRIC_UNIT_COUNT, NULL, next->needed.reason);
      else if (next_count == 0)
        sl_metric_value_init_undefined (&step->needed, SL_METRIC_UNIT_COUNT, NULL, stage_reasons[next->stage]);
      else
        init_count (&step->needed, ceil_div ((SlInt128)next->needed.num * count, next_count));
      next = step;
      next_count = count;
    }
}

/* Splits the leads needed over the channels by their share of the
 * period's leads (largest remainders, exact), then prices each at its
 * cost per lead. */
static gboolean
work_back_channels (SlTarget  *self,
                    GArray    *table,
                    GError   **error)
{
  const SlMetricValue *leads = &self->steps[G_N_ELEMENTS (self->steps) - 1].needed;
  g_autofree guint64 *weights = g_new0 (guint64, MAX (table->len, 1));
  g_autofree gint64 *shares = g_new0 (gint64, MAX (table->len, 1));
  gboolean split;
  gint64 total = 0;

  for (guint i = 0; i < table->len; i++)
    weights[i] = MAX (g_array_index (table, SlMetricsTotals, i).leads, 0);
  split = sl_metric_value_is_defined (leads) &&
          sl_attribution_apportion (leads->num, weights, table->len, shares);

  for (guint i = 0; i < table->len; i++)
    {
      const SlMetricsTotals *row = &g_array_index (table, SlMetricsTotals, i);
      SlTargetChannel channel = { row->scope.id, 0, };

      sl_metrics_totals_get (row, SL_METRIC_CPL, &channel.cpl);
      if (!split)
        sl_metric_value_init_undefined (&channel.spend, SL_METRIC_UNIT_MONEY, row->currency,
                                        sl_metric_value_is_defined (leads) ? SL_METRIC_REASON_NO_LEADS
                                                                            : leads->reason);
      else
        {
          SlInt128 spend = 0;

          channel.leads = shares[i];
          if (row->leads > 0)
            spend = ceil_div ((SlInt128)shares[i] * row->spend_minor, row->leads);
          if (spend > G_MAXINT64 || spend < G_MININT64 || !sl_int64_add_checked (total, (gint64)spend, &total))
            {
              g_set_error_literal (error, SL_MONEY_ERROR, SL_MONEY_ERROR_OVERFLOW,
                                   _("The spend needed does not fit in an amount"));
              return FALSE;
            }
          sl_metric_value_init_money (&channel.spend, (gint64)spend, row->currency);
        }
      g_array_append_val (self->channels, channel);
    }

  if (split)
    sl_metric_value_init_money (&self->spend, total, self->target.currency);
  else
    sl_metric_value_init_undefined (&self->spend, SL_METRIC_UNIT_MONEY, self->target.currency,
                                    sl_metric_value_is_defined (leads) ? SL_METRIC_REASON_NO_LEADS
                                                                        : leads->reason);
  return TRUE;
}

/* Public API */

void
sl_target_free (SlTarget *target)
{
  if (target == NULL)
    return;
  g_clear_pointer (&target->channels, g_array_unref);
  g_free (target);
}

SlTarget *
sl_target_work_back (const SlMoney         *target,
                     const SlMetricsTotals *totals,
                     GArray                *table,
                     GError               **error)
{
  g_autoptr(SlTarget) self = NULL;
  g_autoptr(GArray) empty = NULL;

  g_return_val_if_fail (target != NULL && target->minor >= 0, NULL);
  g_return_val_if_fail (totals != NULL && (totals->parts & SL_METRICS_PART_FUNNEL), NULL);

  if (g_strcmp0 (target->currency, totals->currency) != 0)
    {
      g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_MIXED_CURRENCY,
                   /* Translators: the two placeholders are ISO 4217 currency codes */
                   _("The target is in %s but the workspace counts in %s"),
                   target->currency, totals->currency);
      return NULL;
    }

  self = g_new0 (SlTarget, 1);
  self->target = *target;
  self->channels = g_array_new (FALSE, TRUE, sizeof (SlTargetChannel));
  work_back_customers (self, totals);
  work_back_stages (self, totals);
  if (table == NULL)
    table = empty = g_array_new (FALSE, TRUE, sizeof (SlMetricsTotals));
  if (!work_back_channels (self, table, error))
    return NULL;
  return g_steal_pointer (&self);
}

SlTarget *
sl_target_compute (SlMetrics       *metrics,
                   const SlMoney   *target,
                   const SlPeriod  *period,
                   GError         **error)
{
  g_autoptr(GArray) table = NULL;
  SlScope workspace = SL_SCOPE_INIT_WORKSPACE;
  SlMetricsTotals totals;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (target != NULL && period != NULL, NULL);

  if (!sl_metrics_get_totals (metrics, period, &workspace, SL_METRICS_PART_FUNNEL, &totals, error))
    return NULL;
  table = sl_metrics_channel_table (metrics, period, SL_METRICS_PART_FUNNEL, error);
  if (table == NULL)
    return NULL;
  return sl_target_work_back (target, &totals, table, error);
}

const SlTargetStep *
sl_target_get_step (const SlTarget *target,
                    SlFunnelStage   stage)
{
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (stage >= SL_FUNNEL_LEAD && stage <= SL_FUNNEL_WON, NULL);

  return &target->steps[SL_FUNNEL_WON - stage];
}
