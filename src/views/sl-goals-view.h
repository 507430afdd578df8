/* sl-goals-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-kpi-summary.h"
#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_GOALS_VIEW (sl_goals_view_get_type ())
G_DECLARE_FINAL_TYPE (SlGoalsView, sl_goals_view, SL, GOALS_VIEW, AdwBin)

/* The Goals page: each goal's key results with their figure today and
 * whether it is met, on the way or cannot tell; what serves the goal;
 * and finance's KPI list with the goal each KPI serves. Actions:
 * goals.new, goals.edit and goals.delete (the goal's id, int64). */
void             sl_goals_view_set_context           (SlGoalsView   *self,
                                                      SlWorkspace   *workspace,
                                                      SlViewFilter  *filter);
guint            sl_goals_view_get_n_goals           (SlGoalsView   *self);
/* The group showing @goal_id, or NULL. */
GtkWidget       *sl_goals_view_get_goal_group        (SlGoalsView   *self,
                                                      gint64         goal_id);
/* What the page shows for a key result: its status and, in @value,
 * its figure over its days (SL_KPI_GOAL_NONE when not shown). */
SlKpiGoalStatus  sl_goals_view_get_key_result_status (SlGoalsView   *self,
                                                      gint64         key_result_id,
                                                      SlMetricValue *value);
/* The row choosing the goal of the KPI @metric ("cac"), or NULL. */
GtkWidget       *sl_goals_view_get_kpi_row           (SlGoalsView   *self,
                                                      const char    *metric);

G_END_DECLS
