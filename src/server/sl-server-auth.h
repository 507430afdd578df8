/* sl-server-auth.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-server-request.h"
#include "sl-server-users.h"

G_BEGIN_DECLS

/* How long a session cookie lasts, by default (CouchDB's 10 minutes). */
#define SL_SERVER_AUTH_DEFAULT_TIMEOUT 600

/* Called once who sent a request is known: @ok FALSE for wrong
 * credentials (the caller answers 401). */
typedef void (*SlServerAuthDone) (SlServerRequest *request,
                                  gboolean         ok,
                                  gpointer         user_data);

/* Works out who sent each request: HTTP Basic or a session cookie, or
 * nobody. Passwords are checked in a small pool of threads (argon2id
 * is slow on purpose) and a right one is remembered for a while, keyed
 * to the stored hash so a changed password forgets it. */
#define SL_TYPE_SERVER_AUTH (sl_server_auth_get_type ())
G_DECLARE_FINAL_TYPE (SlServerAuth, sl_server_auth, SL, SERVER_AUTH, GObject)

SlServerAuth *sl_server_auth_new          (SlServerStore    *store,
                                           SlServerUsers    *users,
                                           guint             session_timeout);
/* Sets the request's user from its credentials, then calls @done
 * (at once, or later from the main context with the request paused). */
void          sl_server_auth_identify     (SlServerAuth     *self,
                                           SlServerRequest  *request,
                                           SlServerAuthDone  done,
                                           gpointer          user_data);
/* POST /_session: checks @name and @password the same way. */
void          sl_server_auth_check_password (SlServerAuth   *self,
                                           SlServerRequest  *request,
                                           const char       *name,
                                           const char       *password,
                                           SlServerAuthDone  done,
                                           gpointer          user_data);
/* A Set-Cookie value opening a session for the request's user, or
 * closing one when the request has none. */
char         *sl_server_auth_make_cookie  (SlServerAuth     *self,
                                           SlServerRequest  *request);

G_END_DECLS
