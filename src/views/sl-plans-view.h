/* sl-plans-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-planner.h"
#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_PLANS_VIEW (sl_plans_view_get_type ())
G_DECLARE_FINAL_TYPE (SlPlansView, sl_plans_view, SL, PLANS_VIEW, AdwBin)

/* Reallocation Plans: every plan with its status, title, author, the
 * money it moves and its reserve draw, newest first; choosing one opens
 * it in the planner (SlPlanner). Does not follow the filter. */
void       sl_plans_view_set_context  (SlPlansView  *self,
                                       SlWorkspace  *workspace,
                                       SlViewFilter *filter);
/* Opens plan @plan_id in the planner (0: back to the list). */
void       sl_plans_view_open_plan    (SlPlansView  *self,
                                       gint64        plan_id);
SlPlanner *sl_plans_view_get_planner  (SlPlansView  *self);
/* The list's rows (GtkListBox), one per plan. */
GtkWidget *sl_plans_view_get_list     (SlPlansView  *self);

G_END_DECLS
