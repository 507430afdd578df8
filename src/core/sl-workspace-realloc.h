/* sl-workspace-realloc.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-funnel-rates.h"
#include "sl-realloc-balance.h"
#include "sl-realloc-line-store.h"
#include "sl-realloc-plan-store.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Reallocation plans as undoable edits. Lines change only while a plan
 * is a draft; proposing and applying check its balance and the reserve
 * (sl-realloc-balance.h); approving and rejecting are finance's
 * decisions (sl_workspace_record_decision()). */

typedef struct
{
  gint64 from_channel_id;  /* 0: the reserve */
  SlDay  from_month;       /* any day of the month */
  gint64 to_channel_id;    /* 0: the reserve */
  SlDay  to_month;
  gint64 amount_minor;     /* > 0, workspace currency */
} SlReallocLineSpec;

typedef struct
{
  const char *title;            /* required */
  const char *rationale;
  const char *scenario_group;   /* NULL: none */
  gint64      goal_id;          /* 0: none */
  gint64      reserve_draw_minor;
} SlReallocPlanSpec;

SlReallocPlanStore *sl_workspace_get_realloc_plans      (SlWorkspace              *self);
/* Every plan's lines. */
SlReallocLineStore *sl_workspace_get_realloc_lines      (SlWorkspace              *self);
gboolean            sl_workspace_create_realloc_plan    (SlWorkspace              *self,
                                                         const SlReallocPlanSpec  *spec,
                                                         const SlReallocLineSpec  *lines,
                                                         guint                     n_lines,
                                                         gint64                   *out_id,
                                                         GError                  **error);
gboolean            sl_workspace_add_realloc_line       (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         const SlReallocLineSpec  *line,
                                                         GError                  **error);
gboolean            sl_workspace_remove_realloc_line    (SlWorkspace              *self,
                                                         gint64                    line_id,
                                                         GError                  **error);
/* What the plan declares it takes from the reserve (< 0: gives back). */
gboolean            sl_workspace_set_realloc_reserve_draw (SlWorkspace            *self,
                                                         gint64                    plan_id,
                                                         gint64                    draw_minor,
                                                         GError                  **error);
gboolean            sl_workspace_get_realloc_balance    (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         SlReallocBalance         *out,
                                                         GError                  **error);
/* draft → proposed, if it balances within the reserve; proposed or
 * rejected → draft. */
gboolean            sl_workspace_propose_realloc_plan   (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         GError                  **error);
gboolean            sl_workspace_withdraw_realloc_plan  (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         GError                  **error);
/* approved → applied: moves the money in the plan version's lines. */
gboolean            sl_workspace_apply_realloc_plan     (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         GError                  **error);
/* A draft or rejected plan only, and none a loss links. */
gboolean            sl_workspace_delete_realloc_plan    (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         GError                  **error);

/* Sets a draft's title and rationale (NULL: unchanged); nothing when
 * neither differs. */
gboolean            sl_workspace_update_realloc_plan    (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         const char               *title,
                                                         const char               *rationale,
                                                         GError                  **error);
/* A new draft with @plan_id's lines, reserve draw, rationale and goal in
 * its scenario group, to compare with it; a plan in no group starts one
 * named after its title, in the same command. */
gboolean            sl_workspace_duplicate_realloc_plan (SlWorkspace              *self,
                                                         gint64                    plan_id,
                                                         const char               *title,
                                                         gint64                   *out_id,
                                                         GError                  **error);

/* For decisions: the command moving @plan_id to @status (checked
 * against the workflow and, for approval, the balance), or NULL. */
SlCommand          *sl_workspace_new_plan_status_command (SlWorkspace             *self,
                                                         gint64                    plan_id,
                                                         const char               *status,
                                                         const char               *label,
                                                         GError                  **error);

G_END_DECLS
