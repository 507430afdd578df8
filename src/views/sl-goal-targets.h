/* sl-goal-targets.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric.h"

G_BEGIN_DECLS

/* Key result targets as people type them: money in the workspace
 * currency, a percentage ("2.5"), a multiple ("3" for 3.0×), days or a
 * count; stored as minor units, basis points, days or a count. */

/* The unit a key result of @metric is stored in: "money", "basis-points"… */
const char *sl_goal_target_get_unit  (SlMetric       metric);
/* "Target (USD)", "Target (%)"… */
char       *sl_goal_target_dup_title (SlMetricUnit   unit,
                                      const char    *currency);
/* The stored @target as it is typed back: "1234.56", "2.5", "7". */
char       *sl_goal_target_to_text   (SlMetricUnit   unit,
                                      gint64         target,
                                      const char    *currency);
/* FALSE with an error saying why when @text is not a target. */
gboolean    sl_goal_target_parse     (const char    *text,
                                      SlMetricUnit   unit,
                                      const char    *currency,
                                      gint64        *out,
                                      GError       **error);

G_END_DECLS
