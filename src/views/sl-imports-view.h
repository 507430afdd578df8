/* sl-imports-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_IMPORTS_VIEW (sl_imports_view_get_type ())
G_DECLARE_FINAL_TYPE (SlImportsView, sl_imports_view, SL, IMPORTS_VIEW, AdwBin)

/* The files imported into the workspace, newest first, each with a
 * button that asks, then undoes the import (the win.undo-import action,
 * with the batch id as an int64). */
GtkWidget      *sl_imports_view_new            (void);
void            sl_imports_view_set_workspace  (SlImportsView  *self,
                                                SlWorkspace    *workspace);
SlWorkspace    *sl_imports_view_get_workspace  (SlImportsView  *self);
/* Reads the list again; the view does so itself when the workspace
 * reports a change of import_batch. */
void            sl_imports_view_reload         (SlImportsView  *self);
/* The number of imports listed. */
guint           sl_imports_view_get_n_imports  (SlImportsView  *self);

G_END_DECLS
