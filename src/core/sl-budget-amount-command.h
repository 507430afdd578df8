/* sl-budget-amount-command.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command.h"
#include "sl-money.h"
#include "sl-period.h"

G_BEGIN_DECLS

#define SL_TYPE_BUDGET_AMOUNT_COMMAND (sl_budget_amount_command_get_type ())
G_DECLARE_FINAL_TYPE (SlBudgetAmountCommand, sl_budget_amount_command, SL, BUDGET_AMOUNT_COMMAND, SlCommand)

/* Sets the amount of one budget cell: @version's line of @channel_id
 * (0: the reserve) for the range @first..@last, without campaign. The
 * line is made when missing and removed when @amount is NULL; undo puts
 * the cell back exactly as it was. */
SlCommand *sl_budget_amount_command_new (const char    *label,
                                         const char    *version,
                                         gint64         channel_id,
                                         SlDay          first,
                                         SlDay          last,
                                         const SlMoney *amount);

G_END_DECLS
