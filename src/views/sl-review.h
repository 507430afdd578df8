/* sl-review.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-discussion.h"
#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* The review meeting with finance, for a projector: an agenda stepped
 * through one item at a time (the KPIs of the filter's period, its wins
 * and losses, the plans awaiting decision, the budget request), each
 * with its numbers and its discussion, so that comments and decisions
 * are recorded as they are made, on the meeting's day. Keys: Page Down,
 * Right or Space next; Page Up or Left back; Home and End; a number goes
 * to that item; Ctrl+Enter sends the comment; Escape leaves (::leave). */

#define SL_TYPE_REVIEW (sl_review_get_type ())
G_DECLARE_FINAL_TYPE (SlReview, sl_review, SL, REVIEW, GtkWidget)

GtkWidget    *sl_review_new             (void);
void          sl_review_set_context     (SlReview     *self,
                                         SlWorkspace  *workspace,
                                         SlViewFilter *filter);
/* Makes the agenda anew for a meeting on @meeting_day and shows its
 * first item. */
void          sl_review_start           (SlReview     *self,
                                         SlDay         meeting_day);
SlDay         sl_review_get_meeting_day (SlReview     *self);
guint         sl_review_get_n_items     (SlReview     *self);
/* The item shown, from 0. */
guint         sl_review_get_position    (SlReview     *self);
void          sl_review_go_to           (SlReview     *self,
                                         guint         position);
/* What item @position's discussion is about, or NULL (the KPIs). */
const char   *sl_review_get_item_target (SlReview     *self,
                                         guint         position);
/* The discussion of the item shown, or NULL. */
SlDiscussion *sl_review_get_discussion  (SlReview     *self);

G_END_DECLS
