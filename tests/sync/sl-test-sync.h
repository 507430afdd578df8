/* sl-test-sync.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync client's tests: workspaces connected to a peer through
 * SlSyncClient, and rounds run to their end.
 */

#pragma once

#include "sl-sync-client.h"
#include "sl-test-peer.h"

G_BEGIN_DECLS

/* Adds alice and bob (marketing), fred (finance) and vera (viewer),
 * each with the password "<name>-secret". */
void          sl_test_sync_add_users     (SlTestPeer   *peer);
/* sunlight-server's `user set-password`: ends @user's sessions. */
void          sl_test_sync_set_password  (SlTestPeer   *peer,
                                          const char   *user,
                                          const char   *password);
/* A peer of @kind started, with those users. */
SlTestPeer   *sl_test_sync_start_peer    (SlTestPeerKind kind);

/* A fixture of the client tests: the peer (the test data), a fresh
 * temporary folder and a fresh database on the peer. */
typedef struct
{
  SlTestPeer *peer;
  char       *dir;
  char       *db;
} SlPeerFixture;

void          sl_peer_fixture_setup      (SlPeerFixture *fixture,
                                          gconstpointer  peer);
void          sl_peer_fixture_teardown   (SlPeerFixture *fixture,
                                          gconstpointer  peer);

/* A new workspace @file_name in @dir whose author is @user. */
SlWorkspace  *sl_test_sync_workspace     (const char   *dir,
                                          const char   *file_name,
                                          const char   *user);
/* A client of @ws to @db on @peer as @user (password "<user>-secret"). */
SlSyncClient *sl_test_sync_client        (SlTestPeer   *peer,
                                          const char   *db,
                                          SlWorkspace  *ws,
                                          const char   *user);

/* The command line of `sunlight-cli sync @path` ($SL_CLI_BIN) to @db on
 * @peer as @user, whose password ("<user>-secret") it writes to a file
 * in @dir; @batch documents a request, and a line "Sent …" for each. */
GStrv         sl_test_sync_cli_argv      (SlTestPeer   *peer,
                                          const char   *db,
                                          const char   *dir,
                                          const char   *path,
                                          const char   *user,
                                          guint         batch);

/* Runs one round to its end: NULL on success, or the error. */
GError       *sl_test_sync_try_round     (SlSyncClient *client);
/* The same, failing the test on an error. */
void          sl_test_sync_round         (SlSyncClient *client);
/* For sl_test_sync_wait(): whether @client (an SlSyncClient) is synced. */
gboolean      sl_test_sync_is_synced     (gpointer      client);
/* Iterates the main context until @done returns TRUE; fails the test
 * after @seconds. */
void          sl_test_sync_wait          (gboolean    (*done) (gpointer),
                                          gpointer      data,
                                          guint         seconds);

/* Inserts @n goals "Goal 1" … "Goal n" by @author in one transaction. */
void          sl_test_sync_seed_goals    (SlWorkspace  *ws,
                                          guint         n,
                                          const char   *author);
/* Documents in @db on the server (design documents left out), by id. */
GHashTable   *sl_test_sync_server_docs   (SlTestPeer   *peer,
                                          const char   *db);

G_END_DECLS
