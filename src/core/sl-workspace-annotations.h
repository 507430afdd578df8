/* sl-workspace-annotations.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-annotation-snapshot.h"
#include "sl-annotation-store.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Wins, losses, experiments, notes and unexpected expenses shared with
 * finance, as undoable edits. The rules (refused with SL_COLLAB_ERROR
 * INVALID, saying what to fix; nothing is written):
 *  - a loss links a reallocation plan that moves money (≥ 1 line) and
 *    states its next steps;
 *  - an experiment states its hypothesis, expected outcome and goal up
 *    front; its actual outcome is recorded later;
 *  - an unexpected expense states its amount;
 *  - only the author edits or deletes an annotation (NOT_ALLOWED);
 *  - its kind, scope and period are fixed once written: its snapshot
 *    (taken then, never recomputed) is of them. */

typedef struct
{
  const char    *kind;              /* SL_ANNOTATION_WIN… */
  const char    *title;             /* required */
  const char    *body;
  gint64         channel_id;        /* 0: the whole workspace */
  gint64         campaign_id;       /* 0: none; else of channel_id */
  SlDay          first_day;
  SlDay          last_day;
  gint64         goal_id;           /* 0: none */
  gint64         plan_id;           /* 0: none */
  const char    *next_steps;
  const char    *hypothesis;
  const char    *expected_outcome;
  const char    *actual_outcome;
  const SlMoney *amount;            /* an unexpected expense's; NULL: none */
} SlAnnotationSpec;

SlAnnotationStore *sl_workspace_get_annotations      (SlWorkspace             *self);
/* Writes a new annotation by the workspace's user, with the snapshot of
 * its scope and period taken now. */
gboolean           sl_workspace_create_annotation    (SlWorkspace             *self,
                                                      const SlAnnotationSpec  *spec,
                                                      gint64                  *out_id,
                                                      GError                 **error);
/* Writes a loss (@spec's kind and plan_id aside) and the reallocation
 * plan that answers it, with @n_lines lines, as one edit: one undo takes
 * both back, and a refusal of either writes neither. *out_plan_id
 * (optional) receives the plan's id. */
gboolean           sl_workspace_create_loss          (SlWorkspace             *self,
                                                      const SlAnnotationSpec  *spec,
                                                      const SlReallocPlanSpec *plan,
                                                      const SlReallocLineSpec *lines,
                                                      guint                    n_lines,
                                                      gint64                  *out_id,
                                                      gint64                  *out_plan_id,
                                                      GError                 **error);
/* Rewrites its texts, goal, plan and amount from @spec (whose kind,
 * scope and period must be the annotation's). */
gboolean           sl_workspace_update_annotation    (SlWorkspace             *self,
                                                      gint64                   annotation_id,
                                                      const SlAnnotationSpec  *spec,
                                                      GError                 **error);
/* An experiment's actual outcome, recorded afterwards. */
gboolean           sl_workspace_record_outcome       (SlWorkspace             *self,
                                                      gint64                   annotation_id,
                                                      const char              *actual_outcome,
                                                      GError                 **error);
gboolean           sl_workspace_delete_annotation    (SlWorkspace             *self,
                                                      gint64                   annotation_id,
                                                      GError                 **error);
/* Fills @spec from @annotation (strings borrowed from it). */
void               sl_annotation_spec_init_from      (SlAnnotationSpec        *spec,
                                                      SlAnnotation            *annotation,
                                                      SlMoney                 *amount_storage);

G_END_DECLS
