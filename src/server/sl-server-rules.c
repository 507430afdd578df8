/* sl-server-rules.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-server-error.h"
#include "sl-server-rules.h"

/* The reasons, word for word as data/couchdb/validate_doc_update.js. */
#define REASON_VIEWER     "a viewer reads only"
#define REASON_AUTHOR     "a new document's author must be its writer"
#define REASON_ANNOTATION "only the author edits or deletes an annotation"
#define REASON_IMMUTABLE  "comments and decisions are never changed or deleted"
#define REASON_DECISION   "only finance approves or rejects in a decision"
#define REASON_PLAN       "only finance approves or rejects a plan"
#define REASON_DESIGN     "only an admin writes design documents"

static gboolean
is_one_of (const char *value,
           const char *a,
           const char *b)
{
  return g_strcmp0 (value, a) == 0 || g_strcmp0 (value, b) == 0;
}

/* Rule 5: approving and rejecting are finance's. */
static gboolean
check_verdicts (SlServerRole             role,
                SlServerDoc             *doc,
                const SlServerDocFields *old_doc,
                GError                 **error)
{
  const SlServerDocFields *new_doc = &doc->fields;

  if (doc->deleted || role == SL_SERVER_ROLE_FINANCE)
    return TRUE;

  if (g_strcmp0 (new_doc->type, "decision") == 0 &&
      is_one_of (new_doc->verdict, "approve", "reject"))
    return sl_server_error_set (error, SL_SERVER_ERROR_FORBIDDEN, REASON_DECISION);

  if (g_strcmp0 (new_doc->type, "plan") == 0 &&
      is_one_of (new_doc->status, "approved", "rejected") &&
      (old_doc == NULL || g_strcmp0 (new_doc->status, old_doc->status) != 0))
    return sl_server_error_set (error, SL_SERVER_ERROR_FORBIDDEN, REASON_PLAN);

  return TRUE;
}

gboolean
sl_server_rules_check (const char              *user,
                       SlServerRole             role,
                       SlServerDoc             *doc,
                       const SlServerDocFields *old_doc,
                       GError                 **error)
{
  const char *old_type = old_doc != NULL ? old_doc->type : NULL;

  if (role == SL_SERVER_ROLE_ADMIN)
    return TRUE;
  if (role != SL_SERVER_ROLE_MARKETING && role != SL_SERVER_ROLE_FINANCE)
    return sl_server_error_set (error, SL_SERVER_ERROR_FORBIDDEN, REASON_VIEWER);
  if (g_str_has_prefix (doc->id, "_design/"))
    return sl_server_error_set (error, SL_SERVER_ERROR_FORBIDDEN, REASON_DESIGN);

  if (old_doc == NULL)
    {
      if (!doc->deleted && g_strcmp0 (doc->fields.author, user) != 0)
        return sl_server_error_set (error, SL_SERVER_ERROR_FORBIDDEN, REASON_AUTHOR);
    }
  else if (g_strcmp0 (old_type, "annotation") == 0)
    {
      if (g_strcmp0 (old_doc->author, user) != 0)
        return sl_server_error_set (error, SL_SERVER_ERROR_FORBIDDEN, REASON_ANNOTATION);
    }
  else if (is_one_of (old_type, "comment", "decision"))
    return sl_server_error_set (error, SL_SERVER_ERROR_FORBIDDEN, REASON_IMMUTABLE);

  return check_verdicts (role, doc, old_doc, error);
}
