/* sl-plan-row.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-channel.h"
#include "sl-money.h"

G_BEGIN_DECLS

typedef enum
{
  SL_PLAN_ROW_CHANNEL,
  SL_PLAN_ROW_RESERVE,
  SL_PLAN_ROW_TOTAL,
} SlPlanRowKind;

/* The state of one cell of the plan grid. */
typedef enum
{
  SL_PLAN_CELL_EMPTY,     /* no budget line */
  SL_PLAN_CELL_AMOUNT,    /* an amount */
  SL_PLAN_CELL_INVALID,   /* the lines do not add up (overflow, mixed currencies) */
} SlPlanCellState;

#define SL_TYPE_PLAN_ROW (sl_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (SlPlanRow, sl_plan_row, SL, PLAN_ROW, GObject)

/* One row of the plan grid: a channel, the reserve or the totals, with
 * an amount per month of the fiscal year and the row total. Emits
 * ::changed when any of its amounts change. */
SlPlanRow      *sl_plan_row_new_channel   (SlChannel     *channel,
                                           guint          n_months,
                                           const char    *currency);
SlPlanRow      *sl_plan_row_new           (SlPlanRowKind  kind,
                                           guint          n_months,
                                           const char    *currency);

SlPlanRowKind   sl_plan_row_get_kind      (SlPlanRow     *self);
/* The channel's id; 0 for the reserve and the totals. */
gint64          sl_plan_row_get_channel_id (SlPlanRow    *self);
const char     *sl_plan_row_get_name      (SlPlanRow     *self);
const char     *sl_plan_row_get_currency  (SlPlanRow     *self);
gboolean        sl_plan_row_get_editable  (SlPlanRow     *self);
/* Amounts that may not change (a submitted request's); set before the
 * row is shown. */
void            sl_plan_row_set_read_only (SlPlanRow     *self,
                                           gboolean       read_only);
guint           sl_plan_row_get_n_months  (SlPlanRow     *self);

/* @month: 0 … n_months - 1. */
SlPlanCellState sl_plan_row_get_amount    (SlPlanRow     *self,
                                           guint          month,
                                           SlMoney       *out);
SlPlanCellState sl_plan_row_get_total     (SlPlanRow     *self,
                                           SlMoney       *out);
/* The text a cell shows: the amount for the current locale, "" when
 * empty, "—" when invalid. @month G_MAXUINT: the row total. */
char           *sl_plan_row_format        (SlPlanRow     *self,
                                           guint          month);

/* Replaces the amounts (n_months of each) and recomputes the total;
 * emits ::changed if anything differs. */
void            sl_plan_row_set_amounts   (SlPlanRow             *self,
                                           const gint64          *minor,
                                           const SlPlanCellState *states);

G_END_DECLS
