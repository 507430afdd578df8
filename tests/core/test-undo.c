/* test-undo.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-command-group.h"
#include "sl-history.h"
#include "sl-row-command.h"
#include "sl-set-field-command.h"
#include "sl-test-utils.h"

static gint64
plan_amount (SlWorkspace *ws,
             const char  *month)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;
  SlDay first;

  g_assert_true (sl_day_parse_iso (month, &first, &error));
  stmt = sl_database_prepare (sl_workspace_get_database (ws),
                              "SELECT amount_minor FROM budget_line "
                              "WHERE version = 'plan' AND channel_id = 1 AND first_day = ?1",
                              &error);
  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, first);
  g_assert_true (sl_database_step_row (sl_workspace_get_database (ws), stmt, &has_row, &error));
  return has_row ? sqlite3_column_int64 (stmt, 0) : -1;
}

static void
set_plan (SlWorkspace *ws,
          int          month,
          gint64       minor)
{
  g_autoptr(GError) error = NULL;
  SlPeriod period;
  SlMoney amount;

  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, month, 1));
  sl_money_init (&amount, minor, "USD");
  g_assert_true (sl_workspace_set_budget_amount (ws, SL_BUDGET_PLAN, 1, &period,
                                                 minor < 0 ? NULL : &amount, &error));
  g_assert_no_error (error);
}

static void
test_undo_redo_budget (SlWorkspaceFixture *fixture,
                       gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_undo_stack_can_undo (stack));
  set_plan (fixture->ws, 1, 100000);
  set_plan (fixture->ws, 1, 250000);
  g_assert_cmpint (plan_amount (fixture->ws, "2025-01-01"), ==, 250000);
  g_assert_true (sl_undo_stack_can_undo (stack));
  g_assert_nonnull (strstr (sl_undo_stack_get_undo_label (stack), "Search"));

  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (plan_amount (fixture->ws, "2025-01-01"), ==, 100000);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  /* The line did not exist before the first edit. */
  g_assert_cmpint (plan_amount (fixture->ws, "2025-01-01"), ==, -1);
  g_assert_false (sl_undo_stack_can_undo (stack));
  g_assert_true (sl_undo_stack_can_redo (stack));

  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_cmpint (plan_amount (fixture->ws, "2025-01-01"), ==, 100000);
  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_cmpint (plan_amount (fixture->ws, "2025-01-01"), ==, 250000);
  g_assert_false (sl_undo_stack_can_redo (stack));

  /* A new edit clears what could be redone. */
  g_assert_true (sl_undo_stack_undo (stack, &error));
  set_plan (fixture->ws, 2, 5);
  g_assert_false (sl_undo_stack_can_redo (stack));
  g_assert_no_error (error);
}

static void
test_clear_cell (SlWorkspaceFixture *fixture,
                 gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *uuid_before = NULL;
  gboolean has_row;

  set_plan (fixture->ws, 3, 700);
  stmt = sl_database_prepare (sl_workspace_get_database (fixture->ws),
                              "SELECT uuid FROM budget_line WHERE version = 'plan'", &error);
  g_assert_true (sl_database_step_row (sl_workspace_get_database (fixture->ws), stmt, &has_row, &error));
  g_assert_true (has_row);
  uuid_before = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sl_statement_release (stmt);

  set_plan (fixture->ws, 3, -1);
  g_assert_cmpint (plan_amount (fixture->ws, "2025-03-01"), ==, -1);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (plan_amount (fixture->ws, "2025-03-01"), ==, 700);

  /* The line comes back as the same shared item. */
  stmt = sl_database_prepare (sl_workspace_get_database (fixture->ws),
                              "SELECT uuid FROM budget_line WHERE version = 'plan'", &error);
  g_assert_true (sl_database_step_row (sl_workspace_get_database (fixture->ws), stmt, &has_row, &error));
  g_assert_true (has_row);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, uuid_before);
}

static void
test_row_undo_keeps_identity (SlWorkspaceFixture *fixture,
                              gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_workspace_run (fixture->ws,
                                   sl_row_command_new_delete ("Remove Social", "channel", 2),
                                   &error));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel WHERE id = 2"), ==, 0);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel WHERE id = 2 AND name = 'Social' AND position = 1"), ==, 1);
  g_assert_true (sl_undo_stack_redo (stack, &error));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (fixture->ws))), ==, 2);
  g_assert_no_error (error);
}

static void
test_failed_undo_keeps_stack (SlWorkspaceFixture *fixture,
                              gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;

  /* Add a channel, give it a plan line outside the undo stack, then
   * undoing the add must fail (the line still uses the channel). */
  json_object_set_string_member (values, "name", "Radio");
  g_assert_true (sl_workspace_run (fixture->ws, sl_row_command_new_insert ("Add Radio", "channel", values), &error));
  g_assert_true (sl_database_exec (db,
                                   "INSERT INTO budget_line (uuid, version, channel_id, first_day, last_day, amount_minor, currency) "
                                   "SELECT 'b-1', 'plan', id, 0, 30, 1, 'USD' FROM channel WHERE name = 'Radio'",
                                   &error));

  g_assert_false (sl_undo_stack_undo (stack, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_assert_true (sl_undo_stack_can_undo (stack));
  g_assert_false (sl_undo_stack_can_redo (stack));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel WHERE name = 'Radio'"), ==, 1);
}

static void
test_group (SlWorkspaceFixture *fixture,
            gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  g_autoptr(GError) error = NULL;
  SlCommandGroup *group = sl_command_group_new ("Rename two channels");
  g_autoptr(JsonNode) a = json_node_init_string (json_node_alloc (), "Paid Search");
  g_autoptr(JsonNode) b = json_node_init_string (json_node_alloc (), "Paid Social");

  sl_command_group_add (group, sl_set_field_command_new ("Rename", "channel", 1, "name", a));
  sl_command_group_add (group, sl_set_field_command_new ("Rename", "channel", 2, "name", b));
  g_assert_true (sl_workspace_run (fixture->ws, SL_COMMAND (group), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel WHERE name LIKE 'Paid %'"), ==, 2);

  g_assert_true (sl_undo_stack_undo (stack, &error));
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel WHERE name LIKE 'Paid %'"), ==, 0);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM channel WHERE name IN ('Search', 'Social')"), ==, 2);
}

static void
test_history (SlWorkspaceFixture *fixture,
              gconstpointer       data)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(SlWorkspace) reopened = NULL;
  SlHistoryEntry *entry;
  gint64 line_id;

  sl_workspace_set_author (fixture->ws, "Dana (Finance)");
  set_plan (fixture->ws, 4, 100000);
  set_plan (fixture->ws, 4, 120050);
  g_assert_true (sl_undo_stack_undo (stack, &error));
  line_id = sl_test_query_int64 (sl_workspace_get_database (fixture->ws),
                                 "SELECT id FROM budget_line WHERE version = 'plan'");

  /* The answer to "who changed this number?" survives a restart. */
  g_clear_object (&fixture->ws);
  reopened = sl_workspace_open (fixture->path, &error);
  g_assert_no_error (error);

  entries = sl_history_list (sl_workspace_get_database (reopened), "budget_line", line_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);

  entry = g_ptr_array_index (entries, 0);  /* newest first */
  g_assert_cmpstr (entry->action, ==, "undo");
  g_assert_cmpstr (entry->author, ==, "Dana (Finance)");
  g_assert_cmpstr (entry->field, ==, "amount_minor");
  g_assert_cmpstr (entry->old_value, ==, "120050 USD");
  g_assert_cmpstr (entry->new_value, ==, "100000 USD");

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "edit");
  g_assert_cmpstr (entry->old_value, ==, "100000 USD");
  g_assert_cmpstr (entry->new_value, ==, "120050 USD");
  g_assert_nonnull (strstr (entry->label, "Search"));

  entry = g_ptr_array_index (entries, 2);
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "100000 USD");
  g_assert_cmpint (entry->at, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The undo stack and the history of who changed what");

#define ADD(path, func) \
  g_test_add (path, SlWorkspaceFixture, NULL, sl_workspace_fixture_setup, func, sl_workspace_fixture_teardown)
  ADD ("/core/undo/budget", test_undo_redo_budget);
  ADD ("/core/undo/clear-cell", test_clear_cell);
  ADD ("/core/undo/row-identity", test_row_undo_keeps_identity);
  ADD ("/core/undo/failed-undo", test_failed_undo_keeps_stack);
  ADD ("/core/undo/group", test_group);
  ADD ("/core/undo/history", test_history);
#undef ADD

  return g_test_run ();
}
