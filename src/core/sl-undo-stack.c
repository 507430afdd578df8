/* sl-undo-stack.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-undo-stack.h"

struct _SlUndoStack
{
  GObject     parent_instance;

  SlDatabase *db;
  char       *author;
  GPtrArray  *undo;   /* SlCommand, oldest first */
  GPtrArray  *redo;   /* SlCommand, next to redo last */
};

G_DEFINE_FINAL_TYPE (SlUndoStack, sl_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS,
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  SlCommand  *command;
  SlDatabase *db;
  gboolean    forward;
} RunData;

static gboolean
run_in_transaction (gpointer   user_data,
                    GError   **error)
{
  RunData *data = user_data;

  return data->forward ? sl_command_apply (data->command, data->db, error)
                       : sl_command_revert (data->command, data->db, error);
}

static gboolean
run (SlUndoStack  *self,
     SlCommand    *command,
     const char   *action,
     gboolean      forward,
     GError      **error)
{
  RunData data = { command, self->db, forward };

  sl_command_set_context (command, self->author, action);
  return sl_database_transaction (self->db, run_in_transaction, &data, error);
}

static void
notify_state (SlUndoStack *self,
              SlCommand   *command)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_CAN_UNDO; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));

  if (command != NULL)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, sl_command_get_tables (command));
}

static void
sl_undo_stack_finalize (GObject *object)
{
  SlUndoStack *self = (SlUndoStack *)object;

  g_clear_object (&self->db);
  g_free (self->author);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (sl_undo_stack_parent_class)->finalize (object);
}

static void
sl_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlUndoStack *self = SL_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sl_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sl_undo_stack_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, sl_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, sl_undo_stack_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_undo_stack_class_init (SlUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sl_undo_stack_finalize;
  object_class->get_property = sl_undo_stack_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SlUndoStack::changed:
   * @tables: (array zero-terminated=1): the tables written
   *
   * Emitted after a command was applied, undone or redone and committed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
sl_undo_stack_init (SlUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

SlUndoStack *
sl_undo_stack_new (SlDatabase *db)
{
  SlUndoStack *self;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  self = g_object_new (SL_TYPE_UNDO_STACK, NULL);
  self->db = g_object_ref (db);
  return self;
}

void
sl_undo_stack_set_author (SlUndoStack *self,
                          const char  *author)
{
  g_return_if_fail (SL_IS_UNDO_STACK (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

const char *
sl_undo_stack_get_author (SlUndoStack *self)
{
  g_return_val_if_fail (SL_IS_UNDO_STACK (self), NULL);
  return self->author;
}

gboolean
sl_undo_stack_push (SlUndoStack  *self,
                    SlCommand    *command,
                    GError      **error)
{
  g_autoptr(SlCommand) owned = command;

  g_return_val_if_fail (SL_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (SL_IS_COMMAND (command), FALSE);

  if (!run (self, command, "edit", TRUE, error))
    return FALSE;

  g_ptr_array_add (self->undo, g_steal_pointer (&owned));
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, command);
  return TRUE;
}

static gboolean
move_top (SlUndoStack  *self,
          GPtrArray    *from,
          GPtrArray    *to,
          gboolean      undoing,
          GError      **error)
{
  SlCommand *command;

  if (from->len == 0)
    return TRUE;

  command = g_ptr_array_index (from, from->len - 1);
  if (!run (self, command, undoing ? "undo" : "redo", !undoing, error))
    return FALSE;

  g_ptr_array_add (to, g_object_ref (command));
  g_ptr_array_remove_index (from, from->len - 1);
  notify_state (self, command);
  return TRUE;
}

gboolean
sl_undo_stack_undo (SlUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (SL_IS_UNDO_STACK (self), FALSE);
  return move_top (self, self->undo, self->redo, TRUE, error);
}

gboolean
sl_undo_stack_redo (SlUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (SL_IS_UNDO_STACK (self), FALSE);
  return move_top (self, self->redo, self->undo, FALSE, error);
}

gboolean
sl_undo_stack_can_undo (SlUndoStack *self)
{
  g_return_val_if_fail (SL_IS_UNDO_STACK (self), FALSE);
  return self->undo->len > 0;
}

gboolean
sl_undo_stack_can_redo (SlUndoStack *self)
{
  g_return_val_if_fail (SL_IS_UNDO_STACK (self), FALSE);
  return self->redo->len > 0;
}

const char *
sl_undo_stack_get_undo_label (SlUndoStack *self)
{
  g_return_val_if_fail (SL_IS_UNDO_STACK (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return sl_command_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

const char *
sl_undo_stack_get_redo_label (SlUndoStack *self)
{
  g_return_val_if_fail (SL_IS_UNDO_STACK (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return sl_command_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

void
sl_undo_stack_clear (SlUndoStack *self)
{
  g_return_if_fail (SL_IS_UNDO_STACK (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, NULL);
}
