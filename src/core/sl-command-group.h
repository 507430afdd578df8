/* sl-command-group.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command.h"

G_BEGIN_DECLS

#define SL_TYPE_COMMAND_GROUP (sl_command_group_get_type ())
G_DECLARE_FINAL_TYPE (SlCommandGroup, sl_command_group, SL, COMMAND_GROUP, SlCommand)

/* Several commands as one: applied in order in one transaction, undone
 * in reverse; if one fails, none of them is written. */
SlCommandGroup *sl_command_group_new   (const char     *label);
void            sl_command_group_add   (SlCommandGroup *self,
                                        SlCommand      *command);
guint           sl_command_group_get_n_commands (SlCommandGroup *self);

G_END_DECLS
