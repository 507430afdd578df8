/* sl-test-peer.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync tests' peers: real server processes on a free 127.0.0.1
 * port, each in a fresh temporary folder, stopped with the test.
 */

#pragma once

#include <libsoup/soup.h>

#include "sl-test-http.h"

G_BEGIN_DECLS

typedef enum
{
  SL_TEST_PEER_SUNLIGHT,   /* this build's sunlight-server ($SL_SERVER_BIN) */
  SL_TEST_PEER_POUCHDB,    /* pouchdb-server --dir (LevelDB), from the peers dir */
} SlTestPeerKind;

/* Every peer starts with this server admin. */
#define SL_TEST_PEER_ADMIN          "admin"
#define SL_TEST_PEER_ADMIN_PASSWORD "admin-secret"

typedef struct _SlTestPeer SlTestPeer;

/* Starts a peer and waits until GET / answers 200. A peer that cannot
 * be found or does not start fails the test, saying why: pouchdb-server
 * is looked for in $SL_PEERS_DIR/node_modules, then in tests/peers. */
SlTestPeer     *sl_test_peer_start      (SlTestPeerKind  kind);
/* sunlight-server serving HTTPS with @cert and @key (PEM files); the
 * harness's session trusts @cert. */
SlTestPeer     *sl_test_peer_start_tls  (const char     *cert,
                                         const char     *key);
/* sunlight-server with more `serve` options (NULL-terminated), such as
 * "--request-timeout", "2". */
SlTestPeer     *sl_test_peer_start_with_args (const char * const *args);
SlTestPeerKind  sl_test_peer_get_kind   (SlTestPeer     *self);
/* "http://127.0.0.1:PORT" (https with TLS), without a trailing slash. */
const char     *sl_test_peer_get_url    (SlTestPeer     *self);
/* The folder the peer keeps its data in. */
const char     *sl_test_peer_get_data_dir (SlTestPeer   *self);
/* The session the harness talks to the peer with. */
SoupSession    *sl_test_peer_get_session (SlTestPeer    *self);

/* A database, made by the admin. */
void            sl_test_peer_create_db  (SlTestPeer     *self,
                                         const char     *name);
/* A database of a new random name ("t" and 8 hex digits), made by the
 * admin: one per test keeps tests apart on a shared peer. */
char           *sl_test_peer_new_db     (SlTestPeer     *self);
/* The usual users: alice (marketing), fred (finance) and vera (viewer),
 * each with the password NAME-secret. */
void            sl_test_peer_add_team   (SlTestPeer     *self);
/* A user with one role (marketing, finance, viewer): on sunlight-server
 * through its command line, on pouchdb-server in _users. */
void            sl_test_peer_add_user   (SlTestPeer     *self,
                                         const char     *name,
                                         const char     *role,
                                         const char     *password);

/* A request to @path ("/db/id?x=y") as @user, a user added with
 * sl_test_peer_add_user() or the admin (NULL: anonymous), with @body as
 * JSON (NULL: none). */
SlTestResponse *sl_test_peer_request    (SlTestPeer     *self,
                                         const char     *method,
                                         const char     *path,
                                         const char     *user,
                                         const char     *body);

/* What the peer has written so far (standard output and error). */
char           *sl_test_peer_read_log   (SlTestPeer     *self);
/* How long the log is now, for sl_test_peer_find_log_line(). */
gsize           sl_test_peer_get_log_size (SlTestPeer   *self);
/* The first line of the log past byte @since holding every one of the
 * needles (NULL-terminated), waiting up to a few seconds for it: NULL
 * if none. */
char           *sl_test_peer_find_log_line (SlTestPeer  *self,
                                         gsize           since,
                                         const char     *needle,
                                         ...) G_GNUC_NULL_TERMINATED;
/* The process id of the running peer. */
GPid            sl_test_peer_get_pid    (SlTestPeer     *self);

/* Sends @signum and waits for the process to end. */
void            sl_test_peer_kill       (SlTestPeer     *self,
                                         int             signum);
/* Starts it again on the same port and data; waits until it answers. */
void            sl_test_peer_restart    (SlTestPeer     *self);
/* Whether the process is still running (it answered nothing wrong). */
gboolean        sl_test_peer_is_running (SlTestPeer     *self);
/* Stops the peer (SIGTERM, then SIGKILL) and removes its folder. */
void            sl_test_peer_free       (SlTestPeer     *self);

/* The peers folder holding node_modules (pouchdb, pouchdb-server), or
 * NULL. */
char           *sl_test_peer_find_peers_dir (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlTestPeer, sl_test_peer_free)

G_END_DECLS
