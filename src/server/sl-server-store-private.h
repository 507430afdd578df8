/* sl-server-store-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-server-store.h"

G_BEGIN_DECLS

struct _SlServerStore
{
  GObject     parent_instance;

  char       *path;
  char       *uuid;
  GBytes     *secret;
  sqlite3    *handle;
  GHashTable *statements;  /* sql (by address) → sqlite3_stmt */
  GHashTable *dbs;         /* name → SlServerDb */
  gboolean    in_transaction;
};

G_END_DECLS
