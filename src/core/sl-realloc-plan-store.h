/* sl-realloc-plan-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-realloc-plan.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_REALLOC_PLAN_STORE (sl_realloc_plan_store_get_type ())
G_DECLARE_FINAL_TYPE (SlReallocPlanStore, sl_realloc_plan_store, SL, REALLOC_PLAN_STORE, SlStore)

/* Every reallocation plan, oldest first. */
SlReallocPlanStore *sl_realloc_plan_store_new    (SlDatabase         *db);
/* The record with @id, or NULL (transfer none). */
SlReallocPlan      *sl_realloc_plan_store_lookup (SlReallocPlanStore *self,
                                                  gint64              id);

G_END_DECLS
