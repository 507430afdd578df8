/* sl-workspace-annotations.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: annotations and the rules they keep. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-command-group.h"
#include "sl-row-command.h"
#include "sl-set-field-command.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-private.h"

static const char * const kinds[] = {
  SL_ANNOTATION_WIN, SL_ANNOTATION_LOSS, SL_ANNOTATION_EXPERIMENT, SL_ANNOTATION_NOTE,
  SL_ANNOTATION_UNEXPECTED_EXPENSE, NULL
};

SlAnnotationStore *
sl_workspace_get_annotations (SlWorkspace *self)
{
  return sl_workspace_ensure_store (self, SL_TYPE_ANNOTATION_STORE);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, message);
}

static gboolean
has_text (const char *text)
{
  g_autofree char *stripped = sl_collab_strip (text);

  return stripped != NULL;
}

static gint64
query_id (SlWorkspace *self,
          const char  *sql,
          gint64       id)
{
  SlDatabase *db = sl_workspace_get_database (self);
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  stmt = sl_database_prepare (db, sql, &error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sl_database_step_row (db, stmt, &has_row, &error) || !has_row)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* @new_plan_lines: the lines of a plan written in the same edit, or -1
 * when the loss links a plan already written. */
static gboolean
check_loss (SlWorkspace             *self,
            const SlAnnotationSpec  *spec,
            int                      new_plan_lines,
            GError                 **error)
{
  if (new_plan_lines >= 0)
    {
      if (new_plan_lines < 1)
        return refuse (error, _("The plan this loss links moves no money yet: add at least one reallocation line"));
    }
  else if (spec->plan_id == 0)
    return refuse (error, _("A loss is shared with a plan: link the reallocation plan that answers it"));
  else if (query_id (self, "SELECT count(*) FROM realloc_plan WHERE id = ?1", spec->plan_id) != 1)
    return refuse (error, _("The reallocation plan this loss links no longer exists"));
  else if (query_id (self, "SELECT count(*) FROM realloc_line WHERE plan_id = ?1", spec->plan_id) < 1)
    return refuse (error, _("The plan this loss links moves no money yet: add at least one reallocation line"));
  if (!has_text (spec->next_steps))
    return refuse (error, _("A loss is shared with its next steps: write what happens now"));
  return TRUE;
}

static gboolean
check_experiment (SlWorkspace             *self,
                  const SlAnnotationSpec  *spec,
                  GError                 **error)
{
  if (!has_text (spec->hypothesis))
    return refuse (error, _("An experiment states its hypothesis up front"));
  if (!has_text (spec->expected_outcome))
    return refuse (error, _("An experiment states the outcome it expects up front"));
  if (spec->goal_id == 0)
    return refuse (error, _("An experiment serves a goal finance cares about: choose one"));
  return TRUE;
}

static gboolean
check_scope (SlWorkspace             *self,
             const SlAnnotationSpec  *spec,
             GError                 **error)
{
  if (spec->first_day == SL_DAY_INVALID || spec->last_day < spec->first_day)
    return refuse (error, _("An annotation needs a period whose last day is not before its first"));
  if (spec->channel_id != 0 &&
      query_id (self, "SELECT count(*) FROM channel WHERE id = ?1", spec->channel_id) != 1)
    return refuse (error, _("The channel no longer exists"));
  if (spec->campaign_id != 0 &&
      query_id (self, "SELECT channel_id FROM campaign WHERE id = ?1", spec->campaign_id) != spec->channel_id)
    return refuse (error, _("The campaign is not one of the annotation’s channel"));
  if (spec->goal_id != 0 && query_id (self, "SELECT count(*) FROM goal WHERE id = ?1", spec->goal_id) != 1)
    return refuse (error, _("The goal no longer exists"));
  return TRUE;
}

static gboolean
check_spec (SlWorkspace             *self,
            const SlAnnotationSpec  *spec,
            int                      new_plan_lines,
            GError                 **error)
{
  if (spec->kind == NULL || !g_strv_contains (kinds, spec->kind))
    return refuse (error, _("An annotation is a win, a loss, an experiment, a note or an unexpected expense"));
  if (!has_text (spec->title))
    return refuse (error, _("An annotation needs a title"));
  if (!check_scope (self, spec, error))
    return FALSE;
  if (g_str_equal (spec->kind, SL_ANNOTATION_LOSS))
    return check_loss (self, spec, new_plan_lines, error);
  if (g_str_equal (spec->kind, SL_ANNOTATION_EXPERIMENT))
    return check_experiment (self, spec, error);
  if (g_str_equal (spec->kind, SL_ANNOTATION_UNEXPECTED_EXPENSE) &&
      (spec->amount == NULL || spec->amount->minor <= 0))
    return refuse (error, _("An unexpected expense states its amount"));
  return TRUE;
}

static void
set_text (JsonObject *values,
          const char *column,
          const char *text,
          gboolean    nullable)
{
  g_autofree char *stripped = sl_collab_strip (text);

  if (stripped != NULL)
    json_object_set_string_member (values, column, stripped);
  else if (nullable)
    json_object_set_null_member (values, column);
  else
    json_object_set_string_member (values, column, "");
}

static void
set_id (JsonObject *values,
        const char *column,
        gint64      id)
{
  if (id > 0)
    json_object_set_int_member (values, column, id);
  else
    json_object_set_null_member (values, column);
}

/* The columns an edit may change, as @spec has them. */
static JsonObject *
editable_values (const SlAnnotationSpec *spec)
{
  JsonObject *values = json_object_new ();

  set_text (values, "title", spec->title, FALSE);
  set_text (values, "body", spec->body, FALSE);
  set_id (values, "goal_id", spec->goal_id);
  set_id (values, "plan_id", spec->plan_id);
  set_text (values, "next_steps", spec->next_steps, FALSE);
  set_text (values, "hypothesis", spec->hypothesis, TRUE);
  set_text (values, "expected_outcome", spec->expected_outcome, TRUE);
  set_text (values, "actual_outcome", spec->actual_outcome, TRUE);
  if (spec->amount != NULL)
    {
      json_object_set_int_member (values, "amount_minor", spec->amount->minor);
      json_object_set_string_member (values, "currency", spec->amount->currency);
    }
  else
    {
      json_object_set_null_member (values, "amount_minor");
      json_object_set_null_member (values, "currency");
    }
  return values;
}

static char *
take_snapshot (SlWorkspace             *self,
               const SlAnnotationSpec  *spec,
               GError                 **error)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (self));
  SlPeriod period;
  SlScope scope = spec->campaign_id != 0 ? SL_SCOPE_INIT_CAMPAIGN (spec->campaign_id)
                : spec->channel_id != 0 ? SL_SCOPE_INIT_CHANNEL (spec->channel_id)
                : SL_SCOPE_INIT_WORKSPACE;

  if (!sl_period_init_custom (&period, sl_workspace_get_calendar (self), spec->first_day,
                              spec->last_day, error))
    return NULL;
  return sl_annotation_snapshot_take (metrics, &period, &scope, error);
}

/* The insert of a new annotation by the workspace's user, with the
 * snapshot of its scope and period taken now; NULL when it is refused. */
static SlCommand *
new_annotation_insert (SlWorkspace             *self,
                       const SlAnnotationSpec  *spec,
                       int                      new_plan_lines,
                       GError                 **error)
{
  g_autoptr(JsonObject) values = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *label = NULL;
  gint64 now = g_get_real_time ();

  if (!sl_collab_check_can_write (self, error) || !check_spec (self, spec, new_plan_lines, error))
    return NULL;
  snapshot = take_snapshot (self, spec, error);
  if (snapshot == NULL)
    return NULL;

  values = editable_values (spec);
  json_object_set_string_member (values, "kind", spec->kind);
  set_id (values, "channel_id", spec->channel_id);
  set_id (values, "campaign_id", spec->campaign_id);
  json_object_set_int_member (values, "first_day", spec->first_day);
  json_object_set_int_member (values, "last_day", spec->last_day);
  json_object_set_string_member (values, "snapshot", snapshot);
  json_object_set_string_member (values, "author", sl_workspace_get_author (self));
  json_object_set_int_member (values, "created_at", now);
  json_object_set_int_member (values, "updated_at", now);

  /* Translators: an undo label; %s is an annotation's title */
  label = g_strdup_printf (_("Share “%s”"), json_object_get_string_member (values, "title"));
  return sl_row_command_new_insert (label, "annotation", values);
}

gboolean
sl_workspace_create_annotation (SlWorkspace             *self,
                                const SlAnnotationSpec  *spec,
                                gint64                  *out_id,
                                GError                 **error)
{
  g_autoptr(SlCommand) insert = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if ((insert = new_annotation_insert (self, spec, -1, error)) == NULL)
    return FALSE;
  return sl_collab_run_insert (self, g_object_ref (insert), insert, out_id, error);
}

gboolean
sl_workspace_create_loss (SlWorkspace              *self,
                          const SlAnnotationSpec   *spec,
                          const SlReallocPlanSpec  *plan,
                          const SlReallocLineSpec  *lines,
                          guint                     n_lines,
                          gint64                   *out_id,
                          gint64                   *out_plan_id,
                          GError                  **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autoptr(SlCommand) plan_insert = NULL;
  g_autoptr(SlCommand) insert = NULL;
  SlAnnotationSpec loss;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL && plan != NULL, FALSE);
  g_return_val_if_fail (n_lines == 0 || lines != NULL, FALSE);

  loss = *spec;
  loss.kind = SL_ANNOTATION_LOSS;
  loss.plan_id = 0;
  if ((insert = new_annotation_insert (self, &loss, (int)MIN (n_lines, G_MAXINT), error)) == NULL)
    return FALSE;
  group = sl_command_group_new (sl_command_get_label (insert));
  if (!sl_workspace_add_realloc_plan_commands (self, group, plan, lines, n_lines, &plan_insert, error))
    return FALSE;
  sl_row_command_set_parent (SL_ROW_COMMAND (insert), SL_ROW_COMMAND (plan_insert), "plan_id");
  sl_command_group_add (group, g_object_ref (insert));
  if (!sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sl_row_command_get_id (SL_ROW_COMMAND (insert));
  if (out_plan_id != NULL)
    *out_plan_id = sl_row_command_get_id (SL_ROW_COMMAND (plan_insert));
  return TRUE;
}

/* The annotation, if the current user may change it. */
static SlAnnotation *
find_own_annotation (SlWorkspace  *self,
                     gint64        id,
                     GError      **error)
{
  SlAnnotation *annotation = sl_annotation_store_lookup (sl_workspace_get_annotations (self), id);

  if (!sl_collab_check_can_write (self, error))
    return NULL;
  if (annotation == NULL)
    {
      g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_FOUND,
                           _("The annotation no longer exists"));
      return NULL;
    }
  if (sl_annotation_get_read_only (annotation))
    {
      g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_IMMUTABLE,
                           _("This annotation comes from a newer version of Sunlight and can only be read"));
      return NULL;
    }
  if (g_strcmp0 (sl_annotation_get_author (annotation), sl_workspace_get_author (self)) != 0)
    {
      g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_NOT_ALLOWED,
                   /* Translators: %s is a person's name; answer with a comment instead */
                   _("Only %s, who wrote this annotation, can change it; add a comment instead"),
                   sl_annotation_get_author (annotation));
      return NULL;
    }
  return annotation;
}

void
sl_annotation_spec_init_from (SlAnnotationSpec *spec,
                              SlAnnotation     *annotation,
                              SlMoney          *amount_storage)
{
  g_return_if_fail (SL_IS_ANNOTATION (annotation));

  *spec = (SlAnnotationSpec) {
    .kind = sl_annotation_get_kind (annotation),
    .title = sl_annotation_get_title (annotation),
    .body = sl_annotation_get_body (annotation),
    .channel_id = sl_annotation_get_channel_id (annotation),
    .campaign_id = sl_annotation_get_campaign_id (annotation),
    .first_day = sl_annotation_get_first_day (annotation),
    .last_day = sl_annotation_get_last_day (annotation),
    .goal_id = sl_annotation_get_goal_id (annotation),
    .plan_id = sl_annotation_get_plan_id (annotation),
    .next_steps = sl_annotation_get_next_steps (annotation),
    .hypothesis = sl_annotation_get_hypothesis (annotation),
    .expected_outcome = sl_annotation_get_expected_outcome (annotation),
    .actual_outcome = sl_annotation_get_actual_outcome (annotation),
  };
  if (sl_annotation_get_currency (annotation) != NULL)
    {
      sl_money_init (amount_storage, sl_annotation_get_amount_minor (annotation),
                     sl_annotation_get_currency (annotation));
      spec->amount = amount_storage;
    }
}

static gboolean
same_frame (const SlAnnotationSpec *a,
            const SlAnnotationSpec *b)
{
  return g_strcmp0 (a->kind, b->kind) == 0 && a->channel_id == b->channel_id &&
         a->campaign_id == b->campaign_id && a->first_day == b->first_day && a->last_day == b->last_day;
}

gboolean
sl_workspace_update_annotation (SlWorkspace             *self,
                                gint64                   annotation_id,
                                const SlAnnotationSpec  *spec,
                                GError                 **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(JsonNode) now = NULL;
  g_autofree char *label = NULL;
  SlAnnotationSpec current;
  SlAnnotation *annotation;
  SlMoney amount;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  if ((annotation = find_own_annotation (self, annotation_id, error)) == NULL)
    return FALSE;
  sl_annotation_spec_init_from (&current, annotation, &amount);
  if (!same_frame (&current, spec))
    return refuse (error, _("An annotation’s kind, channel and period are fixed once shared, with the "
                            "figures it cites; share a new one instead"));
  if (!check_spec (self, spec, -1, error))
    return FALSE;

  /* Translators: an undo label; %s is an annotation's title */
  label = g_strdup_printf (_("Edit “%s”"), sl_annotation_get_title (annotation));
  group = sl_command_group_new (label);
  before = editable_values (&current);
  after = editable_values (spec);
  members = json_object_get_members (after);
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_node_equal (json_object_get_member (before, l->data), json_object_get_member (after, l->data)))
      sl_command_group_add (group, sl_set_field_command_new (label, "annotation", annotation_id, l->data,
                                                             json_object_get_member (after, l->data)));
  if (sl_command_group_get_n_commands (group) == 0)
    return TRUE;
  now = json_node_init_int (json_node_alloc (), g_get_real_time ());
  sl_command_group_add (group, sl_set_field_command_new (label, "annotation", annotation_id, "updated_at", now));
  return sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error);
}

gboolean
sl_workspace_record_outcome (SlWorkspace  *self,
                             gint64        annotation_id,
                             const char   *actual_outcome,
                             GError      **error)
{
  SlAnnotation *annotation;
  SlAnnotationSpec spec;
  SlMoney amount;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if ((annotation = find_own_annotation (self, annotation_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (sl_annotation_get_kind (annotation), SL_ANNOTATION_EXPERIMENT) != 0)
    return refuse (error, _("Only an experiment has an actual outcome to record"));
  if (!has_text (actual_outcome))
    return refuse (error, _("Write the outcome the experiment actually had"));
  sl_annotation_spec_init_from (&spec, annotation, &amount);
  spec.actual_outcome = actual_outcome;
  return sl_workspace_update_annotation (self, annotation_id, &spec, error);
}

gboolean
sl_workspace_delete_annotation (SlWorkspace  *self,
                                gint64        annotation_id,
                                GError      **error)
{
  g_autofree char *label = NULL;
  SlAnnotation *annotation;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if ((annotation = find_own_annotation (self, annotation_id, error)) == NULL)
    return FALSE;
  /* Translators: an undo label; %s is an annotation's title */
  label = g_strdup_printf (_("Delete “%s”"), sl_annotation_get_title (annotation));
  return sl_workspace_run (self, sl_row_command_new_delete (label, "annotation", annotation_id), error);
}
