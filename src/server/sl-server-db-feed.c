/* sl-server-db-feed.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists of documents: `_changes` (by sequence) and `_all_docs` (by id).
 * Rows are written straight from the stored JSON: no parsing.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include "sl-json-text.h"
#include "sl-rev-id.h"
#include "sl-server-db-private.h"
#include "sl-server-error.h"

/* Columns every row query starts with. */
enum {
  COL_DOC_ROW,
  COL_DOC_ID,
  COL_SEQ,
  COL_GEN,
  COL_HASH,
  COL_DELETED,
  COL_BODY,
};

#define ROW_COLUMNS "d.id, d.doc_id, d.seq, r.gen, r.hash, r.deleted, r.body "
#define ROW_JOIN    "FROM doc d JOIN rev r ON r.id = d.winner "

/* The leaves of a document, winner first: every one for
 * style=all_docs, or the conflicts (non-deleted losers). */
static GStrv
load_leaves (SlServerDb  *self,
             gint64       doc_row,
             gboolean     conflicts_only,
             GError     **error)
{
  g_autoptr(SlServerStmt) stmt =
    sl_server_store_prepare (self->store,
                             "SELECT gen, hash, deleted FROM rev WHERE doc = ? AND leaf = 1 "
                             "ORDER BY deleted, gen DESC, hash DESC", error);
  g_autoptr(GStrvBuilder) revs = g_strv_builder_new ();
  gboolean has_row;
  gboolean first = TRUE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, doc_row);

  for (;; first = FALSE)
    {
      g_autofree char *rev = NULL;

      if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      if (conflicts_only && (first || sqlite3_column_int (stmt, 2)))
        continue;
      rev = sl_rev_id_format ((guint) sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1));
      g_strv_builder_add (revs, rev);
    }

  return g_strv_builder_end (revs);
}

/* The document of a row query's current row. */
static gboolean
append_row_doc (SlServerDb    *self,
                GString       *out,
                SlServerStmt  *stmt,
                gboolean       conflicts,
                GError       **error)
{
  g_auto(GStrv) leaves = NULL;
  SlServerDocView view = {
    (const char *) sqlite3_column_text (stmt, COL_DOC_ID),
    (guint) sqlite3_column_int64 (stmt, COL_GEN),
    (const char *) sqlite3_column_text (stmt, COL_HASH),
    sqlite3_column_int (stmt, COL_DELETED),
    (const char *) sqlite3_column_text (stmt, COL_BODY),
  };

  if (conflicts)
    {
      leaves = load_leaves (self, sqlite3_column_int64 (stmt, COL_DOC_ROW), TRUE, error);
      if (leaves == NULL)
        return FALSE;
      view.conflicts = (const char * const *) leaves;
    }

  if (view.body == NULL)
    view.body = "{}";
  sl_server_doc_append_json (out, &view);
  return TRUE;
}

static void
append_row_rev (GString      *out,
                SlServerStmt *stmt)
{
  sl_server_doc_append_rev (out, (guint) sqlite3_column_int64 (stmt, COL_GEN),
                            (const char *) sqlite3_column_text (stmt, COL_HASH));
}

static gboolean
append_change (SlServerDb                  *self,
               GString                     *out,
               SlServerStmt                *stmt,
               const SlServerChangesQuery  *query,
               GError                     **error)
{
  g_string_append_printf (out, "{\"seq\":\"%" G_GINT64_FORMAT "\",\"id\":",
                          (gint64) sqlite3_column_int64 (stmt, COL_SEQ));
  sl_json_text_append_string (out, (const char *) sqlite3_column_text (stmt, COL_DOC_ID));
  g_string_append (out, ",\"changes\":[");

  if (query->all_leaves)
    {
      g_auto(GStrv) leaves = load_leaves (self, sqlite3_column_int64 (stmt, COL_DOC_ROW),
                                          FALSE, error);

      if (leaves == NULL)
        return FALSE;
      for (guint i = 0; leaves[i] != NULL; i++)
        g_string_append_printf (out, "%s{\"rev\":\"%s\"}", i > 0 ? "," : "", leaves[i]);
    }
  else
    {
      g_string_append (out, "{\"rev\":");
      append_row_rev (out, stmt);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  if (sqlite3_column_int (stmt, COL_DELETED))
    g_string_append (out, ",\"deleted\":true");
  if (query->include_docs)
    {
      g_string_append (out, ",\"doc\":");
      if (!append_row_doc (self, out, stmt, query->conflicts, error))
        return FALSE;
    }

  g_string_append_c (out, '}');
  return TRUE;
}

GString *
sl_server_db_changes (SlServerDb                  *self,
                      const SlServerChangesQuery  *query,
                      guint                       *n_rows,
                      GError                     **error)
{
  g_autoptr(SlServerStmt) stmt = NULL;
  g_autoptr(GString) out = NULL;
  gint64 last_seq = query->since;
  gint64 pending;
  gboolean has_row;

  *n_rows = 0;
  if (!sl_server_db_check_open (self, error))
    return NULL;

  stmt = sl_server_store_prepare (self->store,
                                  "SELECT " ROW_COLUMNS ROW_JOIN
                                  "WHERE d.db = ? AND d.seq > ? ORDER BY d.seq LIMIT ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->id);
  sqlite3_bind_int64 (stmt, 2, query->since);
  sqlite3_bind_int64 (stmt, 3, query->limit > 0 ? query->limit : -1);

  out = g_string_sized_new (query->include_docs ? 64 * 1024 : 4096);
  g_string_append (out, "{\"results\":[");
  for (;;)
    {
      if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      if (*n_rows > 0)
        g_string_append_c (out, ',');
      if (!append_change (self, out, stmt, query, error))
        return NULL;
      last_seq = sqlite3_column_int64 (stmt, COL_SEQ);
      (*n_rows)++;
    }

  if (!sl_server_store_query_int (self->store,
                                  "SELECT count(*) FROM doc WHERE db = ? AND seq > ?",
                                  self->id, last_seq, &pending, error))
    return NULL;
  g_string_append_printf (out, "],\"last_seq\":\"%" G_GINT64_FORMAT "\","
                          "\"pending\":%" G_GINT64_FORMAT "}", last_seq, pending);
  return g_steal_pointer (&out);
}

/* One `_all_docs` row from the current row of a row query. */
static gboolean
append_id_row (SlServerDb                  *self,
               GString                     *out,
               SlServerStmt                *stmt,
               const SlServerAllDocsQuery  *query,
               GError                     **error)
{
  const char *id = (const char *) sqlite3_column_text (stmt, COL_DOC_ID);
  gboolean deleted = sqlite3_column_int (stmt, COL_DELETED);

  g_string_append (out, "{\"id\":");
  sl_json_text_append_string (out, id);
  g_string_append (out, ",\"key\":");
  sl_json_text_append_string (out, id);
  g_string_append (out, ",\"value\":{\"rev\":");
  append_row_rev (out, stmt);
  g_string_append (out, deleted ? ",\"deleted\":true}" : "}");

  if (query->include_docs)
    {
      g_string_append (out, ",\"doc\":");
      if (deleted)
        g_string_append (out, "null");
      else if (!append_row_doc (self, out, stmt, query->conflicts, error))
        return FALSE;
    }

  g_string_append_c (out, '}');
  return TRUE;
}

/* Rows for `keys`, in their order; unknown keys get an error row. */
static gboolean
append_key_rows (SlServerDb                  *self,
                 GString                     *out,
                 const SlServerAllDocsQuery  *query,
                 GError                     **error)
{
  guint n = json_array_get_length (query->keys);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *key = json_array_get_element (query->keys, i);
      g_autoptr(SlServerStmt) stmt = NULL;
      gboolean has_row = FALSE;

      if (i > 0)
        g_string_append_c (out, ',');

      if (json_node_get_value_type (key) == G_TYPE_STRING)
        {
          stmt = sl_server_store_prepare (self->store,
                                          "SELECT " ROW_COLUMNS ROW_JOIN
                                          "WHERE d.db = ? AND d.doc_id = ?", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, self->id);
          sqlite3_bind_text (stmt, 2, json_node_get_string (key), -1, SQLITE_STATIC);
          if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
            return FALSE;
        }

      if (has_row)
        {
          if (!append_id_row (self, out, stmt, query, error))
            return FALSE;
          continue;
        }

      g_string_append (out, "{\"key\":");
      sl_json_text_append_node (out, key);
      g_string_append (out, ",\"error\":\"not_found\"}");
    }

  return TRUE;
}

/* Range queries: ?2 the first key (NULL: none), ?3 the last. */
static const char * const range_queries[2][2] = {
  {
    "SELECT " ROW_COLUMNS ROW_JOIN "WHERE d.db = ?1 AND d.deleted = 0"
    " AND (?2 IS NULL OR d.doc_id >= ?2) AND (?3 IS NULL OR d.doc_id < ?3)"
    " ORDER BY d.doc_id LIMIT ?4 OFFSET ?5",
    "SELECT " ROW_COLUMNS ROW_JOIN "WHERE d.db = ?1 AND d.deleted = 0"
    " AND (?2 IS NULL OR d.doc_id >= ?2) AND (?3 IS NULL OR d.doc_id <= ?3)"
    " ORDER BY d.doc_id LIMIT ?4 OFFSET ?5",
  },
  {
    "SELECT " ROW_COLUMNS ROW_JOIN "WHERE d.db = ?1 AND d.deleted = 0"
    " AND (?2 IS NULL OR d.doc_id <= ?2) AND (?3 IS NULL OR d.doc_id > ?3)"
    " ORDER BY d.doc_id DESC LIMIT ?4 OFFSET ?5",
    "SELECT " ROW_COLUMNS ROW_JOIN "WHERE d.db = ?1 AND d.deleted = 0"
    " AND (?2 IS NULL OR d.doc_id <= ?2) AND (?3 IS NULL OR d.doc_id >= ?3)"
    " ORDER BY d.doc_id DESC LIMIT ?4 OFFSET ?5",
  },
};

static void
bind_optional_text (SlServerStmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static gboolean
append_range_rows (SlServerDb                  *self,
                   GString                     *out,
                   const SlServerAllDocsQuery  *query,
                   GError                     **error)
{
  const char *sql = range_queries[query->descending != FALSE][query->inclusive_end != FALSE];
  g_autoptr(SlServerStmt) stmt = sl_server_store_prepare (self->store, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  bind_optional_text (stmt, 2, query->start_key);
  bind_optional_text (stmt, 3, query->end_key);
  sqlite3_bind_int64 (stmt, 4, query->limit >= 0 ? query->limit : -1);
  sqlite3_bind_int64 (stmt, 5, MAX (query->skip, 0));

  for (guint n = 0;; n++)
    {
      if (!sl_server_store_step_row (self->store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      if (n > 0)
        g_string_append_c (out, ',');
      if (!append_id_row (self, out, stmt, query, error))
        return FALSE;
    }

  return TRUE;
}

GString *
sl_server_db_all_docs (SlServerDb                  *self,
                       const SlServerAllDocsQuery  *query,
                       GError                     **error)
{
  g_autoptr(GString) out = NULL;
  SlServerDbInfo info;

  if (!sl_server_db_get_info (self, &info, error))
    return NULL;

  out = g_string_sized_new (4096);
  g_string_append_printf (out, "{\"total_rows\":%" G_GINT64_FORMAT ",\"offset\":%" G_GINT64_FORMAT
                          ",\"rows\":[", info.doc_count,
                          query->keys != NULL ? 0 : MAX (query->skip, 0));

  if (query->keys != NULL ? !append_key_rows (self, out, query, error)
                          : !append_range_rows (self, out, query, error))
    return NULL;

  g_string_append (out, "]}");
  return g_steal_pointer (&out);
}
