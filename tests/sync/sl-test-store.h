/* sl-test-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server's storage in a temporary folder, for tests without
 * HTTP, and short ways to write and read documents there.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sl-server-db.h"
#include "sl-server-store.h"

G_BEGIN_DECLS

/* A temporary folder, a store in it and its database "sunlight". */
typedef struct
{
  char          *dir;
  SlServerStore *store;
  SlServerDb    *db;
} SlStoreFixture;

void       sl_store_fixture_setup          (SlStoreFixture             *fixture,
                                            gconstpointer               data);
void       sl_store_fixture_teardown       (SlStoreFixture             *fixture,
                                            gconstpointer               data);
/* g_test_add() with this fixture. */
#define sl_store_fixture_add(path, func) \
  g_test_add ((path), SlStoreFixture, NULL, sl_store_fixture_setup, (func), \
              sl_store_fixture_teardown)

/* Writes the documents of the JSON array @json: one result each. */
GPtrArray *sl_test_store_write             (SlServerDb                 *db,
                                            const char                 *json,
                                            gboolean                    new_edits,
                                            SlServerValidateFunc        validate);
/* Writes one document, which must succeed; returns its new rev. */
char      *sl_test_store_put               (SlServerDb                 *db,
                                            const char                 *json);
/* Reads a document (or @rev of it), which must exist. */
JsonNode  *sl_test_store_read              (SlServerDb                 *db,
                                            const char                 *id,
                                            const char                 *rev,
                                            SlServerReadFlags           flags);
/* Reading must fail with NOT_FOUND and @reason. */
void       sl_test_store_assert_read_fails (SlServerDb                 *db,
                                            const char                 *id,
                                            const char                 *rev,
                                            const char                 *reason);
JsonNode  *sl_test_store_changes           (SlServerDb                 *db,
                                            const SlServerChangesQuery *query);

G_END_DECLS
