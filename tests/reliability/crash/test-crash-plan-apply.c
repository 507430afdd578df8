/* test-crash-plan-apply.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sunlight-cli plan apply` of an approved plan of 168 moves (every
 * channel's month of the demo year gives to the next channel, and to
 * the same month a year later, which has no budget line yet) killed
 * with SIGKILL at random points: the file stays sound and the plan is
 * applied whole, budget lines, status, history and outbox, or not at all.
 */

#include "config.h"

#include "sl-crash.h"
#include "sl-test-utils.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

#define ROUNDS 100

/* Adds the plan to @path, proposes it and approves it as finance. */
static gint64
add_approved_plan (const char *path)
{
  g_autoptr(SlWorkspace) ws = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (SlReallocLineSpec));
  g_autoptr(GError) error = NULL;
  SlReallocPlanSpec spec = { "Follow the conversions", "Each channel funds the next one", NULL, 0, 0 };
  GListModel *channels;
  guint n_channels;
  gint64 id = 0;

  ws = sl_workspace_open (path, &error);
  g_assert_no_error (error);
  channels = G_LIST_MODEL (sl_workspace_get_channels (ws));
  n_channels = g_list_model_get_n_items (channels);
  g_assert_cmpuint (n_channels, ==, 7);
  for (guint c = 0; c < n_channels; c++)
    for (int month = 1; month <= 12; month++)
      {
        g_autoptr(SlRecord) from = g_list_model_get_item (channels, c);
        g_autoptr(SlRecord) next = g_list_model_get_item (channels, (c + 1) % n_channels);
        g_autoptr(SlRecord) after = g_list_model_get_item (channels, (c + 2) % n_channels);
        SlReallocLineSpec same_month = { sl_record_get_id (from), sl_day_from_ymd (2025, month, 1),
                                         sl_record_get_id (next), sl_day_from_ymd (2025, month, 1),
                                         1000 + 100 * month };
        SlReallocLineSpec next_year = { sl_record_get_id (from), sl_day_from_ymd (2025, month, 1),
                                        sl_record_get_id (after), sl_day_from_ymd (2026, month, 1),
                                        500 + c };

        g_array_append_val (lines, same_month);
        g_array_append_val (lines, next_year);
      }

  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, (SlReallocLineSpec *)lines->data, lines->len,
                                                   &id, &error));
  g_assert_no_error (error);
  g_assert_true (sl_workspace_propose_realloc_plan (ws, id, &error));
  g_assert_no_error (error);
  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  g_assert_true (sl_workspace_approve_realloc_plan (ws, id, "Agreed in the review", &error));
  g_assert_no_error (error);
  return id;
}

static void
test_plan_apply_killed (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *fixture = sl_crash_demo_fixture (dir);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, add_approved_plan (fixture));
  const char *argv[] = { g_getenv ("SL_CLI_BIN"), "plan", "apply", SL_CRASH_WORKSPACE, id, NULL };
  SlCrashCase crash_case = { "plan-apply", fixture, argv, NULL, ROUNDS };

  sl_crash_run_case (&crash_case);
  sl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GIO's debug messages for every connection and file would bury the rounds. */
  g_log_set_debug_enabled (FALSE);

  g_test_add_func ("/reliability/crash/plan-apply", test_plan_apply_killed);

  return g_test_run ();
}
