/* sl-collab-text.h
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
SlRecord   *sl_collab_text_lookup_target    (SlWorkspace *workspace,
                                             const char  *doc_id);
/* Its title for people (a goal's objective), or NULL. */
const char *sl_collab_text_get_target_title (SlWorkspace *workspace,
                                             const char  *doc_id);
/* A channel's name; 0 is the reserve. */
char       *sl_collab_text_dup_channel_name (SlWorkspace *workspace,
                                             gint64       channel_id);

G_END_DECLS
