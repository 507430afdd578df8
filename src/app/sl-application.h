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

/* Call first in main(), before any other thread starts: lets GTK skip
 * reading its own default theme, which libadwaita replaces with its
 * stylesheet as it starts (80 M instructions, about 12 ms, of every
 * start). Sets GTK_THEME to libadwaita's empty theme unless the user set
 * GTK_THEME; the application's startup unsets it again once GTK has read
 * it, before libadwaita looks, so that libadwaita loads its stylesheet as
 * usual and windows look the same. */
void           sl_application_prepare      (void);
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
