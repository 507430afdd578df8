/* sl-budget-line-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-budget-line.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_BUDGET_LINE_STORE (sl_budget_line_store_get_type ())
G_DECLARE_FINAL_TYPE (SlBudgetLineStore, sl_budget_line_store, SL, BUDGET_LINE_STORE, SlStore)

/* The budget lines of one version (plan, request, forecast, committed)
 * that start within [first, last], by start day then channel. */
SlBudgetLineStore *sl_budget_line_store_new       (SlDatabase        *db,
                                                   const char        *version,
                                                   SlDay              first,
                                                   SlDay              last);
/* The lines of one budget request, whatever their days. */
SlBudgetLineStore *sl_budget_line_store_new_for_request (SlDatabase   *db,
                                                         gint64        request_id);
const char        *sl_budget_line_store_get_version (SlBudgetLineStore *self);
/* 0: lines of any request (or none). */
gint64             sl_budget_line_store_get_request_id (SlBudgetLineStore *self);
/* Changes the range; call sl_store_reload() after. */
void               sl_budget_line_store_set_range (SlBudgetLineStore *self,
                                                   SlDay              first,
                                                   SlDay              last);
/* The line of one cell: a channel's (or, with @channel_id 0, the
 * reserve's) line without campaign starting on @first_day; NULL if none. */
SlBudgetLine      *sl_budget_line_store_find_cell (SlBudgetLineStore *self,
                                                   gint64             channel_id,
                                                   SlDay              first_day);

G_END_DECLS
