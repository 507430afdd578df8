/* sl-server-users.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "sl-server-error.h"
#include "sl-server-users.h"

struct _SlServerUsers
{
  GObject        parent_instance;

  SlServerStore *store;
};

G_DEFINE_FINAL_TYPE (SlServerUsers, sl_server_users, G_TYPE_OBJECT)

static const char * const role_names[] = {
  [SL_SERVER_ROLE_NONE] = NULL,
  [SL_SERVER_ROLE_MARKETING] = "marketing",
  [SL_SERVER_ROLE_FINANCE] = "finance",
  [SL_SERVER_ROLE_VIEWER] = "viewer",
  [SL_SERVER_ROLE_ADMIN] = "admin",
};

const char *
sl_server_role_to_string (SlServerRole role)
{
  g_return_val_if_fail (role <= SL_SERVER_ROLE_ADMIN, NULL);

  return role_names[role];
}

const char *
sl_server_role_to_couchdb (SlServerRole role)
{
  return role == SL_SERVER_ROLE_ADMIN ? "_admin" : sl_server_role_to_string (role);
}

gboolean
sl_server_role_from_string (const char   *text,
                            SlServerRole *role)
{
  for (guint i = SL_SERVER_ROLE_MARKETING; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_strcmp0 (text, role_names[i]) == 0)
        {
          *role = (SlServerRole) i;
          return TRUE;
        }
    }

  return FALSE;
}

void
sl_server_user_info_free (SlServerUserInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_free (info->created_at);
  g_free (info);
}

static void
sl_server_users_dispose (GObject *object)
{
  SlServerUsers *self = (SlServerUsers *)object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (sl_server_users_parent_class)->dispose (object);
}

static void
sl_server_users_class_init (SlServerUsersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sl_server_users_dispose;
}

static void
sl_server_users_init (SlServerUsers *self)
{
}

SlServerUsers *
sl_server_users_new (SlServerStore *store)
{
  SlServerUsers *self = g_object_new (SL_TYPE_SERVER_USERS, NULL);

  self->store = g_object_ref (store);
  return self;
}

gboolean
sl_server_users_check_name (const char  *name,
                            GError     **error)
{
  gsize length = name != NULL ? strlen (name) : 0;

  if (length == 0 || length > 64)
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "A user name has 1 to 64 bytes");
  if (!g_utf8_validate (name, (gssize) length, NULL))
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST, "A user name must be UTF-8");
  if (name[0] == '_')
    return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                "A user name must not start with _");

  for (const char *p = name; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f || *p == ':')
        return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                       "A user name must not hold ':' or control characters");
    }

  return TRUE;
}

char *
sl_server_users_hash_password (const char  *password,
                               GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (password == NULL || strlen (password) < SL_SERVER_USERS_MIN_PASSWORD)
    {
      g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                   "A password has at least %d characters", SL_SERVER_USERS_MIN_PASSWORD);
      return NULL;
    }

  if (crypto_pwhash_str_alg (hash, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      sl_server_error_set (error, SL_SERVER_ERROR_INTERNAL,
                           "Out of memory while hashing the password");
      return NULL;
    }

  return g_strdup (hash);
}

gboolean
sl_server_users_verify_password (const char *hash,
                                 const char *password)
{
  if (hash == NULL || password == NULL)
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

/* Runs @sql with (@name, @text) bound; NOT_FOUND when no row changed. */
static gboolean
update_user (SlServerUsers  *self,
             const char     *sql,
             const char     *name,
             const char     *text,
             GError        **error)
{
  g_autoptr(SlServerStmt) stmt = sl_server_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  if (!sl_server_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    return sl_server_error_set (error, SL_SERVER_ERROR_NOT_FOUND, "No such user");
  return TRUE;
}

gboolean
sl_server_users_add (SlServerUsers  *self,
                     const char     *name,
                     SlServerRole    role,
                     const char     *password,
                     GError        **error)
{
  g_autoptr(SlServerStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *hash = NULL;

  g_return_val_if_fail (role != SL_SERVER_ROLE_NONE, FALSE);

  if (!sl_server_users_check_name (name, error))
    return FALSE;
  hash = sl_server_users_hash_password (password, error);
  if (hash == NULL)
    return FALSE;

  stmt = sl_server_store_prepare (self->store,
                                  "INSERT INTO user (name, role, hash, created_at) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sl_server_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created, -1, SQLITE_STATIC);
  if (!sl_server_store_step_done (self->store, stmt, error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    return sl_server_error_set (error, SL_SERVER_ERROR_EXISTS, "A user of that name exists");
  return TRUE;
}

gboolean
sl_server_users_remove (SlServerUsers  *self,
                        const char     *name,
                        GError        **error)
{
  return update_user (self, "DELETE FROM user WHERE name = ?", name, NULL, error);
}

gboolean
sl_server_users_set_role (SlServerUsers  *self,
                          const char     *name,
                          SlServerRole    role,
                          GError        **error)
{
  g_return_val_if_fail (role != SL_SERVER_ROLE_NONE, FALSE);

  return update_user (self, "UPDATE user SET role = ?2 WHERE name = ?1",
                      name, sl_server_role_to_string (role), error);
}

gboolean
sl_server_users_set_password (SlServerUsers  *self,
                              const char     *name,
                              const char     *password,
                              GError        **error)
{
  g_autofree char *hash = sl_server_users_hash_password (password, error);

  if (hash == NULL)
    return FALSE;

  return update_user (self, "UPDATE user SET hash = ?2 WHERE name = ?1", name, hash, error);
}

GPtrArray *
sl_server_users_list (SlServerUsers  *self,
                      GError        **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "SELECT name, role, created_at FROM user ORDER BY name", error);
  g_autoptr(GPtrArray) users =
    g_ptr_array_new_with_free_func ((GDestroyNotify) sl_server_user_info_free);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      SlServerUserInfo *info;

      if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      info = g_new0 (SlServerUserInfo, 1);
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sl_server_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &info->role);
      info->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (users, info);
    }

  return g_steal_pointer (&users);
}

gboolean
sl_server_users_lookup (SlServerUsers  *self,
                        const char     *name,
                        SlServerRole   *role,
                        char          **hash,
                        GError        **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store, "SELECT role, hash FROM user WHERE name = ?", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return sl_server_error_set (error, SL_SERVER_ERROR_NOT_FOUND, "No such user");

  if (!sl_server_role_from_string ((const char *) sqlite3_column_text (stmt, 0), role))
    return sl_server_error_set (error, SL_SERVER_ERROR_INTERNAL, "A user has an unknown role");
  if (hash != NULL)
    *hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}
