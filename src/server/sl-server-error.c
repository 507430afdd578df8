/* sl-server-error.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include "sl-server-error.h"

G_DEFINE_QUARK (sl-server-error-quark, sl_server_error)

static const struct
{
  guint       status;
  const char *kind;
} errors[] = {
  [SL_SERVER_ERROR_BAD_REQUEST]        = { 400, "bad_request" },
  [SL_SERVER_ERROR_ILLEGAL_DB_NAME]    = { 400, "illegal_database_name" },
  [SL_SERVER_ERROR_UNAUTHORIZED]       = { 401, "unauthorized" },
  [SL_SERVER_ERROR_FORBIDDEN]          = { 403, "forbidden" },
  [SL_SERVER_ERROR_NOT_FOUND]          = { 404, "not_found" },
  [SL_SERVER_ERROR_METHOD_NOT_ALLOWED] = { 405, "method_not_allowed" },
  [SL_SERVER_ERROR_CONFLICT]           = { 409, "conflict" },
  [SL_SERVER_ERROR_EXISTS]             = { 412, "file_exists" },
  [SL_SERVER_ERROR_TOO_LARGE]          = { 413, "too_large" },
  [SL_SERVER_ERROR_BAD_CONTENT_TYPE]   = { 415, "bad_content_type" },
  [SL_SERVER_ERROR_TOO_MANY_REQUESTS]  = { 429, "too_many_requests" },
  [SL_SERVER_ERROR_INTERNAL]           = { 500, "internal_server_error" },
};

static int
error_index (const GError *error)
{
  if (error != NULL && error->domain == SL_SERVER_ERROR &&
      error->code >= 0 && error->code < (int) G_N_ELEMENTS (errors))
    return error->code;

  return SL_SERVER_ERROR_INTERNAL;
}

guint
sl_server_error_get_status (const GError *error)
{
  return errors[error_index (error)].status;
}

const char *
sl_server_error_get_kind (const GError *error)
{
  return errors[error_index (error)].kind;
}

gboolean
sl_server_error_set (GError        **error,
                     SlServerError   code,
                     const char     *reason)
{
  g_set_error_literal (error, SL_SERVER_ERROR, code, reason);
  return FALSE;
}
