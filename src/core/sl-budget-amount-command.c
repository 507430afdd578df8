/* sl-budget-amount-command.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-budget-amount-command.h"

typedef struct
{
  gboolean exists;
  gint64   amount_minor;
  char     currency[4];
} CellState;

struct _SlBudgetAmountCommand
{
  SlCommand  parent_instance;

  char      *version;
  gint64     channel_id;
  SlDay      first;
  SlDay      last;
  char      *uuid;       /* of the line, kept so redo recreates the same one */
  CellState  wanted;
  CellState  before;
  gboolean   applied_once;
};

G_DEFINE_FINAL_TYPE (SlBudgetAmountCommand, sl_budget_amount_command, SL_TYPE_COMMAND)

static gboolean
find_line (SlBudgetAmountCommand  *self,
           SlDatabase             *db,
           gint64                 *id,
           CellState              *state,
           GError                **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (db,
                              "SELECT id, uuid, amount_minor, currency FROM budget_line "
                              "WHERE version = ?1 AND first_day = ?2 AND campaign_id IS NULL "
                              "AND request_id IS NULL "
                              "AND ((?3 = 0 AND is_reserve = 1) OR (channel_id = ?3 AND is_reserve = 0))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->version, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, self->first);
  sqlite3_bind_int64 (stmt, 3, self->channel_id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;

  *id = 0;
  memset (state, 0, sizeof *state);
  if (has_row)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      state->exists = TRUE;
      state->amount_minor = sqlite3_column_int64 (stmt, 2);
      g_strlcpy (state->currency, (const char *)sqlite3_column_text (stmt, 3), sizeof state->currency);
      if (self->uuid == NULL)
        self->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  return TRUE;
}

static char *
state_to_text (const CellState *state)
{
  if (!state->exists)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", state->amount_minor, state->currency);
}

static gboolean
write_line (SlBudgetAmountCommand  *self,
            SlDatabase             *db,
            gint64                 *id,
            const CellState        *state,
            GError                **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  if (!state->exists)
    {
      stmt = sl_database_prepare (db, "DELETE FROM budget_line WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
      return sl_database_step_done (db, stmt, error);
    }

  if (*id != 0)
    {
      stmt = sl_database_prepare (db,
                                  "UPDATE budget_line SET amount_minor = ?2, currency = ?3 WHERE id = ?1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
    }
  else
    {
      stmt = sl_database_prepare (db,
                                  "INSERT INTO budget_line (uuid, version, channel_id, is_reserve, "
                                  "first_day, last_day, amount_minor, currency) "
                                  "VALUES (?4, ?5, nullif (?6, 0), ?6 = 0, ?7, ?8, ?2, ?3)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      if (self->uuid == NULL)
        self->uuid = g_uuid_string_random ();
      sqlite3_bind_text (stmt, 4, self->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, self->version, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, self->channel_id);
      sqlite3_bind_int (stmt, 7, self->first);
      sqlite3_bind_int (stmt, 8, self->last);
    }
  sqlite3_bind_int64 (stmt, 2, state->amount_minor);
  sqlite3_bind_text (stmt, 3, state->currency, -1, SQLITE_STATIC);
  if (!sl_database_step_done (db, stmt, error))
    return FALSE;

  if (*id == 0)
    *id = sl_database_last_insert_id (db);
  return TRUE;
}

/* Moves the cell from what it holds now to @target, with history. */
static gboolean
set_cell (SlBudgetAmountCommand  *self,
          SlDatabase             *db,
          const CellState        *target,
          CellState              *previous,
          GError                **error)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  CellState current;
  gint64 id;

  if (!find_line (self, db, &id, &current, error))
    return FALSE;
  if (previous != NULL)
    *previous = current;

  if (!current.exists && !target->exists)
    return TRUE;
  if (!write_line (self, db, &id, target, error))
    return FALSE;

  old_text = state_to_text (&current);
  new_text = state_to_text (target);
  return sl_command_record (SL_COMMAND (self), db, "budget_line", id, "amount_minor",
                            old_text, new_text, error);
}

static gboolean
sl_budget_amount_command_apply (SlCommand   *command,
                                SlDatabase  *db,
                                GError     **error)
{
  SlBudgetAmountCommand *self = SL_BUDGET_AMOUNT_COMMAND (command);
  CellState before;

  if (!set_cell (self, db, &self->wanted, &before, error))
    return FALSE;

  if (!self->applied_once)
    {
      self->before = before;
      self->applied_once = TRUE;
    }
  return TRUE;
}

static gboolean
sl_budget_amount_command_revert (SlCommand   *command,
                                 SlDatabase  *db,
                                 GError     **error)
{
  SlBudgetAmountCommand *self = SL_BUDGET_AMOUNT_COMMAND (command);

  return set_cell (self, db, &self->before, NULL, error);
}

static void
sl_budget_amount_command_finalize (GObject *object)
{
  SlBudgetAmountCommand *self = (SlBudgetAmountCommand *)object;

  g_free (self->version);
  g_free (self->uuid);

  G_OBJECT_CLASS (sl_budget_amount_command_parent_class)->finalize (object);
}

static void
sl_budget_amount_command_class_init (SlBudgetAmountCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SlCommandClass *command_class = SL_COMMAND_CLASS (klass);

  object_class->finalize = sl_budget_amount_command_finalize;
  command_class->apply = sl_budget_amount_command_apply;
  command_class->revert = sl_budget_amount_command_revert;
}

static void
sl_budget_amount_command_init (SlBudgetAmountCommand *self)
{
}

SlCommand *
sl_budget_amount_command_new (const char    *label,
                              const char    *version,
                              gint64         channel_id,
                              SlDay          first,
                              SlDay          last,
                              const SlMoney *amount)
{
  SlBudgetAmountCommand *self;

  g_return_val_if_fail (version != NULL, NULL);
  g_return_val_if_fail (last >= first, NULL);

  self = g_object_new (SL_TYPE_BUDGET_AMOUNT_COMMAND, "label", label, NULL);
  self->version = g_strdup (version);
  self->channel_id = channel_id;
  self->first = first;
  self->last = last;
  if (amount != NULL)
    {
      self->wanted.exists = TRUE;
      self->wanted.amount_minor = amount->minor;
      g_strlcpy (self->wanted.currency, amount->currency, sizeof self->wanted.currency);
    }
  sl_command_add_table (SL_COMMAND (self), "budget_line");
  return SL_COMMAND (self);
}
