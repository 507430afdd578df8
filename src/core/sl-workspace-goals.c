/* sl-workspace-goals.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: goals, key results and what serves them. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-command-group.h"
#include "sl-row-command.h"
#include "sl-set-field-command.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-private.h"

static const char * const units[] = { "money", "basis-points", "count", "days", NULL };

SlGoalStore *
sl_workspace_get_goals (SlWorkspace *self)
{
  return sl_workspace_ensure_store (self, SL_TYPE_GOAL_STORE);
}

SlKeyResultStore *
sl_workspace_get_key_results (SlWorkspace *self)
{
  return sl_workspace_ensure_store (self, SL_TYPE_KEY_RESULT_STORE);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, message);
}

static gboolean
check_goal (const SlGoalSpec  *spec,
            GError           **error)
{
  g_autofree char *objective = sl_collab_strip (spec->objective);

  if (objective == NULL)
    return refuse (error, _("A goal needs an objective, e.g. “Grow ARR to $5M”"));
  if (spec->first_day == SL_DAY_INVALID || spec->last_day < spec->first_day)
    return refuse (error, _("A goal needs a period whose last day is not before its first"));
  if (spec->framework != NULL && g_strcmp0 (spec->framework, "okr") != 0 &&
      g_strcmp0 (spec->framework, "v2mom") != 0)
    return refuse (error, _("A goal is framed as an OKR or as V2MOM"));
  return TRUE;
}

static const char *
unit_of_metric (SlMetric metric)
{
  switch (sl_metric_get_unit (metric))
    {
    case SL_METRIC_UNIT_MONEY:    return "money";
    case SL_METRIC_UNIT_PERCENT:  return "basis-points";
    case SL_METRIC_UNIT_DAYS:     return "days";
    case SL_METRIC_UNIT_COUNT:    return "count";
    case SL_METRIC_UNIT_MULTIPLE: return "basis-points";
    default:                      return NULL;
    }
}

static gboolean
check_key_result (const SlKeyResultSpec  *spec,
                  GError                **error)
{
  SlMetric metric;

  if (spec->metric == NULL || *spec->metric == '\0')
    return refuse (error, _("A key result needs the metric it measures"));
  if (spec->unit == NULL || !g_strv_contains (units, spec->unit))
    return refuse (error, _("A key result’s target is money, basis points, a count or days"));
  if (sl_metric_from_string (spec->metric, &metric) &&
      g_strcmp0 (unit_of_metric (metric), spec->unit) != 0)
    {
      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID,
                   /* Translators: %s is a metric, e.g. “Cost per lead (CPL)” */
                   _("The target of %s must be given in its own unit"),
                   sl_metric_get_label (metric));
      return FALSE;
    }
  if ((spec->first_day == SL_DAY_INVALID) != (spec->last_day == SL_DAY_INVALID) ||
      (spec->first_day != SL_DAY_INVALID && spec->last_day < spec->first_day))
    return refuse (error, _("A key result needs a period whose last day is not before its first"));
  return TRUE;
}

static JsonObject *
key_result_values (const SlKeyResultSpec *spec,
                   SlDay                  goal_first,
                   SlDay                  goal_last,
                   int                    position)
{
  JsonObject *values = json_object_new ();
  gboolean own = spec->first_day != SL_DAY_INVALID;

  json_object_set_string_member (values, "metric", spec->metric);
  json_object_set_int_member (values, "target", spec->target);
  json_object_set_string_member (values, "unit", spec->unit);
  json_object_set_int_member (values, "first_day", own ? spec->first_day : goal_first);
  json_object_set_int_member (values, "last_day", own ? spec->last_day : goal_last);
  json_object_set_int_member (values, "position", position);
  return values;
}

static JsonObject *
goal_values (SlWorkspace      *self,
             const SlGoalSpec *spec)
{
  JsonObject *values = json_object_new ();
  g_autofree char *objective = sl_collab_strip (spec->objective);
  gint64 now = g_get_real_time ();

  json_object_set_string_member (values, "objective", objective);
  json_object_set_string_member (values, "description", spec->description ? spec->description : "");
  json_object_set_string_member (values, "framework", spec->framework ? spec->framework : "okr");
  json_object_set_int_member (values, "first_day", spec->first_day);
  json_object_set_int_member (values, "last_day", spec->last_day);
  json_object_set_string_member (values, "author", sl_workspace_get_author (self));
  json_object_set_int_member (values, "created_at", now);
  json_object_set_int_member (values, "updated_at", now);
  return values;
}

gboolean
sl_workspace_create_goal (SlWorkspace            *self,
                          const SlGoalSpec       *spec,
                          const SlKeyResultSpec  *key_results,
                          guint                   n_key_results,
                          gint64                 *out_id,
                          GError                **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(SlCommand) goal = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!sl_collab_check_can_write (self, error) || !check_goal (spec, error))
    return FALSE;
  for (guint i = 0; i < n_key_results; i++)
    if (!check_key_result (&key_results[i], error))
      return FALSE;

  values = goal_values (self, spec);
  /* Translators: an undo label; %s is a goal's objective */
  label = g_strdup_printf (_("Add goal “%s”"), json_object_get_string_member (values, "objective"));
  group = sl_command_group_new (label);
  goal = sl_row_command_new_insert (label, "goal", values);
  sl_command_group_add (group, g_object_ref (goal));
  for (guint i = 0; i < n_key_results; i++)
    {
      g_autoptr(JsonObject) kr = key_result_values (&key_results[i], spec->first_day, spec->last_day, i);
      SlCommand *insert = sl_row_command_new_insert (label, "key_result", kr);

      sl_row_command_set_parent (SL_ROW_COMMAND (insert), SL_ROW_COMMAND (goal), "goal_id");
      sl_command_group_add (group, insert);
    }

  return sl_collab_run_insert (self, SL_COMMAND (g_steal_pointer (&group)), goal, out_id, error);
}

static SlGoal *
find_goal (SlWorkspace  *self,
           gint64        goal_id,
           GError      **error)
{
  SlGoal *goal = sl_goal_store_lookup (sl_workspace_get_goals (self), goal_id);

  if (goal == NULL)
    g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND,
                         _("The goal no longer exists"));
  return goal;
}

static void
add_set (SlCommandGroup *group,
         const char     *table,
         gint64          id,
         const char     *column,
         JsonNode       *value)
{
  g_autoptr(JsonNode) owned = value;

  sl_command_group_add (group, sl_set_field_command_new (sl_command_get_label (SL_COMMAND (group)),
                                                         table, id, column, owned));
}

static void
add_set_string (SlCommandGroup *group,
                const char     *table,
                gint64          id,
                const char     *column,
                const char     *old_value,
                const char     *value)
{
  if (g_strcmp0 (old_value, value) != 0)
    add_set (group, table, id, column, json_node_init_string (json_node_alloc (), value));
}

static void
add_set_int (SlCommandGroup *group,
             const char     *table,
             gint64          id,
             const char     *column,
             gint64          old_value,
             gint64          value)
{
  if (old_value != value)
    add_set (group, table, id, column, json_node_init_int (json_node_alloc (), value));
}

gboolean
sl_workspace_update_goal (SlWorkspace       *self,
                          gint64             goal_id,
                          const SlGoalSpec  *spec,
                          GError           **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *label = NULL;
  SlGoal *goal;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!sl_collab_check_can_write (self, error) || !check_goal (spec, error) ||
      (goal = find_goal (self, goal_id, error)) == NULL)
    return FALSE;

  objective = sl_collab_strip (spec->objective);
  /* Translators: an undo label; %s is a goal's objective */
  label = g_strdup_printf (_("Edit goal “%s”"), objective);
  group = sl_command_group_new (label);
  add_set_string (group, "goal", goal_id, "objective", sl_goal_get_objective (goal), objective);
  add_set_string (group, "goal", goal_id, "description", sl_goal_get_description (goal),
                  spec->description ? spec->description : "");
  add_set_string (group, "goal", goal_id, "framework", sl_goal_get_framework (goal),
                  spec->framework ? spec->framework : "okr");
  add_set_int (group, "goal", goal_id, "first_day", sl_goal_get_first_day (goal), spec->first_day);
  add_set_int (group, "goal", goal_id, "last_day", sl_goal_get_last_day (goal), spec->last_day);
  if (sl_command_group_get_n_commands (group) == 0)
    return TRUE;
  add_set_int (group, "goal", goal_id, "updated_at", 0, g_get_real_time ());
  return sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error);
}

/* Every row of @sql (one ?1: the goal) as a goal link undoing itself. */
static gboolean
add_unlinks (SlWorkspace     *self,
             SlCommandGroup  *group,
             SlGoalLink       link,
             const char      *sql,
             gint64           goal_id,
             GError         **error)
{
  SlDatabase *db = sl_workspace_get_database (self);
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, error);
  gboolean has_row, ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    sl_command_group_add (group, sl_goal_link_command_new (sl_command_get_label (SL_COMMAND (group)),
                                                           link, sqlite3_column_int64 (stmt, 0), 0));
  return ok;
}

gboolean
sl_workspace_delete_goal (SlWorkspace  *self,
                          gint64        goal_id,
                          GError      **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autofree char *label = NULL;
  g_autoptr(SlKeyResultStore) key_results = NULL;
  SlGoal *goal;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!sl_collab_check_can_write (self, error) || (goal = find_goal (self, goal_id, error)) == NULL)
    return FALSE;

  /* Translators: an undo label; %s is a goal's objective */
  label = g_strdup_printf (_("Delete goal “%s”"), sl_goal_get_objective (goal));
  group = sl_command_group_new (label);
  if (!add_unlinks (self, group, SL_GOAL_LINK_BUDGET_LINE, "SELECT id FROM budget_line WHERE goal_id = ?1", goal_id, error) ||
      !add_unlinks (self, group, SL_GOAL_LINK_PLAN, "SELECT id FROM realloc_plan WHERE goal_id = ?1", goal_id, error) ||
      !add_unlinks (self, group, SL_GOAL_LINK_ANNOTATION, "SELECT id FROM annotation WHERE goal_id = ?1", goal_id, error) ||
      !add_unlinks (self, group, SL_GOAL_LINK_KPI, "SELECT rowid FROM kpi WHERE goal_id = ?1", goal_id, error))
    return FALSE;

  key_results = sl_key_result_store_new (sl_workspace_get_database (self), goal_id);
  if (!sl_store_reload (SL_STORE (key_results), error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (key_results)); i++)
    {
      g_autoptr(SlRecord) kr = g_list_model_get_item (G_LIST_MODEL (key_results), i);

      sl_command_group_add (group, sl_row_command_new_delete (label, "key_result", sl_record_get_id (kr)));
    }
  sl_command_group_add (group, sl_row_command_new_delete (label, "goal", goal_id));
  return sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error);
}

static int
next_key_result_position (SlWorkspace *self,
                          gint64       goal_id)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_key_results (self));
  int position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlKeyResult) kr = g_list_model_get_item (model, i);

      if (sl_key_result_get_goal_id (kr) == goal_id)
        position = MAX (position, sl_key_result_get_position (kr) + 1);
    }
  return position;
}

gboolean
sl_workspace_add_key_result (SlWorkspace            *self,
                             gint64                  goal_id,
                             const SlKeyResultSpec  *spec,
                             gint64                 *out_id,
                             GError                **error)
{
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(SlCommand) insert = NULL;
  g_autofree char *label = NULL;
  SlGoal *goal;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!sl_collab_check_can_write (self, error) || !check_key_result (spec, error) ||
      (goal = find_goal (self, goal_id, error)) == NULL)
    return FALSE;

  values = key_result_values (spec, sl_goal_get_first_day (goal), sl_goal_get_last_day (goal),
                              next_key_result_position (self, goal_id));
  json_object_set_int_member (values, "goal_id", goal_id);
  /* Translators: an undo label; %s is a goal's objective */
  label = g_strdup_printf (_("Add a key result to “%s”"), sl_goal_get_objective (goal));
  insert = sl_row_command_new_insert (label, "key_result", values);
  return sl_collab_run_insert (self, g_object_ref (insert), insert, out_id, error);
}

static SlKeyResult *
find_key_result (SlWorkspace  *self,
                 gint64        id,
                 GError      **error)
{
  SlKeyResult *kr = sl_key_result_store_lookup (sl_workspace_get_key_results (self), id);

  if (kr == NULL)
    g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND,
                         _("The key result no longer exists"));
  return kr;
}

gboolean
sl_workspace_update_key_result (SlWorkspace            *self,
                                gint64                  key_result_id,
                                const SlKeyResultSpec  *spec,
                                GError                **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  SlKeyResult *kr;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!sl_collab_check_can_write (self, error) || !check_key_result (spec, error) ||
      (kr = find_key_result (self, key_result_id, error)) == NULL)
    return FALSE;

  /* Translators: an undo label */
  group = sl_command_group_new (_("Edit a key result"));
  add_set_string (group, "key_result", key_result_id, "metric", sl_key_result_get_metric (kr), spec->metric);
  add_set_int (group, "key_result", key_result_id, "target", sl_key_result_get_target (kr), spec->target);
  add_set_string (group, "key_result", key_result_id, "unit", sl_key_result_get_unit (kr), spec->unit);
  if (spec->first_day != SL_DAY_INVALID)
    {
      add_set_int (group, "key_result", key_result_id, "first_day", sl_key_result_get_first_day (kr), spec->first_day);
      add_set_int (group, "key_result", key_result_id, "last_day", sl_key_result_get_last_day (kr), spec->last_day);
    }
  if (sl_command_group_get_n_commands (group) == 0)
    return TRUE;
  return sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error);
}

gboolean
sl_workspace_remove_key_result (SlWorkspace  *self,
                                gint64        key_result_id,
                                GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!sl_collab_check_can_write (self, error) || find_key_result (self, key_result_id, error) == NULL)
    return FALSE;
  /* Translators: an undo label */
  return sl_workspace_run (self, sl_row_command_new_delete (_("Remove a key result"), "key_result", key_result_id),
                           error);
}

static const char *
link_label (gint64 goal_id)
{
  return goal_id != 0
         /* Translators: an undo label */
         ? _("Tie to a goal")
         /* Translators: an undo label */
         : _("Untie from its goal");
}

gboolean
sl_workspace_link_goal (SlWorkspace  *self,
                        SlGoalLink    link,
                        gint64        id,
                        gint64        goal_id,
                        GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (link != SL_GOAL_LINK_KPI, FALSE);

  if (!sl_collab_check_can_write (self, error) ||
      (goal_id != 0 && find_goal (self, goal_id, error) == NULL))
    return FALSE;
  return sl_workspace_run (self, sl_goal_link_command_new (link_label (goal_id), link, id, goal_id), error);
}

gboolean
sl_workspace_link_kpi_goal (SlWorkspace  *self,
                            const char   *metric,
                            gint64        goal_id,
                            GError      **error)
{
  SlKpi *kpi;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);

  if (!sl_collab_check_can_write (self, error) ||
      (goal_id != 0 && find_goal (self, goal_id, error) == NULL))
    return FALSE;
  kpi = sl_kpi_store_lookup (sl_workspace_get_kpis (self), metric);
  if (kpi == NULL)
    {
      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND,
                   /* Translators: %s is a metric key, e.g. “cac” */
                   _("“%s” is not on finance’s list of metrics"), metric);
      return FALSE;
    }
  return sl_workspace_run (self, sl_goal_link_command_new (link_label (goal_id), SL_GOAL_LINK_KPI,
                                                           sl_record_get_id (SL_RECORD (kpi)), goal_id),
                           error);
}
