/* sunlight-server.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server serve | user … | db …
 */

#define G_LOG_DOMAIN "sunlight-server"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "sl-server.h"
#include "sunlight-server.h"

#define DEFAULT_PORT 5984

/* The commands' syntax: the same in every language. */
static const char synopsis[] =
  "  sunlight-server serve --data DIR [--port N] [--address ADDR]\n"
  "                        [--tls-cert FILE --tls-key FILE] [--request-timeout S]\n"
  "                        [--login-failures N] [--login-window S]\n"
  "  sunlight-server user add NAME --role marketing|finance|viewer|admin\n"
  "                        [--password-file FILE] --data DIR\n"
  "  sunlight-server user list|remove NAME|set-role NAME ROLE|set-password NAME --data DIR\n"
  "  sunlight-server db add|remove NAME --data DIR\n"
  "  sunlight-server db list --data DIR\n";

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n%s\n%s\n", _("Usage:"), synopsis,
           /* Translators: do not translate 127.0.0.1, --address and --password-file */
           _("A CouchDB-compatible server for Sunlight’s shared documents. It listens on\n"
             "127.0.0.1 unless --address says otherwise. Without --password-file, user\n"
             "commands read the password from standard input."));
}

int
sl_cli_fail (const char *message)
{
  g_printerr ("sunlight-server: %s\n", message);
  return SL_EXIT_ERROR;
}

const char *
sl_cli_data_dir (const char *option)
{
  if (option != NULL)
    return option;

  /* systemd's StateDirectory= sets this. */
  return g_getenv ("STATE_DIRECTORY");
}

GOptionContext *
sl_cli_option_context (const char         *command,
                       const char         *parameters,
                       const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strconcat ("sunlight-server ", command, NULL);
  GOptionContext *context = g_option_context_new (parameters);

  g_set_prgname (prgname);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

SlServerStore *
sl_cli_open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  SlServerStore *store;

  if (dir == NULL)
    {
      /* Translators: do not translate --data */
      sl_cli_fail (_("say where the data is kept: --data DIR"));
      return NULL;
    }

  store = sl_server_store_open (dir, &error);
  if (store == NULL)
    sl_cli_fail (error->message);
  return store;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* One server per data folder: a second would not see the first's
 * waiting requests. The lock lasts as long as the process. */
static gboolean
lock_data_dir (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "sunlight-server.lock", NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      /* Translators: %s is a folder */
      g_autofree char *message = g_strdup_printf (_("another sunlight-server is serving %s"), dir);

      sl_cli_fail (message);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  return TRUE;
}

static GTlsCertificate *
load_certificate (const char *cert,
                  const char *key)
{
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;

  if ((cert == NULL) != (key == NULL))
    {
      /* Translators: do not translate the option names */
      sl_cli_fail (_("--tls-cert and --tls-key go together"));
      return NULL;
    }

  certificate = g_tls_certificate_new_from_files (cert, key, &error);
  if (certificate == NULL)
    sl_cli_fail (error->message);
  return certificate;
}

static int
command_serve (int    argc,
               char **argv)
{
  g_autofree char *data = NULL;
  g_autofree char *address = g_strdup ("127.0.0.1");
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  int port = DEFAULT_PORT;
  gint64 max_body = 0;
  int session_timeout = 0;
  int request_timeout = 0;
  int login_failures = 0;
  int login_window = 0;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data, N_("Where the server keeps its file"), N_("DIR") },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("Port to listen on (5984; 0: any free one)"), "N" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("IP address to listen on (127.0.0.1)"), N_("ADDR") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &cert, N_("PEM certificate: serve HTTPS"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &key, N_("PEM private key of the certificate"), N_("FILE") },
    { "max-body", 0, 0, G_OPTION_ARG_INT64, &max_body, N_("Largest request body in bytes (8 MiB)"), "N" },
    { "session-timeout", 0, 0, G_OPTION_ARG_INT, &session_timeout,
      N_("Seconds a login cookie lasts (600)"), "S" },
    { "request-timeout", 0, 0, G_OPTION_ARG_INT, &request_timeout,
      N_("Seconds a client has to send a request, and the longest a connection idles (30)"), "S" },
    { "login-failures", 0, 0, G_OPTION_ARG_INT, &login_failures,
      N_("Wrong passwords for one name before it is locked; an address gets 4 times as many (5)"), "N" },
    { "login-window", 0, 0, G_OPTION_ARG_INT, &login_window,
      N_("Seconds wrong passwords are counted over, and a lockout lasts (60)"), "S" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = sl_cli_option_context ("serve", N_("- serve the shared documents"), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlServerStore) store = NULL;
  g_autoptr(SlServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  SlServerOptions options = { 0 };
  g_autofree char *url = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sl_cli_fail (error->message);
  if (port < 0 || port > 65535 || max_body < 0 || session_timeout < 0 ||
      request_timeout < 0 || login_failures < 0 || login_window < 0)
    /* Translators: do not translate the option names */
    return sl_cli_fail (_("--port, --max-body, --session-timeout, --request-timeout, "
                          "--login-failures and --login-window take positive numbers"));

  if ((cert != NULL || key != NULL) && (certificate = load_certificate (cert, key)) == NULL)
    return SL_EXIT_ERROR;
  store = sl_cli_open_store (sl_cli_data_dir (data));
  if (store == NULL || !lock_data_dir (sl_cli_data_dir (data)))
    return SL_EXIT_ERROR;

  options.max_body = (gsize) max_body;
  options.session_timeout = (guint) session_timeout;
  options.request_timeout = (guint) request_timeout;
  options.login_failures = (guint) login_failures;
  options.login_window = (guint) login_window;
  server = sl_server_new (store, &options);
  if (!sl_server_listen (server, address, (guint) port, certificate, &error))
    return sl_cli_fail (error->message);

  url = g_strdup_printf ("%s://%s%s%s:%u/", certificate != NULL ? "https" : "http",
                         strchr (address, ':') ? "[" : "", address, strchr (address, ':') ? "]" : "",
                         sl_server_get_port (server));
  /* Translators: the version, then the address, e.g. http://127.0.0.1:5984/ */
  g_print (_("sunlight-server %s listening on %s"), PACKAGE_VERSION, url);
  g_print ("\n");
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);

  sl_server_shutdown (server);
  return SL_EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? SL_EXIT_USAGE : SL_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("sunlight-server %s\n", PACKAGE_VERSION);
      return SL_EXIT_OK;
    }

  if (strcmp (argv[1], "serve") == 0)
    return command_serve (argc - 1, argv + 1);
  if (strcmp (argv[1], "user") == 0)
    return sl_cli_command_user (argc - 1, argv + 1);
  if (strcmp (argv[1], "db") == 0)
    return sl_cli_command_db (argc - 1, argv + 1);

  /* Translators: %s is what the user typed */
  g_printerr (_("sunlight-server: unknown command “%s”"), argv[1]);
  g_printerr ("\n\n");
  print_usage (stderr);
  return SL_EXIT_USAGE;
}
