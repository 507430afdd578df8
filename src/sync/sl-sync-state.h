/* sl-sync-state.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the header bar shows about sharing. */
typedef enum
{
  SL_SYNC_STATE_SYNCED,    /* everything sent, the server's changes here */
  SL_SYNC_STATE_WAITING,   /* edits wait to be sent */
  SL_SYNC_STATE_OFFLINE,   /* no network: edits are kept */
  SL_SYNC_STATE_ERROR,     /* the last attempt failed; the message says why */
} SlSyncState;

#define SL_TYPE_SYNC_STATE (sl_sync_state_get_type ())
GType        sl_sync_state_get_type     (void);

/* For people: “Synced”, “3 changes waiting”, “Offline…”, “Not synced: …”. */
char        *sl_sync_state_describe     (SlSyncState  state,
                                         guint        waiting,
                                         const char  *error_message);
/* A symbolic icon name for @state. */
const char  *sl_sync_state_icon_name    (SlSyncState  state);

G_END_DECLS
