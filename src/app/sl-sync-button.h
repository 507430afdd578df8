/* sl-sync-button.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-sync-client.h"

G_BEGIN_DECLS

#define SL_TYPE_SYNC_BUTTON (sl_sync_button_get_type ())
G_DECLARE_FINAL_TYPE (SlSyncButton, sl_sync_button, SL, SYNC_BUTTON, AdwBin)

/* The header bar's sharing state: an icon and tooltip for synced, n
 * waiting, offline or the error; opening it syncs now and lists the
 * items the server refused, with its reasons, and the clashes, each
 * with Keep Mine and Take Theirs. Hidden without a client. */
GtkWidget    *sl_sync_button_new        (void);
SlSyncClient *sl_sync_button_get_client (SlSyncButton *self);
void          sl_sync_button_set_client (SlSyncButton *self,
                                         SlSyncClient *client);
/* What the tooltip says (for tests). */
char         *sl_sync_button_dup_status (SlSyncButton *self);

G_END_DECLS
