/* test-outbox.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox: triggers mark every shared table's edits dirty; dirty
 * documents are listed, marked pushed, and pulled documents applied
 * once, merged with local edits or kept as conflicts.
 */

#include "config.h"

#include "sl-document-codec.h"
#include "sl-outbox.h"
#include "sl-test-utils.h"

typedef struct
{
  SlSyncFixture    s;   /* a: the demo with one shared item of each kind; b: the other client */
  SlDocumentCodec *codec_a;
  SlOutbox        *outbox_a;
  SlOutbox        *outbox_b;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  sl_sync_fixture_setup (&f->s, 5);
  f->codec_a = sl_document_codec_new (f->s.a);
  f->outbox_a = sl_outbox_new (f->s.a);
  f->outbox_b = sl_outbox_new (f->s.b);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->outbox_a);
  g_clear_object (&f->outbox_b);
  g_clear_object (&f->codec_a);
  sl_sync_fixture_teardown (&f->s);
}

static void
exec (SlDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  sl_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static char *
dirty_ids (SlDatabase *db)
{
  g_autofree char *text = NULL;

  text = sl_test_query_text (db, "SELECT ifnull (group_concat (doc_id || iif (deleted, '†', ''), ' '), '') "
                                 "FROM (SELECT * FROM sync_doc WHERE dirty = 1 ORDER BY doc_id)");

  return g_strdup (g_strchomp (text));
}

typedef struct
{
  const char *sql;
  const char *dirty;   /* the documents it must leave dirty, † deleted */
} TriggerCase;

#define G "goal:" SL_TEST_GOAL_UUID
#define P "plan:" SL_TEST_PLAN_UUID
#define R "request:" SL_TEST_REQUEST_UUID
#define W "annotation:" SL_TEST_WIN_UUID
#define N "annotation:" SL_TEST_NOTE_UUID
#define L "annotation:" SL_TEST_LOSS_UUID
#define GOAL_ID "(SELECT id FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "')"
#define PLAN_ID "(SELECT id FROM realloc_plan WHERE uuid = '" SL_TEST_PLAN_UUID "')"
#define REQUEST_ID "(SELECT id FROM budget_request WHERE uuid = '" SL_TEST_REQUEST_UUID "')"
#define NEW_UUID "5d1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c99"

static const TriggerCase trigger_cases[] = {
  { "UPDATE goal SET objective = 'x' WHERE uuid = '" SL_TEST_GOAL_UUID "'", G },
  { "INSERT INTO key_result (goal_id, metric, target, unit, first_day, last_day) "
    "VALUES (" GOAL_ID ", 'sqls', 90, 'count', 1, 2)", G },
  { "UPDATE key_result SET target = 1 WHERE metric = 'mqls'", G },
  { "DELETE FROM key_result WHERE metric = 'win-rate'", G },
  { "INSERT INTO annotation (uuid, kind, title, first_day, last_day, author, created_at, updated_at) "
    "VALUES ('" NEW_UUID "', 'note', 'n', 1, 1, 'a', 1, 1)", "annotation:" NEW_UUID },
  { "UPDATE annotation SET title = 'x' WHERE uuid = '" SL_TEST_WIN_UUID "'", W },
  { "DELETE FROM annotation WHERE uuid = '" SL_TEST_NOTE_UUID "'", N "†" },
  { "UPDATE realloc_plan SET status = 'approved' WHERE uuid = '" SL_TEST_PLAN_UUID "'", P },
  { "INSERT INTO realloc_line (plan_id, from_channel_id, from_first_day, to_first_day, amount_minor, position) "
    "VALUES (" PLAN_ID ", 1, 1, 1, 5, 3)", P },
  { "UPDATE realloc_line SET amount_minor = 7 WHERE position = 0", P },
  { "DELETE FROM realloc_line WHERE position = 2", P },
  { "UPDATE budget_request SET status = 'approved'", R },
  { "INSERT INTO budget_line (uuid, version, channel_id, first_day, last_day, amount_minor, currency, request_id) "
    "VALUES ('" NEW_UUID "', 'request', 3, 20362, 20392, 1, 'USD', " REQUEST_ID ")", R },
  { "UPDATE budget_line SET amount_minor = 1 WHERE uuid = '0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e12'", R },
  { "DELETE FROM budget_line WHERE uuid = '0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e13'", R },
  /* Budget lines outside a request are not shared. */
  { "UPDATE budget_line SET amount_minor = amount_minor + 1 WHERE request_id IS NULL", "" },
  { "INSERT INTO comment (uuid, target, body, author, created_at) "
    "VALUES ('" NEW_UUID "', '" P "', 'Why?', 'fred', 1)", "comment:" NEW_UUID },
  { "INSERT INTO decision (uuid, target, verdict, author, created_at) "
    "VALUES ('" NEW_UUID "', '" P "', 'defer', 'fred', 1)", "decision:" NEW_UUID },
  { "DELETE FROM comment WHERE uuid = '" SL_TEST_COMMENT_UUID "'", "comment:" SL_TEST_COMMENT_UUID "†" },
  { "DELETE FROM decision WHERE uuid = '" SL_TEST_DECISION_UUID "'", "decision:" SL_TEST_DECISION_UUID "†" },
  /* A goal's deletion cascades to its key results and sets its plan's,
   * request line's and annotation's goal to null: each of them changed. */
  { "DELETE FROM goal WHERE uuid = '" SL_TEST_GOAL_UUID "'", "annotation:" SL_TEST_WIN_UUID " " G "† " P " " R },
  { "DELETE FROM budget_request", R "†" },
};

static void
test_triggers (Fixture       *f,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (trigger_cases); i++)
    {
      g_autofree char *dirty = NULL;

      /* As if everything had been pushed. */
      exec (f->s.a, "UPDATE sync_doc SET dirty = 0, rev = '1-abc'");
      exec (f->s.a, trigger_cases[i].sql);
      dirty = dirty_ids (f->s.a);
      g_test_message ("%s", trigger_cases[i].sql);
      g_assert_cmpstr (dirty, ==, trigger_cases[i].dirty);
    }
}

/* An item the server never saw leaves no tombstone behind. */
static void
test_triggers_unpushed_delete (Fixture       *f,
                               gconstpointer  data)
{
  g_assert_cmpint (sl_test_query_int64 (f->s.a, "SELECT count(*) FROM sync_doc WHERE doc_id = '" N "'"), ==, 1);
  exec (f->s.a, "DELETE FROM annotation WHERE uuid = '" SL_TEST_NOTE_UUID "'");
  g_assert_cmpint (sl_test_query_int64 (f->s.a, "SELECT count(*) FROM sync_doc WHERE doc_id = '" N "'"), ==, 0);
  /* Undoing the deletion brings it back, dirty. */
  exec (f->s.a, "INSERT INTO annotation (uuid, kind, title, first_day, last_day, author, created_at, updated_at) "
              "VALUES ('" SL_TEST_NOTE_UUID "', 'note', 'n', 1, 1, 'a', 1, 1)");
  g_assert_cmpint (sl_test_query_int64 (f->s.a, "SELECT dirty FROM sync_doc WHERE doc_id = '" N "'"), ==, 1);
  /* Comments stay immutable. */
  g_assert_false (sl_database_exec (f->s.a, "UPDATE comment SET body = 'x'", NULL));
}

static GPtrArray *
list_dirty (SlOutbox *outbox,
            guint     limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *docs = sl_outbox_list_dirty (outbox, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (docs);
  return docs;
}

static const char *
member (JsonNode   *doc,
        const char *name)
{
  return json_object_get_string_member_with_default (json_node_get_object (doc), name, NULL);
}

static guint
count_dirty (SlOutbox *outbox)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  sl_outbox_count_dirty (outbox, &n, &error);
  g_assert_no_error (error);
  return n;
}

static void
test_list_dirty (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) docs = list_dirty (f->outbox_a, 0);
  g_autoptr(GPtrArray) two = list_dirty (f->outbox_a, 2);
  g_autoptr(GPtrArray) after = NULL;
  static const char * const order[] = { "goal", "plan", "request", "annotation", "comment", "decision" };
  guint rank = 0;

  /* Four goals, a plan, a request, five annotations, a comment, a decision. */
  g_assert_cmpuint (docs->len, ==, 13);
  g_assert_cmpuint (count_dirty (f->outbox_a), ==, 13);
  g_assert_cmpuint (two->len, ==, 2);
  for (guint i = 0; i < docs->len; i++)
    {
      const char *type = member (docs->pdata[i], "type");

      while (rank < G_N_ELEMENTS (order) && g_strcmp0 (order[rank], type) != 0)
        rank++;
      g_assert_cmpuint (rank, <, G_N_ELEMENTS (order));
      g_assert_null (member (docs->pdata[i], "_rev"));
    }

  /* With a revision from the server; a deletion is a tombstone. */
  exec (f->s.a, "UPDATE sync_doc SET rev = '3-ccc', dirty = 0");
  exec (f->s.a, "UPDATE realloc_plan SET title = 'y'");
  exec (f->s.a, "DELETE FROM annotation WHERE uuid = '" SL_TEST_NOTE_UUID "'");
  after = list_dirty (f->outbox_a, 0);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpstr (member (after->pdata[0], "_id"), ==, P);
  g_assert_cmpstr (member (after->pdata[0], "_rev"), ==, "3-ccc");
  g_assert_cmpstr (member (after->pdata[0], "title"), ==, "y");
  g_assert_cmpstr (member (after->pdata[1], "_id"), ==, N);
  g_assert_cmpstr (member (after->pdata[1], "_rev"), ==, "3-ccc");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (after->pdata[1]), "_deleted"));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (after->pdata[1])), ==, 3);
}

static void
mark_pushed (SlOutbox   *outbox,
             JsonNode   *doc,
             const char *rev)
{
  g_autoptr(GError) error = NULL;

  sl_outbox_mark_pushed (outbox, doc, rev, &error);
  g_assert_no_error (error);
}

static void
test_mark_pushed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) docs = list_dirty (f->outbox_a, 0);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *base = NULL;
  g_autoptr(JsonNode) base_node = NULL;

  for (guint i = 0; i < docs->len; i++)
    mark_pushed (f->outbox_a, docs->pdata[i], "1-aaa");
  g_assert_cmpuint (count_dirty (f->outbox_a), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (f->s.a, "SELECT count(*) FROM sync_doc WHERE rev = '1-aaa'"), ==, 13);

  /* The base is the document as pushed, without CouchDB's members. */
  base = sl_test_query_text (f->s.a, "SELECT base_json FROM sync_doc WHERE doc_id = '" P "'");
  base_node = json_from_string (base, NULL);
  g_assert_cmpstr (member (docs->pdata[4], "_id"), ==, P);
  g_assert_true (json_node_equal (base_node, docs->pdata[4]));
  g_assert_false (json_object_has_member (json_node_get_object (base_node), "_rev"));

  /* Edited between listing and the server's answer: still dirty. */
  exec (f->s.a, "UPDATE realloc_plan SET title = 'z'");
  again = list_dirty (f->outbox_a, 0);
  g_assert_cmpuint (again->len, ==, 1);
  exec (f->s.a, "UPDATE realloc_plan SET title = 'zz'");
  mark_pushed (f->outbox_a, again->pdata[0], "2-bbb");
  g_assert_cmpstr (member (again->pdata[0], "_rev"), ==, "1-aaa");
  g_assert_cmpint (sl_test_query_int64 (f->s.a, "SELECT dirty FROM sync_doc WHERE doc_id = '" P "'"), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (f->s.a, "SELECT count(*) FROM sync_doc WHERE rev = '2-bbb'"), ==, 1);

  /* A pushed tombstone. */
  exec (f->s.a, "DELETE FROM comment");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = list_dirty (f->outbox_a, 0);
  g_assert_cmpuint (again->len, ==, 2);
  mark_pushed (f->outbox_a, again->pdata[1], "2-ccc");
  g_assert_cmpint (sl_test_query_int64 (f->s.a, "SELECT dirty + 10 * deleted FROM sync_doc "
                                              "WHERE doc_id = 'comment:" SL_TEST_COMMENT_UUID "'"), ==, 10);
}

/* The document of @doc_id in a, as the server would send it at @rev
 * (none when NULL), with @changes ("member=JSON" lines) applied. */
static SlDocument *
pulled (Fixture    *f,
        const char *doc_id,
        const char *rev,
        const char *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = sl_document_codec_encode (f->codec_a, doc_id, &error);
  g_auto(GStrv) lines = g_strsplit (changes ? changes : "", "\n", -1);
  g_autofree char *text = NULL;
  SlDocument *doc;

  g_assert_no_error (error);
  if (rev != NULL)
    json_object_set_string_member (json_node_get_object (node), "_rev", rev);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "=", 2);

      json_object_set_member (json_node_get_object (node), parts[0], json_from_string (parts[1], &error));
      g_assert_no_error (error);
    }
  text = json_to_string (node, FALSE);
  doc = sl_document_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  return doc;
}

static SlOutboxPull
pull (SlOutbox   *outbox,
      SlDocument *doc)
{
  g_autoptr(GError) error = NULL;
  SlOutboxPull result = -1;

  sl_outbox_apply_pulled (outbox, doc, &result, &error);
  g_assert_no_error (error);
  return result;
}

/* Pulls every shared item of a into b at @rev. */
static void
pull_all (Fixture      *f,
          const char   *rev,
          SlOutboxPull  expected)
{
  g_autoptr(GPtrArray) ids = sl_test_shared_doc_ids (f->s.a);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SlDocument) doc = pulled (f, ids->pdata[i], rev, NULL);

      g_assert_cmpint (pull (f->outbox_b, doc), ==, expected);
    }
}

static void
test_pull (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = sl_test_shared_doc_ids (f->s.a);
  g_autoptr(SlDocument) newer = NULL;
  g_autoptr(SlDocument) older = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  pull_all (f, "1-abc", SL_OUTBOX_PULL_APPLIED);
  g_assert_cmpuint (count_dirty (f->outbox_b), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM sync_doc WHERE rev = '1-abc' "
                                              "AND base_json IS NOT NULL AND dirty = 0"), ==, ids->len);

  /* The same revision again (a feed that repeats itself) changes nothing. */
  first = sl_test_dump_shared (f->s.b, TRUE);
  pull_all (f, "1-abc", SL_OUTBOX_PULL_UNCHANGED);
  second = sl_test_dump_shared (f->s.b, TRUE);
  g_assert_cmpstr (first, ==, second);

  /* A later revision is applied; an older one replayed after it is not. */
  newer = pulled (f, "plan:" SL_TEST_PLAN_UUID, "2-def", "status=\"approved\"");
  g_assert_cmpint (pull (f->outbox_b, newer), ==, SL_OUTBOX_PULL_APPLIED);
  older = pulled (f, "plan:" SL_TEST_PLAN_UUID, "1-abc", NULL);
  g_assert_cmpint (pull (f->outbox_b, older), ==, SL_OUTBOX_PULL_UNCHANGED);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM realloc_plan WHERE status = 'approved'"), ==, 1);
  g_assert_cmpuint (count_dirty (f->outbox_b), ==, 0);
}

static void
test_pull_merge (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SlDocument) theirs = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  pull_all (f, "1-abc", SL_OUTBOX_PULL_APPLIED);
  exec (f->s.b, "UPDATE annotation SET title = 'Local title' WHERE uuid = '" SL_TEST_WIN_UUID "'");

  theirs = pulled (f, W, "2-def", "body=\"Remote body\"");
  g_assert_cmpint (pull (f->outbox_b, theirs), ==, SL_OUTBOX_PULL_MERGED);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM annotation WHERE title = 'Local title' "
                                              "AND body = 'Remote body'"), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT dirty FROM sync_doc WHERE doc_id = '" W "'"), ==, 1);

  /* Pushed on the server's revision, with both changes. */
  docs = list_dirty (f->outbox_b, 0);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (member (docs->pdata[0], "_rev"), ==, "2-def");
  g_assert_cmpstr (member (docs->pdata[0], "title"), ==, "Local title");
  g_assert_cmpstr (member (docs->pdata[0], "body"), ==, "Remote body");
}

static void
test_pull_conflict (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SlDocument) theirs = NULL;
  g_autofree char *conflict = NULL;

  pull_all (f, "1-abc", SL_OUTBOX_PULL_APPLIED);
  exec (f->s.b, "UPDATE annotation SET title = 'Local title' WHERE uuid = '" SL_TEST_WIN_UUID "'");

  theirs = pulled (f, W, "2-def", "title=\"Remote title\"");
  g_assert_cmpint (pull (f->outbox_b, theirs), ==, SL_OUTBOX_PULL_CONFLICT);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM annotation WHERE title = 'Local title'"), ==, 1);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM sync_doc WHERE doc_id = '" W "' "
                                              "AND rev = '1-abc' AND dirty = 1"), ==, 1);
  conflict = sl_test_query_text (f->s.b, "SELECT conflict_json FROM sync_doc WHERE doc_id = '" W "'");
  g_assert_nonnull (strstr (conflict, "Remote title"));
  g_assert_nonnull (strstr (conflict, "2-def"));
  /* It waits for the user, not for the next push. */
  g_assert_cmpuint (count_dirty (f->outbox_b), ==, 0);
}

static void
test_pull_tombstone (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDocument) gone = NULL;
  g_autoptr(SlDocument) gone_edited = NULL;

  pull_all (f, "1-abc", SL_OUTBOX_PULL_APPLIED);
  gone = sl_document_new_from_data ("{\"_id\": \"" N "\", \"_rev\": \"2-x\", \"_deleted\": true}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pull (f->outbox_b, gone), ==, SL_OUTBOX_PULL_APPLIED);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM annotation WHERE uuid = '" SL_TEST_NOTE_UUID "'"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT 100 * deleted + 10 * dirty + (rev = '2-x') FROM sync_doc "
                                              "WHERE doc_id = '" N "'"), ==, 101);
  g_assert_cmpint (pull (f->outbox_b, gone), ==, SL_OUTBOX_PULL_UNCHANGED);

  /* Deleted there, edited here: the user decides. */
  exec (f->s.b, "UPDATE annotation SET title = 'Still here' WHERE uuid = '" SL_TEST_WIN_UUID "'");
  gone_edited = sl_document_new_from_data ("{\"_id\": \"" W "\", \"_rev\": \"2-y\", \"_deleted\": true}", -1,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (pull (f->outbox_b, gone_edited), ==, SL_OUTBOX_PULL_CONFLICT);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM annotation WHERE title = 'Still here'"), ==, 1);
}

/* Applying must fail with @code and leave b exactly as it was. */
static void
assert_pull_refused (Fixture    *f,
                     SlDocument *doc,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sl_test_dump_shared (f->s.b, TRUE);
  g_autofree char *after = NULL;

  g_assert_false (sl_outbox_apply_pulled (f->outbox_b, doc, NULL, &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, code);
  after = sl_test_dump_shared (f->s.b, TRUE);
  g_assert_cmpstr (before, ==, after);
}

static void
test_pull_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlDocument) unknown_goal = NULL;
  g_autoptr(SlDocument) no_rev = NULL;
  g_autoptr(SlDocument) changed_comment = NULL;

  pull_all (f, "1-abc", SL_OUTBOX_PULL_APPLIED);
  /* A new channel is made before the goal is looked up: both undone. */
  unknown_goal = pulled (f, L, "2-a", "channel=\"Podcasts\"\ngoal=\"5d1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c77\"");
  assert_pull_refused (f, unknown_goal, SL_DOCUMENT_ERROR_REFERENCE);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT count(*) FROM channel WHERE name = 'Podcasts'"), ==, 0);

  no_rev = pulled (f, W, NULL, NULL);
  assert_pull_refused (f, no_rev, SL_DOCUMENT_ERROR_MISSING_FIELD);

  changed_comment = pulled (f, "comment:" SL_TEST_COMMENT_UUID, "2-a", "body=\"Edited\"");
  assert_pull_refused (f, changed_comment, SL_DOCUMENT_ERROR_IMMUTABLE);
}

/* Another client's members survive a local edit and the next push. */
static void
test_pull_unknown_members (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SlDocument) theirs = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  JsonObject *doc;

  pull_all (f, "1-abc", SL_OUTBOX_PULL_APPLIED);
  theirs = pulled (f, W, "2-abc", "pinned={\"by\": \"fred\", \"at\": 3}");
  g_assert_cmpint (pull (f->outbox_b, theirs), ==, SL_OUTBOX_PULL_APPLIED);
  exec (f->s.b, "UPDATE annotation SET title = 'Local title' WHERE uuid = '" SL_TEST_WIN_UUID "'");

  docs = list_dirty (f->outbox_b, 0);
  g_assert_cmpuint (docs->len, ==, 1);
  doc = json_node_get_object (docs->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (doc, "title"), ==, "Local title");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (doc, "pinned"), "by"), ==, "fred");
}

/* A newer schema's document is kept whole and goes back unchanged. */
static void
test_pull_newer_schema (Fixture       *f,
                        gconstpointer  data)
{
  static const char future[] =
    "{\"_id\": \"forecast:5d1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c55\", \"_rev\": \"1-f\", \"type\": \"forecast\", "
    "\"schema\": 7, \"weights\": [0.25, 0.75], \"nested\": {\"a\": [1, {\"b\": null}]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDocument) doc = NULL;
  g_autoptr(SlDocument) annotation = NULL;
  g_autoptr(SlDocument) back = NULL;
  g_autoptr(JsonNode) encoded = NULL;
  g_autoptr(SlDocumentCodec) codec_b = sl_document_codec_new (f->s.b);
  g_autoptr(JsonNode) expected = NULL;

  doc = sl_document_new_from_data (future, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sl_document_is_foreign (doc));
  g_assert_cmpint (sl_document_get_kind (doc), ==, SL_DOCUMENT_KIND_FOREIGN);
  g_assert_cmpint (pull (f->outbox_b, doc), ==, SL_OUTBOX_PULL_APPLIED);
  encoded = sl_document_codec_encode (codec_b, "forecast:5d1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c55", &error);
  g_assert_no_error (error);
  expected = json_from_string (future, &error);
  g_assert_no_error (error);
  json_object_remove_member (json_node_get_object (expected), "_rev");
  g_assert_true (json_node_equal (encoded, expected));
  g_assert_cmpuint (count_dirty (f->outbox_b), ==, 0);

  /* A known item turned newer: its rows stay, read-only. */
  pull_all (f, "1-abc", SL_OUTBOX_PULL_APPLIED);
  annotation = pulled (f, W, "2-new", "schema=2\nmood=\"happy\"");
  g_assert_cmpint (pull (f->outbox_b, annotation), ==, SL_OUTBOX_PULL_APPLIED);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT read_only FROM annotation WHERE uuid = '" SL_TEST_WIN_UUID "'"),
                   ==, 1);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT schema_version FROM sync_doc WHERE doc_id = '" W "'"), ==, 2);
  g_assert_cmpuint (count_dirty (f->outbox_b), ==, 0);
  /* Back at our schema, it is editable again. */
  back = pulled (f, W, "3-old", NULL);
  g_assert_cmpint (pull (f->outbox_b, back), ==, SL_OUTBOX_PULL_APPLIED);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT read_only FROM annotation WHERE uuid = '" SL_TEST_WIN_UUID "'"),
                   ==, 0);
  g_assert_cmpint (sl_test_query_int64 (f->s.b, "SELECT foreign_json IS NULL FROM sync_doc WHERE doc_id = '" W "'"),
                   ==, 1);
}

/* A workspace of schema 1 gets the outbox, with its shared items dirty. */
static void
test_migrate_from_1 (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.sunlight", NULL);
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  g_autofree char *dirty = NULL;

  schema = g_resources_lookup_data ("/io/github/sunlightapp/Sunlight/core/migrations/0001-initial.sql", 0, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("%.*s;"
                         "INSERT INTO workspace (id, uuid, name, currency, created_at) "
                         "VALUES (1, '9a1f3c5e-1f44-4e0e-9a51-4a1d2c3b4e01', 'Old', 'USD', 1);"
                         "INSERT INTO goal (uuid, objective, first_day, last_day, created_at, updated_at) "
                         "VALUES ('" SL_TEST_GOAL_UUID "', 'g', 1, 2, 1, 1);"
                         "INSERT INTO comment (uuid, target, body, author, created_at) "
                         "VALUES ('" SL_TEST_COMMENT_UUID "', '" G "', 'c', 'a', 1);"
                         "PRAGMA user_version = 1; PRAGMA application_id = %d;",
                         (int)g_bytes_get_size (schema), (const char *)g_bytes_get_data (schema, NULL),
                         SL_DATABASE_APPLICATION_ID);
  sl_test_sqlite_exec (path, sql);

  db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_database_get_schema_version (db), ==, SL_DATABASE_SCHEMA_VERSION);
  g_assert_nonnull (sl_database_get_backup_path (db));
  dirty = dirty_ids (db);
  g_assert_cmpstr (dirty, ==, "comment:" SL_TEST_COMMENT_UUID " " G);
  /* And the triggers are in place. */
  exec (db, "UPDATE sync_doc SET dirty = 0; UPDATE goal SET objective = 'h'");
  g_clear_pointer (&dirty, g_free);
  dirty = dirty_ids (db);
  g_assert_cmpstr (dirty, ==, G);

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/outbox/migrate-from-1", test_migrate_from_1);
  g_test_add ("/core/outbox/triggers", Fixture, NULL, fixture_setup, test_triggers, fixture_teardown);
  g_test_add ("/core/outbox/triggers-unpushed-delete", Fixture, NULL, fixture_setup,
              test_triggers_unpushed_delete, fixture_teardown);
  g_test_add ("/core/outbox/list-dirty", Fixture, NULL, fixture_setup, test_list_dirty, fixture_teardown);
  g_test_add ("/core/outbox/mark-pushed", Fixture, NULL, fixture_setup, test_mark_pushed, fixture_teardown);
  g_test_add ("/core/outbox/pull", Fixture, NULL, fixture_setup, test_pull, fixture_teardown);
  g_test_add ("/core/outbox/pull-merge", Fixture, NULL, fixture_setup, test_pull_merge, fixture_teardown);
  g_test_add ("/core/outbox/pull-conflict", Fixture, NULL, fixture_setup, test_pull_conflict, fixture_teardown);
  g_test_add ("/core/outbox/pull-tombstone", Fixture, NULL, fixture_setup, test_pull_tombstone, fixture_teardown);
  g_test_add ("/core/outbox/pull-refused", Fixture, NULL, fixture_setup, test_pull_refused, fixture_teardown);
  g_test_add ("/core/outbox/pull-unknown-members", Fixture, NULL, fixture_setup, test_pull_unknown_members,
              fixture_teardown);
  g_test_add ("/core/outbox/pull-newer-schema", Fixture, NULL, fixture_setup, test_pull_newer_schema,
              fixture_teardown);

  return g_test_run ();
}
