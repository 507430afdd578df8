/* sl-imports-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-import.h"
#include "sl-import-batch.h"
#include "sl-imports-view.h"
#include "sl-view-text.h"

struct _SlImportsView
{
  AdwBin        parent_instance;

  GtkStack     *stack;
  GtkListBox   *list;

  SlWorkspace  *workspace;
  GPtrArray    *batches;   /* SlImportBatch, as listed */
  gboolean      stale;     /* changed while hidden */
};

G_DEFINE_FINAL_TYPE (SlImportsView, sl_imports_view, ADW_TYPE_BIN)

/* Kinds of import, as people call them, in SlImportKind order. */
static const char * const kind_labels[] = {
  N_("Spend"), N_("Funnel"), N_("Revenue"), N_("Budget plan"),
};

static char *
format_count (gint64 count)
{
  /* Grouped, and in the digits of the locale, as ICU formats amounts:
   * 1,143, ۱٬۱۴۳. */
  return g_strdup_printf ("%'I" G_GINT64_FORMAT, count);
}

static const char *
get_kind_label (const char *kind)
{
  SlImportKind value;

  if (sl_import_kind_from_string (kind, &value) && value < G_N_ELEMENTS (kind_labels))
    return _(kind_labels[value]);
  return kind;
}

/* “Spend · 1,143 rows · 2 rejected · Nov 23, 2026 10:12 · Dana” */
static char *
dup_subtitle (SlImportsView       *self,
              const SlImportBatch *batch)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *accepted = format_count (batch->rows_accepted);

  g_ptr_array_add (parts, g_strdup (get_kind_label (batch->kind)));
  /* Translators: %s is a number of rows, as in “1,143 rows” */
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s row", "%s rows", batch->rows_accepted), accepted));
  if (batch->rows_rejected > 0)
    {
      g_autofree char *rejected = format_count (batch->rows_rejected);

      /* Translators: %s is a number of rows the import refused */
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s rejected", "%s rejected", batch->rows_rejected),
                                               rejected));
    }
  g_ptr_array_add (parts, sl_view_format_time (self->workspace, batch->imported_at));
  if (batch->author != NULL && *batch->author != '\0')
    g_ptr_array_add (parts, g_strdup (batch->author));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the facts about an import */
  return g_strjoinv (_(" · "), (char **)parts->pdata);
}

static GtkWidget *
create_row (SlImportsView       *self,
            const SlImportBatch *batch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Undo Import"));
  g_autofree char *subtitle = dup_subtitle (self, batch);
  g_autofree char *description = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), batch->file_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "imports.undo");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", batch->id);
  /* Translators: the accessible name of a button; %s is a file name */
  description = g_strdup_printf (_("Undo the import of %s"), batch->file_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static const SlImportBatch *
find_batch (SlImportsView *self,
            gint64         id)
{
  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    {
      const SlImportBatch *batch = g_ptr_array_index (self->batches, i);

      if (batch->id == id)
        return batch;
    }
  return NULL;
}

static void
confirm_response_cb (SlImportsView    *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "batch-id");

  if (g_strcmp0 (response, "undo") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.undo-import", "x", *id);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlImportsView *self = SL_IMPORTS_VIEW (widget);
  const SlImportBatch *batch = find_batch (self, g_variant_get_int64 (parameter));
  g_autofree char *count = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (batch == NULL)
    return;

  count = format_count (batch->rows_accepted);
  /* Translators: %s are a number of rows and a file name */
  body = g_strdup_printf (ngettext ("Remove the %s row of %s? This cannot be undone.",
                                    "Remove the %s rows of %s? This cannot be undone.",
                                    batch->rows_accepted),
                          count, batch->file_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Undo Import?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "undo", _("_Undo Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "batch-id",
                          g_memdup2 (&batch->id, sizeof batch->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Hidden, the list catches up when it is shown (or counted). */
static void
refresh (SlImportsView *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    sl_imports_view_reload (self);
}

static void
workspace_changed_cb (SlImportsView *self,
                      const char    *table,
                      SlWorkspace   *workspace)
{
  refresh (self);
}

static void
sl_imports_view_map (GtkWidget *widget)
{
  SlImportsView *self = SL_IMPORTS_VIEW (widget);

  if (self->stale)
    sl_imports_view_reload (self);
  GTK_WIDGET_CLASS (sl_imports_view_parent_class)->map (widget);
}

static void
sl_imports_view_dispose (GObject *object)
{
  SlImportsView *self = (SlImportsView *)object;

  sl_imports_view_set_workspace (self, NULL);
  /* AdwBin unparents its child itself; let it before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_IMPORTS_VIEW);
  g_clear_pointer (&self->batches, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_imports_view_parent_class)->dispose (object);
}

static void
sl_imports_view_class_init (SlImportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_imports_view_dispose;
  widget_class->map = sl_imports_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-imports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlImportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlImportsView, list);

  gtk_widget_class_install_action (widget_class, "imports.undo", "x", undo_action_cb);
}

static void
sl_imports_view_init (SlImportsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sl_imports_view_new (void)
{
  return g_object_new (SL_TYPE_IMPORTS_VIEW, NULL);
}

void
sl_imports_view_set_workspace (SlImportsView *self,
                               SlWorkspace   *workspace)
{
  g_return_if_fail (SL_IS_IMPORTS_VIEW (self));
  g_return_if_fail (workspace == NULL || SL_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "changed::import_batch",
                             G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

SlWorkspace *
sl_imports_view_get_workspace (SlImportsView *self)
{
  g_return_val_if_fail (SL_IS_IMPORTS_VIEW (self), NULL);
  return self->workspace;
}

void
sl_imports_view_reload (SlImportsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (SL_IS_IMPORTS_VIEW (self));

  /* The list box may be gone already while the view is disposed. */
  if (self->list == NULL)
    return;
  self->stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->batches, g_ptr_array_unref);

  if (self->workspace != NULL)
    self->batches = sl_import_batch_list (sl_workspace_get_database (self->workspace), &error);
  if (error != NULL)
    g_warning ("Could not list the imports: %s", error->message);

  for (guint i = 0; self->batches != NULL && i < self->batches->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (self->batches, i)));

  gtk_stack_set_visible_child_name (self->stack, sl_imports_view_get_n_imports (self) > 0 ? "list" : "empty");
}

guint
sl_imports_view_get_n_imports (SlImportsView *self)
{
  g_return_val_if_fail (SL_IS_IMPORTS_VIEW (self), 0);

  if (self->stale)
    sl_imports_view_reload (self);
  return self->batches != NULL ? self->batches->len : 0;
}
