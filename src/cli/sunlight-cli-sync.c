/* sunlight-cli-sync.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-cli sync: one push and pull round with a server, or --watch.
 */

#define G_LOG_DOMAIN "sunlight-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>

#include "sl-sync-client.h"
#include "sl-sync-error.h"
#include "sunlight-cli.h"

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gboolean   verbose;
  char      *shown;     /* the status last printed */
} SyncRun;

static gboolean
read_password (const char  *path,
               char       **out,
               GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  *out = NULL;
  if (path == NULL)
    return TRUE;
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  /* The file's last line break is not part of the password. */
  while (length > 0 && (contents[length - 1] == '\n' || contents[length - 1] == '\r'))
    contents[--length] = '\0';
  *out = g_steal_pointer (&contents);
  return TRUE;
}

static void
batch_pushed_cb (SlSyncPush *push,
                 guint       n_docs,
                 SyncRun    *run)
{
  if (!run->verbose)
    return;
  /* Translators: a progress line while sending to the server */
  printf (ngettext ("Sent %u document\n", "Sent %u documents\n", n_docs), n_docs);
  fflush (stdout);
}

static void
page_applied_cb (SlSyncPull *pull,
                 guint       n_rows,
                 SyncRun    *run)
{
  if (!run->verbose)
    return;
  /* Translators: a progress line while receiving from the server */
  printf (ngettext ("Received %u change\n", "Received %u changes\n", n_rows), n_rows);
  fflush (stdout);
}

/* --watch: the status after each round, when it changed. */
static void
round_finished_cb (SlSyncClient *client,
                   gboolean      success,
                   SyncRun      *run)
{
  g_autofree char *text = sl_sync_client_dup_status_text (client);

  if (g_strcmp0 (text, run->shown) == 0)
    return;
  printf ("%s\n", text);
  fflush (stdout);
  g_free (run->shown);
  run->shown = g_steal_pointer (&text);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SyncRun *run = user_data;

  sl_sync_client_sync_finish (SL_SYNC_CLIENT (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  /* Removed with the other signal's source once the loop ends. */
  return G_SOURCE_CONTINUE;
}

static void
print_summary (SlSyncClient *client)
{
  SlSyncPush *push = sl_sync_client_get_push (client);
  SlSyncPull *pull = sl_sync_client_get_pull (client);
  guint sent = sl_sync_push_get_n_pushed (push);
  guint received = sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_APPLIED) +
                   sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_MERGED);
  g_autofree char *sent_text = g_strdup_printf (ngettext ("%u document sent", "%u documents sent", sent), sent);
  g_autofree char *received_text = g_strdup_printf (ngettext ("%u document received", "%u documents received",
                                                              received), received);
  g_autofree char *status = sl_sync_client_dup_status_text (client);

  /* Translators: “12 documents sent”, “3 documents received”, then the state: “Synced” */
  printf (_("%s, %s. %s\n"), sent_text, received_text, status);
}

/* Lists refusals and clashes; the number of them. */
static guint
print_issues (SlSyncClient *client)
{
  GListModel *issues = G_LIST_MODEL (sl_sync_client_get_issues (client));
  guint n = g_list_model_get_n_items (issues);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlSyncIssue) issue = g_list_model_get_item (issues, i);

      if (sl_sync_issue_get_kind (issue) == SL_SYNC_ISSUE_REFUSED)
        /* Translators: an item, then the server's reason */
        printf (_("Refused by the server: %s: %s\n"), sl_sync_issue_get_title (issue),
                sl_sync_issue_get_detail (issue));
      else
        /* Translators: an item, then which of its fields clash */
        printf (_("Waiting for your choice: %s: %s\n"), sl_sync_issue_get_title (issue),
                sl_sync_issue_get_detail (issue));
    }
  return n;
}

static int
run_client (SlSyncClient *client,
            gboolean      watch,
            gboolean      verbose)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SyncRun run = { loop, NULL, verbose, NULL };
  guint sigint, sigterm;

  g_signal_connect (sl_sync_client_get_push (client), "batch-pushed", G_CALLBACK (batch_pushed_cb), &run);
  g_signal_connect (sl_sync_client_get_pull (client), "page-applied", G_CALLBACK (page_applied_cb), &run);
  if (watch)
    {
      g_signal_connect (client, "round-finished", G_CALLBACK (round_finished_cb), &run);
      sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
      sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);
      sl_sync_client_start (client);
      g_main_loop_run (loop);
      sl_sync_client_stop (client);
      g_source_remove (sigint);
      g_source_remove (sigterm);
      /* Let the cancelled requests finish. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_free (run.shown);
      return SL_CLI_OK;
    }

  sl_sync_client_sync_async (client, NULL, synced_cb, &run);
  g_main_loop_run (loop);
  if (run.error != NULL)
    return fail_with (run.error);
  print_summary (client);
  return print_issues (client) > 0 ? SL_CLI_SYNC_ISSUES : SL_CLI_OK;
}

int
sl_cli_command_sync (int    argc,
                     char **argv)
{
  g_autofree char *server = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  g_autofree char *batch_text = NULL;
  gboolean watch = FALSE;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The server’s address, e.g. https://sync.example.com"), N_("URL") },
    { "db", 0, 0, G_OPTION_ARG_STRING, &database, N_("The database on the server"), N_("NAME") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Your user name on the server"), N_("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from this file (default: none)"), N_("FILE") },
    { "batch", 0, 0, G_OPTION_ARG_STRING, &batch_text,
      N_("Documents per request to the server (default 200)"), N_("N") },
    { "watch", 0, 0, G_OPTION_ARG_NONE, &watch, N_("Keep syncing until interrupted"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Show each batch sent and page received"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SlWorkspace) workspace = NULL;
  g_autoptr(SlSyncAccount) account = NULL;
  g_autoptr(SlSyncClient) client = NULL;
  GError *error = NULL;
  const char *path = NULL;
  gint64 batch = 200;

  context = command_context ("sync", _("WORKSPACE"),
                             _("Sends the workspace’s edits of shared items to a server and receives "
                               "everyone else’s: one round, or until interrupted with --watch."),
                             entries);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !take_path (argc, argv, "sunlight-cli sync budget.sunlight --server URL --db NAME --user NAME",
                  &path, &error))
    return fail_with (error);
  if (server == NULL || database == NULL || user == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           /* Translators: do not translate the options */
                           _("Say which server, database and user: --server, --db and --user"));
      return fail_with (error);
    }
  if ((batch_text != NULL && !parse_integer ("--batch", batch_text, 1, 10000, &batch, &error)) ||
      !read_password (password_file, &password, &error))
    return fail_with (error);

  workspace = sl_workspace_open (path, &error);
  if (workspace == NULL)
    return fail_with (error);
  account = sl_sync_account_add (sl_workspace_get_database (workspace), server, database, user, &error);
  if (account == NULL)
    return fail_with (error);
  client = sl_sync_client_new (workspace, account, password);
  sl_sync_client_set_batch_sizes (client, (guint)batch, 500);
  return run_client (client, watch, verbose);
}
