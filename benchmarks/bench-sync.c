/* bench-sync.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how fast sunlight-server takes and serves documents next to
 * pouchdb-server storing on disk (--dir, LevelDB): 10,000 new ~500-byte
 * documents pushed as _bulk_docs of 500, then pulled with
 * _changes?include_docs=true&limit=1000 (the client's JSON parsing
 * included: every page is read through by a validating JSON scanner),
 * into a fresh database per run, over one keep-alive connection. One warm-up run, then SL_BENCH_RUNS (3) measured ones;
 * the median is printed. The ratio is the smaller of push and pull.
 */

#include "config.h"

#include <string.h>

#include "sl-json-scan.h"
#include "sl-test-peer.h"

#define N_DOCS     10000
#define BATCH      500
#define PAGE       1000

typedef struct
{
  double push;   /* docs/s */
  double pull;
} Figures;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The _bulk_docs bodies: N_DOCS annotations of about 500 bytes. */
static GPtrArray *
make_batches (void)
{
  GPtrArray *batches = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *workspace = g_uuid_string_random ();

  for (guint b = 0; b < N_DOCS / BATCH; b++)
    {
      GString *body = g_string_sized_new (BATCH * 560);

      g_string_append (body, "{\"docs\":[");
      for (guint i = 0; i < BATCH; i++)
        {
          g_autofree char *uuid = g_uuid_string_random ();

          g_string_append_printf (body,
            "%s{\"_id\":\"annotation:%s\",\"type\":\"annotation\",\"schema\":1,"
            "\"workspace\":\"%s\",\"author\":\"alice\","
            "\"created_at\":\"2025-03-01T09:30:00.000000Z\","
            "\"updated_at\":\"2025-03-01T09:30:00.000000Z\",\"kind\":\"win\","
            "\"channel\":\"Paid search\",\"period\":{\"first\":\"2025-02-01\",\"last\":\"2025-02-28\"},"
            "\"snapshot\":{\"spend\":{\"minor\":%u,\"currency\":\"EUR\"},\"cpl\":{\"num\":%u,\"den\":17}},"
            "\"text\":\"Search campaign %u beat its cost per lead target after the keyword "
            "clean-up; budget moved from display to search for the rest of the quarter.\"}",
            i > 0 ? "," : "", uuid, workspace, 100000 + b * BATCH + i, i + 1, b * BATCH + i);
        }
      g_string_append (body, "]}");
      g_ptr_array_add (batches, g_string_free (body, FALSE));
    }

  return batches;
}

/* One request on the peer's keep-alive session; the body comes back
 * unparsed. */
static GBytes *
send (SlTestPeer *peer,
      const char *method,
      const char *path,
      const char *user,
      const char *password,
      const char *body,
      guint      *status)
{
  g_autofree char *url = g_strconcat (sl_test_peer_get_url (peer), path, NULL);
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new_static (body, strlen (body)) : NULL;

  return sl_test_http_send (sl_test_peer_get_session (peer), method, url, user, password,
                            "application/json", bytes, NULL, NULL, status, NULL);
}

/* A _bulk_docs answer: how many rows, FALSE if one has an error. */
static gboolean
read_bulk_answer (GBytes *answer,
                  guint  *rows)
{
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean done = FALSE, member_done = FALSE;
  const char *raw;
  gsize length;
  SlJsonScan scan;

  *rows = 0;
  if (!sl_json_scan_init (&scan, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL) ||
      !sl_json_scan_enter (&scan, '[', NULL))
    return FALSE;

  while (sl_json_scan_next_element (&scan, &done, NULL) && !done)
    {
      if (!sl_json_scan_enter (&scan, '{', NULL))
        return FALSE;
      while (sl_json_scan_next_member (&scan, name, &raw, &length, &member_done, NULL) &&
             !member_done)
        {
          if (strcmp (name->str, "error") == 0 || !sl_json_scan_skip (&scan, NULL))
            return FALSE;
        }
      (*rows)++;
    }

  return done;
}

static double
push (SlTestPeer *peer,
      const char *user,
      const char *password,
      const char *db,
      GPtrArray  *batches)
{
  g_autofree char *path = g_strdup_printf ("/%s/_bulk_docs", db);
  gint64 start = g_get_monotonic_time ();

  for (guint b = 0; b < batches->len; b++)
    {
      guint status, rows;
      g_autoptr(GBytes) answer = send (peer, "POST", path, user, password,
                                       g_ptr_array_index (batches, b), &status);

      if (status != 201 || !read_bulk_answer (answer, &rows) || rows != BATCH)
        g_error ("push refused: %u %.300s", status, (const char *) g_bytes_get_data (answer, NULL));
    }

  return N_DOCS / seconds_since (start);
}

/* A _changes page read through: its rows and last_seq. */
static gboolean
read_changes (GBytes  *answer,
              guint   *rows,
              char   **last_seq)
{
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean done = FALSE, list_done = FALSE, ok = TRUE;
  const char *raw;
  gsize length;
  gint64 number;
  SlJsonScan scan;

  *rows = 0;
  if (!sl_json_scan_init (&scan, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL) ||
      !sl_json_scan_enter (&scan, '{', NULL))
    return FALSE;

  while (ok && sl_json_scan_next_member (&scan, name, &raw, &length, &done, NULL) && !done)
    {
      if (strcmp (name->str, "results") == 0)
        {
          ok = sl_json_scan_enter (&scan, '[', NULL);
          while (ok && sl_json_scan_next_element (&scan, &list_done, NULL) && !list_done)
            {
              ok = sl_json_scan_skip (&scan, NULL);
              (*rows)++;
            }
          ok = ok && list_done;
        }
      else if (strcmp (name->str, "last_seq") == 0 && sl_json_scan_peek (&scan) == '"')
        {
          ok = sl_json_scan_string (&scan, name, NULL);
          *last_seq = g_strdup (name->str);
        }
      else if (strcmp (name->str, "last_seq") == 0)
        {
          ok = sl_json_scan_int (&scan, &number, NULL);
          *last_seq = g_strdup_printf ("%" G_GINT64_FORMAT, number);
        }
      else
        ok = sl_json_scan_skip (&scan, NULL);
    }

  return ok && done && *last_seq != NULL;
}

static double
pull (SlTestPeer *peer,
      const char *user,
      const char *password,
      const char *db)
{
  g_autofree char *since = g_strdup ("0");
  gint64 start = g_get_monotonic_time ();
  guint total = 0;

  for (;;)
    {
      g_autofree char *path = g_strdup_printf ("/%s/_changes?include_docs=true&limit=%u&since=%s",
                                               db, PAGE, since);
      guint status, rows;
      g_autoptr(GBytes) page = send (peer, "GET", path, user, password, NULL, &status);

      g_clear_pointer (&since, g_free);
      if (status != 200 || !read_changes (page, &rows, &since))
        g_error ("pull refused: %u %.300s", status, (const char *) g_bytes_get_data (page, NULL));
      total += rows;
      if (rows < PAGE)
        break;
    }

  if (total != N_DOCS)
    g_error ("pulled %u documents of %u", total, N_DOCS);
  return N_DOCS / seconds_since (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* A warm-up run, then @runs measured ones, each into a new database. */
static Figures
measure (SlTestPeer *peer,
         const char *user,
         const char *password,
         guint       runs)
{
  g_autoptr(GArray) pushes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pulls = g_array_new (FALSE, FALSE, sizeof (double));
  Figures figures;

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr(GPtrArray) batches = make_batches ();
      g_autofree char *db = g_strdup_printf ("bench%u", run);
      double push_rate, pull_rate;

      sl_test_peer_create_db (peer, db);
      push_rate = push (peer, user, password, db, batches);
      pull_rate = pull (peer, user, password, db);
      g_printerr ("%s run %u%s: push %.0f docs/s, pull %.0f docs/s\n",
                  sl_test_peer_get_kind (peer) == SL_TEST_PEER_SUNLIGHT ? "sunlight-server"
                                                                        : "pouchdb-server",
                  run, run == 0 ? " (warm-up)" : "", push_rate, pull_rate);
      if (run == 0)
        continue;
      g_array_append_val (pushes, push_rate);
      g_array_append_val (pulls, pull_rate);
    }

  figures.push = median (pushes);
  figures.pull = median (pulls);
  return figures;
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_env = g_getenv ("SL_BENCH_RUNS");
  guint runs = runs_env != NULL ? (guint) g_ascii_strtoull (runs_env, NULL, 10) : 3;
  Figures server, pouchdb;

  runs = MAX (runs, 1);

  {
    g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);

    /* A marketing user: every write goes through the role rules. */
    sl_test_peer_add_user (peer, "alice", "marketing", "alice-secret");
    server = measure (peer, "alice", "alice-secret", runs);
  }
  {
    g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_POUCHDB);

    pouchdb = measure (peer, SL_TEST_PEER_ADMIN, SL_TEST_PEER_ADMIN_PASSWORD, runs);
  }

  g_print ("server_push_docs_per_s=%.0f\n", server.push);
  g_print ("server_pull_docs_per_s=%.0f\n", server.pull);
  g_print ("pouchdb_push_docs_per_s=%.0f\n", pouchdb.push);
  g_print ("pouchdb_pull_docs_per_s=%.0f\n", pouchdb.pull);
  g_print ("server_ratio_vs_pouchdb=%.2f\n",
           MIN (server.push / pouchdb.push, server.pull / pouchdb.pull));
  return 0;
}
