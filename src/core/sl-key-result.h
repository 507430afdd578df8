/* sl-key-result.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_KEY_RESULT (sl_key_result_get_type ())
G_DECLARE_FINAL_TYPE (SlKeyResult, sl_key_result, SL, KEY_RESULT, SlRecord)

/* A measurable result of a goal: a metric of the engine, a whole-number
 * target in its unit and the range of days it is measured over. */
#define SL_KEY_RESULT_COLUMNS \
  "id, goal_id, metric, target, unit, first_day, last_day, position"

SlKeyResult *sl_key_result_new_from_row  (sqlite3_stmt *stmt);
gint64       sl_key_result_get_goal_id   (SlKeyResult *self);
const char  *sl_key_result_get_metric    (SlKeyResult *self);  /* a metric key: "revenue", "cac" */
gint64       sl_key_result_get_target    (SlKeyResult *self);  /* in unit: minor units, basis points, a count, days */
const char  *sl_key_result_get_unit      (SlKeyResult *self);  /* "money", "basis-points", "count", "days" */
SlDay        sl_key_result_get_first_day (SlKeyResult *self);
SlDay        sl_key_result_get_last_day  (SlKeyResult *self);
int          sl_key_result_get_position  (SlKeyResult *self);

G_END_DECLS
