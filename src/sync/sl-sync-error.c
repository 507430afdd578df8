/* sl-sync-error.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sl-sync-error.h"

G_DEFINE_QUARK (sl-sync-error-quark, sl_sync_error)

gboolean
sl_sync_error_is_transient (const GError *error)
{
  if (error == NULL)
    return FALSE;
  return g_error_matches (error, SL_SYNC_ERROR, SL_SYNC_ERROR_NETWORK) ||
         g_error_matches (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SERVER) ||
         g_error_matches (error, SL_SYNC_ERROR, SL_SYNC_ERROR_BUSY);
}

void
sl_sync_error_set_http (GError     **error,
                        guint        status,
                        const char  *reason)
{
  if (status == 401)
    g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_UNAUTHORIZED,
                 /* Translators: %s is the server's own explanation, often in English */
                 _("The server did not accept the user name or password: %s"),
                 reason ? reason : _("no reason given"));
  else if (status == 403)
    g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_FORBIDDEN,
                 /* Translators: %s is the server's own explanation, often in English */
                 _("The server refused: %s"), reason ? reason : _("no reason given"));
  else if (status == 404)
    g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_NOT_FOUND,
                 /* Translators: %s is the server's own explanation, often in English */
                 _("Not found on the server: %s"), reason ? reason : _("no reason given"));
  else if (status == 429)
    g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_BUSY,
                 /* Translators: %s is the server's own explanation, often in English */
                 _("The server asks to wait before trying again: %s"),
                 reason ? reason : _("no reason given"));
  else if (status >= 500)
    g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_SERVER,
                 /* Translators: %u is an HTTP status such as 503; %s the server's explanation */
                 _("The server failed (%u): %s"), status, reason ? reason : _("no reason given"));
  else
    g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_FAILED,
                 /* Translators: %u is an HTTP status such as 400; %s the server's explanation */
                 _("The server answered %u: %s"), status, reason ? reason : _("no reason given"));
}
