/* sl-welcome-page.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include "sl-welcome-page.h"

struct _SlWelcomePage
{
  AdwBin         parent_instance;

  GtkMenuButton *menu_button;
  GtkWidget     *recent_group;
  GtkListBox    *recent_list;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (SlWelcomePage, sl_welcome_page, ADW_TYPE_BIN)

enum {
  OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "~/Documents" for a file in the home folder's Documents. */
static char *
dup_folder_label (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = NULL;
  const char *home = g_get_home_dir ();

  if (parent == NULL)
    return g_strdup ("");

  name = g_file_get_parse_name (parent);
  if (g_str_has_prefix (name, home) && (name[strlen (home)] == '/' || name[strlen (home)] == '\0'))
    return g_strconcat ("~", name + strlen (home), NULL);
  return g_steal_pointer (&name);
}

static GtkWidget *
create_recent_row (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folder = dup_folder_label (file);
  GtkWidget *row = adw_action_row_new ();

  if (g_str_has_suffix (basename, ".sunlight") && strlen (basename) > strlen (".sunlight"))
    basename[strlen (basename) - strlen (".sunlight")] = '\0';

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
  return row;
}

static void
rebuild_recent_list (SlWelcomePage *self)
{
  g_auto(GStrv) uris = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (self->settings != NULL)
    uris = g_settings_get_strv (self->settings, "recent-workspaces");

  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (uris[i]));

  gtk_widget_set_visible (self->recent_group, uris != NULL && uris[0] != NULL);
}

static void
row_activated_cb (SlWelcomePage *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = NULL;

  if (uri == NULL)
    return;

  file = g_file_new_for_uri (uri);
  g_signal_emit (self, signals[OPEN_FILE], 0, file);
}

static void
sl_welcome_page_dispose (GObject *object)
{
  SlWelcomePage *self = (SlWelcomePage *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (sl_welcome_page_parent_class)->dispose (object);
}

static void
sl_welcome_page_class_init (SlWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_welcome_page_dispose;

  signals[OPEN_FILE] = g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlWelcomePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SlWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, SlWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
sl_welcome_page_init (SlWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sl_welcome_page_new (GSettings *settings)
{
  SlWelcomePage *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SL_TYPE_WELCOME_PAGE, NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::recent-workspaces",
                               G_CALLBACK (rebuild_recent_list), self, G_CONNECT_SWAPPED);
    }
  rebuild_recent_list (self);
  return GTK_WIDGET (self);
}

GtkMenuButton *
sl_welcome_page_get_menu_button (SlWelcomePage *self)
{
  g_return_val_if_fail (SL_IS_WELCOME_PAGE (self), NULL);
  return self->menu_button;
}

GtkListBox *
sl_welcome_page_get_recent_list (SlWelcomePage *self)
{
  g_return_val_if_fail (SL_IS_WELCOME_PAGE (self), NULL);
  return self->recent_list;
}
