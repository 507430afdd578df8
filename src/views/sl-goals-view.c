/* sl-goals-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-collab-common.h"
#include "sl-goal-dialog.h"
#include "sl-goals-view-private.h"
#include "sl-view.h"
#include "sl-workspace-goals.h"

static void sl_goals_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlGoalsView, sl_goals_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_goals_view_view_iface_init))

static void
clear_groups (SlGoalsView *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->goals_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->statuses);
}

static void
refresh_now (SlGoalsView *self)
{
  GListModel *goals;
  g_autoptr(SlMetrics) metrics = NULL;

  self->stale = FALSE;
  clear_groups (self);
  if (self->workspace == NULL)
    return;

  goals = G_LIST_MODEL (sl_workspace_get_goals (self->workspace));
  metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  /* The KPI list stays after the goals. */
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(SlGoal) goal = g_list_model_get_item (goals, i);
      GtkWidget *card = sl_goals_view_create_goal_group (self, metrics, goal);

      gtk_widget_insert_before (card, GTK_WIDGET (self->goals_box), GTK_WIDGET (self->kpi_group));
      g_ptr_array_add (self->groups, card);
    }
  sl_goals_view_fill_kpis (self);
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (goals) > 0 ? "goals" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SlGoalsView *self = data;

  self->refresh_id = 0;
  if (self->stale)
    refresh_now (self);
  return G_SOURCE_REMOVE;
}

/* Hidden pages catch up when they are shown; a shown one just after the
 * change (which may come from one of its own rows). */
static void
refresh (SlGoalsView *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
saved_cb (SlGoalsView *self)
{
  sl_collab_show_toast (GTK_WIDGET (self), _("Goal saved"), TRUE);
}

static void
open_dialog (SlGoalsView *self,
             gint64       goal_id)
{
  GtkWidget *dialog;
  SlPeriod year;

  if (self->workspace == NULL)
    return;
  sl_workspace_get_default_fiscal_year (self->workspace, &year);
  dialog = sl_goal_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->workspace, goal_id, &year);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_dialog (SL_GOALS_VIEW (widget), 0);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_dialog (SL_GOALS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlGoalsView *self = SL_GOALS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;
  if (!sl_workspace_delete_goal (self->workspace, g_variant_get_int64 (parameter), &error))
    sl_collab_show_toast (GTK_WIDGET (self), error->message, FALSE);
  else
    sl_collab_show_toast (GTK_WIDGET (self), _("Goal deleted; what served it serves no goal now"), TRUE);
}

static void
sl_goals_view_map (GtkWidget *widget)
{
  SlGoalsView *self = SL_GOALS_VIEW (widget);

  GTK_WIDGET_CLASS (sl_goals_view_parent_class)->map (widget);
  if (self->stale)
    refresh_now (self);
}

static void
sl_goals_view_dispose (GObject *object)
{
  SlGoalsView *self = (SlGoalsView *)object;

  sl_goals_view_set_context (self, NULL, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_GOALS_VIEW);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  g_clear_pointer (&self->kpi_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (sl_goals_view_parent_class)->dispose (object);
}

static void
sl_goals_view_class_init (SlGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_goals_view_dispose;
  widget_class->map = sl_goals_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-goals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlGoalsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlGoalsView, goals_box);
  gtk_widget_class_bind_template_child (widget_class, SlGoalsView, kpi_group);

  gtk_widget_class_install_action (widget_class, "goals.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "goals.edit", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "goals.delete", "x", delete_action_cb);
}

static void
sl_goals_view_init (SlGoalsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->kpi_rows = g_ptr_array_new ();
}

void
sl_goals_view_set_context (SlGoalsView  *self,
                           SlWorkspace  *workspace,
                           SlViewFilter *filter)
{
  g_return_if_fail (SL_IS_GOALS_VIEW (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

guint
sl_goals_view_get_n_goals (SlGoalsView *self)
{
  g_return_val_if_fail (SL_IS_GOALS_VIEW (self), 0);

  if (self->stale)
    refresh_now (self);
  return self->groups->len;
}

GtkWidget *
sl_goals_view_get_goal_group (SlGoalsView *self,
                              gint64       goal_id)
{
  g_return_val_if_fail (SL_IS_GOALS_VIEW (self), NULL);

  if (self->stale)
    refresh_now (self);
  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);

      if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (group), "goal-id")) == (gsize)goal_id)
        return group;
    }
  return NULL;
}

SlKpiGoalStatus
sl_goals_view_get_key_result_status (SlGoalsView   *self,
                                     gint64         key_result_id,
                                     SlMetricValue *value)
{
  const SlGoalsViewStatus *status;

  g_return_val_if_fail (SL_IS_GOALS_VIEW (self), SL_KPI_GOAL_NONE);

  if (self->stale)
    refresh_now (self);
  status = g_hash_table_lookup (self->statuses, &key_result_id);
  if (status == NULL)
    return SL_KPI_GOAL_NONE;
  if (value != NULL)
    *value = status->value;
  return status->status;
}

GtkWidget *
sl_goals_view_get_kpi_row (SlGoalsView *self,
                           const char  *metric)
{
  g_return_val_if_fail (SL_IS_GOALS_VIEW (self), NULL);

  if (self->stale)
    refresh_now (self);
  for (guint i = 0; i < self->kpi_rows->len; i++)
    if (g_strcmp0 (g_object_get_data (self->kpi_rows->pdata[i], "metric"), metric) == 0)
      return self->kpi_rows->pdata[i];
  return NULL;
}

static void
sl_goals_view_iface_set_context (SlView       *view,
                                 SlWorkspace  *workspace,
                                 SlViewFilter *filter)
{
  sl_goals_view_set_context (SL_GOALS_VIEW (view), workspace, filter);
}

static void
sl_goals_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_goals_view_iface_set_context;
}
