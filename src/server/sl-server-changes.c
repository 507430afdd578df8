/* sl-server-changes.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET/POST /{db}/_changes: the normal feed, and longpoll, which holds
 * the request until a write or its `timeout` (default 60 s).
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-server-private.h"

/* Longpoll waits this long unless `timeout` says otherwise (ms). */
#define DEFAULT_TIMEOUT 60000
#define MAX_TIMEOUT     3600000

/* A longpoll request waiting for a change. */
typedef struct
{
  SlServer             *server;
  SlServerRequest      *request;
  SlServerDb           *db;
  SlServerChangesQuery  query;
  guint                 timeout_id;
  gulong                changed_id;
  gulong                finished_id;
  gulong                disconnected_id;
} Waiter;

static void
waiter_free (Waiter *waiter)
{
  SoupServerMessage *msg = sl_server_request_get_message (waiter->request);

  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  g_clear_signal_handler (&waiter->changed_id, waiter->db);
  if (msg != NULL)
    {
      g_clear_signal_handler (&waiter->finished_id, msg);
      g_clear_signal_handler (&waiter->disconnected_id, msg);
    }
  g_object_unref (waiter->db);
  g_object_unref (waiter->request);
  g_free (waiter);
}

/* Takes @waiter out of the list before anything can re-enter. */
static void
waiter_remove (Waiter *waiter)
{
  g_ptr_array_remove (waiter->server->waiters, waiter);
  waiter_free (waiter);
}

/* Answers with the changes since the waiter's `since`, even none. */
static void
waiter_answer (Waiter *waiter)
{
  g_autoptr(SlServerRequest) request = g_object_ref (waiter->request);
  g_autoptr(GError) error = NULL;
  SlServerChangesQuery query = waiter->query;
  SlServerDb *db = g_object_ref (waiter->db);
  guint n_rows;
  GString *body;

  waiter_remove (waiter);
  body = sl_server_db_changes (db, &query, &n_rows, &error);
  g_object_unref (db);
  if (!sl_server_respond_if_error (request, error))
    sl_server_request_respond (request, 200, body);
}

static void
db_changed_cb (SlServerDb *db,
               gint64      seq,
               gpointer    user_data)
{
  Waiter *waiter = user_data;

  if (seq > waiter->query.since)
    waiter_answer (waiter);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->timeout_id = 0;
  waiter_answer (waiter);
  return G_SOURCE_REMOVE;
}

/* The client went away: nothing to answer. */
static void
message_gone_cb (SoupServerMessage *msg,
                 gpointer           user_data)
{
  waiter_remove (user_data);
}

static void
wait_for_change (SlServer                   *self,
                 SlServerRequest            *request,
                 SlServerDb                 *db,
                 const SlServerChangesQuery *query,
                 gint64                      timeout)
{
  SoupServerMessage *msg = sl_server_request_get_message (request);
  Waiter *waiter = g_new0 (Waiter, 1);

  waiter->server = self;
  waiter->request = g_object_ref (request);
  waiter->db = g_object_ref (db);
  waiter->query = *query;
  waiter->timeout_id = g_timeout_add ((guint) timeout, timeout_cb, waiter);
  waiter->changed_id = g_signal_connect (db, "changed", G_CALLBACK (db_changed_cb), waiter);
  waiter->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (message_gone_cb), waiter);
  waiter->disconnected_id = g_signal_connect (msg, "disconnected",
                                              G_CALLBACK (message_gone_cb), waiter);
  g_ptr_array_add (self->waiters, waiter);
  sl_server_request_pause (request);
}

void
sl_server_release_waiters (SlServer *self)
{
  while (self->waiters->len > 0)
    waiter_answer (g_ptr_array_index (self->waiters, self->waiters->len - 1));
}

static gboolean
read_since (SlServerRequest  *request,
            SlServerDb       *db,
            gint64           *since,
            GError          **error)
{
  const char *text = sl_server_request_get_param (request, "since");

  *since = 0;
  if (text == NULL)
    return TRUE;
  if (strcmp (text, "now") == 0)
    return sl_server_db_get_update_seq (db, since, error);
  if (g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, since, NULL))
    return TRUE;

  g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                       "since must be \"now\" or a sequence this server gave");
  return FALSE;
}

/* feed, style, and what is not supported. */
static gboolean
read_feed (SlServerRequest  *request,
           gboolean         *longpoll,
           gboolean         *all_leaves,
           GError          **error)
{
  const char *feed = sl_server_request_get_param (request, "feed");
  const char *style = sl_server_request_get_param (request, "style");
  gboolean descending = FALSE;

  *longpoll = g_strcmp0 (feed, "longpoll") == 0;
  *all_leaves = g_strcmp0 (style, "all_docs") == 0;

  if (feed != NULL && !*longpoll && strcmp (feed, "normal") != 0)
    g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                         "feed must be normal or longpoll");
  else if (style != NULL && !*all_leaves && strcmp (style, "main_only") != 0)
    g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                         "style must be main_only or all_docs");
  else if (sl_server_request_get_param (request, "filter") != NULL)
    g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                         "sunlight-server's _changes takes no filter");
  else if (sl_server_request_get_bool (request, "descending", FALSE, &descending, error) &&
           descending)
    g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                         "sunlight-server's _changes is never descending");

  return error == NULL || *error == NULL;
}

void
sl_server_route_changes (SlServer        *self,
                         SlServerRequest *request,
                         SlServerDb      *db)
{
  g_autoptr(GError) error = NULL;
  SlServerChangesQuery query = { 0 };
  gboolean longpoll = FALSE;
  gint64 timeout = DEFAULT_TIMEOUT;
  guint n_rows = 0;
  GString *body = NULL;

  if (!sl_server_check_method (request, "GET", "POST", NULL))
    return;

  if (read_feed (request, &longpoll, &query.all_leaves, &error) &&
      read_since (request, db, &query.since, &error) &&
      sl_server_request_get_int (request, "limit", 0, &query.limit, &error) &&
      sl_server_request_get_bool (request, "include_docs", FALSE, &query.include_docs, &error) &&
      sl_server_request_get_bool (request, "conflicts", FALSE, &query.conflicts, &error) &&
      sl_server_request_get_int (request, "timeout", DEFAULT_TIMEOUT, &timeout, &error))
    body = sl_server_db_changes (db, &query, &n_rows, &error);

  if (sl_server_respond_if_error (request, error))
    return;

  if (longpoll && n_rows == 0)
    {
      g_string_free (body, TRUE);
      wait_for_change (self, request, db, &query, MIN (timeout, MAX_TIMEOUT));
      return;
    }

  sl_server_request_respond (request, 200, body);
}
