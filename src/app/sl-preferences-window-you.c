/* sl-preferences-window-you.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlPreferencesWindow: the You group. The user's name (the author of
 * comments, decisions and history) and role (what the core lets them do
 * with shared items) are the application's settings, not the
 * workspace's; until accounts on a sync server give the role, it is set
 * here. A change applies to the open workspace at once; the main window
 * follows the settings too. With a sharing account, the account gives
 * both, and the rows only show them. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-application.h"
#include "sl-preferences-window-private.h"

/* In the order of the role row's list. */
static const SlUserRole roles[] = {
  SL_USER_ROLE_MARKETING, SL_USER_ROLE_FINANCE, SL_USER_ROLE_VIEWER,
};

static const char *
get_role_subtitle (SlUserRole role)
{
  switch (role)
    {
    case SL_USER_ROLE_FINANCE:
      return _("Also approves and rejects reallocation plans and budget requests");
    case SL_USER_ROLE_VIEWER:
      return _("Reads everything and writes nothing");
    case SL_USER_ROLE_MARKETING:
    default:
      return _("Writes goals, wins and losses, plans and budget requests");
    }
}

/* Shows @name as the row's text, not as an edit waiting to be applied. */
static void
set_you_name_text (SlPreferencesWindow *self,
                   const char          *name)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->you_name_row)), name) == 0)
    return;
  adw_entry_row_set_show_apply_button (self->you_name_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->you_name_row), name);
  adw_entry_row_set_show_apply_button (self->you_name_row, TRUE);
}

/* Whether the workspace's sharing account gives the name and role. */
static gboolean
has_account (SlPreferencesWindow *self)
{
  return self->sync_manager != NULL && sl_sync_manager_get_account (self->sync_manager) != NULL;
}

static void
sync_you (SlPreferencesWindow *self)
{
  SlUserRole role = sl_workspace_get_user_role (self->workspace);
  gboolean from_account = has_account (self);

  self->updating = TRUE;
  /* The name history writes: the settings' one, else the account's. */
  set_you_name_text (self, sl_workspace_get_author (self->workspace));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == role)
      adw_combo_row_set_selected (self->role_row, i);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row),
                               from_account ? _("Given by your sharing account") : get_role_subtitle (role));
  gtk_widget_set_sensitive (GTK_WIDGET (self->you_name_row), !from_account);
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), !from_account);
  self->updating = FALSE;
}

void
sl_preferences_window_you_update (SlPreferencesWindow *self)
{
  if (self->workspace != NULL && self->role_row != NULL)
    sync_you (self);
}

static void
you_name_applied_cb (SlPreferencesWindow *self,
                     AdwEntryRow         *row)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (name);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "author-name", name);
  if (name[0] != '\0')
    sl_workspace_set_author (self->workspace, name);
  sync_you (self);
}

static void
role_selected_cb (SlPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  if (self->updating || self->workspace == NULL || selected >= G_N_ELEMENTS (roles) || has_account (self))
    return;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "user-role", sl_user_role_to_string (roles[selected]));
  sl_workspace_set_user_role (self->workspace, roles[selected]);
  sync_you (self);
}

static void
user_changed_cb (SlPreferencesWindow *self)
{
  sync_you (self);
}

static GSettings *
find_settings (SlPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;

  if (app == NULL)
    app = GTK_APPLICATION (g_application_get_default ());
  return SL_IS_APPLICATION (app) ? sl_application_get_settings (SL_APPLICATION (app)) : NULL;
}

void
sl_preferences_window_you_init (SlPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (labels, sl_user_role_get_label (roles[i]));
  self->updating = TRUE;
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (labels));
  self->updating = FALSE;

  g_set_object (&self->settings, find_settings (self));
  g_signal_connect_object (self->workspace, "notify::author", G_CALLBACK (user_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "notify::user-role", G_CALLBACK (user_changed_cb),
                           self, G_CONNECT_SWAPPED);
  sync_you (self);
}

void
sl_preferences_window_class_add_you_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, you_name_row);
  gtk_widget_class_bind_template_child (widget_class, SlPreferencesWindow, role_row);
  gtk_widget_class_bind_template_callback (widget_class, you_name_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
}
