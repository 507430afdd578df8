/* test-server-db.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server's storage without HTTP: databases, revision trees in
 * SQLite, replicated writes, the rules hook, reopening.
 */

#include "config.h"

#include "sl-server-error.h"
#include "sl-test-json.h"
#include "sl-test-store.h"

static void
test_databases (SlStoreFixture *fixture,
                gconstpointer   data)
{
  const char * const bad[] = { "", "Sunlight", "1db", "_users", "a b", "a.b", "a\\b", "é" };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_null (sl_server_store_create_db (fixture->store, "sunlight", &error));
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_EXISTS);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (sl_server_store_create_db (fixture->store, bad[i], &error));
      g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_ILLEGAL_DB_NAME);
      g_clear_error (&error);
    }

  g_assert_nonnull (sl_server_store_create_db (fixture->store, "team/a_b$(1)+-", &error));
  g_assert_no_error (error);
  names = sl_server_store_list_dbs (fixture->store, &error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "sunlight");

  g_assert_true (sl_server_store_delete_db (fixture->store, "sunlight", &error));
  g_assert_no_error (error);
  g_assert_null (sl_server_store_get_db (fixture->store, "sunlight", &error));
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sl_server_store_delete_db (fixture->store, "sunlight", &error));
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND);
}

static void
test_edits_and_conflicts (SlStoreFixture *fixture,
                          gconstpointer   data)
{
  g_autofree char *rev1 = sl_test_store_put (fixture->db, "{\"_id\":\"plan:1\",\"status\":\"draft\"}");
  g_autofree char *rev2 = NULL;
  g_autofree char *stale = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(GPtrArray) results = NULL;
  SlServerWriteResult *result;

  g_assert_true (g_str_has_prefix (rev1, "1-"));
  stale = g_strdup_printf ("[{\"_id\":\"plan:1\",\"_rev\":\"%s\",\"status\":\"proposed\"},"
                           " {\"_id\":\"plan:1\",\"_rev\":\"%s\",\"status\":\"again\"},"
                           " {\"_id\":\"plan:1\",\"status\":\"no rev\"},"
                           " {\"_id\":\"plan:2\",\"_rev\":\"1-abc\"}]", rev1, rev1);
  results = sl_test_store_write (fixture->db, stale, TRUE, NULL);

  /* The first edit wins; the same base again, no rev and an unknown
   * document with a rev all conflict. */
  result = g_ptr_array_index (results, 0);
  g_assert_no_error (result->error);
  g_assert_true (g_str_has_prefix (result->rev, "2-"));
  rev2 = g_strdup (result->rev);
  for (guint i = 1; i < 4; i++)
    {
      result = g_ptr_array_index (results, i);
      g_assert_error (result->error, SL_SERVER_ERROR, SL_SERVER_ERROR_CONFLICT);
      g_assert_null (result->rev);
    }

  doc = sl_test_store_read (fixture->db, "plan:1", NULL, SL_SERVER_READ_REVS);
  g_assert_cmpstr (sl_test_json_string (doc, "_rev"), ==, rev2);
  g_assert_cmpstr (sl_test_json_string (doc, "status"), ==, "proposed");
  g_assert_cmpint (sl_test_json_int (doc, "_revisions.start"), ==, 2);
  g_assert_cmpuint (sl_test_json_length (doc, "_revisions.ids"), ==, 2);
  g_assert_cmpstr (sl_test_json_string (doc, "_revisions.ids.1"), ==, rev1 + 2);

  /* The old revision's body is gone: only leaves are kept. */
  sl_test_store_assert_read_fails (fixture->db, "plan:1", rev1, "missing");
  sl_test_store_assert_read_fails (fixture->db, "plan:404", NULL, "missing");
}

static void
test_same_edit_same_rev (SlStoreFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  SlServerDb *other = sl_server_store_create_db (fixture->store, "other", &error);
  const char *json = "{\"_id\":\"comment:1\",\"text\":\"Same words\",\"n\":[1,2.5,true,null]}";
  g_autofree char *a = sl_test_store_put (fixture->db, json);
  g_autofree char *b = sl_test_store_put (other, json);
  g_autofree char *c = sl_test_store_put (other, "{\"_id\":\"comment:2\",\"text\":\"Other words\"}");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a + 2, !=, c + 2);
}

static void
test_tombstones (SlStoreFixture *fixture,
                 gconstpointer   data)
{
  g_autofree char *rev1 = sl_test_store_put (fixture->db, "{\"_id\":\"annotation:1\",\"text\":\"x\"}");
  g_autofree char *deletion = g_strdup_printf ("{\"_id\":\"annotation:1\",\"_rev\":\"%s\","
                                               "\"_deleted\":true}", rev1);
  g_autofree char *rev2 = sl_test_store_put (fixture->db, deletion);
  g_autofree char *rev3 = NULL;
  SlServerChangesQuery query = { .since = 0, .include_docs = TRUE };
  g_autoptr(JsonNode) feed = NULL;
  g_autoptr(JsonNode) tombstone = NULL;
  SlServerDbInfo info;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (rev2, "2-"));
  sl_test_store_assert_read_fails (fixture->db, "annotation:1", NULL, "deleted");
  /* The tombstone itself can be read by its rev. */
  tombstone = sl_test_store_read (fixture->db, "annotation:1", rev2, 0);
  g_assert_true (json_node_get_boolean (sl_test_json_find (tombstone, "_deleted")));

  feed = sl_test_store_changes (fixture->db, &query);
  g_assert_cmpuint (sl_test_json_length (feed, "results"), ==, 1);
  g_assert_true (json_node_get_boolean (sl_test_json_find (feed, "results.0.deleted")));
  g_assert_cmpstr (sl_test_json_string (feed, "results.0.doc._rev"), ==, rev2);

  g_assert_true (sl_server_db_get_info (fixture->db, &info, &error));
  g_assert_cmpint (info.doc_count, ==, 0);
  g_assert_cmpint (info.doc_del_count, ==, 1);
  g_assert_cmpint (info.update_seq, ==, 2);

  /* Written again without a rev, it comes back on top of the tombstone. */
  rev3 = sl_test_store_put (fixture->db, "{\"_id\":\"annotation:1\",\"text\":\"back\"}");
  g_assert_true (g_str_has_prefix (rev3, "3-"));
  g_assert_true (sl_server_db_get_info (fixture->db, &info, &error));
  g_assert_cmpint (info.doc_count, ==, 1);
}

/* Replicated revisions make a conflict; CouchDB's winner; resolution by
 * deleting the loser. */
static void
test_replicated_conflict (SlStoreFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(GPtrArray) first = sl_test_store_write (fixture->db,
    "[{\"_id\":\"plan:9\",\"_rev\":\"1-aaaa\",\"v\":1},"
    " {\"_id\":\"plan:9\",\"_rev\":\"2-900a\",\"_revisions\":{\"start\":2,\"ids\":[\"900a\",\"aaaa\"]},\"v\":2},"
    " {\"_id\":\"plan:9\",\"_rev\":\"2-bbbb\",\"_revisions\":{\"start\":2,\"ids\":[\"bbbb\",\"aaaa\"]},\"v\":3}]",
    FALSE, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) resolved = NULL;
  g_autoptr(JsonNode) open_revs = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  gint64 seq_before, seq_after;

  for (guint i = 0; i < first->len; i++)
    {
      SlServerWriteResult *result = g_ptr_array_index (first, i);

      g_assert_no_error (result->error);
      g_assert_true (result->stored);
    }

  doc = sl_test_store_read (fixture->db, "plan:9", NULL, SL_SERVER_READ_CONFLICTS);
  g_assert_cmpstr (sl_test_json_string (doc, "_rev"), ==, "2-bbbb");
  g_assert_cmpint (sl_test_json_int (doc, "v"), ==, 3);
  g_assert_cmpuint (sl_test_json_length (doc, "_conflicts"), ==, 1);
  g_assert_cmpstr (sl_test_json_string (doc, "_conflicts.0"), ==, "2-900a");

  text = sl_server_db_read_open_revs (fixture->db, "plan:9", NULL, 0, &error);
  g_assert_no_error (error);
  open_revs = sl_test_json_parse (text->str);
  g_assert_cmpuint (sl_test_json_length (open_revs, ""), ==, 2);
  g_assert_cmpstr (sl_test_json_string (open_revs, "0.ok._rev"), ==, "2-bbbb");

  /* The same revisions again change nothing, not even the sequence. */
  g_assert_true (sl_server_db_get_update_seq (fixture->db, &seq_before, &error));
  again = sl_test_store_write (fixture->db,
                      "[{\"_id\":\"plan:9\",\"_rev\":\"2-900a\",\"_revisions\":"
                      "{\"start\":2,\"ids\":[\"900a\",\"aaaa\"]},\"v\":2}]", FALSE, NULL);
  g_assert_false (((SlServerWriteResult *) g_ptr_array_index (again, 0))->stored);
  g_assert_true (sl_server_db_get_update_seq (fixture->db, &seq_after, &error));
  g_assert_cmpint (seq_after, ==, seq_before);

  /* Resolve: a tombstone on the loser; the conflict disappears. */
  rev = sl_test_store_put (fixture->db, "{\"_id\":\"plan:9\",\"_rev\":\"2-900a\",\"_deleted\":true}");
  g_assert_true (g_str_has_prefix (rev, "3-"));
  resolved = sl_test_store_read (fixture->db, "plan:9", NULL, SL_SERVER_READ_CONFLICTS);
  g_assert_cmpstr (sl_test_json_string (resolved, "_rev"), ==, "2-bbbb");
  g_assert_null (sl_test_json_find (resolved, "_conflicts"));
}

static gboolean
refuse_plans (SlServerDoc              *doc,
              const SlServerDocFields  *old_doc,
              gpointer                  user_data,
              GError                  **error)
{
  if (g_str_has_prefix (doc->id, "plan:"))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_FORBIDDEN, "no plans");
      return FALSE;
    }

  return TRUE;
}

static void
test_validate (SlStoreFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GPtrArray) results = sl_test_store_write (fixture->db,
    "[{\"_id\":\"plan:1\"},{\"_id\":\"goal:1\"}]", TRUE, refuse_plans);
  SlServerWriteResult *refused = g_ptr_array_index (results, 0);
  SlServerWriteResult *stored = g_ptr_array_index (results, 1);
  SlServerDbInfo info;
  g_autoptr(GError) error = NULL;

  g_assert_error (refused->error, SL_SERVER_ERROR, SL_SERVER_ERROR_FORBIDDEN);
  g_assert_null (refused->rev);
  g_assert_no_error (stored->error);
  g_assert_true (sl_server_db_get_info (fixture->db, &info, &error));
  g_assert_cmpint (info.doc_count, ==, 1);
  g_assert_cmpint (info.update_seq, ==, 1);
  sl_test_store_assert_read_fails (fixture->db, "plan:1", NULL, "missing");
}

static void
test_reopen (SlStoreFixture *fixture,
             gconstpointer   data)
{
  g_autofree char *rev = sl_test_store_put (fixture->db, "{\"_id\":\"kept\",\"text\":\"ไทย فارسی 中文\"}");
  g_autofree char *uuid = g_strdup (sl_server_store_get_uuid (fixture->store));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) doc = NULL;

  g_clear_object (&fixture->store);
  fixture->store = sl_server_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sl_server_store_get_uuid (fixture->store), ==, uuid);
  fixture->db = sl_server_store_get_db (fixture->store, "sunlight", &error);
  g_assert_no_error (error);
  doc = sl_test_store_read (fixture->db, "kept", NULL, 0);
  g_assert_cmpstr (sl_test_json_string (doc, "_rev"), ==, rev);
  g_assert_cmpstr (sl_test_json_string (doc, "text"), ==, "ไทย فارسی 中文");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sl_store_fixture_add ("/sync/server-db/databases", test_databases);
  sl_store_fixture_add ("/sync/server-db/edits-and-conflicts", test_edits_and_conflicts);
  sl_store_fixture_add ("/sync/server-db/same-edit-same-rev", test_same_edit_same_rev);
  sl_store_fixture_add ("/sync/server-db/tombstones", test_tombstones);
  sl_store_fixture_add ("/sync/server-db/replicated-conflict", test_replicated_conflict);
  sl_store_fixture_add ("/sync/server-db/validate", test_validate);
  sl_store_fixture_add ("/sync/server-db/reopen", test_reopen);

  return g_test_run ();
}
