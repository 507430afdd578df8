/* sl-kpi-command.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sl-kpi.h"
#include "sl-kpi-command.h"
#include "sl-sql.h"

typedef enum
{
  KPI_ADD,
  KPI_REMOVE,
  KPI_MOVE,
} KpiEdit;

typedef struct
{
  gint64 rowid;
  int    position;
  gint64 goal_id;
} KpiRow;

struct _SlKpiCommand
{
  SlCommand  parent_instance;

  KpiEdit    edit;
  char      *metric;
  int        delta;      /* move: -1 up, +1 down */
  KpiRow     row;        /* add, remove: the row, once known */
  gboolean   has_row;
  GArray    *before;     /* move: KpiRow of every entry before the move */
};

G_DEFINE_FINAL_TYPE (SlKpiCommand, sl_kpi_command, SL_TYPE_COMMAND)

G_DEFINE_QUARK (sl-kpi-error-quark, sl_kpi_error)

/* Helpers */

static const char *
metric_label (const char *key)
{
  SlMetric metric;

  return sl_metric_from_string (key, &metric) ? sl_metric_get_label (metric) : key;
}

static gboolean
find_row (SlKpiCommand  *self,
          SlDatabase    *db,
          KpiRow        *out,
          gboolean      *found,
          GError       **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (db, "SELECT rowid, position, goal_id FROM kpi WHERE metric = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->metric, -1, SQLITE_STATIC);
  if (!sl_database_step_row (db, stmt, found, error))
    return FALSE;
  if (*found)
    {
      out->rowid = sqlite3_column_int64 (stmt, 0);
      out->position = sqlite3_column_int (stmt, 1);
      out->goal_id = sl_record_column_id (stmt, 2);
    }
  return TRUE;
}

static gboolean
refuse_listed (SlKpiCommand  *self,
               gboolean       listed,
               GError       **error)
{
  if (listed)
    g_set_error (error, SL_KPI_ERROR, SL_KPI_ERROR_LISTED,
                 /* Translators: %s is a metric, e.g. “Cost per lead (CPL)” */
                 _("“%s” is already on the Overview"), metric_label (self->metric));
  else
    g_set_error (error, SL_KPI_ERROR, SL_KPI_ERROR_NOT_LISTED,
                 /* Translators: %s is a metric, e.g. “Cost per lead (CPL)” */
                 _("“%s” is not on the Overview"), metric_label (self->metric));
  return FALSE;
}

static char *
row_to_text (const char   *metric,
             const KpiRow *row)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  json_object_set_string_member (object, "metric", metric);
  json_object_set_int_member (object, "position", row->position);
  if (row->goal_id > 0)
    json_object_set_int_member (object, "goal_id", row->goal_id);
  else
    json_object_set_null_member (object, "goal_id");
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

static gboolean
insert_row (SlKpiCommand  *self,
            SlDatabase    *db,
            GError       **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *text = NULL;

  stmt = sl_database_prepare (db,
                              "INSERT INTO kpi (rowid, metric, position, goal_id) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sl_sql_bind_id (stmt, 1, self->row.rowid);
  sqlite3_bind_text (stmt, 2, self->metric, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, self->row.position);
  sl_sql_bind_id (stmt, 4, self->row.goal_id);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  self->row.rowid = sl_database_last_insert_id (db);
  text = row_to_text (self->metric, &self->row);
  return sl_command_record (SL_COMMAND (self), db, "kpi", self->row.rowid, NULL, NULL, text, error);
}

static gboolean
delete_row (SlKpiCommand  *self,
            SlDatabase    *db,
            GError       **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *text = NULL;
  gboolean found;

  /* The row as it is now, so the history and undo hold what was removed. */
  if (!find_row (self, db, &self->row, &found, error))
    return FALSE;
  if (!found)
    return refuse_listed (self, FALSE, error);

  stmt = sl_database_prepare (db, "DELETE FROM kpi WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->row.rowid);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  self->has_row = TRUE;
  text = row_to_text (self->metric, &self->row);
  return sl_command_record (SL_COMMAND (self), db, "kpi", self->row.rowid, NULL, text, NULL, error);
}

static gboolean
add_row (SlKpiCommand  *self,
         SlDatabase    *db,
         GError       **error)
{
  KpiRow existing;
  gboolean found;

  if (!find_row (self, db, &existing, &found, error))
    return FALSE;
  if (found)
    return refuse_listed (self, TRUE, error);

  /* First time: at the end of the list. Redo puts it back where it was. */
  if (!self->has_row)
    {
      g_autoptr(SlStatement) stmt = NULL;
      gboolean has_row;

      stmt = sl_database_prepare (db, "SELECT coalesce (max (position) + 1, 0) FROM kpi", error);
      if (stmt == NULL || !sl_database_step_row (db, stmt, &has_row, error))
        return FALSE;
      self->row = (KpiRow) { 0, sqlite3_column_int (stmt, 0), 0 };
      self->has_row = TRUE;
    }
  return insert_row (self, db, error);
}

/* Every entry in the list's order; @index is @self's, or -1. */
static GArray *
load_order (SlKpiCommand  *self,
            SlDatabase    *db,
            int           *index,
            GError       **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (KpiRow));
  gboolean has_row, ok;

  stmt = sl_database_prepare (db, "SELECT rowid, position, goal_id, metric FROM kpi "
                                  "ORDER BY " SL_KPI_ORDER_BY, error);
  if (stmt == NULL)
    return NULL;

  *index = -1;
  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    {
      KpiRow row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                     sl_record_column_id (stmt, 2) };

      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 3), self->metric) == 0)
        *index = rows->len;
      g_array_append_val (rows, row);
    }
  return ok ? g_steal_pointer (&rows) : NULL;
}

static gboolean
write_position (SlKpiCommand  *self,
                SlDatabase    *db,
                gint64         rowid,
                int            from,
                int            to,
                GError       **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (from == to)
    return TRUE;

  stmt = sl_database_prepare (db, "UPDATE kpi SET position = ?1 WHERE rowid = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, rowid);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  old_text = g_strdup_printf ("%d", from);
  new_text = g_strdup_printf ("%d", to);
  return sl_command_record (SL_COMMAND (self), db, "kpi", rowid, "position", old_text, new_text, error);
}

/* Swaps the entry with its neighbour and numbers the list 0, 1, 2…,
 * remembering every position for undo. */
static gboolean
move_row (SlKpiCommand  *self,
          SlDatabase    *db,
          GError       **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) order = NULL;
  int index, other;

  rows = load_order (self, db, &index, error);
  if (rows == NULL)
    return FALSE;
  if (index < 0)
    return refuse_listed (self, FALSE, error);

  other = index + self->delta;
  if (other < 0 || other >= (int)rows->len)
    {
      g_set_error (error, SL_KPI_ERROR, SL_KPI_ERROR_CANNOT_MOVE,
                   self->delta < 0
                   /* Translators: %s is a metric, e.g. “Cost per lead (CPL)” */
                   ? _("“%s” is already first on the Overview")
                   /* Translators: %s is a metric, e.g. “Cost per lead (CPL)” */
                   : _("“%s” is already last on the Overview"),
                   metric_label (self->metric));
      return FALSE;
    }

  order = g_array_copy (rows);
  g_array_index (order, KpiRow, index) = g_array_index (rows, KpiRow, other);
  g_array_index (order, KpiRow, other) = g_array_index (rows, KpiRow, index);
  for (guint i = 0; i < order->len; i++)
    {
      KpiRow *row = &g_array_index (order, KpiRow, i);

      if (!write_position (self, db, row->rowid, row->position, i, error))
        return FALSE;
    }

  g_clear_pointer (&self->before, g_array_unref);
  self->before = g_steal_pointer (&rows);
  return TRUE;
}

static gboolean
unmove_row (SlKpiCommand  *self,
            SlDatabase    *db,
            GError       **error)
{
  g_autoptr(GArray) now = NULL;
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  int index;

  g_return_val_if_fail (self->before != NULL, FALSE);

  now = load_order (self, db, &index, error);
  if (now == NULL)
    return FALSE;
  for (guint i = 0; i < now->len; i++)
    g_hash_table_insert (positions, &g_array_index (now, KpiRow, i).rowid,
                         &g_array_index (now, KpiRow, i));

  for (guint i = 0; i < self->before->len; i++)
    {
      const KpiRow *was = &g_array_index (self->before, KpiRow, i);
      const KpiRow *is = g_hash_table_lookup (positions, &was->rowid);

      if (is != NULL && !write_position (self, db, was->rowid, is->position, was->position, error))
        return FALSE;
    }
  return TRUE;
}

/* SlCommand */

static gboolean
sl_kpi_command_apply (SlCommand   *command,
                      SlDatabase  *db,
                      GError     **error)
{
  SlKpiCommand *self = SL_KPI_COMMAND (command);

  switch (self->edit)
    {
    case KPI_ADD:
      return add_row (self, db, error);
    case KPI_REMOVE:
      return delete_row (self, db, error);
    case KPI_MOVE:
    default:
      return move_row (self, db, error);
    }
}

static gboolean
sl_kpi_command_revert (SlCommand   *command,
                       SlDatabase  *db,
                       GError     **error)
{
  SlKpiCommand *self = SL_KPI_COMMAND (command);
  KpiRow existing;
  gboolean found;

  switch (self->edit)
    {
    case KPI_ADD:
      return delete_row (self, db, error);
    case KPI_REMOVE:
      g_return_val_if_fail (self->has_row, FALSE);
      if (!find_row (self, db, &existing, &found, error))
        return FALSE;
      return found ? refuse_listed (self, TRUE, error) : insert_row (self, db, error);
    case KPI_MOVE:
    default:
      return unmove_row (self, db, error);
    }
}

static void
sl_kpi_command_finalize (GObject *object)
{
  SlKpiCommand *self = (SlKpiCommand *)object;

  g_free (self->metric);
  g_clear_pointer (&self->before, g_array_unref);

  G_OBJECT_CLASS (sl_kpi_command_parent_class)->finalize (object);
}

static void
sl_kpi_command_class_init (SlKpiCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlCommandClass *command_class = SL_COMMAND_CLASS (klass);

  object_class->finalize = sl_kpi_command_finalize;
  command_class->apply = sl_kpi_command_apply;
  command_class->revert = sl_kpi_command_revert;
}

static void
sl_kpi_command_init (SlKpiCommand *self)
{
}

static SlCommand *
kpi_command_new (const char *label,
                 KpiEdit     edit,
                 const char *metric)
{
  SlKpiCommand *self = g_object_new (SL_TYPE_KPI_COMMAND, "label", label, NULL);

  self->edit = edit;
  self->metric = g_strdup (metric);
  sl_command_add_table (SL_COMMAND (self), "kpi");
  return SL_COMMAND (self);
}

SlCommand *
sl_kpi_command_new_add (const char *label,
                        SlMetric    metric)
{
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, NULL);

  return kpi_command_new (label, KPI_ADD, sl_metric_to_string (metric));
}

SlCommand *
sl_kpi_command_new_remove (const char *label,
                           const char *metric)
{
  g_return_val_if_fail (metric != NULL, NULL);

  return kpi_command_new (label, KPI_REMOVE, metric);
}

SlCommand *
sl_kpi_command_new_move (const char *label,
                         const char *metric,
                         int         delta)
{
  SlCommand *command;

  g_return_val_if_fail (metric != NULL, NULL);
  g_return_val_if_fail (delta == -1 || delta == 1, NULL);

  command = kpi_command_new (label, KPI_MOVE, metric);
  SL_KPI_COMMAND (command)->delta = delta;
  return command;
}
