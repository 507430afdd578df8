/* sunlight-cli-plan.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-cli plan list|apply: the workspace's reallocation plans, and
 * applying an approved one to the budget.
 */

#define G_LOG_DOMAIN "sunlight-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sl-realloc-plan.h"
#include "sl-workspace-realloc.h"
#include "sunlight-cli.h"

static int
plan_list (int    argc,
           char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlWorkspace) workspace = NULL;
  GListModel *plans;
  GError *error = NULL;
  const char *path = NULL;

  context = command_context ("plan list", _("WORKSPACE"),
                             _("Lists the reallocation plans of a workspace: number, status, lines, "
                               "money moved out of channels and title."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli plan list budget.sunlight", &path, &error))
    return fail_with (error);

  workspace = sl_workspace_open (path, &error);
  if (workspace == NULL)
    return fail_with (error);
  plans = G_LIST_MODEL (sl_workspace_get_realloc_plans (workspace));
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SlReallocPlan) plan = g_list_model_get_item (plans, i);
      gint64 id = sl_record_get_id (SL_RECORD (plan));
      g_autofree char *moved = NULL;
      SlReallocBalance balance;
      SlMoney money;

      if (!sl_workspace_get_realloc_balance (workspace, id, &balance, &error))
        return fail_with (error);
      sl_money_init (&money, balance.out_minor, sl_realloc_plan_get_currency (plan));
      moved = sl_money_format (&money, NULL);
      /* Machine-friendly: tab-separated, one plan per line. */
      printf ("%lld\t%s\t%u\t%s\t%s\n", (long long)id, sl_realloc_plan_get_status (plan),
              balance.n_lines, moved, sl_realloc_plan_get_title (plan));
    }
  return SL_CLI_OK;
}

static int
plan_apply (int    argc,
            char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlWorkspace) workspace = NULL;
  GError *error = NULL;
  gint64 id;

  context = command_context ("plan apply", _("WORKSPACE ID"),
                             _("Applies an approved reallocation plan: moves its money between the plan’s "
                               "budget lines and marks it applied, all at once or not at all."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail_with (error);
  if (argc != 3)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s",
                   _("Give the workspace and the plan’s number, e.g. “sunlight-cli plan apply budget.sunlight 2”"));
      return fail_with (error);
    }
  if (!parse_integer ("ID", argv[2], 1, G_MAXINT64, &id, &error))
    return fail_with (error);

  workspace = sl_workspace_open (argv[1], &error);
  if (workspace == NULL || !sl_workspace_apply_realloc_plan (workspace, id, &error))
    return fail_with (error);
  /* Translators: %lld is a plan's number */
  printf (_("Applied plan %lld\n"), (long long)id);
  return SL_CLI_OK;
}

static void
print_plan_usage (FILE *out)
{
  fprintf (out, "%s\n  sunlight-cli plan list %s\n  sunlight-cli plan apply %s\n", _("Usage:"),
           _("WORKSPACE"), _("WORKSPACE ID"));
}

int
sl_cli_command_plan (int    argc,
                     char **argv)
{
  g_autofree char *message = NULL;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_plan_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? SL_CLI_FAILED : SL_CLI_OK;
    }
  if (g_str_equal (argv[1], "list"))
    return plan_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "apply"))
    return plan_apply (argc - 1, argv + 1);

  /* Translators: %s is what the user typed after “plan” */
  message = g_strdup_printf (_("Unknown plan command “%s”; use list or apply"), argv[1]);
  g_printerr ("sunlight-cli: %s\n", message);
  print_plan_usage (stderr);
  return SL_CLI_FAILED;
}
