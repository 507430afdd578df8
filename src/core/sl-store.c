/* sl-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-store.h"

typedef struct
{
  SlDatabase *db;
  GPtrArray  *items;   /* SlRecord */
  GHashTable *by_id;   /* id → SlRecord (borrowed) */
} SlStorePrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (SlStore, sl_store, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (SlStore)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_N_ITEMS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static GType
sl_store_get_item_type (GListModel *model)
{
  return SL_TYPE_RECORD;
}

static guint
sl_store_get_n_items (GListModel *model)
{
  SlStorePrivate *priv = sl_store_get_instance_private (SL_STORE (model));

  return priv->items->len;
}

static gpointer
sl_store_get_item (GListModel *model,
                   guint       position)
{
  SlStorePrivate *priv = sl_store_get_instance_private (SL_STORE (model));

  if (position >= priv->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sl_store_get_item_type;
  iface->get_n_items = sl_store_get_n_items;
  iface->get_item = sl_store_get_item;
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (sl_record_get_id (g_ptr_array_index (a, i)) != sl_record_get_id (g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static void
sl_store_dispose (GObject *object)
{
  SlStorePrivate *priv = sl_store_get_instance_private (SL_STORE (object));

  g_clear_object (&priv->db);
  if (priv->by_id != NULL)
    g_hash_table_remove_all (priv->by_id);
  if (priv->items != NULL)
    g_ptr_array_set_size (priv->items, 0);

  G_OBJECT_CLASS (sl_store_parent_class)->dispose (object);
}

static void
sl_store_finalize (GObject *object)
{
  SlStorePrivate *priv = sl_store_get_instance_private (SL_STORE (object));

  g_clear_pointer (&priv->by_id, g_hash_table_unref);
  g_clear_pointer (&priv->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_store_parent_class)->finalize (object);
}

static void
sl_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SlStorePrivate *priv = sl_store_get_instance_private (SL_STORE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->db);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SlStorePrivate *priv = sl_store_get_instance_private (SL_STORE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_store_class_init (SlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_store_dispose;
  object_class->finalize = sl_store_finalize;
  object_class->get_property = sl_store_get_property;
  object_class->set_property = sl_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SL_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_store_init (SlStore *self)
{
  SlStorePrivate *priv = sl_store_get_instance_private (self);

  priv->items = g_ptr_array_new_with_free_func (g_object_unref);
  priv->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SlDatabase *
sl_store_get_database (SlStore *self)
{
  SlStorePrivate *priv = sl_store_get_instance_private (self);

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return priv->db;
}

static void
index_items (SlStorePrivate *priv)
{
  g_hash_table_remove_all (priv->by_id);
  for (guint i = 0; i < priv->items->len; i++)
    {
      SlRecord *record = g_ptr_array_index (priv->items, i);
      gint64 *key = g_new (gint64, 1);

      *key = sl_record_get_id (record);
      g_hash_table_insert (priv->by_id, key, record);
    }
}

static GPtrArray *
load_records (SlStore  *self,
              GError  **error)
{
  SlStoreClass *klass = SL_STORE_GET_CLASS (self);
  SlStorePrivate *priv = sl_store_get_instance_private (self);
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row, ok;

  stmt = sl_database_prepare (priv->db, klass->select_sql, error);
  if (stmt == NULL)
    return NULL;
  if (klass->bind != NULL)
    klass->bind (self, stmt);

  while ((ok = sl_database_step_row (priv->db, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (items, klass->new_from_row (stmt));

  return ok ? g_steal_pointer (&items) : NULL;
}

gboolean
sl_store_reload (SlStore  *self,
                 GError  **error)
{
  SlStorePrivate *priv = sl_store_get_instance_private (self);
  g_autoptr(GPtrArray) fresh = NULL;
  guint old_len, prefix = 0, suffix = 0;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  fresh = load_records (self, error);
  if (fresh == NULL)
    return FALSE;

  /* Keep the objects of rows that are still there. */
  for (guint i = 0; i < fresh->len; i++)
    {
      SlRecord *record = g_ptr_array_index (fresh, i);
      gint64 id = sl_record_get_id (record);
      SlRecord *old = g_hash_table_lookup (priv->by_id, &id);

      if (old != NULL)
        {
          sl_record_update_from (old, record);
          g_ptr_array_index (fresh, i) = g_object_ref (old);
          g_object_unref (record);
        }
    }

  if (same_ids (priv->items, fresh))
    return TRUE;

  /* Only the rows between what stayed at both ends changed. */
  old_len = priv->items->len;
  while (prefix < old_len && prefix < fresh->len &&
         g_ptr_array_index (priv->items, prefix) == g_ptr_array_index (fresh, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < fresh->len - prefix &&
         g_ptr_array_index (priv->items, old_len - 1 - suffix) ==
         g_ptr_array_index (fresh, fresh->len - 1 - suffix))
    suffix++;

  g_ptr_array_unref (priv->items);
  priv->items = g_steal_pointer (&fresh);
  index_items (priv);

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix, priv->items->len - prefix - suffix);
  if (old_len != priv->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

gboolean
sl_store_watches (SlStore    *self,
                  const char *table)
{
  const char * const *tables;

  g_return_val_if_fail (SL_IS_STORE (self), FALSE);

  tables = SL_STORE_GET_CLASS (self)->tables;
  return tables != NULL && g_strv_contains (tables, table);
}

SlRecord *
sl_store_find (SlStore *self,
               gint64   id)
{
  SlStorePrivate *priv = sl_store_get_instance_private (self);

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  return g_hash_table_lookup (priv->by_id, &id);
}
