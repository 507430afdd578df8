/* sl-notes-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-annotation-editor.h"
#include "sl-collab-common.h"
#include "sl-notes-view-private.h"
#include "sl-view.h"
#include "sl-workspace-annotations.h"

static void sl_notes_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlNotesView, sl_notes_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_notes_view_view_iface_init))

/* The kind dropdown's items after "All kinds", as sl_annotation_kinds. */
static const char * const kind_plurals[] = {
  N_("Wins"), N_("Losses"), N_("Experiments"), N_("Notes"), N_("Unexpected expenses"),
};

static const char *
selected_kind (SlNotesView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected >= 1 && selected <= G_N_ELEMENTS (kind_plurals) ? sl_annotation_kinds[selected - 1] : NULL;
}

/* Whether @annotation is of the period, scope, search and kind chosen. */
static gboolean
is_shown (SlNotesView  *self,
          SlAnnotation *annotation)
{
  const SlPeriod *period = sl_view_filter_get_period (self->filter);
  const char *kind = selected_kind (self);
  SlScope scope;

  sl_view_filter_get_scope (self->filter, &scope);
  if (sl_annotation_get_first_day (annotation) > period->last ||
      sl_annotation_get_last_day (annotation) < period->first)
    return FALSE;
  if (!sl_collab_scope_contains (&scope, sl_annotation_get_channel_id (annotation),
                                 sl_annotation_get_campaign_id (annotation)))
    return FALSE;
  if (kind != NULL && g_strcmp0 (sl_annotation_get_kind (annotation), kind) != 0)
    return FALSE;
  return sl_view_filter_matches (self->filter, sl_annotation_get_title (annotation)) ||
         sl_view_filter_matches (self->filter, sl_annotation_get_body (annotation)) ||
         sl_view_filter_matches (self->filter, sl_annotation_get_author (annotation));
}

/* Latest days first, then the latest written. */
static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  SlAnnotation *x = *(SlAnnotation **)a;
  SlAnnotation *y = *(SlAnnotation **)b;

  if (sl_annotation_get_first_day (x) != sl_annotation_get_first_day (y))
    return sl_annotation_get_first_day (x) < sl_annotation_get_first_day (y) ? 1 : -1;
  return sl_annotation_get_created_at (x) < sl_annotation_get_created_at (y) ? 1
         : sl_annotation_get_created_at (x) > sl_annotation_get_created_at (y) ? -1 : 0;
}

static void
update_empty_page (SlNotesView *self,
                   guint        n_all)
{
  if (n_all == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Shared Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Wins, losses, experiments and surprises shared with finance appear "
                                         "here, each with the figures it cites."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Here"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing shared matches the period, channel, kind and search chosen."));
    }
}

static void
refresh_now (SlNotesView *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *annotations;
  g_autofree char *count = NULL;
  g_autofree char *n_shown = NULL;
  guint n_all;

  self->stale = FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (self->workspace == NULL)
    return;

  annotations = G_LIST_MODEL (sl_workspace_get_annotations (self->workspace));
  n_all = g_list_model_get_n_items (annotations);
  for (guint i = 0; i < n_all; i++)
    {
      SlAnnotation *annotation = g_list_model_get_item (annotations, i);

      if (is_shown (self, annotation))
        g_ptr_array_add (shown, annotation);
      else
        g_object_unref (annotation);
    }
  g_ptr_array_sort (shown, compare_annotations);
  for (guint i = 0; i < shown->len; i++)
    {
      GtkWidget *row = sl_notes_view_create_row (self, g_ptr_array_index (shown, i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  n_shown = sl_number_format (shown->len, 0, NULL);
  /* Translators: how many wins, losses and notes are listed; %s is a number in the locale's digits */
  count = g_strdup_printf (ngettext ("%s shown", "%s shown", shown->len), n_shown);
  gtk_label_set_label (self->count_label, count);
  update_empty_page (self, n_all);
  gtk_stack_set_visible_child_name (self->stack, shown->len > 0 ? "list" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SlNotesView *self = data;

  self->refresh_id = 0;
  if (self->stale)
    refresh_now (self);
  return G_SOURCE_REMOVE;
}

/* Hidden pages catch up when shown; a shown one just after the change. */
static void
refresh (SlNotesView *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
kind_changed_cb (SlNotesView *self)
{
  refresh (self);
}

static void
saved_cb (SlNotesView *self)
{
  sl_collab_show_toast (GTK_WIDGET (self), _("Shared with finance"), TRUE);
}

static void
open_editor (SlNotesView *self,
             gint64       id,
             const char  *focus)
{
  GtkWidget *editor;

  if (self->workspace == NULL)
    return;
  editor = sl_annotation_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->workspace,
                                     self->filter, id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  if (focus != NULL)
    gtk_widget_grab_focus (sl_annotation_editor_get_field (SL_ANNOTATION_EDITOR (editor), focus));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (SL_NOTES_VIEW (widget), 0, "title");
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_editor (SL_NOTES_VIEW (widget), g_variant_get_int64 (parameter),
               g_str_equal (action_name, "notes.outcome") ? "actual" : NULL);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlNotesView *self = SL_NOTES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;
  if (!sl_workspace_delete_annotation (self->workspace, g_variant_get_int64 (parameter), &error))
    sl_collab_show_toast (GTK_WIDGET (self), error->message, FALSE);
  else
    sl_collab_show_toast (GTK_WIDGET (self), _("Deleted"), TRUE);
}

static void
sl_notes_view_map (GtkWidget *widget)
{
  SlNotesView *self = SL_NOTES_VIEW (widget);

  GTK_WIDGET_CLASS (sl_notes_view_parent_class)->map (widget);
  if (self->stale)
    refresh_now (self);
}

static void
sl_notes_view_dispose (GObject *object)
{
  SlNotesView *self = (SlNotesView *)object;

  sl_notes_view_set_context (self, NULL, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_NOTES_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (sl_notes_view_parent_class)->dispose (object);
}

static void
sl_notes_view_class_init (SlNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_notes_view_dispose;
  widget_class->map = sl_notes_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlNotesView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlNotesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlNotesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlNotesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SlNotesView, list);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "notes.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "notes.edit", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "notes.outcome", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "notes.delete", "x", delete_action_cb);
}

static void
sl_notes_view_init (SlNotesView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < G_N_ELEMENTS (kind_plurals); i++)
    gtk_string_list_append (kinds, _(kind_plurals[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  /* Anywhere in the window, while the page is shown. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>n"),
                                                          gtk_named_action_new ("notes.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
sl_notes_view_set_context (SlNotesView  *self,
                           SlWorkspace  *workspace,
                           SlViewFilter *filter)
{
  g_return_if_fail (SL_IS_NOTES_VIEW (self));
  g_return_if_fail ((workspace == NULL) == (filter == NULL));

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workspace, self);
      g_signal_handlers_disconnect_by_data (self->filter, self);
    }
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->filter, filter);
  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (filter, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

void
sl_notes_view_set_kind_filter (SlNotesView *self,
                               const char  *kind)
{
  guint selected = 0;

  g_return_if_fail (SL_IS_NOTES_VIEW (self));

  for (guint i = 0; kind != NULL && sl_annotation_kinds[i] != NULL; i++)
    if (g_str_equal (sl_annotation_kinds[i], kind))
      selected = i + 1;
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
}

guint
sl_notes_view_get_n_shown (SlNotesView *self)
{
  g_return_val_if_fail (SL_IS_NOTES_VIEW (self), 0);

  if (self->stale)
    refresh_now (self);
  return self->rows->len;
}

gint64
sl_notes_view_get_shown_id (SlNotesView *self,
                            guint        index)
{
  g_return_val_if_fail (SL_IS_NOTES_VIEW (self), 0);

  if (self->stale)
    refresh_now (self);
  g_return_val_if_fail (index < self->rows->len, 0);
  return sl_notes_view_row_get_id (g_ptr_array_index (self->rows, index));
}

GtkWidget *
sl_notes_view_get_row (SlNotesView *self,
                       gint64       id)
{
  g_return_val_if_fail (SL_IS_NOTES_VIEW (self), NULL);

  if (self->stale)
    refresh_now (self);
  for (guint i = 0; i < self->rows->len; i++)
    if (sl_notes_view_row_get_id (g_ptr_array_index (self->rows, i)) == id)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

const char *
sl_notes_view_get_figure_text (SlNotesView *self,
                               gint64       id,
                               SlMetric     metric,
                               gboolean     now)
{
  GtkWidget *row = sl_notes_view_get_row (self, id);
  g_autofree char *key = NULL;
  GtkLabel *label;

  if (row == NULL)
    return NULL;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  sl_notes_view_fill_row (self, row);
  key = g_strdup_printf ("%s-%s", now ? "now" : "then", sl_metric_to_string (metric));
  label = g_object_get_data (G_OBJECT (row), key);
  return label != NULL ? gtk_label_get_label (label) : NULL;
}

static void
sl_notes_view_iface_set_context (SlView       *view,
                                 SlWorkspace  *workspace,
                                 SlViewFilter *filter)
{
  sl_notes_view_set_context (SL_NOTES_VIEW (view), workspace, filter);
}

static void
sl_notes_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_notes_view_iface_set_context;
}
