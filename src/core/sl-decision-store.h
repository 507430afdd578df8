/* sl-decision-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-decision.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_DECISION_STORE (sl_decision_store_get_type ())
G_DECLARE_FINAL_TYPE (SlDecisionStore, sl_decision_store, SL, DECISION_STORE, SlStore)

/* The decisions about one shared item (@target NULL: every one), oldest first. */
SlDecisionStore *sl_decision_store_new        (SlDatabase      *db,
                                               const char      *target);
const char      *sl_decision_store_get_target (SlDecisionStore *self);
/* The record with @id, or NULL (transfer none). */
SlDecision      *sl_decision_store_lookup     (SlDecisionStore *self,
                                               gint64           id);

G_END_DECLS
