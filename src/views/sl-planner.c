/* sl-planner.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-collab.h"
#include "sl-planner-private.h"
#include "sl-view-text.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-realloc.h"

G_DEFINE_FINAL_TYPE (SlPlanner, sl_planner, ADW_TYPE_BIN)

enum {
  SIGNAL_BACK,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

SlReallocPlan *
sl_planner_get_plan (SlPlanner *self)
{
  if (self->workspace == NULL || self->plan_id == 0)
    return NULL;
  return sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (self->workspace), self->plan_id);
}

gboolean
sl_planner_is_editable (SlPlanner *self)
{
  SlReallocPlan *plan = sl_planner_get_plan (self);

  return plan != NULL && g_strcmp0 (sl_realloc_plan_get_status (plan), SL_REALLOC_DRAFT) == 0 &&
         sl_workspace_get_user_role (self->workspace) != SL_USER_ROLE_VIEWER;
}

SlDay
sl_planner_get_as_of (SlPlanner *self)
{
  SlDay last;

  if (self->as_of != SL_DAY_INVALID)
    return self->as_of;
  last = self->workspace != NULL ? sl_workspace_get_last_actual_day (self->workspace) : SL_DAY_INVALID;
  return last != SL_DAY_INVALID ? last + 1 : sl_day_today ();
}

/* The goals to choose from, "No goal" first. */
static void
fill_goals (SlPlanner     *self,
            SlReallocPlan *plan)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = sl_view_fill_goal_names (self->workspace, _("No goal"), sl_realloc_plan_get_goal_id (plan),
                                            names, self->goal_ids);

  adw_combo_row_set_model (self->goal_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->goal_row, selected);
}

static void
refresh_details (SlPlanner     *self,
                 SlReallocPlan *plan)
{
  static const char * const statuses[] = {
    SL_REALLOC_DRAFT, SL_REALLOC_PROPOSED, SL_REALLOC_APPROVED, SL_REALLOC_REJECTED, SL_REALLOC_APPLIED,
  };
  gboolean draft = sl_planner_is_editable (self);
  const char *group = sl_realloc_plan_get_scenario_group (plan);
  const char *rationale = sl_realloc_plan_get_rationale (plan);
  g_autofree char *byline = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->rationale_view);

  gtk_label_set_label (self->title_label, sl_realloc_plan_get_title (plan));
  gtk_label_set_label (self->status_label, sl_realloc_plan_get_status_label (plan));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), statuses[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), sl_realloc_plan_get_status (plan));

  if (group != NULL)
    /* Translators: the first %s is a person, the second a scenario group's name */
    byline = g_strdup_printf (_("By %s · scenario “%s”"), sl_realloc_plan_get_author (plan), group);
  else
    /* Translators: %s is a person */
    byline = g_strdup_printf (_("By %s"), sl_realloc_plan_get_author (plan));
  gtk_label_set_label (self->byline_label, byline);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sl_realloc_plan_get_title (plan));
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), draft);
  gtk_text_buffer_set_text (buffer, rationale != NULL ? rationale : "", -1);
  gtk_text_view_set_editable (self->rationale_view, draft);
  gtk_widget_set_visible (self->rationale_save, draft);
  gtk_widget_set_sensitive (self->rationale_save, FALSE);
  fill_goals (self, plan);
}

static void
refresh (SlPlanner *self)
{
  SlReallocPlan *plan = sl_planner_get_plan (self);

  self->stale = FALSE;
  if (plan == NULL)
    return;
  self->updating = TRUE;
  refresh_details (self, plan);
  sl_planner_lines_refresh (self);
  sl_planner_figures_refresh (self);
  sl_planner_update_actions (self);
  self->updating = FALSE;
}

static void
queue_refresh (SlPlanner *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
workspace_changed_cb (SlPlanner   *self,
                      const char  *table,
                      SlWorkspace *workspace)
{
  static const char * const watched[] = {
    "realloc_plan", "realloc_line", "budget_line", "decision", "goal", "channel", "workspace", NULL,
  };

  if (!g_strv_contains (watched, table))
    return;
  /* The plan may be gone (undone creation, deletion). */
  if (self->plan_id != 0 && sl_planner_get_plan (self) == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_BACK], 0);
      return;
    }
  queue_refresh (self);
}


static void
title_apply_cb (SlPlanner   *self,
                AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;

  if (!sl_workspace_update_realloc_plan (self->workspace, self->plan_id,
                                         gtk_editable_get_text (GTK_EDITABLE (row)), NULL, &error))
    sl_view_show_error (self->details_error, error);
  else
    sl_view_show_error (self->details_error, NULL);
}

static char *
dup_rationale (SlPlanner *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->rationale_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
rationale_changed_cb (SlPlanner     *self,
                      GtkTextBuffer *buffer)
{
  SlReallocPlan *plan = sl_planner_get_plan (self);
  g_autofree char *text = dup_rationale (self);

  gtk_widget_set_sensitive (self->rationale_save,
                            plan != NULL && g_strcmp0 (text, sl_realloc_plan_get_rationale (plan)) != 0);
}

static void
rationale_save_cb (SlPlanner *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dup_rationale (self);

  if (!sl_workspace_update_realloc_plan (self->workspace, self->plan_id, NULL, text, &error))
    sl_view_show_error (self->details_error, error);
  else
    sl_view_show_error (self->details_error, NULL);
}

static void
goal_selected_cb (SlPlanner   *self,
                  GParamSpec  *pspec,
                  AdwComboRow *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);
  SlReallocPlan *plan = sl_planner_get_plan (self);
  gint64 goal_id;

  if (self->updating || plan == NULL || selected >= self->goal_ids->len)
    return;
  goal_id = g_array_index (self->goal_ids, gint64, selected);
  if (goal_id == sl_realloc_plan_get_goal_id (plan))
    return;
  if (!sl_workspace_link_goal (self->workspace, SL_GOAL_LINK_PLAN, self->plan_id, goal_id, &error))
    sl_view_show_error (self->details_error, error);
  else
    sl_view_show_error (self->details_error, NULL);
}

static void
sl_planner_map (GtkWidget *widget)
{
  SlPlanner *self = SL_PLANNER (widget);

  GTK_WIDGET_CLASS (sl_planner_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

static void
sl_planner_dispose (GObject *object)
{
  SlPlanner *self = (SlPlanner *)object;

  sl_planner_set_plan (self, NULL, 0);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PLANNER);
  G_OBJECT_CLASS (sl_planner_parent_class)->dispose (object);
}

static void
sl_planner_finalize (GObject *object)
{
  SlPlanner *self = (SlPlanner *)object;

  g_array_unref (self->months);
  g_array_unref (self->channel_ids);
  g_array_unref (self->goal_ids);
  G_OBJECT_CLASS (sl_planner_parent_class)->finalize (object);
}

static void
sl_planner_class_init (SlPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_planner_dispose;
  object_class->finalize = sl_planner_finalize;
  widget_class->map = sl_planner_map;
  g_type_ensure (SL_TYPE_DISCUSSION);

  /**
   * SlPlanner::back:
   *
   * The user leaves the plan, or it is gone.
   */
  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-planner.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SlPlanner, name)
  BIND (title_label);
  BIND (status_label);
  BIND (byline_label);
  BIND (propose_button);
  BIND (withdraw_button);
  BIND (apply_button);
  BIND (delete_button);
  BIND (approve_button);
  BIND (reject_button);
  BIND (action_error);
  BIND (title_row);
  BIND (goal_row);
  BIND (rationale_view);
  BIND (rationale_save);
  BIND (details_error);
  BIND (line_list);
  BIND (add_group);
  BIND (from_channel_row);
  BIND (from_month_row);
  BIND (to_channel_row);
  BIND (to_month_row);
  BIND (amount_row);
  BIND (line_error);
  BIND (out_label);
  BIND (in_label);
  BIND (draw_row);
  BIND (draw_error);
  BIND (draw_fixed_row);
  BIND (draw_label);
  BIND (left_row);
  BIND (left_label);
  BIND (balance_label);
  BIND (forecast_caption);
  BIND (forecast_grid);
  BIND (forecast_notes);
  BIND (decisions_group);
  BIND (discussion);
  BIND (decision_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, rationale_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_selected_cb);
  sl_planner_class_add_lines (widget_class);
  sl_planner_class_add_actions (widget_class);
}

static void
sl_planner_init (SlPlanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->as_of = SL_DAY_INVALID;
  self->months = g_array_new (FALSE, TRUE, sizeof (SlPeriod));
  self->channel_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->goal_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_signal_connect_object (gtk_text_view_get_buffer (self->rationale_view), "changed",
                           G_CALLBACK (rationale_changed_cb), self, G_CONNECT_SWAPPED);
  sl_planner_lines_init (self);
}

GtkWidget *
sl_planner_new (void)
{
  return g_object_new (SL_TYPE_PLANNER, NULL);
}

void
sl_planner_set_plan (SlPlanner   *self,
                     SlWorkspace *workspace,
                     gint64       plan_id)
{
  g_autofree char *target = NULL;
  SlReallocPlan *plan;

  g_return_if_fail (SL_IS_PLANNER (self));
  g_return_if_fail (workspace == NULL || SL_IS_WORKSPACE (workspace));

  if (self->workspace != workspace)
    {
      if (self->workspace != NULL)
        g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_set_object (&self->workspace, workspace);
      if (workspace != NULL)
        {
          g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (workspace, "notify::user-role", G_CALLBACK (queue_refresh), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  self->plan_id = workspace != NULL ? plan_id : 0;
  g_clear_object (&self->decisions);
  sl_view_show_error (self->action_error, NULL);
  sl_view_show_error (self->line_error, NULL);
  sl_view_show_error (self->details_error, NULL);
  sl_view_show_error (self->draw_error, NULL);
  if ((plan = sl_planner_get_plan (self)) == NULL)
    return;

  target = sl_collab_doc_id ("plan", sl_record_get_uuid (SL_RECORD (plan)));
  self->decisions = sl_workspace_dup_decisions (workspace, target);
  sl_discussion_set_context (self->discussion, workspace);
  sl_discussion_set_target (self->discussion, target);
  sl_planner_lines_reset (self);
  queue_refresh (self);
}

gint64
sl_planner_get_plan_id (SlPlanner *self)
{
  g_return_val_if_fail (SL_IS_PLANNER (self), 0);
  return self->plan_id;
}

void
sl_planner_set_as_of (SlPlanner *self,
                      SlDay      as_of)
{
  g_return_if_fail (SL_IS_PLANNER (self));
  self->as_of = as_of;
  queue_refresh (self);
}
