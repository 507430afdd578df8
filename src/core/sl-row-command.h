/* sl-row-command.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-command.h"

G_BEGIN_DECLS

#define SL_TYPE_ROW_COMMAND (sl_row_command_get_type ())
G_DECLARE_FINAL_TYPE (SlRowCommand, sl_row_command, SL, ROW_COMMAND, SlCommand)

/* Inserts a row (@values: column → value; a uuid is added when the table
 * has one), or deletes one; undo does the opposite, and redo brings the
 * row back with the same id. */
SlCommand *sl_row_command_new_insert (const char   *label,
                                      const char   *table,
                                      JsonObject   *values);
SlCommand *sl_row_command_new_delete (const char   *label,
                                      const char   *table,
                                      gint64        id);
/* The row's id (after the first apply, for an insert). */
gint64     sl_row_command_get_id     (SlRowCommand *self);
/* For an insert of a child row in the same group as its @parent's
 * insert (applied before it): @column gets the parent's new id. */
void       sl_row_command_set_parent (SlRowCommand *self,
                                      SlRowCommand *parent,
                                      const char   *column);

G_END_DECLS
