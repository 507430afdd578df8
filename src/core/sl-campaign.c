/* sl-campaign.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-campaign.h"

struct _SlCampaign
{
  SlRecord  parent_instance;

  gint64    channel_id;
  char     *name;
  char     *external_id;
  gboolean  archived;
};

G_DEFINE_FINAL_TYPE (SlCampaign, sl_campaign, SL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CHANNEL_ID,
  PROP_NAME,
  PROP_EXTERNAL_ID,
  PROP_ARCHIVED,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_campaign_finalize (GObject *object)
{
  SlCampaign *self = (SlCampaign *)object;

  g_free (self->name);
  g_free (self->external_id);

  G_OBJECT_CLASS (sl_campaign_parent_class)->finalize (object);
}

static void
sl_campaign_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SlCampaign *self = SL_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_ID:
      g_value_set_int64 (value, self->channel_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_campaign_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SlCampaign *self = SL_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_CHANNEL_ID:
      self->channel_id = g_value_get_int64 (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_EXTERNAL_ID:
      g_free (self->external_id);
      self->external_id = g_value_dup_string (value);
      break;
    case PROP_ARCHIVED:
      self->archived = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_campaign_class_init (SlCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_campaign_finalize;
  object_class->get_property = sl_campaign_get_property;
  object_class->set_property = sl_campaign_set_property;

  properties[PROP_CHANNEL_ID] = g_param_spec_int64 ("channel-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_campaign_init (SlCampaign *self)
{
}

SlCampaign *
sl_campaign_new_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *uuid = sl_record_column_text (stmt, 1);
  g_autofree char *name = sl_record_column_text (stmt, 3);
  g_autofree char *external_id = sl_record_column_text (stmt, 4);

  return g_object_new (SL_TYPE_CAMPAIGN,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", uuid,
                       "channel-id", sqlite3_column_int64 (stmt, 2),
                       "name", name,
                       "external-id", external_id,
                       "archived", sqlite3_column_int (stmt, 5) != 0,
                       NULL);
}

gint64
sl_campaign_get_channel_id (SlCampaign *self)
{
  g_return_val_if_fail (SL_IS_CAMPAIGN (self), 0);
  return self->channel_id;
}

const char *
sl_campaign_get_name (SlCampaign *self)
{
  g_return_val_if_fail (SL_IS_CAMPAIGN (self), NULL);
  return self->name;
}

const char *
sl_campaign_get_external_id (SlCampaign *self)
{
  g_return_val_if_fail (SL_IS_CAMPAIGN (self), NULL);
  return self->external_id;
}

gboolean
sl_campaign_get_archived (SlCampaign *self)
{
  g_return_val_if_fail (SL_IS_CAMPAIGN (self), FALSE);
  return self->archived;
}
