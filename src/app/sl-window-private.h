/* sl-window-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-channels-view.h"
#include "sl-filter-bar.h"
#include "sl-sync-button.h"
#include "sl-sync-manager.h"
#include "sl-funnel-view.h"
#include "sl-goals-view.h"
#include "sl-history-view.h"
#include "sl-notes-view.h"
#include "sl-overview-view.h"
#include "sl-plans-view.h"
#include "sl-request-view.h"
#include "sl-review.h"
#include "sl-timeline-view.h"
#include "sl-view.h"
#include "sl-welcome-page.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* Shared by sl-window.c, sl-window-actions.c and sl-window-dialogs.c. */
struct _SlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *content_stack;
  AdwWindowTitle       *title;
  GtkLabel             *period_label;
  GtkWidget            *year_box;
  GtkWidget            *back_button;
  GtkWidget            *year_previous_button;
  GtkWidget            *year_next_button;
  GtkWidget            *plan_previous_button;
  GtkWidget            *plan_next_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  AdwBin               *plan_bin;
  AdwBin               *imports_bin;
  SlPlanView           *plan_view;      /* made when first needed */
  SlImportsView        *imports_view;   /* made when first needed */
  SlFilterBar          *filter_bar;
  SlFilterBar          *filter_bar_narrow;  /* made when first needed */
  GtkWidget            *filter_toolbar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *search_button;
  GtkMenuButton        *menu_button;
  SlSyncButton         *sync_button;
  SlWelcomePage        *welcome_page;   /* made when first shown */
  GMenuModel           *primary_menu;

  SlWorkspace          *workspace;
  SlSyncManager        *sync_manager;   /* the workspace's sharing */
  SlViewFilter         *filter;     /* what the analysis views show */
  SlPeriod              fiscal_year;
  GSettings            *settings;   /* NULL when the schema is missing */
  AdwToast             *import_toast;   /* the last import's, until dismissed */
  AdwToast             *pending_toast;  /* the next one, shown in an idle */
  guint                 pending_toast_id;
  gboolean              narrow;   /* too narrow for the filters in the header bar */
  SlReview             *review;   /* the review meeting, made when first held */
  gboolean              review_was_fullscreen;
};

/* sl-window.c */
void sl_window_show_main_page (SlWindow *self);

/* sl-window-actions.c */
void sl_window_class_add_actions (GtkWidgetClass *widget_class);
void sl_window_update_actions    (SlWindow       *self);

/* sl-window-dialogs.c: shows @toast (taking it) about an import or an
 * undone import, in place of the last such toast. */
void sl_window_show_import_toast (SlWindow       *self,
                                  AdwToast       *toast);

/* sl-window-views.c: the analysis views, their filter and the state
 * kept from one run to the next. */
void     sl_window_views_set_workspace (SlWindow       *self,
                                        SlWorkspace    *workspace);
/* The sidebar's rows, one per page. */
void     sl_window_views_build_sidebar (SlWindow       *self);
/* The page named @name, made if it is made when first shown and not yet. */
GtkWidget *sl_window_ensure_view (SlWindow      *self,
                                  const char    *name);
/* Whether view @name follows the filter (not the plan, not imports). */
gboolean sl_window_view_is_analysis    (const char     *name);
/* The filter bar under the header bar of narrow windows, made the first
 * time a narrow window shows an analysis view. */
SlFilterBar *sl_window_views_ensure_narrow_filter_bar (SlWindow *self);
void     sl_window_views_save_view     (SlWindow       *self);
void     sl_window_class_add_view_callbacks (GtkWidgetClass *widget_class);

/* sl-window-sync.c: the workspace's sharing and the header bar's
 * sync button. */
void sl_window_sync_set_workspace (SlWindow       *self,
                                   SlWorkspace    *workspace);
/* sl-window-user.c: the user's name and role, from the settings, on
 * the open workspace; followed when the settings change. */
void sl_window_apply_user            (SlWindow       *self);
void sl_window_follow_user_settings  (SlWindow       *self);

/* sl-window-review.c: the review meeting, full screen (win.review). */
void sl_window_class_add_review_action (GtkWidgetClass *widget_class);

/* sl-window-dnd.c: files dropped on the window are imported (or, for
 * workspaces, opened). */
void sl_window_init_dnd          (SlWindow       *self);

G_END_DECLS
