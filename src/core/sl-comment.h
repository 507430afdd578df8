/* sl-comment.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_COMMENT (sl_comment_get_type ())
G_DECLARE_FINAL_TYPE (SlComment, sl_comment, SL, COMMENT, SlRecord)

/* A comment on a shared item; immutable once written. */
#define SL_COMMENT_COLUMNS \
  "id, uuid, target, body, author, created_at"

SlComment *sl_comment_new_from_row   (sqlite3_stmt *stmt);
const char*sl_comment_get_target     (SlComment *self);  /* a document id: "plan:<uuid>" */
const char*sl_comment_get_body       (SlComment *self);
const char*sl_comment_get_author     (SlComment *self);
gint64     sl_comment_get_created_at (SlComment *self);

G_END_DECLS
