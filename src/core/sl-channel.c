/* sl-channel.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-channel.h"

struct _SlChannel
{
  SlRecord  parent_instance;

  char     *name;
  char     *kind;
  char     *color;
  int       position;
  gboolean  archived;
};

G_DEFINE_FINAL_TYPE (SlChannel, sl_channel, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_COLOR,
  PROP_POSITION,
  PROP_ARCHIVED,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_channel_finalize (GObject *object)
{
  SlChannel *self = (SlChannel *)object;

  g_free (self->name);
  g_free (self->kind);
  g_free (self->color);

  G_OBJECT_CLASS (sl_channel_parent_class)->finalize (object);
}

static void
sl_channel_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlChannel *self = SL_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_channel_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlChannel *self = SL_CHANNEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_KIND:
      g_free (self->kind);
      self->kind = g_value_dup_string (value);
      break;
    case PROP_COLOR:
      g_free (self->color);
      self->color = g_value_dup_string (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case PROP_ARCHIVED:
      self->archived = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_channel_class_init (SlChannelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_channel_finalize;
  object_class->get_property = sl_channel_get_property;
  object_class->set_property = sl_channel_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_channel_init (SlChannel *self)
{
}

SlChannel *
sl_channel_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *name = sl_record_column_text (stmt, 2);
  g_autofree char *kind = sl_record_column_text (stmt, 3);
  g_autofree char *color = sl_record_column_text (stmt, 4);

  return g_object_new (SL_TYPE_CHANNEL,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "name", name,
                       "kind", kind,
                       "color", color,
                       "position", sqlite3_column_int (stmt, 5),
                       "archived", sqlite3_column_int (stmt, 6) != 0,
                       NULL);
}

const char *
sl_channel_get_name (SlChannel *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL (self), NULL);
  return self->name;
}

const char *
sl_channel_get_kind (SlChannel *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL (self), NULL);
  return self->kind;
}

const char *
sl_channel_get_color (SlChannel *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL (self), NULL);
  return self->color;
}

int
sl_channel_get_position (SlChannel *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL (self), 0);
  return self->position;
}

gboolean
sl_channel_get_archived (SlChannel *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL (self), FALSE);
  return self->archived;
}
