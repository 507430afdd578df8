/* sl-preferences-window.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-sync-manager.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_PREFERENCES_WINDOW (sl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SlPreferencesWindow, sl_preferences_window, SL, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The settings of @workspace and its list of KPIs. Every edit is a
 * command on the workspace's undo stack; the window follows the
 * workspace, so undo in the main window shows here at once. */
SlPreferencesWindow *sl_preferences_window_new           (GtkWindow           *parent,
                                                          SlWorkspace         *workspace);
SlWorkspace         *sl_preferences_window_get_workspace (SlPreferencesWindow *self);
/* Shows the Accounts page, connecting the workspace to a server through
 * @manager (NULL: no page). */
void                 sl_preferences_window_set_sync_manager (SlPreferencesWindow *self,
                                                          SlSyncManager       *manager);
/* Writes the number being edited now rather than after the pause that
 * gathers clicks of a spin button into one edit. */
void                 sl_preferences_window_commit        (SlPreferencesWindow *self);

G_END_DECLS
