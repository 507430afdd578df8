/* sl-goal-link-command.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command.h"

G_BEGIN_DECLS

/* What can say which goal it serves. */
typedef enum
{
  SL_GOAL_LINK_BUDGET_LINE,  /* any version's line, a request's lines too */
  SL_GOAL_LINK_PLAN,         /* a reallocation plan */
  SL_GOAL_LINK_ANNOTATION,   /* an experiment, a win, a loss… */
  SL_GOAL_LINK_KPI,          /* a metric of finance's list (by rowid) */
} SlGoalLink;

#define SL_TYPE_GOAL_LINK_COMMAND (sl_goal_link_command_get_type ())
G_DECLARE_FINAL_TYPE (SlGoalLinkCommand, sl_goal_link_command, SL, GOAL_LINK_COMMAND, SlCommand)

/* Ties the row @row_id (its rowid) of @link's table to @goal_id (0:
 * to no goal); undo puts back the goal it served before. */
SlCommand *sl_goal_link_command_new (const char *label,
                                     SlGoalLink  link,
                                     gint64      row_id,
                                     gint64      goal_id);

G_END_DECLS
