/* sl-workspace-goals.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-goal-link-command.h"
#include "sl-goal-store.h"
#include "sl-key-result-store.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Goals and their key results: undoable edits on the workspace's undo
 * stack, refused with an SL_COLLAB_ERROR that says what to fix. */

typedef struct
{
  const char *objective;     /* required */
  const char *description;   /* NULL: none */
  const char *framework;     /* "okr" (NULL) or "v2mom" */
  SlDay       first_day;
  SlDay       last_day;      /* ≥ first_day */
} SlGoalSpec;

typedef struct
{
  const char *metric;        /* a metric key ("revenue"); a known metric's unit must match */
  gint64      target;        /* in @unit: minor units of the workspace currency, basis points… */
  const char *unit;          /* "money", "basis-points", "count", "days" */
  SlDay       first_day;     /* SL_DAY_INVALID: the goal's range */
  SlDay       last_day;
} SlKeyResultSpec;

/* What serves a goal: the items tied to it. */
typedef struct
{
  guint budget_lines;  /* lines of the plan, forecast and commitments */
  guint requests;      /* budget requests with a line serving it */
  guint plans;         /* reallocation plans */
  guint experiments;
  guint annotations;   /* wins, losses, notes… experiments included */
  guint kpis;          /* metrics of finance's KPI list */
} SlGoalSupport;

SlGoalStore      *sl_workspace_get_goals          (SlWorkspace            *self);
SlKeyResultStore *sl_workspace_get_key_results    (SlWorkspace            *self);

/* Creates a goal with @n_key_results key results in one command; *out_id
 * (optional) receives its id. The author is the workspace's user. */
gboolean          sl_workspace_create_goal        (SlWorkspace            *self,
                                                   const SlGoalSpec       *spec,
                                                   const SlKeyResultSpec  *key_results,
                                                   guint                   n_key_results,
                                                   gint64                 *out_id,
                                                   GError                **error);
/* Sets the fields of @spec that differ; nothing when none does. */
gboolean          sl_workspace_update_goal        (SlWorkspace            *self,
                                                   gint64                  goal_id,
                                                   const SlGoalSpec       *spec,
                                                   GError                **error);
/* Deletes the goal and its key results; what served it serves no goal
 * (undo ties it again). */
gboolean          sl_workspace_delete_goal        (SlWorkspace            *self,
                                                   gint64                  goal_id,
                                                   GError                **error);
gboolean          sl_workspace_add_key_result     (SlWorkspace            *self,
                                                   gint64                  goal_id,
                                                   const SlKeyResultSpec  *spec,
                                                   gint64                 *out_id,
                                                   GError                **error);
gboolean          sl_workspace_update_key_result  (SlWorkspace            *self,
                                                   gint64                  key_result_id,
                                                   const SlKeyResultSpec  *spec,
                                                   GError                **error);
gboolean          sl_workspace_remove_key_result  (SlWorkspace            *self,
                                                   gint64                  key_result_id,
                                                   GError                **error);
/* Ties a budget line (a request's too), plan or annotation to
 * @goal_id (0: to none). */
gboolean          sl_workspace_link_goal          (SlWorkspace            *self,
                                                   SlGoalLink              link,
                                                   gint64                  id,
                                                   gint64                  goal_id,
                                                   GError                **error);
/* Ties a metric of finance's KPI list to @goal_id (0: to none). */
gboolean          sl_workspace_link_kpi_goal      (SlWorkspace            *self,
                                                   const char             *metric,
                                                   gint64                  goal_id,
                                                   GError                **error);

/* Counts what serves @goal_id. */
gboolean          sl_workspace_get_goal_support   (SlWorkspace            *self,
                                                   gint64                  goal_id,
                                                   SlGoalSupport          *out,
                                                   GError                **error);

G_END_DECLS
