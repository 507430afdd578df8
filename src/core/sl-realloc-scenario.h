/* sl-realloc-scenario.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-funnel-rates.h"

G_BEGIN_DECLS

/* What a plan's moves are expected to do, at each channel's current
 * funnel rates (sl-funnel-rates.h, over the window before @as_of). */
typedef struct
{
  gint64           channel_id;
  gint64           spend_minor;   /* net change of its spend */
  SlFunnelForecast effect;        /* of that change */
} SlReallocEffect;

/* One plan of a scenario group, for comparing side by side. */
typedef struct
{
  gint64           plan_id;
  char            *title;
  char            *status;
  gint64           moved_minor;         /* every line's amount */
  gint64           reserve_draw_minor;  /* declared */
  gint64           reserve_left_minor;  /* the quarter's reserve left after it */
  SlFunnelForecast effect;              /* leads, customers, revenue */
} SlScenarioRow;

void     sl_scenario_row_clear          (SlScenarioRow    *row);

/* Per channel the plan moves money out of or into; @total (optional)
 * gets the sums, undefined when any channel's is. Returns a GArray of
 * SlReallocEffect. */
GArray  *sl_realloc_forecast            (SlMetrics        *metrics,
                                         gint64            plan_id,
                                         SlDay             as_of,
                                         SlFunnelForecast *total,
                                         GError          **error);
/* The plans sharing @scenario_group, oldest first. Reads, never writes.
 * Returns a GArray of SlScenarioRow (cleared with the array). */
GArray  *sl_realloc_compare_scenarios   (SlMetrics        *metrics,
                                         const char       *scenario_group,
                                         SlCalendar        calendar,
                                         int               fiscal_start,
                                         SlDay             as_of,
                                         GError          **error);

G_END_DECLS
