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

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
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

void
sl_channel_item_set_row (SlChannelItem      *self,
                         const char         *name,
                         const SlMetricsRow *row)
{
  g_return_if_fail (SL_IS_CHANNEL_ITEM (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (row != NULL);

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
    }
  self->row = *row;
  if (self->flags != NULL)
    g_string_free (g_steal_pointer (&self->flags), TRUE);
}

void
sl_channel_item_changed (SlChannelItem *self)
{
  g_return_if_fail (SL_IS_CHANNEL_ITEM (self));
  g_signal_emit (self, signals[CHANGED], 0);
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
  if (self->children == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->children)) == 0)
    return NULL;
  return G_LIST_MODEL (self->children);
}

void
sl_channel_item_set_children (SlChannelItem *self,
                              GPtrArray     *children)
{
  guint n;
  gboolean same;

  g_return_if_fail (SL_IS_CHANNEL_ITEM (self));
  g_return_if_fail (children != NULL);

  if (self->children == NULL)
    self->children = g_list_store_new (SL_TYPE_CHANNEL_ITEM);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->children));
  same = n == children->len;
  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_object (G_LIST_MODEL (self->children), i);

      same = child == children->pdata[i];
    }
  if (!same)
    g_list_store_splice (self->children, 0, n, children->pdata, children->len);
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
