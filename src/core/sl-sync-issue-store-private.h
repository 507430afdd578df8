/* sl-sync-issue-store-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-document-codec.h"
#include "sl-sync-issue-store.h"

G_BEGIN_DECLS

/* sl-sync-issue-text.c: words for people. */

/* What @doc (a sync document, any version) is: “Plan “Shift to search””;
 * a decision names what it decides on, looked up with @codec. */
char *sl_sync_issue_describe_item   (SlDocumentCodec    *codec,
                                     JsonObject         *doc);
/* “Changed here and on the server: status, title”. */
char *sl_sync_issue_describe_clash  (const char * const *members);

G_END_DECLS
