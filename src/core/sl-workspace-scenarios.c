/* sl-workspace-scenarios.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: a draft plan's words, and plans duplicated as scenarios. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-command-group.h"
#include "sl-set-field-command.h"
#include "sl-workspace-realloc-private.h"

/* Sets @column of plan @plan_id to @text in @group when it differs from
 * @current; returns whether it did. */
static gboolean
add_text_change (SlCommandGroup *group,
                 const char     *label,
                 gint64          plan_id,
                 const char     *column,
                 const char     *current,
                 const char     *text)
{
  g_autoptr(JsonNode) value = NULL;

  if (text == NULL || g_strcmp0 (current, text) == 0)
    return FALSE;
  value = json_node_init_string (json_node_alloc (), text);
  sl_command_group_add (group, sl_set_field_command_new (label, "realloc_plan", plan_id, column, value));
  return TRUE;
}

gboolean
sl_workspace_update_realloc_plan (SlWorkspace  *self,
                                  gint64        plan_id,
                                  const char   *title,
                                  const char   *rationale,
                                  GError      **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autoptr(JsonNode) now = NULL;
  g_autofree char *stripped = NULL;
  SlReallocPlan *plan;
  gboolean changed;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if ((plan = sl_workspace_find_realloc_draft (self, plan_id, error)) == NULL)
    return FALSE;
  if (title != NULL && (stripped = sl_collab_strip (title)) == NULL)
    return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, _("A reallocation plan needs a title"));

  /* Translators: an undo label */
  group = sl_command_group_new (_("Change the plan"));
  changed = add_text_change (group, _("Change the plan"), plan_id, "title",
                             sl_realloc_plan_get_title (plan), stripped);
  changed |= add_text_change (group, _("Change the plan"), plan_id, "rationale",
                              sl_realloc_plan_get_rationale (plan), rationale);
  if (!changed)
    return TRUE;
  now = json_node_init_int (json_node_alloc (), g_get_real_time ());
  sl_command_group_add (group, sl_set_field_command_new (_("Change the plan"), "realloc_plan", plan_id,
                                                         "updated_at", now));
  return sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error);
}

/* The lines of plan @plan_id, in order, as specs. */
static GArray *
dup_line_specs (SlWorkspace *self,
                gint64       plan_id)
{
  GListModel *lines = G_LIST_MODEL (sl_workspace_get_realloc_lines (self));
  GArray *specs = g_array_new (FALSE, TRUE, sizeof (SlReallocLineSpec));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlReallocLine) line = g_list_model_get_item (lines, i);
      SlReallocLineSpec spec = {
        sl_realloc_line_get_from_channel_id (line), sl_realloc_line_get_from_first_day (line),
        sl_realloc_line_get_to_channel_id (line), sl_realloc_line_get_to_first_day (line),
        sl_realloc_line_get_amount_minor (line),
      };

      if (sl_realloc_line_get_plan_id (line) == plan_id)
        g_array_append_val (specs, spec);
    }
  return specs;
}

gboolean
sl_workspace_duplicate_realloc_plan (SlWorkspace  *self,
                                     gint64        plan_id,
                                     const char   *title,
                                     gint64       *out_id,
                                     GError      **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autoptr(SlCommand) insert = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *stripped = sl_collab_strip (title);
  g_autofree char *label = NULL;
  g_autofree char *scenario = NULL;
  SlReallocPlanSpec spec;
  SlReallocPlan *plan;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!sl_collab_check_can_write (self, error) ||
      (plan = sl_workspace_find_realloc_plan (self, plan_id, error)) == NULL)
    return FALSE;
  if (stripped == NULL)
    return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, _("A reallocation plan needs a title"));

  /* Translators: an undo label; %s is a plan's title */
  label = g_strdup_printf (_("Add plan “%s”"), stripped);
  group = sl_command_group_new (label);
  /* A plan outside any group starts one, named after it. */
  scenario = g_strdup (sl_realloc_plan_get_scenario_group (plan));
  if (scenario == NULL)
    {
      scenario = g_strdup (sl_realloc_plan_get_title (plan));
      add_text_change (group, label, plan_id, "scenario_group", NULL, scenario);
    }
  spec = (SlReallocPlanSpec) {
    stripped, sl_realloc_plan_get_rationale (plan), scenario,
    sl_realloc_plan_get_goal_id (plan), sl_realloc_plan_get_reserve_draw_minor (plan),
  };
  lines = dup_line_specs (self, plan_id);
  insert = sl_workspace_add_realloc_plan_inserts (self, group, label, &spec, (SlReallocLineSpec *)lines->data,
                                                  lines->len);
  return sl_collab_run_insert (self, SL_COMMAND (g_steal_pointer (&group)), insert, out_id, error);
}
