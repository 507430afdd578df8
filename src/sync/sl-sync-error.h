/* sl-sync-error.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_SYNC_ERROR (sl_sync_error_quark ())

typedef enum
{
  SL_SYNC_ERROR_NETWORK,       /* no answer: offline, connection refused, cut off */
  SL_SYNC_ERROR_SERVER,        /* 5xx: the server failed */
  SL_SYNC_ERROR_UNAUTHORIZED,  /* 401 even after logging in again */
  SL_SYNC_ERROR_FORBIDDEN,     /* 403: the server's reason says why */
  SL_SYNC_ERROR_NOT_FOUND,     /* 404: no such database or document */
  SL_SYNC_ERROR_BAD_RESPONSE,  /* an answer the CouchDB contract does not allow */
  SL_SYNC_ERROR_FAILED,        /* another refusal (4xx) */
  SL_SYNC_ERROR_BUSY,          /* 429: too many requests; wait as the server says */
} SlSyncError;

GQuark   sl_sync_error_quark        (void);

/* Whether trying again later may succeed: network errors, server
 * failures and "too many requests", not refusals. */
gboolean sl_sync_error_is_transient (const GError *error);

/* Sets @error for an HTTP answer of @status that is not a success, with
 * the server's {"error", "reason"} (@reason may be NULL). */
void     sl_sync_error_set_http     (GError     **error,
                                     guint        status,
                                     const char  *reason);

G_END_DECLS
