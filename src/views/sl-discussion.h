/* sl-discussion.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

/* The conversation about one shared item ("plan:<uuid>",
 * "annotation:<uuid>", "request:<uuid>"…): its comments and decisions in
 * the order they were written (author, when, text; a decision with its
 * verdict and note, marked final), an entry for a new comment (Ctrl+Enter
 * sends it) and, for finance on a proposed plan or a submitted request,
 * Approve and Reject with a note. Nothing shown can be edited: the core
 * refuses it. Refusals show under the form, which keeps what was typed. */

#define SL_TYPE_DISCUSSION (sl_discussion_get_type ())
G_DECLARE_FINAL_TYPE (SlDiscussion, sl_discussion, SL, DISCUSSION, AdwBin)

GtkWidget  *sl_discussion_new             (void);
void        sl_discussion_set_context     (SlDiscussion *self,
                                           SlWorkspace  *workspace);
/* @doc_id: the shared item's document id; NULL shows nothing. */
void        sl_discussion_set_target      (SlDiscussion *self,
                                           const char   *doc_id);
const char *sl_discussion_get_target      (SlDiscussion *self);
/* The review meeting's day, which decisions taken here carry
 * (SL_DAY_INVALID, the default: none). */
void        sl_discussion_set_meeting_day (SlDiscussion *self,
                                           SlDay         day);
/* Sends the comment being written, as Ctrl+Enter does; FALSE (and the
 * reason shown) when the core refuses it or there is nothing to send. */
gboolean    sl_discussion_send            (SlDiscussion *self);
/* Whether the user may approve or reject the item now: the buttons show. */
gboolean    sl_discussion_get_can_decide  (SlDiscussion *self);
/* The comments and decisions listed. */
guint       sl_discussion_get_n_entries   (SlDiscussion *self);
/* Puts the keyboard focus in the comment entry, if there is one. */
gboolean    sl_discussion_focus_comment   (SlDiscussion *self);

/* For lists of decisions elsewhere (History): a verdict's icon, and a
 * decision's note with the review meeting it was taken in
 * (“In the review of Nov 23, 2026: For March only”). */
const char *sl_discussion_get_verdict_icon (const char  *verdict);
char       *sl_discussion_dup_decision_text (SlWorkspace *workspace,
                                             const char  *note,
                                             SlDay        meeting_day);

G_END_DECLS
