/* sl-goal-dialog.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-workspace.h"

G_BEGIN_DECLS

/* Creates or edits a goal and its key results. Save writes them through
 * the workspace (undoable) and closes; a refusal is shown above the form,
 * which keeps what was typed. Emits ::saved (the goal's id) first. */

#define SL_TYPE_GOAL_DIALOG (sl_goal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SlGoalDialog, sl_goal_dialog, SL, GOAL_DIALOG, AdwWindow)

/* @goal_id 0: a new goal over @period (NULL: the default fiscal year). */
GtkWidget  *sl_goal_dialog_new                  (GtkWindow      *parent,
                                                 SlWorkspace    *workspace,
                                                 gint64          goal_id,
                                                 const SlPeriod *period);
/* What Save does: FALSE when refused (the dialog stays, saying why). */
gboolean    sl_goal_dialog_save                 (SlGoalDialog   *self);
/* The refusal shown, or NULL. */
const char *sl_goal_dialog_get_error            (SlGoalDialog   *self);
guint       sl_goal_dialog_get_n_key_results    (SlGoalDialog   *self);
/* A new, empty key result at the end. */
void        sl_goal_dialog_add_key_result       (SlGoalDialog   *self);
/* The rows: "objective", "description", "framework", "period" (an
 * SlRangeChooser), "save". */
GtkWidget  *sl_goal_dialog_get_field            (SlGoalDialog   *self,
                                                 const char     *name);
/* Key result @index's rows: "metric", "target", "remove". */
GtkWidget  *sl_goal_dialog_get_key_result_field (SlGoalDialog   *self,
                                                 guint           index,
                                                 const char     *name);

G_END_DECLS
