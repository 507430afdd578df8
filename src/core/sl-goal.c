/* sl-goal.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-goal.h"

struct _SlGoal
{
  SlRecord  parent_instance;

  char     *objective;
  char     *description;
  char     *framework;
  SlDay     first_day;
  SlDay     last_day;
  char     *author;
  gint64    created_at;
  gint64    updated_at;
};

G_DEFINE_FINAL_TYPE (SlGoal, sl_goal, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_OBJECTIVE,
  PROP_DESCRIPTION,
  PROP_FRAMEWORK,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_goal_finalize (GObject *object)
{
  SlGoal *self = (SlGoal *)object;

  g_free (self->objective);
  g_free (self->description);
  g_free (self->framework);
  g_free (self->author);

  G_OBJECT_CLASS (sl_goal_parent_class)->finalize (object);
}

static void
sl_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SlGoal *self = SL_GOAL (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE: g_value_set_string (value, self->objective); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_FRAMEWORK: g_value_set_string (value, self->framework); break;
    case PROP_FIRST_DAY: g_value_set_int (value, self->first_day); break;
    case PROP_LAST_DAY: g_value_set_int (value, self->last_day); break;
    case PROP_AUTHOR: g_value_set_string (value, self->author); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_goal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SlGoal *self = SL_GOAL (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE: g_free (self->objective); self->objective = g_value_dup_string (value); break;
    case PROP_DESCRIPTION: g_free (self->description); self->description = g_value_dup_string (value); break;
    case PROP_FRAMEWORK: g_free (self->framework); self->framework = g_value_dup_string (value); break;
    case PROP_FIRST_DAY: self->first_day = g_value_get_int (value); break;
    case PROP_LAST_DAY: self->last_day = g_value_get_int (value); break;
    case PROP_AUTHOR: g_free (self->author); self->author = g_value_dup_string (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    case PROP_UPDATED_AT: self->updated_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_goal_class_init (SlGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_goal_finalize;
  object_class->get_property = sl_goal_get_property;
  object_class->set_property = sl_goal_set_property;

  properties[PROP_OBJECTIVE] =
    g_param_spec_string ("objective", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_FRAMEWORK] =
    g_param_spec_string ("framework", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_DAY] =
    g_param_spec_int ("first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_LAST_DAY] =
    g_param_spec_int ("last-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_goal_init (SlGoal *self)
{
}

SlGoal *
sl_goal_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *objective = sl_record_column_text (stmt, 2);
  g_autofree char *description = sl_record_column_text (stmt, 3);
  g_autofree char *framework = sl_record_column_text (stmt, 4);
  g_autofree char *author = sl_record_column_text (stmt, 7);

  return g_object_new (SL_TYPE_GOAL,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "objective", objective,
                       "description", description,
                       "framework", framework,
                       "first-day", sqlite3_column_int (stmt, 5),
                       "last-day", sqlite3_column_int (stmt, 6),
                       "author", author,
                       "created-at", sqlite3_column_int64 (stmt, 8),
                       "updated-at", sqlite3_column_int64 (stmt, 9),
                       NULL);
}

const char *
sl_goal_get_objective (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), NULL);
  return self->objective;
}

const char *
sl_goal_get_description (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), NULL);
  return self->description;
}

const char *
sl_goal_get_framework (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), NULL);
  return self->framework;
}

SlDay
sl_goal_get_first_day (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), 0);
  return self->first_day;
}

SlDay
sl_goal_get_last_day (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), 0);
  return self->last_day;
}

const char *
sl_goal_get_author (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), NULL);
  return self->author;
}

gint64
sl_goal_get_created_at (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), 0);
  return self->created_at;
}

gint64
sl_goal_get_updated_at (SlGoal *self)
{
  g_return_val_if_fail (SL_IS_GOAL (self), 0);
  return self->updated_at;
}
