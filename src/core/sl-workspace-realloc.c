/* sl-workspace-realloc.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: reallocation plans, their lines, status and application. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-command-group.h"
#include "sl-realloc-apply-command.h"
#include "sl-row-command.h"
#include "sl-set-field-command.h"
#include "sl-workspace-private.h"
#include "sl-workspace-realloc-private.h"

SlReallocPlanStore *
sl_workspace_get_realloc_plans (SlWorkspace *self)
{
  return sl_workspace_ensure_store (self, SL_TYPE_REALLOC_PLAN_STORE);
}

SlReallocLineStore *
sl_workspace_get_realloc_lines (SlWorkspace *self)
{
  return sl_workspace_ensure_store (self, SL_TYPE_REALLOC_LINE_STORE);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, message);
}

static SlDay
month_start (SlWorkspace *self,
             SlDay        day)
{
  SlPeriod month;

  sl_period_init (&month, SL_PERIOD_MONTH, sl_workspace_get_calendar (self),
                  sl_workspace_get_fiscal_start_month (self), day);
  return month.first;
}

static gboolean
check_line (SlWorkspace              *self,
            const SlReallocLineSpec  *line,
            GError                  **error)
{
  SlChannelStore *channels = sl_workspace_get_channels (self);

  if (line->amount_minor <= 0)
    return refuse (error, _("A reallocation line moves an amount above zero"));
  if (line->from_channel_id == 0 && line->to_channel_id == 0)
    return refuse (error, _("A reallocation line moves money out of or into a channel, not from the reserve to itself"));
  if ((line->from_channel_id != 0 && sl_channel_store_lookup (channels, line->from_channel_id) == NULL) ||
      (line->to_channel_id != 0 && sl_channel_store_lookup (channels, line->to_channel_id) == NULL))
    return refuse (error, _("The channel no longer exists"));
  if (line->from_month == SL_DAY_INVALID || line->to_month == SL_DAY_INVALID)
    return refuse (error, _("A reallocation line says which months the money moves between"));
  if (line->from_channel_id == line->to_channel_id &&
      month_start (self, line->from_month) == month_start (self, line->to_month))
    return refuse (error, _("A reallocation line moves money somewhere else: choose another channel or month"));
  return TRUE;
}

static JsonObject *
line_values (SlWorkspace             *self,
             const SlReallocLineSpec *line,
             int                      position)
{
  JsonObject *values = json_object_new ();

  if (line->from_channel_id != 0)
    json_object_set_int_member (values, "from_channel_id", line->from_channel_id);
  else
    json_object_set_null_member (values, "from_channel_id");
  if (line->to_channel_id != 0)
    json_object_set_int_member (values, "to_channel_id", line->to_channel_id);
  else
    json_object_set_null_member (values, "to_channel_id");
  json_object_set_int_member (values, "from_first_day", month_start (self, line->from_month));
  json_object_set_int_member (values, "to_first_day", month_start (self, line->to_month));
  json_object_set_int_member (values, "amount_minor", line->amount_minor);
  json_object_set_int_member (values, "position", position);
  return values;
}

static JsonObject *
plan_values (SlWorkspace             *self,
             const SlReallocPlanSpec *spec)
{
  JsonObject *values = json_object_new ();
  g_autofree char *title = sl_collab_strip (spec->title);
  g_autofree char *group = sl_collab_strip (spec->scenario_group);
  gint64 now = g_get_real_time ();

  json_object_set_string_member (values, "title", title);
  json_object_set_string_member (values, "rationale", spec->rationale ? spec->rationale : "");
  if (group != NULL)
    json_object_set_string_member (values, "scenario_group", group);
  else
    json_object_set_null_member (values, "scenario_group");
  json_object_set_int_member (values, "reserve_draw_minor", spec->reserve_draw_minor);
  json_object_set_string_member (values, "currency", sl_workspace_get_currency (self));
  if (spec->goal_id != 0)
    json_object_set_int_member (values, "goal_id", spec->goal_id);
  json_object_set_string_member (values, "author", sl_workspace_get_author (self));
  json_object_set_int_member (values, "created_at", now);
  json_object_set_int_member (values, "updated_at", now);
  return values;
}

/* Adds to @group the inserts of a plan and its lines; returns the
 * plan's insert (transfer full). */
SlCommand *
sl_workspace_add_realloc_plan_inserts (SlWorkspace              *self,
                                       SlCommandGroup           *group,
                                       const char               *label,
                                       const SlReallocPlanSpec  *spec,
                                       const SlReallocLineSpec  *lines,
                                       guint                     n_lines)
{
  g_autoptr(JsonObject) values = plan_values (self, spec);
  SlCommand *plan = sl_row_command_new_insert (label, "realloc_plan", values);

  sl_command_group_add (group, g_object_ref (plan));
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(JsonObject) line = line_values (self, &lines[i], i);
      SlCommand *insert = sl_row_command_new_insert (label, "realloc_line", line);

      sl_row_command_set_parent (SL_ROW_COMMAND (insert), SL_ROW_COMMAND (plan), "plan_id");
      sl_command_group_add (group, insert);
    }
  return plan;
}

gboolean
sl_workspace_add_realloc_plan_commands (SlWorkspace              *self,
                                        SlCommandGroup           *group,
                                        const SlReallocPlanSpec  *spec,
                                        const SlReallocLineSpec  *lines,
                                        guint                     n_lines,
                                        SlCommand               **out_insert,
                                        GError                  **error)
{
  g_autofree char *title = NULL;
  const char *label = sl_command_get_label (SL_COMMAND (group));
  SlCommand *plan;

  if ((title = sl_collab_strip (spec->title)) == NULL)
    return refuse (error, _("A reallocation plan needs a title"));
  for (guint i = 0; i < n_lines; i++)
    if (!check_line (self, &lines[i], error))
      return FALSE;

  plan = sl_workspace_add_realloc_plan_inserts (self, group, label, spec, lines, n_lines);
  if (out_insert != NULL)
    *out_insert = plan;
  else
    g_object_unref (plan);
  return TRUE;
}

gboolean
sl_workspace_create_realloc_plan (SlWorkspace              *self,
                                  const SlReallocPlanSpec  *spec,
                                  const SlReallocLineSpec  *lines,
                                  guint                     n_lines,
                                  gint64                   *out_id,
                                  GError                  **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autoptr(SlCommand) plan = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if (!sl_collab_check_can_write (self, error))
    return FALSE;
  title = sl_collab_strip (spec->title);
  /* Translators: an undo label; %s is a plan's title */
  label = g_strdup_printf (_("Add plan “%s”"), title != NULL ? title : "");
  group = sl_command_group_new (label);
  if (!sl_workspace_add_realloc_plan_commands (self, group, spec, lines, n_lines, &plan, error))
    return FALSE;
  return sl_collab_run_insert (self, SL_COMMAND (g_steal_pointer (&group)), plan, out_id, error);
}

SlReallocPlan *
sl_workspace_find_realloc_plan (SlWorkspace  *self,
                                gint64        plan_id,
                                GError      **error)
{
  SlReallocPlan *plan = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (self), plan_id);

  if (plan == NULL)
    g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND,
                         _("The reallocation plan no longer exists"));
  return plan;
}

/* The plan, if the current user may change its lines. */
SlReallocPlan *
sl_workspace_find_realloc_draft (SlWorkspace  *self,
                                 gint64        plan_id,
                                 GError      **error)
{
  SlReallocPlan *plan;

  if (!sl_collab_check_can_write (self, error) ||
      (plan = sl_workspace_find_realloc_plan (self, plan_id, error)) == NULL)
    return NULL;
  if (g_strcmp0 (sl_realloc_plan_get_status (plan), SL_REALLOC_DRAFT) != 0)
    {
      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION,
                   /* Translators: %s is a plan status, e.g. “Proposed” */
                   _("The plan is %s: withdraw it to a draft before changing it"),
                   sl_realloc_plan_get_status_label (plan));
      return NULL;
    }
  return plan;
}

static int
next_line_position (SlWorkspace *self,
                    gint64       plan_id)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_realloc_lines (self));
  int position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlReallocLine) line = g_list_model_get_item (model, i);

      if (sl_realloc_line_get_plan_id (line) == plan_id)
        position = MAX (position, sl_realloc_line_get_position (line) + 1);
    }
  return position;
}

gboolean
sl_workspace_add_realloc_line (SlWorkspace              *self,
                               gint64                    plan_id,
                               const SlReallocLineSpec  *line,
                               GError                  **error)
{
  g_autoptr(JsonObject) values = NULL;
  SlReallocPlan *plan;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  if ((plan = sl_workspace_find_realloc_draft (self, plan_id, error)) == NULL || !check_line (self, line, error))
    return FALSE;
  values = line_values (self, line, next_line_position (self, plan_id));
  json_object_set_int_member (values, "plan_id", plan_id);
  /* Translators: an undo label */
  return sl_workspace_run (self, sl_row_command_new_insert (_("Add a reallocation line"), "realloc_line", values),
                           error);
}

gboolean
sl_workspace_remove_realloc_line (SlWorkspace  *self,
                                  gint64        line_id,
                                  GError      **error)
{
  SlReallocLine *line = sl_realloc_line_store_lookup (sl_workspace_get_realloc_lines (self), line_id);

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (line == NULL)
    return refuse (error, _("The reallocation line no longer exists"));
  if (sl_workspace_find_realloc_draft (self, sl_realloc_line_get_plan_id (line), error) == NULL)
    return FALSE;
  /* Translators: an undo label */
  return sl_workspace_run (self, sl_row_command_new_delete (_("Remove a reallocation line"), "realloc_line", line_id),
                           error);
}

static SlCommand *
set_command (const char *label,
             gint64      plan_id,
             const char *column,
             JsonNode   *value)
{
  g_autoptr(JsonNode) owned = value;

  return sl_set_field_command_new (label, "realloc_plan", plan_id, column, owned);
}

gboolean
sl_workspace_set_realloc_reserve_draw (SlWorkspace  *self,
                                       gint64        plan_id,
                                       gint64        draw_minor,
                                       GError      **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  SlReallocPlan *plan;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if ((plan = sl_workspace_find_realloc_draft (self, plan_id, error)) == NULL)
    return FALSE;
  if (sl_realloc_plan_get_reserve_draw_minor (plan) == draw_minor)
    return TRUE;
  /* Translators: an undo label */
  group = sl_command_group_new (_("Change the reserve draw"));
  sl_command_group_add (group, set_command (_("Change the reserve draw"), plan_id, "reserve_draw_minor",
                                            json_node_init_int (json_node_alloc (), draw_minor)));
  sl_command_group_add (group, set_command (_("Change the reserve draw"), plan_id, "updated_at",
                                            json_node_init_int (json_node_alloc (), g_get_real_time ())));
  return sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error);
}

gboolean
sl_workspace_get_realloc_balance (SlWorkspace       *self,
                                  gint64             plan_id,
                                  SlReallocBalance  *out,
                                  GError           **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  return sl_realloc_balance_compute (sl_workspace_get_database (self), plan_id,
                                     sl_workspace_get_calendar (self),
                                     sl_workspace_get_fiscal_start_month (self), out, error);
}

static gboolean
check_balance (SlWorkspace  *self,
               gint64        plan_id,
               GError      **error)
{
  SlReallocBalance balance;

  return sl_workspace_get_realloc_balance (self, plan_id, &balance, error) &&
         sl_realloc_balance_check (&balance, sl_workspace_get_currency (self), error);
}

static gboolean
check_transition (SlReallocPlan  *plan,
                  const char     *status,
                  GError        **error)
{
  if (sl_realloc_status_can_move (sl_realloc_plan_get_status (plan), status))
    return TRUE;
  g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION,
               /* Translators: both are plan statuses, e.g. “Draft” and “Approved” */
               _("A plan that is %s cannot become %s; plans go from draft to proposed, then "
                 "approved or rejected, and only approved plans are applied"),
               sl_realloc_plan_get_status_label (plan), sl_realloc_status_get_label (status));
  return FALSE;
}

SlCommand *
sl_workspace_new_plan_status_command (SlWorkspace  *self,
                                      gint64        plan_id,
                                      const char   *status,
                                      const char   *label,
                                      GError      **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  SlReallocPlan *plan;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);

  if ((plan = sl_workspace_find_realloc_plan (self, plan_id, error)) == NULL ||
      !check_transition (plan, status, error))
    return NULL;
  if ((g_str_equal (status, SL_REALLOC_PROPOSED) || g_str_equal (status, SL_REALLOC_APPROVED)) &&
      !check_balance (self, plan_id, error))
    return NULL;

  group = sl_command_group_new (label);
  sl_command_group_add (group, set_command (label, plan_id, "status",
                                            json_node_init_string (json_node_alloc (), status)));
  sl_command_group_add (group, set_command (label, plan_id, "updated_at",
                                            json_node_init_int (json_node_alloc (), g_get_real_time ())));
  return SL_COMMAND (g_steal_pointer (&group));
}

static gboolean
move_plan (SlWorkspace  *self,
           gint64        plan_id,
           const char   *status,
           const char   *label,
           GError      **error)
{
  SlCommand *command;

  if (!sl_collab_check_can_write (self, error))
    return FALSE;
  command = sl_workspace_new_plan_status_command (self, plan_id, status, label, error);
  return command != NULL && sl_workspace_run (self, command, error);
}

gboolean
sl_workspace_propose_realloc_plan (SlWorkspace  *self,
                                   gint64        plan_id,
                                   GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  /* Translators: an undo label */
  return move_plan (self, plan_id, SL_REALLOC_PROPOSED, _("Propose the plan to finance"), error);
}

gboolean
sl_workspace_withdraw_realloc_plan (SlWorkspace  *self,
                                    gint64        plan_id,
                                    GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  /* Translators: an undo label */
  return move_plan (self, plan_id, SL_REALLOC_DRAFT, _("Take the plan back to a draft"), error);
}

gboolean
sl_workspace_apply_realloc_plan (SlWorkspace  *self,
                                 gint64        plan_id,
                                 GError      **error)
{
  g_autofree char *label = NULL;
  SlReallocPlan *plan;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!sl_collab_check_can_write (self, error) ||
      (plan = sl_workspace_find_realloc_plan (self, plan_id, error)) == NULL ||
      !check_transition (plan, SL_REALLOC_APPLIED, error) || !check_balance (self, plan_id, error))
    return FALSE;
  /* Translators: an undo label; %s is a plan's title */
  label = g_strdup_printf (_("Apply plan “%s”"), sl_realloc_plan_get_title (plan));
  return sl_workspace_run (self, sl_realloc_apply_command_new (label, plan_id, sl_workspace_get_calendar (self)),
                           error);
}

gboolean
sl_workspace_delete_realloc_plan (SlWorkspace  *self,
                                  gint64        plan_id,
                                  GError      **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autofree char *label = NULL;
  GListModel *lines = G_LIST_MODEL (sl_workspace_get_realloc_lines (self));
  g_autoptr(GError) local_error = NULL;
  SlReallocPlan *plan;
  const char *status;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!sl_collab_check_can_write (self, error) ||
      (plan = sl_workspace_find_realloc_plan (self, plan_id, error)) == NULL)
    return FALSE;
  status = sl_realloc_plan_get_status (plan);
  if (g_strcmp0 (status, SL_REALLOC_DRAFT) != 0 && g_strcmp0 (status, SL_REALLOC_REJECTED) != 0)
    return refuse (error, _("Only a draft or a rejected plan can be deleted; what finance saw stays on record"));

  /* Translators: an undo label; %s is a plan's title */
  label = g_strdup_printf (_("Delete plan “%s”"), sl_realloc_plan_get_title (plan));
  group = sl_command_group_new (label);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlReallocLine) line = g_list_model_get_item (lines, i);

      if (sl_realloc_line_get_plan_id (line) == plan_id)
        sl_command_group_add (group, sl_row_command_new_delete (label, "realloc_line",
                                                                sl_record_get_id (SL_RECORD (line))));
    }
  sl_command_group_add (group, sl_row_command_new_delete (label, "realloc_plan", plan_id));
  if (sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), &local_error))
    return TRUE;
  if (g_error_matches (local_error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT))
    return refuse (error, _("A loss links this plan: change the loss to link another plan first"));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
