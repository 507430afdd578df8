/* sl-test-json.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-test-json.h"

JsonNode *
sl_test_json_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_test_message ("not JSON: %.400s", text);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
step (JsonNode   *node,
      const char *part)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_member (json_node_get_object (node), part);

  if (JSON_NODE_HOLDS_ARRAY (node) && g_ascii_isdigit (part[0]))
    {
      JsonArray *array = json_node_get_array (node);
      guint64 index = g_ascii_strtoull (part, NULL, 10);

      if (index < json_array_get_length (array))
        return json_array_get_element (array, (guint) index);
    }

  return NULL;
}

JsonNode *
sl_test_json_find (JsonNode   *root,
                   const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (parts[i][0] != '\0')
        node = step (node, parts[i]);
    }

  return node;
}

static JsonNode *
find_or_fail (JsonNode   *root,
              const char *path)
{
  JsonNode *node = sl_test_json_find (root, path);

  if (node == NULL)
    {
      g_autofree char *text = sl_test_json_to_text (root);

      g_test_message ("no %s in %.600s", path, text);
    }
  g_assert_nonnull (node);
  return node;
}

const char *
sl_test_json_string (JsonNode   *root,
                     const char *path)
{
  JsonNode *node = find_or_fail (root, path);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  return json_node_get_string (node);
}

gint64
sl_test_json_int (JsonNode   *root,
                  const char *path)
{
  JsonNode *node = find_or_fail (root, path);

  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  return json_node_get_int (node);
}

guint
sl_test_json_length (JsonNode   *root,
                     const char *path)
{
  JsonNode *node = find_or_fail (root, path);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_length (json_node_get_array (node));
}

char *
sl_test_json_to_text (JsonNode *root)
{
  return json_to_string (root, FALSE);
}
