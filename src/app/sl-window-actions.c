/* sl-window-actions.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-export-dialog.h"
#include "sl-tooltip.h"
#include "sl-glossary-window.h"
#include "sl-import-batch.h"
#include "sl-preferences-window.h"
#include "sl-window-private.h"

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;

  if (!sl_undo_stack_undo (sl_workspace_get_undo_stack (self->workspace), &error))
    sl_window_show_toast (self, error->message);
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;

  if (!sl_undo_stack_redo (sl_workspace_get_undo_stack (self->workspace), &error))
    sl_window_show_toast (self, error->message);
}

static void
change_year_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  SlPeriod year;

  if (self->workspace == NULL)
    return;

  if (g_str_equal (action_name, "win.next-year"))
    sl_period_next (&self->fiscal_year, &year);
  else
    sl_period_previous (&self->fiscal_year, &year);
  sl_window_set_fiscal_year (self, &year);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sl_window_show_import_chooser (SL_WINDOW (widget));
}

/* The file name and row count of import @id, for messages. */
static gboolean
describe_batch (SlWindow  *self,
                gint64     id,
                char     **file_name,
                gint64    *rows)
{
  g_autoptr(GPtrArray) batches = sl_import_batch_list (sl_workspace_get_database (self->workspace), NULL);

  for (guint i = 0; batches != NULL && i < batches->len; i++)
    {
      SlImportBatch *batch = g_ptr_array_index (batches, i);

      if (batch->id == id)
        {
          *file_name = g_strdup (batch->file_name);
          *rows = batch->rows_accepted;
          return TRUE;
        }
    }
  return FALSE;
}

static void
undo_import_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  gint64 rows = 0;

  if (self->workspace == NULL)
    return;

  if (!describe_batch (self, id, &file_name, &rows) ||
      !sl_import_batch_undo (sl_workspace_get_database (self->workspace), id, &error))
    {
      sl_window_show_toast (self, error != NULL ? error->message : _("That import was already undone"));
      return;
    }

  /* The rows went by another way than the undo stack. */
  sl_workspace_notify_changed (self->workspace, sl_workspace_import_tables);

  count = g_strdup_printf ("%'I" G_GINT64_FORMAT, rows);
  /* Translators: %s are a number of rows and a file name */
  message = g_strdup_printf (ngettext ("Removed the %s row of %s",
                                       "Removed the %s rows of %s", rows),
                             count, file_name);
  escaped = g_markup_escape_text (message, -1);
  sl_window_show_import_toast (self, adw_toast_new (escaped));
}

static void
show_rejects_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autofree char *uri = g_filename_to_uri (g_variant_get_string (parameter, NULL), NULL, NULL);

  /* GtkFileLauncher is GTK 4.10. */
  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static void
show_view_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->workspace == NULL || sl_window_ensure_view (self, name) == NULL)
    return;
  sl_window_show_view (self, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
help_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_window_present (sl_glossary_window_new (GTK_WINDOW (widget)));
}

/* GTK 4.8 gives the shortcuts window's search entry no accessible name. */
static void
label_search_entries (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search shortcuts"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    label_search_entries (child);
}

/* The shortcuts window becomes the window's help overlay when first
 * asked for: building it with every window would cost each start-up. */
static void
shortcuts_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/sl-shortcuts-window.ui");

      GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

      label_search_entries (overlay);
      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (overlay));
    }
  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  if (self->workspace == NULL)
    return;
  if (!sl_window_view_is_analysis (gtk_stack_get_visible_child_name (self->content_stack)))
    sl_window_show_view (self, "channels");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
filters_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  if (self->workspace == NULL)
    return;
  if (!sl_window_view_is_analysis (gtk_stack_get_visible_child_name (self->content_stack)))
    sl_window_show_view (self, "channels");
  sl_filter_bar_popup_filters (adw_leaflet_get_folded (self->leaflet) ? sl_window_views_ensure_narrow_filter_bar (self)
                                                                      : self->filter_bar);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  if (self->workspace == NULL)
    return;
  gtk_window_present (GTK_WINDOW (sl_export_dialog_new (GTK_WINDOW (self), self->workspace, self->filter)));
}

static void
preferences_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);
  SlPreferencesWindow *preferences;

  if (self->workspace == NULL)
    return;
  preferences = sl_preferences_window_new (GTK_WINDOW (self), self->workspace);
  sl_preferences_window_set_sync_manager (preferences, self->sync_manager);
  gtk_window_present (GTK_WINDOW (preferences));
}

void
sl_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action_cb);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action_cb);
  gtk_widget_class_install_action (widget_class, "win.filters", NULL, filters_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-year", NULL, change_year_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-year", NULL, change_year_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-import", "x", undo_import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-rejects", "s", show_rejects_action_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
}

void
sl_window_update_actions (SlWindow *self)
{
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;
  SlUndoStack *undo_stack = NULL;
  gboolean has_workspace = self->workspace != NULL;

  if (has_workspace)
    undo_stack = sl_workspace_get_undo_stack (self->workspace);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 undo_stack != NULL && sl_undo_stack_can_undo (undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 undo_stack != NULL && sl_undo_stack_can_redo (undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-year", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-year", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.filters", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_workspace);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review", has_workspace);

  if (undo_stack != NULL && sl_undo_stack_can_undo (undo_stack))
    {
      /* Translators: a tooltip; %s is what undo takes back, e.g. “Change Paid Search, March 2025” */
      undo_tooltip = g_strdup_printf (_("Undo “%s”"), sl_undo_stack_get_undo_label (undo_stack));
    }
  if (undo_stack != NULL && sl_undo_stack_can_redo (undo_stack))
    {
      /* Translators: a tooltip; %s is what redo applies again, e.g. “Change Paid Search, March 2025” */
      redo_tooltip = g_strdup_printf (_("Redo “%s”"), sl_undo_stack_get_redo_label (undo_stack));
    }
  sl_tooltip_set_text (self->undo_button, undo_tooltip != NULL ? undo_tooltip : _("Undo"));
  sl_tooltip_set_text (self->redo_button, redo_tooltip != NULL ? redo_tooltip : _("Redo"));
}
