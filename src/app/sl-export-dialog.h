/* sl-export-dialog.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_EXPORT_DIALOG (sl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlExportDialog, sl_export_dialog, SL, EXPORT_DIALOG, AdwWindow)

/* Exports @workspace: the review pack as a PDF, a table as CSV or every
 * table as a workbook, for a period (by default @filter's, and revenue
 * credited as @filter says). It asks where to save, shows the progress
 * with a way to cancel, and when done closes, telling @parent (an
 * SlWindow) in a toast with a button to open the file. */
SlExportDialog *sl_export_dialog_new       (GtkWindow      *parent,
                                            SlWorkspace    *workspace,
                                            SlViewFilter   *filter);
/* Exports to @file at once, as after choosing it (for tests). */
void            sl_export_dialog_export_to (SlExportDialog *self,
                                            GFile          *file);
/* Selects the format (an SlExportFormat) and, for CSV, the table. */
void            sl_export_dialog_select    (SlExportDialog *self,
                                            guint           format,
                                            guint           table);

G_END_DECLS
