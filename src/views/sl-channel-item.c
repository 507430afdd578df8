/* sl-channel-item.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include "sl-channel-item.h"

struct _SlChannelItem
{
  GObject          parent_instance;

  char            *name;
  SlMetricsRow     row;
  GListStore      *children;
  GString         *flags;
};

G_DEFINE_FINAL_TYPE (SlChannelItem, sl_channel_item, G_TYPE_OBJECT)

static void
sl_channel_item_finalize (GObject *object)
{
  SlChannelItem *self = (SlChannelItem *)object;

  g_free (self->name);
  g_clear_object (&self->children);
  if (self->flags != NULL)
    g_string_free (self->flags, TRUE);

  G_OBJECT_CLASS (sl_channel_item_parent_class)->finalize (object);
}

static void
sl_channel_item_class_init (SlChannelItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_channel_item_finalize;
}

static void
sl_channel_item_init (SlChannelItem *self)
{
}

SlChannelItem *
sl_channel_item_new (const char         *name,
                     const SlMetricsRow *row)
{
  SlChannelItem *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (SL_TYPE_CHANNEL_ITEM, NULL);
  self->name = g_strdup (name);
  self->row = *row;
  return self;
}

const char *
sl_channel_item_get_name (SlChannelItem *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL_ITEM (self), NULL);
  return self->name;
}

gint64
sl_channel_item_get_channel_id (SlChannelItem *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL_ITEM (self), 0);
  return self->row.channel_id;
}

gint64
sl_channel_item_get_campaign_id (SlChannelItem *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL_ITEM (self), 0);
  return self->row.campaign_id;
}

const SlMetricsTotals *
sl_channel_item_get_totals (SlChannelItem *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL_ITEM (self), NULL);
  return &self->row.totals;
}

void
sl_channel_item_get_value (SlChannelItem *self,
                           SlMetric       metric,
                           SlMetricValue *out)
{
  g_return_if_fail (SL_IS_CHANNEL_ITEM (self));
  g_return_if_fail (out != NULL);

  sl_metrics_totals_get (&self->row.totals, metric, out);
}

GListModel *
sl_channel_item_get_children (SlChannelItem *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL_ITEM (self), NULL);
  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

void
sl_channel_item_add_child (SlChannelItem *self,
                           SlChannelItem *child)
{
  g_return_if_fail (SL_IS_CHANNEL_ITEM (self));
  g_return_if_fail (SL_IS_CHANNEL_ITEM (child));

  if (self->children == NULL)
    self->children = g_list_store_new (SL_TYPE_CHANNEL_ITEM);
  g_list_store_append (self->children, child);
}

void
sl_channel_item_add_flag (SlChannelItem *self,
                          const SlFlag  *flag)
{
  g_return_if_fail (SL_IS_CHANNEL_ITEM (self));
  g_return_if_fail (flag != NULL);

  if (self->flags == NULL)
    self->flags = g_string_new (NULL);
  else
    g_string_append (self->flags, "\n\n");
  g_string_append (self->flags, flag->message);
  if (flag->action != NULL)
    g_string_append_printf (self->flags, "\n%s", flag->action);
}

const char *
sl_channel_item_get_flags_text (SlChannelItem *self)
{
  g_return_val_if_fail (SL_IS_CHANNEL_ITEM (self), NULL);
  return self->flags != NULL ? self->flags->str : NULL;
}
