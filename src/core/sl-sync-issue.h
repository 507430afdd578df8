/* sl-sync-issue.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SL_SYNC_ISSUE_REFUSED,   /* the server refused the item; it stays local */
  SL_SYNC_ISSUE_CONFLICT,  /* edited here and on the server, in the same fields */
} SlSyncIssueKind;

#define SL_TYPE_SYNC_ISSUE (sl_sync_issue_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncIssue, sl_sync_issue, SL, SYNC_ISSUE, GObject)

/* A shared item sync cannot finish without the user: one the server
 * refused (with the server's reason), or a true clash between this
 * workspace's edit and the server's (with the fields they both changed). */
SlSyncIssue     *sl_sync_issue_new          (SlSyncIssueKind  kind,
                                             const char      *doc_id,
                                             const char      *title,
                                             const char      *detail);

SlSyncIssueKind  sl_sync_issue_get_kind     (SlSyncIssue     *self);
/* "plan:<uuid>" */
const char      *sl_sync_issue_get_doc_id   (SlSyncIssue     *self);
/* What the item is, for people: “Plan “Shift to search””. */
const char      *sl_sync_issue_get_title    (SlSyncIssue     *self);
/* The server's reason, or which fields clash, for people. */
const char      *sl_sync_issue_get_detail   (SlSyncIssue     *self);

G_END_DECLS
