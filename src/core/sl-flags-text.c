/* sl-flags-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The flags' messages and actions, in whole translatable sentences. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-flags-private.h"

static const SlMetric leak_metrics[] = {
  [SL_FUNNEL_IMPRESSION] = SL_METRIC_CTR,
  [SL_FUNNEL_CLICK] = SL_METRIC_CLICK_TO_LEAD,
  [SL_FUNNEL_LEAD] = SL_METRIC_LEAD_TO_MQL,
  [SL_FUNNEL_MQL] = SL_METRIC_MQL_TO_SQL,
  [SL_FUNNEL_SQL] = SL_METRIC_SQL_TO_OPPORTUNITY,
  [SL_FUNNEL_OPPORTUNITY] = SL_METRIC_OPPORTUNITY_TO_WON,
};

const char *
sl_flags_channel_name (SlFlagsContext *ctx,
                       gint64          channel_id)
{
  const char *name = g_hash_table_lookup (ctx->names, &channel_id);

  return name != NULL ? name : "";
}

static char *
format_value (SlFlagsContext      *ctx,
              const SlMetricValue *value)
{
  return sl_metric_value_format (value, ctx->options.locale);
}

void
sl_flags_describe (SlFlagsContext *ctx,
                   SlFlag         *flag)
{
  g_autofree char *period = sl_period_format (&flag->period, ctx->options.locale);
  g_autofree char *value = format_value (ctx, &flag->value);
  g_autofree char *limit = format_value (ctx, &flag->limit);
  const char *channel = flag->channel_name;

  switch (flag->kind)
    {
    case SL_FLAG_CAC_ABOVE_CLV:
      /* Translators: a channel, its customer acquisition cost, its
       * customer lifetime value (both money) and a period ("March 2025") */
      flag->message = g_strdup_printf (_("%s: customer acquisition cost %s is above customer lifetime value %s in %s: "
                                         "every customer loses money"), channel, value, limit, period);
      break;
    case SL_FLAG_CLV_CAC_HIGH:
      /* Translators: a channel, its CLV : CAC ratio ("6.2×"), the limit
       * ("5.0×") and a period ("March 2025") */
      flag->message = g_strdup_printf (_("%s: CLV : CAC is %s, above %s, in %s: the channel may deserve more money"),
                                       channel, value, limit, period);
      break;
    case SL_FLAG_OVER_PLAN:
      {
        g_autofree char *over = NULL;
        SlMoney money;

        sl_money_init (&money, flag->value.num - flag->limit.num, ctx->currency);
        over = sl_money_format (&money, ctx->options.locale);
        /* Translators: a channel, a period ("March 2025"), its spend, the
         * amount over plan and its plan (all money) */
        flag->message = g_strdup_printf (_("%s spent %s in %s, %s over its plan of %s"),
                                         channel, value, period, over, limit);
      }
      break;
    case SL_FLAG_RESERVE_USED_UP:
      /* Translators: the reserve (money), a period ("March 2025") and
       * the channels' total overspend (money) */
      flag->message = g_strdup_printf (_("The reserve of %s for %s is used up: channels spent %s over their plans"),
                                       limit, period, value);
      break;
    case SL_FLAG_ROI_TURNED_NEGATIVE:
      /* Translators: a channel, a period ("March 2025"), its ROI then
       * ("-12.5 %") and its ROI the period before ("40.0 %") */
      flag->message = g_strdup_printf (_("%s: ROI turned negative in %s, %s after %s the period before"),
                                       channel, period, value, limit);
      break;
    case SL_FLAG_LEAKAGE:
    default:
      g_return_if_reached ();
    }
}

void
sl_flags_describe_leak (SlFlagsContext *ctx,
                        SlFlag         *flag,
                        const SlLeak   *leak)
{
  g_autofree char *period = sl_period_format (&flag->period, ctx->options.locale);
  g_autofree char *rate = format_value (ctx, &leak->rate);
  g_autofree char *baseline = format_value (ctx, &leak->baseline);
  const char *metric = sl_metric_get_label (leak_metrics[leak->from]);

  if (flag->channel_id == 0)
    /* Translators: a conversion rate's name ("Lead to MQL"), its
     * value, a period ("March 2025") and the rate over the three periods
     * before it */
    flag->message = g_strdup_printf (_("All channels: %s fell to %s in %s, below its baseline of %s "
                                       "over the three periods before"), metric, rate, period, baseline);
  else
    /* Translators: a channel, a conversion rate's name ("Lead to MQL"),
     * its value, a period ("March 2025") and the rate over the three
     * periods before it */
    flag->message = g_strdup_printf (_("%s: %s fell to %s in %s, below its baseline of %s "
                                       "over the three periods before"), flag->channel_name, metric, rate,
                                     period, baseline);
}

void
sl_flags_describe_move (SlFlagsContext *ctx,
                        SlFlag         *flag)
{
  g_autofree char *amount = NULL;
  g_autofree char *count = NULL;
  gint64 n = flag->expected_customers;
  gulong plural = (gulong)MIN (n < 0 ? -(guint64)n : (guint64)n, G_MAXULONG);

  if (!sl_flag_has_move (flag))
    return;

  amount = sl_money_format (&flag->amount, ctx->options.locale);
  count = g_strdup_printf ("%" G_GUINT64_FORMAT, n < 0 ? -(guint64)n : (guint64)n);
  if (flag->to_id == 0 && n < 0)
    /* Translators: an amount of money, the channel it is cut from, and
     * a number of customers */
    flag->action = g_strdup_printf (ngettext ("Cut %s from %s to refill the reserve: at current rates that is about "
                                              "%s fewer customer",
                                              "Cut %s from %s to refill the reserve: at current rates that is about "
                                              "%s fewer customers",
                                              plural), amount, flag->from_name, count);
  else if (flag->to_id == 0)
    /* Translators: an amount of money and the channel it is cut from */
    flag->action = g_strdup_printf (_("Cut %s from %s to refill the reserve: at current rates the number of customers "
                                      "stays about the same"), amount, flag->from_name);
  else if (n > 0)
    /* Translators: an amount of money, the channel it comes from, the
     * channel it goes to, and a number of customers */
    flag->action = g_strdup_printf (ngettext ("Move %s from %s to %s: at current rates that is about %s more customer",
                                              "Move %s from %s to %s: at current rates that is about %s more customers",
                                              plural), amount, flag->from_name, flag->to_name, count);
  else if (n < 0)
    /* Translators: an amount of money, the channel it comes from, the
     * channel it goes to, and a number of customers */
    flag->action = g_strdup_printf (ngettext ("Move %s from %s to %s: at current rates that is about %s fewer customer",
                                              "Move %s from %s to %s: at current rates that is about %s fewer customers",
                                              plural), amount, flag->from_name, flag->to_name, count);
  else
    /* Translators: an amount of money, the channel it comes from and
     * the channel it goes to */
    flag->action = g_strdup_printf (_("Move %s from %s to %s: at current rates the number of customers stays about "
                                      "the same"), amount, flag->from_name, flag->to_name);
}
