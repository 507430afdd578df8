/* sl-range-chooser.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

/* A group of rows choosing a range of days: a month, quarter or fiscal
 * year of the workspace's calendar (stepped with arrows), or any range
 * typed as two ISO dates. Emits ::changed. */

#define SL_TYPE_RANGE_CHOOSER (sl_range_chooser_get_type ())
G_DECLARE_FINAL_TYPE (SlRangeChooser, sl_range_chooser, SL, RANGE_CHOOSER, AdwPreferencesGroup)

GtkWidget *sl_range_chooser_new          (SlWorkspace    *workspace);
/* Shows @period (a day or week is shown as a custom range). */
void       sl_range_chooser_set_period   (SlRangeChooser *self,
                                          const SlPeriod *period);
/* Shows @first…@last as the month, quarter or fiscal year it is, else
 * as a custom range. */
void       sl_range_chooser_set_range    (SlRangeChooser *self,
                                          SlDay           first,
                                          SlDay           last);
/* FALSE when a custom range's dates cannot be read (they are marked). */
gboolean   sl_range_chooser_get_range    (SlRangeChooser *self,
                                          SlDay          *first,
                                          SlDay          *last);
/* The rows of the kind ("kind"), the period ("period"), its arrows
 * ("previous", "next") and the custom dates ("first", "last"). */
GtkWidget *sl_range_chooser_get_part     (SlRangeChooser *self,
                                          const char     *name);

G_END_DECLS
