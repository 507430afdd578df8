/* sl-import-batch.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-import-batch.h"
#include "sl-import.h"
#include "sl-record.h"
#include "sl-rollup.h"

void
sl_import_batch_free (SlImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->kind);
  g_free (batch->file_name);
  g_free (batch->sha256);
  g_free (batch->mapping);
  g_free (batch->author);
  g_free (batch);
}

GPtrArray *
sl_import_batch_list (SlDatabase  *db,
                      GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_import_batch_free);
  gboolean has_row, ok;

  stmt = sl_database_prepare (db,
                              "SELECT id, kind, file_name, sha256, mapping, author, rows_accepted, "
                              "rows_rejected, imported_at FROM import_batch ORDER BY id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    {
      SlImportBatch *batch = g_new0 (SlImportBatch, 1);

      batch->id = sqlite3_column_int64 (stmt, 0);
      batch->kind = sl_record_column_text (stmt, 1);
      batch->file_name = sl_record_column_text (stmt, 2);
      batch->sha256 = sl_record_column_text (stmt, 3);
      batch->mapping = sl_record_column_text (stmt, 4);
      batch->author = sl_record_column_text (stmt, 5);
      batch->rows_accepted = sqlite3_column_int64 (stmt, 6);
      batch->rows_rejected = sqlite3_column_int64 (stmt, 7);
      batch->imported_at = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (batches, batch);
    }
  return ok ? g_steal_pointer (&batches) : NULL;
}

static gboolean
run_with_id (SlDatabase  *db,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sl_database_step_done (db, stmt, error);
}

typedef struct
{
  SlDatabase *db;
  gint64      id;
} UndoData;

static gboolean
undo_in_transaction (gpointer   user_data,
                     GError   **error)
{
  UndoData *data = user_data;
  gint64 exists = 0;
  g_autoptr(SlStatement) stmt = sl_database_prepare (data->db,
                                                     "SELECT count(*) FROM import_batch WHERE id = ?1",
                                                     error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!sl_database_step_row (data->db, stmt, &has_row, error))
    return FALSE;
  exists = sqlite3_column_int64 (stmt, 0);
  sl_statement_release (g_steal_pointer (&stmt));
  if (exists == 0)
    {
      g_set_error (error, SL_IMPORT_ERROR, SL_IMPORT_ERROR_FAILED,
                   /* Translators: %lld is an import's number */
                   _("There is no import %lld"), (long long)data->id);
      return FALSE;
    }

  /* Rollups first, while the facts are still there; then the facts;
   * then what the batch created and nothing else uses (found by its
   * batch_id, which deleting the batch would clear); the batch last. */
  return sl_rollup_subtract_batch (data->db, data->id, error) &&
         run_with_id (data->db, "DELETE FROM spend WHERE batch_id = ?1", data->id, error) &&
         run_with_id (data->db, "DELETE FROM deal WHERE batch_id = ?1", data->id, error) &&
         run_with_id (data->db, "DELETE FROM customer_mrr WHERE batch_id = ?1", data->id, error) &&
         /* A customer the batch made may have revenue or deals of later
          * imports too: deleting it would cascade into their rows. */
         run_with_id (data->db,
                      "DELETE FROM customer WHERE batch_id = ?1 "
                      "AND NOT EXISTS (SELECT 1 FROM customer_mrr WHERE customer_id = customer.id) "
                      "AND id NOT IN (SELECT customer_id FROM deal WHERE customer_id IS NOT NULL)",
                      data->id, error) &&
         /* Customers kept for later imports' rows pass to the oldest of
          * them: customer.batch_id cascades when the batch row goes. */
         run_with_id (data->db,
                      "UPDATE customer SET batch_id = (SELECT min (b) FROM ("
                      "  SELECT batch_id AS b FROM customer_mrr WHERE customer_id = customer.id"
                      "  UNION ALL SELECT batch_id FROM deal WHERE customer_id = customer.id)"
                      "  WHERE b <> ?1) "
                      "WHERE batch_id = ?1",
                      data->id, error) &&
         run_with_id (data->db, "DELETE FROM budget_line WHERE batch_id = ?1", data->id, error) &&
         sl_rollup_prune (data->db, error) &&
         run_with_id (data->db,
                      "DELETE FROM campaign WHERE batch_id = ?1 "
                      "AND NOT EXISTS (SELECT 1 FROM spend WHERE campaign_id = campaign.id) "
                      "AND NOT EXISTS (SELECT 1 FROM deal WHERE campaign_id = campaign.id) "
                      "AND NOT EXISTS (SELECT 1 FROM touchpoint WHERE campaign_id = campaign.id) "
                      "AND NOT EXISTS (SELECT 1 FROM budget_line WHERE campaign_id = campaign.id) "
                      "AND NOT EXISTS (SELECT 1 FROM customer WHERE campaign_id = campaign.id)",
                      data->id, error) &&
         run_with_id (data->db,
                      "DELETE FROM channel WHERE batch_id = ?1 "
                      "AND NOT EXISTS (SELECT 1 FROM campaign WHERE channel_id = channel.id) "
                      "AND NOT EXISTS (SELECT 1 FROM deal WHERE channel_id = channel.id) "
                      "AND NOT EXISTS (SELECT 1 FROM touchpoint WHERE channel_id = channel.id) "
                      "AND NOT EXISTS (SELECT 1 FROM budget_line WHERE channel_id = channel.id) "
                      "AND NOT EXISTS (SELECT 1 FROM customer WHERE channel_id = channel.id) "
                      "AND NOT EXISTS (SELECT 1 FROM realloc_line WHERE from_channel_id = channel.id "
                      "  OR to_channel_id = channel.id)",
                      data->id, error) &&
         /* What the batch made and others still use passes to the oldest
          * import that uses it, so undoing that one removes it in turn. */
         run_with_id (data->db,
                      "UPDATE campaign SET batch_id = (SELECT min (b) FROM ("
                      "  SELECT batch_id AS b FROM spend WHERE campaign_id = campaign.id"
                      "  UNION ALL SELECT batch_id FROM deal WHERE campaign_id = campaign.id"
                      "  UNION ALL SELECT batch_id FROM budget_line WHERE campaign_id = campaign.id"
                      "  UNION ALL SELECT d.batch_id FROM touchpoint t JOIN deal d ON d.id = t.deal_id"
                      "    WHERE t.campaign_id = campaign.id"
                      "  UNION ALL SELECT batch_id FROM customer WHERE campaign_id = campaign.id)"
                      "  WHERE b <> ?1) "
                      "WHERE batch_id = ?1",
                      data->id, error) &&
         run_with_id (data->db,
                      "UPDATE channel SET batch_id = (SELECT min (b) FROM ("
                      "  SELECT batch_id AS b FROM campaign WHERE channel_id = channel.id"
                      "  UNION ALL SELECT batch_id FROM deal WHERE channel_id = channel.id"
                      "  UNION ALL SELECT batch_id FROM budget_line WHERE channel_id = channel.id"
                      "  UNION ALL SELECT d.batch_id FROM touchpoint t JOIN deal d ON d.id = t.deal_id"
                      "    WHERE t.channel_id = channel.id"
                      "  UNION ALL SELECT batch_id FROM customer WHERE channel_id = channel.id)"
                      "  WHERE b <> ?1) "
                      "WHERE batch_id = ?1",
                      data->id, error) &&
         run_with_id (data->db, "DELETE FROM import_batch WHERE id = ?1", data->id, error);
}

gboolean
sl_import_batch_undo (SlDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  UndoData data = { db, id };

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  return sl_database_transaction (db, undo_in_transaction, &data, error);
}
