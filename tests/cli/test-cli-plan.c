/* test-cli-plan.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-cli plan list and plan apply: an approved plan applied once,
 * its money moved; anything else refused with status 1.
 */

#include "config.h"

#include <string.h>

#include "sl-test-cli.h"
#include "sl-test-utils.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

/* A draft and an approved plan, each moving $500 of March from the
 * first channel to the second. */
static void
add_plans (const char *path,
           gint64     *draft,
           gint64     *approved,
           gint64     *from_channel,
           gint64     *to_channel)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlWorkspace) ws = sl_workspace_open (path, &error);
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (ws));
  g_autoptr(SlRecord) from = g_list_model_get_item (channels, 0);
  g_autoptr(SlRecord) to = g_list_model_get_item (channels, 1);
  SlReallocLineSpec line = { sl_record_get_id (from), sl_day_from_ymd (2025, 3, 1),
                             sl_record_get_id (to), sl_day_from_ymd (2025, 3, 1), 50000 };
  SlReallocPlanSpec spec = { "Shift March", NULL, NULL, 0, 0 };

  g_assert_no_error (error);
  *from_channel = line.from_channel_id;
  *to_channel = line.to_channel_id;
  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, &line, 1, draft, &error));
  spec.title = "Approved shift";
  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, &line, 1, approved, &error));
  g_assert_true (sl_workspace_propose_realloc_plan (ws, *approved, &error));
  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  g_assert_true (sl_workspace_approve_realloc_plan (ws, *approved, NULL, &error));
  g_assert_no_error (error);
}

static gint64
march_plan (const char *path,
            gint64      channel)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT amount_minor FROM budget_line WHERE version = 'plan' "
                                          "AND is_reserve = 0 AND first_day = %d AND channel_id = %" G_GINT64_FORMAT,
                                          sl_day_from_ymd (2025, 3, 1), channel);

  g_assert_no_error (error);
  return sl_test_query_int64 (db, sql);
}

static void
test_plan_apply (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *ws = g_build_filename (dir, "demo.sunlight", NULL);
  g_autofree char *draft_id = NULL;
  g_autofree char *approved_id = NULL;
  g_autofree char *listed = NULL;
  g_auto(CliRun) demo = { 0 }, before = { 0 }, draft = { 0 }, apply = { 0 }, again = { 0 }, after = { 0 };
  g_autofree char *moved = NULL;
  gint64 draft_plan, approved_plan, from, to, from_channel, to_channel;
  SlMoney money;

  run_cli (&demo, "demo", ws, "--year", "2025", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  add_plans (ws, &draft_plan, &approved_plan, &from_channel, &to_channel);
  draft_id = g_strdup_printf ("%" G_GINT64_FORMAT, draft_plan);
  approved_id = g_strdup_printf ("%" G_GINT64_FORMAT, approved_plan);
  sl_money_init (&money, 50000, "USD");
  moved = sl_money_format (&money, NULL);
  from = march_plan (ws, from_channel);
  to = march_plan (ws, to_channel);

  run_cli (&before, "plan", "list", ws, NULL);
  g_assert_cmpint (before.status, ==, 0);
  listed = g_strdup_printf ("%s\tapproved\t1\t%s\tApproved shift\n", approved_id, moved);
  g_assert_nonnull (strstr (before.out, listed));
  g_clear_pointer (&listed, g_free);
  listed = g_strdup_printf ("%s\tdraft\t1\t%s\tShift March\n", draft_id, moved);
  g_assert_nonnull (strstr (before.out, listed));

  run_cli (&draft, "plan", "apply", ws, draft_id, NULL);
  g_assert_cmpint (draft.status, ==, 1);
  g_assert_nonnull (strstr (draft.err, "approved"));
  g_assert_cmpint (march_plan (ws, from_channel), ==, from);

  run_cli (&apply, "plan", "apply", ws, approved_id, NULL);
  g_assert_cmpint (apply.status, ==, 0);
  g_assert_cmpint (march_plan (ws, from_channel), ==, from - 50000);
  g_assert_cmpint (march_plan (ws, to_channel), ==, to + 50000);

  /* Applied once: a second time is refused and moves nothing. */
  run_cli (&again, "plan", "apply", ws, approved_id, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpint (march_plan (ws, from_channel), ==, from - 50000);
  run_cli (&after, "plan", "list", ws, NULL);
  g_clear_pointer (&listed, g_free);
  listed = g_strdup_printf ("%s\tapplied\t1\t%s\tApproved shift\n", approved_id, moved);
  g_assert_nonnull (strstr (after.out, listed));

  sl_test_remove_tree (dir);
}

static void
test_plan_bad_commands (void)
{
  g_auto(CliRun) bare = { 0 }, unknown = { 0 }, missing = { 0 }, not_number = { 0 }, help = { 0 };

  run_cli (&bare, "plan", NULL);
  g_assert_cmpint (bare.status, ==, 1);
  g_assert_nonnull (strstr (bare.err, "plan apply"));
  run_cli (&unknown, "plan", "remove", "x.sunlight", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "remove"));
  run_cli (&missing, "plan", "list", "nowhere.sunlight", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "nowhere.sunlight"));
  run_cli (&not_number, "plan", "apply", "nowhere.sunlight", "two", NULL);
  g_assert_cmpint (not_number.status, ==, 1);
  g_assert_nonnull (strstr (not_number.err, "two"));
  run_cli (&help, "plan", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "plan list"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("sunlight-cli plan: listing plans and applying an approved one");

  g_assert_cmpint (argc, >=, 2);
  sl_test_cli_set_path (argv[1]);

  g_test_add_func ("/cli/plan/apply", test_plan_apply);
  g_test_add_func ("/cli/plan/bad-commands", test_plan_bad_commands);
  return g_test_run ();
}
