/* sl-sync-session.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SL_TYPE_SYNC_SESSION (sl_sync_session_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncSession, sl_sync_session, SL, SYNC_SESSION, GObject)

/* HTTP to one database of a CouchDB-compatible server, as the contract
 * (couchdb-contract.md) asks: JSON in and out with Accept and
 * Content-Type, a cookie session from POST /_session (Basic
 * authentication where the server has none), one new login and one
 * retry on a 401. Answers that are not a success become SL_SYNC_ERROR
 * errors carrying the server's reason. */
SlSyncSession      *sl_sync_session_new          (const char     *url,
                                                  const char     *database,
                                                  const char     *user,
                                                  const char     *password);
const char         *sl_sync_session_get_url      (SlSyncSession  *self);
const char         *sl_sync_session_get_database (SlSyncSession  *self);
const char         *sl_sync_session_get_user     (SlSyncSession  *self);
void                sl_sync_session_set_password (SlSyncSession  *self,
                                                  const char     *password);

/* Logs in (or, without a password, asks who the server takes us for)
 * and learns the user's roles. */
void                sl_sync_session_login_async  (SlSyncSession       *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean            sl_sync_session_login_finish (SlSyncSession       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
gboolean            sl_sync_session_is_logged_in (SlSyncSession  *self);
/* How long the server asked to wait with its last answer (its
 * Retry-After, with a 429 or 503), in seconds; 0 if it did not. */
guint               sl_sync_session_get_retry_after (SlSyncSession *self);
/* The roles the server gave at the last login ("finance", "_admin"…). */
const char * const *sl_sync_session_get_roles    (SlSyncSession  *self);

/* A request to @path (from the server's root, already encoded; see the
 * path helpers) with @body as JSON (NULL: none). @timeout_seconds > 0
 * cancels it after that long with G_IO_ERROR_TIMED_OUT. The answer's
 * JSON comes back; *status (may be NULL) is its HTTP status. */
void                sl_sync_session_request_async  (SlSyncSession       *self,
                                                    const char          *method,
                                                    const char          *path,
                                                    JsonNode            *body,
                                                    guint                timeout_seconds,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
JsonNode           *sl_sync_session_request_finish (SlSyncSession       *self,
                                                    GAsyncResult        *result,
                                                    guint               *status,
                                                    GError             **error);

/* "/<db>" or "/<db>/<rest>" (@rest as it is: "_changes?since=0"). */
char               *sl_sync_session_db_path      (SlSyncSession  *self,
                                                  const char     *rest);
/* "/<db>/<id, percent-encoded>[?<query>]"; "_local/…" ids keep their slash. */
char               *sl_sync_session_doc_path     (SlSyncSession  *self,
                                                  const char     *doc_id,
                                                  const char     *query);

G_END_DECLS
