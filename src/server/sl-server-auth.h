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

/* What the credentials of a request came to. */
typedef enum
{
  SL_SERVER_AUTH_OK,              /* a user, or anonymous (no credentials) */
  SL_SERVER_AUTH_WRONG_PASSWORD,  /* a wrong name or password (or garbled Basic) */
  SL_SERVER_AUTH_BAD_SESSION,     /* a session cookie expired, forged or of a changed password */
} SlServerAuthResult;

/* Called once who sent a request is known; for anything but
 * SL_SERVER_AUTH_OK the request is still anonymous and unanswered (the
 * caller answers 401, or goes on anonymously). */
typedef void (*SlServerAuthDone) (SlServerRequest    *request,
                                  SlServerAuthResult  result,
                                  gpointer            user_data);

/* Works out who sent each request: HTTP Basic or a session cookie, or
 * nobody. Passwords are checked in a small pool of threads (argon2id
 * is slow on purpose) and a right one is remembered for a while, keyed
 * to the stored hash so a changed password forgets it. Wrong passwords
 * are counted per user name and per client address: past
 * @login_failures for a name (SL_SERVER_THROTTLE_ADDRESS_FACTOR times
 * as many for an address) within @login_window seconds, password
 * checks for that name or address are answered 429 with Retry-After
 * for @login_window seconds, without looking at the password. Session
 * cookies already given keep working. */
#define SL_TYPE_SERVER_AUTH (sl_server_auth_get_type ())
G_DECLARE_FINAL_TYPE (SlServerAuth, sl_server_auth, SL, SERVER_AUTH, GObject)

/* 0 for any of the numbers: its default. */
SlServerAuth *sl_server_auth_new          (SlServerStore    *store,
                                           SlServerUsers    *users,
                                           guint             session_timeout,
                                           guint             login_failures,
                                           guint             login_window);
/* Sets the request's user from its credentials, then calls @done
 * (at once, or later from the main context with the request paused).
 * A throttled name or address gets its 429 here, and @done is not
 * called. */
void          sl_server_auth_identify     (SlServerAuth     *self,
                                           SlServerRequest  *request,
                                           SlServerAuthDone  done,
                                           gpointer          user_data);
/* POST /_session: checks @name and @password the same way (and
 * throttles the same way). */
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
