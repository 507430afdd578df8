/* sl-import-dialog.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_IMPORT_DIALOG (sl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlImportDialog, sl_import_dialog, SL, IMPORT_DIALOG, AdwWindow)

/* Asks how to import @file into @workspace, showing its first rows and
 * the columns found, then imports it in a thread with a progress bar.
 * Emits ::imported (an SlImportResult *, valid during the emission) after
 * the workspace was told of the change, or ::cancelled, then closes;
 * errors stay in the dialog, which names the file, line and column. */
SlImportDialog *sl_import_dialog_new        (GtkWindow      *parent,
                                             SlWorkspace    *workspace,
                                             GFile          *file);
GFile          *sl_import_dialog_get_file   (SlImportDialog *self);
/* What pressing Import does. */
void            sl_import_dialog_start      (SlImportDialog *self);
/* Whether an import is running. */
gboolean        sl_import_dialog_get_busy   (SlImportDialog *self);

G_END_DECLS
