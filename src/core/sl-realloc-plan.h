/* sl-realloc-plan.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_REALLOC_PLAN (sl_realloc_plan_get_type ())
G_DECLARE_FINAL_TYPE (SlReallocPlan, sl_realloc_plan, SL, REALLOC_PLAN, SlRecord)

/* A reallocation plan: money moved between channels and months (its
 * SlReallocLines), or from and to the reserve, with its status. */
/* Statuses: draft → proposed → approved | rejected; approved → applied.
 * A proposed plan may go back to draft (withdrawn), a rejected one too
 * (to be revised). */
#define SL_REALLOC_DRAFT    "draft"
#define SL_REALLOC_PROPOSED "proposed"
#define SL_REALLOC_APPROVED "approved"
#define SL_REALLOC_REJECTED "rejected"
#define SL_REALLOC_APPLIED  "applied"

#define SL_REALLOC_PLAN_COLUMNS \
  "id, uuid, title, rationale, status, scenario_group, reserve_draw_minor, " \
  "currency, goal_id, author, created_at, updated_at, ifnull (applied_at, 0)"

SlReallocPlan *sl_realloc_plan_new_from_row           (sqlite3_stmt *stmt);
const char    *sl_realloc_plan_get_title              (SlReallocPlan *self);
const char    *sl_realloc_plan_get_rationale          (SlReallocPlan *self);
const char    *sl_realloc_plan_get_status             (SlReallocPlan *self);  /* see SlReallocStatus */
const char    *sl_realloc_plan_get_scenario_group     (SlReallocPlan *self);  /* NULL: none */
gint64         sl_realloc_plan_get_reserve_draw_minor (SlReallocPlan *self);  /* declared: < 0 gives back */
const char    *sl_realloc_plan_get_currency           (SlReallocPlan *self);
gint64         sl_realloc_plan_get_goal_id            (SlReallocPlan *self);
const char    *sl_realloc_plan_get_author             (SlReallocPlan *self);
gint64         sl_realloc_plan_get_created_at         (SlReallocPlan *self);
gint64         sl_realloc_plan_get_updated_at         (SlReallocPlan *self);
gint64         sl_realloc_plan_get_applied_at         (SlReallocPlan *self);  /* 0: not applied */
/* Whether the workflow lets a plan go from status @from to @to. */
gboolean       sl_realloc_status_can_move              (const char    *from,
                                                        const char    *to);
/* The plan's status for people ("Approved"), translated. */
const char    *sl_realloc_plan_get_status_label        (SlReallocPlan *self);
/* "Draft", "Proposed"…, translated. */
const char    *sl_realloc_status_get_label             (const char    *status);

G_END_DECLS
