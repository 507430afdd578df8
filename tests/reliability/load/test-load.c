/* test-load.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server under load: for 30 s (5 s with SL_RELIABILITY_QUICK=1,
 * or SL_LOAD_SECONDS) concurrent clients of three roles, in one process
 * on one main context, read (GET doc, _all_docs), write (PUT doc,
 * _bulk_docs, updating their revisions), try what their role forbids,
 * and follow `_changes` by longpoll. Then: no 5xx nor any answer but
 * the one expected; every acknowledged revision is in its document's
 * history and the last one is the winner with its body; every document
 * is in the feed; the server's memory did not grow past 20% + 8 MB
 * after the warm-up (not judged under AddressSanitizer, whose quarantine
 * grows on purpose). Latencies and throughput are printed as name=value
 * lines, not judged: the machine may be busy.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sl-test-json.h"
#include "sl-test-peer.h"

#define DB          "load"
#define POOL        24      /* documents a writer keeps updating */
#define BULK        5       /* documents per _bulk_docs */
/* Revisions a document gets before its writer leaves it for a new one.
 * Under 1000: `_revisions` lists the newest 1000 (CouchDB's revs_limit),
 * and the check at the end finds every acknowledged one there. Well
 * under, as the server reads a document's whole tree for each write:
 * ever deeper histories would raise its memory's high-water mark, which
 * is the data's growth, not a leak. */
#define RETIRE      200
#define PAD         "Campaign budget review: paid search, social, display and email."

typedef enum
{
  KIND_GET_DOC,
  KIND_ALL_DOCS,
  KIND_PUT_DOC,
  KIND_BULK_DOCS,
  KIND_CHANGES,
  KIND_REFUSED,
  N_KINDS
} Kind;

static const char *kind_names[N_KINDS] = {
  "get_doc", "all_docs", "put_doc", "bulk_docs", "changes_longpoll", "refused_write",
};

typedef enum { ROLE_WRITER, ROLE_READER, ROLE_POLLER } Job;

/* A document as its one writer knows it. */
typedef struct
{
  char      *id;
  char      *rev;        /* last acknowledged; NULL before the first */
  guint      n;          /* the body's counter at that revision */
  GPtrArray *acked;      /* every acknowledged revision */
} Doc;

typedef struct _Load Load;

typedef struct
{
  Load       *load;
  const char *user;
  char       *auth;       /* Authorization header value */
  Job         job;
  GPtrArray  *pool;       /* Doc, owned by load->docs */
  guint       made;       /* documents created */
  char       *since;      /* pollers: where the feed is */
  GHashTable *seen;       /* pollers: ids the feed gave */
  GRand      *rand;
} Worker;

struct _Load
{
  SoupSession *session;
  char        *base;        /* http://127.0.0.1:PORT/load */
  gint64       end;
  guint        in_flight;
  GArray      *latency[N_KINDS];   /* ms, double */
  GPtrArray   *docs;        /* every Doc acknowledged once */
  GPtrArray   *workers;
  GString     *problems;
  guint        n_problems;
  guint        connections; /* TCP connections the clients opened */
};

/* One request in flight. */
typedef struct
{
  Worker    *worker;
  Kind       kind;
  gint64     sent;
  GPtrArray *docs;          /* the Docs a write carries, in order */
} Call;

static void worker_next (Worker *worker);

static void
doc_free (Doc *doc)
{
  g_free (doc->id);
  g_free (doc->rev);
  g_ptr_array_unref (doc->acked);
  g_free (doc);
}

static Doc *
doc_new (Worker     *worker,
         const char *type)
{
  Doc *doc = g_new0 (Doc, 1);

  doc->id = g_strdup_printf ("%s:%s-%u-%u", type, worker->user,
                             g_rand_int (worker->rand) % 10000, worker->made++);
  doc->acked = g_ptr_array_new_with_free_func (g_free);
  return doc;
}

static void
problem (Load       *load,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Load       *load,
         const char *format,
         ...)
{
  va_list args;

  load->n_problems++;
  if (load->n_problems > 20)
    return;
  va_start (args, format);
  g_string_append_vprintf (load->problems, format, args);
  va_end (args);
  g_string_append_c (load->problems, '\n');
}

/* A document's JSON: its counter, author and a little text. */
static void
append_doc (GString *json,
            Worker  *worker,
            Doc     *doc)
{
  g_string_append_printf (json, "{\"_id\":\"%s\",", doc->id);
  if (doc->rev != NULL)
    g_string_append_printf (json, "\"_rev\":\"%s\",", doc->rev);
  if (g_str_has_prefix (doc->id, "decision:"))
    g_string_append_printf (json, "\"type\":\"decision\",\"verdict\":\"approve\","
                            "\"target\":\"goal:x\",");
  else
    g_string_append (json, "\"type\":\"goal\",");
  g_string_append_printf (json, "\"author\":\"%s\",\"n\":%u,\"text\":\"%s\"}",
                          worker->user, doc->n + 1, PAD);
}

static void
acknowledge (Load       *load,
             Doc        *doc,
             const char *rev)
{
  if (doc->rev == NULL)
    g_ptr_array_add (load->docs, doc);
  g_free (doc->rev);
  doc->rev = g_strdup (rev);
  doc->n++;
  g_ptr_array_add (doc->acked, g_strdup (rev));
}

/* A write's answer: one {"id","rev"} or, for a batch, a list of them. */
static void
write_done (Call     *call,
            JsonNode *json)
{
  Load *load = call->worker->load;

  for (guint i = 0; i < call->docs->len; i++)
    {
      Doc *doc = call->docs->pdata[i];
      g_autofree char *path = call->kind == KIND_BULK_DOCS ? g_strdup_printf ("%u.", i)
                                                           : g_strdup ("");
      g_autofree char *id_path = g_strconcat (path, "id", NULL);
      g_autofree char *rev_path = g_strconcat (path, "rev", NULL);
      JsonNode *rev = sl_test_json_find (json, rev_path);

      if (rev == NULL || g_strcmp0 (sl_test_json_string (json, id_path), doc->id) != 0)
        {
          problem (load, "write of %s not acknowledged", doc->id);
          continue;
        }
      acknowledge (load, doc, json_node_get_string (rev));
      /* Goals are updated again; decisions never change. */
      if (doc->acked->len == 1 && g_str_has_prefix (doc->id, "goal:"))
        g_ptr_array_add (call->worker->pool, doc);
      else if (doc->acked->len == RETIRE)
        g_ptr_array_remove_fast (call->worker->pool, doc);
    }
}

static void
poll_done (Call     *call,
           JsonNode *json)
{
  Worker *worker = call->worker;
  JsonNode *results = sl_test_json_find (json, "results");
  JsonNode *last = sl_test_json_find (json, "last_seq");

  if (results == NULL || last == NULL)
    {
      problem (worker->load, "a _changes answer without results or last_seq");
      return;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (results)); i++)
    {
      JsonObject *row = json_array_get_object_element (json_node_get_array (results), i);

      g_hash_table_add (worker->seen, g_strdup (json_object_get_string_member (row, "id")));
    }
  g_free (worker->since);
  worker->since = JSON_NODE_HOLDS_VALUE (last) && json_node_get_value_type (last) == G_TYPE_STRING
                  ? g_strdup (json_node_get_string (last))
                  : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (last));
}

/* After the session has its connection back, so the next request reuses
 * it rather than opening another. */
static gboolean
next_cb (gpointer data)
{
  Worker *worker = data;

  worker->load->in_flight--;
  worker_next (worker);
  return G_SOURCE_REMOVE;
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;
  Worker *worker = call->worker;
  Load *load = worker->load;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  double ms = (double) (g_get_monotonic_time () - call->sent) / 1000.0;
  guint status = soup_message_get_status (msg);
  static const guint expected[N_KINDS] = { 200, 200, 201, 201, 200, 403 };
  g_autoptr(JsonNode) json = NULL;

  load->in_flight--;
  if (body == NULL)
    problem (load, "%s as %s: %s", kind_names[call->kind], worker->user, error->message);
  else if (status != expected[call->kind])
    problem (load, "%s as %s: %u %.*s", kind_names[call->kind], worker->user, status,
             (int) MIN (g_bytes_get_size (body), 200), (const char *) g_bytes_get_data (body, NULL));
  else
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

      g_array_append_val (load->latency[call->kind], ms);
      json = sl_test_json_parse (text);
      if (call->kind == KIND_PUT_DOC || call->kind == KIND_BULK_DOCS)
        write_done (call, json);
      else if (call->kind == KIND_CHANGES)
        poll_done (call, json);
    }

  /* New documents the server did not take are nobody's. */
  for (guint i = 0; call->docs != NULL && i < call->docs->len; i++)
    {
      Doc *doc = call->docs->pdata[i];

      if (doc->acked->len == 0)
        doc_free (doc);
    }
  if (call->docs != NULL)
    g_ptr_array_unref (call->docs);
  g_free (call);
  load->in_flight++;   /* until next_cb */
  g_idle_add (next_cb, worker);
}

static void
network_event_cb (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  Load *load = user_data;

  if (event == G_SOCKET_CLIENT_CONNECTED)
    load->connections++;
}

static void
send_call (Worker        *worker,
           Kind           kind,
           const char    *method,
           const char    *path,
           const GString *json,
           GPtrArray     *docs)
{
  Load *load = worker->load;
  g_autofree char *url = g_strconcat (load->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  Call *call = g_new0 (Call, 1);

  soup_message_headers_replace (headers, "Authorization", worker->auth);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  g_signal_connect (msg, "network-event", G_CALLBACK (network_event_cb), load);
  call->worker = worker;
  call->kind = kind;
  call->docs = docs;
  call->sent = g_get_monotonic_time ();
  load->in_flight++;
  soup_session_send_and_read_async (load->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    call_done_cb, call);
}

/* A document of the pool to update, or a new one while it is small. */
static Doc *
pick_write (Worker *worker)
{
  if (worker->pool->len < POOL && g_rand_int_range (worker->rand, 0, 4) == 0)
    return doc_new (worker, "goal");
  if (worker->pool->len == 0)
    return doc_new (worker, "goal");
  return worker->pool->pdata[g_rand_int_range (worker->rand, 0, (gint32) worker->pool->len)];
}

static void
writer_next (Worker *worker)
{
  g_autoptr(GString) json = g_string_new (NULL);
  GPtrArray *docs = g_ptr_array_new ();
  guint dice = (guint) g_rand_int_range (worker->rand, 0, 100);

  /* Finance also decides; now and then anyone tries a design document. */
  if (dice < 5 && strcmp (worker->user, "fred") == 0)
    g_ptr_array_add (docs, doc_new (worker, "decision"));
  else if (dice < 7)
    {
      g_string_append (json, "{\"author\":\"");
      g_string_append (json, worker->user);
      g_string_append (json, "\"}");
      g_ptr_array_unref (docs);
      send_call (worker, KIND_REFUSED, "PUT", "/_design/mine", json, NULL);
      return;
    }
  else if (dice < 35)
    {
      for (guint i = 0; i < BULK; i++)
        {
          Doc *doc = pick_write (worker);

          if (!g_ptr_array_find (docs, doc, NULL))
            g_ptr_array_add (docs, doc);
        }
      g_string_append (json, "{\"docs\":[");
      for (guint i = 0; i < docs->len; i++)
        {
          if (i > 0)
            g_string_append_c (json, ',');
          append_doc (json, worker, docs->pdata[i]);
        }
      g_string_append (json, "]}");
      send_call (worker, KIND_BULK_DOCS, "POST", "/_bulk_docs", json, docs);
      return;
    }
  else
    g_ptr_array_add (docs, pick_write (worker));

  {
    Doc *doc = docs->pdata[0];
    g_autofree char *path = g_strdup_printf ("/%s", doc->id);

    append_doc (json, worker, doc);
    send_call (worker, KIND_PUT_DOC, "PUT", path, json, docs);
  }
}

static void
reader_next (Worker *worker)
{
  Load *load = worker->load;
  guint dice = (guint) g_rand_int_range (worker->rand, 0, 100);

  if (dice < 5 && strcmp (worker->user, "vera") == 0)
    {
      g_autoptr(GString) json = g_string_new ("{\"type\":\"comment\",\"author\":\"vera\"}");
      g_autofree char *path = g_strdup_printf ("/comment:vera-%u", worker->made++);

      send_call (worker, KIND_REFUSED, "PUT", path, json, NULL);
    }
  else if (dice < 60 && load->docs->len > 0)
    {
      Doc *doc = load->docs->pdata[g_rand_int_range (worker->rand, 0, (gint32) load->docs->len)];
      g_autofree char *path = g_strdup_printf ("/%s", doc->id);

      send_call (worker, KIND_GET_DOC, "GET", path, NULL, NULL);
    }
  else
    send_call (worker, KIND_ALL_DOCS, "GET",
               dice % 2 ? "/_all_docs?limit=20" : "/_all_docs?limit=20&include_docs=true"
                          "&startkey=%22goal%3Aalice%22",
               NULL, NULL);
}

static void
worker_next (Worker *worker)
{
  g_autofree char *path = NULL;

  if (g_get_monotonic_time () >= worker->load->end)
    return;

  switch (worker->job)
    {
    case ROLE_WRITER:
      writer_next (worker);
      break;
    case ROLE_READER:
      reader_next (worker);
      break;
    case ROLE_POLLER:
      path = g_strdup_printf ("/_changes?feed=longpoll&timeout=1000&limit=500&since=%s",
                              worker->since);
      send_call (worker, KIND_CHANGES, "GET", path, NULL, NULL);
      break;
    }
}

static Worker *
worker_new (Load       *load,
            const char *user,
            Job         job,
            guint32     seed)
{
  Worker *worker = g_new0 (Worker, 1);
  g_autofree char *pair = g_strdup_printf ("%s:%s-secret", user, user);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

  worker->load = load;
  worker->user = user;
  worker->auth = g_strconcat ("Basic ", encoded, NULL);
  worker->job = job;
  worker->pool = g_ptr_array_new ();
  worker->since = g_strdup ("0");
  worker->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  worker->rand = g_rand_new_with_seed (seed);
  return worker;
}

static void
worker_free (Worker *worker)
{
  g_free (worker->auth);
  g_ptr_array_unref (worker->pool);
  g_free (worker->since);
  g_hash_table_unref (worker->seen);
  g_rand_free (worker->rand);
  g_free (worker);
}

/* The server's resident memory, in kB. */
static guint64
rss_kb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    g_error ("cannot read the server's memory from %s", path);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p quantile (0 … 1) of @values, sorting them. */
static double
quantile (GArray *values,
          double  p)
{
  guint index;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  index = (guint) MIN (values->len - 1, (guint) (p * values->len));
  return g_array_index (values, double, index);
}

static void
print_figures (Load   *load,
               double  seconds)
{
  guint total = 0;

  for (Kind kind = 0; kind < N_KINDS; kind++)
    {
      GArray *values = load->latency[kind];

      g_test_message ("load_%s_count=%u", kind_names[kind], values->len);
      g_test_message ("load_%s_p50_ms=%.2f", kind_names[kind], quantile (values, 0.50));
      g_test_message ("load_%s_p99_ms=%.2f", kind_names[kind], quantile (values, 0.99));
      if (kind != KIND_CHANGES)
        total += values->len;
    }
  g_test_message ("load_seconds=%.1f", seconds);
  g_test_message ("load_requests=%u", total);
  g_test_message ("load_throughput_rps=%.1f", total / seconds);
}

/* Every acknowledged revision of @doc is in its history, the last one
 * is the only leaf, the winner, with its body. */
static guint
verify_doc (SlTestPeer *peer,
            Doc        *doc)
{
  g_autofree char *all_path = g_strdup_printf ("/" DB "/%s?open_revs=all&revs=true", doc->id);
  g_autofree char *rev_path = g_strdup_printf ("/" DB "/%s?rev=%s", doc->id, doc->rev);
  g_autoptr(SlTestResponse) all = sl_test_peer_request (peer, "GET", all_path,
                                                        SL_TEST_PEER_ADMIN, NULL);
  g_autoptr(SlTestResponse) at_rev = sl_test_peer_request (peer, "GET", rev_path,
                                                           SL_TEST_PEER_ADMIN, NULL);
  g_autoptr(GHashTable) history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *ids;
  gint64 start;

  g_assert_cmpuint (all->status, ==, 200);
  g_assert_cmpuint (sl_test_json_length (all->json, ""), ==, 1);
  g_assert_cmpstr (sl_test_json_string (all->json, "0.ok._rev"), ==, doc->rev);
  g_assert_cmpint (sl_test_json_int (all->json, "0.ok.n"), ==, doc->n);
  g_assert_cmpuint (at_rev->status, ==, 200);
  g_assert_cmpstr (sl_test_json_string (at_rev->json, "_rev"), ==, doc->rev);
  g_assert_cmpint (sl_test_json_int (at_rev->json, "n"), ==, doc->n);

  start = sl_test_json_int (all->json, "0.ok._revisions.start");
  ids = sl_test_json_find (all->json, "0.ok._revisions.ids");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (ids)); i++)
    g_hash_table_add (history, g_strdup_printf ("%" G_GINT64_FORMAT "-%s", start - i,
                                                json_array_get_string_element (json_node_get_array (ids), i)));
  for (guint i = 0; i < doc->acked->len; i++)
    {
      if (!g_hash_table_contains (history, doc->acked->pdata[i]))
        g_error ("%s: acknowledged revision %s is not in its history", doc->id,
                 (char *) doc->acked->pdata[i]);
    }
  return doc->acked->len;
}

/* Each poller's feed, caught up, names every document written. */
static void
verify_feed (SlTestPeer *peer,
             Load       *load,
             Worker     *poller)
{
  g_autofree char *path = g_strdup_printf ("/" DB "/_changes?since=%s", poller->since);
  g_autoptr(SlTestResponse) rest = sl_test_peer_request (peer, "GET", path, "vera", NULL);
  JsonArray *results;

  g_assert_cmpuint (rest->status, ==, 200);
  results = json_node_get_array (sl_test_json_find (rest->json, "results"));
  for (guint i = 0; i < json_array_get_length (results); i++)
    g_hash_table_add (poller->seen, g_strdup (json_object_get_string_member (
                        json_array_get_object_element (results, i), "id")));
  for (guint i = 0; i < load->docs->len; i++)
    {
      Doc *doc = load->docs->pdata[i];

      if (!g_hash_table_contains (poller->seen, doc->id))
        g_error ("%s's feed never named %s", poller->user, doc->id);
    }
}

/* libsoup's server before 3.3 never frees a connection its client
 * closes (about 2 kB each; its commits d20c660 and 6308303 fixed it).
 * sunlight-server closes their sockets, but cannot free libsoup's
 * objects: so much growth is libsoup's, and allowed for (3 kB each). */
static guint64
leak_allowance (Load *load)
{
  g_test_message ("load_connections=%u", load->connections);
  if (soup_get_major_version () > 3 || soup_get_minor_version () >= 3)
    return 0;

  g_test_message ("libsoup %u.%u.%u leaks its server connections: allowing %u kB",
                  soup_get_major_version (), soup_get_minor_version (),
                  soup_get_micro_version (), load->connections * 3);
  return (guint64) load->connections * 3;
}

static double
load_seconds (void)
{
  const char *given = g_getenv ("SL_LOAD_SECONDS");

  if (given != NULL)
    return g_ascii_strtod (given, NULL);
  return g_strcmp0 (g_getenv ("SL_RELIABILITY_QUICK"), "1") == 0 ? 5 : 30;
}

/* Runs the workers until the end; the server's memory is sampled every
 * sixth of the time (printed), the warm figure at the second sample. */
static void
run (Load    *load,
     GPid     pid,
     double   seconds,
     guint64 *rss_warm)
{
  gint64 start = g_get_monotonic_time ();
  gint64 step = (gint64) (seconds / 6 * G_USEC_PER_SEC);
  guint samples = 0;

  load->end = start + (gint64) (seconds * G_USEC_PER_SEC);
  for (guint i = 0; i < load->workers->len; i++)
    worker_next (load->workers->pdata[i]);

  while (load->in_flight > 0)
    {
      g_main_context_iteration (NULL, TRUE);
      if (samples < 5 && g_get_monotonic_time () >= start + (samples + 1) * step)
        {
          guint64 kb = rss_kb (pid);

          samples++;
          g_test_message ("load_server_rss_kb_at_%.0fs=%" G_GUINT64_FORMAT,
                          seconds * samples / 6, kb);
          if (samples == 2)
            *rss_warm = kb;
        }
    }
}

static void
test_load (void)
{
  g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  const struct { const char *user; Job job; } team[] = {
    { "alice", ROLE_WRITER }, { "alice", ROLE_WRITER }, { "fred", ROLE_WRITER },
    { "vera", ROLE_READER }, { "vera", ROLE_READER }, { "alice", ROLE_READER },
    { "fred", ROLE_READER }, { "vera", ROLE_POLLER }, { "fred", ROLE_POLLER },
  };
  Load load = { 0 };
  double seconds = load_seconds ();
  guint64 rss_warm = 0;
  guint64 rss_end;
  guint64 allowance;
  guint revisions = 0;
  GPid pid;

  sl_test_peer_add_team (peer);
  sl_test_peer_create_db (peer, DB);
  pid = sl_test_peer_get_pid (peer);

  load.session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64,
                                                "timeout", 120, "proxy-resolver", NULL, NULL);
  load.base = g_strconcat (sl_test_peer_get_url (peer), "/" DB, NULL);
  load.docs = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_free);
  load.workers = g_ptr_array_new_with_free_func ((GDestroyNotify) worker_free);
  load.problems = g_string_new (NULL);
  for (Kind kind = 0; kind < N_KINDS; kind++)
    load.latency[kind] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < G_N_ELEMENTS (team); i++)
    g_ptr_array_add (load.workers, worker_new (&load, team[i].user, team[i].job, 1000 + i));

  run (&load, pid, seconds, &rss_warm);
  rss_end = rss_kb (pid);

  print_figures (&load, seconds);
  g_test_message ("load_documents=%u", load.docs->len);
  g_test_message ("load_server_rss_warm_kb=%" G_GUINT64_FORMAT, rss_warm);
  g_test_message ("load_server_rss_end_kb=%" G_GUINT64_FORMAT, rss_end);
  if (load.n_problems > 0)
    g_error ("%u requests went wrong under load, the first ones:\n%s", load.n_problems,
             load.problems->str);
  for (Kind kind = 0; kind < N_KINDS; kind++)
    g_assert_cmpuint (load.latency[kind]->len, >, 0);

  for (guint i = 0; i < load.docs->len; i++)
    revisions += verify_doc (peer, load.docs->pdata[i]);
  g_test_message ("load_revisions_verified=%u", revisions);
  verify_feed (peer, &load, load.workers->pdata[7]);
  verify_feed (peer, &load, load.workers->pdata[8]);

  allowance = leak_allowance (&load);
  /* AddressSanitizer's quarantine keeps freed memory on purpose. */
#if defined(__SANITIZE_ADDRESS__)
  g_test_message ("memory growth not judged under AddressSanitizer (%" G_GUINT64_FORMAT
                  " kB allowed otherwise)", allowance);
#else
  g_assert_cmpuint (rss_end, <=, rss_warm + rss_warm / 5 + 8 * 1024 + allowance);
#endif

  for (Kind kind = 0; kind < N_KINDS; kind++)
    g_array_unref (load.latency[kind]);
  g_ptr_array_unref (load.workers);
  g_ptr_array_unref (load.docs);
  g_string_free (load.problems, TRUE);
  g_free (load.base);
  g_object_unref (load.session);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/load/mixed", test_load);

  return g_test_run ();
}
