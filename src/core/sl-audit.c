/* sl-audit.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-audit.h"
#include "sl-record.h"

/* ?1 author, ?2 channel, ?3 first, ?4 last (NULL: no bound). A row of a
 * deleted line keeps what the history's JSON says of it. */
static const char audit_sql[] =
  "WITH changes AS ("
  "  SELECT 1 AS kind, h.at, h.author, h.label, NULL AS target, NULL AS note, h.entity_id, "
  "    coalesce (b.version, CASE WHEN json_valid (coalesce (h.new_value, h.old_value)) "
  "      THEN json_extract (coalesce (h.new_value, h.old_value), '$.version') END) AS version, "
  "    coalesce (b.channel_id, CASE WHEN json_valid (coalesce (h.new_value, h.old_value)) "
  "      THEN json_extract (coalesce (h.new_value, h.old_value), '$.channel_id') END) AS channel_id, "
  "    coalesce (b.first_day, CASE WHEN json_valid (coalesce (h.new_value, h.old_value)) "
  "      THEN json_extract (coalesce (h.new_value, h.old_value), '$.first_day') END) AS day, "
  "    h.old_value, h.new_value, h.id AS seq "
  "  FROM history h LEFT JOIN budget_line b ON b.id = h.entity_id "
  "  WHERE h.entity = 'budget_line' AND (h.field = 'amount_minor' OR h.field IS NULL) "
  "), decisions AS ("
  "  SELECT 0 AS kind, d.created_at AS at, d.author, d.verdict AS label, d.target, d.note, d.id, "
  "    NULL AS version, NULL AS channel_id, "
  "    coalesce (d.meeting_day, CAST (d.created_at / 86400000000 AS INTEGER)) AS day, "
  "    NULL, NULL, d.id AS seq "
  "  FROM decision d "
  "  WHERE ?2 IS NULL "
  "     OR EXISTS (SELECT 1 FROM realloc_plan p JOIN realloc_line l ON l.plan_id = p.id "
  "                WHERE d.target = 'plan:' || p.uuid AND ?2 IN (l.from_channel_id, l.to_channel_id)) "
  "     OR EXISTS (SELECT 1 FROM annotation a WHERE d.target = 'annotation:' || a.uuid AND a.channel_id = ?2) "
  ") "
  "SELECT * FROM ("
  "  SELECT * FROM changes WHERE (?2 IS NULL OR channel_id = ?2) "
  "  UNION ALL SELECT * FROM decisions) "
  "WHERE (?1 IS NULL OR author = ?1) AND (?3 IS NULL OR day >= ?3) AND (?4 IS NULL OR day <= ?4) "
  "ORDER BY at DESC, kind, seq DESC";

void
sl_audit_row_free (SlAuditRow *row)
{
  if (row == NULL)
    return;
  g_free (row->author);
  g_free (row->label);
  g_free (row->target);
  g_free (row->note);
  g_free (row->version);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row);
}

static SlAuditRow *
row_new (sqlite3_stmt *stmt)
{
  SlAuditRow *row = g_new0 (SlAuditRow, 1);

  row->kind = sqlite3_column_int (stmt, 0) == 0 ? SL_AUDIT_DECISION : SL_AUDIT_BUDGET_CHANGE;
  row->at = sqlite3_column_int64 (stmt, 1);
  row->author = sl_record_column_text (stmt, 2);
  row->label = sl_record_column_text (stmt, 3);
  row->target = sl_record_column_text (stmt, 4);
  row->note = sl_record_column_text (stmt, 5);
  row->entity_id = sl_record_column_id (stmt, 6);
  row->version = sl_record_column_text (stmt, 7);
  row->channel_id = sl_record_column_id (stmt, 8);
  row->day = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? SL_DAY_INVALID : sqlite3_column_int (stmt, 9);
  row->old_value = sl_record_column_text (stmt, 10);
  row->new_value = sl_record_column_text (stmt, 11);
  return row;
}

GPtrArray *
sl_audit_list (SlDatabase           *db,
               const SlAuditFilter  *filter,
               GError              **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_audit_row_free);
  g_autoptr(SlStatement) stmt = NULL;
  SlAuditFilter none = { NULL, 0, SL_DAY_INVALID, SL_DAY_INVALID };
  gboolean has_row, ok;

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  if (filter == NULL)
    filter = &none;
  stmt = sl_database_prepare (db, audit_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, filter->author, -1, SQLITE_STATIC);
  if (filter->channel_id > 0)
    sqlite3_bind_int64 (stmt, 2, filter->channel_id);
  if (filter->first != SL_DAY_INVALID)
    sqlite3_bind_int (stmt, 3, filter->first);
  if (filter->last != SL_DAY_INVALID)
    sqlite3_bind_int (stmt, 4, filter->last);

  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (rows, row_new (stmt));
  return ok ? g_steal_pointer (&rows) : NULL;
}
