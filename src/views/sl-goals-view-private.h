/* sl-goals-view-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-goal.h"
#include "sl-goals-view.h"
#include "sl-metrics.h"

G_BEGIN_DECLS

/* Shared by sl-goals-view.c and sl-goals-view-groups.c (a goal's card:
 * its header and rows; the KPI list). */
struct _SlGoalsView
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkBox              *goals_box;
  AdwPreferencesGroup *kpi_group;

  SlWorkspace         *workspace;
  GPtrArray           *groups;     /* a card (GtkBox) per goal, shown */
  GHashTable          *statuses;   /* key result id → SlGoalsViewStatus */
  GPtrArray           *kpi_rows;   /* AdwComboRow per KPI, shown */
  guint                refresh_id;
  gboolean             stale;      /* changed since last shown */
};

typedef struct
{
  SlKpiGoalStatus status;
  SlMetricValue   value;
} SlGoalsViewStatus;

GtkWidget           *sl_goals_view_create_goal_group (SlGoalsView *self,
                                                      SlMetrics   *metrics,
                                                      SlGoal      *goal);
/* The KPI list's rows, each choosing the goal its KPI serves. */
void                 sl_goals_view_fill_kpis         (SlGoalsView *self);

G_END_DECLS
