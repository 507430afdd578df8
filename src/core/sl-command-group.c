/* sl-command-group.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-command-group.h"

struct _SlCommandGroup
{
  SlCommand  parent_instance;

  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (SlCommandGroup, sl_command_group, SL_TYPE_COMMAND)

static void
set_children_context (SlCommandGroup *self)
{
  SlCommand *command = SL_COMMAND (self);

  for (guint i = 0; i < self->commands->len; i++)
    sl_command_set_context (g_ptr_array_index (self->commands, i),
                            sl_command_get_author (command),
                            sl_command_get_action (command));
}

static gboolean
sl_command_group_apply (SlCommand   *command,
                        SlDatabase  *db,
                        GError     **error)
{
  SlCommandGroup *self = SL_COMMAND_GROUP (command);

  set_children_context (self);
  for (guint i = 0; i < self->commands->len; i++)
    if (!sl_command_apply (g_ptr_array_index (self->commands, i), db, error))
      return FALSE;
  return TRUE;
}

static gboolean
sl_command_group_revert (SlCommand   *command,
                         SlDatabase  *db,
                         GError     **error)
{
  SlCommandGroup *self = SL_COMMAND_GROUP (command);

  set_children_context (self);
  for (guint i = self->commands->len; i > 0; i--)
    if (!sl_command_revert (g_ptr_array_index (self->commands, i - 1), db, error))
      return FALSE;
  return TRUE;
}

static void
sl_command_group_finalize (GObject *object)
{
  SlCommandGroup *self = (SlCommandGroup *)object;

  g_ptr_array_unref (self->commands);

  G_OBJECT_CLASS (sl_command_group_parent_class)->finalize (object);
}

static void
sl_command_group_class_init (SlCommandGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlCommandClass *command_class = SL_COMMAND_CLASS (klass);

  object_class->finalize = sl_command_group_finalize;
  command_class->apply = sl_command_group_apply;
  command_class->revert = sl_command_group_revert;
}

static void
sl_command_group_init (SlCommandGroup *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

SlCommandGroup *
sl_command_group_new (const char *label)
{
  return g_object_new (SL_TYPE_COMMAND_GROUP, "label", label, NULL);
}

void
sl_command_group_add (SlCommandGroup *self,
                      SlCommand      *command)
{
  g_return_if_fail (SL_IS_COMMAND_GROUP (self));
  g_return_if_fail (SL_IS_COMMAND (command));

  g_ptr_array_add (self->commands, command);
  for (const char * const *t = sl_command_get_tables (command); *t != NULL; t++)
    sl_command_add_table (SL_COMMAND (self), *t);
}

guint
sl_command_group_get_n_commands (SlCommandGroup *self)
{
  g_return_val_if_fail (SL_IS_COMMAND_GROUP (self), 0);
  return self->commands->len;
}
