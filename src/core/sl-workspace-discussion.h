/* sl-workspace-discussion.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-comment-store.h"
#include "sl-decision-store.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Comments and decisions on shared items, named by document id
 * ("plan:<uuid>", "annotation:<uuid>", "goal:…", "request:…").
 * Both are immutable once written: editing is refused (SL_COLLAB_ERROR
 * IMMUTABLE); undo may take back what was just written. Only finance
 * approves or rejects (NOT_ALLOWED); approving or rejecting a plan moves
 * the plan, which must be proposed, in the same transaction; a request
 * must be submitted. */

#define SL_VERDICT_APPROVE "approve"
#define SL_VERDICT_REJECT  "reject"
#define SL_VERDICT_DEFER   "defer"
#define SL_VERDICT_NOTE    "note"

/* A store of @target's comments (NULL: all), kept up to date while held. */
SlCommentStore  *sl_workspace_dup_comments        (SlWorkspace  *self,
                                                   const char   *target);
SlDecisionStore *sl_workspace_dup_decisions       (SlWorkspace  *self,
                                                   const char   *target);
gboolean         sl_workspace_add_comment         (SlWorkspace  *self,
                                                   const char   *target,
                                                   const char   *body,
                                                   gint64       *out_id,
                                                   GError      **error);
/* @meeting_day: the review it was taken in, or SL_DAY_INVALID. */
gboolean         sl_workspace_record_decision     (SlWorkspace  *self,
                                                   const char   *target,
                                                   const char   *verdict,
                                                   const char   *note,
                                                   SlDay         meeting_day,
                                                   gint64       *out_id,
                                                   GError      **error);
/* Always refused: what was said stays as it was said. */
gboolean         sl_workspace_edit_comment        (SlWorkspace  *self,
                                                   gint64        comment_id,
                                                   const char   *body,
                                                   GError      **error);
gboolean         sl_workspace_edit_decision       (SlWorkspace  *self,
                                                   gint64        decision_id,
                                                   const char   *note,
                                                   GError      **error);
/* Finance's decision on a proposed plan, by id. */
gboolean         sl_workspace_approve_realloc_plan (SlWorkspace *self,
                                                   gint64        plan_id,
                                                   const char   *note,
                                                   GError      **error);
gboolean         sl_workspace_reject_realloc_plan (SlWorkspace  *self,
                                                   gint64        plan_id,
                                                   const char   *note,
                                                   GError      **error);

G_END_DECLS
