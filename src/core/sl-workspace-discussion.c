/* sl-workspace-discussion.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: comments and decisions on shared items. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-command-group.h"
#include "sl-row-command.h"
#include "sl-set-field-command.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-private.h"
#include "sl-workspace-realloc.h"

static const char * const verdicts[] = {
  SL_VERDICT_APPROVE, SL_VERDICT_REJECT, SL_VERDICT_DEFER, SL_VERDICT_NOTE, NULL
};

static const struct
{
  const char *type;
  const char *table;
} targets[] = {
  { "goal", "goal" },
  { "annotation", "annotation" },
  { "plan", "realloc_plan" },
  { "request", "budget_request" },
};

SlCommentStore *
sl_workspace_dup_comments (SlWorkspace *self,
                           const char  *target)
{
  g_autoptr(SlCommentStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);

  store = sl_comment_store_new (sl_workspace_get_database (self), target);
  if (!sl_store_reload (SL_STORE (store), &error))
    g_warning ("Could not read the comments: %s", error->message);
  sl_workspace_track_store (self, SL_STORE (store));
  return g_steal_pointer (&store);
}

SlDecisionStore *
sl_workspace_dup_decisions (SlWorkspace *self,
                            const char  *target)
{
  g_autoptr(SlDecisionStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), NULL);

  store = sl_decision_store_new (sl_workspace_get_database (self), target);
  if (!sl_store_reload (SL_STORE (store), &error))
    g_warning ("Could not read the decisions: %s", error->message);
  sl_workspace_track_store (self, SL_STORE (store));
  return g_steal_pointer (&store);
}

/* The table and row of @target; FALSE with an error when it is none. */
static gboolean
resolve_target (SlWorkspace  *self,
                const char   *target,
                const char  **table,
                gint64       *id,
                GError      **error)
{
  g_autofree char *type = NULL;
  g_autofree char *uuid = NULL;

  if (sl_collab_parse_doc_id (target, &type, &uuid))
    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      if (g_str_equal (type, targets[i].type))
        {
          *table = targets[i].table;
          *id = sl_collab_find_uuid (sl_workspace_get_database (self), *table, uuid);
          if (*id != 0)
            return TRUE;
          break;
        }
  g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND,
               /* Translators: %s is a document id, e.g. “plan:1b4e…” */
               _("“%s” is not a goal, annotation, plan or request of this workspace"), target ? target : "");
  return FALSE;
}

gboolean
sl_workspace_add_comment (SlWorkspace  *self,
                          const char   *target,
                          const char   *body,
                          gint64       *out_id,
                          GError      **error)
{
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(SlCommand) insert = NULL;
  g_autofree char *text = sl_collab_strip (body);
  const char *table;
  gint64 id;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!sl_collab_check_can_write (self, error) || !resolve_target (self, target, &table, &id, error))
    return FALSE;
  if (text == NULL)
    {
      g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID, _("Write the comment first"));
      return FALSE;
    }

  values = json_object_new ();
  json_object_set_string_member (values, "target", target);
  json_object_set_string_member (values, "body", text);
  json_object_set_string_member (values, "author", sl_workspace_get_author (self));
  json_object_set_int_member (values, "created_at", g_get_real_time ());
  /* Translators: an undo label */
  insert = sl_row_command_new_insert (_("Comment"), "comment", values);
  return sl_collab_run_insert (self, g_object_ref (insert), insert, out_id, error);
}

/* What a verdict does to its target: a plan or request changes status. */
static gboolean
add_status_change (SlWorkspace     *self,
                   SlCommandGroup  *group,
                   const char      *table,
                   gint64           id,
                   const char      *verdict,
                   GError         **error)
{
  gboolean approve = g_str_equal (verdict, SL_VERDICT_APPROVE);
  const char *label = sl_command_get_label (SL_COMMAND (group));
  g_autoptr(JsonNode) status = NULL;
  SlCommand *command;

  if (g_str_equal (table, "realloc_plan"))
    {
      command = sl_workspace_new_plan_status_command (self, id, approve ? "approved" : "rejected", label, error);
      if (command == NULL)
        return FALSE;
      sl_command_group_add (group, command);
      return TRUE;
    }
  if (g_str_equal (table, "budget_request"))
    {
      g_autoptr(SlStatement) stmt = sl_database_prepare (sl_workspace_get_database (self),
                                                          "SELECT status FROM budget_request WHERE id = ?1", error);
      gboolean has_row = FALSE;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!sl_database_step_row (sl_workspace_get_database (self), stmt, &has_row, error))
        return FALSE;
      if (!has_row || g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "submitted") != 0)
        {
          g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION,
                               _("Only a submitted budget request can be approved or rejected"));
          return FALSE;
        }
      status = json_node_init_string (json_node_alloc (), approve ? "approved" : "rejected");
      sl_command_group_add (group, sl_set_field_command_new (label, "budget_request", id, "status", status));
    }
  return TRUE;
}

gboolean
sl_workspace_record_decision (SlWorkspace  *self,
                              const char   *target,
                              const char   *verdict,
                              const char   *note,
                              SlDay         meeting_day,
                              gint64       *out_id,
                              GError      **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(SlCommand) insert = NULL;
  gboolean binding;
  const char *table;
  gint64 id;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!sl_collab_check_can_write (self, error) || !resolve_target (self, target, &table, &id, error))
    return FALSE;
  if (verdict == NULL || !g_strv_contains (verdicts, verdict))
    {
      g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_INVALID,
                           _("A decision approves, rejects, defers or notes"));
      return FALSE;
    }
  binding = g_str_equal (verdict, SL_VERDICT_APPROVE) || g_str_equal (verdict, SL_VERDICT_REJECT);
  if (binding && !sl_collab_check_finance (self, g_str_equal (verdict, SL_VERDICT_APPROVE), error))
    return FALSE;

  values = json_object_new ();
  json_object_set_string_member (values, "target", target);
  json_object_set_string_member (values, "verdict", verdict);
  json_object_set_string_member (values, "note", note ? note : "");
  json_object_set_string_member (values, "author", sl_workspace_get_author (self));
  if (meeting_day != SL_DAY_INVALID)
    json_object_set_int_member (values, "meeting_day", meeting_day);
  json_object_set_int_member (values, "created_at", g_get_real_time ());

  /* Translators: an undo label */
  group = sl_command_group_new (_("Record a decision"));
  insert = sl_row_command_new_insert (_("Record a decision"), "decision", values);
  sl_command_group_add (group, g_object_ref (insert));
  if (binding && !add_status_change (self, group, table, id, verdict, error))
    return FALSE;
  return sl_collab_run_insert (self, SL_COMMAND (g_steal_pointer (&group)), insert, out_id, error);
}

gboolean
sl_workspace_edit_comment (SlWorkspace  *self,
                           gint64        comment_id,
                           const char   *body,
                           GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_IMMUTABLE,
                       _("A comment cannot be changed once written; add another comment instead"));
  return FALSE;
}

gboolean
sl_workspace_edit_decision (SlWorkspace  *self,
                            gint64        decision_id,
                            const char   *note,
                            GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_IMMUTABLE,
                       _("A decision cannot be changed once recorded; record a new decision instead"));
  return FALSE;
}

static gboolean
decide_plan (SlWorkspace  *self,
             gint64        plan_id,
             const char   *verdict,
             const char   *note,
             GError      **error)
{
  SlRecord *plan = SL_RECORD (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (self), plan_id));
  g_autofree char *target = NULL;

  if (plan == NULL)
    {
      g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND,
                           _("The reallocation plan no longer exists"));
      return FALSE;
    }
  target = sl_collab_doc_id ("plan", sl_record_get_uuid (plan));
  return sl_workspace_record_decision (self, target, verdict, note, SL_DAY_INVALID, NULL, error);
}

gboolean
sl_workspace_approve_realloc_plan (SlWorkspace  *self,
                                   gint64        plan_id,
                                   const char   *note,
                                   GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  return decide_plan (self, plan_id, SL_VERDICT_APPROVE, note, error);
}

gboolean
sl_workspace_reject_realloc_plan (SlWorkspace  *self,
                                  gint64        plan_id,
                                  const char   *note,
                                  GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  return decide_plan (self, plan_id, SL_VERDICT_REJECT, note, error);
}
