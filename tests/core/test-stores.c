/* test-stores.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-row-command.h"
#include "sl-set-field-command.h"
#include "sl-test-utils.h"

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static const char *
channel_name_at (SlWorkspace *ws,
                 guint        position)
{
  g_autoptr(SlChannel) channel = g_list_model_get_item (G_LIST_MODEL (sl_workspace_get_channels (ws)), position);

  g_assert_nonnull (channel);
  return sl_channel_get_name (channel);  /* the store keeps it alive */
}

static void
test_channels_load (SlWorkspaceFixture *fixture,
                    gconstpointer       data)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_channels (fixture->ws));
  g_autoptr(SlChannel) first = NULL;

  g_assert_true (g_list_model_get_item_type (model) == SL_TYPE_RECORD);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (channel_name_at (fixture->ws, 0), ==, "Search");
  g_assert_cmpstr (channel_name_at (fixture->ws, 1), ==, "Social");
  g_assert_cmpstr (channel_name_at (fixture->ws, 2), ==, "Events");
  g_assert_null (g_list_model_get_item (model, 3));

  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (sl_record_get_id (SL_RECORD (first)), >, 0);
  g_assert_true (g_uuid_string_is_valid (sl_record_get_uuid (SL_RECORD (first))));
  g_assert_true ((SlChannel *)sl_store_find (SL_STORE (sl_workspace_get_channels (fixture->ws)),
                                             sl_record_get_id (SL_RECORD (first))) == first);
}

static void
test_channels_insert_delete (SlWorkspaceFixture *fixture,
                             gconstpointer       data)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_channels (fixture->ws));
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SlChannel) kept = g_list_model_get_item (model, 0);
  ItemsChanged record = { 0 };
  SlCommand *insert;
  gint64 id;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  json_object_set_string_member (values, "name", "Podcasts");
  json_object_set_int_member (values, "position", 10);
  insert = sl_row_command_new_insert ("Add channel", "channel", values);
  g_object_ref (insert);
  g_assert_true (sl_workspace_run (fixture->ws, insert, &error));
  g_assert_no_error (error);
  id = sl_row_command_get_id (SL_ROW_COMMAND (insert));
  g_object_unref (insert);

  g_assert_cmpuint (record.calls, ==, 1);
  /* Only the new row is announced, not the list again. */
  g_assert_cmpuint (record.position, ==, 3);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (channel_name_at (fixture->ws, 3), ==, "Podcasts");
  /* Rows still there keep their objects. */
  {
    g_autoptr(SlChannel) again = g_list_model_get_item (model, 0);
    g_assert_true (again == kept);
  }

  g_assert_true (sl_workspace_run (fixture->ws,
                                   sl_row_command_new_delete ("Remove channel", "channel", id),
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (fixture->ws),
                                        "SELECT count(*) FROM channel WHERE name = 'Podcasts'"), ==, 0);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_channels_rename_in_place (SlWorkspaceFixture *fixture,
                               gconstpointer       data)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_channels (fixture->ws));
  g_autoptr(SlChannel) social = g_list_model_get_item (model, 1);
  g_autoptr(JsonNode) name = json_node_init_string (json_node_alloc (), "Paid Social");
  g_autoptr(GError) error = NULL;
  ItemsChanged record = { 0 };
  guint notified = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_signal_connect (social, "notify::name", G_CALLBACK (notify_cb), &notified);

  g_assert_true (sl_workspace_run (fixture->ws,
                                   sl_set_field_command_new ("Rename", "channel",
                                                             sl_record_get_id (SL_RECORD (social)),
                                                             "name", name),
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_channel_get_name (social), ==, "Paid Social");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (record.calls, ==, 0);
}

static void
test_duplicate_name_refused (SlWorkspaceFixture *fixture,
                             gconstpointer       data)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (values, "name", "search");  /* names ignore case */
  g_assert_false (sl_workspace_run (fixture->ws,
                                    sl_row_command_new_insert ("Add channel", "channel", values),
                                    &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (fixture->ws))), ==, 3);
  g_assert_false (sl_undo_stack_can_undo (sl_workspace_get_undo_stack (fixture->ws)));
}

static void
test_edit_refuses_unknown_fields (SlWorkspaceFixture *fixture,
                                  gconstpointer       data)
{
  g_autoptr(JsonNode) value = json_node_init_int (json_node_alloc (), 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_workspace_run (fixture->ws,
                                    sl_set_field_command_new ("Hack", "channel", 1,
                                                              "name = 'x'; DROP TABLE channel; --", value),
                                    &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (sl_workspace_run (fixture->ws,
                                    sl_set_field_command_new ("Hack", "history", 1, "author", value),
                                    &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_FAILED);
  g_assert_cmpint (sl_test_query_int64 (sl_workspace_get_database (fixture->ws),
                                        "SELECT count(*) FROM channel"), ==, 3);
}

static void
test_budget_lines (SlWorkspaceFixture *fixture,
                   gconstpointer       data)
{
  g_autoptr(SlBudgetLineStore) store = NULL;
  g_autoptr(SlChannel) search = g_list_model_get_item (G_LIST_MODEL (sl_workspace_get_channels (fixture->ws)), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  SlPeriod year;
  SlMoney amount, read;
  SlBudgetLine *line;
  gint64 search_id = sl_record_get_id (SL_RECORD (search));

  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, 2025);
  months = sl_period_split (&year, SL_PERIOD_MONTH);
  g_assert_cmpuint (months->len, ==, 12);

  store = sl_workspace_dup_budget_lines (fixture->ws, SL_BUDGET_PLAN, &year);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  sl_money_init (&amount, 1234567, "USD");
  g_assert_true (sl_workspace_set_budget_amount (fixture->ws, SL_BUDGET_PLAN, search_id,
                                                 &g_array_index (months, SlPeriod, 2), &amount, &error));
  g_assert_no_error (error);
  sl_money_init (&amount, 50000, "USD");
  g_assert_true (sl_workspace_set_budget_amount (fixture->ws, SL_BUDGET_PLAN, 0,
                                                 &g_array_index (months, SlPeriod, 2), &amount, &error));
  g_assert_no_error (error);
  /* Another version is not in this store. */
  g_assert_true (sl_workspace_set_budget_amount (fixture->ws, SL_BUDGET_FORECAST, search_id,
                                                 &g_array_index (months, SlPeriod, 2), &amount, &error));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  line = sl_budget_line_store_find_cell (store, search_id, sl_day_from_ymd (2025, 3, 1));
  g_assert_nonnull (line);
  sl_budget_line_get_amount (line, &read);
  g_assert_cmpint (read.minor, ==, 1234567);
  g_assert_cmpstr (read.currency, ==, "USD");
  g_assert_cmpint (sl_budget_line_get_last_day (line), ==, sl_day_from_ymd (2025, 3, 31));

  line = sl_budget_line_store_find_cell (store, 0, sl_day_from_ymd (2025, 3, 1));
  g_assert_nonnull (line);
  g_assert_true (sl_budget_line_get_is_reserve (line));
  g_assert_null (sl_budget_line_store_find_cell (store, search_id, sl_day_from_ymd (2025, 4, 1)));

  /* Editing an existing cell updates its object in place. */
  sl_money_init (&amount, 999, "USD");
  line = sl_budget_line_store_find_cell (store, search_id, sl_day_from_ymd (2025, 3, 1));
  g_assert_true (sl_workspace_set_budget_amount (fixture->ws, SL_BUDGET_PLAN, search_id,
                                                 &g_array_index (months, SlPeriod, 2), &amount, &error));
  sl_budget_line_get_amount (line, &read);
  g_assert_cmpint (read.minor, ==, 999);
}

static void
changed_cb (SlWorkspace *ws,
            const char  *table,
            guint       *count)
{
  g_assert_cmpstr (table, ==, "channel");
  (*count)++;
}

static void
test_notify_changed (SlWorkspaceFixture *fixture,
                     gconstpointer       data)
{
  static const char * const tables[] = { "channel", NULL };
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  /* A write outside the undo stack, as an import makes. */
  g_assert_true (sl_database_exec (sl_workspace_get_database (fixture->ws),
                                   "INSERT INTO channel (uuid, name) VALUES ('u-9', 'Radio')", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (fixture->ws))), ==, 3);

  g_signal_connect (fixture->ws, "changed::channel", G_CALLBACK (changed_cb), &changed);
  sl_workspace_notify_changed (fixture->ws, tables);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (fixture->ws))), ==, 4);
  g_assert_cmpuint (changed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Stores: list models of workspace rows that follow edits");

#define ADD(path, func) \
  g_test_add (path, SlWorkspaceFixture, NULL, sl_workspace_fixture_setup, func, sl_workspace_fixture_teardown)
  ADD ("/core/store/channels/load", test_channels_load);
  ADD ("/core/store/channels/insert-delete", test_channels_insert_delete);
  ADD ("/core/store/channels/rename-in-place", test_channels_rename_in_place);
  ADD ("/core/store/channels/duplicate-name", test_duplicate_name_refused);
  ADD ("/core/store/edit-refuses-unknown-fields", test_edit_refuses_unknown_fields);
  ADD ("/core/store/budget-lines", test_budget_lines);
  ADD ("/core/store/notify-changed", test_notify_changed);
#undef ADD

  return g_test_run ();
}
