/* sl-decision.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_DECISION (sl_decision_get_type ())
G_DECLARE_FINAL_TYPE (SlDecision, sl_decision, SL, DECISION, SlRecord)

/* A decision recorded about a shared item; immutable once written. */
#define SL_DECISION_COLUMNS \
  "id, uuid, target, verdict, note, author, meeting_day, created_at"

SlDecision *sl_decision_new_from_row    (sqlite3_stmt *stmt);
const char *sl_decision_get_target      (SlDecision *self);  /* a document id: "plan:<uuid>" */
const char *sl_decision_get_verdict     (SlDecision *self);  /* "approve", "reject", "defer", "note" */
const char *sl_decision_get_note        (SlDecision *self);
const char *sl_decision_get_author      (SlDecision *self);
SlDay       sl_decision_get_meeting_day (SlDecision *self);  /* SL_DAY_INVALID: none */
gint64      sl_decision_get_created_at  (SlDecision *self);
/* The verdict for people ("Approved", "Deferred"…), translated; an
 * unknown verdict as it is. */
const char *sl_decision_verdict_get_label (const char *verdict);

G_END_DECLS
