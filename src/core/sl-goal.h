/* sl-goal.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_GOAL (sl_goal_get_type ())
G_DECLARE_FINAL_TYPE (SlGoal, sl_goal, SL, GOAL, SlRecord)

/* An objective finance set for a range of days (an OKR, or V2MOM's
 * vision and measures), with its key results (SlKeyResult). Budget
 * lines, requests, plans, experiments and KPIs say which goal they serve. */
#define SL_GOAL_COLUMNS \
  "id, uuid, objective, description, framework, first_day, last_day, author, " \
  "created_at, updated_at"

SlGoal *sl_goal_new_from_row    (sqlite3_stmt *stmt);
const char*sl_goal_get_objective   (SlGoal *self);
const char*sl_goal_get_description (SlGoal *self);
const char*sl_goal_get_framework   (SlGoal *self);  /* "okr" or "v2mom" */
SlDay   sl_goal_get_first_day   (SlGoal *self);
SlDay   sl_goal_get_last_day    (SlGoal *self);
const char*sl_goal_get_author      (SlGoal *self);
gint64  sl_goal_get_created_at  (SlGoal *self);  /* µs since the epoch */
gint64  sl_goal_get_updated_at  (SlGoal *self);

G_END_DECLS
