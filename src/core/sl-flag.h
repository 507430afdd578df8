/* sl-flag.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric-value.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* Something finance should hear about before the next meeting, with the
 * move that answers it ("headlight, not rear-view mirror"). The checker
 * is sl-flags.h; docs/metrics.md › Flags gives each rule. */
typedef enum
{
  SL_FLAG_CAC_ABOVE_CLV,      /* CLV : CAC below 1: every customer loses money */
  SL_FLAG_CLV_CAC_HIGH,       /* CLV : CAC above 5: under-investing */
  SL_FLAG_OVER_PLAN,          /* a channel spent more than its plan */
  SL_FLAG_RESERVE_USED_UP,    /* overspend has eaten the whole reserve */
  SL_FLAG_LEAKAGE,            /* a conversion rate fell below its baseline */
  SL_FLAG_ROI_TURNED_NEGATIVE, /* ROI < 0 now, ≥ 0 the period before */
} SlFlagKind;

#define SL_FLAG_N_KINDS (SL_FLAG_ROI_TURNED_NEGATIVE + 1)

typedef struct
{
  SlFlagKind    kind;
  gint64        channel_id;      /* 0: the whole workspace */
  char         *channel_name;    /* NULL for the workspace */
  SlPeriod      period;
  /* The figure that raised the flag and the limit it crossed, e.g. CAC
   * and CLV, spend and plan, a rate and its baseline, ROI now and the
   * period before. */
  SlMetricValue value;
  SlMetricValue limit;
  /* The suggested move: @amount from channel @from_id to channel @to_id
   * (to_id 0: back into the reserve; from_id 0 and amount 0 when there
   * is no move) and the new customers it would bring at current rates,
   * net of those the source would lose, rounded to the nearest whole
   * customer (negative: fewer customers). */
  gint64        from_id;
  gint64        to_id;
  char         *from_name;
  char         *to_name;         /* NULL for the reserve */
  SlMoney       amount;
  gint64        expected_customers;
  /* For people, translated: what happened, and what to do. */
  char         *message;
  char         *action;          /* NULL without a move */
} SlFlag;

#define SL_TYPE_FLAG (sl_flag_get_type ())

GType       sl_flag_get_type      (void) G_GNUC_CONST;
SlFlag     *sl_flag_new           (SlFlagKind     kind);
SlFlag     *sl_flag_copy          (const SlFlag  *flag);
void        sl_flag_free          (SlFlag        *flag);
gboolean    sl_flag_has_move      (const SlFlag  *flag);
/* "cac-above-clv", "clv-cac-high", "over-plan", "reserve-used-up",
 * "leakage", "roi-turned-negative". */
const char *sl_flag_kind_to_string (SlFlagKind   kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlFlag, sl_flag_free)

G_END_DECLS
