/* sl-workspace-realloc-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command-group.h"
#include "sl-workspace-realloc.h"

G_BEGIN_DECLS

/* Shared by sl-workspace-realloc.c and sl-workspace-scenarios.c. */

/* The plan, or NULL with SL_COLLAB_ERROR_NOT_FOUND. */
SlReallocPlan *sl_workspace_find_realloc_plan        (SlWorkspace              *self,
                                                      gint64                    plan_id,
                                                      GError                  **error);
/* The plan, if the current user may change it: a draft, else NULL with
 * SL_COLLAB_ERROR_TRANSITION. */
SlReallocPlan *sl_workspace_find_realloc_draft       (SlWorkspace              *self,
                                                      gint64                    plan_id,
                                                      GError                  **error);
/* Adds to @group the inserts of a plan and its lines; returns the
 * plan's insert (transfer full). */
SlCommand     *sl_workspace_add_realloc_plan_inserts (SlWorkspace              *self,
                                                      SlCommandGroup           *group,
                                                      const char               *label,
                                                      const SlReallocPlanSpec  *spec,
                                                      const SlReallocLineSpec  *lines,
                                                      guint                     n_lines);

G_END_DECLS
