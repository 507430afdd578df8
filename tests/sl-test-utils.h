/* sl-test-utils.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-workspace.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed with everything in it by
 * sl_test_remove_tree(). */
char        *sl_test_make_tmp_dir    (void);
void         sl_test_remove_tree     (const char  *path);
/* SHA-256 of a file's bytes, or NULL if it does not exist. */
char        *sl_test_file_sha256     (const char  *path);
void         sl_test_write_file      (const char  *path,
                                      const char  *contents,
                                      gssize       length);
/* Runs SQL on a file with a plain SQLite connection (not SlDatabase). */
void         sl_test_sqlite_exec     (const char  *path,
                                      const char  *sql);
/* A new workspace in @dir with channels "Search", "Social", "Events". */
SlWorkspace *sl_test_workspace_new   (const char  *dir,
                                      const char  *file_name);
gint64       sl_test_query_int64     (SlDatabase  *db,
                                      const char  *sql);

/* A fixture: a temporary folder and a workspace in it. */
typedef struct
{
  char        *dir;
  char        *path;
  SlWorkspace *ws;
} SlWorkspaceFixture;

void         sl_workspace_fixture_setup    (SlWorkspaceFixture *fixture,
                                            gconstpointer       data);
void         sl_workspace_fixture_teardown (SlWorkspaceFixture *fixture,
                                            gconstpointer       data);

G_END_DECLS
