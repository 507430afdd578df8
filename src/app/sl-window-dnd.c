/* sl-window-dnd.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Files dropped on a window: a workspace is opened, anything else is
 * offered for import into the open workspace. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-window-private.h"

static gboolean
is_workspace_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".sunlight");
}

static void
drop_file (SlWindow *self,
           GFile    *file)
{
  if (is_workspace_file (file))
    sl_window_open_file (self, file);
  else if (self->workspace == NULL)
    sl_window_show_toast (self, _("Open a workspace to import data into it"));
  else
    sl_window_show_import_dialog (self, file);
}

static gboolean
drop_cb (SlWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      drop_file (self, g_value_get_object (value));
      return TRUE;
    }
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  if (files->next != NULL)
    sl_window_show_toast (self, _("Drop one file at a time"));
  else
    drop_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

void
sl_window_init_dnd (SlWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
