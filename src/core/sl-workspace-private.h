/* sl-workspace-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command-group.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* For the files that add stores to SlWorkspace. */

/* Keeps @store (held by its caller) up to date for as long as it lives. */
void     sl_workspace_track_store  (SlWorkspace *self,
                                    SlStore     *store);
/* The workspace's one store of @store_type (an SlStore subclass whose
 * only construct property is "database"), made and loaded on first use
 * and reloaded after every change (transfer none). */
gpointer sl_workspace_ensure_store (SlWorkspace *self,
                                    GType        store_type);

/* Checks a new plan and its lines and adds their inserts to @group (the
 * lines after the plan, tied to it); *out_insert (optional) gets the
 * plan's insert. Nothing is added when it refuses. */
gboolean sl_workspace_add_realloc_plan_commands (SlWorkspace              *self,
                                                 SlCommandGroup           *group,
                                                 const SlReallocPlanSpec  *spec,
                                                 const SlReallocLineSpec  *lines,
                                                 guint                     n_lines,
                                                 SlCommand               **out_insert,
                                                 GError                  **error);

G_END_DECLS
