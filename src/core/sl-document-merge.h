/* sl-document-merge.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Three-way merge of one sync document, field by field: @base is the
 * last version both sides had (NULL when there is none), @mine the
 * local one, @theirs the server's. A top-level member changed on one
 * side only takes that side's value; changed alike on both, that value;
 * changed differently on both, it clashes. Members are whole values:
 * a period, an amount, a snapshot or a plan's lines merge as one.
 * updated_at is the later of the two and never clashes; CouchDB's
 * members (_rev…) are left out of the result. A deletion against an
 * edit clashes on "_deleted". Comments and decisions cannot change, so
 * theirs is taken as it is.
 *
 * Returns the merged document, or NULL with *clashes set to the names
 * of the clashing members (a NULL-terminated array; free with
 * g_strfreev()). The arguments are not modified. */
JsonObject *sl_document_merge (JsonObject   *base,
                               JsonObject   *mine,
                               JsonObject   *theirs,
                               char       ***clashes);

G_END_DECLS
