/* sl-server-routes-db.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * /{db} and the database-wide endpoints: _all_docs, _bulk_docs,
 * _revs_diff, _bulk_get, _security (_changes has its own file, the
 * documents theirs).
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-guard.h"
#include "sl-json-scan.h"
#include "sl-json-text.h"
#include "sl-server-private.h"
#include "sl-server-rules.h"

static gboolean
validate_write (SlServerDoc             *doc,
                const SlServerDocFields *old_doc,
                gpointer                 user_data,
                GError                 **error)
{
  SlServerRequest *request = user_data;

  return sl_server_rules_check (sl_server_request_get_user (request),
                                sl_server_request_get_role (request),
                                doc, old_doc, error);
}

GPtrArray *
sl_server_write_docs (SlServerRequest  *request,
                      SlServerDb       *db,
                      GPtrArray        *docs,
                      gboolean          new_edits,
                      GError          **error)
{
  gboolean admin = sl_server_request_is_admin (request);

  return sl_server_db_write (db, docs, new_edits,
                             admin ? NULL : validate_write, request, error);
}

static gboolean
list_contains (JsonObject *group,
               const char *list,
               const char *value,
               gboolean   *empty)
{
  JsonArray *array = sl_json_get_array (group, list);

  if (array == NULL || json_array_get_length (array) == 0)
    return FALSE;

  *empty = FALSE;
  for (guint i = 0; value != NULL && i < json_array_get_length (array); i++)
    {
      if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Members are the `_security` members by name or role; with none listed,
 * every user of the server. Anonymous requests never get in. */
gboolean
sl_server_check_member (SlServerRequest *request,
                        SlServerDb      *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *security = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *members = NULL;
  const char *user = sl_server_request_get_user (request);
  const char *role = sl_server_role_to_string (sl_server_request_get_role (request));
  gboolean empty = TRUE;

  if (sl_server_request_is_admin (request))
    return TRUE;
  if (user == NULL)
    {
      sl_server_request_fail (request, SL_SERVER_ERROR_UNAUTHORIZED,
                              "You are not authorized to access this db.");
      return FALSE;
    }

  security = sl_server_db_get_security (db, &error);
  if (sl_server_respond_if_error (request, error))
    return FALSE;
  root = sl_json_text_parse (security, strlen (security), NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    members = sl_json_get_object (json_node_get_object (root), "members");

  if (list_contains (members, "names", user, &empty) ||
      list_contains (members, "roles", role, &empty) || empty)
    return TRUE;

  sl_server_request_fail (request, SL_SERVER_ERROR_FORBIDDEN,
                          "You are not allowed to access this db.");
  return FALSE;
}

static gboolean
check_admin (SlServerRequest *request)
{
  if (sl_server_request_is_admin (request))
    return TRUE;

  sl_server_request_fail (request,
                          sl_server_request_get_user (request) == NULL
                          ? SL_SERVER_ERROR_UNAUTHORIZED : SL_SERVER_ERROR_FORBIDDEN,
                          "You are not a server admin.");
  return FALSE;
}

static void
respond_info (SlServerRequest *request,
              SlServerDb      *db)
{
  g_autoptr(GError) error = NULL;
  SlServerDbInfo info;
  GString *body;

  if (!sl_server_db_get_info (db, &info, &error))
    {
      sl_server_respond_if_error (request, error);
      return;
    }

  body = g_string_new ("{\"db_name\":");
  sl_json_text_append_string (body, sl_server_db_get_name (db));
  g_string_append_printf (body, ",\"doc_count\":%" G_GINT64_FORMAT
                          ",\"doc_del_count\":%" G_GINT64_FORMAT
                          ",\"update_seq\":\"%" G_GINT64_FORMAT "\""
                          ",\"purge_seq\":0,\"compact_running\":false"
                          ",\"instance_start_time\":\"0\"}",
                          info.doc_count, info.doc_del_count, info.update_seq);
  sl_server_request_respond (request, 200, body);
}

/* PUT, DELETE, GET /{db}; POST /{db} makes a document. */
static void
route_database (SlServer        *self,
                SlServerRequest *request,
                const char      *name)
{
  g_autoptr(GError) error = NULL;
  SlServerDb *db;

  if (!sl_server_check_method (request, "GET", "PUT", "DELETE", "POST", NULL))
    return;

  if (sl_server_request_is_method (request, "PUT"))
    {
      if (check_admin (request) && sl_server_store_create_db (self->store, name, &error))
        sl_server_request_respond_text (request, 201, "{\"ok\":true}");
      sl_server_respond_if_error (request, error);
      return;
    }
  if (sl_server_request_is_method (request, "DELETE"))
    {
      if (check_admin (request) && sl_server_store_delete_db (self->store, name, &error))
        sl_server_request_respond_text (request, 200, "{\"ok\":true}");
      sl_server_respond_if_error (request, error);
      return;
    }

  db = sl_server_store_get_db (self->store, name, &error);
  if (sl_server_respond_if_error (request, error) || !sl_server_check_member (request, db))
    return;

  if (sl_server_request_is_method (request, "POST"))
    sl_server_route_doc (self, request, db);
  else
    respond_info (request, db);
}

/* The rows' answer to a write: request order; with new_edits false only
 * the refusals. */
static GString *
format_results (GPtrArray *results,
                gboolean   new_edits)
{
  GString *body = g_string_new ("[");
  gboolean first = TRUE;

  for (guint i = 0; i < results->len; i++)
    {
      SlServerWriteResult *result = g_ptr_array_index (results, i);

      if (result->error == NULL && !new_edits)
        continue;
      if (!first)
        g_string_append_c (body, ',');
      first = FALSE;

      if (result->error == NULL)
        {
          g_string_append (body, "{\"ok\":true,\"id\":");
          sl_json_text_append_string (body, result->id);
          g_string_append_printf (body, ",\"rev\":\"%s\"}", result->rev);
          continue;
        }
      g_string_append (body, "{\"id\":");
      sl_json_text_append_string (body, result->id);
      g_string_append_printf (body, ",\"error\":\"%s\",\"reason\":",
                              sl_server_error_get_kind (result->error));
      sl_json_text_append_string (body, result->error->message);
      g_string_append_c (body, '}');
    }

  g_string_append_c (body, ']');
  return body;
}

static gboolean
read_doc_list (SlJsonScan  *scan,
               GPtrArray   *docs,
               GError     **error)
{
  gboolean done = FALSE;

  if (sl_json_scan_peek (scan) != '[')
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "Missing JSON list of 'docs'");
      return FALSE;
    }
  if (!sl_json_scan_enter (scan, '[', error))
    return FALSE;

  while (sl_json_scan_next_element (scan, &done, error) && !done)
    {
      SlServerDoc *doc = sl_server_doc_read (scan, error);

      if (doc == NULL)
        return FALSE;
      g_ptr_array_add (docs, doc);
    }

  return done;
}

/* {"docs": [...], "new_edits": …}: one bad document fails them all. */
static GPtrArray *
read_bulk_docs (SlServerRequest  *request,
                gboolean         *new_edits,
                GError          **error)
{
  g_autoptr(GBytes) body = sl_server_request_read_json (request, error);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean done = FALSE, ok = TRUE;
  const char *raw;
  gsize length;
  g_auto(SlJsonScan) scan = { 0 };

  if (body == NULL || !sl_json_scan_init (&scan, g_bytes_get_data (body, NULL),
                                          g_bytes_get_size (body), error) ||
      !sl_json_scan_enter (&scan, '{', error))
    return NULL;

  while (ok && sl_json_scan_next_member (&scan, name, &raw, &length, &done, error) && !done)
    {
      if (strcmp (name->str, "docs") == 0 && docs == NULL)
        {
          docs = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_server_doc_free);
          ok = read_doc_list (&scan, docs, error);
        }
      else if (strcmp (name->str, "new_edits") == 0)
        ok = sl_json_scan_boolean (&scan, new_edits, error);
      else
        ok = sl_json_scan_skip (&scan, error);
    }
  if (!ok || !done || !sl_json_scan_at_end (&scan, error))
    return NULL;

  if (docs == NULL)
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "Missing JSON list of 'docs'");
      return NULL;
    }
  for (guint i = 0; !*new_edits && i < docs->len; i++)
    {
      if (!sl_server_doc_check_replicated (g_ptr_array_index (docs, i), error))
        return NULL;
    }

  return g_steal_pointer (&docs);
}

static void
route_bulk_docs (SlServerRequest *request,
                 SlServerDb      *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gboolean new_edits = TRUE;

  if (!sl_server_check_method (request, "POST", NULL))
    return;

  docs = read_bulk_docs (request, &new_edits, &error);
  if (docs != NULL)
    results = sl_server_write_docs (request, db, docs, new_edits, &error);
  /* The batch is answered 201; its refused documents are logged. */
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      SlServerWriteResult *result = g_ptr_array_index (results, i);

      if (result->error != NULL)
        sl_server_request_log_refusal (request, result->error, result->id);
    }

  if (!sl_server_respond_if_error (request, error))
    sl_server_request_respond (request, 201, format_results (results, new_edits));
}

/* startkey / start_key: a JSON string. */
static gboolean
read_key_param (SlServerRequest  *request,
                const char       *name,
                const char       *alias,
                char            **out,
                GError          **error)
{
  g_autoptr(JsonNode) key = sl_server_request_get_json_param (request, name, error);

  if (key == NULL && (error == NULL || *error == NULL))
    key = sl_server_request_get_json_param (request, alias, error);
  if (key == NULL)
    return error == NULL || *error == NULL;

  if (json_node_get_value_type (key) != G_TYPE_STRING)
    {
      g_set_error (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                   "Query parameter %s must be a JSON string", name);
      return FALSE;
    }

  *out = g_strdup (json_node_get_string (key));
  return TRUE;
}

static gboolean
read_all_docs_query (SlServerRequest       *request,
                     SlServerAllDocsQuery  *query,
                     JsonNode             **keys,
                     GError               **error)
{
  g_autoptr(JsonObject) body = NULL;

  if (sl_server_request_is_method (request, "POST"))
    {
      body = sl_server_request_read_object (request, error);
      if (body == NULL)
        return FALSE;
      if (json_object_has_member (body, "keys"))
        *keys = json_node_ref (json_object_get_member (body, "keys"));
    }
  else
    *keys = sl_server_request_get_json_param (request, "keys", error);

  if (*keys != NULL && !JSON_NODE_HOLDS_ARRAY (*keys))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "keys must be a JSON array");
      return FALSE;
    }
  query->keys = *keys != NULL ? json_node_get_array (*keys) : NULL;

  return (error == NULL || *error == NULL) &&
         read_key_param (request, "startkey", "start_key", &query->start_key, error) &&
         read_key_param (request, "endkey", "end_key", &query->end_key, error) &&
         sl_server_request_get_bool (request, "inclusive_end", TRUE, &query->inclusive_end, error) &&
         sl_server_request_get_bool (request, "descending", FALSE, &query->descending, error) &&
         sl_server_request_get_bool (request, "include_docs", FALSE, &query->include_docs, error) &&
         sl_server_request_get_bool (request, "conflicts", FALSE, &query->conflicts, error) &&
         sl_server_request_get_int (request, "limit", -1, &query->limit, error) &&
         sl_server_request_get_int (request, "skip", 0, &query->skip, error);
}

static void
route_all_docs (SlServerRequest *request,
                SlServerDb      *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) keys = NULL;
  SlServerAllDocsQuery query = { 0 };
  GString *body = NULL;

  if (!sl_server_check_method (request, "GET", "POST", NULL))
    return;

  if (read_all_docs_query (request, &query, &keys, &error))
    body = sl_server_db_all_docs (db, &query, &error);
  g_free (query.start_key);
  g_free (query.end_key);

  if (!sl_server_respond_if_error (request, error))
    sl_server_request_respond (request, 200, body);
}

/* _revs_diff and _bulk_get: POST a JSON object, get JSON back. */
static void
route_replication_read (SlServerRequest *request,
                        SlServerDb      *db,
                        gboolean         bulk_get)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  GString *answer = NULL;
  gboolean revs = FALSE;

  if (!sl_server_check_method (request, "POST", NULL))
    return;

  body = sl_server_request_read_object (request, &error);
  if (body != NULL && bulk_get &&
      sl_server_request_get_bool (request, "revs", FALSE, &revs, &error))
    answer = sl_server_db_bulk_get (db, body, revs ? SL_SERVER_READ_REVS : 0, &error);
  else if (body != NULL && !bulk_get)
    answer = sl_server_db_revs_diff (db, body, &error);

  if (!sl_server_respond_if_error (request, error))
    sl_server_request_respond (request, 200, answer);
}

static void
route_security (SlServerRequest *request,
                SlServerDb      *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *security = NULL;

  if (!sl_server_check_method (request, "GET", "PUT", NULL))
    return;

  if (sl_server_request_is_method (request, "GET"))
    {
      security = sl_server_db_get_security (db, &error);
      if (!sl_server_respond_if_error (request, error))
        sl_server_request_respond_text (request, 200, security);
      return;
    }

  if (!check_admin (request))
    return;
  body = sl_server_request_read_object (request, &error);
  if (body != NULL && sl_server_db_set_security (db, body, &error))
    sl_server_request_respond_text (request, 200, "{\"ok\":true}");
  sl_server_respond_if_error (request, error);
}

void
sl_server_route_db (SlServer        *self,
                    SlServerRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *name = sl_server_request_get_segment (request, 0);
  const char *what = sl_server_request_get_segment (request, 1);
  SlServerDb *db;

  if (what == NULL)
    {
      route_database (self, request, name);
      return;
    }

  db = sl_server_store_get_db (self->store, name, &error);
  if (sl_server_respond_if_error (request, error) || !sl_server_check_member (request, db))
    return;

  if (strcmp (what, "_all_docs") == 0)
    route_all_docs (request, db);
  else if (strcmp (what, "_bulk_docs") == 0)
    route_bulk_docs (request, db);
  else if (strcmp (what, "_changes") == 0)
    sl_server_route_changes (self, request, db);
  else if (strcmp (what, "_revs_diff") == 0)
    route_replication_read (request, db, FALSE);
  else if (strcmp (what, "_bulk_get") == 0)
    route_replication_read (request, db, TRUE);
  else if (strcmp (what, "_security") == 0)
    route_security (request, db);
  else if (strcmp (what, "_ensure_full_commit") == 0 &&
           sl_server_check_method (request, "POST", NULL))
    sl_server_request_respond_text (request, 201,
                                    "{\"ok\":true,\"instance_start_time\":\"0\"}");
  else if (!sl_server_request_is_answered (request))
    sl_server_route_doc (self, request, db);
}
