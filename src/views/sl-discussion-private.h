/* sl-discussion-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-comment.h"
#include "sl-decision.h"
#include "sl-discussion.h"

G_BEGIN_DECLS

/* sl-discussion-rows.c: the rows of the list, one per comment or
 * decision, in @workspace's calendar. */
GtkWidget *sl_discussion_create_comment_row  (SlWorkspace *workspace,
                                              SlComment   *comment);
GtkWidget *sl_discussion_create_decision_row (SlWorkspace *workspace,
                                              SlDecision  *decision);
/* Comments and decisions (SlRecord) in the order they were written. */
GPtrArray *sl_discussion_merge_entries       (GListModel  *comments,
                                              GListModel  *decisions);

G_END_DECLS
