/* sl-goal-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-goal.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_GOAL_STORE (sl_goal_store_get_type ())
G_DECLARE_FINAL_TYPE (SlGoalStore, sl_goal_store, SL, GOAL_STORE, SlStore)

/* Every goal, by first day. */
SlGoalStore *sl_goal_store_new    (SlDatabase  *db);
/* The record with @id, or NULL (transfer none). */
SlGoal      *sl_goal_store_lookup (SlGoalStore *self,
                                   gint64       id);

G_END_DECLS
