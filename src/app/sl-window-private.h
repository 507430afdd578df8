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
  AdwWindowTitle       *title;
  GtkLabel             *period_label;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  SlPlanView           *plan_view;

  SlWorkspace          *workspace;
  SlPeriod              fiscal_year;
  GSettings            *settings;   /* NULL when the schema is missing */
};

/* sl-window-actions.c */
void sl_window_class_add_actions (GtkWidgetClass *widget_class);
void sl_window_update_actions    (SlWindow       *self);

G_END_DECLS
