/* sl-sync-session-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sl-sync-session.h"

G_BEGIN_DECLS

/* Shared by sl-sync-session.c (requests) and sl-sync-session-login.c. */
struct _SlSyncSession
{
  GObject      parent_instance;

  SoupSession *soup;
  char        *url;
  char        *database;
  char        *user;
  char        *password;
  char        *basic;      /* "Basic …" once the server turned out to have no sessions */
  GStrv        roles;
  gboolean     logged_in;
  guint        retry_after; /* seconds, from the last answer's Retry-After */
};

/* sl-sync-session.c: a request; @may_relog lets a 401 log in again once. */
void sl_sync_session_start_request (SlSyncSession       *self,
                                    const char          *method,
                                    const char          *path,
                                    JsonNode            *body,
                                    guint                timeout_seconds,
                                    gboolean             may_relog,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);

G_END_DECLS
