/* sl-welcome-page.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SL_TYPE_WELCOME_PAGE (sl_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (SlWelcomePage, sl_welcome_page, SL, WELCOME_PAGE, AdwBin)

/* A window's page while no workspace is open: Open, New, the demo and
 * the recent workspaces of @settings (may be NULL), kept current. A
 * recent workspace activated is emitted as ::open-file (GFile). */
GtkWidget     *sl_welcome_page_new             (GSettings     *settings);
GtkMenuButton *sl_welcome_page_get_menu_button (SlWelcomePage *self);
/* The recent workspaces' rows (for tests). */
GtkListBox    *sl_welcome_page_get_recent_list (SlWelcomePage *self);

G_END_DECLS
