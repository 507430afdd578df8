/* sl-sync-client-loop.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A running client: rounds, then a longpoll for the server's changes;
 * edits interrupt the longpoll; failures wait 1, 2, 4 … 60 s, or as
 * long as the server's Retry-After asks if that is longer.
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include "sl-sync-client-private.h"
#include "sl-sync-error.h"

#define MAX_BACKOFF_SECONDS 60
/* Edits within this pause are sent together. */
#define EDIT_DELAY_MS 400

static void begin_round    (SlSyncClient *self);
static void begin_longpoll (SlSyncClient *self);

static void
cancel_work (SlSyncClient *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

static gboolean
round_timer_cb (gpointer user_data)
{
  SlSyncClient *self = user_data;

  self->timer_id = 0;
  begin_round (self);
  return G_SOURCE_REMOVE;
}

/* The next round in @delay_ms, unless one is under way (then it is
 * done again when that one ends). */
static void
schedule_round (SlSyncClient *self,
                guint         delay_ms)
{
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  cancel_work (self);
  self->timer_id = g_timeout_add (delay_ms, round_timer_cb, self);
}

static void
retry_later (SlSyncClient *self,
             const GError *error)
{
  guint wait;

  if (!sl_sync_error_is_transient (error))
    return;   /* a refusal: the user must change something first */
  if (sl_sync_client_network_is_down (self))
    return;   /* network-changed starts again */
  self->backoff = self->backoff == 0 ? 1 : MIN (self->backoff * 2, MAX_BACKOFF_SECONDS);
  wait = MAX (self->backoff, sl_sync_session_get_retry_after (self->session));
  g_debug ("Sync failed (%s); trying again in %u s", error->message, wait);
  cancel_work (self);
  /* Not g_timeout_add_seconds(): its first call may come early, and a
   * server that said when must not be asked before. */
  self->timer_id = g_timeout_add ((guint) wait * 1000, round_timer_cb, self);
}

static void
longpoll_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SlSyncClient) self = user_data;
  g_autoptr(GError) error = NULL;
  guint waiting = 0;

  if (!sl_sync_pull_run_finish (SL_SYNC_PULL (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->running)
        return;
      sl_sync_client_publish_changes (self);
      sl_sync_client_record_failure (self, error);
      self->checkpoint_stale = TRUE;
      retry_later (self, error);
      return;
    }
  if (!self->running)
    return;
  g_clear_object (&self->cancellable);
  sl_sync_client_publish_changes (self);
  sl_sync_client_refresh_state (self);
  if (sl_outbox_count_dirty (self->outbox, &waiting, NULL) && waiting > 0)
    begin_round (self);
  else
    begin_longpoll (self);
}

static void
begin_longpoll (SlSyncClient *self)
{
  cancel_work (self);
  g_debug ("%s waits for the server’s changes", sl_sync_account_get_user (self->account));
  self->cancellable = g_cancellable_new ();
  sl_sync_pull_run_async (self->pull, TRUE, self->cancellable, longpoll_cb, g_object_ref (self));
}

static void
round_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SlSyncClient) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!sl_sync_client_sync_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->running)
        return;
      retry_later (self, error);
      return;
    }
  if (!self->running)
    return;
  self->backoff = 0;
  g_clear_object (&self->cancellable);
  if (self->again)
    {
      self->again = FALSE;
      begin_round (self);
    }
  else
    begin_longpoll (self);
}

static void
begin_round (SlSyncClient *self)
{
  if (!self->running || self->busy)
    return;
  if (sl_sync_client_network_is_down (self))
    {
      sl_sync_client_refresh_state (self);
      return;
    }
  cancel_work (self);
  g_debug ("Sync round of %s", sl_sync_account_get_user (self->account));
  self->busy = TRUE;
  self->again = FALSE;
  self->cancellable = g_cancellable_new ();
  sl_sync_client_sync_async (self, self->cancellable, round_cb, g_object_ref (self));
}

/* Shared with sl-sync-client.c */

void
sl_sync_client_workspace_changed (SlSyncClient *self)
{
  sl_sync_client_refresh_state (self);
  if (self->running && self->state != SL_SYNC_STATE_OFFLINE)
    schedule_round (self, EDIT_DELAY_MS);
}

void
sl_sync_client_network_changed (SlSyncClient *self)
{
  sl_sync_client_refresh_state (self);
  if (!self->running)
    return;
  if (sl_sync_client_network_is_down (self))
    {
      cancel_work (self);
      self->busy = FALSE;
      return;
    }
  self->backoff = 0;
  schedule_round (self, 0);
}

void
sl_sync_client_loop_dispose (SlSyncClient *self)
{
  self->running = FALSE;
  cancel_work (self);
}

/* Public API */

void
sl_sync_client_start (SlSyncClient *self)
{
  g_return_if_fail (SL_IS_SYNC_CLIENT (self));

  if (self->running)
    return;
  self->running = TRUE;
  self->backoff = 0;
  schedule_round (self, 0);
}

void
sl_sync_client_stop (SlSyncClient *self)
{
  g_return_if_fail (SL_IS_SYNC_CLIENT (self));

  self->running = FALSE;
  self->again = FALSE;
  cancel_work (self);
}

gboolean
sl_sync_client_is_running (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), FALSE);
  return self->running;
}

void
sl_sync_client_sync_now (SlSyncClient *self)
{
  g_return_if_fail (SL_IS_SYNC_CLIENT (self));

  if (!self->running)
    return;
  self->backoff = 0;
  schedule_round (self, 0);
}
