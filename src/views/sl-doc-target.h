/* sl-doc-target.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-workspace.h"

G_BEGIN_DECLS

/* The shared item a document id ("plan:<uuid>", "annotation:<uuid>",
 * "request:<uuid>", "goal:<uuid>") names in @workspace: an SlReallocPlan,
 * SlAnnotation, SlBudgetRequest or SlGoal, or NULL when there is none
 * (transfer none: the workspace's stores hold it). */
SlRecord   *sl_doc_target_lookup    (SlWorkspace *workspace,
                                     const char  *doc_id);
/* Its title for people (a goal's objective), or NULL. */
const char *sl_doc_target_get_title (SlWorkspace *workspace,
                                     const char  *doc_id);

G_END_DECLS
