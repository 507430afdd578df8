/* sl-budget-line.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-money.h"
#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_BUDGET_LINE (sl_budget_line_get_type ())
G_DECLARE_FINAL_TYPE (SlBudgetLine, sl_budget_line, SL, BUDGET_LINE, SlRecord)

/* Budget versions: the approved plan, next period's request, the latest
 * forecast, and committed money (purchase orders, signed contracts). */
#define SL_BUDGET_PLAN      "plan"
#define SL_BUDGET_REQUEST   "request"
#define SL_BUDGET_FORECAST  "forecast"
#define SL_BUDGET_COMMITTED "committed"

#define SL_BUDGET_LINE_COLUMNS \
  "id, uuid, version, channel_id, campaign_id, is_reserve, first_day, last_day, " \
  "amount_minor, currency, goal_id, note, reference, request_id"

SlBudgetLine *sl_budget_line_new_from_row     (sqlite3_stmt *stmt);
const char   *sl_budget_line_get_version      (SlBudgetLine *self);
gint64        sl_budget_line_get_channel_id   (SlBudgetLine *self);  /* 0: none */
gint64        sl_budget_line_get_campaign_id  (SlBudgetLine *self);  /* 0: none */
gboolean      sl_budget_line_get_is_reserve   (SlBudgetLine *self);
SlDay         sl_budget_line_get_first_day    (SlBudgetLine *self);
SlDay         sl_budget_line_get_last_day     (SlBudgetLine *self);
void          sl_budget_line_get_amount       (SlBudgetLine *self,
                                               SlMoney      *out);
gint64        sl_budget_line_get_goal_id      (SlBudgetLine *self);
const char   *sl_budget_line_get_note         (SlBudgetLine *self);
gint64        sl_budget_line_get_request_id   (SlBudgetLine *self);  /* 0: none */

G_END_DECLS
