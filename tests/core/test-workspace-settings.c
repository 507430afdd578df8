/* test-workspace-settings.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Undoable edits of a workspace's settings: each reaches the file with
 * its history, is announced, undone and redone; values out of range are
 * refused and leave the file as it was. */

#include "config.h"

#include "sl-set-field-command.h"
#include "sl-test-utils.h"

#define SETTINGS_ROW "SELECT name, currency, calendar, fiscal_start_month, reserve_basis_points, " \
                     "deadline_offset_days, checkin_day FROM workspace"

typedef gboolean (*SetInt) (SlWorkspace *self, int value, GError **error);
typedef int      (*GetInt) (SlWorkspace *self);

typedef struct
{
  const char *property;
  const char *column;
  SetInt      set;
  GetInt      get;
  int         value;        /* a valid new value */
  int         invalid[3];   /* refused values; unused ones repeat */
} IntSetting;

static gboolean
set_calendar (SlWorkspace  *self,
              int           value,
              GError      **error)
{
  return sl_workspace_set_calendar (self, value, error);
}

static int
get_calendar (SlWorkspace *self)
{
  return sl_workspace_get_calendar (self);
}

static const IntSetting int_settings[] = {
  { "calendar", "calendar", set_calendar, get_calendar, SL_CALENDAR_SOLAR_HIJRI, { -1, 3, 99 } },
  { "fiscal-start-month", "fiscal_start_month", sl_workspace_set_fiscal_start_month,
    sl_workspace_get_fiscal_start_month, 7, { 0, 13, -5 } },
  { "reserve-basis-points", "reserve_basis_points", sl_workspace_set_reserve_basis_points,
    sl_workspace_get_reserve_basis_points, 650, { 12000, 10001, -1 } },
  { "deadline-offset-days", "deadline_offset_days", sl_workspace_set_deadline_offset_days,
    sl_workspace_get_deadline_offset_days, 30, { -1, 366, -30 } },
  { "checkin-day", "checkin_day", sl_workspace_set_checkin_day,
    sl_workspace_get_checkin_day, 28, { 31, 29, 0 } },
};

typedef struct
{
  guint notified;
  guint changed;
} Heard;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Heard      *heard)
{
  heard->notified++;
}

static void
changed_cb (SlWorkspace *ws,
            const char  *table,
            Heard       *heard)
{
  heard->changed++;
}

static char *
column_text (SlWorkspace *ws,
             const char  *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM workspace WHERE id = 1", column);

  return g_strchomp (sl_test_query_text (sl_workspace_get_database (ws), sql));
}

static void
undo_or_redo (SlWorkspace *ws,
              gboolean     undo)
{
  SlUndoStack *stack = sl_workspace_get_undo_stack (ws);
  g_autoptr(GError) error = NULL;

  g_assert_true (undo ? sl_undo_stack_undo (stack, &error) : sl_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
}

static void
test_edit_undo_redo (SlWorkspaceFixture *fixture,
                     gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);

  for (guint i = 0; i < G_N_ELEMENTS (int_settings); i++)
    {
      const IntSetting *s = &int_settings[i];
      g_autofree char *signal = g_strdup_printf ("notify::%s", s->property);
      g_autofree char *before = column_text (fixture->ws, s->column);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autoptr(GError) error = NULL;
      Heard heard = { 0 };
      gint64 history = sl_test_query_int64 (db, "SELECT count(*) FROM history WHERE entity = 'workspace'");
      int old_value = s->get (fixture->ws);
      gulong notify_id, changed_id;

      g_test_message ("%s", s->property);
      g_assert_cmpint (old_value, !=, s->value);
      notify_id = g_signal_connect (fixture->ws, signal, G_CALLBACK (notify_cb), &heard);
      changed_id = g_signal_connect (fixture->ws, "changed::workspace", G_CALLBACK (changed_cb), &heard);

      g_assert_true (s->set (fixture->ws, s->value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (s->get (fixture->ws), ==, s->value);
      g_assert_cmpuint (heard.notified, ==, 1);
      g_assert_cmpuint (heard.changed, ==, 1);
      after = column_text (fixture->ws, s->column);
      g_assert_cmpstr (after, !=, before);
      g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM history WHERE entity = 'workspace'"),
                       ==, history + 1);

      undo_or_redo (fixture->ws, TRUE);
      g_assert_cmpint (s->get (fixture->ws), ==, old_value);
      g_assert_cmpuint (heard.notified, ==, 2);
      undone = column_text (fixture->ws, s->column);
      g_assert_cmpstr (undone, ==, before);

      undo_or_redo (fixture->ws, FALSE);
      g_assert_cmpint (s->get (fixture->ws), ==, s->value);
      g_assert_cmpuint (heard.notified, ==, 3);
      g_assert_cmpuint (heard.changed, ==, 3);

      g_signal_handler_disconnect (fixture->ws, notify_id);
      g_signal_handler_disconnect (fixture->ws, changed_id);
    }
}

static void
test_invalid_refused (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  g_autofree char *before = sl_test_query_text (db, SETTINGS_ROW);
  gint64 history = sl_test_query_int64 (db, "SELECT count(*) FROM history");
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  Heard heard = { 0 };

  g_signal_connect (fixture->ws, "notify", G_CALLBACK (notify_cb), &heard);
  g_signal_connect (fixture->ws, "changed", G_CALLBACK (changed_cb), &heard);

  for (guint i = 0; i < G_N_ELEMENTS (int_settings); i++)
    for (guint j = 0; j < G_N_ELEMENTS (int_settings[i].invalid); j++)
      {
        const IntSetting *s = &int_settings[i];
        int old_value = s->get (fixture->ws);

        g_test_message ("%s = %d", s->property, s->invalid[j]);
        g_assert_false (s->set (fixture->ws, s->invalid[j], &error));
        g_assert_error (error, SL_WORKSPACE_ERROR, SL_WORKSPACE_ERROR_INVALID_SETTING);
        g_assert_cmpstr (error->message, !=, "");
        g_clear_error (&error);
        g_assert_cmpint (s->get (fixture->ws), ==, old_value);
      }

  g_assert_false (sl_workspace_set_name (fixture->ws, "  \t ", &error));
  g_assert_error (error, SL_WORKSPACE_ERROR, SL_WORKSPACE_ERROR_INVALID_SETTING);
  g_clear_error (&error);

  after = sl_test_query_text (db, SETTINGS_ROW);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM history"), ==, history);
  g_assert_false (sl_undo_stack_can_undo (sl_workspace_get_undo_stack (fixture->ws)));
  g_assert_cmpuint (heard.notified, ==, 0);
  g_assert_cmpuint (heard.changed, ==, 0);
}

/* Past the checks, the schema's own rules still hold. */
static void
test_schema_backstop (SlWorkspaceFixture *fixture,
                      gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  g_autofree char *before = sl_test_query_text (db, SETTINGS_ROW);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) day = json_node_init_int (json_node_alloc (), 31);
  g_autoptr(GError) error = NULL;

  g_assert_false (sl_workspace_run (fixture->ws,
                                    sl_set_field_command_new ("Check-in", "workspace", 1, "checkin_day", day),
                                    &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_CONSTRAINT);
  after = sl_test_query_text (db, SETTINGS_ROW);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (sl_workspace_get_checkin_day (fixture->ws), ==, 5);
}

static void
test_same_value_writes_nothing (SlWorkspaceFixture *fixture,
                                gconstpointer       data)
{
  SlDatabase *db = sl_workspace_get_database (fixture->ws);
  gint64 history = sl_test_query_int64 (db, "SELECT count(*) FROM history");
  g_autofree char *name = g_strdup (sl_workspace_get_name (fixture->ws));
  g_autofree char *padded = g_strdup_printf ("  %s ", name);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (int_settings); i++)
    {
      g_assert_true (int_settings[i].set (fixture->ws, int_settings[i].get (fixture->ws), &error));
      g_assert_no_error (error);
    }
  g_assert_true (sl_workspace_set_name (fixture->ws, padded, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sl_test_query_int64 (db, "SELECT count(*) FROM history"), ==, history);
  g_assert_false (sl_undo_stack_can_undo (sl_workspace_get_undo_stack (fixture->ws)));
}

static void
test_rename (SlWorkspaceFixture *fixture,
             gconstpointer       data)
{
  g_autofree char *old_name = g_strdup (sl_workspace_get_name (fixture->ws));
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  Heard heard = { 0 };

  g_signal_connect (fixture->ws, "notify::name", G_CALLBACK (notify_cb), &heard);
  g_assert_true (sl_workspace_set_name (fixture->ws, "  Budget 2026 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sl_workspace_get_name (fixture->ws), ==, "Budget 2026");
  stored = column_text (fixture->ws, "name");
  g_assert_cmpstr (stored, ==, "Budget 2026");
  g_assert_cmpuint (heard.notified, ==, 1);
  g_assert_cmpstr (sl_undo_stack_get_undo_label (sl_workspace_get_undo_stack (fixture->ws)),
                   ==, "Rename the workspace");

  undo_or_redo (fixture->ws, TRUE);
  g_assert_cmpstr (sl_workspace_get_name (fixture->ws), ==, old_name);
  g_assert_cmpuint (heard.notified, ==, 2);
}

/* A reopened file reads what was written. */
static void
test_reopen (SlWorkspaceFixture *fixture,
             gconstpointer       data)
{
  g_autoptr(SlWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_workspace_set_reserve_basis_points (fixture->ws, 1200, &error));
  g_assert_true (sl_workspace_set_checkin_day (fixture->ws, 12, &error));
  g_assert_true (sl_workspace_set_deadline_offset_days (fixture->ws, 21, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->ws);

  again = sl_workspace_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sl_workspace_get_reserve_basis_points (again), ==, 1200);
  g_assert_cmpint (sl_workspace_get_checkin_day (again), ==, 12);
  g_assert_cmpint (sl_workspace_get_deadline_offset_days (again), ==, 21);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Undoable edits of the workspace settings, and the values they refuse");

#define ADD(path, func) \
  g_test_add (path, SlWorkspaceFixture, NULL, sl_workspace_fixture_setup, func, sl_workspace_fixture_teardown)
  ADD ("/core/workspace-settings/edit-undo-redo", test_edit_undo_redo);
  ADD ("/core/workspace-settings/invalid-refused", test_invalid_refused);
  ADD ("/core/workspace-settings/schema-backstop", test_schema_backstop);
  ADD ("/core/workspace-settings/same-value-writes-nothing", test_same_value_writes_nothing);
  ADD ("/core/workspace-settings/rename", test_rename);
  ADD ("/core/workspace-settings/reopen", test_reopen);
#undef ADD

  return g_test_run ();
}
