/* sl-goal-dialog.c
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
#include "sl-goal-targets.h"
#include "sl-range-chooser.h"
#include "sl-workspace-goals.h"

typedef struct
{
  gint64               id;            /* 0: new */
  gboolean             own_range;     /* its days differ from the goal's */
  SlDay                first_day;
  SlDay                last_day;
  char                *unknown_key;   /* a metric this version does not know, kept */
  char                *unknown_unit;
  AdwPreferencesGroup *group;
  AdwComboRow         *metric_row;
  AdwEntryRow         *target_row;
  GtkWidget           *remove_button;
} KeyResultEditor;

struct _SlGoalDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkBox              *content_box;
  GtkLabel            *error_label;
  AdwPreferencesGroup *goal_group;
  AdwEntryRow         *objective_row;
  AdwEntryRow         *description_row;
  AdwComboRow         *framework_row;
  GtkBox              *key_results_box;
  GtkScrolledWindow   *scroller;
  SlRangeChooser      *range;

  SlWorkspace         *workspace;
  gint64               goal_id;       /* 0: a new goal */
  SlDay                goal_first;    /* as stored, for an edit */
  SlDay                goal_last;
  GPtrArray           *editors;       /* KeyResultEditor */
  GArray              *removed;       /* gint64: key results to remove */
};

G_DEFINE_FINAL_TYPE (SlGoalDialog, sl_goal_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
editor_free (gpointer data)
{
  KeyResultEditor *editor = data;

  g_free (editor->unknown_key);
  g_free (editor->unknown_unit);
  g_free (editor);
}

/* The metric chosen, FALSE for the unknown one kept from the file. */
static gboolean
editor_get_metric (KeyResultEditor *editor,
                   SlMetric        *out)
{
  guint selected = adw_combo_row_get_selected (editor->metric_row);

  if (selected >= SL_METRIC_N_METRICS)
    return FALSE;
  *out = (SlMetric)selected;
  return TRUE;
}

static void
update_target_title (SlGoalDialog    *self,
                     KeyResultEditor *editor)
{
  g_autofree char *title = NULL;
  SlMetric metric;

  if (editor_get_metric (editor, &metric))
    title = sl_goal_target_dup_title (sl_metric_get_unit (metric), sl_workspace_get_currency (self->workspace));
  else
    title = g_strdup (_("Target"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->target_row), title);
}

static void
renumber (SlGoalDialog *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      KeyResultEditor *editor = g_ptr_array_index (self->editors, i);
      g_autofree char *number = sl_number_format (i + 1, 0, NULL);
      /* Translators: %s is a number in the locale's digits: “Key Result 1” */
      g_autofree char *title = g_strdup_printf (_("Key Result %s"), number);

      adw_preferences_group_set_title (editor->group, title);
    }
}

static void
metric_changed_cb (AdwComboRow  *row,
                   GParamSpec   *pspec,
                   SlGoalDialog *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      KeyResultEditor *editor = g_ptr_array_index (self->editors, i);

      if (editor->metric_row == row)
        update_target_title (self, editor);
    }
}

static void
remove_clicked_cb (GtkButton    *button,
                   SlGoalDialog *self)
{
  for (guint i = 0; i < self->editors->len; i++)
    {
      KeyResultEditor *editor = g_ptr_array_index (self->editors, i);

      if (editor->remove_button != GTK_WIDGET (button))
        continue;
      if (editor->id != 0)
        g_array_append_val (self->removed, editor->id);
      gtk_box_remove (self->key_results_box, GTK_WIDGET (editor->group));
      g_ptr_array_remove_index (self->editors, i);
      renumber (self);
      return;
    }
}

static GListModel *
new_metric_model (const char *unknown_key)
{
  GtkStringList *metrics = gtk_string_list_new (NULL);

  for (guint m = 0; m < SL_METRIC_N_METRICS; m++)
    gtk_string_list_append (metrics, sl_metric_get_label ((SlMetric)m));
  if (unknown_key != NULL)
    gtk_string_list_append (metrics, unknown_key);
  return G_LIST_MODEL (metrics);
}

/* A group of rows for one key result; @metric_key NULL: a new one. */
static KeyResultEditor *
add_editor (SlGoalDialog *self,
            const char   *metric_key,
            const char   *unit,
            gint64        target)
{
  KeyResultEditor *editor = g_new0 (KeyResultEditor, 1);
  g_autoptr(GListModel) model = NULL;
  SlMetric metric = SL_METRIC_REVENUE;
  gboolean known = metric_key == NULL || sl_metric_from_string (metric_key, &metric);

  if (!known)
    {
      editor->unknown_key = g_strdup (metric_key);
      editor->unknown_unit = g_strdup (unit);
    }
  editor->first_day = editor->last_day = SL_DAY_INVALID;
  editor->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  editor->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (editor->remove_button, "flat");
  gtk_widget_set_tooltip_text (editor->remove_button, _("Remove this key result"));
  g_signal_connect_object (editor->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (editor->group, editor->remove_button);

  model = new_metric_model (editor->unknown_key);
  editor->metric_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->metric_row), _("Metric"));
  adw_combo_row_set_model (editor->metric_row, model);
  adw_combo_row_set_selected (editor->metric_row, known ? (guint)metric : SL_METRIC_N_METRICS);
  g_signal_connect_object (editor->metric_row, "notify::selected", G_CALLBACK (metric_changed_cb), self, 0);
  adw_preferences_group_add (editor->group, GTK_WIDGET (editor->metric_row));

  editor->target_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (editor->target_row), FALSE);
  if (metric_key != NULL && known)
    {
      g_autofree char *text = sl_goal_target_to_text (sl_metric_get_unit (metric), target,
                                                      sl_workspace_get_currency (self->workspace));

      gtk_editable_set_text (GTK_EDITABLE (editor->target_row), text);
    }
  else if (metric_key != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, target);

      gtk_editable_set_text (GTK_EDITABLE (editor->target_row), text);
    }
  adw_preferences_group_add (editor->group, GTK_WIDGET (editor->target_row));
  update_target_title (self, editor);

  gtk_box_append (self->key_results_box, GTK_WIDGET (editor->group));
  g_ptr_array_add (self->editors, editor);
  renumber (self);
  return editor;
}

static gboolean
parse_target (SlGoalDialog     *self,
              KeyResultEditor  *editor,
              gint64           *out,
              GError          **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editor->target_row));
  SlMetric metric;

  return sl_goal_target_parse (text, editor_get_metric (editor, &metric) ? sl_metric_get_unit (metric)
                                                                        : SL_METRIC_UNIT_COUNT,
                               sl_workspace_get_currency (self->workspace), out, error);
}

static gboolean
read_goal (SlGoalDialog  *self,
           SlGoalSpec    *spec,
           GError       **error)
{
  *spec = (SlGoalSpec) {
    .objective = gtk_editable_get_text (GTK_EDITABLE (self->objective_row)),
    .description = gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
    .framework = adw_combo_row_get_selected (self->framework_row) == 1 ? "v2mom" : "okr",
  };
  if (!sl_range_chooser_get_range (self->range, &spec->first_day, &spec->last_day))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Type the first and last day of the period as YYYY-MM-DD"));
      return FALSE;
    }
  return TRUE;
}

/* Every key result as typed (SlKeyResultSpec), or NULL. A key result
 * following the goal's days follows the days chosen now. */
static GArray *
read_key_results (SlGoalDialog      *self,
                  const SlGoalSpec  *goal,
                  GError           **error)
{
  g_autoptr(GArray) specs = g_array_new (FALSE, TRUE, sizeof (SlKeyResultSpec));

  for (guint i = 0; i < self->editors->len; i++)
    {
      KeyResultEditor *editor = g_ptr_array_index (self->editors, i);
      SlKeyResultSpec spec = { .first_day = SL_DAY_INVALID, .last_day = SL_DAY_INVALID };
      SlMetric metric;

      if (!parse_target (self, editor, &spec.target, error))
        return NULL;
      spec.metric = editor_get_metric (editor, &metric) ? sl_metric_to_string (metric) : editor->unknown_key;
      spec.unit = editor_get_metric (editor, &metric) ? sl_goal_target_get_unit (metric) : editor->unknown_unit;
      if (editor->own_range)
        {
          spec.first_day = editor->first_day;
          spec.last_day = editor->last_day;
        }
      else if (editor->id != 0)
        {
          spec.first_day = goal->first_day;
          spec.last_day = goal->last_day;
        }
      g_array_append_val (specs, spec);
    }
  return g_steal_pointer (&specs);
}

static gboolean
write_edit (SlGoalDialog      *self,
            const SlGoalSpec  *goal,
            GArray            *specs,
            GError           **error)
{
  if (!sl_workspace_update_goal (self->workspace, self->goal_id, goal, error))
    return FALSE;
  for (guint i = 0; i < self->removed->len; i++)
    if (!sl_workspace_remove_key_result (self->workspace, g_array_index (self->removed, gint64, i), error))
      return FALSE;
  g_array_set_size (self->removed, 0);
  for (guint i = 0; i < self->editors->len; i++)
    {
      KeyResultEditor *editor = g_ptr_array_index (self->editors, i);
      const SlKeyResultSpec *spec = &g_array_index (specs, SlKeyResultSpec, i);

      if (editor->id != 0 && !sl_workspace_update_key_result (self->workspace, editor->id, spec, error))
        return FALSE;
      /* Added once: a second Save after a refusal updates it. */
      if (editor->id == 0 && !sl_workspace_add_key_result (self->workspace, self->goal_id, spec, &editor->id, error))
        return FALSE;
    }
  return TRUE;
}

static void
save_clicked_cb (SlGoalDialog *self)
{
  sl_goal_dialog_save (self);
}

static void
add_clicked_cb (SlGoalDialog *self)
{
  sl_goal_dialog_add_key_result (self);
}

static void
load_goal (SlGoalDialog *self)
{
  SlGoal *goal = sl_goal_store_lookup (sl_workspace_get_goals (self->workspace), self->goal_id);
  GListModel *key_results = G_LIST_MODEL (sl_workspace_get_key_results (self->workspace));

  g_return_if_fail (goal != NULL);

  self->goal_first = sl_goal_get_first_day (goal);
  self->goal_last = sl_goal_get_last_day (goal);
  gtk_editable_set_text (GTK_EDITABLE (self->objective_row), sl_goal_get_objective (goal));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), sl_goal_get_description (goal));
  adw_combo_row_set_selected (self->framework_row, g_strcmp0 (sl_goal_get_framework (goal), "v2mom") == 0);
  sl_range_chooser_set_range (self->range, self->goal_first, self->goal_last);
  for (guint i = 0; i < g_list_model_get_n_items (key_results); i++)
    {
      g_autoptr(SlKeyResult) kr = g_list_model_get_item (key_results, i);
      KeyResultEditor *editor;

      if (sl_key_result_get_goal_id (kr) != self->goal_id)
        continue;
      editor = add_editor (self, sl_key_result_get_metric (kr), sl_key_result_get_unit (kr),
                           sl_key_result_get_target (kr));
      editor->id = sl_record_get_id (SL_RECORD (kr));
      editor->first_day = sl_key_result_get_first_day (kr);
      editor->last_day = sl_key_result_get_last_day (kr);
      editor->own_range = editor->first_day != self->goal_first || editor->last_day != self->goal_last;
    }
}

static void
sl_goal_dialog_dispose (GObject *object)
{
  SlGoalDialog *self = (SlGoalDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_GOAL_DIALOG);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_array_unref);
  G_OBJECT_CLASS (sl_goal_dialog_parent_class)->dispose (object);
}

static void
sl_goal_dialog_class_init (SlGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_goal_dialog_dispose;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, goal_group);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, objective_row);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, framework_row);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, key_results_box);
  gtk_widget_class_bind_template_child (widget_class, SlGoalDialog, scroller);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_goal_dialog_init (SlGoalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editors = g_ptr_array_new_with_free_func (editor_free);
  self->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
sl_goal_dialog_new (GtkWindow      *parent,
                    SlWorkspace    *workspace,
                    gint64          goal_id,
                    const SlPeriod *period)
{
  SlGoalDialog *self;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (SL_TYPE_GOAL_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->goal_id = goal_id;
  self->range = SL_RANGE_CHOOSER (sl_range_chooser_new (workspace));
  /* Translators: the heading of a goal's period */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->range), _("When"));
  gtk_box_insert_child_after (self->content_box, GTK_WIDGET (self->range), GTK_WIDGET (self->goal_group));
  adw_window_title_set_title (self->window_title, goal_id != 0 ? _("Edit Goal") : _("New Goal"));
  gtk_window_set_title (GTK_WINDOW (self), goal_id != 0 ? _("Edit Goal") : _("New Goal"));
  if (goal_id != 0)
    load_goal (self);
  else
    {
      if (period != NULL)
        sl_range_chooser_set_period (self->range, period);
      add_editor (self, NULL, NULL, 0);
    }
  return GTK_WIDGET (self);
}

gboolean
sl_goal_dialog_save (SlGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) specs = NULL;
  SlGoalSpec goal;
  gint64 id = self->goal_id;

  g_return_val_if_fail (SL_IS_GOAL_DIALOG (self), FALSE);

  if (read_goal (self, &goal, &error) && (specs = read_key_results (self, &goal, &error)) != NULL)
    {
      if (self->goal_id == 0)
        sl_workspace_create_goal (self->workspace, &goal, (const SlKeyResultSpec *)specs->data, specs->len, &id,
                                  &error);
      else
        write_edit (self, &goal, specs, &error);
    }
  return sl_collab_finish_save (GTK_WINDOW (self), self->error_label, self->scroller, error,
                                signals[SIGNAL_SAVED], id);
}

const char *
sl_goal_dialog_get_error (SlGoalDialog *self)
{
  g_return_val_if_fail (SL_IS_GOAL_DIALOG (self), NULL);
  return sl_collab_get_refusal (self->error_label);
}

guint
sl_goal_dialog_get_n_key_results (SlGoalDialog *self)
{
  g_return_val_if_fail (SL_IS_GOAL_DIALOG (self), 0);
  return self->editors->len;
}

void
sl_goal_dialog_add_key_result (SlGoalDialog *self)
{
  g_return_if_fail (SL_IS_GOAL_DIALOG (self));

  gtk_widget_grab_focus (GTK_WIDGET (add_editor (self, NULL, NULL, 0)->metric_row));
}

GtkWidget *
sl_goal_dialog_get_field (SlGoalDialog *self,
                          const char   *name)
{
  g_return_val_if_fail (SL_IS_GOAL_DIALOG (self), NULL);

  if (g_strcmp0 (name, "objective") == 0)
    return GTK_WIDGET (self->objective_row);
  if (g_strcmp0 (name, "description") == 0)
    return GTK_WIDGET (self->description_row);
  if (g_strcmp0 (name, "framework") == 0)
    return GTK_WIDGET (self->framework_row);
  if (g_strcmp0 (name, "period") == 0)
    return GTK_WIDGET (self->range);
  if (g_strcmp0 (name, "save") == 0)
    return self->save_button;
  return NULL;
}

GtkWidget *
sl_goal_dialog_get_key_result_field (SlGoalDialog *self,
                                     guint         index,
                                     const char   *name)
{
  KeyResultEditor *editor;

  g_return_val_if_fail (SL_IS_GOAL_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->editors->len, NULL);

  editor = g_ptr_array_index (self->editors, index);
  if (g_strcmp0 (name, "metric") == 0)
    return GTK_WIDGET (editor->metric_row);
  if (g_strcmp0 (name, "target") == 0)
    return GTK_WIDGET (editor->target_row);
  if (g_strcmp0 (name, "remove") == 0)
    return editor->remove_button;
  return NULL;
}
