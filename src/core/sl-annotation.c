/* sl-annotation.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-annotation.h"

struct _SlAnnotation
{
  SlRecord  parent_instance;

  char     *kind;
  char     *title;
  char     *body;
  gint64    channel_id;
  gint64    campaign_id;
  SlDay     first_day;
  SlDay     last_day;
  gint64    goal_id;
  gint64    plan_id;
  char     *next_steps;
  char     *hypothesis;
  char     *expected_outcome;
  char     *actual_outcome;
  gint64    amount_minor;
  char     *currency;
  char     *snapshot;
  char     *author;
  gint64    created_at;
  gint64    updated_at;
  gboolean  read_only;
};

G_DEFINE_FINAL_TYPE (SlAnnotation, sl_annotation, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_BODY,
  PROP_CHANNEL_ID,
  PROP_CAMPAIGN_ID,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_GOAL_ID,
  PROP_PLAN_ID,
  PROP_NEXT_STEPS,
  PROP_HYPOTHESIS,
  PROP_EXPECTED_OUTCOME,
  PROP_ACTUAL_OUTCOME,
  PROP_AMOUNT_MINOR,
  PROP_CURRENCY,
  PROP_SNAPSHOT,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_READ_ONLY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_annotation_finalize (GObject *object)
{
  SlAnnotation *self = (SlAnnotation *)object;

  g_free (self->kind);
  g_free (self->title);
  g_free (self->body);
  g_free (self->next_steps);
  g_free (self->hypothesis);
  g_free (self->expected_outcome);
  g_free (self->actual_outcome);
  g_free (self->currency);
  g_free (self->snapshot);
  g_free (self->author);

  G_OBJECT_CLASS (sl_annotation_parent_class)->finalize (object);
}

static void
sl_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlAnnotation *self = SL_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_BODY: g_value_set_string (value, self->body); break;
    case PROP_CHANNEL_ID: g_value_set_int64 (value, self->channel_id); break;
    case PROP_CAMPAIGN_ID: g_value_set_int64 (value, self->campaign_id); break;
    case PROP_FIRST_DAY: g_value_set_int (value, self->first_day); break;
    case PROP_LAST_DAY: g_value_set_int (value, self->last_day); break;
    case PROP_GOAL_ID: g_value_set_int64 (value, self->goal_id); break;
    case PROP_PLAN_ID: g_value_set_int64 (value, self->plan_id); break;
    case PROP_NEXT_STEPS: g_value_set_string (value, self->next_steps); break;
    case PROP_HYPOTHESIS: g_value_set_string (value, self->hypothesis); break;
    case PROP_EXPECTED_OUTCOME: g_value_set_string (value, self->expected_outcome); break;
    case PROP_ACTUAL_OUTCOME: g_value_set_string (value, self->actual_outcome); break;
    case PROP_AMOUNT_MINOR: g_value_set_int64 (value, self->amount_minor); break;
    case PROP_CURRENCY: g_value_set_string (value, self->currency); break;
    case PROP_SNAPSHOT: g_value_set_string (value, self->snapshot); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SlAnnotation *self = SL_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_KIND: g_free (self->kind); self->kind = g_value_dup_string (value); break;
    case PROP_TITLE: g_free (self->title); self->title = g_value_dup_string (value); break;
    case PROP_BODY: g_free (self->body); self->body = g_value_dup_string (value); break;
    case PROP_CHANNEL_ID: self->channel_id = g_value_get_int64 (value); break;
    case PROP_CAMPAIGN_ID: self->campaign_id = g_value_get_int64 (value); break;
    case PROP_FIRST_DAY: self->first_day = g_value_get_int (value); break;
    case PROP_LAST_DAY: self->last_day = g_value_get_int (value); break;
    case PROP_GOAL_ID: self->goal_id = g_value_get_int64 (value); break;
    case PROP_PLAN_ID: self->plan_id = g_value_get_int64 (value); break;
    case PROP_NEXT_STEPS: g_free (self->next_steps); self->next_steps = g_value_dup_string (value); break;
    case PROP_HYPOTHESIS: g_free (self->hypothesis); self->hypothesis = g_value_dup_string (value); break;
    case PROP_EXPECTED_OUTCOME: g_free (self->expected_outcome); self->expected_outcome = g_value_dup_string (value); break;
    case PROP_ACTUAL_OUTCOME: g_free (self->actual_outcome); self->actual_outcome = g_value_dup_string (value); break;
    case PROP_AMOUNT_MINOR: self->amount_minor = g_value_get_int64 (value); break;
    case PROP_CURRENCY: g_free (self->currency); self->currency = g_value_dup_string (value); break;
    case PROP_SNAPSHOT: g_free (self->snapshot); self->snapshot = g_value_dup_string (value); break;
    case PROP_AUTHOR: g_free (self->author); self->author = g_value_dup_string (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    case PROP_UPDATED_AT: self->updated_at = g_value_get_int64 (value); break;
    case PROP_READ_ONLY: self->read_only = g_value_get_boolean (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_annotation_class_init (SlAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_annotation_finalize;
  object_class->get_property = sl_annotation_get_property;
  object_class->set_property = sl_annotation_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL_ID] =
    g_param_spec_int64 ("channel-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CAMPAIGN_ID] =
    g_param_spec_int64 ("campaign-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FIRST_DAY] =
    g_param_spec_int ("first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_LAST_DAY] =
    g_param_spec_int ("last-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_GOAL_ID] =
    g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NEXT_STEPS] =
    g_param_spec_string ("next-steps", NULL, NULL, NULL, flags);
  properties[PROP_HYPOTHESIS] =
    g_param_spec_string ("hypothesis", NULL, NULL, NULL, flags);
  properties[PROP_EXPECTED_OUTCOME] =
    g_param_spec_string ("expected-outcome", NULL, NULL, NULL, flags);
  properties[PROP_ACTUAL_OUTCOME] =
    g_param_spec_string ("actual-outcome", NULL, NULL, NULL, flags);
  properties[PROP_AMOUNT_MINOR] =
    g_param_spec_int64 ("amount-minor", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, flags);
  properties[PROP_SNAPSHOT] =
    g_param_spec_string ("snapshot", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_annotation_init (SlAnnotation *self)
{
}

SlAnnotation *
sl_annotation_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *kind = sl_record_column_text (stmt, 2);
  g_autofree char *title = sl_record_column_text (stmt, 3);
  g_autofree char *body = sl_record_column_text (stmt, 4);
  g_autofree char *next_steps = sl_record_column_text (stmt, 11);
  g_autofree char *hypothesis = sl_record_column_text (stmt, 12);
  g_autofree char *expected_outcome = sl_record_column_text (stmt, 13);
  g_autofree char *actual_outcome = sl_record_column_text (stmt, 14);
  g_autofree char *currency = sl_record_column_text (stmt, 16);
  g_autofree char *snapshot = sl_record_column_text (stmt, 17);
  g_autofree char *author = sl_record_column_text (stmt, 18);

  return g_object_new (SL_TYPE_ANNOTATION,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "kind", kind,
                       "title", title,
                       "body", body,
                       "channel-id", sl_record_column_id (stmt, 5),
                       "campaign-id", sl_record_column_id (stmt, 6),
                       "first-day", sqlite3_column_int (stmt, 7),
                       "last-day", sqlite3_column_int (stmt, 8),
                       "goal-id", sl_record_column_id (stmt, 9),
                       "plan-id", sl_record_column_id (stmt, 10),
                       "next-steps", next_steps,
                       "hypothesis", hypothesis,
                       "expected-outcome", expected_outcome,
                       "actual-outcome", actual_outcome,
                       "amount-minor", sqlite3_column_int64 (stmt, 15),
                       "currency", currency,
                       "snapshot", snapshot,
                       "author", author,
                       "created-at", sqlite3_column_int64 (stmt, 19),
                       "updated-at", sqlite3_column_int64 (stmt, 20),
                       "read-only", sqlite3_column_int (stmt, 21) != 0,
                       NULL);
}

const char *
sl_annotation_get_kind (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->kind;
}

const char *
sl_annotation_get_title (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->title;
}

const char *
sl_annotation_get_body (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->body;
}

gint64
sl_annotation_get_channel_id (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->channel_id;
}

gint64
sl_annotation_get_campaign_id (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->campaign_id;
}

SlDay
sl_annotation_get_first_day (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->first_day;
}

SlDay
sl_annotation_get_last_day (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->last_day;
}

gint64
sl_annotation_get_goal_id (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->goal_id;
}

gint64
sl_annotation_get_plan_id (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->plan_id;
}

const char *
sl_annotation_get_next_steps (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->next_steps;
}

const char *
sl_annotation_get_hypothesis (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->hypothesis;
}

const char *
sl_annotation_get_expected_outcome (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->expected_outcome;
}

const char *
sl_annotation_get_actual_outcome (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->actual_outcome;
}

gint64
sl_annotation_get_amount_minor (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->amount_minor;
}

const char *
sl_annotation_get_currency (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->currency;
}

const char *
sl_annotation_get_snapshot (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->snapshot;
}

const char *
sl_annotation_get_author (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), NULL);
  return self->author;
}

gint64
sl_annotation_get_created_at (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->created_at;
}

gint64
sl_annotation_get_updated_at (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), 0);
  return self->updated_at;
}

gboolean
sl_annotation_get_read_only (SlAnnotation *self)
{
  g_return_val_if_fail (SL_IS_ANNOTATION (self), FALSE);
  return self->read_only;
}
