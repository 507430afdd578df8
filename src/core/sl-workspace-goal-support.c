/* sl-workspace-goal-support.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: what serves a goal, counted for the Goals page. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-workspace-goals.h"

static const char support_sql[] =
  "SELECT (SELECT count(*) FROM budget_line WHERE goal_id = ?1 AND request_id IS NULL), "
  "       (SELECT count(DISTINCT request_id) FROM budget_line WHERE goal_id = ?1), "
  "       (SELECT count(*) FROM realloc_plan WHERE goal_id = ?1), "
  "       (SELECT count(*) FROM annotation WHERE goal_id = ?1 AND kind = 'experiment'), "
  "       (SELECT count(*) FROM annotation WHERE goal_id = ?1), "
  "       (SELECT count(*) FROM kpi WHERE goal_id = ?1)";

gboolean
sl_workspace_get_goal_support (SlWorkspace    *self,
                               gint64          goal_id,
                               SlGoalSupport  *out,
                               GError        **error)
{
  SlDatabase *db;
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  db = sl_workspace_get_database (self);
  if ((stmt = sl_database_prepare (db, support_sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  g_assert (has_row);
  *out = (SlGoalSupport) {
    .budget_lines = sqlite3_column_int (stmt, 0),
    .requests = sqlite3_column_int (stmt, 1),
    .plans = sqlite3_column_int (stmt, 2),
    .experiments = sqlite3_column_int (stmt, 3),
    .annotations = sqlite3_column_int (stmt, 4),
    .kpis = sqlite3_column_int (stmt, 5),
  };
  return TRUE;
}
