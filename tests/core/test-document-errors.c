/* test-document-errors.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strict decoding: each bad document, a good one with one thing
 * broken, is refused with an error naming the document and the field,
 * and the workspace it was applied to is unchanged.
 */

#include "config.h"

#include <string.h>

#include "sl-document-codec.h"
#include "sl-json-guard.h"
#include "sl-test-utils.h"

#define W       "annotation:" SL_TEST_WIN_UUID
#define LOSS    "annotation:" SL_TEST_LOSS_UUID
#define EXP     "annotation:" SL_TEST_EXPERIMENT_UUID
#define EXPENSE "annotation:" SL_TEST_EXPENSE_UUID
#define G       "goal:" SL_TEST_GOAL_UUID
#define P       "plan:" SL_TEST_PLAN_UUID
#define R       "request:" SL_TEST_REQUEST_UUID
#define C       "comment:" SL_TEST_COMMENT_UUID
#define D       "decision:" SL_TEST_DECISION_UUID
#define NOBODY  "\"5d1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c77\""
/* A plan budget line in b: not a request's. */
#define PLAN_LINE "5d1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c88"

typedef struct
{
  const char *doc;      /* a document of a, or NULL for raw text in value */
  const char *path;     /* what to change ("lines[1].amount.minor") */
  const char *value;    /* its new JSON, NULL to remove it, "!text" for raw text */
  int         code;
  const char *field;    /* the field the error must name, or NULL */
  const char *path2;    /* a second change, or NULL */
  const char *value2;
} BadCase;

#define E(x) SL_DOCUMENT_ERROR_##x

static const BadCase cases[] = {
  /* Missing, mistyped and bad values of every kind of field. */
  { W, "period", NULL, E (MISSING_FIELD), "period" },
  { W, "period.first", "\"2025-02-30\"", E (BAD_VALUE), "period.first" },
  { W, "period.first", "20250301", E (WRONG_TYPE), "period.first" },
  { W, "period.last", "\"2024-12-31\"", E (RULE), "period.last" },
  { W, "period.middle", "\"2025-05-15\"", E (UNKNOWN_FIELD), "period.middle" },
  { W, "kind", "\"triumph\"", E (BAD_VALUE), "kind" },
  { W, "kind", "null", E (WRONG_TYPE), "kind" },
  { W, "title", "42", E (WRONG_TYPE), "title" },
  { W, "title", NULL, E (MISSING_FIELD), "title" },
  { W, "hypothesis", "false", E (WRONG_TYPE), "hypothesis" },
  { W, "snapshot", "\"{}\"", E (WRONG_TYPE), "snapshot" },
  { W, "snapshot", "null", E (WRONG_TYPE), "snapshot" },
  { W, "snapshot.metrics", "{\"cac\": {\"num\": 12.5, \"den\": 1}}", E (WRONG_TYPE), "snapshot.metrics.cac.num" },
  { W, "snapshot.batches", "[1, 2.5]", E (WRONG_TYPE), "snapshot.batches[1]" },
  { W, "snapshot.deep", "!DEEP", E (INVALID), NULL },
  { W, "goal", "\"not-a-uuid\"", E (BAD_VALUE), "goal" },
  { W, "goal", NOBODY, E (REFERENCE), "goal" },
  { W, "campaign.channel", "\"Events\"", E (RULE), "campaign.channel" },
  { W, "campaign.channel", NULL, E (MISSING_FIELD), "campaign.channel" },
  { W, "campaign.name", "\"  \"", E (BAD_VALUE), "campaign.name" },
  { W, "campaign", "\"Spring\"", E (WRONG_TYPE), "campaign" },
  { W, "channel", "\"\"", E (BAD_VALUE), "channel" },
  { W, "channel", "7", E (WRONG_TYPE), "channel" },
  { W, "created_at", "\"2025-03-01\"", E (BAD_VALUE), "created_at" },
  { W, "updated_at", "\"2025-03-01T10:00:00\"", E (BAD_VALUE), "updated_at" },
  { W, "updated_at", NULL, E (MISSING_FIELD), "updated_at" },
  { W, "type", "\"memo\"", E (UNKNOWN_TYPE), "type" },
  { W, "type", "\"plan\"", E (BAD_VALUE), "_id" },
  { W, "type", NULL, E (MISSING_FIELD), "type" },
  { W, "_id", "\"annotation:xyz\"", E (BAD_VALUE), "_id" },
  { W, "_id", "\"annotation\"", E (BAD_VALUE), "_id" },
  { W, "_id", "17", E (WRONG_TYPE), "_id" },
  { W, "_id", NULL, E (MISSING_FIELD), "_id" },
  { W, "_deleted", "\"yes\"", E (WRONG_TYPE), "_deleted" },
  { W, "_rev", "3", E (WRONG_TYPE), "_rev" },
  { W, "schema", "\"1\"", E (WRONG_TYPE), "schema" },
  { W, "schema", "0", E (BAD_VALUE), "schema" },
  { W, "schema", "1.5", E (WRONG_TYPE), "schema" },
  { W, "schema", NULL, E (MISSING_FIELD), "schema" },
  { W, "workspace", "\"home\"", E (BAD_VALUE), "workspace" },
  { W, "author", "null", E (WRONG_TYPE), "author" },
  /* The rules of the schema. */
  { LOSS, "plan", "null", E (RULE), "plan" },
  { LOSS, "plan", NOBODY, E (REFERENCE), "plan" },
  { EXP, "hypothesis", "null", E (RULE), "hypothesis" },
  { EXP, "expected_outcome", "null", E (RULE), "expected_outcome" },
  /* Money. */
  { EXPENSE, "amount.minor", "4500.5", E (WRONG_TYPE), "amount.minor" },
  { EXPENSE, "amount.minor", "4.5e3", E (WRONG_TYPE), "amount.minor" },
  { EXPENSE, "amount.minor", "\"450000\"", E (WRONG_TYPE), "amount.minor" },
  { EXPENSE, "amount.minor", "!99999999999999999999", E (WRONG_TYPE), "amount.minor" },
  { EXPENSE, "amount.minor", "!-9223372036854775809", E (WRONG_TYPE), "amount.minor" },
  { EXPENSE, "amount.currency", "\"EURO\"", E (BAD_VALUE), "amount.currency" },
  { EXPENSE, "amount.currency", "\"XQZ\"", E (BAD_VALUE), "amount.currency" },
  { EXPENSE, "amount.currency", "\"eur\"", E (BAD_VALUE), "amount.currency" },
  { EXPENSE, "amount.currency", "978", E (WRONG_TYPE), "amount.currency" },
  { EXPENSE, "amount.currency", NULL, E (MISSING_FIELD), "amount.currency" },
  { EXPENSE, "amount", "450000", E (WRONG_TYPE), "amount" },
  { EXPENSE, "amount.cents", "0", E (UNKNOWN_FIELD), "amount.cents" },
  /* Goals and key results. */
  { G, "framework", "\"smart\"", E (BAD_VALUE), "framework" },
  { G, "key_results[0].unit", "\"percent\"", E (BAD_VALUE), "key_results[0].unit" },
  { G, "key_results[0].target", "5000000", E (RULE), "key_results[0].target" },
  { G, "key_results[1].target", "12.5", E (WRONG_TYPE), "key_results[1].target" },
  { G, "key_results[1].target", "{\"minor\": 5, \"currency\": \"USD\"}", E (RULE), "key_results[1].target" },
  { G, "key_results[0].target.currency", "\"EUR\"", E (BAD_VALUE), "key_results[0].target.currency" },
  { G, "key_results", "{}", E (WRONG_TYPE), "key_results" },
  { G, "key_results", NULL, E (MISSING_FIELD), "key_results" },
  { G, "key_results[2]", "\"x\"", E (WRONG_TYPE), "key_results[2]" },
  { G, "key_results[1].colour", "\"red\"", E (UNKNOWN_FIELD), "key_results[1].colour" },
  { G, "key_results[1].metric", NULL, E (MISSING_FIELD), "key_results[1].metric" },
  /* Plans and their lines. */
  { P, "status", "\"done\"", E (BAD_VALUE), "status" },
  { P, "lines[0].amount.currency", "\"EUR\"", E (RULE), "lines[0].amount.currency" },
  { P, "lines[1].amount.minor", "0", E (RULE), "lines[1].amount.minor" },
  { P, "lines[1].to_channel", "null", E (RULE), "lines[1].to_channel" },
  { P, "reserve_draw", "1500.00", E (WRONG_TYPE), "reserve_draw" },
  { P, "reserve_draw", "null", E (WRONG_TYPE), "reserve_draw" },
  { P, "applied_at", "\"yesterday\"", E (BAD_VALUE), "applied_at" },
  { P, "lines[0].from_day", "\"2025-07\"", E (BAD_VALUE), "lines[0].from_day" },
  { P, "goal", NOBODY, E (REFERENCE), "goal" },
  { P, "lines", "null", E (WRONG_TYPE), "lines" },
  /* Requests and their budget lines: the last ones fail after rows were written. */
  { R, "deadline", "\"2025-09-31\"", E (BAD_VALUE), "deadline" },
  { R, "lines[1].id", "\"0b7a3c5e-1f44-4e0e-9a51-4a1d2c3b4e11\"", E (RULE), "lines[1].id" },
  { R, "lines[1].campaign", "{\"channel\": \"Paid Search\", \"name\": \"X\"}", E (RULE), "lines[1].campaign" },
  { R, "lines[2].goal", NOBODY, E (REFERENCE), "lines[2].goal" },
  { R, "lines[0].id", "\"" PLAN_LINE "\"", E (BAD_VALUE), "lines[0].id" },
  { R, "lines[2].channel", "\"Podcasts\"", E (REFERENCE), "lines[2].goal", "lines[2].goal", NOBODY },
  { R, "title", "\"Renamed\"", E (REFERENCE), "lines[2].goal", "lines[2].goal", NOBODY },
  /* Comments and decisions. */
  { C, "target", "\"memo:5d1c0d9e-8d1b-4c55-9a43-2f6f1a0b7c77\"", E (BAD_VALUE), "target" },
  { C, "target", "\"plan\"", E (BAD_VALUE), "target" },
  { C, "body", NULL, E (MISSING_FIELD), "body" },
  { C, "body", "\"Edited\"", E (IMMUTABLE), NULL },
  { D, "verdict", "\"maybe\"", E (BAD_VALUE), "verdict" },
  { D, "verdict", "\"note\"", E (IMMUTABLE), NULL },
  { D, "meeting_day", "\"\"", E (BAD_VALUE), "meeting_day" },
  /* Not documents at all. */
  { NULL, NULL, "{", E (INVALID), NULL },
  { NULL, NULL, "[]", E (INVALID), NULL },
  { NULL, NULL, "", E (INVALID), NULL },
  { NULL, NULL, "null", E (INVALID), NULL },
  { NULL, NULL, "{\"_id\": \"goal:" SL_TEST_GOAL_UUID "\"}", E (MISSING_FIELD), "schema" },
};

typedef struct
{
  SlSyncFixture    s;
  SlDocumentCodec *codec_a;
  SlDocumentCodec *codec_b;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;

  sl_sync_fixture_setup (&f->s, 11);
  f->codec_a = sl_document_codec_new (f->s.a);
  f->codec_b = sl_document_codec_new (f->s.b);

  /* b holds every shared item of a, so that bad documents would change rows. */
  ids = sl_test_shared_doc_ids (f->s.a);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = sl_document_codec_encode (f->codec_a, ids->pdata[i], &error);
      g_autofree char *text = json_to_string (node, FALSE);
      g_autoptr(SlDocument) doc = sl_document_new_from_data (text, -1, &error);

      g_assert_no_error (error);
      sl_document_codec_apply (f->codec_b, doc, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sl_database_exec (f->s.b, "INSERT INTO budget_line (uuid, version, channel_id, first_day, "
                                           "last_day, amount_minor, currency) VALUES ('" PLAN_LINE "', 'plan', "
                                           "(SELECT min (id) FROM channel), 20362, 20392, 5, 'USD')", NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->codec_a);
  g_clear_object (&f->codec_b);
  sl_sync_fixture_teardown (&f->s);
}

/* Replaces the element @index of @array (an array can only grow or shrink). */
static JsonArray *
array_with (JsonArray *array,
            guint      index,
            JsonNode  *value)
{
  JsonArray *copy = json_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (i != index)
      json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
    else if (value != NULL)
      json_array_add_element (copy, json_node_copy (value));
  return copy;
}

/* Sets (or with @value NULL removes) the member or element at @path. */
static void
change (JsonNode   *root,
        const char *path,
        JsonNode   *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = json_node_get_object (root);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean last = parts[i + 1] == NULL;
      char *bracket = strchr (parts[i], '[');
      guint index = bracket ? (guint)g_ascii_strtoull (bracket + 1, NULL, 10) : 0;
      JsonArray *array;

      if (bracket != NULL)
        *bracket = '\0';
      if (last && bracket == NULL)
        {
          if (value != NULL)
            json_object_set_member (object, parts[i], json_node_copy (value));
          else
            json_object_remove_member (object, parts[i]);
          return;
        }
      if (bracket == NULL)
        {
          object = json_object_get_object_member (object, parts[i]);
          continue;
        }
      array = json_object_get_array_member (object, parts[i]);
      if (last)
        {
          json_object_set_array_member (object, parts[i], array_with (array, index, value));
          return;
        }
      object = json_array_get_object_element (array, index);
    }
}

static char *
deep_nesting (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < SL_JSON_MAX_DEPTH + 10; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < SL_JSON_MAX_DEPTH + 10; i++)
    g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}

/* Raw text ("!…") goes in after serializing, where json-glib could not
 * hold it: numbers beyond int64, nesting beyond any limit. */
static void
apply_change (JsonNode    *root,
              const char  *path,
              const char  *value,
              char       **raw)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (value != NULL && value[0] == '!')
    {
      node = json_node_init_string (json_node_alloc (), "@RAW@");
      *raw = strcmp (value, "!DEEP") == 0 ? deep_nesting () : g_strdup (value + 1);
    }
  else if (value != NULL)
    {
      node = json_from_string (value, &error);
      g_assert_no_error (error);
    }
  change (root, path, node);
}

static char *
bad_text (Fixture       *f,
          const BadCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) halves = NULL;

  if (c->doc == NULL)
    return g_strdup (c->value);

  root = sl_document_codec_encode (f->codec_a, c->doc, &error);
  g_assert_no_error (error);
  apply_change (root, c->path, c->value, &raw);
  if (c->path2 != NULL)
    apply_change (root, c->path2, c->value2, &raw);
  text = json_to_string (root, FALSE);
  if (raw == NULL)
    return g_steal_pointer (&text);
  halves = g_strsplit (text, "\"@RAW@\"", 2);
  return g_strconcat (halves[0], raw, halves[1], NULL);
}

static void
check_case (Fixture       *f,
            const BadCase *c)
{
  g_autofree char *text = bad_text (f, c);
  g_autofree char *before = sl_test_dump_shared (f->s.b, TRUE);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDocument) doc = sl_document_new_from_data (text, -1, &error);

  g_test_message ("%s %s = %s", c->doc ? c->doc : "raw", c->path ? c->path : "", c->value);
  if (doc != NULL)
    g_assert_false (sl_document_codec_apply (f->codec_b, doc, &error));
  g_assert_error (error, SL_DOCUMENT_ERROR, c->code);
  g_test_message ("→ %s", error->message);
  if (c->field != NULL)
    {
      g_autofree char *named = g_strdup_printf ("field “%s”:", c->field);

      g_assert_nonnull (strstr (error->message, named));
    }
  if (c->doc != NULL && c->code != SL_DOCUMENT_ERROR_INVALID && g_strcmp0 (c->path, "_id") != 0)
    g_assert_true (g_str_has_prefix (error->message, c->doc));

  after = sl_test_dump_shared (f->s.b, TRUE);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_documents (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 30);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (f, &cases[i]);
}

/* The same documents, unbroken, are accepted: the table tests what it says. */
static void
test_good_documents (Fixture       *f,
                     gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      g_autoptr(SlDocument) doc = NULL;

      if (cases[i].doc == NULL)
        continue;
      root = sl_document_codec_encode (f->codec_a, cases[i].doc, &error);
      g_assert_no_error (error);
      text = json_to_string (root, FALSE);
      doc = sl_document_new_from_data (text, -1, &error);
      g_assert_no_error (error);
      sl_document_codec_apply (f->codec_b, doc, &error);
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/document-errors/bad", Fixture, NULL, fixture_setup, test_bad_documents, fixture_teardown);
  g_test_add ("/core/document-errors/good", Fixture, NULL, fixture_setup, test_good_documents, fixture_teardown);

  return g_test_run ();
}
