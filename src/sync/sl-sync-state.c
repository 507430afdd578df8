/* sl-sync-state.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-money.h"
#include "sl-sync-state.h"

G_DEFINE_ENUM_TYPE (SlSyncState, sl_sync_state,
  G_DEFINE_ENUM_VALUE (SL_SYNC_STATE_SYNCED, "synced"),
  G_DEFINE_ENUM_VALUE (SL_SYNC_STATE_WAITING, "waiting"),
  G_DEFINE_ENUM_VALUE (SL_SYNC_STATE_OFFLINE, "offline"),
  G_DEFINE_ENUM_VALUE (SL_SYNC_STATE_ERROR, "error"))

char *
sl_sync_state_describe (SlSyncState  state,
                        guint        waiting,
                        const char  *error_message)
{
  g_autofree char *count = NULL;

  switch (state)
    {
    case SL_SYNC_STATE_SYNCED:
      return g_strdup (_("Synced"));
    case SL_SYNC_STATE_WAITING:
      count = sl_number_format (waiting, 0, NULL);
      /* Translators: edits of shared items not yet sent to the server; %s is how many, in your digits */
      return g_strdup_printf (ngettext ("%s change waiting to be sent", "%s changes waiting to be sent", waiting),
                              count);
    case SL_SYNC_STATE_OFFLINE:
      return g_strdup (_("Offline: changes are kept and sent when the connection is back"));
    case SL_SYNC_STATE_ERROR:
    default:
      /* Translators: %s says why, for example “Cannot reach the server: …” */
      return g_strdup_printf (_("Not synced: %s"), error_message ? error_message : _("unknown error"));
    }
}

const char *
sl_sync_state_icon_name (SlSyncState state)
{
  switch (state)
    {
    case SL_SYNC_STATE_SYNCED:
      return "emblem-ok-symbolic";
    case SL_SYNC_STATE_WAITING:
      return "emblem-synchronizing-symbolic";
    case SL_SYNC_STATE_OFFLINE:
      return "network-offline-symbolic";
    case SL_SYNC_STATE_ERROR:
    default:
      return "dialog-warning-symbolic";
    }
}
