/* sl-key-result.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-key-result.h"

struct _SlKeyResult
{
  SlRecord  parent_instance;

  gint64    goal_id;
  char     *metric;
  gint64    target;
  char     *unit;
  SlDay     first_day;
  SlDay     last_day;
  int       position;
};

G_DEFINE_FINAL_TYPE (SlKeyResult, sl_key_result, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_GOAL_ID,
  PROP_METRIC,
  PROP_TARGET,
  PROP_UNIT,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_POSITION,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_key_result_finalize (GObject *object)
{
  SlKeyResult *self = (SlKeyResult *)object;

  g_free (self->metric);
  g_free (self->unit);

  G_OBJECT_CLASS (sl_key_result_parent_class)->finalize (object);
}

static void
sl_key_result_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlKeyResult *self = SL_KEY_RESULT (object);

  switch (prop_id)
    {
    case PROP_GOAL_ID: g_value_set_int64 (value, self->goal_id); break;
    case PROP_METRIC: g_value_set_string (value, self->metric); break;
    case PROP_TARGET: g_value_set_int64 (value, self->target); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_FIRST_DAY: g_value_set_int (value, self->first_day); break;
    case PROP_LAST_DAY: g_value_set_int (value, self->last_day); break;
    case PROP_POSITION: g_value_set_int (value, self->position); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_key_result_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SlKeyResult *self = SL_KEY_RESULT (object);

  switch (prop_id)
    {
    case PROP_GOAL_ID: self->goal_id = g_value_get_int64 (value); break;
    case PROP_METRIC: g_free (self->metric); self->metric = g_value_dup_string (value); break;
    case PROP_TARGET: self->target = g_value_get_int64 (value); break;
    case PROP_UNIT: g_free (self->unit); self->unit = g_value_dup_string (value); break;
    case PROP_FIRST_DAY: self->first_day = g_value_get_int (value); break;
    case PROP_LAST_DAY: self->last_day = g_value_get_int (value); break;
    case PROP_POSITION: self->position = g_value_get_int (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_key_result_class_init (SlKeyResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_key_result_finalize;
  object_class->get_property = sl_key_result_get_property;
  object_class->set_property = sl_key_result_set_property;

  properties[PROP_GOAL_ID] =
    g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL, NULL, flags);
  properties[PROP_TARGET] =
    g_param_spec_int64 ("target", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_DAY] =
    g_param_spec_int ("first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_LAST_DAY] =
    g_param_spec_int ("last-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_key_result_init (SlKeyResult *self)
{
}

SlKeyResult *
sl_key_result_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *metric = sl_record_column_text (stmt, 2);
  g_autofree char *unit = sl_record_column_text (stmt, 4);

  return g_object_new (SL_TYPE_KEY_RESULT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "goal-id", sl_record_column_id (stmt, 1),
                       "metric", metric,
                       "target", sqlite3_column_int64 (stmt, 3),
                       "unit", unit,
                       "first-day", sqlite3_column_int (stmt, 5),
                       "last-day", sqlite3_column_int (stmt, 6),
                       "position", sqlite3_column_int (stmt, 7),
                       NULL);
}

gint64
sl_key_result_get_goal_id (SlKeyResult *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT (self), 0);
  return self->goal_id;
}

const char *
sl_key_result_get_metric (SlKeyResult *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT (self), NULL);
  return self->metric;
}

gint64
sl_key_result_get_target (SlKeyResult *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT (self), 0);
  return self->target;
}

const char *
sl_key_result_get_unit (SlKeyResult *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT (self), NULL);
  return self->unit;
}

SlDay
sl_key_result_get_first_day (SlKeyResult *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT (self), 0);
  return self->first_day;
}

SlDay
sl_key_result_get_last_day (SlKeyResult *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT (self), 0);
  return self->last_day;
}

int
sl_key_result_get_position (SlKeyResult *self)
{
  g_return_val_if_fail (SL_IS_KEY_RESULT (self), 0);
  return self->position;
}
