/* sl-new-workspace-dialog.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-period.h"

G_BEGIN_DECLS

#define SL_TYPE_NEW_WORKSPACE_DIALOG (sl_new_workspace_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlNewWorkspaceDialog, sl_new_workspace_dialog, SL, NEW_WORKSPACE_DIALOG, AdwMessageDialog)

/* Asks for a new workspace's settings; responds "create" or "cancel".
 * "create" is enabled only once the name and currency are valid. */
GtkWidget  *sl_new_workspace_dialog_new                (GtkWindow            *parent);
/* The name, stripped of surrounding spaces (transfer full). */
char       *sl_new_workspace_dialog_dup_name           (SlNewWorkspaceDialog *self);
/* The ISO 4217 code, upper case (transfer full). */
char       *sl_new_workspace_dialog_dup_currency       (SlNewWorkspaceDialog *self);
SlCalendar  sl_new_workspace_dialog_get_calendar       (SlNewWorkspaceDialog *self);
int         sl_new_workspace_dialog_get_fiscal_start   (SlNewWorkspaceDialog *self);

G_END_DECLS
