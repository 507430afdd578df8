/* sl-server-rules.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-server-doc.h"
#include "sl-server-users.h"

G_BEGIN_DECLS

/* The write rules of docs/sync.md "Roles and write rules", the same as
 * data/couchdb's validate_doc_update:
 *
 * 1. a viewer writes nothing;
 * 2. a new document's `author` is the writer's name;
 * 3. only the author edits or deletes an annotation;
 * 4. comments and decisions are never changed or deleted;
 * 5. only finance writes a decision whose verdict is approve or reject,
 *    and only finance moves a plan to approved or rejected;
 * 6. only an admin writes design documents (and `_security`, users).
 *
 * Admins pass every rule. @old_doc holds the fields of the revision
 * replaced, NULL for a new document or one written over a tombstone. A
 * refusal is SL_SERVER_ERROR_FORBIDDEN saying what is not allowed. */
gboolean sl_server_rules_check (const char              *user,
                                SlServerRole             role,
                                SlServerDoc             *doc,
                                const SlServerDocFields *old_doc,
                                GError                 **error);

G_END_DECLS
