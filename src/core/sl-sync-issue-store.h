/* sl-sync-issue-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-database.h"
#include "sl-sync-issue.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_ISSUE_STORE (sl_sync_issue_store_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncIssueStore, sl_sync_issue_store, SL, SYNC_ISSUE_STORE, GObject)

/* A GListModel of SlSyncIssue: the shared items the server refused and
 * those whose edits clash with the server's (sync_doc.refusal and
 * sync_doc.conflict_json), oldest first, and the user's answers. */
SlSyncIssueStore *sl_sync_issue_store_new            (SlDatabase       *db);
gboolean          sl_sync_issue_store_reload         (SlSyncIssueStore *self,
                                                      GError          **error);
/* How many issues of @kind the store held at its last reload. */
guint             sl_sync_issue_store_count          (SlSyncIssueStore *self,
                                                      SlSyncIssueKind   kind);

/* Records that the server refused the version of @doc_id just pushed,
 * giving @reason: the item stays as it is here and is not pushed again
 * until it changes. Does not reload. */
gboolean          sl_sync_issue_store_record_refusal (SlSyncIssueStore *self,
                                                      const char       *doc_id,
                                                      const char       *reason,
                                                      GError          **error);

/* Answers a clash with this workspace's version: it will be pushed over
 * the server's revision. */
gboolean          sl_sync_issue_store_keep_mine      (SlSyncIssueStore *self,
                                                      const char       *doc_id,
                                                      GError          **error);
/* Answers a clash with the server's version: it replaces the item here,
 * in one transaction, and nothing is left to push. */
gboolean          sl_sync_issue_store_take_theirs    (SlSyncIssueStore *self,
                                                      const char       *doc_id,
                                                      GError          **error);

G_END_DECLS
