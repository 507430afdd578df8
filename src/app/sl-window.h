/* sl-window.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-application.h"
#include "sl-plan-view.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_WINDOW (sl_window_get_type ())
G_DECLARE_FINAL_TYPE (SlWindow, sl_window, SL, WINDOW, AdwApplicationWindow)

/* A main window: the welcome page until a workspace is open, then the
 * workspace's views. */
SlWindow       *sl_window_new              (SlApplication  *application);
/* Opens the workspace file @file here; on failure shows why in a toast
 * and returns FALSE. */
gboolean        sl_window_open_file        (SlWindow       *self,
                                            GFile          *file);
void            sl_window_set_workspace    (SlWindow       *self,
                                            SlWorkspace    *workspace);
SlWorkspace    *sl_window_get_workspace    (SlWindow       *self);
void            sl_window_set_fiscal_year  (SlWindow       *self,
                                            const SlPeriod *fiscal_year);
const SlPeriod *sl_window_get_fiscal_year  (SlWindow       *self);
SlPlanView     *sl_window_get_plan_view    (SlWindow       *self);
/* Shows @message (plain text) in a toast; returns it (transfer none). */
AdwToast       *sl_window_show_toast       (SlWindow       *self,
                                            const char     *message);

/* sl-window-dialogs.c */
void            sl_window_show_open_dialog (SlWindow       *self);
void            sl_window_show_new_dialog  (SlWindow       *self);

G_END_DECLS
