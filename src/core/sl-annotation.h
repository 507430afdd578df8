/* sl-annotation.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"
#include "sl-record.h"

G_BEGIN_DECLS

#define SL_TYPE_ANNOTATION (sl_annotation_get_type ())
G_DECLARE_FINAL_TYPE (SlAnnotation, sl_annotation, SL, ANNOTATION, SlRecord)

/* A win, loss, experiment, note or unexpected expense shared with
 * finance, on a channel or campaign (or the whole workspace) and a range
 * of days, with the metric values it cites frozen in its snapshot
 * (sl-annotation-snapshot.h). */
#define SL_ANNOTATION_WIN                "win"
#define SL_ANNOTATION_LOSS               "loss"
#define SL_ANNOTATION_EXPERIMENT         "experiment"
#define SL_ANNOTATION_NOTE               "note"
#define SL_ANNOTATION_UNEXPECTED_EXPENSE "unexpected-expense"

#define SL_ANNOTATION_COLUMNS \
  "id, uuid, kind, title, body, channel_id, campaign_id, first_day, last_day, " \
  "goal_id, plan_id, next_steps, hypothesis, expected_outcome, " \
  "actual_outcome, ifnull (amount_minor, 0), currency, snapshot, author, " \
  "created_at, updated_at, read_only"

SlAnnotation *sl_annotation_new_from_row         (sqlite3_stmt *stmt);
const char   *sl_annotation_get_kind             (SlAnnotation *self);  /* SL_ANNOTATION_WIN… */
const char   *sl_annotation_get_title            (SlAnnotation *self);
const char   *sl_annotation_get_body             (SlAnnotation *self);
gint64        sl_annotation_get_channel_id       (SlAnnotation *self);  /* 0: the whole workspace */
gint64        sl_annotation_get_campaign_id      (SlAnnotation *self);  /* 0: none */
SlDay         sl_annotation_get_first_day        (SlAnnotation *self);
SlDay         sl_annotation_get_last_day         (SlAnnotation *self);
gint64        sl_annotation_get_goal_id          (SlAnnotation *self);  /* 0: none */
gint64        sl_annotation_get_plan_id          (SlAnnotation *self);  /* 0: none */
const char   *sl_annotation_get_next_steps       (SlAnnotation *self);
const char   *sl_annotation_get_hypothesis       (SlAnnotation *self);  /* NULL: none */
const char   *sl_annotation_get_expected_outcome (SlAnnotation *self);  /* NULL: none */
const char   *sl_annotation_get_actual_outcome   (SlAnnotation *self);  /* NULL: not yet */
gint64        sl_annotation_get_amount_minor     (SlAnnotation *self);  /* an unexpected expense */
const char   *sl_annotation_get_currency         (SlAnnotation *self);
const char   *sl_annotation_get_snapshot         (SlAnnotation *self);  /* JSON, frozen when written */
const char   *sl_annotation_get_author           (SlAnnotation *self);
gint64        sl_annotation_get_created_at       (SlAnnotation *self);
gint64        sl_annotation_get_updated_at       (SlAnnotation *self);
gboolean      sl_annotation_get_read_only        (SlAnnotation *self);

G_END_DECLS
