/* sl-test-utils.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-importer.h"
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
double       sl_test_query_double    (SlDatabase  *db,
                                      const char  *sql);
/* Every row of @sql as text, columns joined by '|', rows by '\n' (NULL
 * as "∅"): to compare a table before and after. */
char        *sl_test_query_text      (SlDatabase  *db,
                                      const char  *sql);
/* A file of ../shared/data (SHARED_DATA_DIR). */
char        *sl_test_shared_data     (const char  *relative);
/* rollup_day equals a fresh GROUP BY over the facts. */
void         sl_test_assert_rollups_consistent (SlDatabase *db);

/* Imports @csv (written as @name in @dir) of @kind into @ws's database,
 * which must succeed, and tells the workspace; returns the batch id. */
gint64       sl_test_workspace_import (SlWorkspace  *ws,
                                       const char   *dir,
                                       const char   *name,
                                       SlImportKind  kind,
                                       const char   *csv);

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

/* A fixture for imports: a temporary folder and a USD, Gregorian
 * workspace in it, open as a database. */
typedef struct
{
  char       *dir;
  char       *path;
  SlDatabase *db;
} SlImportFixture;

void            sl_import_fixture_setup    (SlImportFixture       *fixture,
                                            gconstpointer          data);
void            sl_import_fixture_teardown (SlImportFixture       *fixture,
                                            gconstpointer          data);
/* Replaces the workspace with a new, empty one of these settings. */
void            sl_import_fixture_recreate (SlImportFixture       *fixture,
                                            const char            *currency,
                                            SlCalendar             calendar,
                                            int                    fiscal_start);
/* Writes @contents to @name in the fixture's folder. */
GFile          *sl_import_fixture_write    (SlImportFixture       *fixture,
                                            const char            *name,
                                            const char            *contents,
                                            gssize                 length);
/* Imports @file, which must succeed. */
SlImportResult *sl_import_fixture_import   (SlImportFixture       *fixture,
                                            GFile                 *file,
                                            const SlImportOptions *options);
/* Importing @file must fail with @domain/@code and a message holding
 * @needle, and leave the workspace file byte-identical. Returns the error. */
GError         *sl_import_fixture_assert_file_refused (SlImportFixture       *fixture,
                                                       GFile                 *file,
                                                       const SlImportOptions *options,
                                                       GQuark                 domain,
                                                       int                    code,
                                                       const char            *needle);
/* Importing @contents (as bad.csv) must fail with @domain/@code and a
 * message naming bad.csv and holding @needle, and leave the workspace
 * file byte-identical. */
void            sl_import_fixture_assert_refused (SlImportFixture       *fixture,
                                                  const char            *contents,
                                                  gssize                 length,
                                                  const SlImportOptions *options,
                                                  GQuark                 domain,
                                                  int                    code,
                                                  const char            *needle);

/* The shared items sl_test_insert_shared_items() writes. */
#define SL_TEST_GOAL_UUID        "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e01"
#define SL_TEST_PLAN_UUID        "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e02"
#define SL_TEST_REQUEST_UUID     "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e03"
#define SL_TEST_WIN_UUID         "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e04"
#define SL_TEST_LOSS_UUID        "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e05"
#define SL_TEST_EXPERIMENT_UUID  "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e06"
#define SL_TEST_EXPENSE_UUID     "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e07"
#define SL_TEST_NOTE_UUID        "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e08"
#define SL_TEST_COMMENT_UUID     "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e09"
#define SL_TEST_DECISION_UUID    "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e0a"

/* Adds one shared item of each kind to a workspace with at least two
 * channels and a campaign (the demo's): a goal with key results, a plan
 * with lines to and from the reserve, a request with budget lines, five
 * annotations (one per kind, with a snapshot), a comment and a decision. */
void         sl_test_insert_shared_items (SlDatabase *db);
/* A demo workspace (small, seed @seed) with sl_test_insert_shared_items()
 * in it, at @dir/@name. */
SlDatabase  *sl_test_shared_workspace_new (const char *dir,
                                           const char *name,
                                           guint32     seed);
/* An empty workspace in @currency, with no channels. */
SlDatabase  *sl_test_empty_workspace_new  (const char *dir,
                                           const char *name,
                                           const char *currency);
/* Two workspaces for the sync tests, in a temporary folder: @a the
 * shared workspace of @seed, @b an empty one in USD. */
typedef struct
{
  char       *dir;
  SlDatabase *a;
  SlDatabase *b;
} SlSyncFixture;

void         sl_sync_fixture_setup        (SlSyncFixture *fixture,
                                           guint32        seed);
void         sl_sync_fixture_teardown     (SlSyncFixture *fixture);
/* Every row of the shared tables, channels and campaigns, and of
 * sync_doc when @with_sync: to compare a workspace before and after. */
char        *sl_test_dump_shared          (SlDatabase    *db,
                                           gboolean       with_sync);
/* The ids of every shared item in @db, in the order they can be applied. */
GPtrArray   *sl_test_shared_doc_ids      (SlDatabase *db);

G_END_DECLS
