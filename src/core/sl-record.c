/* sl-record.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-record.h"

typedef struct
{
  gint64  id;
  char   *uuid;
} SlRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SlRecord, sl_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_record_finalize (GObject *object)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (SL_RECORD (object));

  g_free (priv->uuid);

  G_OBJECT_CLASS (sl_record_parent_class)->finalize (object);
}

static void
sl_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (SL_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (SL_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_get_int64 (value);
      break;
    case PROP_UUID:
      g_free (priv->uuid);
      priv->uuid = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_record_class_init (SlRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_record_finalize;
  object_class->get_property = sl_record_get_property;
  object_class->set_property = sl_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_record_init (SlRecord *self)
{
}

gint64
sl_record_get_id (SlRecord *self)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_val_if_fail (SL_IS_RECORD (self), 0);
  return priv->id;
}

const char *
sl_record_get_uuid (SlRecord *self)
{
  SlRecordPrivate *priv = sl_record_get_instance_private (self);

  g_return_val_if_fail (SL_IS_RECORD (self), NULL);
  return priv->uuid;
}

void
sl_record_update_from (SlRecord *self,
                       SlRecord *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (SL_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) mine = G_VALUE_INIT;
      g_auto(GValue) theirs = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      g_value_init (&mine, pspec->value_type);
      g_value_init (&theirs, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &mine);
      g_object_get_property (G_OBJECT (other), pspec->name, &theirs);
      if (g_param_values_cmp (pspec, &mine, &theirs) != 0)
        g_object_set_property (G_OBJECT (self), pspec->name, &theirs);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

char *
sl_record_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *)text) : NULL;
}

gint64
sl_record_column_id (sqlite3_stmt *stmt,
                     int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}
