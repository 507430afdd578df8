/* sl-command.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-command.h"
#include "sl-history.h"

typedef struct
{
  char      *label;
  char      *author;
  char      *action;
  GPtrArray *tables;   /* NULL-terminated char* */
} SlCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SlCommand, sl_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
sl_command_finalize (GObject *object)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (SL_COMMAND (object));

  g_free (priv->label);
  g_free (priv->author);
  g_free (priv->action);
  g_ptr_array_unref (priv->tables);

  G_OBJECT_CLASS (sl_command_parent_class)->finalize (object);
}

static void
sl_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (SL_COMMAND (object));

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, priv->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (SL_COMMAND (object));

  switch (prop_id)
    {
    case PROP_LABEL:
      g_free (priv->label);
      priv->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_command_class_init (SlCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sl_command_finalize;
  object_class->get_property = sl_command_get_property;
  object_class->set_property = sl_command_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_command_init (SlCommand *self)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  priv->tables = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (priv->tables, NULL);
  priv->action = g_strdup ("edit");
}

const char *
sl_command_get_label (SlCommand *self)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  g_return_val_if_fail (SL_IS_COMMAND (self), NULL);
  return priv->label;
}

const char * const *
sl_command_get_tables (SlCommand *self)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  g_return_val_if_fail (SL_IS_COMMAND (self), NULL);
  return (const char * const *)priv->tables->pdata;
}

void
sl_command_add_table (SlCommand  *self,
                      const char *table)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  g_return_if_fail (SL_IS_COMMAND (self));

  if (g_strv_contains (sl_command_get_tables (self), table))
    return;
  g_ptr_array_insert (priv->tables, priv->tables->len - 1, g_strdup (table));
}

void
sl_command_set_context (SlCommand  *self,
                        const char *author,
                        const char *action)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  g_return_if_fail (SL_IS_COMMAND (self));

  g_free (priv->author);
  priv->author = g_strdup (author);
  g_free (priv->action);
  priv->action = g_strdup (action);
}

const char *
sl_command_get_author (SlCommand *self)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  g_return_val_if_fail (SL_IS_COMMAND (self), NULL);
  return priv->author;
}

const char *
sl_command_get_action (SlCommand *self)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  g_return_val_if_fail (SL_IS_COMMAND (self), NULL);
  return priv->action;
}

gboolean
sl_command_apply (SlCommand   *self,
                  SlDatabase  *db,
                  GError     **error)
{
  g_return_val_if_fail (SL_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (sl_database_in_transaction (db), FALSE);

  return SL_COMMAND_GET_CLASS (self)->apply (self, db, error);
}

gboolean
sl_command_revert (SlCommand   *self,
                   SlDatabase  *db,
                   GError     **error)
{
  g_return_val_if_fail (SL_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (sl_database_in_transaction (db), FALSE);

  return SL_COMMAND_GET_CLASS (self)->revert (self, db, error);
}

gboolean
sl_command_record (SlCommand   *self,
                   SlDatabase  *db,
                   const char  *entity,
                   gint64       entity_id,
                   const char  *field,
                   const char  *old_value,
                   const char  *new_value,
                   GError     **error)
{
  SlCommandPrivate *priv = sl_command_get_instance_private (self);

  g_return_val_if_fail (SL_IS_COMMAND (self), FALSE);

  return sl_history_record (db, priv->author, priv->action, priv->label,
                            entity, entity_id, field, old_value, new_value, error);
}
