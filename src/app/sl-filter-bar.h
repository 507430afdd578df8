/* sl-filter-bar.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* The controls of an SlViewFilter: the period (previous, a menu of
 * kinds and a custom range, next) and a menu of the channel, campaign
 * and revenue credit. The window shows one in its header bar and one
 * under it in narrow windows. */

#define SL_TYPE_FILTER_BAR (sl_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (SlFilterBar, sl_filter_bar, SL, FILTER_BAR, GtkWidget)

void      sl_filter_bar_set_context  (SlFilterBar  *self,
                                      SlWorkspace  *workspace,
                                      SlViewFilter *filter);
/* Opens the menu of channel, campaign and credit. */
void      sl_filter_bar_popup_filters (SlFilterBar *self);

G_END_DECLS
