/* sl-server-users.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-server-store.h"

G_BEGIN_DECLS

/* A user's one role; administrators run the server. */
typedef enum
{
  SL_SERVER_ROLE_NONE,       /* anonymous */
  SL_SERVER_ROLE_MARKETING,
  SL_SERVER_ROLE_FINANCE,
  SL_SERVER_ROLE_VIEWER,
  SL_SERVER_ROLE_ADMIN,
} SlServerRole;

/* "marketing", "finance", "viewer", "admin"; NULL for NONE. */
const char   *sl_server_role_to_string   (SlServerRole   role);
gboolean      sl_server_role_from_string (const char    *text,
                                          SlServerRole  *role);
/* The role as CouchDB's userCtx lists it: "_admin" for admins. */
const char   *sl_server_role_to_couchdb  (SlServerRole   role);

/* The shortest password accepted, in bytes. */
#define SL_SERVER_USERS_MIN_PASSWORD 8

typedef struct
{
  char         *name;
  SlServerRole  role;
  char         *created_at;
} SlServerUserInfo;

void          sl_server_user_info_free   (SlServerUserInfo *info);

/* The server's users, kept in its SQLite file with argon2id password
 * hashes (libsodium's crypto_pwhash_str). */
#define SL_TYPE_SERVER_USERS (sl_server_users_get_type ())
G_DECLARE_FINAL_TYPE (SlServerUsers, sl_server_users, SL, SERVER_USERS, GObject)

SlServerUsers *sl_server_users_new       (SlServerStore  *store);

/* Names: 1 to 64 bytes of UTF-8, no control characters, no ':', not
 * starting with '_'. */
gboolean      sl_server_users_check_name (const char     *name,
                                          GError        **error);
gboolean      sl_server_users_add        (SlServerUsers  *self,
                                          const char     *name,
                                          SlServerRole    role,
                                          const char     *password,
                                          GError        **error);
gboolean      sl_server_users_remove     (SlServerUsers  *self,
                                          const char     *name,
                                          GError        **error);
gboolean      sl_server_users_set_role   (SlServerUsers  *self,
                                          const char     *name,
                                          SlServerRole    role,
                                          GError        **error);
gboolean      sl_server_users_set_password (SlServerUsers *self,
                                          const char     *name,
                                          const char     *password,
                                          GError        **error);
/* SlServerUserInfo, sorted by name. */
GPtrArray    *sl_server_users_list       (SlServerUsers  *self,
                                          GError        **error);
/* The role and password hash of @name; NOT_FOUND when there is none. */
gboolean      sl_server_users_lookup     (SlServerUsers  *self,
                                          const char     *name,
                                          SlServerRole   *role,
                                          char          **hash,
                                          GError        **error);

/* argon2id; slow on purpose (tens of milliseconds). Thread-safe. */
char         *sl_server_users_hash_password (const char  *password,
                                          GError        **error);
gboolean      sl_server_users_verify_password (const char *hash,
                                          const char     *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlServerUserInfo, sl_server_user_info_free)

G_END_DECLS
