/* sl-planner-actions.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-planner-private.h"
#include "sl-view-text.h"
#include "sl-scenario-compare.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

/* The planner's status actions. The buttons shown are the moves the
 * workflow allows from the plan's status (Approve and Reject for finance
 * only); whatever the core still refuses is shown under them. */

typedef gboolean (*PlanMove) (SlWorkspace *workspace,
                              gint64       plan_id,
                              GError     **error);

static void
run_move (SlPlanner *self,
          PlanMove   move)
{
  g_autoptr(GError) error = NULL;

  if (!move (self->workspace, self->plan_id, &error))
    sl_view_show_error (self->action_error, error);
  else
    sl_view_show_error (self->action_error, NULL);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "back");
}

static void
propose_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  run_move (SL_PLANNER (widget), sl_workspace_propose_realloc_plan);
}

static void
withdraw_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_move (SL_PLANNER (widget), sl_workspace_withdraw_realloc_plan);
}

static void
apply_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  run_move (SL_PLANNER (widget), sl_workspace_apply_realloc_plan);
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SlPlanner *self = SL_PLANNER (widget);
  g_autoptr(GError) error = NULL;

  /* Undo brings it back; the planner goes back to the list. */
  if (!sl_workspace_delete_realloc_plan (self->workspace, self->plan_id, &error))
    sl_view_show_error (self->action_error, error);
}

static void
decision_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SlPlanner        *self)
{
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_strcmp0 (response, "approve") == 0)
    ok = sl_workspace_approve_realloc_plan (self->workspace, self->plan_id, gtk_editable_get_text (note), &error);
  else if (g_strcmp0 (response, "reject") == 0)
    ok = sl_workspace_reject_realloc_plan (self->workspace, self->plan_id, gtk_editable_get_text (note), &error);
  sl_view_show_error (self->action_error, ok ? NULL : error);
}

/* Asks for the note finance records with the decision. */
static void
show_decision_dialog (SlPlanner *self,
                      gboolean   approve)
{
  SlReallocPlan *plan = sl_planner_get_plan (self);
  GtkWidget *dialog, *entry;
  g_autofree char *heading = NULL;

  if (plan == NULL)
    return;
  /* Translators: %s is a plan's title */
  heading = g_strdup_printf (approve ? _("Approve “%s”?") : _("Reject “%s”?"),
                             sl_realloc_plan_get_title (plan));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   approve ? _("The plan can then be applied to the budget. Your note is "
                                               "recorded with the decision.")
                                           : _("Marketing can revise the plan and propose it again. Say what "
                                               "to change: your note is recorded with the decision."));
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "decision-note");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "note", entry);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (approve)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "approve", _("_Approve"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "reject", _("_Reject"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), approve ? "approve" : "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (decision_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  show_decision_dialog (SL_PLANNER (widget), TRUE);
}

static void
reject_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  show_decision_dialog (SL_PLANNER (widget), FALSE);
}

static void
duplicate_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SlPlanner *self = SL_PLANNER (widget);
  SlReallocPlan *plan = sl_planner_get_plan (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = 0;

  if (plan == NULL)
    return;
  /* Translators: the title of a copy of a plan, to compare with it; %s is its title */
  title = g_strdup_printf (_("%s (alternative)"), sl_realloc_plan_get_title (plan));
  if (!sl_workspace_duplicate_realloc_plan (self->workspace, self->plan_id, title, &id, &error))
    {
      sl_view_show_error (self->action_error, error);
      return;
    }
  sl_planner_set_plan (self, self->workspace, id);
}

static void
compare_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SlPlanner *self = SL_PLANNER (widget);
  SlReallocPlan *plan = sl_planner_get_plan (self);
  GtkWidget *window;

  if (plan == NULL || sl_realloc_plan_get_scenario_group (plan) == NULL)
    return;
  window = sl_scenario_compare_new (self->workspace, sl_realloc_plan_get_scenario_group (plan),
                                    sl_planner_get_as_of (self));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_action (SlPlanner  *self,
             GtkWidget  *button,
             const char *action,
             gboolean    allowed)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, allowed);
  gtk_widget_set_visible (button, allowed);
}

void
sl_planner_update_actions (SlPlanner *self)
{
  SlReallocPlan *plan = sl_planner_get_plan (self);
  const char *status = plan != NULL ? sl_realloc_plan_get_status (plan) : NULL;
  SlUserRole role = self->workspace != NULL ? sl_workspace_get_user_role (self->workspace) : SL_USER_ROLE_VIEWER;
  gboolean writer = role != SL_USER_ROLE_VIEWER;
  gboolean finance = role == SL_USER_ROLE_FINANCE;

  show_action (self, self->propose_button, "planner.propose", writer && g_strcmp0 (status, SL_REALLOC_DRAFT) == 0);
  show_action (self, self->withdraw_button, "planner.withdraw",
               writer && (g_strcmp0 (status, SL_REALLOC_PROPOSED) == 0 ||
                          g_strcmp0 (status, SL_REALLOC_REJECTED) == 0));
  show_action (self, self->apply_button, "planner.apply", writer && g_strcmp0 (status, SL_REALLOC_APPROVED) == 0);
  show_action (self, self->delete_button, "planner.delete",
               writer && (g_strcmp0 (status, SL_REALLOC_DRAFT) == 0 ||
                          g_strcmp0 (status, SL_REALLOC_REJECTED) == 0));
  show_action (self, self->approve_button, "planner.approve",
               finance && g_strcmp0 (status, SL_REALLOC_PROPOSED) == 0);
  show_action (self, self->reject_button, "planner.reject",
               finance && g_strcmp0 (status, SL_REALLOC_PROPOSED) == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.duplicate", writer && plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "planner.compare",
                                 plan != NULL && sl_realloc_plan_get_scenario_group (plan) != NULL);
}

void
sl_planner_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "planner.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "planner.propose", NULL, propose_cb);
  gtk_widget_class_install_action (widget_class, "planner.withdraw", NULL, withdraw_cb);
  gtk_widget_class_install_action (widget_class, "planner.apply", NULL, apply_cb);
  gtk_widget_class_install_action (widget_class, "planner.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "planner.approve", NULL, approve_cb);
  gtk_widget_class_install_action (widget_class, "planner.reject", NULL, reject_cb);
  gtk_widget_class_install_action (widget_class, "planner.duplicate", NULL, duplicate_cb);
  gtk_widget_class_install_action (widget_class, "planner.compare", NULL, compare_cb);
  /* Back to the list, as in a browser. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "planner.back", NULL);
}
