/* sl-plan-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_PLAN_VIEW (sl_plan_view_get_type ())
G_DECLARE_FINAL_TYPE (SlPlanView, sl_plan_view, SL, PLAN_VIEW, AdwBin)

/* The budget plan: the workspace's channels, the reserve and the totals
 * (rows, SlPlanRow) × the months of a fiscal year, each month editable. */
GtkWidget      *sl_plan_view_new            (void);
void            sl_plan_view_set_workspace  (SlPlanView     *self,
                                             SlWorkspace    *workspace);
SlWorkspace    *sl_plan_view_get_workspace  (SlPlanView     *self);
void            sl_plan_view_set_period     (SlPlanView     *self,
                                             const SlPeriod *fiscal_year);

/* The rows shown, a GListModel of SlPlanRow: channels, the reserve,
 * then the totals. */
GListModel     *sl_plan_view_get_rows       (SlPlanView     *self);
guint           sl_plan_view_get_n_months   (SlPlanView     *self);
const SlPeriod *sl_plan_view_get_month      (SlPlanView     *self,
                                             guint           month);

G_END_DECLS
