/* sl-sync-client-round.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One round: log in, load the checkpoint, push, pull, push what merging
 * left.
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include "sl-sync-client-private.h"

static void step_checkpoint (GTask *task);
static void step_push       (GTask *task);

/* The role the server's roles give: finance (and admins) decide. */
static SlUserRole
role_from_roles (const char * const *roles)
{
  if (g_strv_contains (roles, "finance") || g_strv_contains (roles, "_admin"))
    return SL_USER_ROLE_FINANCE;
  if (g_strv_contains (roles, "marketing"))
    return SL_USER_ROLE_MARKETING;
  return SL_USER_ROLE_VIEWER;
}

static void
finish_round (GTask  *task,
              GError *error)
{
  SlSyncClient *self = g_task_get_source_object (task);

  sl_sync_client_publish_changes (self);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sl_sync_client_record_failure (self, error);
      self->checkpoint_stale = TRUE;
      sl_sync_client_emit_round_finished (self, FALSE);
      g_task_return_error (task, error);
    }
  else
    {
      sl_sync_client_refresh_state (self);
      sl_sync_client_emit_round_finished (self, TRUE);
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

/* Round steps: login, checkpoint, push, pull, push again. */

static void
second_push_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError *error = NULL;

  sl_sync_push_run_finish (SL_SYNC_PUSH (source), result, &error);
  finish_round (user_data, error);
}

static void
pull_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SlSyncClient *self = g_task_get_source_object (task);
  GError *error = NULL;
  guint waiting = 0;

  if (!sl_sync_pull_run_finish (SL_SYNC_PULL (source), result, &error) ||
      !sl_outbox_count_dirty (self->outbox, &waiting, &error))
    {
      finish_round (task, error);
      return;
    }
  /* Merges with local edits are sent at once. */
  if (waiting > 0)
    sl_sync_push_run_async (self->push, g_task_get_cancellable (task), second_push_cb, task);
  else
    finish_round (task, NULL);
}

static void
push_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SlSyncClient *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!sl_sync_push_run_finish (SL_SYNC_PUSH (source), result, &error))
    {
      finish_round (task, error);
      return;
    }
  sl_sync_pull_run_async (self->pull, FALSE, g_task_get_cancellable (task), pull_cb, task);
}

static void
step_push (GTask *task)
{
  SlSyncClient *self = g_task_get_source_object (task);

  sl_sync_push_run_async (self->push, g_task_get_cancellable (task), push_cb, task);
}

static void
checkpoint_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SlSyncClient *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!sl_sync_checkpoint_load_finish (SL_SYNC_CHECKPOINT (source), result, &error))
    {
      finish_round (task, error);
      return;
    }
  self->checkpoint_stale = FALSE;
  step_push (task);
}

static void
step_checkpoint (GTask *task)
{
  SlSyncClient *self = g_task_get_source_object (task);

  if (sl_sync_checkpoint_is_loaded (self->checkpoint) && !self->checkpoint_stale)
    step_push (task);
  else
    sl_sync_checkpoint_load_async (self->checkpoint, g_task_get_cancellable (task), checkpoint_cb, task);
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  SlSyncClient *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!sl_sync_session_login_finish (SL_SYNC_SESSION (source), result, &error))
    {
      finish_round (task, error);
      return;
    }
  sl_workspace_set_user_role (self->workspace,
                              role_from_roles (sl_sync_session_get_roles (self->session)));
  sl_workspace_set_author (self->workspace, sl_sync_account_get_user (self->account));
  step_checkpoint (task);
}

/* Public API */

void
sl_sync_client_sync_async (SlSyncClient        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SL_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_sync_client_sync_async);
  if (sl_sync_session_is_logged_in (self->session))
    step_checkpoint (task);
  else
    sl_sync_session_login_async (self->session, cancellable, login_cb, task);
}

gboolean
sl_sync_client_sync_finish (SlSyncClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
