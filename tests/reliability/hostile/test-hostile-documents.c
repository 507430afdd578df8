/* test-hostile-documents.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every shared item type (a goal with a key result, an annotation, a
 * plan with a line, a request with a line, a comment, a decision) with
 * hostile text in every text member, channel and campaign names
 * included: written to a workspace, encoded, pushed by the sync client
 * to sunlight-server and to pouchdb-server, read there, pulled into a
 * second workspace, and compared byte for byte at each step. Member k
 * of the item made for string i holds string i + k, so a member that
 * took another's text would show.
 */

#include "config.h"

#include <string.h>

#include "hostile-strings.h"
#include "sl-document-codec.h"
#include "sl-test-json.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"

typedef struct
{
  SlPeerFixture  base;
  GPtrArray     *strings;
  guint          n;
  SlWorkspace   *a;
  SlWorkspace   *b;
  GPtrArray     *ids;        /* the documents written, "type:uuid" */
  GPtrArray     *expected;   /* per document: GPtrArray of "path", text pairs */
} Fixture;

/* The text of string @i (modulo the table). */
static const char *
text (Fixture *f,
      guint    i)
{
  return ((HostileString *) g_ptr_array_index (f->strings, i % f->n))->text;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sl_peer_fixture_setup (&f->base, data);
  f->strings = hostile_strings_new (FALSE);
  f->n = f->strings->len;
  f->a = sl_test_sync_workspace (f->base.dir, "a.sunlight", "alice");
  f->b = sl_test_sync_workspace (f->base.dir, "b.sunlight", "bob");
  f->ids = g_ptr_array_new_with_free_func (g_free);
  f->expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_ptr_array_unref (f->strings);
  g_ptr_array_unref (f->ids);
  g_ptr_array_unref (f->expected);
  sl_peer_fixture_teardown (&f->base, data);
}

/* Runs @sql with the text and integer parameters given as
 * ('t', const char *) or ('i', gint64) pairs, ending with 0; returns
 * the last insert's row id. */
static gint64
run (SlDatabase *db,
     const char *sql,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, &error);
  va_list args;
  int kind;
  int i = 1;

  g_assert_no_error (error);
  va_start (args, sql);
  while ((kind = va_arg (args, int)) != 0)
    {
      if (kind == 't')
        sqlite3_bind_text (stmt, i++, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i++, va_arg (args, gint64));
    }
  va_end (args);
  sl_database_step_done (db, stmt, &error);
  g_assert_no_error (error);
  return sqlite3_last_insert_rowid (sl_database_get_handle (db));
}

/* A new document @type:@uuid whose members at @paths must hold the
 * strings @offsets past @i. */
static void
expect (Fixture            *f,
        const char         *type,
        const char         *uuid,
        guint               i,
        const char * const *paths,
        const guint        *offsets,
        guint               n_paths)
{
  GPtrArray *pairs = g_ptr_array_new ();

  for (guint k = 0; k < n_paths; k++)
    {
      g_ptr_array_add (pairs, (gpointer) paths[k]);
      g_ptr_array_add (pairs, (gpointer) text (f, i + offsets[k]));
    }
  g_ptr_array_add (f->ids, g_strconcat (type, ":", uuid, NULL));
  g_ptr_array_add (f->expected, pairs);
}

/* Channel @i is called string i; its one campaign string i + 1. */
static void
insert_channels (Fixture *f,
                 gint64  *channels,
                 gint64  *campaigns)
{
  SlDatabase *db = sl_workspace_get_database (f->a);

  for (guint i = 0; i < f->n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *campaign_uuid = g_uuid_string_random ();

      channels[i] = run (db, "INSERT INTO channel (uuid, name) VALUES (?1, ?2)", 't', uuid, 't', text (f, i), 0);
      campaigns[i] = run (db, "INSERT INTO campaign (uuid, channel_id, name) VALUES (?1, ?2, ?3)",
                          't', campaign_uuid, 'i', channels[i], 't', text (f, i + 1), 0);
    }
}

static void
insert_goal (Fixture *f,
             guint    i)
{
  static const char * const paths[] = { "objective", "description", "key_results.0.metric" };
  static const guint offsets[] = { 0, 1, 2 };
  SlDatabase *db = sl_workspace_get_database (f->a);
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id = run (db, "INSERT INTO goal (uuid, objective, description, first_day, last_day, author, "
                       "created_at, updated_at) VALUES (?1, ?2, ?3, 20089, 20453, 'alice', 1, 1)",
                   't', uuid, 't', text (f, i), 't', text (f, i + 1), 0);

  run (db, "INSERT INTO key_result (goal_id, metric, target, unit, first_day, last_day) "
           "VALUES (?1, ?2, 100, 'count', 20089, 20453)", 'i', id, 't', text (f, i + 2), 0);
  expect (f, "goal", uuid, i, paths, offsets, G_N_ELEMENTS (paths));
}

static void
insert_annotation (Fixture      *f,
                   guint         i,
                   const gint64 *channels,
                   const gint64 *campaigns)
{
  static const char * const paths[] = {
    "title", "body", "next_steps", "hypothesis", "expected_outcome", "actual_outcome",
    "snapshot.label", "channel", "campaign.channel", "campaign.name",
  };
  static const guint offsets[] = { 0, 1, 2, 3, 4, 5, 6, 7, 7, 8 };
  SlDatabase *db = sl_workspace_get_database (f->a);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) snapshot = NULL;
  g_autofree char *snapshot_text = NULL;
  guint c = (i + 7) % f->n;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, text (f, i + 6));
  json_builder_end_object (builder);
  snapshot = json_builder_get_root (builder);
  snapshot_text = json_to_string (snapshot, FALSE);

  run (db, "INSERT INTO annotation (uuid, kind, title, body, channel_id, campaign_id, first_day, last_day, "
           "next_steps, hypothesis, expected_outcome, actual_outcome, snapshot, author, created_at, updated_at) "
           "VALUES (?1, 'experiment', ?2, ?3, ?4, ?5, 20089, 20119, ?6, ?7, ?8, ?9, ?10, 'alice', 1, 1)",
       't', uuid, 't', text (f, i), 't', text (f, i + 1), 'i', channels[c], 'i', campaigns[c],
       't', text (f, i + 2), 't', text (f, i + 3), 't', text (f, i + 4), 't', text (f, i + 5),
       't', snapshot_text, 0);
  expect (f, "annotation", uuid, i, paths, offsets, G_N_ELEMENTS (paths));
}

/* A plan, with a comment and a decision on it. */
static void
insert_plan (Fixture      *f,
             guint         i,
             const gint64 *channels)
{
  static const char * const plan_paths[] = {
    "title", "rationale", "scenario_group", "lines.0.from_channel", "lines.0.to_channel",
  };
  static const guint plan_offsets[] = { 0, 1, 2, 3, 4 };
  static const char * const body_path[] = { "body" };
  static const char * const note_path[] = { "note" };
  static const guint comment_offset[] = { 5 };
  static const guint decision_offset[] = { 6 };
  SlDatabase *db = sl_workspace_get_database (f->a);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *comment = g_uuid_string_random ();
  g_autofree char *decision = g_uuid_string_random ();
  g_autofree char *target = g_strconcat ("plan:", uuid, NULL);
  gint64 id = run (db, "INSERT INTO realloc_plan (uuid, title, rationale, status, scenario_group, "
                       "reserve_draw_minor, currency, author, created_at, updated_at) "
                       "VALUES (?1, ?2, ?3, 'draft', ?4, 0, 'USD', 'alice', 1, 1)",
                   't', uuid, 't', text (f, i), 't', text (f, i + 1), 't', text (f, i + 2), 0);

  run (db, "INSERT INTO realloc_line (plan_id, from_channel_id, from_first_day, to_channel_id, to_first_day, "
           "amount_minor) VALUES (?1, ?2, 20089, ?3, 20120, 100)",
       'i', id, 'i', channels[(i + 3) % f->n], 'i', channels[(i + 4) % f->n], 0);
  expect (f, "plan", uuid, i, plan_paths, plan_offsets, G_N_ELEMENTS (plan_paths));

  run (db, "INSERT INTO comment (uuid, target, body, author, created_at) VALUES (?1, ?2, ?3, 'alice', 1)",
       't', comment, 't', target, 't', text (f, i + 5), 0);
  expect (f, "comment", comment, i, body_path, comment_offset, 1);
  run (db, "INSERT INTO decision (uuid, target, verdict, note, author, created_at) "
           "VALUES (?1, ?2, 'note', ?3, 'alice', 1)", 't', decision, 't', target, 't', text (f, i + 6), 0);
  expect (f, "decision", decision, i, note_path, decision_offset, 1);
}

static void
insert_request (Fixture      *f,
                guint         i,
                const gint64 *channels,
                const gint64 *campaigns)
{
  static const char * const paths[] = {
    "title", "rationale", "lines.0.channel", "lines.0.campaign.name", "lines.0.note", "lines.0.reference",
  };
  static const guint offsets[] = { 0, 1, 2, 3, 4, 5 };
  SlDatabase *db = sl_workspace_get_database (f->a);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *line = g_uuid_string_random ();
  guint c = (i + 2) % f->n;
  gint64 id = run (db, "INSERT INTO budget_request (uuid, title, first_day, last_day, status, rationale, "
                       "author, created_at, updated_at) VALUES (?1, ?2, 20089, 20179, 'draft', ?3, 'alice', 1, 1)",
                   't', uuid, 't', text (f, i), 't', text (f, i + 1), 0);

  run (db, "INSERT INTO budget_line (uuid, version, channel_id, campaign_id, first_day, last_day, "
           "amount_minor, currency, request_id, note, reference) "
           "VALUES (?1, 'request', ?2, ?3, 20089, 20119, 100, 'USD', ?4, ?5, ?6)",
       't', line, 'i', channels[c], 'i', campaigns[c], 'i', id, 't', text (f, i + 4), 't', text (f, i + 5), 0);
  expect (f, "request", uuid, i, paths, offsets, G_N_ELEMENTS (paths));
}

static void
insert_items (Fixture *f)
{
  g_autofree gint64 *channels = g_new0 (gint64, f->n);
  g_autofree gint64 *campaigns = g_new0 (gint64, f->n);
  g_autoptr(GError) error = NULL;
  SlDatabase *db = sl_workspace_get_database (f->a);

  sl_database_exec (db, "BEGIN", &error);
  g_assert_no_error (error);
  insert_channels (f, channels, campaigns);
  for (guint i = 0; i < f->n; i++)
    {
      insert_goal (f, i);
      insert_annotation (f, i, channels, campaigns);
      insert_plan (f, i, channels);
      insert_request (f, i, channels, campaigns);
    }
  sl_database_exec (db, "COMMIT", &error);
  g_assert_no_error (error);
}

static void
assert_member (const char *where,
               JsonNode   *doc,
               const char *path,
               const char *expected)
{
  JsonNode *node = sl_test_json_find (doc, path);
  const char *got = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

  if (g_strcmp0 (got, expected) != 0)
    {
      g_autofree char *g = hostile_describe (got != NULL ? got : "(none)");
      g_autofree char *e = hostile_describe (expected);

      g_error ("%s: member %s is “%s”, expected “%s”", where, path, g, e);
    }
}

static void
assert_document (Fixture    *f,
                 guint       d,
                 const char *where,
                 JsonNode   *doc)
{
  GPtrArray *pairs = g_ptr_array_index (f->expected, d);
  g_autofree char *label = g_strdup_printf ("%s %s", where, (char *) g_ptr_array_index (f->ids, d));

  g_assert_nonnull (doc);
  for (guint k = 0; k < pairs->len; k += 2)
    assert_member (label, doc, g_ptr_array_index (pairs, k), g_ptr_array_index (pairs, k + 1));
}

/* The codec's document of every item holds the text as written. */
static void
assert_encoded (Fixture *f)
{
  g_autoptr(SlDocumentCodec) codec = sl_document_codec_new (sl_workspace_get_database (f->a));

  for (guint d = 0; d < f->ids->len; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) doc = sl_document_codec_encode (codec, g_ptr_array_index (f->ids, d), &error);
      g_autofree char *json = NULL;
      g_autoptr(SlDocument) decoded = NULL;

      g_assert_no_error (error);
      assert_document (f, d, "encoded", doc);
      /* And it reads back as a valid document. */
      json = json_to_string (doc, FALSE);
      decoded = sl_document_new_from_data (json, -1, &error);
      g_assert_no_error (error);
    }
}

static void
assert_on_server (Fixture *f)
{
  g_autoptr(GHashTable) docs = sl_test_sync_server_docs (f->base.peer, f->base.db);

  g_assert_cmpuint (g_hash_table_size (docs), ==, f->ids->len);
  for (guint d = 0; d < f->ids->len; d++)
    assert_document (f, d, "on the server", g_hash_table_lookup (docs, g_ptr_array_index (f->ids, d)));
}

/* The items' text, with channel and campaign names for ids, in uuid
 * order: the same in both workspaces. */
static const char * const compare_sql[] = {
  "SELECT g.uuid, g.objective, g.description, k.metric FROM goal g JOIN key_result k ON k.goal_id = g.id "
  "ORDER BY g.uuid",
  "SELECT a.uuid, a.title, a.body, a.next_steps, a.hypothesis, a.expected_outcome, a.actual_outcome, "
  "json_extract (a.snapshot, '$.label'), ch.name, ca.name FROM annotation a "
  "JOIN channel ch ON ch.id = a.channel_id JOIN campaign ca ON ca.id = a.campaign_id ORDER BY a.uuid",
  "SELECT p.uuid, p.title, p.rationale, p.scenario_group, fc.name, tc.name FROM realloc_plan p "
  "JOIN realloc_line l ON l.plan_id = p.id JOIN channel fc ON fc.id = l.from_channel_id "
  "JOIN channel tc ON tc.id = l.to_channel_id ORDER BY p.uuid",
  "SELECT r.uuid, r.title, r.rationale, ch.name, ca.name, l.note, l.reference FROM budget_request r "
  "JOIN budget_line l ON l.request_id = r.id JOIN channel ch ON ch.id = l.channel_id "
  "JOIN campaign ca ON ca.id = l.campaign_id ORDER BY r.uuid",
  "SELECT uuid, target, body, author FROM comment ORDER BY uuid",
  "SELECT uuid, target, verdict, note, author FROM decision ORDER BY uuid",
};

static guint
assert_same_rows (SlDatabase *a,
                  SlDatabase *b,
                  const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) sa = sl_database_prepare (a, sql, &error);
  g_autoptr(SlStatement) sb = sl_database_prepare (b, sql, &error);
  gboolean row_a = FALSE, row_b = FALSE;
  guint rows = 0;

  g_assert_no_error (error);
  for (;;)
    {
      sl_database_step_row (a, sa, &row_a, &error);
      g_assert_no_error (error);
      sl_database_step_row (b, sb, &row_b, &error);
      g_assert_no_error (error);
      g_assert_cmpint (row_a, ==, row_b);
      if (!row_a)
        return rows;
      rows++;
      for (int c = 0; c < sqlite3_column_count (sa); c++)
        {
          int length = sqlite3_column_bytes (sa, c);
          const void *va = sqlite3_column_blob (sa, c);
          const void *vb = sqlite3_column_blob (sb, c);

          if (length != sqlite3_column_bytes (sb, c) || (length > 0 && memcmp (va, vb, (gsize) length) != 0))
            {
              g_autofree char *ta = hostile_describe ((const char *) sqlite3_column_text (sa, c));
              g_autofree char *tb = hostile_describe ((const char *) sqlite3_column_text (sb, c));

              g_error ("%s: row %u column %d: “%s” here, “%s” after the sync", sql, rows, c, ta, tb);
            }
        }
    }
}

static void
assert_workspace_whole (SlWorkspace *ws)
{
  g_autofree char *integrity = sl_test_query_text (sl_workspace_get_database (ws), "PRAGMA integrity_check");

  g_assert_cmpstr (g_strchomp (integrity), ==, "ok");
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (ws),
                                        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), >=, 25);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SlSyncClient) ca = NULL;
  g_autoptr(SlSyncClient) cb = NULL;
  gint64 start = g_get_monotonic_time ();
  guint rows = 0;

  insert_items (f);
  assert_encoded (f);

  ca = sl_test_sync_client (f->base.peer, f->base.db, f->a, "alice");
  sl_test_sync_round (ca);
  g_assert_cmpuint (sl_sync_client_get_waiting (ca), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_sync_client_get_issues (ca))), ==, 0);
  assert_on_server (f);

  cb = sl_test_sync_client (f->base.peer, f->base.db, f->b, "bob");
  sl_test_sync_round (cb);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_sync_client_get_issues (cb))), ==, 0);
  for (guint q = 0; q < G_N_ELEMENTS (compare_sql); q++)
    rows += assert_same_rows (sl_workspace_get_database (f->a), sl_workspace_get_database (f->b),
                              compare_sql[q]);
  g_assert_cmpuint (rows, ==, f->ids->len);
  assert_workspace_whole (f->a);
  assert_workspace_whole (f->b);

  /* Nothing left to send either way: the pulled text re-encodes the same. */
  sl_test_sync_round (cb);
  sl_test_sync_round (ca);
  g_assert_cmpuint (sl_sync_client_get_waiting (ca), ==, 0);
  g_assert_cmpuint (sl_sync_client_get_waiting (cb), ==, 0);
  g_test_message ("%u strings: %u documents with %u hostile members pushed, read on the server, pulled "
                  "and compared in %.1f s", f->n, f->ids->len, f->n * (3 + 10 + 5 + 1 + 1 + 6),
                  (g_get_monotonic_time () - start) / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SlTestPeer) sunlight = NULL;
  g_autoptr(SlTestPeer) pouchdb = NULL;

  g_test_init (&argc, &argv, NULL);

  sunlight = sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT);
  pouchdb = sl_test_sync_start_peer (SL_TEST_PEER_POUCHDB);
  g_test_add ("/reliability/hostile/documents/sunlight-server", Fixture, sunlight,
              fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/reliability/hostile/documents/pouchdb-server", Fixture, pouchdb,
              fixture_setup, test_round_trip, fixture_teardown);

  return g_test_run ();
}
