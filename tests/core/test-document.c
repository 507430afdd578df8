/* test-document.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync documents: encoding every shared item of a demo workspace,
 * applying the documents to another workspace and encoding them there
 * again; newer schemas, unknown members, tombstones and references.
 */

#include "config.h"

#include <string.h>

#include "sl-document-codec.h"
#include "sl-json-guard.h"
#include "sl-test-utils.h"

typedef struct
{
  SlSyncFixture    s;   /* a: the demo with one shared item of each kind; b: empty */
  SlDocumentCodec *codec_a;
  SlDocumentCodec *codec_b;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sl_sync_fixture_setup (&f->s, 3);
  f->codec_a = sl_document_codec_new (f->s.a);
  f->codec_b = sl_document_codec_new (f->s.b);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->codec_a);
  g_clear_object (&f->codec_b);
  sl_sync_fixture_teardown (&f->s);
}

static JsonNode *
encode (SlDocumentCodec *codec,
        const char      *doc_id)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = sl_document_codec_encode (codec, doc_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static SlDocument *
decode (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);
  g_autoptr(GError) error = NULL;
  SlDocument *doc = sl_document_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
apply_text (SlDocumentCodec *codec,
            const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDocument) doc = sl_document_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  sl_document_codec_apply (codec, doc, &error);
  g_assert_no_error (error);
}

/* Encodes every shared item of a and applies it to b. */
static void
copy_all (Fixture *f)
{
  g_autoptr(GPtrArray) ids = sl_test_shared_doc_ids (f->s.a);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonNode) node = encode (f->codec_a, ids->pdata[i]);
      g_autoptr(SlDocument) doc = decode (node);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (sl_document_get_id (doc), ==, ids->pdata[i]);
      g_assert_false (sl_document_is_foreign (doc));
      sl_document_codec_apply (f->codec_b, doc, &error);
      g_assert_no_error (error);
    }
}

static JsonNode *
at (JsonNode   *root,
    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) found = json_path_query (path, root, &error);
  JsonArray *array;

  g_assert_no_error (error);
  array = json_node_get_array (found);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  return json_node_copy (json_array_get_element (array, 0));
}

static void
assert_string_at (JsonNode   *root,
                  const char *path,
                  const char *expected)
{
  g_autoptr(JsonNode) node = at (root, path);

  if (expected == NULL)
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

static void
assert_int_at (JsonNode   *root,
               const char *path,
               gint64      expected)
{
  g_autoptr(JsonNode) node = at (root, path);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, expected);
}

static void
test_encode_shapes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) goal = encode (f->codec_a, "goal:" SL_TEST_GOAL_UUID);
  g_autoptr(JsonNode) plan = encode (f->codec_a, "plan:" SL_TEST_PLAN_UUID);
  g_autoptr(JsonNode) request = encode (f->codec_a, "request:" SL_TEST_REQUEST_UUID);
  g_autoptr(JsonNode) win = encode (f->codec_a, "annotation:" SL_TEST_WIN_UUID);
  g_autoptr(JsonNode) decision = encode (f->codec_a, "decision:" SL_TEST_DECISION_UUID);
  g_autofree char *workspace = sl_test_query_text (f->s.a, "SELECT uuid FROM workspace");

  g_strchomp (workspace);
  assert_string_at (goal, "$._id", "goal:" SL_TEST_GOAL_UUID);
  assert_string_at (goal, "$.type", "goal");
  assert_int_at (goal, "$.schema", 1);
  assert_string_at (goal, "$.workspace", workspace);
  assert_string_at (goal, "$.created_at", "2025-01-01T10:00:00.123456Z");
  assert_string_at (goal, "$.period.first", "2025-01-01");
  assert_string_at (goal, "$.period.last", "2025-12-31");
  assert_int_at (goal, "$.key_results[0].target.minor", 5000000);
  assert_string_at (goal, "$.key_results[0].target.currency", "USD");
  assert_int_at (goal, "$.key_results[1].target", 1200);
  assert_string_at (goal, "$.key_results[2].unit", "basis-points");

  assert_string_at (plan, "$.reserve_draw.currency", "USD");
  assert_string_at (plan, "$.goal", SL_TEST_GOAL_UUID);
  assert_string_at (plan, "$.lines[0].from_channel", "Paid Search");
  assert_string_at (plan, "$.lines[1].from_channel", NULL);
  assert_string_at (plan, "$.lines[2].to_channel", NULL);
  assert_int_at (plan, "$.lines[0].amount.minor", 300000);
  assert_string_at (plan, "$.lines[0].to_day", "2025-08-01");
  assert_string_at (plan, "$.applied_at", NULL);

  assert_string_at (request, "$.deadline", "2025-09-17");
  assert_string_at (request, "$.lines[0].id", "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e11");
  assert_string_at (request, "$.lines[0].campaign.channel", "Paid Search");
  assert_string_at (request, "$.lines[1].id", "0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e13");
  assert_string_at (request, "$.lines[1].channel", NULL);
  assert_string_at (request, "$.lines[1].campaign", NULL);
  assert_string_at (request, "$.lines[0].reference", "PO-7");

  assert_int_at (win, "$.snapshot.metrics.cac.num", 123456);
  assert_string_at (win, "$.snapshot.metrics.roas", NULL);
  assert_string_at (win, "$.hypothesis", NULL);

  /* Immutable items have no updated_at column: it is their creation. */
  assert_string_at (decision, "$.updated_at", "2025-07-08T18:40:00.000000Z");
  assert_string_at (decision, "$.meeting_day", "2025-07-11");
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = sl_test_shared_doc_ids (f->s.a);
  g_autofree char *snapshot_a = NULL;
  g_autofree char *snapshot_b = NULL;

  /* The demo's three goals and one item of each kind with its parts. */
  g_assert_cmpuint (ids->len, ==, 4 + 1 + 1 + 5 + 1 + 1);
  copy_all (f);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonNode) from_a = encode (f->codec_a, ids->pdata[i]);
      g_autoptr(JsonNode) from_b = encode (f->codec_b, ids->pdata[i]);

      if (!json_node_equal (from_a, from_b))
        {
          g_autofree char *text_a = json_to_string (from_a, TRUE);
          g_autofree char *text_b = json_to_string (from_b, TRUE);

          g_assert_cmpstr (text_a, ==, text_b);
        }
    }

  /* The snapshot is kept as it was written. */
  snapshot_a = sl_test_query_text (f->s.a, "SELECT snapshot FROM annotation WHERE uuid = '" SL_TEST_WIN_UUID "'");
  snapshot_b = sl_test_query_text (f->s.b, "SELECT snapshot FROM annotation WHERE uuid = '" SL_TEST_WIN_UUID "'");
  g_assert_cmpstr (snapshot_a, ==, snapshot_b);
  /* Channels and the campaign came by name, made where missing. */
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM channel"), ==, 2);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM channel WHERE kind = 'other'"), ==, 2);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM campaign"), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM budget_line WHERE version = 'request'"), ==, 3);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM key_result"), ==,
                   sl_test_query_int64 (f->s.a, "SELECT count(*) FROM key_result"));
}

static void
test_apply_twice (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  copy_all (f);
  first = sl_test_dump_shared (f->s.b, FALSE);
  copy_all (f);
  second = sl_test_dump_shared (f->s.b, FALSE);
  g_assert_cmpstr (first, ==, second);
}

/* Changing a goal's document changes its rows in place. */
static void
test_apply_update (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  gint64 first_kr;
  JsonObject *goal;
  JsonArray *krs;

  copy_all (f);
  first_kr = sl_test_query_int64 (f->s.b, "SELECT min (id) FROM key_result");

  node = encode (f->codec_b, "goal:" SL_TEST_GOAL_UUID);
  goal = json_node_get_object (node);
  json_object_set_string_member (goal, "objective", "Triple the pipeline");
  krs = json_object_get_array_member (goal, "key_results");
  json_array_remove_element (krs, 2);
  json_object_set_int_member (json_array_get_object_element (krs, 1), "target", 1500);
  text = json_to_string (node, FALSE);
  apply_text (f->codec_b, text);

  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM goal WHERE objective = 'Triple the pipeline'"),
                   ==, 1);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM key_result k JOIN goal g ON g.id = k.goal_id "
                                               "WHERE g.uuid = '" SL_TEST_GOAL_UUID "'"), ==, 2);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT target FROM key_result WHERE metric = 'mqls'"), ==, 1500);
  /* The first key result kept its row. */
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT id FROM key_result WHERE metric = 'pipeline'"),
                   ==, first_kr);
}

static void
test_time (void)
{
  gint64 usec = 0;
  g_autofree char *text = sl_document_format_time (G_GINT64_CONSTANT (1740000000000001));
  g_autofree char *before_epoch = sl_document_format_time (-1);

  g_assert_cmpstr (text, ==, "2025-02-19T21:20:00.000001Z");
  g_assert_cmpstr (before_epoch, ==, "1969-12-31T23:59:59.999999Z");
  g_assert_true (sl_document_parse_time (text, &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1740000000000001));
  g_assert_true (sl_document_parse_time (before_epoch, &usec));
  g_assert_cmpint (usec, ==, -1);
  g_assert_true (sl_document_parse_time ("2025-02-19T22:20:00+01:00", &usec));
  g_assert_cmpint (usec, ==, G_GINT64_CONSTANT (1740000000000000));
  g_assert_false (sl_document_parse_time ("2025-02-19T21:20:00", &usec));
  g_assert_false (sl_document_parse_time ("2025-02-19", &usec));
  g_assert_false (sl_document_parse_time ("2025-W08-3T21:20:00Z", &usec));
}

/* Channels by name, ignoring case; one the workspace lacks is made. */
static void
test_channels_by_name (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) node = encode (f->codec_a, "annotation:" SL_TEST_LOSS_UUID);
  g_autofree char *text = NULL;

  copy_all (f);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM channel"), ==, 2);
  json_object_set_string_member (json_node_get_object (node), "channel", "PAID SOCIAL");
  text = json_to_string (node, FALSE);
  apply_text (f->codec_b, text);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM channel"), ==, 2);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM annotation a JOIN channel c "
                                              "ON c.id = a.channel_id WHERE c.name = 'Paid Social' "
                                              "AND a.uuid = '" SL_TEST_LOSS_UUID "'"), ==, 1);

  json_object_set_string_member (json_node_get_object (node), "channel", "Podcasts");
  g_free (text);
  text = json_to_string (node, FALSE);
  apply_text (f->codec_b, text);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM channel WHERE name = 'Podcasts' "
                                              "AND kind = 'other' AND position = 2"), ==, 1);
}

/* Another client's members come back with the item, even after a local edit. */
static void
test_unknown_members (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) node = encode (f->codec_a, "plan:" SL_TEST_PLAN_UUID);
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *text = NULL;
  JsonObject *plan;

  copy_all (f);
  json_object_set_string_member (json_node_get_object (node), "colour", "teal");
  json_object_set_int_member (json_node_get_object (node), "priority", 2);
  text = json_to_string (node, FALSE);
  apply_text (f->codec_b, text);
  g_assert_true (sl_database_exec (f->s.b, "UPDATE realloc_plan SET title = 'Local'", NULL));

  back = encode (f->codec_b, "plan:" SL_TEST_PLAN_UUID);
  plan = json_node_get_object (back);
  g_assert_cmpstr (json_object_get_string_member (plan, "colour"), ==, "teal");
  g_assert_cmpint (json_object_get_int_member (plan, "priority"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (plan, "title"), ==, "Local");
  /* The creating workspace is a's, not b's. */
  g_assert_cmpstr (json_object_get_string_member (plan, "workspace"), ==,
                   json_object_get_string_member (json_node_get_object (node), "workspace"));
}

static void
test_tombstone (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) gone = NULL;

  copy_all (f);
  g_assert_true (sl_database_exec (f->s.b, "UPDATE sync_doc SET rev = '1-a'", NULL));
  apply_text (f->codec_b, "{\"_id\": \"request:" SL_TEST_REQUEST_UUID "\", \"_deleted\": true}");
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM budget_request"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM budget_line"), ==, 0);

  gone = encode (f->codec_b, "request:" SL_TEST_REQUEST_UUID);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (gone), "_deleted"));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (gone)), ==, 2);
}

static void
test_encode_row (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 id = sl_test_query_int64 (f->s.a, "SELECT id FROM decision");

  node = sl_document_codec_encode_row (f->codec_a, "decision", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "_id"), ==,
                   "decision:" SL_TEST_DECISION_UUID);
  g_clear_pointer (&node, json_node_unref);

  node = sl_document_codec_encode_row (f->codec_a, "decision", id + 100, &error);
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND);
  g_assert_null (node);
  g_clear_error (&error);
  node = sl_document_codec_encode_row (f->codec_a, "spend", 1, &error);
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  node = sl_document_codec_encode (f->codec_b, "plan:" SL_TEST_PLAN_UUID, &error);
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "plan:" SL_TEST_PLAN_UUID));
}

/* What the server's rules read from a decoded document. */
static void
test_getters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) plan_node = encode (f->codec_a, "plan:" SL_TEST_PLAN_UUID);
  g_autoptr(JsonNode) decision_node = encode (f->codec_a, "decision:" SL_TEST_DECISION_UUID);
  g_autoptr(SlDocument) plan = decode (plan_node);
  g_autoptr(SlDocument) decision = decode (decision_node);

  g_assert_cmpint (sl_document_get_kind (plan), ==, SL_DOCUMENT_KIND_PLAN);
  g_assert_cmpstr (sl_document_get_doc_type (plan), ==, "plan");
  g_assert_cmpstr (sl_document_get_uuid (plan), ==, SL_TEST_PLAN_UUID);
  g_assert_cmpstr (sl_document_get_author (plan), ==, "mira");
  g_assert_cmpstr (sl_document_get_text (plan, "status"), ==, "proposed");
  g_assert_cmpstr (sl_document_get_text (plan, "scenario_group"), ==, "Q3");
  g_assert_null (sl_document_get_text (plan, "reserve_draw"));
  g_assert_null (sl_document_get_text (plan, "no-such-field"));
  g_assert_null (sl_document_get_rev (plan));
  g_assert_cmpint (sl_document_get_schema (plan), ==, 1);
  g_assert_cmpint (sl_document_get_created_at (plan), ==, G_GINT64_CONSTANT (1740000000000001));
  g_assert_cmpint (sl_document_get_updated_at (plan), ==, G_GINT64_CONSTANT (1740000100000002));
  g_assert_cmpstr (sl_document_get_text (decision, "verdict"), ==, "approve");
  g_assert_cmpint (sl_document_get_kind (decision), ==, SL_DOCUMENT_KIND_DECISION);
  g_assert_false (sl_document_is_deleted (decision));
}

static void
assert_guard (const char        *text,
              SlJsonGuardResult  expected,
              const char        *expected_path)
{
  g_autofree char *path = NULL;

  g_assert_cmpint (sl_json_guard_check (text, strlen (text), 4, &path), ==, expected);
  g_assert_cmpstr (path, ==, expected_path);
}

static void
test_json_guard (void)
{
  assert_guard ("{\"a\": [1, 2, {\"b\": 9223372036854775807}]}", SL_JSON_GUARD_OK, NULL);
  assert_guard ("{\"a\": [1, 2, {\"b\": 9223372036854775808}]}", SL_JSON_GUARD_RANGE, "a[2].b");
  assert_guard ("{\"a\": -9223372036854775809}", SL_JSON_GUARD_RANGE, "a");
  assert_guard ("{\"a\": 1e400, \"b\": 99999999999999999999.5}", SL_JSON_GUARD_OK, NULL);
  assert_guard ("{\"x,y\": {\"[\": 123456789012345678901234567890}}", SL_JSON_GUARD_RANGE, "x,y.[");
  assert_guard ("[[[[1]]]]", SL_JSON_GUARD_OK, NULL);
  assert_guard ("[[[[[1]]]]]", SL_JSON_GUARD_DEPTH, "[0][0][0][0]");
  assert_guard ("{\"a\": {\"b\": [{\"c\": {}}]}}", SL_JSON_GUARD_DEPTH, "a.b[0].c");
  /* Malformed text is the parser's to report. */
  assert_guard ("{\"a\": --1, \"b", SL_JSON_GUARD_OK, NULL);
}

/* Text json-glib reads as no value (a comment) whose digits the guard
 * takes for a number too large: refused as not an object, no critical
 * (found by fuzz-document). */
static void
test_comment_with_big_number (void)
{
  const char *text = "/an99999999999999999999999999999999notat/";
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDocument) doc = sl_document_new_from_data (text, -1, &error);

  g_assert_null (doc);
  g_assert_error (error, SL_DOCUMENT_ERROR, SL_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "object"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/time", test_time);
  g_test_add_func ("/core/document/json-guard", test_json_guard);
  g_test_add_func ("/core/document/comment-big-number", test_comment_with_big_number);
  g_test_add ("/core/document/encode-shapes", Fixture, NULL, fixture_setup, test_encode_shapes, fixture_teardown);
  g_test_add ("/core/document/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/core/document/apply-twice", Fixture, NULL, fixture_setup, test_apply_twice, fixture_teardown);
  g_test_add ("/core/document/apply-update", Fixture, NULL, fixture_setup, test_apply_update, fixture_teardown);

  g_test_add ("/core/document/channels-by-name", Fixture, NULL, fixture_setup, test_channels_by_name,
              fixture_teardown);
  g_test_add ("/core/document/unknown-members", Fixture, NULL, fixture_setup, test_unknown_members,
              fixture_teardown);
  g_test_add ("/core/document/tombstone", Fixture, NULL, fixture_setup, test_tombstone, fixture_teardown);
  g_test_add ("/core/document/encode-row", Fixture, NULL, fixture_setup, test_encode_row, fixture_teardown);
  g_test_add ("/core/document/getters", Fixture, NULL, fixture_setup, test_getters, fixture_teardown);

  return g_test_run ();
}
