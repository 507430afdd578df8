/* sl-sync-manager.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-sync-manager.h"

struct _SlSyncManager
{
  GObject        parent_instance;

  SlWorkspace   *workspace;
  SlSyncKeyring *keyring;
  SlSyncAccount *account;
  SlSyncClient  *client;
  GCancellable  *cancellable;   /* of a lookup under way */
  gboolean       needs_password;
};

G_DEFINE_FINAL_TYPE (SlSyncManager, sl_sync_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_NEEDS_PASSWORD,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SlSyncAccount *account;
  SlSyncClient  *client;
  char          *password;
} Connect;

static void
connect_free (Connect *connect)
{
  g_clear_object (&connect->account);
  g_clear_object (&connect->client);
  g_free (connect->password);
  g_free (connect);
}

/* Helpers */

static void
set_needs_password (SlSyncManager *self,
                    gboolean       needs_password)
{
  if (self->needs_password == needs_password)
    return;
  self->needs_password = needs_password;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_PASSWORD]);
}

/* Takes @client (NULL: none) and starts it. */
static void
set_client (SlSyncManager *self,
            SlSyncClient  *client)
{
  if (self->client != NULL)
    sl_sync_client_stop (self->client);
  g_clear_object (&self->client);
  self->client = client;
  if (client != NULL)
    sl_sync_client_start (client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static gboolean
check_address (const char  *url,
               GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL &&
      (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is what the user typed */
               _("“%s” is not a server address; it starts with https:// or http://"), url);
  return FALSE;
}

/* Callbacks */

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SlSyncManager) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  password = sl_sync_keyring_lookup_finish (SL_SYNC_KEYRING (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->account == NULL)
    return;
  g_clear_object (&self->cancellable);
  set_needs_password (self, password == NULL);
  if (password != NULL)
    set_client (self, sl_sync_client_new (self->workspace, self->account, password));
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  sl_sync_keyring_store_finish (SL_SYNC_KEYRING (source), result, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlSyncManager *self = g_task_get_source_object (task);
  Connect *connect = g_task_get_task_data (task);
  GError *error = NULL;

  if (!sl_sync_client_sync_finish (SL_SYNC_CLIENT (source), result, &error))
    {
      sl_sync_account_remove (connect->account, NULL);
      g_task_return_error (task, error);
      return;
    }
  g_set_object (&self->account, connect->account);
  set_needs_password (self, FALSE);
  set_client (self, g_steal_pointer (&connect->client));
  sl_sync_keyring_store_async (self->keyring, connect->account, connect->password,
                               NULL, stored_cb, g_object_ref (task));
}

/* GObject */

static void
sl_sync_manager_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlSyncManager *self = SL_SYNC_MANAGER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_NEEDS_PASSWORD:
      g_value_set_boolean (value, self->needs_password);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_sync_manager_dispose (GObject *object)
{
  SlSyncManager *self = (SlSyncManager *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    sl_sync_client_stop (self->client);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->keyring);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sl_sync_manager_parent_class)->dispose (object);
}

static void
sl_sync_manager_class_init (SlSyncManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sl_sync_manager_get_property;
  object_class->dispose = sl_sync_manager_dispose;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SL_TYPE_SYNC_CLIENT, flags);
  properties[PROP_NEEDS_PASSWORD] =
    g_param_spec_boolean ("needs-password", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_sync_manager_init (SlSyncManager *self)
{
}

/* Public API */

SlSyncManager *
sl_sync_manager_new (SlWorkspace   *workspace,
                     SlSyncKeyring *keyring)
{
  SlSyncManager *self;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SL_IS_SYNC_KEYRING (keyring), NULL);

  self = g_object_new (SL_TYPE_SYNC_MANAGER, NULL);
  self->workspace = g_object_ref (workspace);
  self->keyring = g_object_ref (keyring);
  return self;
}

SlWorkspace *
sl_sync_manager_get_workspace (SlSyncManager *self)
{
  g_return_val_if_fail (SL_IS_SYNC_MANAGER (self), NULL);
  return self->workspace;
}

SlSyncKeyring *
sl_sync_manager_get_keyring (SlSyncManager *self)
{
  g_return_val_if_fail (SL_IS_SYNC_MANAGER (self), NULL);
  return self->keyring;
}

SlSyncClient *
sl_sync_manager_get_client (SlSyncManager *self)
{
  g_return_val_if_fail (SL_IS_SYNC_MANAGER (self), NULL);
  return self->client;
}

SlSyncAccount *
sl_sync_manager_get_account (SlSyncManager *self)
{
  g_return_val_if_fail (SL_IS_SYNC_MANAGER (self), NULL);
  return self->account;
}

gboolean
sl_sync_manager_needs_password (SlSyncManager *self)
{
  g_return_val_if_fail (SL_IS_SYNC_MANAGER (self), FALSE);
  return self->needs_password;
}

void
sl_sync_manager_resume (SlSyncManager *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SL_IS_SYNC_MANAGER (self));

  if (self->client != NULL || self->cancellable != NULL)
    return;
  g_clear_object (&self->account);
  self->account = sl_sync_account_lookup_first (sl_workspace_get_database (self->workspace), &error);
  if (self->account == NULL)
    {
      if (error != NULL)
        g_message ("Could not read the workspace’s server account: %s", error->message);
      return;
    }
  self->cancellable = g_cancellable_new ();
  sl_sync_keyring_lookup_async (self->keyring, self->account, self->cancellable, looked_up_cb,
                                g_object_ref (self));
}

void
sl_sync_manager_connect_async (SlSyncManager       *self,
                               const char          *url,
                               const char          *database,
                               const char          *user,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Connect *connect;

  g_return_if_fail (SL_IS_SYNC_MANAGER (self));
  g_return_if_fail (url != NULL && database != NULL && user != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_manager_connect_async);
  if (!check_address (url, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (*database == '\0' || *user == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               _("Give the database on the server and your user name"));
      return;
    }
  sl_sync_manager_disconnect (self);
  connect = g_new0 (Connect, 1);
  connect->account = sl_sync_account_add (sl_workspace_get_database (self->workspace), url, database,
                                          user, &error);
  if (connect->account == NULL)
    {
      connect_free (connect);
      g_task_return_error (task, error);
      return;
    }
  connect->password = g_strdup (password);
  connect->client = sl_sync_client_new (self->workspace, connect->account, password);
  g_task_set_task_data (task, connect, (GDestroyNotify)connect_free);
  sl_sync_client_sync_async (connect->client, cancellable, checked_cb, g_steal_pointer (&task));
}

gboolean
sl_sync_manager_connect_finish (SlSyncManager  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sl_sync_manager_disconnect (SlSyncManager *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SL_IS_SYNC_MANAGER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    set_client (self, NULL);
  if (self->account != NULL)
    {
      sl_sync_keyring_forget (self->keyring, self->account);
      if (!sl_sync_account_remove (self->account, &error))
        g_message ("Could not forget the server account: %s", error->message);
      g_clear_object (&self->account);
    }
  set_needs_password (self, FALSE);
}
