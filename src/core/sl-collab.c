/* sl-collab.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-row-command.h"

G_DEFINE_QUARK (sl-collab-error-quark, sl_collab_error)

/* The tables of shared items by document type; the only table names
 * sl_collab_find_uuid() puts in SQL. */
static const struct
{
  const char *type;
  const char *table;
  const char *sql;
} doc_tables[] = {
  { "goal", "goal", "SELECT id FROM goal WHERE uuid = ?1" },
  { "annotation", "annotation", "SELECT id FROM annotation WHERE uuid = ?1" },
  { "plan", "realloc_plan", "SELECT id FROM realloc_plan WHERE uuid = ?1" },
  { "request", "budget_request", "SELECT id FROM budget_request WHERE uuid = ?1" },
  { "comment", "comment", "SELECT id FROM comment WHERE uuid = ?1" },
  { "decision", "decision", "SELECT id FROM decision WHERE uuid = ?1" },
};

gboolean
sl_collab_check_can_write (SlWorkspace  *workspace,
                           GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), FALSE);

  if (sl_workspace_get_user_role (workspace) != SL_USER_ROLE_VIEWER)
    return TRUE;
  g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED,
                       _("Viewers cannot change anything; ask for the marketing or finance role"));
  return FALSE;
}

gboolean
sl_collab_check_finance (SlWorkspace  *workspace,
                         gboolean      approve,
                         GError      **error)
{
  const char *role;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), FALSE);

  if (sl_workspace_get_user_role (workspace) == SL_USER_ROLE_FINANCE)
    return TRUE;
  role = sl_user_role_get_label (sl_workspace_get_user_role (workspace));
  g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED,
               approve
               /* Translators: %s is the user's role, e.g. “Marketing” */
               ? _("Only finance can approve; your role is %s")
               /* Translators: %s is the user's role, e.g. “Marketing” */
               : _("Only finance can reject; your role is %s"),
               role);
  return FALSE;
}

char *
sl_collab_doc_id (const char *type,
                  const char *uuid)
{
  g_return_val_if_fail (type != NULL && uuid != NULL, NULL);
  return g_strconcat (type, ":", uuid, NULL);
}

gboolean
sl_collab_parse_doc_id (const char  *doc_id,
                        char       **type,
                        char       **uuid)
{
  const char *colon = doc_id != NULL ? strchr (doc_id, ':') : NULL;

  if (colon == NULL || colon == doc_id || colon[1] == '\0')
    return FALSE;
  *type = g_strndup (doc_id, colon - doc_id);
  *uuid = g_strdup (colon + 1);
  return TRUE;
}

gint64
sl_collab_find_uuid (SlDatabase *db,
                     const char *table,
                     const char *uuid)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (doc_tables); i++)
    {
      g_autoptr(SlStatement) stmt = NULL;
      gboolean has_row = FALSE;

      if (g_strcmp0 (doc_tables[i].table, table) != 0)
        continue;
      stmt = sl_database_prepare (db, doc_tables[i].sql, &error);
      if (stmt == NULL)
        break;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sl_database_step_row (db, stmt, &has_row, &error) && has_row)
        return sqlite3_column_int64 (stmt, 0);
      break;
    }
  if (error != NULL)
    g_warning ("Could not look up a shared item: %s", error->message);
  return 0;
}

char *
sl_collab_strip (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

gboolean
sl_collab_refuse (GError        **error,
                  SlCollabError   code,
                  const char     *message)
{
  g_set_error_literal (error, SL_COLLAB_ERROR, code, message);
  return FALSE;
}

gboolean
sl_collab_run_insert (SlWorkspace  *workspace,
                      SlCommand    *command,
                      SlCommand    *insert,
                      gint64       *out_id,
                      GError      **error)
{
  g_autoptr(SlCommand) keep = g_object_ref (insert);

  g_return_val_if_fail (SL_IS_ROW_COMMAND (insert), FALSE);

  if (!sl_workspace_run (workspace, command, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sl_row_command_get_id (SL_ROW_COMMAND (keep));
  return TRUE;
}
