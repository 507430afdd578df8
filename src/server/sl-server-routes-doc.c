/* sl-server-routes-doc.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One document: /{db}/{id}, /{db}/_design/{name}, /{db}/_local/{name},
 * and POST /{db}.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-text.h"
#include "sl-server-private.h"

/* ?rev= or If-Match (quotes dropped), or NULL. */
static char *
requested_rev (SlServerRequest *request)
{
  SoupMessageHeaders *headers =
    soup_server_message_get_request_headers (sl_server_request_get_message (request));
  const char *rev = sl_server_request_get_param (request, "rev");
  const char *match = soup_message_headers_get_one (headers, "If-Match");
  gsize length;

  if (rev != NULL || match == NULL)
    return g_strdup (rev);

  length = strlen (match);
  if (length >= 2 && match[0] == '"' && match[length - 1] == '"')
    return g_strndup (match + 1, length - 2);
  return g_strdup (match);
}

static void
respond_written (SlServerRequest     *request,
                 guint                status,
                 const char          *id,
                 const char          *rev)
{
  g_autofree char *etag = g_strdup_printf ("\"%s\"", rev);
  GString *body = g_string_new ("{\"ok\":true,\"id\":");

  sl_json_text_append_string (body, id);
  g_string_append (body, ",\"rev\":");
  sl_json_text_append_string (body, rev);
  g_string_append_c (body, '}');
  sl_server_request_add_header (request, "ETag", etag);
  sl_server_request_respond (request, status, body);
}

/* Writes one document and answers like CouchDB: 201 (200 for DELETE)
 * with its new rev, or the document's error. */
static void
write_one (SlServerRequest *request,
           SlServerDb      *db,
           SlServerDoc     *doc,
           gboolean         new_edits,
           guint            status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  SlServerWriteResult *result;

  g_ptr_array_add (docs, doc);
  results = sl_server_write_docs (request, db, docs, new_edits, &error);
  if (sl_server_respond_if_error (request, error))
    return;

  result = g_ptr_array_index (results, 0);
  if (!sl_server_respond_if_error (request, result->error))
    respond_written (request, status, result->id, result->rev);
}

static void
put_doc (SlServerRequest *request,
         SlServerDb      *db,
         const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = sl_server_request_read_json (request, &error);
  g_autoptr(SlServerDoc) doc = NULL;
  g_autofree char *rev = requested_rev (request);
  gboolean new_edits = TRUE;

  if (body != NULL &&
      sl_server_request_get_bool (request, "new_edits", TRUE, &new_edits, &error))
    doc = sl_server_doc_new_from_text (g_bytes_get_data (body, NULL),
                                       (gssize) g_bytes_get_size (body), &error);
  if (doc != NULL && id != NULL && !sl_server_doc_set_path_id (doc, id, &error))
    g_clear_pointer (&doc, sl_server_doc_free);
  if (doc != NULL && rev != NULL && !sl_server_doc_set_rev (doc, rev, &error))
    g_clear_pointer (&doc, sl_server_doc_free);
  if (doc != NULL && !new_edits && !sl_server_doc_check_replicated (doc, &error))
    g_clear_pointer (&doc, sl_server_doc_free);

  if (!sl_server_respond_if_error (request, error))
    write_one (request, db, doc, new_edits, 201);
}

static void
delete_doc (SlServerRequest *request,
            SlServerDb      *db,
            const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = requested_rev (request);
  g_autoptr(SlServerDoc) doc = NULL;

  if (rev == NULL)
    {
      sl_server_request_fail (request, SL_SERVER_ERROR_CONFLICT, "Document update conflict.");
      return;
    }

  doc = sl_server_doc_new_deletion (id, rev, &error);
  if (!sl_server_respond_if_error (request, error))
    write_one (request, db, doc, TRUE, 200);
}

/* open_revs: "all" or a JSON array of revs. */
static void
get_open_revs (SlServerRequest   *request,
               SlServerDb        *db,
               const char        *id,
               SlServerReadFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) revs = NULL;
  GString *body;

  if (g_strcmp0 (sl_server_request_get_param (request, "open_revs"), "all") != 0)
    {
      JsonArray *array;

      list = sl_server_request_get_json_param (request, "open_revs", &error);
      if (list != NULL && !JSON_NODE_HOLDS_ARRAY (list))
        g_set_error_literal (&error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                             "open_revs must be \"all\" or a JSON array of revs");
      if (sl_server_respond_if_error (request, error))
        return;

      array = json_node_get_array (list);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *rev = json_array_get_element (array, i);

          if (json_node_get_value_type (rev) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (rev));
        }
      revs = g_strv_builder_end (builder);
    }

  body = sl_server_db_read_open_revs (db, id, (const char * const *) revs, flags, &error);
  if (!sl_server_respond_if_error (request, error))
    sl_server_request_respond (request, 200, body);
}

static void
get_doc (SlServerRequest *request,
         SlServerDb      *db,
         const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rev = NULL;
  g_autofree char *etag = NULL;
  SlServerReadFlags flags = 0;
  gboolean revs = FALSE, conflicts = FALSE;
  GString *body;

  if (!sl_server_request_get_bool (request, "revs", FALSE, &revs, &error) ||
      !sl_server_request_get_bool (request, "conflicts", FALSE, &conflicts, &error))
    {
      sl_server_respond_if_error (request, error);
      return;
    }
  flags = (revs ? SL_SERVER_READ_REVS : 0) | (conflicts ? SL_SERVER_READ_CONFLICTS : 0);

  if (sl_server_request_get_param (request, "open_revs") != NULL)
    {
      get_open_revs (request, db, id, flags);
      return;
    }

  body = sl_server_db_read_doc (db, id, sl_server_request_get_param (request, "rev"),
                                flags, &rev, &error);
  if (sl_server_respond_if_error (request, error))
    return;

  etag = g_strdup_printf ("\"%s\"", rev);
  sl_server_request_add_header (request, "ETag", etag);
  sl_server_request_respond (request, 200, body);
}

static void
route_local (SlServerRequest *request,
             SlServerDb      *db,
             const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *rev = NULL;
  GString *doc;

  if (!sl_server_check_method (request, "GET", "PUT", "DELETE", NULL))
    return;

  if (sl_server_request_is_method (request, "PUT"))
    {
      body = sl_server_request_read_object (request, &error);
      if (body != NULL)
        rev = sl_server_db_put_local (db, id, body, &error);
      if (!sl_server_respond_if_error (request, error))
        respond_written (request, 201, id, rev);
    }
  else if (sl_server_request_is_method (request, "DELETE"))
    {
      g_autofree char *given = requested_rev (request);

      rev = sl_server_db_delete_local (db, id, given, &error);
      if (!sl_server_respond_if_error (request, error))
        respond_written (request, 200, id, rev);
    }
  else
    {
      doc = sl_server_db_get_local (db, id, &error);
      if (!sl_server_respond_if_error (request, error))
        sl_server_request_respond (request, 200, doc);
    }
}

/* The document id of the path: "{id}", "_design/{name}" or
 * "_local/{name}"; NULL (answered) for anything longer. */
static char *
path_doc_id (SlServerRequest *request)
{
  const char *first = sl_server_request_get_segment (request, 1);
  guint n = sl_server_request_get_n_segments (request);

  if ((strcmp (first, "_design") == 0 || strcmp (first, "_local") == 0) && n == 3)
    return g_strdup_printf ("%s/%s", first, sl_server_request_get_segment (request, 2));
  if (n == 2)
    return g_strdup (first);

  sl_server_request_fail (request, SL_SERVER_ERROR_BAD_REQUEST,
                          "sunlight-server does not store attachments");
  return NULL;
}

void
sl_server_route_doc (SlServer        *self,
                     SlServerRequest *request,
                     SlServerDb      *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (sl_server_request_get_n_segments (request) == 1)
    {
      put_doc (request, db, NULL);   /* POST /{db} */
      return;
    }

  id = path_doc_id (request);
  if (id == NULL)
    return;

  if (g_str_has_prefix (id, "_local/"))
    {
      route_local (request, db, id);
      return;
    }

  if (!sl_server_doc_check_id (id, &error))
    {
      sl_server_respond_if_error (request, error);
      return;
    }
  if (!sl_server_check_method (request, "GET", "PUT", "DELETE", NULL))
    return;

  if (sl_server_request_is_method (request, "PUT"))
    put_doc (request, db, id);
  else if (sl_server_request_is_method (request, "DELETE"))
    delete_doc (request, db, id);
  else
    get_doc (request, db, id);
}
