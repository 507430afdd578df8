/* sl-goal-link-command.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-goal-link-command.h"
#include "sl-sql.h"

struct _SlGoalLinkCommand
{
  SlCommand   parent_instance;

  SlGoalLink  link;
  gint64      row_id;
  gint64      goal_id;
  gint64      old_goal_id;
  gboolean    applied_once;
};

G_DEFINE_FINAL_TYPE (SlGoalLinkCommand, sl_goal_link_command, SL_TYPE_COMMAND)

/* Fixed SQL per table: no identifier comes from outside. */
static const struct
{
  const char *table;
  const char *select_sql;
  const char *update_sql;
} links[] = {
  [SL_GOAL_LINK_BUDGET_LINE] = { "budget_line",
    "SELECT goal_id FROM budget_line WHERE rowid = ?1",
    "UPDATE budget_line SET goal_id = ?2 WHERE rowid = ?1" },
  [SL_GOAL_LINK_PLAN] = { "realloc_plan",
    "SELECT goal_id FROM realloc_plan WHERE rowid = ?1",
    "UPDATE realloc_plan SET goal_id = ?2 WHERE rowid = ?1" },
  [SL_GOAL_LINK_ANNOTATION] = { "annotation",
    "SELECT goal_id FROM annotation WHERE rowid = ?1",
    "UPDATE annotation SET goal_id = ?2 WHERE rowid = ?1" },
  [SL_GOAL_LINK_KPI] = { "kpi",
    "SELECT goal_id FROM kpi WHERE rowid = ?1",
    "UPDATE kpi SET goal_id = ?2 WHERE rowid = ?1" },
};

static gboolean
read_goal (SlGoalLinkCommand  *self,
           SlDatabase         *db,
           gint64             *out,
           GError            **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, links[self->link].select_sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->row_id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED,
                   /* Translators: %s is a table name, %lld a row number */
                   _("The %s %lld no longer exists"), links[self->link].table, (long long)self->row_id);
      return FALSE;
    }
  *out = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static char *
id_text (gint64 id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

static gboolean
write_goal (SlGoalLinkCommand  *self,
            SlDatabase         *db,
            gint64              from,
            gint64              to,
            GError            **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, links[self->link].update_sql, error);
  g_autofree char *old_text = id_text (from);
  g_autofree char *new_text = id_text (to);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->row_id);
  sl_sql_bind_id (stmt, 2, to);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  return sl_command_record (SL_COMMAND (self), db, links[self->link].table, self->row_id,
                            "goal_id", old_text, new_text, error);
}

static gboolean
sl_goal_link_command_apply (SlCommand   *command,
                            SlDatabase  *db,
                            GError     **error)
{
  SlGoalLinkCommand *self = SL_GOAL_LINK_COMMAND (command);
  gint64 current;

  if (!read_goal (self, db, &current, error))
    return FALSE;
  if (!self->applied_once)
    {
      self->old_goal_id = current;
      self->applied_once = TRUE;
    }
  return write_goal (self, db, current, self->goal_id, error);
}

static gboolean
sl_goal_link_command_revert (SlCommand   *command,
                             SlDatabase  *db,
                             GError     **error)
{
  SlGoalLinkCommand *self = SL_GOAL_LINK_COMMAND (command);

  return write_goal (self, db, self->goal_id, self->old_goal_id, error);
}

static void
sl_goal_link_command_class_init (SlGoalLinkCommandClass *klass)
{
  SlCommandClass *command_class = SL_COMMAND_CLASS (klass);

  command_class->apply = sl_goal_link_command_apply;
  command_class->revert = sl_goal_link_command_revert;
}

static void
sl_goal_link_command_init (SlGoalLinkCommand *self)
{
}

SlCommand *
sl_goal_link_command_new (const char *label,
                          SlGoalLink  link,
                          gint64      row_id,
                          gint64      goal_id)
{
  SlGoalLinkCommand *self;

  g_return_val_if_fail ((guint)link < G_N_ELEMENTS (links), NULL);

  self = g_object_new (SL_TYPE_GOAL_LINK_COMMAND, "label", label, NULL);
  self->link = link;
  self->row_id = row_id;
  self->goal_id = goal_id;
  sl_command_add_table (SL_COMMAND (self), links[link].table);
  return SL_COMMAND (self);
}
