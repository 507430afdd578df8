/* sl-comment-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-comment.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_COMMENT_STORE (sl_comment_store_get_type ())
G_DECLARE_FINAL_TYPE (SlCommentStore, sl_comment_store, SL, COMMENT_STORE, SlStore)

/* The comments on one shared item (@target NULL: on every one), oldest first. */
SlCommentStore *sl_comment_store_new        (SlDatabase     *db,
                                             const char     *target);
const char     *sl_comment_store_get_target (SlCommentStore *self);
/* The record with @id, or NULL (transfer none). */
SlComment      *sl_comment_store_lookup     (SlCommentStore *self,
                                             gint64          id);

G_END_DECLS
