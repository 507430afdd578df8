/* sunlight-server-user.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server user add|list|remove|set-role|set-password and
 * sunlight-server db add|list|remove.
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <glib/gi18n.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sl-server-db.h"
#include "sl-server-users.h"
#include "sunlight-server.h"

#define MAX_PASSWORD 4096

typedef struct
{
  char *data;
  char *role;
  char *password_file;
} UserOptions;

static void
user_options_clear (UserOptions *options)
{
  g_clear_pointer (&options->data, g_free);
  g_clear_pointer (&options->role, g_free);
  g_clear_pointer (&options->password_file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UserOptions, user_options_clear)

/* A line of @stream without its line end, or NULL. */
static char *
read_line (FILE *stream)
{
  char buffer[MAX_PASSWORD];
  char *line;

  if (fgets (buffer, sizeof buffer, stream) == NULL)
    return NULL;

  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  sodium_memzero (buffer, sizeof buffer);
  return line;
}

/* Asks on the terminal without echo. */
static char *
prompt_password (const char *prompt)
{
  struct termios saved, quiet;
  char *line;

  g_printerr ("%s", prompt);
  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return read_line (stdin);

  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  line = read_line (stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  g_printerr ("\n");
  return line;
}

static char *
read_password (const char *file,
               const char *name)
{
  g_autofree char *prompt = NULL;
  char *first, *again;
  FILE *stream;

  if (file != NULL)
    {
      stream = fopen (file, "re");
      if (stream == NULL)
        return NULL;
      first = read_line (stream);
      fclose (stream);
      return first;
    }

  if (!isatty (STDIN_FILENO))
    return read_line (stdin);

  /* Translators: a prompt; %s is a user name */
  prompt = g_strdup_printf (_("Password for %s: "), name);
  first = prompt_password (prompt);
  /* Translators: a prompt, for the password a second time */
  again = prompt_password (_("Again: "));
  if (first == NULL || g_strcmp0 (first, again) != 0)
    {
      sl_cli_fail (_("the passwords differ"));
      g_clear_pointer (&first, g_free);
    }
  if (again != NULL)
    sodium_memzero (again, strlen (again));
  g_free (again);
  return first;
}

static void
free_password (char *password)
{
  if (password == NULL)
    return;

  sodium_memzero (password, strlen (password));
  g_free (password);
}

static void
print_user_usage (void)
{
  /* Translators: do not translate the commands and --help */
  sl_cli_fail (_("say what to do: user add|list|remove|set-role|set-password (see --help)"));
}

static gboolean
parse_options (int          *argc,
               char       ***argv,
               UserOptions  *options,
               GError      **error)
{
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &options->data,
      N_("Where the server keeps its file"), N_("DIR") },
    /* Translators: do not translate the roles */
    { "role", 0, 0, G_OPTION_ARG_STRING, &options->role,
      N_("marketing, finance, viewer or admin"), N_("ROLE") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &options->password_file,
      N_("Read the password from the first line of FILE"), N_("FILE") },
    { NULL },
  };
  g_autoptr(GOptionContext) context = sl_cli_option_context ((*argv)[0],
                                                             N_("- manage sunlight-server’s users and databases"),
                                                             entries);

  return g_option_context_parse (context, argc, argv, error);
}

static int
print_users (SlServerUsers *users)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sl_server_users_list (users, &error);

  if (list == NULL)
    return sl_cli_fail (error->message);

  for (guint i = 0; i < list->len; i++)
    {
      SlServerUserInfo *info = g_ptr_array_index (list, i);

      g_print ("%s\t%s\t%s\n", info->name, sl_server_role_to_string (info->role),
               info->created_at);
    }

  return SL_EXIT_OK;
}

static gboolean
parse_role (const char   *text,
            SlServerRole *role)
{
  if (text != NULL && sl_server_role_from_string (text, role))
    return TRUE;

  /* Translators: do not translate the roles */
  sl_cli_fail (_("the role is marketing, finance, viewer or admin"));
  return FALSE;
}

/* add, set-password: both need a password. */
static gboolean
run_with_password (SlServerUsers  *users,
                   const char     *action,
                   const char     *name,
                   SlServerRole    role,
                   const char     *file,
                   GError        **error)
{
  char *password = read_password (file, name);
  gboolean ok;

  if (password == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("no password given"));
      return FALSE;
    }

  if (strcmp (action, "add") == 0)
    ok = sl_server_users_add (users, name, role, password, error);
  else
    ok = sl_server_users_set_password (users, name, password, error);

  free_password (password);
  return ok;
}

static int
run_user_action (SlServerUsers *users,
                 const char    *action,
                 char         **args,
                 UserOptions   *options)
{
  g_autoptr(GError) error = NULL;
  guint n_args = g_strv_length (args);
  SlServerRole role = SL_SERVER_ROLE_NONE;
  gboolean ok;

  if (strcmp (action, "list") == 0 && n_args == 0)
    return print_users (users);

  if (strcmp (action, "add") == 0 && n_args == 1)
    ok = parse_role (options->role, &role) &&
         run_with_password (users, action, args[0], role, options->password_file, &error);
  else if (strcmp (action, "set-password") == 0 && n_args == 1)
    ok = run_with_password (users, action, args[0], role, options->password_file, &error);
  else if (strcmp (action, "remove") == 0 && n_args == 1)
    ok = sl_server_users_remove (users, args[0], &error);
  else if (strcmp (action, "set-role") == 0 && n_args == 2)
    ok = parse_role (args[1], &role) && sl_server_users_set_role (users, args[0], role, &error);
  else
    {
      print_user_usage ();
      return SL_EXIT_USAGE;
    }

  if (!ok)
    return error != NULL ? sl_cli_fail (error->message) : SL_EXIT_ERROR;
  return SL_EXIT_OK;
}

/* Options, then the store of --data; NULL (and a message) on failure. */
static SlServerStore *
open_with_options (int          *argc,
                   char       ***argv,
                   UserOptions  *options)
{
  g_autoptr(GError) error = NULL;

  if (!parse_options (argc, argv, options, &error))
    {
      sl_cli_fail (error->message);
      return NULL;
    }

  return sl_cli_open_store (sl_cli_data_dir (options->data));
}

int
sl_cli_command_user (int    argc,
                     char **argv)
{
  g_auto(UserOptions) options = { 0 };
  g_autoptr(SlServerStore) store = open_with_options (&argc, &argv, &options);
  g_autoptr(SlServerUsers) users = NULL;

  if (store == NULL)
    return SL_EXIT_ERROR;
  if (argc < 2)
    {
      print_user_usage ();
      return SL_EXIT_USAGE;
    }

  users = sl_server_users_new (store);
  return run_user_action (users, argv[1], argv + 2, &options);
}

int
sl_cli_command_db (int    argc,
                   char **argv)
{
  g_auto(UserOptions) options = { 0 };
  g_autoptr(SlServerStore) store = open_with_options (&argc, &argv, &options);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  const char *action = argc > 1 ? argv[1] : "";
  gboolean ok;

  if (store == NULL)
    return SL_EXIT_ERROR;

  if (strcmp (action, "add") == 0 && argc == 3)
    ok = sl_server_store_create_db (store, argv[2], &error) != NULL;
  else if (strcmp (action, "remove") == 0 && argc == 3)
    ok = sl_server_store_delete_db (store, argv[2], &error);
  else if (strcmp (action, "list") == 0 && argc == 2)
    {
      names = sl_server_store_list_dbs (store, &error);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        g_print ("%s\n", names[i]);
      ok = names != NULL;
    }
  else
    {
      /* Translators: do not translate the commands */
      sl_cli_fail (_("say what to do: db add NAME | db list | db remove NAME"));
      return SL_EXIT_USAGE;
    }

  return ok ? SL_EXIT_OK : sl_cli_fail (error->message);
}
