/* sl-server-request.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sl-server-error.h"
#include "sl-server-users.h"

G_BEGIN_DECLS

/* One HTTP request in CouchDB's terms: its path split into decoded
 * segments, its query parameters, who sent it, and the ways to answer
 * it with JSON. */
#define SL_TYPE_SERVER_REQUEST (sl_server_request_get_type ())
G_DECLARE_FINAL_TYPE (SlServerRequest, sl_server_request, SL, SERVER_REQUEST, GObject)

/* Splits and percent-decodes the path of @msg. A path with empty, "."
 * or ".." segments or bad escapes gives a request that is already
 * answered (400); check sl_server_request_is_answered(). */
SlServerRequest   *sl_server_request_new          (SoupServer        *server,
                                                   SoupServerMessage *msg,
                                                   GHashTable        *query);
SoupServerMessage *sl_server_request_get_message  (SlServerRequest   *self);
const char        *sl_server_request_get_method   (SlServerRequest   *self);
gboolean           sl_server_request_is_method    (SlServerRequest   *self,
                                                   const char        *method);
guint              sl_server_request_get_n_segments (SlServerRequest *self);
/* The decoded segment @index, or NULL past the end. */
const char        *sl_server_request_get_segment  (SlServerRequest   *self,
                                                   guint              index);

/* Who sent it: NULL and SL_SERVER_ROLE_NONE for anonymous. */
const char        *sl_server_request_get_user     (SlServerRequest   *self);
SlServerRole       sl_server_request_get_role     (SlServerRequest   *self);
gboolean           sl_server_request_is_admin     (SlServerRequest   *self);
void               sl_server_request_set_user     (SlServerRequest   *self,
                                                   const char        *name,
                                                   SlServerRole       role,
                                                   const char        *how);
/* A name the request gave (Basic, a login, a session cookie) but did
 * not prove, for the log of refusals: NULL when none. */
const char        *sl_server_request_get_claimed_user (SlServerRequest *self);
void               sl_server_request_set_claimed_user (SlServerRequest *self,
                                                   const char        *name);
/* "cookie", "default" (Basic) or NULL. */
const char        *sl_server_request_get_auth_method (SlServerRequest *self);

/* Query parameters. Booleans take "true"/"false"; integers decimal;
 * JSON parameters (startkey, keys, open_revs) are parsed. Bad values
 * give SL_SERVER_ERROR_BAD_REQUEST naming the parameter. */
const char        *sl_server_request_get_param    (SlServerRequest   *self,
                                                   const char        *name);
gboolean           sl_server_request_get_bool     (SlServerRequest   *self,
                                                   const char        *name,
                                                   gboolean           fallback,
                                                   gboolean          *out,
                                                   GError           **error);
gboolean           sl_server_request_get_int      (SlServerRequest   *self,
                                                   const char        *name,
                                                   gint64             fallback,
                                                   gint64            *out,
                                                   GError           **error);
JsonNode          *sl_server_request_get_json_param (SlServerRequest *self,
                                                   const char        *name,
                                                   GError           **error);

/* The body as a JSON object: Content-Type must be application/json
 * (415 otherwise), the JSON valid (400 with a reason). */
JsonObject        *sl_server_request_read_object  (SlServerRequest   *self,
                                                   GError           **error);
/* The body's bytes once Content-Type is application/json (415
 * otherwise), for sl_json_scan_init(). */
GBytes            *sl_server_request_read_json    (SlServerRequest   *self,
                                                   GError           **error);
/* The raw body and its Content-Type (for forms). */
GBytes            *sl_server_request_get_body     (SlServerRequest   *self);
const char        *sl_server_request_get_content_type (SlServerRequest *self);

/* Answers. @body is JSON; the answer is application/json. */
void               sl_server_request_respond      (SlServerRequest   *self,
                                                   guint              status,
                                                   GString           *body);
void               sl_server_request_respond_text (SlServerRequest   *self,
                                                   guint              status,
                                                   const char        *json);
/* {"error": kind, "reason": message} with the error's status. A
 * refusal (401, 403, 413, 429) is logged: sl_server_log_refusal(). */
void               sl_server_request_respond_error (SlServerRequest  *self,
                                                   const GError      *error);
void               sl_server_request_fail         (SlServerRequest   *self,
                                                   SlServerError      code,
                                                   const char        *reason);
gboolean           sl_server_request_is_answered  (SlServerRequest   *self);
/* Logs @error if it is a refusal (401, 403, 413, 429), naming @doc (a
 * document refused inside a batch) when set. */
void               sl_server_request_log_refusal  (SlServerRequest   *self,
                                                   const GError      *error,
                                                   const char        *doc);
/* Adds a response header (Set-Cookie, ETag, …). */
void               sl_server_request_add_header   (SlServerRequest   *self,
                                                   const char        *name,
                                                   const char        *value);

/* Holds the answer until sl_server_request_resume(). */
void               sl_server_request_pause        (SlServerRequest   *self);
void               sl_server_request_resume       (SlServerRequest   *self);

G_END_DECLS
