/* sl-budget-request.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_BUDGET_REQUEST (sl_budget_request_get_type ())
/* Its cast is SL_REQUEST (): SL_BUDGET_REQUEST names the budget version. */
G_DECLARE_FINAL_TYPE (SlBudgetRequest, sl_budget_request, SL, REQUEST, SlRecord)

/* Next period's budget request: its lines are budget_line rows of
 * version "request" with its id (sl_budget_line_store_new_for_request()). */
#define SL_BUDGET_REQUEST_COLUMNS \
  "id, uuid, title, first_day, last_day, deadline_day, status, rationale, " \
  "author, created_at, updated_at"

SlBudgetRequest *sl_budget_request_new_from_row     (sqlite3_stmt *stmt);
const char      *sl_budget_request_get_title        (SlBudgetRequest *self);
SlDay            sl_budget_request_get_first_day    (SlBudgetRequest *self);
SlDay            sl_budget_request_get_last_day     (SlBudgetRequest *self);
SlDay            sl_budget_request_get_deadline_day (SlBudgetRequest *self);  /* SL_DAY_INVALID: none */
const char      *sl_budget_request_get_status       (SlBudgetRequest *self);  /* "draft", "submitted", "approved", "rejected" */
const char      *sl_budget_request_get_rationale    (SlBudgetRequest *self);
const char      *sl_budget_request_get_author       (SlBudgetRequest *self);
gint64           sl_budget_request_get_created_at   (SlBudgetRequest *self);
gint64           sl_budget_request_get_updated_at   (SlBudgetRequest *self);
/* "Draft", "Submitted"…, translated; an unknown status as it is. */
const char      *sl_budget_request_status_get_label (const char      *status);

G_END_DECLS
