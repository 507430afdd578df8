/* sl-server-log.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* One refused request, for the log. */
typedef struct
{
  guint       status;    /* 401, 403, 408 (timed out), 413, 429 */
  const char *error;     /* CouchDB's error name: "unauthorized", … */
  const char *user;      /* the authenticated user, or NULL */
  const char *claimed;   /* a name given but not proven, or NULL */
  const char *doc;       /* the document refused in a batch, or NULL */
  const char *why;       /* the reason sent to the client */
} SlServerRefusal;

/* Logs one line (g_message) that grep and awk can read:
 *
 *   refused status=401 error=unauthorized method=GET path="/db/doc"
 *   address=127.0.0.1 user=- claimed="alice" why="Name or password …"
 *
 * Quoted values have `"`, `\` and control characters escaped and are cut
 * at a few hundred bytes; passwords and cookie values are never given to
 * it. A message whose request line is not read yet has method=- path=-. */
void sl_server_log_refusal (SoupServerMessage     *msg,
                            const SlServerRefusal *refusal);
/* Logs a lockout after too many wrong passwords (g_warning). */
void sl_server_log_lockout (SoupServerMessage     *msg,
                            const char            *what,
                            const char            *key,
                            guint                  failures,
                            guint                  seconds);

G_END_DECLS
