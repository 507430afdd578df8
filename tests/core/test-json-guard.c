/* test-json-guard.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading members of JSON from elsewhere: a member of the wrong type
 * reads as missing, never as NULL text or with a warning.
 */

#include "config.h"

#include "sl-json-guard.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return node;
}

static void
test_get_string (void)
{
  g_autoptr(JsonNode) node = parse ("{\"s\": \"text\", \"e\": \"\", \"n\": null, \"i\": 7, \"f\": 1.5, "
                                    "\"b\": true, \"a\": [\"x\"], \"o\": {\"x\": \"y\"}}");
  JsonObject *object = json_node_get_object (node);
  static const char * const others[] = { "n", "i", "f", "b", "a", "o", "missing" };

  g_assert_cmpstr (sl_json_get_string (object, "s", "fallback"), ==, "text");
  g_assert_cmpstr (sl_json_get_string (object, "e", "fallback"), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_cmpstr (sl_json_get_string (object, others[i], "fallback"), ==, "fallback");
      g_assert_null (sl_json_get_string (object, others[i], NULL));
    }
  g_assert_cmpstr (sl_json_get_string (NULL, "s", "fallback"), ==, "fallback");
}

static void
test_get_int (void)
{
  g_autoptr(JsonNode) node = parse ("{\"i\": -9223372036854775807, \"z\": 0, \"s\": \"7\", \"n\": null, "
                                    "\"f\": 7.0, \"b\": true, \"a\": [7], \"o\": {\"i\": 7}}");
  JsonObject *object = json_node_get_object (node);
  static const char * const others[] = { "s", "n", "f", "b", "a", "o", "missing" };

  g_assert_cmpint (sl_json_get_int (object, "i", 42), ==, -G_MAXINT64);
  g_assert_cmpint (sl_json_get_int (object, "z", 42), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_cmpint (sl_json_get_int (object, others[i], 42), ==, 42);
  g_assert_cmpint (sl_json_get_int (NULL, "i", 42), ==, 42);
}

static void
test_get_object_and_array (void)
{
  g_autoptr(JsonNode) node = parse ("{\"o\": {\"x\": 1}, \"a\": [1, 2], \"s\": \"{}\", \"n\": null, \"i\": 1}");
  JsonObject *object = json_node_get_object (node);
  static const char * const scalars[] = { "s", "n", "i", "missing" };

  g_assert_true (json_object_has_member (sl_json_get_object (object, "o"), "x"));
  g_assert_cmpuint (json_array_get_length (sl_json_get_array (object, "a")), ==, 2);
  g_assert_null (sl_json_get_object (object, "a"));
  g_assert_null (sl_json_get_array (object, "o"));
  for (guint i = 0; i < G_N_ELEMENTS (scalars); i++)
    {
      g_assert_null (sl_json_get_object (object, scalars[i]));
      g_assert_null (sl_json_get_array (object, scalars[i]));
    }
  g_assert_null (sl_json_get_object (NULL, "o"));
  g_assert_null (sl_json_get_array (NULL, "a"));
}

static void
test_node_holds (void)
{
  g_autoptr(JsonNode) node = parse ("{\"s\": \"7\", \"i\": 7, \"f\": 7.5, \"b\": false, \"n\": null, \"a\": [7]}");
  JsonObject *object = json_node_get_object (node);
  static const struct { const char *name; GType type; } values[] = {
    { "s", G_TYPE_STRING }, { "i", G_TYPE_INT64 }, { "f", G_TYPE_DOUBLE }, { "b", G_TYPE_BOOLEAN },
  };
  static const GType types[] = { G_TYPE_STRING, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_BOOLEAN };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint j = 0; j < G_N_ELEMENTS (types); j++)
      g_assert_cmpint (sl_json_node_holds (json_object_get_member (object, values[i].name), types[j]), ==,
                       values[i].type == types[j]);
  for (guint j = 0; j < G_N_ELEMENTS (types); j++)
    {
      g_assert_false (sl_json_node_holds (json_object_get_member (object, "n"), types[j]));
      g_assert_false (sl_json_node_holds (json_object_get_member (object, "a"), types[j]));
      g_assert_false (sl_json_node_holds (NULL, types[j]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Typed reads of members of JSON from elsewhere");

  g_test_add_func ("/core/json-guard/node-holds", test_node_holds);
  g_test_add_func ("/core/json-guard/get-string", test_get_string);
  g_test_add_func ("/core/json-guard/get-int", test_get_int);
  g_test_add_func ("/core/json-guard/get-object-and-array", test_get_object_and_array);
  return g_test_run ();
}
