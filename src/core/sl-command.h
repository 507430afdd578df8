/* sl-command.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

#define SL_TYPE_COMMAND (sl_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (SlCommand, sl_command, SL, COMMAND, GObject)

/* An edit of the workspace that can be undone and redone. apply() and
 * revert() run inside a transaction the undo stack opens; they write the
 * change and its history entries (sl_command_record()), and fail without
 * side effects, since the transaction is then rolled back. */
struct _SlCommandClass
{
  GObjectClass parent_class;

  gboolean (*apply)  (SlCommand   *self,
                      SlDatabase  *db,
                      GError     **error);
  gboolean (*revert) (SlCommand   *self,
                      SlDatabase  *db,
                      GError     **error);
};

const char         *sl_command_get_label   (SlCommand   *self);
/* The tables this command writes, so stores showing them reload. */
const char * const *sl_command_get_tables  (SlCommand   *self);
void                sl_command_add_table   (SlCommand   *self,
                                            const char  *table);

/* For the undo stack: who runs the command, and as what (the command's
 * own action, "undo" or "redo"); history entries carry both. */
void                sl_command_set_context (SlCommand   *self,
                                            const char  *author,
                                            const char  *action);
const char         *sl_command_get_author  (SlCommand   *self);
const char         *sl_command_get_action  (SlCommand   *self);
gboolean            sl_command_apply       (SlCommand   *self,
                                            SlDatabase  *db,
                                            GError     **error);
gboolean            sl_command_revert      (SlCommand   *self,
                                            SlDatabase  *db,
                                            GError     **error);

/* For subclasses: one history entry for a change made now. */
gboolean            sl_command_record      (SlCommand   *self,
                                            SlDatabase  *db,
                                            const char  *entity,
                                            gint64       entity_id,
                                            const char  *field,
                                            const char  *old_value,
                                            const char  *new_value,
                                            GError     **error);

G_END_DECLS
