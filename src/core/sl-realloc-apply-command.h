/* sl-realloc-apply-command.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command.h"
#include "sl-period.h"

G_BEGIN_DECLS

#define SL_TYPE_REALLOC_APPLY_COMMAND (sl_realloc_apply_command_get_type ())
G_DECLARE_FINAL_TYPE (SlReallocApplyCommand, sl_realloc_apply_command, SL, REALLOC_APPLY_COMMAND, SlCommand)

/* Applies an approved plan: moves its money between the plan version's
 * budget lines (a month with no line gets one, cut in @calendar's
 * months) and marks it applied, in one transaction; the reserve's lines
 * stay, the plan's draw says what it took. Refuses (SL_COLLAB_ERROR
 * BUDGET) to take more out of a channel's month than it has. Undo puts
 * every amount back and the plan to approved. */
SlCommand *sl_realloc_apply_command_new (const char *label,
                                         gint64      plan_id,
                                         SlCalendar  calendar);

G_END_DECLS
