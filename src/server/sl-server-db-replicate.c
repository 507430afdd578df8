/* sl-server-db-replicate.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What replicators ask before and while copying: `_revs_diff` and
 * `_bulk_get`.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include "sl-json-text.h"
#include "sl-server-db-private.h"
#include "sl-server-error.h"

/* The tree of @id, or an empty one when there is no such document. */
static SlRevTree *
load_tree_or_empty (SlServerDb  *self,
                    const char  *id,
                    GError     **error)
{
  gint64 doc_row;

  if (!sl_server_db_find_doc (self, id, &doc_row, error))
    return NULL;
  if (doc_row == 0)
    return sl_rev_tree_new ();

  return sl_server_db_load_tree (self, doc_row, error);
}

/* Appends "id":{"missing":[…]} when some of @revs are unknown. */
static gboolean
append_missing (SlServerDb  *self,
                GString     *out,
                const char  *id,
                JsonArray   *revs,
                GError     **error)
{
  g_autoptr(SlRevTree) tree = load_tree_or_empty (self, id, error);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  guint n = json_array_get_length (revs);

  if (tree == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *rev = json_array_get_string_element (revs, i);

      if (sl_rev_tree_find_rev (tree, rev) < 0)
        g_ptr_array_add (missing, (gpointer) rev);
    }

  if (missing->len == 0)
    return TRUE;

  if (out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  sl_json_text_append_string (out, id);
  g_string_append (out, ":{\"missing\":[");
  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sl_json_text_append_string (out, g_ptr_array_index (missing, i));
    }
  g_string_append (out, "]}");
  return TRUE;
}

static gboolean
check_revs_diff (JsonObject  *request,
                 GError     **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *revs;

  json_object_iter_init (&iter, request);
  while (json_object_iter_next (&iter, &id, &revs))
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (revs) ? json_node_get_array (revs) : NULL;
      guint n = array != NULL ? json_array_get_length (array) : 0;

      if (array == NULL)
        return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                    "_revs_diff takes {\"id\": [\"rev\", …], …}");
      for (guint i = 0; i < n; i++)
        {
          if (json_node_get_value_type (json_array_get_element (array, i)) != G_TYPE_STRING)
            return sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST,
                                        "_revs_diff takes {\"id\": [\"rev\", …], …}");
        }
    }

  return TRUE;
}

GString *
sl_server_db_revs_diff (SlServerDb  *self,
                        JsonObject  *request,
                        GError     **error)
{
  g_autoptr(GString) out = g_string_new ("{");
  JsonObjectIter iter;
  const char *id;
  JsonNode *revs;

  if (!sl_server_db_check_open (self, error) || !check_revs_diff (request, error))
    return NULL;

  json_object_iter_init_ordered (&iter, request);
  while (json_object_iter_next_ordered (&iter, &id, &revs))
    {
      if (!append_missing (self, out, id, json_node_get_array (revs), error))
        return NULL;
    }

  g_string_append_c (out, '}');
  return g_steal_pointer (&out);
}

static void
append_error (GString    *out,
              const char *id,
              const char *rev,
              const char *kind,
              const char *reason)
{
  g_string_append (out, "{\"error\":{\"id\":");
  if (id != NULL)
    sl_json_text_append_string (out, id);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"rev\":");
  if (rev != NULL)
    sl_json_text_append_string (out, rev);
  else
    g_string_append (out, "null");
  g_string_append_printf (out, ",\"error\":\"%s\",\"reason\":\"%s\"}}", kind, reason);
}

/* The `docs` of one `_bulk_get` entry. */
static gboolean
append_entry_docs (SlServerDb         *self,
                   GString            *out,
                   const char         *id,
                   const char         *rev,
                   SlServerReadFlags   flags,
                   GError            **error)
{
  g_autoptr(SlRevTree) tree = load_tree_or_empty (self, id, error);
  g_autoptr(GArray) found = NULL;
  guint n_added = 0;

  if (tree == NULL)
    return FALSE;

  if (rev != NULL)
    found = sl_server_db_find_latest (tree, rev);
  else
    {
      int winner = sl_rev_tree_get_winner (tree);

      found = g_array_new (FALSE, FALSE, sizeof (int));
      if (winner >= 0 && !sl_rev_tree_get_node (tree, winner)->deleted)
        g_array_append_val (found, winner);
    }

  if (!sl_server_db_append_oks (self, out, id, tree, found, flags, &n_added, error))
    return FALSE;
  if (n_added == 0)
    append_error (out, id, rev, "not_found", rev == NULL && tree != NULL &&
                  sl_rev_tree_get_n_nodes (tree) > 0 ? "deleted" : "missing");
  return TRUE;
}

static gboolean
append_entry (SlServerDb         *self,
              GString            *out,
              JsonNode           *entry,
              SlServerReadFlags   flags,
              GError            **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;
  JsonNode *id = object ? json_object_get_member (object, "id") : NULL;
  JsonNode *rev = object ? json_object_get_member (object, "rev") : NULL;
  const char *id_text = NULL;
  const char *rev_text = NULL;

  if (id != NULL && json_node_get_value_type (id) == G_TYPE_STRING)
    id_text = json_node_get_string (id);
  if (rev != NULL && json_node_get_value_type (rev) == G_TYPE_STRING)
    rev_text = json_node_get_string (rev);

  g_string_append (out, "{\"id\":");
  if (id_text != NULL)
    sl_json_text_append_string (out, id_text);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"docs\":[");

  if (id_text == NULL || !g_utf8_validate (id_text, -1, NULL))
    append_error (out, NULL, rev_text, "bad_request", "Each entry needs an id");
  else if (!append_entry_docs (self, out, id_text, rev_text, flags, error))
    return FALSE;

  g_string_append (out, "]}");
  return TRUE;
}

GString *
sl_server_db_bulk_get (SlServerDb         *self,
                       JsonObject         *request,
                       SlServerReadFlags   flags,
                       GError            **error)
{
  JsonNode *docs = json_object_get_member (request, "docs");
  g_autoptr(GString) out = g_string_new ("{\"results\":[");
  JsonArray *array;
  guint n;

  if (!sl_server_db_check_open (self, error))
    return NULL;
  if (docs == NULL || !JSON_NODE_HOLDS_ARRAY (docs))
    {
      sl_server_error_set (error, SL_SERVER_ERROR_BAD_REQUEST, "Missing JSON list of 'docs'.");
      return NULL;
    }

  array = json_node_get_array (docs);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (!append_entry (self, out, json_array_get_element (array, i), flags, error))
        return NULL;
    }

  g_string_append (out, "]}");
  return g_steal_pointer (&out);
}
