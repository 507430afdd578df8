/* sl-window.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-application.h"
#include "sl-channels-view.h"
#include "sl-funnel-view.h"
#include "sl-overview-view.h"
#include "sl-timeline-view.h"
#include "sl-imports-view.h"
#include "sl-plan-view.h"
#include "sl-review.h"
#include "sl-sync-manager.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_WINDOW (sl_window_get_type ())
G_DECLARE_FINAL_TYPE (SlWindow, sl_window, SL, WINDOW, AdwApplicationWindow)

/* A main window: the welcome page until a workspace is open, then the
 * workspace's views. */
SlWindow       *sl_window_new                 (SlApplication  *application);
/* Opens the workspace file @file here; on failure shows why in a toast
 * and returns FALSE. */
gboolean        sl_window_open_file           (SlWindow       *self,
                                               GFile          *file);
void            sl_window_set_workspace       (SlWindow       *self,
                                               SlWorkspace    *workspace);
SlWorkspace    *sl_window_get_workspace       (SlWindow       *self);
void            sl_window_set_fiscal_year     (SlWindow       *self,
                                               const SlPeriod *fiscal_year);
const SlPeriod *sl_window_get_fiscal_year     (SlWindow       *self);
SlPlanView     *sl_window_get_plan_view       (SlWindow       *self);
SlImportsView  *sl_window_get_imports_view    (SlWindow       *self);
SlChannelsView *sl_window_get_channels_view   (SlWindow       *self);
SlFunnelView   *sl_window_get_funnel_view     (SlWindow       *self);
SlOverviewView *sl_window_get_overview_view   (SlWindow       *self);
SlTimelineView *sl_window_get_timeline_view   (SlWindow       *self);
/* The workspace's sharing; NULL without a workspace. */
SlSyncManager  *sl_window_get_sync_manager    (SlWindow       *self);
/* What the analysis views show; NULL without a workspace. */
SlViewFilter   *sl_window_get_view_filter     (SlWindow       *self);
/* The name of the view shown ("channels", "plan"…). */
const char     *sl_window_get_view            (SlWindow       *self);
/* Shows the view named @name ("channels", "plan", "imports"…) in the
 * content pane. */
void            sl_window_show_view           (SlWindow       *self,
                                               const char     *name);
/* Shows @message (plain text) in a toast; returns it (transfer none). */
AdwToast       *sl_window_show_toast          (SlWindow       *self,
                                               const char     *message);

/* sl-window-review.c: the review meeting (win.review, F5), full
 * screen in place of the workspace; the review is NULL until the first
 * meeting. */
void            sl_window_enter_review        (SlWindow       *self);
void            sl_window_leave_review        (SlWindow       *self);
gboolean        sl_window_get_reviewing       (SlWindow       *self);
SlReview       *sl_window_get_review          (SlWindow       *self);

/* sl-window-dialogs.c */
void            sl_window_show_open_dialog    (SlWindow       *self);
void            sl_window_show_new_dialog     (SlWindow       *self);
/* Asks for a file to import into the open workspace. */
void            sl_window_show_import_chooser (SlWindow       *self);
/* Opens the import dialog for @file (the chooser and dropped files come
 * here); returns it (transfer none), or NULL with no workspace open. */
GtkWindow      *sl_window_show_import_dialog  (SlWindow       *self,
                                               GFile          *file);

G_END_DECLS
