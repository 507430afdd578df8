/* sl-undo-stack.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command.h"

G_BEGIN_DECLS

#define SL_TYPE_UNDO_STACK (sl_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (SlUndoStack, sl_undo_stack, SL, UNDO_STACK, GObject)

/* Runs commands, each in one transaction with its history entries, and
 * keeps them for undo and redo. Emits ::changed with the tables written
 * after every successful push, undo and redo. Properties: can-undo,
 * can-redo, undo-label, redo-label. */
SlUndoStack *sl_undo_stack_new            (SlDatabase   *db);
void         sl_undo_stack_set_author     (SlUndoStack  *self,
                                           const char   *author);
const char  *sl_undo_stack_get_author     (SlUndoStack  *self);
/* Applies @command (taking ownership); on failure nothing is written
 * and the stack is unchanged. */
gboolean     sl_undo_stack_push           (SlUndoStack  *self,
                                           SlCommand    *command,
                                           GError      **error);
gboolean     sl_undo_stack_undo           (SlUndoStack  *self,
                                           GError      **error);
gboolean     sl_undo_stack_redo           (SlUndoStack  *self,
                                           GError      **error);
gboolean     sl_undo_stack_can_undo       (SlUndoStack  *self);
gboolean     sl_undo_stack_can_redo       (SlUndoStack  *self);
const char  *sl_undo_stack_get_undo_label (SlUndoStack  *self);
const char  *sl_undo_stack_get_redo_label (SlUndoStack  *self);
void         sl_undo_stack_clear          (SlUndoStack  *self);

G_END_DECLS
