/* sl-server-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sl-server-auth.h"
#include "sl-server-db.h"
#include "sl-server-request.h"
#include "sl-server.h"

G_BEGIN_DECLS

struct _SlServer
{
  GObject        parent_instance;

  SoupServer    *soup;
  SlServerStore *store;
  SlServerUsers *users;
  SlServerAuth  *auth;
  GPtrArray     *waiters;     /* longpoll `_changes` requests waiting */
  gsize          max_body;
  guint          request_timeout;   /* seconds */
};

/* Body bytes a second that earn a request more time to arrive. */
#define SL_SERVER_MIN_BODY_RATE (16 * 1024)

/* Times @msg out if it arrives too slowly (sl-server-deadline.c): from
 * "request-started" until sl_server_deadline_stop() ("request-read"). */
void        sl_server_deadline_start  (SlServer          *self,
                                       SoupServerMessage *msg);
void        sl_server_deadline_stop   (SoupServerMessage *msg);
/* Closes @msg's connection if no next request starts in time
 * ("request-finished"). */
void        sl_server_deadline_idle   (SlServer          *self,
                                       SoupServerMessage *msg);

/* Routes: each answers @request (now or, paused, later). */
void        sl_server_route_root      (SlServer        *self,
                                       SlServerRequest *request);
void        sl_server_route_session   (SlServer        *self,
                                       SlServerRequest *request);
void        sl_server_route_db        (SlServer        *self,
                                       SlServerRequest *request);
void        sl_server_route_doc       (SlServer        *self,
                                       SlServerRequest *request,
                                       SlServerDb      *db);
void        sl_server_route_changes   (SlServer        *self,
                                       SlServerRequest *request,
                                       SlServerDb      *db);
/* Answers every waiting `_changes` request now. */
void        sl_server_release_waiters (SlServer        *self);

/* Writes @docs (SlServerDoc) as the request's user: the role rules
 * apply unless the user is an admin. */
GPtrArray  *sl_server_write_docs      (SlServerRequest *request,
                                       SlServerDb      *db,
                                       GPtrArray       *docs,
                                       gboolean         new_edits,
                                       GError         **error);
/* Answers 401 or 403 unless the request's user may use @db. */
gboolean    sl_server_check_member    (SlServerRequest *request,
                                       SlServerDb      *db);

/* Answers 405 unless the request's method is one of @methods (NULL-
 * terminated); HEAD counts as GET. */
gboolean    sl_server_check_method    (SlServerRequest *request,
                                       const char      *allowed,
                                       ...) G_GNUC_NULL_TERMINATED;
/* Answers @error when it is set; TRUE when it did. */
gboolean    sl_server_respond_if_error (SlServerRequest *request,
                                       GError          *error);

G_END_DECLS
