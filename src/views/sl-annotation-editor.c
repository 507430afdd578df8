/* sl-annotation-editor.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-annotation-editor-private.h"
#include "sl-collab-common.h"
#include "sl-collab.h"
#include "sl-workspace-realloc.h"

G_DEFINE_FINAL_TYPE (SlAnnotationEditor, sl_annotation_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
selected_kind (SlAnnotationEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < g_strv_length ((char **)sl_annotation_kinds) ? sl_annotation_kinds[selected]
                                                                 : SL_ANNOTATION_NOTE;
}

/* The groups the kind asks for; a new loss's plan has a move to fill. */
static void
update_kind_groups (SlAnnotationEditor *self)
{
  const char *kind = selected_kind (self);
  gboolean loss = g_str_equal (kind, SL_ANNOTATION_LOSS);
  gboolean new_loss = loss && self->annotation_id == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->loss_group), loss);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_title_row), new_loss);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), loss && !new_loss);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_box), new_loss);
  gtk_widget_set_visible (self->add_line_button, new_loss && !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->experiment_group), g_str_equal (kind, SL_ANNOTATION_EXPERIMENT));
  gtk_widget_set_visible (GTK_WIDGET (self->actual_row), self->annotation_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->expense_group), g_str_equal (kind, SL_ANNOTATION_UNEXPECTED_EXPENSE));
  if (new_loss && self->lines->len == 0)
    sl_annotation_editor_append_line (self);
}

static void
kind_changed_cb (SlAnnotationEditor *self)
{
  /* Also runs while the template is built. */
  if (self->lines != NULL)
    update_kind_groups (self);
}

static void
channel_changed_cb (SlAnnotationEditor *self)
{
  if (self->campaign_ids != NULL)
    sl_annotation_editor_fill_campaigns (self);
}

static void
add_line_clicked_cb (SlAnnotationEditor *self)
{
  sl_annotation_editor_add_line (self);
}

static char *
dup_body (SlAnnotationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* @spec from the form; strings borrowed from it and @body. */
static gboolean
read_spec (SlAnnotationEditor  *self,
           SlAnnotationSpec    *spec,
           const char          *body,
           SlMoney             *amount,
           GError             **error)
{
  *spec = (SlAnnotationSpec) {
    .kind = selected_kind (self),
    .title = entry_text (self->title_row),
    .body = body,
    .channel_id = sl_annotation_editor_selected_id (self->channel_row, self->channel_ids),
    .campaign_id = sl_annotation_editor_selected_id (self->campaign_row, self->campaign_ids),
    .goal_id = sl_annotation_editor_selected_id (self->goal_row, self->goal_ids),
    .plan_id = self->plan_id,
    .next_steps = entry_text (self->next_steps_row),
    .hypothesis = entry_text (self->hypothesis_row),
    .expected_outcome = entry_text (self->expected_row),
    .actual_outcome = entry_text (self->actual_row),
  };
  if (!sl_range_chooser_get_range (self->range, &spec->first_day, &spec->last_day))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Type the first and last day of the period as YYYY-MM-DD"));
      return FALSE;
    }
  if (g_str_equal (spec->kind, SL_ANNOTATION_UNEXPECTED_EXPENSE) && *entry_text (self->amount_row) != '\0')
    {
      if (!sl_money_parse (entry_text (self->amount_row), sl_workspace_get_currency (self->workspace), NULL, amount,
                           error))
        return FALSE;
      spec->amount = amount;
    }
  return TRUE;
}

/* A new loss and its plan, in one edit. */
static gboolean
write_loss (SlAnnotationEditor      *self,
            const SlAnnotationSpec  *spec,
            gint64                  *id,
            GError                 **error)
{
  g_autoptr(GArray) lines = sl_annotation_editor_read_lines (self, error);
  g_autofree char *plan_title = sl_collab_strip (entry_text (self->plan_title_row));
  g_autofree char *loss_title = sl_collab_strip (spec->title);
  SlReallocPlanSpec plan = { 0 };

  if (lines == NULL)
    return FALSE;
  if (plan_title == NULL && loss_title != NULL)
    /* Translators: the title of the plan a loss is written with; %s is the loss's title */
    plan_title = g_strdup_printf (_("Answer to “%s”"), loss_title);
  plan.title = plan_title;
  plan.rationale = spec->next_steps;
  plan.goal_id = spec->goal_id;
  plan.reserve_draw_minor = sl_annotation_editor_reserve_draw (lines);
  return sl_workspace_create_loss (self->workspace, spec, &plan, (const SlReallocLineSpec *)lines->data, lines->len,
                                   id, NULL, error);
}

static gboolean
write_annotation (SlAnnotationEditor  *self,
                  gint64              *id,
                  GError             **error)
{
  g_autofree char *body = dup_body (self);
  SlAnnotationSpec spec;
  SlMoney amount;

  if (!read_spec (self, &spec, body, &amount, error))
    return FALSE;
  if (self->annotation_id != 0)
    return sl_workspace_update_annotation (self->workspace, self->annotation_id, &spec, error);
  if (g_str_equal (spec.kind, SL_ANNOTATION_LOSS))
    return write_loss (self, &spec, id, error);
  return sl_workspace_create_annotation (self->workspace, &spec, id, error);
}

static void
save_clicked_cb (SlAnnotationEditor *self)
{
  sl_annotation_editor_save (self);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SlAnnotationEditor *self = SL_ANNOTATION_EDITOR (widget);

  if (gtk_widget_is_sensitive (self->save_button) && gtk_widget_get_visible (self->save_button))
    sl_annotation_editor_save (self);
  return TRUE;
}

static void
select_scope (SlAnnotationEditor *self,
              gint64              channel_id,
              gint64              campaign_id)
{
  adw_combo_row_set_selected (self->channel_row, sl_annotation_editor_find_id (self->channel_ids, channel_id));
  sl_annotation_editor_fill_campaigns (self);
  adw_combo_row_set_selected (self->campaign_row, sl_annotation_editor_find_id (self->campaign_ids, campaign_id));
}

static void
show_plan (SlAnnotationEditor *self)
{
  SlReallocPlan *plan = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (self->workspace), self->plan_id);
  g_autofree char *text = NULL;

  if (plan != NULL)
    /* Translators: a reallocation plan's title and status, e.g. “Out of Search (Draft)” */
    text = g_strdup_printf (_("%s (%s)"), sl_realloc_plan_get_title (plan), sl_realloc_plan_get_status_label (plan));
  adw_action_row_set_subtitle (self->plan_row, text != NULL ? text : _("None"));
}

/* Whether the user may change @annotation; if not, why, in @reason. */
static gboolean
can_edit (SlAnnotationEditor  *self,
          SlAnnotation        *annotation,
          char               **reason)
{
  if (sl_workspace_get_user_role (self->workspace) == SL_USER_ROLE_VIEWER)
    *reason = g_strdup (_("You are a viewer of this workspace: you can read this, not change it."));
  else if (sl_annotation_get_read_only (annotation))
    *reason = g_strdup (_("This was written by a newer version of Sunlight and can only be read."));
  else if (g_strcmp0 (sl_annotation_get_author (annotation), sl_workspace_get_author (self->workspace)) != 0)
    /* Translators: %s is a person's name */
    *reason = g_strdup_printf (_("Written by %s: only they can change it."), sl_annotation_get_author (annotation));
  return *reason == NULL;
}

static void
set_read_only (SlAnnotationEditor *self,
               const char         *reason)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->what_group), GTK_WIDGET (self->body_group), GTK_WIDGET (self->where_group),
    GTK_WIDGET (self->range), GTK_WIDGET (self->loss_group), GTK_WIDGET (self->experiment_group),
    GTK_WIDGET (self->expense_group),
  };

  self->read_only = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_label_set_label (self->read_only_label, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), TRUE);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
load_annotation (SlAnnotationEditor *self,
                 SlAnnotation       *annotation)
{
  g_autofree char *reason = NULL;
  const char *kind = sl_annotation_get_kind (annotation);

  for (guint i = 0; sl_annotation_kinds[i] != NULL; i++)
    if (g_str_equal (sl_annotation_kinds[i], kind))
      adw_combo_row_set_selected (self->kind_row, i);
  set_entry (self->title_row, sl_annotation_get_title (annotation));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), sl_annotation_get_body (annotation), -1);
  select_scope (self, sl_annotation_get_channel_id (annotation), sl_annotation_get_campaign_id (annotation));
  sl_range_chooser_set_range (self->range, sl_annotation_get_first_day (annotation),
                              sl_annotation_get_last_day (annotation));
  adw_combo_row_set_selected (self->goal_row,
                              sl_annotation_editor_find_id (self->goal_ids, sl_annotation_get_goal_id (annotation)));
  set_entry (self->next_steps_row, sl_annotation_get_next_steps (annotation));
  self->plan_id = sl_annotation_get_plan_id (annotation);
  show_plan (self);
  set_entry (self->hypothesis_row, sl_annotation_get_hypothesis (annotation));
  set_entry (self->expected_row, sl_annotation_get_expected_outcome (annotation));
  set_entry (self->actual_row, sl_annotation_get_actual_outcome (annotation));
  if (sl_annotation_get_currency (annotation) != NULL)
    {
      SlMoney amount;
      g_autofree char *text = NULL;

      sl_money_init (&amount, sl_annotation_get_amount_minor (annotation), sl_annotation_get_currency (annotation));
      text = sl_money_format_plain (&amount);
      set_entry (self->amount_row, text);
    }
  /* Its kind, scope and period are those of its figures: fixed. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->channel_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->campaign_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->range), FALSE);
  if (!can_edit (self, annotation, &reason))
    set_read_only (self, reason);
}

/* A new annotation on the period and channel or campaign shown. */
static void
load_defaults (SlAnnotationEditor *self,
               SlViewFilter       *filter)
{
  SlScope scope = SL_SCOPE_INIT_WORKSPACE;
  SlCampaign *campaign;

  if (filter == NULL)
    return;
  sl_range_chooser_set_period (self->range, sl_view_filter_get_period (filter));
  sl_view_filter_get_scope (filter, &scope);
  if (scope.kind == SL_SCOPE_CHANNEL)
    select_scope (self, scope.id, 0);
  else if (scope.kind == SL_SCOPE_CAMPAIGN &&
           (campaign = sl_campaign_store_lookup (sl_workspace_get_campaigns (self->workspace), scope.id)) != NULL)
    select_scope (self, sl_campaign_get_channel_id (campaign), scope.id);
}

static void
line_free (gpointer data)
{
  g_free (data);
}

static void
sl_annotation_editor_dispose (GObject *object)
{
  SlAnnotationEditor *self = (SlAnnotationEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_ANNOTATION_EDITOR);
  g_clear_object (&self->workspace);
  g_clear_object (&self->line_channels);
  g_clear_object (&self->month_names);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->channel_ids, g_array_unref);
  g_clear_pointer (&self->campaign_ids, g_array_unref);
  g_clear_pointer (&self->goal_ids, g_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  G_OBJECT_CLASS (sl_annotation_editor_parent_class)->dispose (object);
}

static void
sl_annotation_editor_class_init (SlAnnotationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_annotation_editor_dispose;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-annotation-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SlAnnotationEditor, name)
  BIND (window_title); BIND (cancel_button); BIND (save_button); BIND (scroller); BIND (content_box);
  BIND (error_label); BIND (read_only_label); BIND (what_group); BIND (kind_row); BIND (title_row);
  BIND (body_group); BIND (body_view); BIND (where_group); BIND (channel_row); BIND (campaign_row);
  BIND (goal_row); BIND (loss_group); BIND (next_steps_row); BIND (plan_title_row); BIND (plan_row);
  BIND (lines_box); BIND (add_line_button); BIND (experiment_group); BIND (hypothesis_row);
  BIND (expected_row); BIND (actual_row); BIND (expense_group); BIND (amount_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_line_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
}

static void
sl_annotation_editor_init (SlAnnotationEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; sl_annotation_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, sl_annotation_kind_get_label (sl_annotation_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->campaign_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->months = g_array_new (FALSE, FALSE, sizeof (SlDay));
  self->lines = g_ptr_array_new_with_free_func (line_free);
}

GtkWidget *
sl_annotation_editor_new (GtkWindow    *parent,
                          SlWorkspace  *workspace,
                          SlViewFilter *filter,
                          gint64        annotation_id)
{
  SlAnnotationEditor *self;
  SlAnnotation *annotation = NULL;
  g_autofree char *amount_title = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SL_TYPE_ANNOTATION_EDITOR, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->annotation_id = annotation_id;
  self->range = SL_RANGE_CHOOSER (sl_range_chooser_new (workspace));
  /* Translators: the heading of an annotation's period */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->range), _("When"));
  gtk_box_insert_child_after (self->content_box, GTK_WIDGET (self->range), GTK_WIDGET (self->where_group));
  /* Translators: %s is a currency code, e.g. “Amount (USD)” */
  amount_title = g_strdup_printf (_("Amount (%s)"), sl_workspace_get_currency (workspace));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);

  if (annotation_id != 0)
    annotation = sl_annotation_store_lookup (sl_workspace_get_annotations (workspace), annotation_id);
  sl_annotation_editor_fill_choices (self, annotation != NULL ? sl_annotation_get_first_day (annotation)
                                           : filter != NULL ? sl_view_filter_get_period (filter)->first
                                           : sl_day_today ());
  if (annotation != NULL)
    load_annotation (self, annotation);
  else
    load_defaults (self, filter);
  update_kind_groups (self);
  adw_window_title_set_title (self->window_title, self->read_only ? _("Annotation")
                                                  : annotation_id != 0 ? _("Edit Annotation")
                                                  : _("Share a Win, Loss or Note"));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  return GTK_WIDGET (self);
}

gboolean
sl_annotation_editor_save (SlAnnotationEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->annotation_id;

  g_return_val_if_fail (SL_IS_ANNOTATION_EDITOR (self), FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);

  write_annotation (self, &id, &error);
  return sl_collab_finish_save (GTK_WINDOW (self), self->error_label, self->scroller, error,
                                signals[SIGNAL_SAVED], id);
}

const char *
sl_annotation_editor_get_error (SlAnnotationEditor *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION_EDITOR (self), NULL);
  return sl_collab_get_refusal (self->error_label);
}

gboolean
sl_annotation_editor_get_read_only (SlAnnotationEditor *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION_EDITOR (self), FALSE);
  return self->read_only;
}

void
sl_annotation_editor_set_kind (SlAnnotationEditor *self,
                               const char         *kind)
{
  g_return_if_fail (SL_IS_ANNOTATION_EDITOR (self));

  for (guint i = 0; sl_annotation_kinds[i] != NULL; i++)
    if (g_strcmp0 (sl_annotation_kinds[i], kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

guint
sl_annotation_editor_get_n_lines (SlAnnotationEditor *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION_EDITOR (self), 0);
  return self->lines->len;
}

void
sl_annotation_editor_add_line (SlAnnotationEditor *self)
{
  g_return_if_fail (SL_IS_ANNOTATION_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (sl_annotation_editor_append_line (self)->from_row));
}

GtkWidget *
sl_annotation_editor_get_field (SlAnnotationEditor *self,
                                const char         *name)
{
  const struct { const char *name; gpointer widget; } fields[] = {
    { "kind", self->kind_row }, { "title", self->title_row }, { "body", self->body_view },
    { "channel", self->channel_row }, { "campaign", self->campaign_row }, { "goal", self->goal_row },
    { "period", self->range }, { "next-steps", self->next_steps_row }, { "plan-title", self->plan_title_row },
    { "plan", self->plan_row }, { "hypothesis", self->hypothesis_row }, { "expected", self->expected_row },
    { "actual", self->actual_row }, { "amount", self->amount_row }, { "save", self->save_button },
    { "add-line", self->add_line_button },
  };

  g_return_val_if_fail (SL_IS_ANNOTATION_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return fields[i].widget;
  return NULL;
}
