/* sl-overview-view.h
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

/* Overview: a card per KPI of the workspace's list (the figures finance
 * asked for) with its value, the change against the period before, its
 * goal and its trend; then the flags with their suggested moves. */

#define SL_TYPE_OVERVIEW_VIEW (sl_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (SlOverviewView, sl_overview_view, SL, OVERVIEW_VIEW, AdwBin)

void       sl_overview_view_set_context (SlOverviewView *self,
                                         SlWorkspace    *workspace,
                                         SlViewFilter   *filter);
/* The KPI cards shown, in order (SlKpiCard). For tests. */
GPtrArray *sl_overview_view_get_cards   (SlOverviewView *self);
/* The number of flags of the period, and of those shown (the first
 * five, until the user asks for the rest). */
guint      sl_overview_view_get_n_flags       (SlOverviewView *self);
guint      sl_overview_view_get_n_flags_shown (SlOverviewView *self);
void       sl_overview_view_show_all_flags    (SlOverviewView *self);
/* A card of @kpi as the Overview shows it (SlKpiCard): its value, the
 * change against @previous_label's period, its goal and its trend. */
GtkWidget *sl_overview_view_create_card       (const SlKpiSummary *kpi,
                                               const char         *previous_label);

G_END_DECLS
