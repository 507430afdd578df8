/* sl-realloc-apply-command.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-collab.h"
#include "sl-money.h"
#include "sl-realloc-apply-command.h"
#include "sl-realloc-plan.h"

typedef struct
{
  gint64    channel_id;
  SlDay     first;
  gint64    delta;
  gboolean  existed;      /* the plan line was there before */
  gint64    old_minor;
  char     *uuid;         /* of a line it adds, so redo adds the same one */
} Cell;

struct _SlReallocApplyCommand
{
  SlCommand   parent_instance;

  gint64      plan_id;
  SlCalendar  calendar;
  char        currency[4];
  GArray     *cells;      /* Cell, read on first apply */
};

G_DEFINE_FINAL_TYPE (SlReallocApplyCommand, sl_realloc_apply_command, SL_TYPE_COMMAND)

static const char cell_sql[] =
  "SELECT id, amount_minor FROM budget_line WHERE version = 'plan' AND channel_id = ?1 "
  "AND first_day = ?2 AND campaign_id IS NULL AND request_id IS NULL AND is_reserve = 0";

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->uuid, g_free);
}

static void
add_delta (GArray *cells,
           gint64  channel_id,
           SlDay   first,
           gint64  delta)
{
  Cell cell = { channel_id, first, delta };

  for (guint i = 0; i < cells->len; i++)
    {
      Cell *c = &g_array_index (cells, Cell, i);

      if (c->channel_id == channel_id && c->first == first)
        {
          c->delta += delta;
          return;
        }
    }
  g_array_append_val (cells, cell);
}

/* The plan's moves, summed per channel and month; the reserve's ends
 * move no budget line. */
static gboolean
read_cells (SlReallocApplyCommand  *self,
            SlDatabase             *db,
            GError                **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row, ok;

  stmt = sl_database_prepare (db,
                              "SELECT from_channel_id, from_first_day, to_channel_id, to_first_day, "
                              "amount_minor, (SELECT currency FROM realloc_plan WHERE id = ?1) "
                              "FROM realloc_line WHERE plan_id = ?1 ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  while ((ok = sl_database_step_row (db, stmt, &has_row, error)) && has_row)
    {
      gint64 amount = sqlite3_column_int64 (stmt, 4);

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        add_delta (self->cells, sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1), -amount);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        add_delta (self->cells, sqlite3_column_int64 (stmt, 2), sqlite3_column_int (stmt, 3), amount);
      g_strlcpy (self->currency, (const char *)sqlite3_column_text (stmt, 5), sizeof self->currency);
    }
  return ok;
}

static gboolean
refuse_cut (SlReallocApplyCommand  *self,
            SlDatabase             *db,
            const Cell             *cell,
            gint64                  planned,
            GError                **error)
{
  const char *currency = self->currency;
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, "SELECT name FROM channel WHERE id = ?1", NULL);
  g_autofree char *month = NULL;
  g_autofree char *have = NULL;
  g_autofree char *cut = NULL;
  gboolean has_row = FALSE;
  SlPeriod period;
  SlMoney money;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, cell->channel_id);
      sl_database_step_row (db, stmt, &has_row, NULL);
    }
  sl_period_init (&period, SL_PERIOD_MONTH, self->calendar, 1, cell->first);
  month = sl_period_format (&period, NULL);
  sl_money_init (&money, planned, currency);
  have = sl_money_format (&money, NULL);
  sl_money_init (&money, -cell->delta, currency);
  cut = sl_money_format (&money, NULL);
  g_set_error (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_BUDGET,
               /* Translators: a channel, an amount, a month, an amount */
               _("%s has %s planned for %s, but the plan moves %s out of it; lower the amount moved"),
               has_row ? (const char *)sqlite3_column_text (stmt, 0) : "?", have, month, cut);
  return FALSE;
}

static gboolean
record_amount (SlReallocApplyCommand  *self,
               SlDatabase             *db,
               gint64                  line_id,
               const gint64           *from,
               const gint64           *to,
               GError                **error)
{
  g_autofree char *old_text = from ? g_strdup_printf ("%" G_GINT64_FORMAT " %s", *from, self->currency) : NULL;
  g_autofree char *new_text = to ? g_strdup_printf ("%" G_GINT64_FORMAT " %s", *to, self->currency) : NULL;

  return sl_command_record (SL_COMMAND (self), db, "budget_line", line_id, "amount_minor",
                            old_text, new_text, error);
}

/* The plan line of @cell: its id and amount (0 and 0 when none). */
static gboolean
find_cell (SlDatabase  *db,
           const Cell  *cell,
           gboolean    *has_row,
           gint64      *id,
           gint64      *amount,
           GError     **error)
{
  g_autoptr(SlStatement) find = sl_database_prepare (db, cell_sql, error);

  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, cell->channel_id);
  sqlite3_bind_int (find, 2, cell->first);
  if (!sl_database_step_row (db, find, has_row, error))
    return FALSE;
  *id = *has_row ? sqlite3_column_int64 (find, 0) : 0;
  *amount = *has_row ? sqlite3_column_int64 (find, 1) : 0;
  return TRUE;
}

/* Moves one cell by its delta (first apply and redo). */
static gboolean
apply_cell (SlReallocApplyCommand  *self,
            SlDatabase             *db,
            Cell                   *cell,
            gboolean                first_time,
            GError                **error)
{
  g_autoptr(SlStatement) write = NULL;
  gboolean has_row;
  gint64 old, new, id;
  SlPeriod month;

  if (!find_cell (db, cell, &has_row, &id, &old, error))
    return FALSE;
  if (first_time)
    {
      cell->existed = has_row;
      cell->old_minor = old;
      if (cell->uuid == NULL)
        cell->uuid = g_uuid_string_random ();
    }
  new = old + cell->delta;
  if (new < 0)
    return refuse_cut (self, db, cell, old, error);

  if (has_row)
    {
      write = sl_database_prepare (db, "UPDATE budget_line SET amount_minor = ?2 WHERE id = ?1", error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, 1, id);
      sqlite3_bind_int64 (write, 2, new);
      return sl_database_step_done (db, write, error) &&
             record_amount (self, db, id, &old, &new, error);
    }

  sl_period_init (&month, SL_PERIOD_MONTH, self->calendar, 1, cell->first);
  write = sl_database_prepare (db,
                               "INSERT INTO budget_line (uuid, version, channel_id, is_reserve, first_day, "
                               "last_day, amount_minor, currency) VALUES (?1, 'plan', ?2, 0, ?3, ?4, ?5, ?6)",
                               error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_text (write, 1, cell->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (write, 2, cell->channel_id);
  sqlite3_bind_int (write, 3, cell->first);
  sqlite3_bind_int (write, 4, MAX (month.last, cell->first));
  sqlite3_bind_int64 (write, 5, new);
  sqlite3_bind_text (write, 6, self->currency, -1, SQLITE_STATIC);
  return sl_database_step_done (db, write, error) &&
         record_amount (self, db, sl_database_last_insert_id (db), NULL, &new, error);
}

/* Puts one cell back as it was before the first apply. */
static gboolean
revert_cell (SlReallocApplyCommand  *self,
             SlDatabase             *db,
             const Cell             *cell,
             GError                **error)
{
  g_autoptr(SlStatement) write = NULL;
  gboolean has_row;
  gint64 id, current;

  if (!find_cell (db, cell, &has_row, &id, &current, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  write = sl_database_prepare (db, cell->existed ? "UPDATE budget_line SET amount_minor = ?2 WHERE id = ?1"
                                                 : "DELETE FROM budget_line WHERE id = ?1 AND ?2 = ?2",
                               error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, id);
  sqlite3_bind_int64 (write, 2, cell->old_minor);
  return sl_database_step_done (db, write, error) &&
         record_amount (self, db, id, &current, cell->existed ? &cell->old_minor : NULL, error);
}

static gboolean
set_status (SlReallocApplyCommand  *self,
            SlDatabase             *db,
            const char             *from,
            const char             *to,
            GError                **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gint64 now = g_get_real_time ();

  stmt = sl_database_prepare (db,
                              "UPDATE realloc_plan SET status = ?2, updated_at = ?3, "
                              "applied_at = CASE WHEN ?2 = 'applied' THEN ?3 END "
                              "WHERE id = ?1 AND status = ?4",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_STATIC);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (sl_database_get_handle (db)) != 1)
    {
      g_set_error_literal (error, SL_COLLAB_ERROR, SL_COLLAB_ERROR_TRANSITION,
                           g_str_equal (from, SL_REALLOC_APPROVED)
                           ? _("Only an approved plan can be applied")
                           : _("Only an applied plan can be taken back"));
      return FALSE;
    }
  return sl_command_record (SL_COMMAND (self), db, "realloc_plan", self->plan_id, "status", from, to, error);
}

static gboolean
sl_realloc_apply_command_apply (SlCommand   *command,
                                SlDatabase  *db,
                                GError     **error)
{
  SlReallocApplyCommand *self = SL_REALLOC_APPLY_COMMAND (command);
  gboolean first_time = self->cells == NULL;

  if (first_time)
    {
      self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
      g_array_set_clear_func (self->cells, (GDestroyNotify)cell_clear);
      if (!read_cells (self, db, error))
        {
          g_clear_pointer (&self->cells, g_array_unref);
          return FALSE;
        }
    }
  if (!set_status (self, db, SL_REALLOC_APPROVED, SL_REALLOC_APPLIED, error))
    goto failed;
  for (guint i = 0; i < self->cells->len; i++)
    if (!apply_cell (self, db, &g_array_index (self->cells, Cell, i), first_time, error))
      goto failed;
  return TRUE;

failed:
  if (first_time)
    g_clear_pointer (&self->cells, g_array_unref);
  return FALSE;
}

static gboolean
sl_realloc_apply_command_revert (SlCommand   *command,
                                 SlDatabase  *db,
                                 GError     **error)
{
  SlReallocApplyCommand *self = SL_REALLOC_APPLY_COMMAND (command);

  g_return_val_if_fail (self->cells != NULL, FALSE);

  for (guint i = self->cells->len; i > 0; i--)
    if (!revert_cell (self, db, &g_array_index (self->cells, Cell, i - 1), error))
      return FALSE;
  return set_status (self, db, SL_REALLOC_APPLIED, SL_REALLOC_APPROVED, error);
}

static void
sl_realloc_apply_command_finalize (GObject *object)
{
  SlReallocApplyCommand *self = (SlReallocApplyCommand *)object;

  g_clear_pointer (&self->cells, g_array_unref);

  G_OBJECT_CLASS (sl_realloc_apply_command_parent_class)->finalize (object);
}

static void
sl_realloc_apply_command_class_init (SlReallocApplyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlCommandClass *command_class = SL_COMMAND_CLASS (klass);

  object_class->finalize = sl_realloc_apply_command_finalize;
  command_class->apply = sl_realloc_apply_command_apply;
  command_class->revert = sl_realloc_apply_command_revert;
}

static void
sl_realloc_apply_command_init (SlReallocApplyCommand *self)
{
}

SlCommand *
sl_realloc_apply_command_new (const char *label,
                              gint64      plan_id,
                              SlCalendar  calendar)
{
  SlReallocApplyCommand *self = g_object_new (SL_TYPE_REALLOC_APPLY_COMMAND, "label", label, NULL);

  self->plan_id = plan_id;
  self->calendar = calendar;
  sl_command_add_table (SL_COMMAND (self), "budget_line");
  sl_command_add_table (SL_COMMAND (self), "realloc_plan");
  return SL_COMMAND (self);
}
