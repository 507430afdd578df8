/* sl-server-doc.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-text.h"
#include "sl-rev-id.h"
#include "sl-server-doc.h"
#include "sl-server-error.h"

/* Special members a write may carry and the server ignores. */
static const char * const ignored_members[] = {
  "_conflicts", "_deleted_conflicts", "_revs_info", "_local_seq", NULL,
};

static gboolean
bad_request (GError     **error,
             const char  *reason)
{
  g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST, reason);
  return FALSE;
}

gboolean
sl_server_doc_check_id (const char  *id,
                        GError     **error)
{
  gsize length = id != NULL ? strlen (id) : 0;

  if (length == 0)
    return bad_request (error, "Document id must not be empty");
  if (length > SL_SERVER_DOC_MAX_ID)
    return bad_request (error, "Document id is too long");
  if (!g_utf8_validate (id, (gssize) length, NULL))
    return bad_request (error, "Document id must be valid UTF-8");

  for (const char *p = id; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return bad_request (error, "Document id must not contain control characters");
    }

  if (id[0] == '_' &&
      !(g_str_has_prefix (id, "_design/") && id[strlen ("_design/")] != '\0'))
    return bad_request (error, "Only reserved document ids may start with underscore.");

  return TRUE;
}

static gboolean
read_rev (SlServerDoc  *doc,
          const char   *text,
          GError      **error)
{
  SlRevId rev;

  if (!sl_rev_id_parse (text, &rev))
    return bad_request (error, "Invalid rev format");

  doc->has_rev = TRUE;
  doc->rev_generation = rev.generation;
  doc->rev_hash = g_strdup (rev.hash);
  return TRUE;
}

/* `_revisions`: {"start": N, "ids": ["newest", …]}, agreeing with `_rev`. */
static gboolean
read_revisions (SlServerDoc  *doc,
                JsonNode     *node,
                GError      **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *start = object ? json_object_get_member (object, "start") : NULL;
  JsonNode *ids = object ? json_object_get_member (object, "ids") : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  gint64 first;
  guint n;

  if (start == NULL || json_node_get_value_type (start) != G_TYPE_INT64 ||
      ids == NULL || !JSON_NODE_HOLDS_ARRAY (ids))
    return bad_request (error, "_revisions must be {\"start\": N, \"ids\": [...]}");

  array = json_node_get_array (ids);
  n = json_array_get_length (array);
  first = json_node_get_int (start);
  if (n == 0 || first < n || first > G_MAXINT32)
    return bad_request (error, "Invalid _revisions");

  for (guint i = 0; i < n; i++)
    {
      JsonNode *id = json_array_get_element (array, i);

      if (json_node_get_value_type (id) != G_TYPE_STRING ||
          !sl_rev_id_hash_is_valid (json_node_get_string (id)))
        return bad_request (error, "Invalid rev format in _revisions");
      g_strv_builder_add (builder, json_node_get_string (id));
    }

  doc->revisions_start = (guint) first;
  doc->revisions = g_strv_builder_end (builder);

  if (doc->has_rev &&
      (doc->rev_generation != doc->revisions_start ||
       strcmp (doc->rev_hash, doc->revisions[0]) != 0))
    return bad_request (error, "_rev and _revisions do not agree");

  return TRUE;
}

static gboolean
read_special (SlServerDoc  *doc,
              const char   *name,
              JsonNode     *member,
              GError      **error)
{
  if (strcmp (name, "_id") == 0)
    {
      if (json_node_get_value_type (member) != G_TYPE_STRING)
        return bad_request (error, "Document id must be a string");
      doc->id = g_strdup (json_node_get_string (member));
      return sl_server_doc_check_id (doc->id, error);
    }
  if (strcmp (name, "_rev") == 0)
    {
      if (json_node_get_value_type (member) != G_TYPE_STRING)
        return bad_request (error, "Invalid rev format");
      return read_rev (doc, json_node_get_string (member), error);
    }
  if (strcmp (name, "_deleted") == 0)
    {
      if (json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        return bad_request (error, "_deleted must be true or false");
      doc->deleted = json_node_get_boolean (member);
      return TRUE;
    }
  if (strcmp (name, "_revisions") == 0)
    return TRUE;   /* read once `_rev` is known */
  if (strcmp (name, "_attachments") == 0)
    return bad_request (error, "sunlight-server does not store attachments");
  if (g_strv_contains (ignored_members, name))
    return TRUE;

  g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
               "Bad special document member: %s", name);
  return FALSE;
}

char *
sl_server_doc_new_uuid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *id = g_string_sized_new (32);

  for (const char *p = uuid; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (id, *p);

  return g_string_free (id, FALSE);
}

SlServerDoc *
sl_server_doc_new_from_json (JsonObject  *object,
                             gboolean     new_edits,
                             GError     **error)
{
  g_autoptr(SlServerDoc) doc = g_new0 (SlServerDoc, 1);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  GString *body;

  doc->object = json_object_ref (object);
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (name[0] == '_' && !read_special (doc, name, member, error))
        return NULL;
    }

  member = json_object_get_member (object, "_revisions");
  if (member != NULL && !read_revisions (doc, member, error))
    return NULL;

  if (!new_edits && !doc->has_rev)
    {
      bad_request (error, "A replicated document needs its _rev");
      return NULL;
    }
  if (doc->id == NULL)
    doc->id = sl_server_doc_new_uuid ();

  body = g_string_sized_new (256);
  sl_json_text_append_body (body, object);
  doc->body = g_string_free (body, FALSE);
  return g_steal_pointer (&doc);
}

SlServerDoc *
sl_server_doc_new_deletion (const char  *id,
                            const char  *rev,
                            GError     **error)
{
  g_autoptr(SlServerDoc) doc = g_new0 (SlServerDoc, 1);

  if (!sl_server_doc_check_id (id, error))
    return NULL;

  doc->id = g_strdup (id);
  doc->deleted = TRUE;
  doc->body = g_strdup ("{}");
  doc->object = json_object_new ();
  json_object_set_string_member (doc->object, "_id", id);
  json_object_set_boolean_member (doc->object, "_deleted", TRUE);

  if (rev != NULL && !read_rev (doc, rev, error))
    return NULL;

  return g_steal_pointer (&doc);
}

gboolean
sl_server_doc_set_path_id (SlServerDoc  *doc,
                           const char   *id,
                           GError      **error)
{
  if (json_object_has_member (doc->object, "_id"))
    {
      if (g_strcmp0 (doc->id, id) != 0)
        return bad_request (error, "Document id in the body does not match the URL");
      return TRUE;
    }
  if (!sl_server_doc_check_id (id, error))
    return FALSE;

  g_free (doc->id);
  doc->id = g_strdup (id);
  return TRUE;
}

gboolean
sl_server_doc_set_rev (SlServerDoc  *doc,
                       const char   *rev,
                       GError      **error)
{
  g_autofree char *current = sl_server_doc_dup_rev (doc);

  if (current != NULL)
    {
      if (g_strcmp0 (current, rev) != 0)
        return bad_request (error, "Document rev from request body and query string "
                                   "have different values");
      return TRUE;
    }

  return read_rev (doc, rev, error);
}

void
sl_server_doc_free (SlServerDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->id);
  g_free (doc->rev_hash);
  g_strfreev (doc->revisions);
  g_free (doc->body);
  g_clear_pointer (&doc->object, json_object_unref);
  g_free (doc);
}

char *
sl_server_doc_dup_rev (SlServerDoc *doc)
{
  if (!doc->has_rev)
    return NULL;

  return sl_rev_id_format (doc->rev_generation, doc->rev_hash);
}

void
sl_server_doc_append_rev (GString    *out,
                          guint       generation,
                          const char *hash)
{
  /* Hashes are letters and digits: nothing to escape. */
  g_string_append_printf (out, "\"%u-%s\"", generation, hash);
}

static void
append_strings (GString            *out,
                const char * const *strings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; strings[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sl_json_text_append_string (out, strings[i]);
    }
  g_string_append_c (out, ']');
}

void
sl_server_doc_append_json (GString               *out,
                           const SlServerDocView *view)
{
  gsize body_length = strlen (view->body);

  g_string_append (out, "{\"_id\":");
  sl_json_text_append_string (out, view->id);
  g_string_append (out, ",\"_rev\":");
  sl_server_doc_append_rev (out, view->generation, view->hash);
  if (view->deleted)
    g_string_append (out, ",\"_deleted\":true");
  if (view->revisions != NULL)
    {
      g_string_append_printf (out, ",\"_revisions\":{\"start\":%u,\"ids\":",
                              view->revisions_start);
      append_strings (out, view->revisions);
      g_string_append_c (out, '}');
    }
  if (view->conflicts != NULL && view->conflicts[0] != NULL)
    {
      g_string_append (out, ",\"_conflicts\":");
      append_strings (out, view->conflicts);
    }

  /* The body is "{…}": its members follow ours. */
  if (body_length > 2)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, view->body + 1, (gssize) body_length - 1);
    }
  else
    g_string_append_c (out, '}');
}
