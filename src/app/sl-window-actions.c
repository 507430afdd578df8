/* sl-window-actions.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

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

void
sl_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-year", NULL, change_year_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-year", NULL, change_year_action_cb);
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
  gtk_widget_set_tooltip_text (self->undo_button, undo_tooltip != NULL ? undo_tooltip : _("Undo"));
  gtk_widget_set_tooltip_text (self->redo_button, redo_tooltip != NULL ? redo_tooltip : _("Redo"));
}
