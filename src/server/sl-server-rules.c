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

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
forbid (GError     **error,
        const char  *reason)
{
  g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_FORBIDDEN, reason);
  return FALSE;
}

static gboolean
is_one_of (const char *value,
           const char *a,
           const char *b)
{
  return g_strcmp0 (value, a) == 0 || g_strcmp0 (value, b) == 0;
}

/* Rule 5: approving and rejecting are finance's. */
static gboolean
check_verdicts (SlServerRole   role,
                SlServerDoc   *doc,
                JsonObject    *old_doc,
                GError       **error)
{
  const char *type = string_member (doc->object, "type");

  if (doc->deleted || role == SL_SERVER_ROLE_FINANCE)
    return TRUE;

  if (g_strcmp0 (type, "decision") == 0 &&
      is_one_of (string_member (doc->object, "verdict"), "approve", "reject"))
    return forbid (error, REASON_DECISION);

  if (g_strcmp0 (type, "plan") == 0)
    {
      const char *status = string_member (doc->object, "status");

      if (is_one_of (status, "approved", "rejected") &&
          g_strcmp0 (status, string_member (old_doc, "status")) != 0)
        return forbid (error, REASON_PLAN);
    }

  return TRUE;
}

gboolean
sl_server_rules_check (const char    *user,
                       SlServerRole   role,
                       SlServerDoc   *doc,
                       JsonObject    *old_doc,
                       GError       **error)
{
  const char *old_type = string_member (old_doc, "type");

  if (role == SL_SERVER_ROLE_ADMIN)
    return TRUE;
  if (role != SL_SERVER_ROLE_MARKETING && role != SL_SERVER_ROLE_FINANCE)
    return forbid (error, REASON_VIEWER);
  if (g_str_has_prefix (doc->id, "_design/"))
    return forbid (error, REASON_DESIGN);

  if (old_doc == NULL)
    {
      if (!doc->deleted && g_strcmp0 (string_member (doc->object, "author"), user) != 0)
        return forbid (error, REASON_AUTHOR);
    }
  else if (g_strcmp0 (old_type, "annotation") == 0)
    {
      if (g_strcmp0 (string_member (old_doc, "author"), user) != 0)
        return forbid (error, REASON_ANNOTATION);
    }
  else if (is_one_of (old_type, "comment", "decision"))
    return forbid (error, REASON_IMMUTABLE);

  return check_verdicts (role, doc, old_doc, error);
}
