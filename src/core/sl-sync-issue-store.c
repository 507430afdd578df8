/* sl-sync-issue-store.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-document-merge.h"
#include "sl-document-private.h"
#include "sl-outbox.h"
#include "sl-sync-issue-store-private.h"

struct _SlSyncIssueStore
{
  GObject          parent_instance;

  SlDatabase      *db;
  SlDocumentCodec *codec;
  SlOutbox        *outbox;
  GPtrArray       *issues;
  guint            n_refused;
  guint            n_conflicts;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlSyncIssueStore, sl_sync_issue_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Helpers */

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = text ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* The item as this workspace has it now, or NULL. */
static JsonObject *
encode_mine (SlSyncIssueStore *self,
             const char       *doc_id)
{
  g_autoptr(JsonNode) node = sl_document_codec_encode (self->codec, doc_id, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static SlSyncIssue *
refusal_issue (SlSyncIssueStore *self,
               const char       *doc_id,
               const char       *reason)
{
  g_autoptr(JsonObject) mine = encode_mine (self, doc_id);
  g_autofree char *title = mine ? sl_sync_issue_describe_item (self->codec, mine) : NULL;

  return sl_sync_issue_new (SL_SYNC_ISSUE_REFUSED, doc_id, title, reason);
}

static SlSyncIssue *
conflict_issue (SlSyncIssueStore *self,
                const char       *doc_id,
                const char       *conflict,
                const char       *base_text)
{
  g_autoptr(JsonObject) theirs_full = parse_object (conflict);
  g_autoptr(JsonObject) theirs = theirs_full ? sl_document_strip_meta (theirs_full) : NULL;
  g_autoptr(JsonObject) base = parse_object (base_text);
  g_autoptr(JsonObject) mine = encode_mine (self, doc_id);
  g_autoptr(JsonObject) merged = NULL;
  g_auto(GStrv) clashes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  JsonObject *named = mine && !json_object_has_member (mine, "_deleted") ? mine : theirs;

  if (theirs != NULL && mine != NULL)
    merged = sl_document_merge (base, mine, theirs, &clashes);
  title = named ? sl_sync_issue_describe_item (self->codec, named) : NULL;
  if (clashes != NULL && clashes[0] != NULL)
    detail = sl_sync_issue_describe_clash ((const char * const *)clashes);
  else
    detail = g_strdup (_("Changed here and on the server"));
  return sl_sync_issue_new (SL_SYNC_ISSUE_CONFLICT, doc_id, title, detail);
}

static GPtrArray *
read_issues (SlSyncIssueStore  *self,
             GError           **error)
{
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  gboolean ok;

  stmt = sl_database_prepare (self->db,
                              "SELECT doc_id, refusal, conflict_json, base_json FROM sync_doc "
                              "WHERE refusal IS NOT NULL OR conflict_json IS NOT NULL "
                              "ORDER BY updated_at, doc_id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((ok = sl_database_step_row (self->db, stmt, &has_row, error)) && has_row)
    {
      const char *doc_id = (const char *)sqlite3_column_text (stmt, 0);
      const char *refusal = (const char *)sqlite3_column_text (stmt, 1);
      const char *conflict = (const char *)sqlite3_column_text (stmt, 2);
      const char *base = (const char *)sqlite3_column_text (stmt, 3);

      if (conflict != NULL)
        g_ptr_array_add (issues, conflict_issue (self, doc_id, conflict, base));
      else
        g_ptr_array_add (issues, refusal_issue (self, doc_id, refusal));
    }
  return ok ? g_steal_pointer (&issues) : NULL;
}

/* The clash stored for @doc_id, or SL_DOCUMENT_ERROR_NOT_FOUND. */
static JsonObject *
read_conflict (SlSyncIssueStore  *self,
               const char        *doc_id,
               GError           **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  JsonObject *theirs = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (self->db, "SELECT conflict_json FROM sync_doc WHERE doc_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  if (!sl_database_step_row (self->db, stmt, &has_row, error))
    return NULL;
  if (has_row)
    theirs = parse_object ((const char *)sqlite3_column_text (stmt, 0));
  if (theirs == NULL || !json_object_has_member (theirs, "_rev"))
    {
      g_clear_pointer (&theirs, json_object_unref);
      sl_document_fail (error, SL_DOCUMENT_ERROR_NOT_FOUND, doc_id, "conflict_json",
                        _("no clash is waiting for this item"));
    }
  return theirs;
}

/* Bases the item on their revision, dirty; the clash is cleared. */
static gboolean
rebase_on (SlSyncIssueStore  *self,
           const char        *doc_id,
           JsonObject        *theirs,
           GError           **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(JsonObject) base = sl_document_strip_meta (theirs);
  gboolean deleted = json_object_get_boolean_member_with_default (theirs, "_deleted", FALSE);
  g_autoptr(JsonNode) base_node = sl_document_object_node (g_steal_pointer (&base));
  g_autofree char *base_text = deleted ? NULL : json_to_string (base_node, FALSE);

  stmt = sl_database_prepare (self->db,
                              "UPDATE sync_doc SET rev = ?2, base_json = ?3, conflict_json = NULL, "
                              "dirty = 1, updated_at = ?4 WHERE doc_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member (theirs, "_rev"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, base_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  return sl_database_step_done (self->db, stmt, error);
}

/* Forgets the local edits so that the pulled document applies as it is. */
static gboolean
drop_edits (SlSyncIssueStore  *self,
            const char        *doc_id,
            GError           **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (self->db,
                              "UPDATE sync_doc SET dirty = 0, conflict_json = NULL WHERE doc_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  return sl_database_step_done (self->db, stmt, error);
}

/* GListModel */

static GType
sl_sync_issue_store_get_item_type (GListModel *model)
{
  return SL_TYPE_SYNC_ISSUE;
}

static guint
sl_sync_issue_store_get_n_items (GListModel *model)
{
  return SL_SYNC_ISSUE_STORE (model)->issues->len;
}

static gpointer
sl_sync_issue_store_get_item (GListModel *model,
                              guint       position)
{
  SlSyncIssueStore *self = SL_SYNC_ISSUE_STORE (model);

  if (position >= self->issues->len)
    return NULL;
  return g_object_ref (self->issues->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sl_sync_issue_store_get_item_type;
  iface->get_n_items = sl_sync_issue_store_get_n_items;
  iface->get_item = sl_sync_issue_store_get_item;
}

/* GObject */

static void
sl_sync_issue_store_dispose (GObject *object)
{
  SlSyncIssueStore *self = (SlSyncIssueStore *)object;

  g_clear_object (&self->outbox);
  g_clear_object (&self->codec);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (sl_sync_issue_store_parent_class)->dispose (object);
}

static void
sl_sync_issue_store_finalize (GObject *object)
{
  SlSyncIssueStore *self = (SlSyncIssueStore *)object;

  g_ptr_array_unref (self->issues);

  G_OBJECT_CLASS (sl_sync_issue_store_parent_class)->finalize (object);
}

static void
sl_sync_issue_store_class_init (SlSyncIssueStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_sync_issue_store_dispose;
  object_class->finalize = sl_sync_issue_store_finalize;
}

static void
sl_sync_issue_store_init (SlSyncIssueStore *self)
{
  self->issues = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

SlSyncIssueStore *
sl_sync_issue_store_new (SlDatabase *db)
{
  SlSyncIssueStore *self;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  self = g_object_new (SL_TYPE_SYNC_ISSUE_STORE, NULL);
  self->db = g_object_ref (db);
  self->codec = sl_document_codec_new (db);
  self->outbox = sl_outbox_new (db);
  return self;
}

gboolean
sl_sync_issue_store_reload (SlSyncIssueStore  *self,
                            GError           **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  guint removed;

  g_return_val_if_fail (SL_IS_SYNC_ISSUE_STORE (self), FALSE);

  issues = read_issues (self, error);
  if (issues == NULL)
    return FALSE;

  removed = self->issues->len;
  g_ptr_array_unref (self->issues);
  self->issues = g_steal_pointer (&issues);
  self->n_refused = self->n_conflicts = 0;
  for (guint i = 0; i < self->issues->len; i++)
    {
      if (sl_sync_issue_get_kind (self->issues->pdata[i]) == SL_SYNC_ISSUE_REFUSED)
        self->n_refused++;
      else
        self->n_conflicts++;
    }
  if (removed > 0 || self->issues->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->issues->len);
  return TRUE;
}

guint
sl_sync_issue_store_count (SlSyncIssueStore *self,
                           SlSyncIssueKind   kind)
{
  g_return_val_if_fail (SL_IS_SYNC_ISSUE_STORE (self), 0);
  return kind == SL_SYNC_ISSUE_REFUSED ? self->n_refused : self->n_conflicts;
}

gboolean
sl_sync_issue_store_record_refusal (SlSyncIssueStore  *self,
                                    const char        *doc_id,
                                    const char        *reason,
                                    GError           **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  g_return_val_if_fail (SL_IS_SYNC_ISSUE_STORE (self), FALSE);
  g_return_val_if_fail (doc_id != NULL && reason != NULL, FALSE);

  stmt = sl_database_prepare (self->db, "UPDATE sync_doc SET refusal = ?2 WHERE doc_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, doc_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT);
  return sl_database_step_done (self->db, stmt, error);
}

gboolean
sl_sync_issue_store_keep_mine (SlSyncIssueStore  *self,
                               const char        *doc_id,
                               GError           **error)
{
  g_autoptr(JsonObject) theirs = NULL;

  g_return_val_if_fail (SL_IS_SYNC_ISSUE_STORE (self), FALSE);
  g_return_val_if_fail (doc_id != NULL, FALSE);

  theirs = read_conflict (self, doc_id, error);
  return theirs != NULL && rebase_on (self, doc_id, theirs, error);
}

gboolean
sl_sync_issue_store_take_theirs (SlSyncIssueStore  *self,
                                 const char        *doc_id,
                                 GError           **error)
{
  g_autoptr(JsonObject) theirs = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(SlDocument) doc = NULL;

  g_return_val_if_fail (SL_IS_SYNC_ISSUE_STORE (self), FALSE);
  g_return_val_if_fail (doc_id != NULL, FALSE);

  theirs = read_conflict (self, doc_id, error);
  if (theirs == NULL)
    return FALSE;
  node = sl_document_object_node (json_object_ref (theirs));
  doc = sl_document_new_from_json (node, error);
  if (doc == NULL || !sl_database_begin (self->db, error))
    return FALSE;
  if (!drop_edits (self, doc_id, error) || !sl_outbox_apply_pulled (self->outbox, doc, NULL, error))
    {
      sl_database_rollback (self->db);
      return FALSE;
    }
  return sl_database_commit (self->db, error);
}
