/* sl-json-text.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sl-json-scan.h"
#include "sl-json-text.h"
#include "sl-server-error.h"

JsonNode *
sl_json_text_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(SlJsonScan) scan = { 0 };
  JsonNode *root;

  /* The scanner refuses what json-glib's recursive parser should not
   * see (deep nesting) and gives the reasons. */
  if (!sl_json_scan_init (&scan, data, length, error) ||
      !sl_json_scan_skip (&scan, error) ||
      !sl_json_scan_at_end (&scan, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL)
    {
      g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST, "invalid JSON: %s",
                   local_error != NULL ? local_error->message : "empty");
      return NULL;
    }

  return json_node_ref (root);
}

void
sl_json_text_append_string (GString    *out,
                            const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  /* The shortest form that reads back as the same double. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g"
                                      : precision == 16 ? "%.16g" : "%.17g",
                       value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  /* "1" would read back as an integer. */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
append_value (GString  *out,
              JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      append_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      sl_json_text_append_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
append_members (GString    *out,
                JsonObject *object,
                gboolean    skip_special)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (skip_special && name[0] == '_')
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      sl_json_text_append_string (out, name);
      g_string_append_c (out, ':');
      sl_json_text_append_node (out, member);
    }
  g_string_append_c (out, '}');
}

void
sl_json_text_append_node (GString  *out,
                          JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_members (out, json_node_get_object (node), FALSE);
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            sl_json_text_append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      append_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

void
sl_json_text_append_body (GString    *out,
                          JsonObject *object)
{
  append_members (out, object, TRUE);
}
