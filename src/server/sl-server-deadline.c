/* sl-server-deadline.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Slow clients. libsoup's server has no timeouts of its own, so:
 *
 * - each request has a deadline from its start (for a connection's
 *   first request, from its accept; for the next ones on a kept-alive
 *   connection, from their first byte) until it is read whole. A client
 *   sending nothing, or trickling its headers or body a byte at a time,
 *   misses it. Body bytes arriving at SL_SERVER_MIN_BODY_RATE or faster
 *   earn the time they take, so a large upload on a slow line passes.
 *   A request past its deadline is logged as refused (status=408) and
 *   its connection shut down: there is no answer, as libsoup is still
 *   reading the request;
 * - once the request is read, the socket gets the same as its timeout
 *   (g_socket_set_timeout()): writing the answer to a client that
 *   stops reading it fails after that long without progress, and
 *   libsoup closes the connection;
 * - a kept-alive connection whose next request line has not arrived
 *   that long after the last answer is shut down (logged at debug
 *   level: clients expect that); one whose client has closed it is
 *   closed within a second (libsoup before 3.3 leaves it open).
 *
 * Waiting for the answer (a longpoll, a password check) is not the
 * client's doing and has no deadline.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include "sl-server-log.h"
#include "sl-server-private.h"

#define DEADLINE_KEY "sl-server-deadline"
#define IDLE_KEY     "sl-server-idle"

/* A kept-alive connection between requests; lives as long as its socket. */
typedef struct
{
  GSocket *socket;      /* owns this */
  guint    source_id;
  gint64   since;       /* the last answer, monotonic µs */
  guint    timeout;     /* seconds */
} Idle;

typedef struct
{
  SoupServerMessage *msg;       /* owns this */
  GSocket           *socket;
  gint64             start;     /* monotonic µs */
  guint              timeout;   /* seconds */
  guint64            received;  /* body bytes */
  guint              source_id;
} Deadline;

static void
deadline_free (gpointer data)
{
  Deadline *deadline = data;

  g_clear_handle_id (&deadline->source_id, g_source_remove);
  g_clear_object (&deadline->socket);
  g_free (deadline);
}

/* When the request must be read by: its start plus the timeout, plus
 * the time its body bytes earned. */
static gint64
deadline_end (const Deadline *deadline)
{
  gint64 earned = (gint64) (deadline->received * G_USEC_PER_SEC / SL_SERVER_MIN_BODY_RATE);

  return deadline->start + (gint64) deadline->timeout * G_USEC_PER_SEC + earned;
}

static gboolean deadline_cb (gpointer data);

static void
deadline_arm (Deadline *deadline)
{
  gint64 left = deadline_end (deadline) - g_get_monotonic_time ();

  deadline->source_id = g_timeout_add ((guint) CLAMP (left / 1000 + 1, 1, G_MAXINT),
                                       deadline_cb, deadline);
  g_source_set_name_by_id (deadline->source_id, "[sunlight-server] request deadline");
}

static gboolean
deadline_cb (gpointer data)
{
  Deadline *deadline = data;
  g_autofree char *why = NULL;
  SlServerRefusal refusal = { 408, "request_timeout", NULL, NULL, NULL, NULL };

  deadline->source_id = 0;
  if (g_get_monotonic_time () < deadline_end (deadline))
    {
      deadline_arm (deadline);
      return G_SOURCE_REMOVE;
    }

  why = g_strdup_printf ("The request was not received within %u seconds", deadline->timeout);
  refusal.why = why;
  sl_server_log_refusal (deadline->msg, &refusal);
  /* libsoup's read then ends and it closes the connection. */
  g_socket_shutdown (deadline->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Deadline *deadline = user_data;

  deadline->received += g_bytes_get_size (chunk);
}

static void
idle_free (gpointer data)
{
  Idle *idle = data;

  g_clear_handle_id (&idle->source_id, g_source_remove);
  g_free (idle);
}

/* Whether the client has closed its end: an end of file (or error)
 * waits to be read. Only peeks when reading cannot block. */
static gboolean
client_gone (GSocket *socket)
{
  GIOCondition condition = g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR);
  GInputVector vector;
  char byte;
  int flags = G_SOCKET_MSG_PEEK;

  if (condition & (G_IO_HUP | G_IO_ERR))
    return TRUE;
  if (!(condition & G_IO_IN))
    return FALSE;

  vector.buffer = &byte;
  vector.size = 1;
  return g_socket_receive_message (socket, NULL, &vector, 1, NULL, NULL, &flags, NULL, NULL) == 0;
}

/* Once a second between requests. libsoup before 3.3 never closes a
 * kept-alive connection its client closed (the descriptor stays open
 * until the process runs out of them and stops accepting): close the
 * socket of a client that has gone. A connection idle for the timeout
 * is shut down, and closed at the next tick. */
static gboolean
idle_cb (gpointer data)
{
  Idle *idle = data;

  if (g_socket_is_closed (idle->socket))
    {
      idle->source_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (client_gone (idle->socket))
    {
      idle->source_id = 0;
      g_socket_close (idle->socket, NULL);
      return G_SOURCE_REMOVE;
    }
  if (g_get_monotonic_time () - idle->since >= (gint64) idle->timeout * G_USEC_PER_SEC)
    {
      g_debug ("closing a connection idle since its last request");
      g_socket_shutdown (idle->socket, TRUE, TRUE, NULL);
    }
  return G_SOURCE_CONTINUE;
}

void
sl_server_deadline_start (SlServer          *self,
                          SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  Idle *idle;
  Deadline *deadline;

  /* Not a socket of ours (soup_server_accept_iostream()): no timeouts. */
  if (socket == NULL)
    return;

  idle = g_object_get_data (G_OBJECT (socket), IDLE_KEY);
  if (idle != NULL)
    g_clear_handle_id (&idle->source_id, g_source_remove);

  deadline = g_new0 (Deadline, 1);
  deadline->msg = msg;
  deadline->socket = g_object_ref (socket);
  deadline->start = g_get_monotonic_time ();
  deadline->timeout = self->request_timeout;
  g_object_set_data_full (G_OBJECT (msg), DEADLINE_KEY, deadline, deadline_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), deadline);
  deadline_arm (deadline);
}

void
sl_server_deadline_stop (SoupServerMessage *msg)
{
  Deadline *deadline = g_object_get_data (G_OBJECT (msg), DEADLINE_KEY);

  if (deadline == NULL)
    return;

  g_clear_handle_id (&deadline->source_id, g_source_remove);
  /* From here on the socket only writes the answer: a write making no
   * progress for as long (a client not reading) fails, and libsoup
   * closes the connection. */
  g_socket_set_timeout (deadline->socket, deadline->timeout);
}

void
sl_server_deadline_idle (SlServer          *self,
                         SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  Idle *idle;

  if (socket == NULL || g_socket_is_closed (socket))
    return;

  idle = g_object_get_data (G_OBJECT (socket), IDLE_KEY);
  if (idle == NULL)
    {
      idle = g_new0 (Idle, 1);
      idle->socket = socket;
      g_object_set_data_full (G_OBJECT (socket), IDLE_KEY, idle, idle_free);
    }
  g_clear_handle_id (&idle->source_id, g_source_remove);
  idle->since = g_get_monotonic_time ();
  idle->timeout = self->request_timeout;
  idle->source_id = g_timeout_add (1000, idle_cb, idle);
  g_source_set_name_by_id (idle->source_id, "[sunlight-server] idle connection");
}
