/* sl-server.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sl-server-store.h"

G_BEGIN_DECLS

/* The largest request body accepted by default: 8 MiB. */
#define SL_SERVER_DEFAULT_MAX_BODY (8 * 1024 * 1024)

/* How long a client has to send a request, by default: seconds. */
#define SL_SERVER_DEFAULT_REQUEST_TIMEOUT 30

typedef struct
{
  gsize  max_body;         /* bytes; 0: SL_SERVER_DEFAULT_MAX_BODY */
  guint  session_timeout;  /* seconds; 0: 10 minutes */
  guint  request_timeout;  /* seconds to send a request in, and the longest
                            * a connection idles; 0: the default */
  guint  login_failures;   /* wrong passwords per name before a lockout;
                            * 0: SL_SERVER_THROTTLE_DEFAULT_FAILURES */
  guint  login_window;     /* seconds failures count over and a lockout
                            * lasts; 0: SL_SERVER_THROTTLE_DEFAULT_WINDOW */
} SlServerOptions;

/* sunlight-server's HTTP side: the subset of Apache CouchDB's API in
 * couchdb-contract.md §9 on a SoupServer, answering from @store. */
#define SL_TYPE_SERVER (sl_server_get_type ())
G_DECLARE_FINAL_TYPE (SlServer, sl_server, SL, SERVER, GObject)

SlServer      *sl_server_new        (SlServerStore          *store,
                                     const SlServerOptions  *options);
/* Listens on @address (an IP address) and @port (0: any free one); with
 * @certificate, HTTPS only. */
gboolean       sl_server_listen     (SlServer               *self,
                                     const char             *address,
                                     guint                   port,
                                     GTlsCertificate        *certificate,
                                     GError                **error);
/* The port listened on, once listening. */
guint          sl_server_get_port   (SlServer               *self);
SlServerStore *sl_server_get_store  (SlServer               *self);
/* Stops listening and answers every waiting request. */
void           sl_server_shutdown   (SlServer               *self);

G_END_DECLS
