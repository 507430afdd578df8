/* sl-planner.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_PLANNER (sl_planner_get_type ())
G_DECLARE_FINAL_TYPE (SlPlanner, sl_planner, SL, PLANNER, AdwBin)

/* One reallocation plan: its moves (editable in a draft), its live
 * balance against the reserve, what it is expected to do at the current
 * funnel rates, its rationale and goal, finance's decisions, and the
 * status actions the user's role allows. Emits ::back when the user
 * leaves it (or deletes the plan). */
GtkWidget *sl_planner_new         (void);
/* @plan_id 0: none. */
void       sl_planner_set_plan    (SlPlanner   *self,
                                   SlWorkspace *workspace,
                                   gint64       plan_id);
gint64     sl_planner_get_plan_id (SlPlanner   *self);
/* The day the funnel rates are taken before (default: the day after
 * the workspace's last actual figures). For tests. */
void       sl_planner_set_as_of   (SlPlanner   *self,
                                   SlDay        as_of);

G_END_DECLS
