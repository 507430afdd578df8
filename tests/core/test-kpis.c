/* test-kpis.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The list of metrics finance asked for: SlKpiStore and the commands
 * that add, remove and move its entries, checked against the table with
 * plain SQL, undone and redone. */

#include "config.h"

#include "sl-kpi-command.h"
#include "sl-test-utils.h"

#define KPI_ROWS "SELECT rowid, metric, position, goal_id FROM kpi ORDER BY rowid"

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

static void
assert_items_changed (ItemsChanged *record,
                      guint         position,
                      guint         removed,
                      guint         added)
{
  g_assert_cmpuint (record->calls, ==, 1);
  g_assert_cmpuint (record->position, ==, position);
  g_assert_cmpuint (record->removed, ==, removed);
  g_assert_cmpuint (record->added, ==, added);
  *record = (ItemsChanged) { 0 };
}

/* The metric keys of the store, in order, joined by spaces. */
static char *
store_keys (SlWorkspace *ws)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_kpis (ws));
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SlKpi) kpi = g_list_model_get_item (model, i);

      g_string_append_printf (keys, "%s%s", i > 0 ? " " : "", sl_kpi_get_metric_key (kpi));
    }
  return g_string_free (keys, FALSE);
}

/* The same, straight from the table. */
static char *
table_keys (SlWorkspace *ws)
{
  g_autofree char *text = sl_test_query_text (sl_workspace_get_database (ws),
                                              "SELECT group_concat (metric, ' ') FROM "
                                              "(SELECT metric FROM kpi ORDER BY position, metric)");

  return g_strchomp (g_steal_pointer (&text));
}

static void
assert_keys (SlWorkspace *ws,
             const char  *expected)
{
  g_autofree char *in_store = store_keys (ws);
  g_autofree char *in_table = table_keys (ws);

  g_assert_cmpstr (in_store, ==, expected);
  /* An empty table gives NULL, which sl_test_query_text() writes as ∅. */
  g_assert_cmpstr (in_table, ==, *expected != '\0' ? expected : "∅");
}

static gint64
history_count (SlWorkspace *ws)
{
  return sl_test_query_int64 (sl_workspace_get_database (ws), "SELECT count(*) FROM history");
}

static void
add (SlWorkspace *ws,
     SlMetric     metric)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_workspace_add_kpi (ws, metric, &error));
  g_assert_no_error (error);
}

static void
undo (SlWorkspace *ws)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_undo_stack_undo (sl_workspace_get_undo_stack (ws), &error));
  g_assert_no_error (error);
}

static void
redo (SlWorkspace *ws)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_undo_stack_redo (sl_workspace_get_undo_stack (ws), &error));
  g_assert_no_error (error);
}

static void
test_add_undo_redo (SlWorkspaceFixture *fixture,
                    gconstpointer       data)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_kpis (fixture->ws));
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(SlKpi) first = NULL;
  g_autofree char *after_add = NULL;
  g_autofree char *after_redo = NULL;
  g_autofree char *label = NULL;
  ItemsChanged record = { 0 };
  gint64 history = history_count (fixture->ws);
  SlMetric metric;

  g_assert_true (g_list_model_get_item_type (model) == SL_TYPE_RECORD);
  assert_keys (fixture->ws, "");
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  add (fixture->ws, SL_METRIC_CAC);
  assert_items_changed (&record, 0, 0, 1);
  add (fixture->ws, SL_METRIC_ROI);
  assert_items_changed (&record, 1, 0, 1);
  assert_keys (fixture->ws, "cac roi");
  g_assert_cmpint (history_count (fixture->ws), ==, history + 2);
  label = g_strdup_printf ("Add %s to the Overview", sl_metric_get_label (SL_METRIC_ROI));
  g_assert_cmpstr (sl_undo_stack_get_undo_label (stack), ==, label);

  first = g_list_model_get_item (model, 0);
  g_assert_true (sl_kpi_get_metric (first, &metric));
  g_assert_cmpint (metric, ==, SL_METRIC_CAC);
  g_assert_cmpstr (sl_kpi_get_label (first), ==, sl_metric_get_label (SL_METRIC_CAC));
  g_assert_cmpstr (sl_kpi_get_description (first), ==, sl_metric_get_description (SL_METRIC_CAC));
  g_assert_cmpint (sl_kpi_get_goal_id (first), ==, 0);
  g_assert_true (sl_kpi_store_lookup (sl_workspace_get_kpis (fixture->ws), "cac") == first);
  g_assert_null (sl_kpi_store_lookup (sl_workspace_get_kpis (fixture->ws), "churn"));

  after_add = sl_test_query_text (sl_workspace_get_database (fixture->ws), KPI_ROWS);
  undo (fixture->ws);
  assert_items_changed (&record, 1, 1, 0);
  assert_keys (fixture->ws, "cac");
  redo (fixture->ws);
  assert_items_changed (&record, 1, 0, 1);
  after_redo = sl_test_query_text (sl_workspace_get_database (fixture->ws), KPI_ROWS);
  g_assert_cmpstr (after_redo, ==, after_add);
  /* The entry that stayed kept its object. */
  {
    g_autoptr(SlKpi) again = g_list_model_get_item (model, 0);
    g_assert_true (again == first);
  }
  /* Edit, undo, redo: each wrote its history entry. */
  g_assert_cmpint (history_count (fixture->ws), ==, history + 4);
}

static void
test_duplicate_refused (SlWorkspaceFixture *fixture,
                        gconstpointer       data)
{
  GListModel *model = G_LIST_MODEL (sl_workspace_get_kpis (fixture->ws));
  SlUndoStack *stack = sl_workspace_get_undo_stack (fixture->ws);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  ItemsChanged record = { 0 };
  gint64 history;

  add (fixture->ws, SL_METRIC_CPL);
  add (fixture->ws, SL_METRIC_CHURN);
  before = sl_test_query_text (sl_workspace_get_database (fixture->ws), KPI_ROWS);
  history = history_count (fixture->ws);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  g_assert_false (sl_workspace_add_kpi (fixture->ws, SL_METRIC_CPL, &error));
  g_assert_error (error, SL_KPI_ERROR, SL_KPI_ERROR_LISTED);
  g_assert_nonnull (strstr (error->message, sl_metric_get_label (SL_METRIC_CPL)));
  g_assert_nonnull (strstr (error->message, "already on the Overview"));

  after = sl_test_query_text (sl_workspace_get_database (fixture->ws), KPI_ROWS);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (history_count (fixture->ws), ==, history);
  g_assert_cmpuint (record.calls, ==, 0);
  label = g_strdup_printf ("Add %s to the Overview", sl_metric_get_label (SL_METRIC_CHURN));
  g_assert_cmpstr (sl_undo_stack_get_undo_label (stack), ==, label);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
test_remove_restores_exactly (SlWorkspaceFixture *fixture,
                              gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  GListModel *model = G_LIST_MODEL (sl_workspace_get_kpis (fixture->ws));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  ItemsChanged record = { 0 };

  add (fixture->ws, SL_METRIC_REVENUE);
  add (fixture->ws, SL_METRIC_ARR);
  add (fixture->ws, SL_METRIC_CAC);
  /* A goal the middle entry is tied to, and a gap in the positions. */
  g_assert_true (sl_database_exec (db,
                                   "INSERT INTO goal (id, uuid, objective, first_day, last_day, created_at, updated_at) "
                                   "VALUES (7, 'g7', 'Grow ARR', 0, 364, 0, 0);"
                                   "UPDATE kpi SET goal_id = 7, position = 5 WHERE metric = 'arr';"
                                   "UPDATE kpi SET position = 9 WHERE metric = 'cac'", &error));
  g_assert_no_error (error);
  before = sl_test_query_text (db, KPI_ROWS);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  g_assert_true (sl_workspace_remove_kpi (fixture->ws, "arr", &error));
  g_assert_no_error (error);
  assert_items_changed (&record, 1, 1, 0);
  assert_keys (fixture->ws, "revenue cac");
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM history WHERE entity = 'kpi' "
                                            "AND old_value LIKE '%\"goal_id\":7%' AND new_value IS NULL"), ==, 1);

  undo (fixture->ws);
  assert_items_changed (&record, 1, 0, 1);
  after_undo = sl_test_query_text (db, KPI_ROWS);
  g_assert_cmpstr (after_undo, ==, before);
  {
    g_autoptr(SlKpi) arr = g_list_model_get_item (model, 1);
    g_assert_cmpint (sl_kpi_get_goal_id (arr), ==, 7);
    g_assert_cmpint (sl_kpi_get_position (arr), ==, 5);
  }

  redo (fixture->ws);
  assert_keys (fixture->ws, "revenue cac");

  g_assert_false (sl_workspace_remove_kpi (fixture->ws, "arr", &error));
  g_assert_error (error, SL_KPI_ERROR, SL_KPI_ERROR_NOT_LISTED);
}

static void
test_move (SlWorkspaceFixture *fixture,
           gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  GListModel *model = G_LIST_MODEL (sl_workspace_get_kpis (fixture->ws));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *now = NULL;
  ItemsChanged record = { 0 };
  gint64 history;

  add (fixture->ws, SL_METRIC_LEADS);
  add (fixture->ws, SL_METRIC_MQLS);
  add (fixture->ws, SL_METRIC_SQLS);
  add (fixture->ws, SL_METRIC_WIN_RATE);
  before = sl_test_query_text (db, KPI_ROWS);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  g_assert_true (sl_workspace_move_kpi (fixture->ws, "sqls", -1, &error));
  g_assert_no_error (error);
  assert_items_changed (&record, 1, 2, 2);
  assert_keys (fixture->ws, "leads sqls mqls win-rate");
  moved = sl_test_query_text (db, KPI_ROWS);

  g_assert_true (sl_workspace_move_kpi (fixture->ws, "leads", 1, &error));
  g_assert_no_error (error);
  assert_items_changed (&record, 0, 2, 2);
  assert_keys (fixture->ws, "sqls leads mqls win-rate");

  /* Nowhere to go: refused, nothing written. */
  history = history_count (fixture->ws);
  g_assert_false (sl_workspace_move_kpi (fixture->ws, "sqls", -1, &error));
  g_assert_error (error, SL_KPI_ERROR, SL_KPI_ERROR_CANNOT_MOVE);
  g_clear_error (&error);
  g_assert_false (sl_workspace_move_kpi (fixture->ws, "win-rate", 1, &error));
  g_assert_error (error, SL_KPI_ERROR, SL_KPI_ERROR_CANNOT_MOVE);
  g_clear_error (&error);
  g_assert_false (sl_workspace_move_kpi (fixture->ws, "cac", 1, &error));
  g_assert_error (error, SL_KPI_ERROR, SL_KPI_ERROR_NOT_LISTED);
  g_clear_error (&error);
  g_assert_cmpint (history_count (fixture->ws), ==, history);
  g_assert_cmpuint (record.calls, ==, 0);

  undo (fixture->ws);
  assert_items_changed (&record, 0, 2, 2);
  now = sl_test_query_text (db, KPI_ROWS);
  g_assert_cmpstr (now, ==, moved);
  g_clear_pointer (&now, g_free);
  undo (fixture->ws);
  now = sl_test_query_text (db, KPI_ROWS);
  g_assert_cmpstr (now, ==, before);
  assert_keys (fixture->ws, "leads mqls sqls win-rate");
  g_clear_pointer (&now, g_free);

  redo (fixture->ws);
  now = sl_test_query_text (db, KPI_ROWS);
  g_assert_cmpstr (now, ==, moved);
}

/* Positions that tie or skip still move one place at a time. */
static void
test_move_uneven_positions (SlWorkspaceFixture *fixture,
                            gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (sl_database_exec (db,
                                   "INSERT INTO kpi (metric, position) VALUES "
                                   "('roi', 3), ('cpl', 3), ('arr', 10)", &error));
  g_assert_no_error (error);
  sl_workspace_notify_changed (fixture->ws, (const char *[]) { "kpi", NULL });
  assert_keys (fixture->ws, "cpl roi arr");
  before = sl_test_query_text (db, KPI_ROWS);

  g_assert_true (sl_workspace_move_kpi (fixture->ws, "arr", -1, &error));
  g_assert_no_error (error);
  assert_keys (fixture->ws, "cpl arr roi");
  undo (fixture->ws);
  after = sl_test_query_text (db, KPI_ROWS);
  g_assert_cmpstr (after, ==, before);
}

static void
test_unknown_metric (SlWorkspaceFixture *fixture,
                     gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  GListModel *model = G_LIST_MODEL (sl_workspace_get_kpis (fixture->ws));
  g_autoptr(GError) error = NULL;
  g_autoptr(SlKpi) kpi = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SlMetric metric = SL_METRIC_SPEND;

  g_assert_true (sl_database_exec (db, "INSERT INTO kpi (metric, position) VALUES ('future-metric', 0)", &error));
  g_assert_no_error (error);
  sl_workspace_notify_changed (fixture->ws, (const char *[]) { "kpi", NULL });
  add (fixture->ws, SL_METRIC_MRR);
  assert_keys (fixture->ws, "future-metric mrr");

  kpi = g_list_model_get_item (model, 0);
  g_assert_false (sl_kpi_get_metric (kpi, &metric));
  g_assert_cmpint (metric, ==, SL_METRIC_SPEND);
  g_assert_cmpstr (sl_kpi_get_label (kpi), ==, "future-metric");
  g_assert_nonnull (strstr (sl_kpi_get_description (kpi), "does not know"));

  before = sl_test_query_text (db, KPI_ROWS);
  g_assert_true (sl_workspace_move_kpi (fixture->ws, "future-metric", 1, &error));
  g_assert_no_error (error);
  g_assert_true (sl_workspace_remove_kpi (fixture->ws, "future-metric", &error));
  g_assert_no_error (error);
  assert_keys (fixture->ws, "mrr");
  undo (fixture->ws);
  undo (fixture->ws);
  after = sl_test_query_text (db, KPI_ROWS);
  g_assert_cmpstr (after, ==, before);
}

/* Views hear of a change from the workspace, after the store reloaded. */
static void
changed_cb (SlWorkspace *ws,
            const char  *table,
            guint       *n_items)
{
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_kpis (ws)));
}

static void
test_workspace_signals (SlWorkspaceFixture *fixture,
                        gconstpointer       data)
{
  guint n_items = G_MAXUINT;

  g_signal_connect (fixture->ws, "changed::kpi", G_CALLBACK (changed_cb), &n_items);
  add (fixture->ws, SL_METRIC_CLV_CAC);
  g_assert_cmpuint (n_items, ==, 1);
  undo (fixture->ws);
  g_assert_cmpuint (n_items, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The list of metrics finance asked for: store, commands, undo and redo");

#define ADD(path, func) \
  g_test_add (path, SlWorkspaceFixture, NULL, sl_workspace_fixture_setup, func, sl_workspace_fixture_teardown)
  ADD ("/core/kpis/add-undo-redo", test_add_undo_redo);
  ADD ("/core/kpis/duplicate-refused", test_duplicate_refused);
  ADD ("/core/kpis/remove-restores-exactly", test_remove_restores_exactly);
  ADD ("/core/kpis/move", test_move);
  ADD ("/core/kpis/move-uneven-positions", test_move_uneven_positions);
  ADD ("/core/kpis/unknown-metric", test_unknown_metric);
  ADD ("/core/kpis/workspace-signals", test_workspace_signals);
#undef ADD

  return g_test_run ();
}
