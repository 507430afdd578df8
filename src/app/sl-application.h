/* sl-application.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-sync-keyring.h"

G_BEGIN_DECLS

#define SL_TYPE_APPLICATION (sl_application_get_type ())
G_DECLARE_FINAL_TYPE (SlApplication, sl_application, SL, APPLICATION, AdwApplication)

SlApplication *sl_application_new          (void);
/* The app's settings, or NULL when the schema is not installed (an
 * uninstalled build run without GSETTINGS_SCHEMA_DIR). */
GSettings     *sl_application_get_settings (SlApplication *self);
/* The server passwords of every window's workspace. */
SlSyncKeyring *sl_application_get_keyring  (SlApplication *self);
/* Another keyring, before any window asks (tests: one in memory). */
void           sl_application_set_keyring  (SlApplication *self,
                                            SlSyncKeyring *keyring);
/* Puts @file first in the recent workspaces and makes it the last one. */
void           sl_application_add_recent   (SlApplication *self,
                                            GFile         *file);
/* Opens the demo workspace in @window, writing it first if needed. */
void           sl_application_open_demo    (SlApplication *self,
                                            GtkWindow     *window);

G_END_DECLS
