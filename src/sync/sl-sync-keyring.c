/* sl-sync-keyring.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sl-sync-keyring.h"

struct _SlSyncKeyring
{
  GObject     parent_instance;

  GHashTable *memory;      /* "url\ndatabase\nuser" → password */
  gboolean    in_memory;   /* no secret service */
};

G_DEFINE_FINAL_TYPE (SlSyncKeyring, sl_sync_keyring, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IN_MEMORY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static const SecretSchema server_schema = {
  "io.github.sunlightapp.Sunlight.Server", SECRET_SCHEMA_NONE,
  {
    { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

/* Helpers */

static char *
memory_key (SlSyncAccount *account)
{
  return g_strjoin ("\n", sl_sync_account_get_url (account), sl_sync_account_get_db_name (account),
                    sl_sync_account_get_user (account), NULL);
}

static GHashTable *
attributes_of (SlSyncAccount *account)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "url", (gpointer)sl_sync_account_get_url (account));
  g_hash_table_insert (attributes, "database", (gpointer)sl_sync_account_get_db_name (account));
  g_hash_table_insert (attributes, "user", (gpointer)sl_sync_account_get_user (account));
  return attributes;
}

/* The secret service failed: from now on, memory only. */
static void
fall_back (SlSyncKeyring *self,
           const GError  *error)
{
  if (self->in_memory)
    return;
  g_message ("No keyring (%s): server passwords are kept until Sunlight quits", error->message);
  self->in_memory = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IN_MEMORY]);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fall_back (g_task_get_source_object (task), error);
  g_task_return_boolean (task, TRUE);
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fall_back (g_task_get_source_object (task), error);
  g_task_return_pointer (task, password, g_free);
}

static void
forgotten_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
}

/* GObject */

static void
sl_sync_keyring_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlSyncKeyring *self = SL_SYNC_KEYRING (object);

  switch (prop_id)
    {
    case PROP_IN_MEMORY:
      g_value_set_boolean (value, self->in_memory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_sync_keyring_finalize (GObject *object)
{
  SlSyncKeyring *self = (SlSyncKeyring *)object;

  g_hash_table_unref (self->memory);

  G_OBJECT_CLASS (sl_sync_keyring_parent_class)->finalize (object);
}

static void
sl_sync_keyring_class_init (SlSyncKeyringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sl_sync_keyring_get_property;
  object_class->finalize = sl_sync_keyring_finalize;

  properties[PROP_IN_MEMORY] =
    g_param_spec_boolean ("in-memory", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_sync_keyring_init (SlSyncKeyring *self)
{
  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

SlSyncKeyring *
sl_sync_keyring_new (void)
{
  return g_object_new (SL_TYPE_SYNC_KEYRING, NULL);
}

SlSyncKeyring *
sl_sync_keyring_new_in_memory (void)
{
  SlSyncKeyring *self = sl_sync_keyring_new ();

  self->in_memory = TRUE;
  return self;
}

gboolean
sl_sync_keyring_is_in_memory (SlSyncKeyring *self)
{
  g_return_val_if_fail (SL_IS_SYNC_KEYRING (self), FALSE);
  return self->in_memory;
}

void
sl_sync_keyring_store_async (SlSyncKeyring       *self,
                             SlSyncAccount       *account,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (SL_IS_SYNC_KEYRING (self));
  g_return_if_fail (SL_IS_SYNC_ACCOUNT (account));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_keyring_store_async);
  /* Kept in memory too: the session's lookups need no keyring. */
  g_hash_table_replace (self->memory, memory_key (account), g_strdup (password));
  if (self->in_memory)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  attributes = attributes_of (account);
  /* Translators: the label of a password in the keyring; a user name, then a server address */
  label = g_strdup_printf (_("Sunlight: %s on %s"), sl_sync_account_get_user (account),
                           sl_sync_account_get_url (account));
  secret_password_storev (&server_schema, attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, stored_cb, task);
}

gboolean
sl_sync_keyring_store_finish (SlSyncKeyring  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sl_sync_keyring_lookup_async (SlSyncKeyring       *self,
                              SlSyncAccount       *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *key = NULL;
  const char *remembered;
  GTask *task;

  g_return_if_fail (SL_IS_SYNC_KEYRING (self));
  g_return_if_fail (SL_IS_SYNC_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_keyring_lookup_async);
  key = memory_key (account);
  remembered = g_hash_table_lookup (self->memory, key);
  if (remembered != NULL || self->in_memory)
    {
      g_task_return_pointer (task, g_strdup (remembered), g_free);
      g_object_unref (task);
      return;
    }
  attributes = attributes_of (account);
  secret_password_lookupv (&server_schema, attributes, cancellable, looked_up_cb, task);
}

char *
sl_sync_keyring_lookup_finish (SlSyncKeyring  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sl_sync_keyring_forget (SlSyncKeyring *self,
                        SlSyncAccount *account)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (SL_IS_SYNC_KEYRING (self));
  g_return_if_fail (SL_IS_SYNC_ACCOUNT (account));

  key = memory_key (account);
  g_hash_table_remove (self->memory, key);
  if (self->in_memory)
    return;
  attributes = attributes_of (account);
  secret_password_clearv (&server_schema, attributes, NULL, forgotten_cb, NULL);
}
