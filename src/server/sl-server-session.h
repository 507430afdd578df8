/* sl-server-session.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_SERVER_SESSION_COOKIE "AuthSession"

/* A session cookie value: the user's name, when it expires (Unix
 * seconds) and an HMAC-SHA256 over both and the user's password hash
 * under the server's secret, so a new password or a removed user ends
 * every session. */
char     *sl_server_session_make   (GBytes      *secret,
                                    const char  *name,
                                    const char  *user_hash,
                                    gint64       expires);
/* The name and expiry a cookie value claims (not yet verified). */
gboolean  sl_server_session_parse  (const char  *value,
                                    char       **name,
                                    gint64      *expires);
/* Whether @value was made by sl_server_session_make() with these. */
gboolean  sl_server_session_verify (GBytes      *secret,
                                    const char  *value,
                                    const char  *user_hash);

G_END_DECLS
