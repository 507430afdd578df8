/* sl-sync-client.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-sync"

#include "config.h"

#include <string.h>

#include "sl-sync-client-private.h"
#include "sl-sync-error.h"

G_DEFINE_FINAL_TYPE (SlSyncClient, sl_sync_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_WAITING,
  PROP_ERROR_MESSAGE,
  PROP_ISSUES,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ROUND_FINISHED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* What a pull or a merge may write. */
static const char * const shared_tables[] = {
  "goal", "key_result", "annotation", "realloc_plan", "realloc_line", "budget_request",
  "budget_line", "comment", "decision", "channel", "campaign", NULL
};

/* Helpers */

static guint
applied_so_far (SlSyncClient *self)
{
  return sl_sync_pull_get_count (self->pull, SL_OUTBOX_PULL_APPLIED) +
         sl_sync_pull_get_count (self->pull, SL_OUTBOX_PULL_MERGED) +
         sl_sync_push_get_n_merged (self->push);
}

/* Callbacks */

static void
workspace_changed_cb (SlSyncClient *self,
                      const char   *table,
                      SlWorkspace  *workspace)
{
  if (!self->notifying && g_strv_contains (shared_tables, table))
    sl_sync_client_workspace_changed (self);
}

static void
network_changed_cb (SlSyncClient    *self,
                    gboolean         available,
                    GNetworkMonitor *monitor)
{
  sl_sync_client_network_changed (self);
}

/* GObject */

static void
sl_sync_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlSyncClient *self = SL_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_WAITING:
      g_value_set_uint (value, self->waiting);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_ISSUES:
      g_value_set_object (value, self->issues);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_sync_client_dispose (GObject *object)
{
  SlSyncClient *self = (SlSyncClient *)object;

  sl_sync_client_loop_dispose (self);
  g_clear_signal_handler (&self->monitor_id, self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->push);
  g_clear_object (&self->pull);
  g_clear_object (&self->issues);
  g_clear_object (&self->outbox);
  g_clear_object (&self->checkpoint);
  g_clear_object (&self->session);
  g_clear_object (&self->account);
  g_clear_object (&self->db);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sl_sync_client_parent_class)->dispose (object);
}

static void
sl_sync_client_finalize (GObject *object)
{
  SlSyncClient *self = (SlSyncClient *)object;

  g_free (self->error_message);

  G_OBJECT_CLASS (sl_sync_client_parent_class)->finalize (object);
}

static void
sl_sync_client_class_init (SlSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sl_sync_client_get_property;
  object_class->dispose = sl_sync_client_dispose;
  object_class->finalize = sl_sync_client_finalize;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SL_TYPE_SYNC_STATE, SL_SYNC_STATE_SYNCED, flags);
  properties[PROP_WAITING] =
    g_param_spec_uint ("waiting", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_ISSUES] =
    g_param_spec_object ("issues", NULL, NULL, SL_TYPE_SYNC_ISSUE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ROUND_FINISHED] =
    g_signal_new ("round-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
sl_sync_client_init (SlSyncClient *self)
{
}

/* Shared with sl-sync-client-loop.c */

void
sl_sync_client_emit_round_finished (SlSyncClient *self,
                                    gboolean      success)
{
  g_signal_emit (self, signals[SIGNAL_ROUND_FINISHED], 0, success);
}

void
sl_sync_client_set_state (SlSyncClient *self,
                          SlSyncState   state,
                          const char   *error_message)
{
  if (g_strcmp0 (self->error_message, error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

void
sl_sync_client_refresh_state (SlSyncClient *self)
{
  g_autoptr(GError) error = NULL;
  guint waiting = 0;

  if (!sl_outbox_count_dirty (self->outbox, &waiting, &error))
    g_message ("Could not count the changes to send: %s", error->message);
  if (self->waiting != waiting)
    {
      self->waiting = waiting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
    }
  if (sl_sync_client_network_is_down (self))
    sl_sync_client_set_state (self, SL_SYNC_STATE_OFFLINE, NULL);
  else
    sl_sync_client_set_state (self, waiting > 0 ? SL_SYNC_STATE_WAITING : SL_SYNC_STATE_SYNCED, NULL);
}

void
sl_sync_client_record_failure (SlSyncClient *self,
                               const GError *error)
{
  sl_sync_client_refresh_state (self);
  if (self->state != SL_SYNC_STATE_OFFLINE)
    sl_sync_client_set_state (self, SL_SYNC_STATE_ERROR, error->message);
}

void
sl_sync_client_publish_changes (SlSyncClient *self)
{
  g_autoptr(GError) error = NULL;
  guint applied = applied_so_far (self);

  if (applied != self->applied_seen)
    {
      self->applied_seen = applied;
      self->notifying = TRUE;
      sl_workspace_notify_changed (self->workspace, shared_tables);
      self->notifying = FALSE;
    }
  if (!sl_sync_issue_store_reload (self->issues, &error))
    g_message ("Could not list the items sync needs an answer on: %s", error->message);
}

/* Whether the monitor says the server cannot be reached (GIO's monitor
 * is not asked about a server on this computer, which always can). */
gboolean
sl_sync_client_network_is_down (SlSyncClient *self)
{
  g_autoptr(GUri) uri = g_uri_parse (sl_sync_account_get_url (self->account), G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (!self->monitor_given && host != NULL && (strcmp (host, "localhost") == 0 || g_str_has_prefix (host, "127.") ||
                       strcmp (host, "::1") == 0 || strcmp (host, "[::1]") == 0))
    return FALSE;
  return !g_network_monitor_get_network_available (self->monitor);
}

/* Public API */

SlSyncClient *
sl_sync_client_new (SlWorkspace   *workspace,
                    SlSyncAccount *account,
                    const char    *password)
{
  SlSyncClient *self;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (SL_IS_SYNC_ACCOUNT (account), NULL);

  self = g_object_new (SL_TYPE_SYNC_CLIENT, NULL);
  self->workspace = g_object_ref (workspace);
  self->db = g_object_ref (sl_workspace_get_database (workspace));
  self->account = g_object_ref (account);
  self->session = sl_sync_session_new (sl_sync_account_get_url (account),
                                       sl_sync_account_get_db_name (account),
                                       sl_sync_account_get_user (account), password);
  self->checkpoint = sl_sync_checkpoint_new (self->session, account);
  self->outbox = sl_outbox_new (self->db);
  self->issues = sl_sync_issue_store_new (self->db);
  self->push = sl_sync_push_new (self->session, self->outbox, self->issues, self->db);
  self->pull = sl_sync_pull_new (self->session, self->outbox, account, self->checkpoint);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sl_sync_client_set_network_monitor (self, g_network_monitor_get_default ());
  self->monitor_given = FALSE;
  sl_sync_client_publish_changes (self);
  return self;
}

SlWorkspace *
sl_sync_client_get_workspace (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), NULL);
  return self->workspace;
}

SlSyncAccount *
sl_sync_client_get_account (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), NULL);
  return self->account;
}

SlSyncIssueStore *
sl_sync_client_get_issues (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), NULL);
  return self->issues;
}

void
sl_sync_client_set_password (SlSyncClient *self,
                             const char   *password)
{
  g_return_if_fail (SL_IS_SYNC_CLIENT (self));

  sl_sync_session_set_password (self->session, password);
  if (self->running)
    sl_sync_client_sync_now (self);
}

void
sl_sync_client_set_batch_sizes (SlSyncClient *self,
                                guint         push_batch,
                                guint         pull_page)
{
  g_return_if_fail (SL_IS_SYNC_CLIENT (self));

  sl_sync_push_set_batch_size (self->push, push_batch);
  sl_sync_pull_set_page_size (self->pull, pull_page);
}

void
sl_sync_client_set_network_monitor (SlSyncClient    *self,
                                    GNetworkMonitor *monitor)
{
  g_return_if_fail (SL_IS_SYNC_CLIENT (self));
  g_return_if_fail (G_IS_NETWORK_MONITOR (monitor));

  if (self->monitor == monitor)
    return;
  g_clear_signal_handler (&self->monitor_id, self->monitor);
  g_set_object (&self->monitor, monitor);
  self->monitor_given = TRUE;
  self->monitor_id = g_signal_connect_object (monitor, "network-changed",
                                              G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);
  sl_sync_client_refresh_state (self);
}

gboolean
sl_sync_client_resolve (SlSyncClient  *self,
                        const char    *doc_id,
                        gboolean       keep_mine,
                        GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (doc_id != NULL, FALSE);

  if (keep_mine)
    ok = sl_sync_issue_store_keep_mine (self->issues, doc_id, error);
  else
    ok = sl_sync_issue_store_take_theirs (self->issues, doc_id, error);
  if (!ok)
    return FALSE;
  if (!keep_mine)
    {
      self->notifying = TRUE;
      sl_workspace_notify_changed (self->workspace, shared_tables);
      self->notifying = FALSE;
    }
  sl_sync_client_publish_changes (self);
  sl_sync_client_refresh_state (self);
  if (self->running)
    sl_sync_client_sync_now (self);
  return TRUE;
}

SlSyncState
sl_sync_client_get_state (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), SL_SYNC_STATE_ERROR);
  return self->state;
}

guint
sl_sync_client_get_waiting (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), 0);
  return self->waiting;
}

const char *
sl_sync_client_get_error_message (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), NULL);
  return self->error_message;
}

char *
sl_sync_client_dup_status_text (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), NULL);
  return sl_sync_state_describe (self->state, self->waiting, self->error_message);
}

SlSyncPush *
sl_sync_client_get_push (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), NULL);
  return self->push;
}

SlSyncPull *
sl_sync_client_get_pull (SlSyncClient *self)
{
  g_return_val_if_fail (SL_IS_SYNC_CLIENT (self), NULL);
  return self->pull;
}
