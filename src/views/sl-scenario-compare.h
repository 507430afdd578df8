/* sl-scenario-compare.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

/* The figures compared for each plan, in the order of the rows. */
typedef enum
{
  SL_SCENARIO_FIELD_TITLE,
  SL_SCENARIO_FIELD_STATUS,
  SL_SCENARIO_FIELD_MOVED,
  SL_SCENARIO_FIELD_DRAW,
  SL_SCENARIO_FIELD_LEFT,
  SL_SCENARIO_FIELD_LEADS,
  SL_SCENARIO_FIELD_CUSTOMERS,
  SL_SCENARIO_FIELD_REVENUE,
  SL_SCENARIO_N_FIELDS,
} SlScenarioField;

#define SL_TYPE_SCENARIO_COMPARE (sl_scenario_compare_get_type ())
G_DECLARE_FINAL_TYPE (SlScenarioCompare, sl_scenario_compare, SL, SCENARIO_COMPARE, AdwWindow)

/* The plans of @scenario_group side by side (sl_realloc_compare_scenarios()):
 * spend moved, reserve draw and what it leaves, and the forecast leads,
 * customers and revenue at the funnel rates before @as_of. Follows the
 * workspace's changes while open. */
GtkWidget  *sl_scenario_compare_new         (SlWorkspace        *workspace,
                                             const char         *scenario_group,
                                             SlDay               as_of);
guint       sl_scenario_compare_get_n_plans (SlScenarioCompare  *self);
/* The text shown for @field of the @plan-th plan (oldest first). */
const char *sl_scenario_compare_get_text    (SlScenarioCompare  *self,
                                             guint               plan,
                                             SlScenarioField     field);

G_END_DECLS
