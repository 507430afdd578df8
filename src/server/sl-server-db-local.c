/* sl-server-db-local.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a database keeps that is never replicated: `_local/` documents
 * (replication checkpoints) and its `_security` object.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <string.h>

#include "sl-json-guard.h"
#include "sl-json-text.h"
#include "sl-server-db-private.h"
#include "sl-server-error.h"

#define LOCAL_PREFIX "_local/"

static gboolean
check_local_id (const char  *id,
                GError     **error)
{
  if (!g_str_has_prefix (id, LOCAL_PREFIX))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "A local document id starts with _local/");
      return FALSE;
    }

  return sl_server_doc_check_name (id + strlen (LOCAL_PREFIX), error);
}

/* The generation N of a local revision "0-N", or -1. */
static gint64
parse_local_rev (const char *rev)
{
  char *end = NULL;
  gint64 n;

  if (rev == NULL || !g_str_has_prefix (rev, "0-") || !g_ascii_isdigit (rev[2]))
    return -1;

  n = g_ascii_strtoll (rev + 2, &end, 10);
  return *end == '\0' && n >= 0 ? n : -1;
}

/* The current generation of @id, 0 when there is none. */
static gboolean
find_local (SlServerDb  *self,
            const char  *id,
            gint64      *generation,
            char       **body,
            GError     **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "SELECT gen, body FROM local_doc WHERE db = ? AND doc_id = ?",
                             error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
    return FALSE;

  *generation = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (body != NULL)
    *body = has_row ? g_strdup ((const char *) sqlite3_column_text (stmt, 1)) : NULL;
  return TRUE;
}

GString *
sl_server_db_get_local (SlServerDb  *self,
                        const char  *id,
                        GError     **error)
{
  g_autofree char *body = NULL;
  g_autoptr(GString) out = g_string_new ("{\"_id\":");
  gint64 generation;

  if (!sl_server_db_check_open (self, error) || !check_local_id (id, error) ||
      !find_local (self, id, &generation, &body, error))
    return NULL;

  if (generation == 0)
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND, "missing");
      return NULL;
    }

  sl_json_text_append_string (out, id);
  g_string_append_printf (out, ",\"_rev\":\"0-%" G_GINT64_FORMAT "\"", generation);
  if (strlen (body) > 2)
    g_string_append_printf (out, ",%s", body + 1);
  else
    g_string_append_c (out, '}');
  return g_steal_pointer (&out);
}

/* A write must name the current revision of an existing document. */
static gboolean
check_local_rev (gint64       current,
                 const char  *rev,
                 GError     **error)
{
  if (current == 0 || parse_local_rev (rev) == current)
    return TRUE;

  g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_CONFLICT,
                       "Document update conflict.");
  return FALSE;
}

static gboolean
store_local (SlServerDb  *self,
             const char  *id,
             gint64       generation,
             const char  *body,
             GError     **error)
{
  g_autoptr(SlServerStmt) stmt = NULL;

  if (body == NULL)
    stmt = sl_server_store_prepare (self->store,
                                    "DELETE FROM local_doc WHERE db = ? AND doc_id = ?",
                                    error);
  else
    stmt = sl_server_store_prepare (self->store,
                                    "INSERT OR REPLACE INTO local_doc (db, doc_id, gen, body) "
                                    "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  if (body != NULL)
    {
      sqlite3_bind_int64 (stmt, 3, generation);
      sqlite3_bind_text (stmt, 4, body, -1, SQLITE_STATIC);
    }
  return sl_server_store_step_done (self->store, stmt, error);
}

char *
sl_server_db_put_local (SlServerDb  *self,
                        const char  *id,
                        JsonObject  *doc,
                        GError     **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *rev = NULL;
  gint64 current;

  if (!sl_server_db_check_open (self, error) || !check_local_id (id, error) ||
      !find_local (self, id, &current, NULL, error))
    return NULL;

  if (json_object_has_member (doc, "_rev"))
    rev = sl_json_get_string (doc, "_rev", "");
  if (!check_local_rev (current, rev, error))
    return NULL;

  if (json_object_get_boolean_member_with_default (doc, "_deleted", FALSE))
    return sl_server_db_delete_local (self, id, rev, error);

  sl_json_text_append_body (body, doc);
  if (!store_local (self, id, current + 1, body->str, error))
    return NULL;

  return g_strdup_printf ("0-%" G_GINT64_FORMAT, current + 1);
}

char *
sl_server_db_delete_local (SlServerDb  *self,
                           const char  *id,
                           const char  *rev,
                           GError     **error)
{
  gint64 current;

  if (!sl_server_db_check_open (self, error) || !check_local_id (id, error) ||
      !find_local (self, id, &current, NULL, error))
    return NULL;

  if (current == 0)
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_NOT_FOUND, "missing");
      return NULL;
    }
  if (!check_local_rev (current, rev, error) ||
      !store_local (self, id, 0, NULL, error))
    return NULL;

  return g_strdup ("0-0");
}

char *
sl_server_db_get_security (SlServerDb  *self,
                           GError     **error)
{
  g_autoptr(SlServerStmt) stmt = NULL;
  gboolean has_row;

  if (!sl_server_db_check_open (self, error))
    return NULL;

  stmt = sl_server_store_prepare (self->store,
                                  "SELECT security FROM db WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->id);
  if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
    return NULL;

  return g_strdup (has_row ? (const char *) sqlite3_column_text (stmt, 0) : "{}");
}

/* {"names": […], "roles": […]}, both optional, strings only. */
static gboolean
check_security_group (JsonNode *group)
{
  const char * const keys[] = { "names", "roles" };
  JsonObject *object;

  if (group == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (group))
    return FALSE;

  object = json_node_get_object (group);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      JsonNode *list = json_object_get_member (object, keys[k]);
      JsonArray *array;

      if (list == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (list))
        return FALSE;
      array = json_node_get_array (list);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (json_node_get_value_type (json_array_get_element (array, i)) != G_TYPE_STRING)
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
sl_server_db_set_security (SlServerDb  *self,
                           JsonObject  *security,
                           GError     **error)
{
  g_autoptr(SlServerStmt) stmt = NULL;
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), security);
  g_autoptr(GString) text = g_string_new (NULL);

  if (!sl_server_db_check_open (self, error))
    return FALSE;

  if (!check_security_group (json_object_get_member (security, "admins")) ||
      !check_security_group (json_object_get_member (security, "members")))
    {
      g_set_error_literal (error, SL_SERVER_ERROR, SL_SERVER_ERROR_BAD_REQUEST,
                           "_security takes {\"admins\": {\"names\": [], \"roles\": []}, "
                           "\"members\": {…}}");
      return FALSE;
    }

  sl_json_text_append_node (text, node);
  stmt = sl_server_store_prepare (self->store,
                                  "UPDATE db SET security = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->id);
  return sl_server_store_step_done (self->store, stmt, error);
}
