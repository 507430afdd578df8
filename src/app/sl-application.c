/* sl-application.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-application.h"
#include "sl-demo.h"
#include "sl-gtk-theme.h"
#include "sl-window.h"

#define MAX_RECENT 10

struct _SlApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SlSyncKeyring  *keyring;   /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (SlApplication, sl_application, ADW_TYPE_APPLICATION)

/* Whether sl_application_prepare() set GTK_THEME. */
static gboolean gtk_theme_set;

void
sl_application_prepare (void)
{
  gtk_theme_set = sl_gtk_theme_skip_begin ();
}

static void
unset_gtk_theme (void)
{
  if (!gtk_theme_set)
    return;
  sl_gtk_theme_skip_end ();
  gtk_theme_set = FALSE;
}

static SlWindow *
get_window (SlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SL_IS_WINDOW (window))
    return SL_WINDOW (window);
  return sl_window_new (self);
}

/* An empty window to open a file in: the active one if it shows the
 * welcome page, else a new one. */
static SlWindow *
get_empty_window (SlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SL_IS_WINDOW (window) && sl_window_get_workspace (SL_WINDOW (window)) == NULL)
    return SL_WINDOW (window);
  return sl_window_new (self);
}

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed; settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* Actions. */

static void
new_workspace_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  SlWindow *window = get_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  sl_window_show_new_dialog (window);
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SlWindow *window = get_window (user_data);

  gtk_window_present (GTK_WINDOW (window));
  sl_window_show_open_dialog (window);
}

static void
open_demo_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SlApplication *self = user_data;
  SlWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  sl_application_open_demo (self, GTK_WINDOW (window));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SlApplication *self = user_data;
  const char *developers[] = { _("The Sunlight authors"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Sunlight"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Sunlight authors"),
                         "developers", developers,
                         "comments", _("Plan your marketing budget and review it with finance"),
                         "copyright", _("© 2026 The Sunlight authors"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
shortcuts_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.shortcuts", NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing the windows lets them save their size first. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_destroy (windows->data);
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { "new-workspace", new_workspace_action_cb },
  { "open", open_action_cb },
  { "open-demo", open_demo_action_cb },
  { "about", about_action_cb },
  { "shortcuts", shortcuts_action_cb },
  { "quit", quit_action_cb },
};

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.new-workspace", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-view::overview", { "<Control>1", NULL } },
    { "win.show-view::funnel", { "<Control>2", NULL } },
    { "win.show-view::channels", { "<Control>3", NULL } },
    { "win.show-view::timeline", { "<Control>4", NULL } },
    { "win.show-view::plan", { "<Control>5", NULL } },
    { "win.show-view::goals", { "<Control>6", NULL } },
    { "win.show-view::notes", { "<Control>7", NULL } },
    { "win.show-view::plans", { "<Control>8", NULL } },
    { "win.show-view::request", { "<Control>9", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.help", { "F1", NULL } },
    { "win.filters", { "<Control><Shift>f", NULL } },
    { "win.shortcuts", { "<Control>question", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.review", { "F5", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

/* GApplication. */

/* Icon themes load on the first icon looked up, and GTK's icon theme
 * takes lookups from any thread: one on the second core while the
 * window is built, so that the theme is ready when the window needs it. */
static void
warm_icon_theme_thread (GTask        *task,
                        gpointer      source,
                        gpointer      data,
                        GCancellable *cancellable)
{
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (data, "go-previous-symbolic", NULL, 16, 1,
                                                                 GTK_TEXT_DIR_NONE, 0);

  g_task_return_boolean (task, icon != NULL);
}

static void
warm_icon_theme (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, warm_icon_theme_thread);
}

static void
sl_application_startup (GApplication *app)
{
  SlApplication *self = SL_APPLICATION (app);

  unset_gtk_theme ();
  G_APPLICATION_CLASS (sl_application_parent_class)->startup (app);
  warm_icon_theme ();

  g_set_application_name (_("Sunlight"));
  self->settings = load_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  set_accels (GTK_APPLICATION (app));
}

static void
sl_application_activate (GApplication *app)
{
  SlApplication *self = SL_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *last = NULL;
  SlWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = sl_window_new (self);
  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-workspace");
  if (last != NULL && *last != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last);

      if (g_file_query_exists (file, NULL))
        sl_window_open_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
sl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SlApplication *self = SL_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      SlWindow *window = get_empty_window (self);

      sl_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
sl_application_dispose (GObject *object)
{
  SlApplication *self = (SlApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->keyring);

  G_OBJECT_CLASS (sl_application_parent_class)->dispose (object);
}

static void
sl_application_class_init (SlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sl_application_dispose;

  app_class->startup = sl_application_startup;
  app_class->activate = sl_application_activate;
  app_class->open = sl_application_open;
}

static void
sl_application_init (SlApplication *self)
{
}

SlApplication *
sl_application_new (void)
{
  return g_object_new (SL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
sl_application_get_settings (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);
  return self->settings;
}

SlSyncKeyring *
sl_application_get_keyring (SlApplication *self)
{
  g_return_val_if_fail (SL_IS_APPLICATION (self), NULL);

  if (self->keyring == NULL)
    self->keyring = sl_sync_keyring_new ();
  return self->keyring;
}

void
sl_application_set_keyring (SlApplication *self,
                            SlSyncKeyring *keyring)
{
  g_return_if_fail (SL_IS_APPLICATION (self));
  g_return_if_fail (SL_IS_SYNC_KEYRING (keyring));

  g_set_object (&self->keyring, keyring);
}

void
sl_application_add_recent (SlApplication *self,
                           GFile         *file)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = NULL;
  guint n = 1;

  g_return_if_fail (SL_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->settings == NULL)
    return;

  uri = g_file_get_uri (file);
  old = g_settings_get_strv (self->settings, "recent-workspaces");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], uri) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *)recent);
  g_settings_set_string (self->settings, "last-workspace", uri);
}
