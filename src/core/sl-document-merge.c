/* sl-document-merge.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-document-merge.h"
#include "sl-document-private.h"
#include "sl-json-guard.h"

static gboolean
same (JsonNode *a,
      JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static gboolean
is_tombstone (JsonObject *object)
{
  JsonNode *node = object ? json_object_get_member (object, "_deleted") : NULL;

  return sl_json_node_holds (node, G_TYPE_BOOLEAN) && json_node_get_boolean (node);
}

static gboolean
is_immutable (JsonObject *object)
{
  const char *type = sl_json_get_string (object, "type", "");

  return strcmp (type, "comment") == 0 || strcmp (type, "decision") == 0;
}

/* The later of two times; theirs when either cannot be read. */
static JsonNode *
later_time (JsonNode *mine,
            JsonNode *theirs)
{
  gint64 a, b;

  if (!sl_json_node_holds (mine, G_TYPE_STRING) || !sl_json_node_holds (theirs, G_TYPE_STRING) ||
      !sl_document_parse_time (json_node_get_string (mine), &a) ||
      !sl_document_parse_time (json_node_get_string (theirs), &b))
    return theirs ? theirs : mine;
  return a > b ? mine : theirs;
}

/* Every member name of the three, theirs' order first, CouchDB's left out. */
static GPtrArray *
member_names (JsonObject *base,
              JsonObject *mine,
              JsonObject *theirs)
{
  JsonObject *objects[] = { theirs, mine, base };
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      JsonObjectIter iter;
      const char *name;

      if (objects[i] == NULL)
        continue;
      json_object_iter_init_ordered (&iter, objects[i]);
      while (json_object_iter_next_ordered (&iter, &name, NULL))
        if (!sl_document_is_meta_member (name) && g_hash_table_add (seen, (gpointer)name))
          g_ptr_array_add (names, (gpointer)name);
    }
  return names;
}

/* One member's merged value in *out (NULL: absent); FALSE on a clash. */
static gboolean
merge_member (const char  *name,
              JsonObject  *base,
              JsonObject  *mine,
              JsonObject  *theirs,
              JsonNode   **out)
{
  JsonNode *b = base ? json_object_get_member (base, name) : NULL;
  JsonNode *m = json_object_get_member (mine, name);
  JsonNode *t = json_object_get_member (theirs, name);

  if (strcmp (name, "updated_at") == 0)
    *out = later_time (m, t);
  else if (same (m, t) || same (b, m))
    *out = t;
  else if (same (b, t))
    *out = m;
  else
    return FALSE;
  return TRUE;
}

JsonObject *
sl_document_merge (JsonObject   *base,
                   JsonObject   *mine,
                   JsonObject   *theirs,
                   char       ***clashes)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) clashing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) merged = json_object_new ();

  g_return_val_if_fail (mine != NULL, NULL);
  g_return_val_if_fail (theirs != NULL, NULL);
  g_return_val_if_fail (clashes != NULL, NULL);

  *clashes = NULL;
  if (is_immutable (theirs) || (is_tombstone (mine) && is_tombstone (theirs)))
    return sl_document_strip_meta (theirs);
  if (is_tombstone (mine) || is_tombstone (theirs))
    g_ptr_array_add (clashing, g_strdup ("_deleted"));
  else
    {
      names = member_names (base, mine, theirs);
      for (guint i = 0; i < names->len; i++)
        {
          JsonNode *value = NULL;

          if (!merge_member (names->pdata[i], base, mine, theirs, &value))
            g_ptr_array_add (clashing, g_strdup (names->pdata[i]));
          else if (value != NULL)
            json_object_set_member (merged, names->pdata[i], json_node_copy (value));
        }
    }

  if (clashing->len > 0)
    {
      g_ptr_array_add (clashing, NULL);
      *clashes = (char **)g_ptr_array_free (g_steal_pointer (&clashing), FALSE);
      return NULL;
    }
  return g_steal_pointer (&merged);
}
