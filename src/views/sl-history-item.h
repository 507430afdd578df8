/* sl-history-item.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sl-audit.h"
#include "sl-decision-store.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_HISTORY_ITEM (sl_history_item_get_type ())
G_DECLARE_FINAL_TYPE (SlHistoryItem, sl_history_item, SL, HISTORY_ITEM, GObject)

/* A line of the History page, as it reads: a decision or a change to a
 * budget number, what it was, who made it and when, and the change
 * (“$5,000.00 → $6,000.00”) or the decision's note. */
SlHistoryItem *sl_history_item_new          (SlAuditKind    kind,
                                             const char    *author,
                                             const char    *icon_name,
                                             const char    *title,
                                             const char    *subtitle,
                                             const char    *detail);
/* @row as it reads in @workspace: a decision with its verdict, what it
 * is about, its note and meeting (looked up in @decisions, every one);
 * a change with its channel, month and amounts. */
SlHistoryItem *sl_history_item_new_for_row  (SlWorkspace      *workspace,
                                             SlDecisionStore  *decisions,
                                             const SlAuditRow *row);
SlAuditKind    sl_history_item_get_kind     (SlHistoryItem *self);
const char    *sl_history_item_get_author   (SlHistoryItem *self);
const char    *sl_history_item_get_icon_name (SlHistoryItem *self);
const char    *sl_history_item_get_title    (SlHistoryItem *self);
const char    *sl_history_item_get_subtitle (SlHistoryItem *self);
/* The change or the note; NULL for none. */
const char    *sl_history_item_get_detail   (SlHistoryItem *self);

G_END_DECLS
