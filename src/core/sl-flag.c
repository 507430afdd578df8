/* sl-flag.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-flag.h"

G_DEFINE_BOXED_TYPE (SlFlag, sl_flag, sl_flag_copy, sl_flag_free)

static const char * const kind_names[] = {
  [SL_FLAG_CAC_ABOVE_CLV] = "cac-above-clv",
  [SL_FLAG_CLV_CAC_HIGH] = "clv-cac-high",
  [SL_FLAG_OVER_PLAN] = "over-plan",
  [SL_FLAG_RESERVE_USED_UP] = "reserve-used-up",
  [SL_FLAG_LEAKAGE] = "leakage",
  [SL_FLAG_ROI_TURNED_NEGATIVE] = "roi-turned-negative",
};

SlFlag *
sl_flag_new (SlFlagKind kind)
{
  SlFlag *flag;

  g_return_val_if_fail ((guint)kind < SL_FLAG_N_KINDS, NULL);

  flag = g_new0 (SlFlag, 1);
  flag->kind = kind;
  return flag;
}

SlFlag *
sl_flag_copy (const SlFlag *flag)
{
  SlFlag *copy;

  g_return_val_if_fail (flag != NULL, NULL);

  copy = g_memdup2 (flag, sizeof *flag);
  copy->channel_name = g_strdup (flag->channel_name);
  copy->from_name = g_strdup (flag->from_name);
  copy->to_name = g_strdup (flag->to_name);
  copy->message = g_strdup (flag->message);
  copy->action = g_strdup (flag->action);
  return copy;
}

void
sl_flag_free (SlFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->channel_name);
  g_free (flag->from_name);
  g_free (flag->to_name);
  g_free (flag->message);
  g_free (flag->action);
  g_free (flag);
}

gboolean
sl_flag_has_move (const SlFlag *flag)
{
  g_return_val_if_fail (flag != NULL, FALSE);

  return flag->from_id != 0 && flag->amount.minor > 0;
}

const char *
sl_flag_kind_to_string (SlFlagKind kind)
{
  g_return_val_if_fail ((guint)kind < SL_FLAG_N_KINDS, NULL);

  return kind_names[kind];
}
