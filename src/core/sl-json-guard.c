/* sl-json-guard.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-json-guard.h"

/* Where the scanner is inside one array or object. */
typedef struct
{
  gboolean    object;
  gboolean    want_key;  /* an object before its next ':' */
  const char *key;       /* the current member's name, as written */
  gsize       key_len;
  guint       index;     /* the current element of an array */
} Level;

typedef struct
{
  const char *p;
  const char *end;
  Level      *levels;
  guint       depth;
  guint       max_depth;
} Scanner;

static char *
scanner_path (Scanner *s)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < s->depth; i++)
    {
      Level *level = &s->levels[i];

      if (!level->object)
        g_string_append_printf (path, "[%u]", level->index);
      else if (level->key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, level->key, level->key_len);
        }
    }
  return g_string_free (path, FALSE);
}

/* Skips a string starting at its opening quote; returns its contents. */
static void
scan_string (Scanner     *s,
             const char **start,
             gsize       *len)
{
  const char *p = s->p + 1;

  *start = p;
  while (p < s->end && *p != '"')
    p += (*p == '\\' && p + 1 < s->end) ? 2 : 1;
  *len = p - *start;
  s->p = p < s->end ? p + 1 : p;
}

/* Skips a number; FALSE when it is a whole number outside int64. */
static gboolean
scan_number (Scanner *s)
{
  const char *start = s->p;
  const char *digits;
  char buffer[32];
  gsize len;
  gint64 value;

  while (s->p < s->end && *s->p != '\0' && strchr ("0123456789+-.eE", *s->p) != NULL)
    s->p++;

  /* Only a JSON integer, -?[0-9]+, is checked; anything else is a
   * fraction or junk the parser reports. */
  len = s->p - start;
  digits = start + (len > 0 && *start == '-');
  if (digits == s->p)
    return TRUE;
  for (const char *q = digits; q < s->p; q++)
    if (!g_ascii_isdigit (*q))
      return TRUE;

  if (len >= sizeof buffer)
    return FALSE;
  memcpy (buffer, start, len);
  buffer[len] = '\0';
  return g_ascii_string_to_signed (buffer, 10, G_MININT64, G_MAXINT64, &value, NULL);
}

static gboolean
scanner_push (Scanner  *s,
              gboolean  object)
{
  Level *level;

  if (s->depth == s->max_depth)
    return FALSE;
  level = &s->levels[s->depth++];
  memset (level, 0, sizeof *level);
  level->object = object;
  level->want_key = object;
  return TRUE;
}

static void
scanner_separator (Scanner *s,
                   char     c)
{
  Level *top = s->depth > 0 ? &s->levels[s->depth - 1] : NULL;

  if (top == NULL)
    return;
  if (c == ':' && top->object)
    top->want_key = FALSE;
  else if (c == ',' && top->object)
    {
      top->want_key = TRUE;
      top->key = NULL;
    }
  else if (c == ',')
    top->index++;
}

static void
scanner_string (Scanner *s)
{
  Level *top = s->depth > 0 ? &s->levels[s->depth - 1] : NULL;
  const char *start;
  gsize len;

  scan_string (s, &start, &len);
  if (top != NULL && top->object && top->want_key)
    {
      top->key = start;
      top->key_len = len;
    }
}

static SlJsonGuardResult
scanner_run (Scanner *s)
{
  while (s->p < s->end)
    {
      char c = *s->p;

      if (c == '"')
        scanner_string (s);
      else if (c == '-' || g_ascii_isdigit (c))
        {
          if (!scan_number (s))
            return SL_JSON_GUARD_RANGE;
        }
      else
        {
          if ((c == '{' || c == '[') && !scanner_push (s, c == '{'))
            return SL_JSON_GUARD_DEPTH;
          if ((c == '}' || c == ']') && s->depth > 0)
            s->depth--;
          if (c == ':' || c == ',')
            scanner_separator (s, c);
          s->p++;
        }
    }
  return SL_JSON_GUARD_OK;
}

SlJsonGuardResult
sl_json_guard_check (const char  *data,
                     gsize        length,
                     guint        max_depth,
                     char       **path)
{
  Scanner s = { data, data + length, NULL, 0, max_depth };
  SlJsonGuardResult result;

  g_return_val_if_fail (data != NULL || length == 0, SL_JSON_GUARD_OK);
  g_return_val_if_fail (max_depth > 0, SL_JSON_GUARD_OK);

  s.levels = g_new (Level, max_depth);
  result = scanner_run (&s);
  if (result != SL_JSON_GUARD_OK && path != NULL)
    *path = scanner_path (&s);
  g_free (s.levels);
  return result;
}

gboolean
sl_json_node_holds (JsonNode *node,
                    GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

const char *
sl_json_get_string (JsonObject *object,
                    const char *name,
                    const char *fallback)
{
  JsonNode *node = member (object, name);

  return sl_json_node_holds (node, G_TYPE_STRING) ? json_node_get_string (node) : fallback;
}

gint64
sl_json_get_int (JsonObject *object,
                 const char *name,
                 gint64      fallback)
{
  JsonNode *node = member (object, name);

  return sl_json_node_holds (node, G_TYPE_INT64) ? json_node_get_int (node) : fallback;
}

JsonObject *
sl_json_get_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
sl_json_get_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}
