/* sl-window-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-window.h"

G_BEGIN_DECLS

/* Shared by sl-window.c, sl-window-actions.c and sl-window-dialogs.c. */
struct _SlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkWidget            *recent_group;
  GtkListBox           *recent_list;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *content_stack;
  AdwWindowTitle       *title;
  GtkLabel             *period_label;
  GtkWidget            *year_box;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  SlPlanView           *plan_view;
  SlImportsView        *imports_view;

  SlWorkspace          *workspace;
  SlPeriod              fiscal_year;
  GSettings            *settings;   /* NULL when the schema is missing */
  AdwToast             *import_toast;   /* the last import's, until dismissed */
  AdwToast             *pending_toast;  /* the next one, shown in an idle */
  guint                 pending_toast_id;
};

/* sl-window-actions.c */
void sl_window_class_add_actions (GtkWidgetClass *widget_class);
void sl_window_update_actions    (SlWindow       *self);

/* sl-window-dialogs.c: shows @toast (taking it) about an import or an
 * undone import, in place of the last such toast. */
void sl_window_show_import_toast (SlWindow       *self,
                                  AdwToast       *toast);

/* sl-window-dnd.c: files dropped on the window are imported (or, for
 * workspaces, opened). */
void sl_window_init_dnd          (SlWindow       *self);

G_END_DECLS
