/* sl-server-error.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_SERVER_ERROR (sl_server_error_quark ())

/* What went wrong, as CouchDB names it to its clients. */
typedef enum
{
  SL_SERVER_ERROR_BAD_REQUEST,        /* 400 bad_request */
  SL_SERVER_ERROR_ILLEGAL_DB_NAME,    /* 400 illegal_database_name */
  SL_SERVER_ERROR_UNAUTHORIZED,       /* 401 unauthorized */
  SL_SERVER_ERROR_FORBIDDEN,          /* 403 forbidden */
  SL_SERVER_ERROR_NOT_FOUND,          /* 404 not_found */
  SL_SERVER_ERROR_METHOD_NOT_ALLOWED, /* 405 method_not_allowed */
  SL_SERVER_ERROR_CONFLICT,           /* 409 conflict */
  SL_SERVER_ERROR_EXISTS,             /* 412 file_exists */
  SL_SERVER_ERROR_TOO_LARGE,          /* 413 too_large */
  SL_SERVER_ERROR_BAD_CONTENT_TYPE,   /* 415 bad_content_type */
  SL_SERVER_ERROR_TOO_MANY_REQUESTS,  /* 429 too_many_requests */
  SL_SERVER_ERROR_INTERNAL,           /* 500 internal_server_error */
} SlServerError;

GQuark      sl_server_error_quark      (void);
/* The HTTP status and CouchDB error name of any error: errors of other
 * domains are internal (500). */
guint       sl_server_error_get_status (const GError *error);
const char *sl_server_error_get_kind   (const GError *error);

/* Sets @error to @code with @reason and returns FALSE, for
 * `return sl_server_error_set (error, …);`. */
gboolean    sl_server_error_set        (GError        **error,
                                        SlServerError   code,
                                        const char     *reason);

G_END_DECLS
