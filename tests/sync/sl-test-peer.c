/* sl-test-peer.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <string.h>
#ifdef __linux__
# include <sys/prctl.h>
#endif

#include "sl-test-http.h"
#include "sl-test-peer.h"
#include "sl-test-utils.h"

/* How long a peer may take to answer GET / (longer under sanitizers). */
#define READY_SECONDS 60

struct _SlTestPeer
{
  SlTestPeerKind  kind;
  char           *dir;       /* temporary: working folder, data, log */
  char           *data_dir;
  char           *log_path;
  char           *url;
  guint           port;
  GSubprocess    *process;
  SoupSession    *session;
  GHashTable     *passwords;   /* user → password */
  char           *tls_cert;
  char           *tls_key;
  GStrv           extra_args;  /* more `serve` options */
  gboolean        exited;      /* the process ended */
};

/* A port nobody listens on right now. */
static guint
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
}

static char *
read_log_tail (SlTestPeer *self)
{
  g_autofree char *log = NULL;
  gsize length = 0;

  if (!g_file_get_contents (self->log_path, &log, &length, NULL))
    return g_strdup ("(no log)");

  return g_strdup (length > 2000 ? log + length - 2000 : log);
}

char *
sl_test_peer_find_peers_dir (void)
{
  const char *candidates[] = { g_getenv ("SL_PEERS_DIR"), g_getenv ("SL_PEERS_FALLBACK") };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *bin = NULL;

      if (candidates[i] == NULL)
        continue;
      bin = g_build_filename (candidates[i], "node_modules", ".bin", "pouchdb-server", NULL);
      if (g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
        return g_strdup (candidates[i]);
    }

  return NULL;
}

/* The command line of the peer, or a g_error() saying what is missing. */
static GPtrArray *
peer_argv (SlTestPeer *self)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *port = g_strdup_printf ("%u", self->port);

  if (self->kind == SL_TEST_PEER_SUNLIGHT)
    {
      const char *bin = g_getenv ("SL_SERVER_BIN");

      if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE))
        g_error ("sunlight-server not found: SL_SERVER_BIN is %s; run the sync "
                 "tests with meson test, which sets it", bin ? bin : "(unset)");
      g_ptr_array_add (argv, g_strdup (bin));
      g_ptr_array_add (argv, g_strdup ("serve"));
      g_ptr_array_add (argv, g_strdup ("--data"));
      g_ptr_array_add (argv, g_strdup (self->data_dir));
      if (self->tls_cert != NULL)
        {
          g_ptr_array_add (argv, g_strdup ("--tls-cert"));
          g_ptr_array_add (argv, g_strdup (self->tls_cert));
          g_ptr_array_add (argv, g_strdup ("--tls-key"));
          g_ptr_array_add (argv, g_strdup (self->tls_key));
        }
      for (guint i = 0; self->extra_args != NULL && self->extra_args[i] != NULL; i++)
        g_ptr_array_add (argv, g_strdup (self->extra_args[i]));
      g_ptr_array_add (argv, g_strdup ("--port"));
    }
  else
    {
      g_autofree char *peers = sl_test_peer_find_peers_dir ();

      if (peers == NULL)
        g_error ("pouchdb-server not found in $SL_PEERS_DIR (%s) nor in tests/peers: "
                 "run build-aux/dev test, which installs the test peers, or "
                 "`npm ci` in tests/peers", g_getenv ("SL_PEERS_DIR") ?: "unset");
      g_ptr_array_add (argv, g_build_filename (peers, "node_modules", ".bin",
                                               "pouchdb-server", NULL));
      g_ptr_array_add (argv, g_strdup ("--dir"));
      g_ptr_array_add (argv, g_strdup (self->data_dir));
      g_ptr_array_add (argv, g_strdup ("--host"));
      g_ptr_array_add (argv, g_strdup ("127.0.0.1"));
      g_ptr_array_add (argv, g_strdup ("--no-color"));
      g_ptr_array_add (argv, g_strdup ("--port"));
    }

  g_ptr_array_add (argv, g_steal_pointer (&port));
  g_ptr_array_add (argv, NULL);
  return argv;
}

static gboolean
answers (SlTestPeer *self)
{
  g_autofree char *url = g_strdup_printf ("%s/", self->url);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = soup_session_send_and_read (self->session, msg, NULL, NULL);

  return body != NULL && soup_message_get_status (msg) == 200;
}

static void
exited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SlTestPeer *self = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  self->exited = TRUE;
}

static void
launch (SlTestPeer *self)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GPtrArray) argv = peer_argv (self);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + READY_SECONDS * G_USEC_PER_SEC;

  /* pouchdb-server writes config.json and log.txt where it runs. */
  g_subprocess_launcher_set_cwd (launcher, self->dir);
  g_subprocess_launcher_set_stdout_file_path (launcher, self->log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  /* LeakSanitizer's tracer crashes on the dynamic TLS of the threads
   * glib-networking starts for handshakes (it reads a bogus DTLS range
   * at exit): leave thread-local storage out of its roots there. */
  if (self->tls_cert != NULL)
    {
      const char *given = g_getenv ("LSAN_OPTIONS");
      g_autofree char *options = g_strconcat (given != NULL ? given : "",
                                              given != NULL ? ":" : "", "use_tls=0", NULL);

      g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", options, TRUE);
    }
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                &error);
  g_assert_no_error (error);
  self->exited = FALSE;
  g_subprocess_wait_async (self->process, NULL, exited_cb, self);

  while (!answers (self))
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (self->exited || g_get_monotonic_time () > deadline)
        {
          g_autofree char *log = read_log_tail (self);

          g_error ("%s did not start on port %u:\n%s", (char *) argv->pdata[0],
                   self->port, log);
        }
      g_usleep (50 * 1000);
    }
}

/* Runs `sunlight-server ARGS --data DIR`, which must succeed; @input
 * goes to its standard input. */
static void
run_sunlight_command (SlTestPeer         *self,
                      const char * const *args,
                      const char         *input)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SL_SERVER_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, "--data");
  g_ptr_array_add (argv, self->data_dir);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("sunlight-server %s failed: %s", args[0], out);
}

/* Waits up to @seconds for the process to end. */
static gboolean
wait_exit (SlTestPeer *self,
           guint       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!self->exited && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
    }

  if (self->exited)
    return TRUE;

  /* Past the deadline: make sure it ends, then collect it. */
  g_subprocess_force_exit (self->process);
  while (!self->exited)
    g_main_context_iteration (NULL, TRUE);
  return FALSE;
}

static void
set_up_pouchdb_admin (SlTestPeer *self)
{
  g_autofree char *url = g_strdup_printf ("%s/_config/admins/%s", self->url, SL_TEST_PEER_ADMIN);
  g_autoptr(SlTestResponse) response =
    sl_test_http (self->session, "PUT", url, NULL, NULL, "\"" SL_TEST_PEER_ADMIN_PASSWORD "\"");

  if (response->status != 200)
    g_error ("pouchdb-server refused its admin: %u %s", response->status, response->body);
}

static SlTestPeer *
peer_new (SlTestPeerKind  kind,
          const char     *cert,
          const char     *key)
{
  SlTestPeer *self = g_new0 (SlTestPeer, 1);

  self->kind = kind;
  self->dir = sl_test_make_tmp_dir ();
  self->data_dir = g_build_filename (self->dir, "data", NULL);
  self->log_path = g_build_filename (self->dir, "peer.log", NULL);
  self->port = free_port ();
  self->url = g_strdup_printf ("%s://127.0.0.1:%u", cert != NULL ? "https" : "http", self->port);
  self->session = sl_test_http_session_new ();
  self->tls_cert = cert != NULL ? g_canonicalize_filename (cert, NULL) : NULL;
  self->tls_key = key != NULL ? g_canonicalize_filename (key, NULL) : NULL;
  self->passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->passwords, g_strdup (SL_TEST_PEER_ADMIN),
                       g_strdup (SL_TEST_PEER_ADMIN_PASSWORD));
  g_mkdir_with_parents (self->data_dir, 0700);

  if (cert != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTlsDatabase) trusted = g_tls_file_database_new (self->tls_cert, &error);

      g_assert_no_error (error);
      soup_session_set_tls_database (self->session, trusted);
    }

  return self;
}

static SlTestPeer *
start (SlTestPeer *self)
{
  if (self->kind == SL_TEST_PEER_SUNLIGHT)
    {
      const char *args[] = { "user", "add", SL_TEST_PEER_ADMIN, "--role", "admin", NULL };

      g_ptr_array_unref (peer_argv (self));   /* fails first if the binary is missing */
      run_sunlight_command (self, args, SL_TEST_PEER_ADMIN_PASSWORD "\n");
    }

  launch (self);
  if (self->kind == SL_TEST_PEER_POUCHDB)
    set_up_pouchdb_admin (self);
  return self;
}

SlTestPeer *
sl_test_peer_start (SlTestPeerKind kind)
{
  return start (peer_new (kind, NULL, NULL));
}

SlTestPeer *
sl_test_peer_start_tls (const char *cert,
                        const char *key)
{
  return start (peer_new (SL_TEST_PEER_SUNLIGHT, cert, key));
}

SlTestPeer *
sl_test_peer_start_with_args (const char * const *args)
{
  SlTestPeer *self = peer_new (SL_TEST_PEER_SUNLIGHT, NULL, NULL);

  self->extra_args = g_strdupv ((char **) args);
  return start (self);
}

SlTestPeerKind
sl_test_peer_get_kind (SlTestPeer *self)
{
  return self->kind;
}

const char *
sl_test_peer_get_url (SlTestPeer *self)
{
  return self->url;
}

const char *
sl_test_peer_get_data_dir (SlTestPeer *self)
{
  return self->data_dir;
}

SoupSession *
sl_test_peer_get_session (SlTestPeer *self)
{
  return self->session;
}

void
sl_test_peer_create_db (SlTestPeer *self,
                        const char *name)
{
  g_autofree char *url = g_strdup_printf ("%s/%s", self->url, name);
  g_autoptr(SlTestResponse) response =
    sl_test_http (self->session, "PUT", url, SL_TEST_PEER_ADMIN, SL_TEST_PEER_ADMIN_PASSWORD, NULL);

  if (response->status != 201)
    g_error ("could not create database %s: %u %s", name, response->status, response->body);
}

char *
sl_test_peer_new_db (SlTestPeer *self)
{
  g_autofree char *uuid = g_uuid_string_random ();
  char *name = g_strdup_printf ("t%.8s", uuid);

  sl_test_peer_create_db (self, name);
  return name;
}

void
sl_test_peer_add_team (SlTestPeer *self)
{
  sl_test_peer_add_user (self, "alice", "marketing", "alice-secret");
  sl_test_peer_add_user (self, "fred", "finance", "fred-secret");
  sl_test_peer_add_user (self, "vera", "viewer", "vera-secret");
}

void
sl_test_peer_add_user (SlTestPeer *self,
                       const char *name,
                       const char *role,
                       const char *password)
{
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_autoptr(SlTestResponse) response = NULL;

  g_hash_table_replace (self->passwords, g_strdup (name), g_strdup (password));
  if (self->kind == SL_TEST_PEER_SUNLIGHT)
    {
      const char *args[] = { "user", "add", name, "--role", role, NULL };
      g_autofree char *input = g_strdup_printf ("%s\n", password);

      run_sunlight_command (self, args, input);
      return;
    }

  url = g_strdup_printf ("%s/_users/org.couchdb.user:%s", self->url, name);
  body = g_strdup_printf ("{\"name\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"],"
                          "\"type\":\"user\"}", name, password, role);
  response = sl_test_http (self->session, "PUT", url,
                           SL_TEST_PEER_ADMIN, SL_TEST_PEER_ADMIN_PASSWORD, body);
  if (response->status != 201)
    g_error ("could not add user %s: %u %s", name, response->status, response->body);
}

SlTestResponse *
sl_test_peer_request (SlTestPeer *self,
                      const char *method,
                      const char *path,
                      const char *user,
                      const char *body)
{
  g_autofree char *url = g_strconcat (self->url, path, NULL);
  const char *password = user != NULL ? g_hash_table_lookup (self->passwords, user) : NULL;

  g_assert_true (user == NULL || password != NULL);
  return sl_test_http (self->session, method, url, user, password, body);
}

char *
sl_test_peer_read_log (SlTestPeer *self)
{
  char *log = NULL;

  if (!g_file_get_contents (self->log_path, &log, NULL, NULL))
    return g_strdup ("");
  return log;
}

static char *
find_line (const char *log,
           GPtrArray  *needles)
{
  g_auto(GStrv) lines = g_strsplit (log, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint found = 0;

      while (found < needles->len && strstr (lines[i], needles->pdata[found]) != NULL)
        found++;
      if (found == needles->len)
        return g_strdup (lines[i]);
    }

  return NULL;
}

gsize
sl_test_peer_get_log_size (SlTestPeer *self)
{
  g_autofree char *log = sl_test_peer_read_log (self);

  return strlen (log);
}

char *
sl_test_peer_find_log_line (SlTestPeer *self,
                            gsize       since,
                            const char *needle,
                            ...)
{
  g_autoptr(GPtrArray) needles = g_ptr_array_new ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  va_list args;

  va_start (args, needle);
  for (const char *n = needle; n != NULL; n = va_arg (args, const char *))
    g_ptr_array_add (needles, (gpointer) n);
  va_end (args);

  /* The server writes its line as it answers: it may come just after. */
  for (;;)
    {
      g_autofree char *log = sl_test_peer_read_log (self);
      char *line = find_line (log + MIN (since, strlen (log)), needles);

      if (line != NULL || g_get_monotonic_time () > deadline)
        return line;
      g_usleep (20 * 1000);
    }
}

GPid
sl_test_peer_get_pid (SlTestPeer *self)
{
  const char *id = self->process != NULL ? g_subprocess_get_identifier (self->process) : NULL;

  g_assert_nonnull (id);
  return (GPid) g_ascii_strtoll (id, NULL, 10);
}

void
sl_test_peer_kill (SlTestPeer *self,
                   int         signum)
{
  g_return_if_fail (self->process != NULL);

  g_subprocess_send_signal (self->process, signum);
  wait_exit (self, 30);
  g_clear_object (&self->process);
}

void
sl_test_peer_restart (SlTestPeer *self)
{
  if (self->process != NULL)
    sl_test_peer_kill (self, SIGTERM);

  launch (self);
}

gboolean
sl_test_peer_is_running (SlTestPeer *self)
{
  return self->process != NULL && answers (self);
}

void
sl_test_peer_free (SlTestPeer *self)
{
  if (self == NULL)
    return;

  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      if (!wait_exit (self, 20))
        g_test_message ("peer on port %u ignored SIGTERM", self->port);
      /* sunlight-server ends cleanly on SIGTERM (sanitizers check it too). */
      else if (self->kind == SL_TEST_PEER_SUNLIGHT && !g_subprocess_get_successful (self->process))
        {
          g_autofree char *log = read_log_tail (self);

          g_error ("sunlight-server did not exit cleanly:\n%s", log);
        }
      g_clear_object (&self->process);
    }

  g_clear_object (&self->session);
  g_hash_table_unref (self->passwords);
  g_free (self->tls_cert);
  g_free (self->tls_key);
  g_strfreev (self->extra_args);
  sl_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->data_dir);
  g_free (self->log_path);
  g_free (self->url);
  g_free (self);
}
