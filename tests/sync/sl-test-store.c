/* sl-test-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sl-server-error.h"
#include "sl-test-json.h"
#include "sl-test-store.h"
#include "sl-test-utils.h"

void
sl_store_fixture_setup (SlStoreFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = sl_test_make_tmp_dir ();
  fixture->store = sl_server_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->db = sl_server_store_create_db (fixture->store, "sunlight", &error);
  g_assert_no_error (error);
}

void
sl_store_fixture_teardown (SlStoreFixture *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->store);
  sl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Writes the documents of the JSON array @json. */
GPtrArray *
sl_test_store_write (SlServerDb           *db,
                     const char           *json,
                     gboolean              new_edits,
                     SlServerValidateFunc  validate)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_server_doc_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *results;
  gboolean done = FALSE;
  g_auto(SlJsonScan) scan = { 0 };

  g_assert_true (sl_json_scan_init (&scan, json, strlen (json), &error));
  g_assert_true (sl_json_scan_enter (&scan, '[', &error));
  while (sl_json_scan_next_element (&scan, &done, &error) && !done)
    {
      SlServerDoc *doc = sl_server_doc_read (&scan, &error);

      g_assert_no_error (error);
      if (!new_edits)
        g_assert_true (sl_server_doc_check_replicated (doc, &error));
      g_ptr_array_add (docs, doc);
    }
  g_assert_no_error (error);
  g_assert_true (done);

  results = sl_server_db_write (db, docs, new_edits, validate, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, docs->len);
  return results;
}

/* Writes one document, which must succeed; returns its new rev. */
char *
sl_test_store_put (SlServerDb *db,
                   const char *json)
{
  g_autofree char *array = g_strdup_printf ("[%s]", json);
  g_autoptr(GPtrArray) results = sl_test_store_write (db, array, TRUE, NULL);
  SlServerWriteResult *result = g_ptr_array_index (results, 0);

  g_assert_no_error (result->error);
  g_assert_nonnull (result->rev);
  return g_strdup (result->rev);
}

JsonNode *
sl_test_store_read (SlServerDb        *db,
                    const char        *id,
                    const char        *rev,
                    SlServerReadFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = sl_server_db_read_doc (db, id, rev, flags, NULL, &error);

  g_assert_no_error (error);
  return sl_test_json_parse (text->str);
}

void
sl_test_store_assert_read_fails (SlServerDb *db,
                                 const char *id,
                                 const char *rev,
                                 const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = sl_server_db_read_doc (db, id, rev, 0, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, reason);
}

JsonNode *
sl_test_store_changes (SlServerDb                 *db,
                       const SlServerChangesQuery *query)
{
  g_autoptr(GError) error = NULL;
  guint n_rows;
  g_autoptr(GString) text = sl_server_db_changes (db, query, &n_rows, &error);

  g_assert_no_error (error);
  return sl_test_json_parse (text->str);
}

