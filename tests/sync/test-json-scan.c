/* test-json-scan.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's JSON scanner and the documents it reads: what is JSON
 * and what is not, bodies kept as written, fields decoded for the rules.
 */

#include "config.h"

#include <string.h>

#include "sl-server-doc.h"
#include "sl-server-error.h"

static gboolean
is_json (const char *text,
         gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_auto(SlJsonScan) scan = { 0 };
  gboolean ok;

  ok = sl_json_scan_init (&scan, text, length, &error) &&
       sl_json_scan_skip (&scan, &error) &&
       sl_json_scan_at_end (&scan, &error);
  if (!ok)
    {
      g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    g_assert_no_error (error);
  return ok;
}

static void
test_valid (void)
{
  const char * const valid[] = {
    "{}", "[]", "0", "-0", "1.5", "-12.25e+10", "1E-3", "true", "false", "null",
    "\"\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u00e9\\ud83d\\ude00\"", "\"é中\"",
    " { \"a\" : [ 1 , { } , [ ] ] , \"b\" : null } ", "[[[[[]]]]]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("%s", valid[i]);
      g_assert_true (is_json (valid[i], strlen (valid[i])));
    }
}

static void
test_invalid (void)
{
  const char * const invalid[] = {
    "", " ", "{", "}", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}",
    "{a:1}", "{'a':1}", "01", "1.", ".5", "+1", "-", "1e", "NaN", "Infinity", "nul", "tru",
    "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
    "\"tab\there\"", "{} {}", "[1]]", "\"\\", "{\"a\":1 \"b\":2}",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (is_json (invalid[i], strlen (invalid[i])));
    }

  /* Not UTF-8, or holding a NUL byte. */
  g_assert_false (is_json ("\"\xff\"", 3));
  g_assert_false (is_json ("\"a\0b\"", 5));

  /* As deep as allowed, and one more. */
  for (guint i = 0; i < SL_JSON_TEXT_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < SL_JSON_TEXT_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_assert_true (is_json (deep->str, deep->len));
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  g_assert_false (is_json (deep->str, deep->len));
}

static SlServerDoc *
read_doc (const char *text)
{
  g_autoptr(GError) error = NULL;
  SlServerDoc *doc = sl_server_doc_new_from_text (text, -1, &error);

  g_assert_no_error (error);
  return doc;
}

static void
assert_doc_refused (const char *text,
                    const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlServerDoc) doc = sl_server_doc_new_from_text (text, -1, &error);

  g_assert_null (doc);
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, reason));
}

/* The body is what the client wrote, less whitespace and `_` members;
 * numbers and escapes stay as written. */
static void
test_doc_body (void)
{
  g_autoptr(SlServerDoc) doc = read_doc (
    " { \"_id\" : \"plan:1\" , \"a\" : [ 1 , 2.50 , 1e3 ] ,\n"
    "   \"_rev\":\"2-abc\", \"s\" : \"x y\\u00e9\\n\", \"_conflicts\": [\"1-x\"],"
    " \"o\" : { \"k\" : null } } ");
  g_autoptr(SlServerDoc) empty = read_doc ("{\"_id\":\"x\"}");

  g_assert_cmpstr (doc->id, ==, "plan:1");
  g_assert_true (doc->has_id);
  g_assert_true (doc->has_rev);
  g_assert_cmpuint (doc->rev_generation, ==, 2);
  g_assert_cmpstr (doc->rev_hash, ==, "abc");
  g_assert_cmpstr (doc->body, ==, "{\"a\":[1,2.50,1e3],\"s\":\"x y\\u00e9\\n\",\"o\":{\"k\":null}}");
  g_assert_cmpstr (empty->body, ==, "{}");
}

/* The rules read decoded values: escapes do not hide a verdict. A
 * member named twice is refused, escapes or not: parsers differ on
 * which one counts, and the rules must judge what clients read. */
static void
test_doc_fields (void)
{
  g_autoptr(SlServerDoc) doc = read_doc ("{\"type\":\"\\u0070lan\","
                                         "\"status\":\"appro\\u0076ed\",\"author\":7,"
                                         "\"\\u005fid\":\"plan:2\"}");
  SlServerDocFields stored = { 0 };

  g_assert_cmpstr (doc->fields.type, ==, "plan");
  g_assert_cmpstr (doc->fields.status, ==, "approved");
  g_assert_null (doc->fields.author);
  g_assert_cmpstr (doc->id, ==, "plan:2");

  g_assert_true (sl_server_doc_fields_read (doc->body, &stored));
  g_assert_cmpstr (stored.type, ==, "plan");
  g_assert_cmpstr (stored.status, ==, "approved");
  sl_server_doc_fields_clear (&stored);
  g_assert_false (sl_server_doc_fields_read ("[1]", &stored));

  assert_doc_refused ("{\"status\":\"draft\",\"status\":\"approved\"}", "named twice");
  assert_doc_refused ("{\"status\":\"draft\",\"st\\u0061tus\":\"approved\"}", "named twice");
  assert_doc_refused ("{\"_id\":\"a\",\"_id\":\"b\"}", "named twice");
  assert_doc_refused ("{\"o\":{\"k\":1,\"k\":2}}", "named twice");
  /* The same name in different objects is no duplicate. */
  {
    g_autoptr(SlServerDoc) nested = read_doc ("{\"k\":{\"k\":{\"k\":1}},\"l\":[{\"k\":1},{\"k\":2}]}");

    g_assert_cmpstr (nested->body, ==, "{\"k\":{\"k\":{\"k\":1}},\"l\":[{\"k\":1},{\"k\":2}]}");
  }
}

static void
test_doc_special (void)
{
  g_autoptr(SlServerDoc) replicated = read_doc (
    "{\"_id\":\"a\",\"_rev\":\"3-c\",\"_deleted\":true,"
    "\"_revisions\":{\"ids\":[\"c\",\"b\",\"a\"],\"start\":3}}");
  g_autoptr(SlServerDoc) unnamed = read_doc ("{\"x\":1}");
  g_autoptr(GError) error = NULL;

  g_assert_true (replicated->deleted);
  g_assert_cmpuint (replicated->revisions_start, ==, 3);
  g_assert_cmpuint (g_strv_length (replicated->revisions), ==, 3);
  g_assert_cmpstr (replicated->revisions[2], ==, "a");
  g_assert_cmpuint (strlen (unnamed->id), ==, 32);
  g_assert_false (unnamed->has_id);
  g_assert_false (sl_server_doc_check_replicated (unnamed, &error));
  g_assert_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST);

  assert_doc_refused ("[]", "JSON object");
  assert_doc_refused ("{\"_id\":7}", "must be a string");
  assert_doc_refused ("{\"_id\":\"\"}", "must not be empty");
  assert_doc_refused ("{\"_id\":\"_x\"}", "reserved");
  assert_doc_refused ("{\"_id\":\"a\\u0000b\"}", "\\u0000");
  assert_doc_refused ("{\"_rev\":\"x\"}", "Invalid rev");
  assert_doc_refused ("{\"_deleted\":\"yes\"}", "true or false");
  assert_doc_refused ("{\"_rev\":\"2-b\",\"_revisions\":{\"start\":2,\"ids\":[\"c\",\"a\"]}}",
                      "do not agree");
  assert_doc_refused ("{\"_revisions\":{\"start\":1,\"ids\":[\"c\",\"a\"]}}", "_revisions");
  assert_doc_refused ("{\"_revisions\":{\"start\":99999999999999999999,\"ids\":[\"c\"]}}",
                      "out of range");
  assert_doc_refused ("{\"_attachments\":{}}", "attachments");
  assert_doc_refused ("{\"_zap\":1}", "Bad special document member: _zap");
  assert_doc_refused ("{\"a\":1} x", "after the JSON value");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/json-scan/valid", test_valid);
  g_test_add_func ("/sync/json-scan/invalid", test_invalid);
  g_test_add_func ("/sync/json-scan/doc-body", test_doc_body);
  g_test_add_func ("/sync/json-scan/doc-fields", test_doc_fields);
  g_test_add_func ("/sync/json-scan/doc-special", test_doc_special);

  return g_test_run ();
}
