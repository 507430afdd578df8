/* sl-preferences-window-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-preferences-window.h"
#include "sl-sync-manager.h"

G_BEGIN_DECLS

/* Shared by sl-preferences-window.c (the Workspace page),
 * sl-preferences-window-you.c (its You group),
 * sl-preferences-window-kpis.c (the Overview page) and
 * sl-preferences-window-accounts.c (the Accounts page). */
struct _SlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Workspace page */
  AdwEntryRow          *name_row;
  AdwActionRow         *currency_row;
  GtkLabel             *currency_label;
  AdwComboRow          *calendar_row;
  AdwComboRow          *month_row;
  AdwActionRow         *reserve_row;
  GtkWidget            *reserve_warning;
  GtkSpinButton        *reserve_spin;
  GtkSpinButton        *deadline_spin;
  GtkSpinButton        *checkin_spin;

  /* You */
  AdwEntryRow          *you_name_row;
  AdwComboRow          *role_row;
  GSettings            *settings;      /* NULL when the schema is missing */

  /* Overview page */
  GtkListBox           *kpi_list;
  GtkMenuButton        *add_button;
  GtkPopover           *add_popover;
  GtkSearchEntry       *add_search;
  GtkListBox           *add_list;

  /* Accounts page */
  GtkWidget            *accounts_page;
  AdwPreferencesGroup  *server_group;
  AdwEntryRow          *server_row;
  AdwEntryRow          *database_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *password_row;
  GtkLabel             *account_error;
  GtkButton            *connect_button;
  GtkWidget            *connection_group;
  AdwActionRow         *connection_row;
  AdwActionRow         *status_row;
  GtkWidget            *memory_row;
  SlSyncManager        *sync_manager;   /* NULL: no Accounts page */
  SlSyncClient         *watched_client;
  GCancellable         *connect_cancellable;  /* a connection being tried */

  SlWorkspace          *workspace;
  GPtrArray            *dirty_spins;   /* GtkSpinButton, edited but not written */
  guint                 commit_id;
  gboolean              updating;      /* widgets follow the workspace */
};

/* sl-preferences-window-kpis.c */
void sl_preferences_window_kpis_init            (SlPreferencesWindow *self);
void sl_preferences_window_class_add_kpi_callbacks (GtkWidgetClass   *widget_class);
/* sl-preferences-window-you.c */
void sl_preferences_window_you_init             (SlPreferencesWindow *self);
void sl_preferences_window_class_add_you_callbacks (GtkWidgetClass   *widget_class);
/* Shows the name and role again; a sharing account gives them, then. */
void sl_preferences_window_you_update           (SlPreferencesWindow *self);
/* sl-preferences-window-accounts.c */
void sl_preferences_window_class_add_account_callbacks (GtkWidgetClass  *widget_class);
void sl_preferences_window_accounts_dispose     (SlPreferencesWindow *self);
/* Shows @error in a toast, taking it. */
void sl_preferences_window_show_error           (SlPreferencesWindow *self,
                                                 GError              *error);

G_END_DECLS
