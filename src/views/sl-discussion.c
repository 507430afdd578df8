/* sl-discussion.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-discussion-private.h"
#include "sl-collab-common.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace-requests.h"

struct _SlDiscussion
{
  AdwBin           parent_instance;

  GtkListBox      *entry_list;
  GtkWidget       *compose_box;
  GtkTextView     *comment_view;
  GtkLabel        *compose_error;
  GtkWidget       *compose_hint;
  GtkWidget       *read_only_label;
  GtkWidget       *decide_box;
  GtkEntry        *note_entry;
  GtkLabel        *decide_error;
  GtkWidget       *decide_hint;

  SlWorkspace     *workspace;
  char            *target;
  SlCommentStore  *comments;
  SlDecisionStore *decisions;
  SlDay            meeting_day;
  guint            n_entries;
};

G_DEFINE_FINAL_TYPE (SlDiscussion, sl_discussion, ADW_TYPE_BIN)

/* Helpers */

static void
rebuild_entries (SlDiscussion *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *row;

  /* Rows only: the placeholder is a child too. */
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->entry_list, 0))) != NULL)
    gtk_list_box_remove (self->entry_list, row);
  self->n_entries = 0;
  if (self->comments == NULL || self->decisions == NULL)
    return;

  entries = sl_discussion_merge_entries (G_LIST_MODEL (self->comments), G_LIST_MODEL (self->decisions));
  for (guint i = 0; i < entries->len; i++)
    {
      SlRecord *record = entries->pdata[i];

      if (SL_IS_COMMENT (record))
        row = sl_discussion_create_comment_row (self->workspace, SL_COMMENT (record));
      else
        row = sl_discussion_create_decision_row (self->workspace, SL_DECISION (record));
      gtk_list_box_append (self->entry_list, row);
    }
  self->n_entries = entries->len;
}

/* A proposed plan or a submitted request awaits finance's decision. */
static gboolean
target_awaits_decision (SlDiscussion *self)
{
  SlRecord *record;

  if (self->workspace == NULL || self->target == NULL)
    return FALSE;
  record = sl_collab_lookup_target (self->workspace, self->target);
  if (SL_IS_REALLOC_PLAN (record))
    return g_strcmp0 (sl_realloc_plan_get_status (SL_REALLOC_PLAN (record)), SL_REALLOC_PROPOSED) == 0;
  if (SL_IS_REQUEST (record))
    return g_strcmp0 (sl_budget_request_get_status (SL_REQUEST (record)), "submitted") == 0;
  return FALSE;
}

static void
show_error (GtkLabel   *label,
            GtkWidget  *hint,
            const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  gtk_widget_set_visible (hint, message == NULL);
}

/* What the user's role lets them do with this item, now. */
static void
update_state (SlDiscussion *self)
{
  gboolean has_target = self->workspace != NULL && self->target != NULL;
  SlUserRole role = has_target ? sl_workspace_get_user_role (self->workspace) : SL_USER_ROLE_VIEWER;
  gboolean can_write = has_target && role != SL_USER_ROLE_VIEWER;
  gboolean can_decide = sl_discussion_get_can_decide (self);

  gtk_widget_set_visible (self->compose_box, can_write);
  gtk_widget_set_visible (self->read_only_label, has_target && !can_write);
  gtk_widget_set_visible (self->decide_box, can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discussion.send", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discussion.approve", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discussion.reject", can_decide);
}

static void
decide (SlDiscussion *self,
        const char   *verdict)
{
  g_autoptr(GError) error = NULL;

  if (!sl_discussion_get_can_decide (self))
    return;
  /* A plan's decision moves the plan in the same command. */
  if (!sl_workspace_record_decision (self->workspace, self->target, verdict,
                                     gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                                     self->meeting_day, NULL, &error))
    {
      show_error (self->decide_error, self->decide_hint, error->message);
      return;
    }
  show_error (self->decide_error, self->decide_hint, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

/* Callbacks */

static void
entries_changed_cb (SlDiscussion *self)
{
  rebuild_entries (self);
}

static void
workspace_changed_cb (SlDiscussion *self)
{
  update_state (self);
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sl_discussion_send (SL_DISCUSSION (widget));
}

static void
decide_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  decide (SL_DISCUSSION (widget),
          g_str_equal (action_name, "discussion.approve") ? SL_VERDICT_APPROVE : SL_VERDICT_REJECT);
}

/* GObject */

static void
sl_discussion_dispose (GObject *object)
{
  SlDiscussion *self = (SlDiscussion *)object;

  sl_discussion_set_context (self, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_DISCUSSION);

  G_OBJECT_CLASS (sl_discussion_parent_class)->dispose (object);
}

static void
sl_discussion_finalize (GObject *object)
{
  SlDiscussion *self = (SlDiscussion *)object;

  g_free (self->target);

  G_OBJECT_CLASS (sl_discussion_parent_class)->finalize (object);
}

static void
sl_discussion_class_init (SlDiscussionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_discussion_dispose;
  object_class->finalize = sl_discussion_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-discussion.ui");
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, entry_list);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, compose_box);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, comment_view);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, compose_error);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, compose_hint);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, decide_box);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, decide_error);
  gtk_widget_class_bind_template_child (widget_class, SlDiscussion, decide_hint);

  gtk_widget_class_install_action (widget_class, "discussion.send", NULL, send_action_cb);
  gtk_widget_class_install_action (widget_class, "discussion.approve", NULL, decide_action_cb);
  gtk_widget_class_install_action (widget_class, "discussion.reject", NULL, decide_action_cb);
  gtk_widget_class_set_css_name (widget_class, "discussion");
}

static void
sl_discussion_init (SlDiscussion *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;
  GtkWidget *placeholder;

  self->meeting_day = SL_DAY_INVALID;
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No comments yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->entry_list, placeholder);

  /* Before the text view takes Return for a new line. */
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, gtk_named_action_new ("discussion.send")));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->comment_view), controller);
  update_state (self);
}

/* Public API */

GtkWidget *
sl_discussion_new (void)
{
  return g_object_new (SL_TYPE_DISCUSSION, NULL);
}

static void
load_target (SlDiscussion *self)
{
  if (self->comments != NULL)
    g_signal_handlers_disconnect_by_data (self->comments, self);
  if (self->decisions != NULL)
    g_signal_handlers_disconnect_by_data (self->decisions, self);
  g_clear_object (&self->comments);
  g_clear_object (&self->decisions);

  if (self->workspace != NULL && self->target != NULL)
    {
      self->comments = sl_workspace_dup_comments (self->workspace, self->target);
      self->decisions = sl_workspace_dup_decisions (self->workspace, self->target);
      g_signal_connect_object (self->comments, "items-changed", G_CALLBACK (entries_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->decisions, "items-changed", G_CALLBACK (entries_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  show_error (self->compose_error, self->compose_hint, NULL);
  show_error (self->decide_error, self->decide_hint, NULL);
  rebuild_entries (self);
  update_state (self);
}

void
sl_discussion_set_context (SlDiscussion *self,
                           SlWorkspace  *workspace)
{
  g_return_if_fail (SL_IS_DISCUSSION (self));
  g_return_if_fail (workspace == NULL || SL_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "notify::user-role", G_CALLBACK (workspace_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed::realloc_plan", G_CALLBACK (workspace_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "changed::budget_request", G_CALLBACK (workspace_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  load_target (self);
}

void
sl_discussion_set_target (SlDiscussion *self,
                          const char   *doc_id)
{
  g_return_if_fail (SL_IS_DISCUSSION (self));

  if (g_strcmp0 (self->target, doc_id) == 0)
    return;
  g_free (self->target);
  self->target = g_strdup (doc_id);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  load_target (self);
}

const char *
sl_discussion_get_target (SlDiscussion *self)
{
  g_return_val_if_fail (SL_IS_DISCUSSION (self), NULL);
  return self->target;
}

void
sl_discussion_set_meeting_day (SlDiscussion *self,
                               SlDay         day)
{
  g_return_if_fail (SL_IS_DISCUSSION (self));
  self->meeting_day = day;
}

gboolean
sl_discussion_send (SlDiscussion *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SL_IS_DISCUSSION (self), FALSE);

  if (self->workspace == NULL || self->target == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sl_workspace_add_comment (self->workspace, self->target, text, NULL, &error))
    {
      show_error (self->compose_error, self->compose_hint, error->message);
      return FALSE;
    }
  show_error (self->compose_error, self->compose_hint, NULL);
  gtk_text_buffer_set_text (buffer, "", -1);
  return TRUE;
}

gboolean
sl_discussion_get_can_decide (SlDiscussion *self)
{
  g_return_val_if_fail (SL_IS_DISCUSSION (self), FALSE);

  return self->workspace != NULL &&
         sl_workspace_get_user_role (self->workspace) == SL_USER_ROLE_FINANCE &&
         target_awaits_decision (self);
}

guint
sl_discussion_get_n_entries (SlDiscussion *self)
{
  g_return_val_if_fail (SL_IS_DISCUSSION (self), 0);
  return self->n_entries;
}

gboolean
sl_discussion_focus_comment (SlDiscussion *self)
{
  g_return_val_if_fail (SL_IS_DISCUSSION (self), FALSE);

  if (!gtk_widget_get_visible (self->compose_box))
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}
