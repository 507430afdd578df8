/* sl-realloc-line.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-realloc-line.h"

struct _SlReallocLine
{
  SlRecord  parent_instance;

  gint64    plan_id;
  gint64    from_channel_id;
  SlDay     from_first_day;
  gint64    to_channel_id;
  SlDay     to_first_day;
  gint64    amount_minor;
  int       position;
};

G_DEFINE_FINAL_TYPE (SlReallocLine, sl_realloc_line, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PLAN_ID,
  PROP_FROM_CHANNEL_ID,
  PROP_FROM_FIRST_DAY,
  PROP_TO_CHANNEL_ID,
  PROP_TO_FIRST_DAY,
  PROP_AMOUNT_MINOR,
  PROP_POSITION,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_realloc_line_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SlReallocLine *self = SL_REALLOC_LINE (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID: g_value_set_int64 (value, self->plan_id); break;
    case PROP_FROM_CHANNEL_ID: g_value_set_int64 (value, self->from_channel_id); break;
    case PROP_FROM_FIRST_DAY: g_value_set_int (value, self->from_first_day); break;
    case PROP_TO_CHANNEL_ID: g_value_set_int64 (value, self->to_channel_id); break;
    case PROP_TO_FIRST_DAY: g_value_set_int (value, self->to_first_day); break;
    case PROP_AMOUNT_MINOR: g_value_set_int64 (value, self->amount_minor); break;
    case PROP_POSITION: g_value_set_int (value, self->position); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_realloc_line_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SlReallocLine *self = SL_REALLOC_LINE (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID: self->plan_id = g_value_get_int64 (value); break;
    case PROP_FROM_CHANNEL_ID: self->from_channel_id = g_value_get_int64 (value); break;
    case PROP_FROM_FIRST_DAY: self->from_first_day = g_value_get_int (value); break;
    case PROP_TO_CHANNEL_ID: self->to_channel_id = g_value_get_int64 (value); break;
    case PROP_TO_FIRST_DAY: self->to_first_day = g_value_get_int (value); break;
    case PROP_AMOUNT_MINOR: self->amount_minor = g_value_get_int64 (value); break;
    case PROP_POSITION: self->position = g_value_get_int (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_realloc_line_class_init (SlReallocLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sl_realloc_line_get_property;
  object_class->set_property = sl_realloc_line_set_property;

  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FROM_CHANNEL_ID] =
    g_param_spec_int64 ("from-channel-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FROM_FIRST_DAY] =
    g_param_spec_int ("from-first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_TO_CHANNEL_ID] =
    g_param_spec_int64 ("to-channel-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TO_FIRST_DAY] =
    g_param_spec_int ("to-first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_AMOUNT_MINOR] =
    g_param_spec_int64 ("amount-minor", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_realloc_line_init (SlReallocLine *self)
{
}

SlReallocLine *
sl_realloc_line_new_from_row (sqlite3_stmt *stmt)
{

  return g_object_new (SL_TYPE_REALLOC_LINE,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "plan-id", sl_record_column_id (stmt, 1),
                       "from-channel-id", sl_record_column_id (stmt, 2),
                       "from-first-day", sqlite3_column_int (stmt, 3),
                       "to-channel-id", sl_record_column_id (stmt, 4),
                       "to-first-day", sqlite3_column_int (stmt, 5),
                       "amount-minor", sqlite3_column_int64 (stmt, 6),
                       "position", sqlite3_column_int (stmt, 7),
                       NULL);
}

gint64
sl_realloc_line_get_plan_id (SlReallocLine *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE (self), 0);
  return self->plan_id;
}

gint64
sl_realloc_line_get_from_channel_id (SlReallocLine *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE (self), 0);
  return self->from_channel_id;
}

SlDay
sl_realloc_line_get_from_first_day (SlReallocLine *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE (self), 0);
  return self->from_first_day;
}

gint64
sl_realloc_line_get_to_channel_id (SlReallocLine *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE (self), 0);
  return self->to_channel_id;
}

SlDay
sl_realloc_line_get_to_first_day (SlReallocLine *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE (self), 0);
  return self->to_first_day;
}

gint64
sl_realloc_line_get_amount_minor (SlReallocLine *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE (self), 0);
  return self->amount_minor;
}

int
sl_realloc_line_get_position (SlReallocLine *self)
{
  g_return_val_if_fail (SL_IS_REALLOC_LINE (self), 0);
  return self->position;
}
