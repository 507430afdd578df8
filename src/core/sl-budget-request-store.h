/* sl-budget-request-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-budget-request.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_BUDGET_REQUEST_STORE (sl_budget_request_store_get_type ())
G_DECLARE_FINAL_TYPE (SlBudgetRequestStore, sl_budget_request_store, SL, BUDGET_REQUEST_STORE, SlStore)

/* Every budget request, by the period it asks for. */
SlBudgetRequestStore *sl_budget_request_store_new    (SlDatabase           *db);
/* The record with @id, or NULL (transfer none). */
SlBudgetRequest      *sl_budget_request_store_lookup (SlBudgetRequestStore *self,
                                                      gint64                id);

G_END_DECLS
