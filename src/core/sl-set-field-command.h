/* sl-set-field-command.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-command.h"

G_BEGIN_DECLS

#define SL_TYPE_SET_FIELD_COMMAND (sl_set_field_command_get_type ())
G_DECLARE_FINAL_TYPE (SlSetFieldCommand, sl_set_field_command, SL, SET_FIELD_COMMAND, SlCommand)

/* Sets one field of one row; undo puts back the value it had. */
SlCommand *sl_set_field_command_new (const char *label,
                                     const char *table,
                                     gint64      id,
                                     const char *column,
                                     JsonNode   *value);

G_END_DECLS
