/* bench-sync-client.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how fast the sync client pulls: 10,000 documents (goals,
 * annotations with their snapshots, comments) pushed to sunlight-server
 * by one workspace, then pulled by SlSyncClient into a fresh workspace:
 * one warm-up run, then SL_BENCH_RUNS (3) measured ones, each into a
 * new workspace; the median is printed (target ≥ 5,000 docs/s). The
 * push of the 10,000 is printed too.
 */

#include "config.h"

#include "sl-test-sync.h"
#include "sl-test-utils.h"

#define N_GOALS       2500
#define N_ANNOTATIONS 5000
#define N_COMMENTS    2500
#define N_DOCS        (N_GOALS + N_ANNOTATIONS + N_COMMENTS)

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
exec (SlWorkspace *ws,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  if (!sl_database_exec (sl_workspace_get_database (ws), sql, &error))
    g_error ("%s", error->message);
}

/* Goals, annotations of each goal's channel and month with a snapshot
 * of figures, and comments on the annotations, by alice. */
static void
seed (SlWorkspace *ws)
{
  sl_test_sync_seed_goals (ws, N_GOALS, "alice");
  exec (ws,
        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
        "INSERT INTO annotation (uuid, kind, title, body, channel_id, first_day, last_day, goal_id, "
        "next_steps, snapshot, author, created_at, updated_at) "
        "SELECT printf ('%08x-0000-4000-9000-%012x', i, i), 'win', 'Search beat its target ' || i, "
        "'The keyword clean-up lowered the cost per lead; budget moved from display to search for the "
        "rest of the quarter.', (SELECT id FROM channel WHERE name = 'Search'), 20454 + i % 300, "
        "20454 + i % 300 + 27, 1 + (i - 1) / 2, 'Keep the new bids', "
        "'{\"spend\":{\"minor\":' || (100000 + i) || ',\"currency\":\"USD\"},"
        "\"cpl\":{\"num\":' || i || ',\"den\":17},\"formula\":2}', 'alice', "
        "1767225600000000 + i, 1767225600000000 + i FROM n");
  exec (ws,
        "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500) "
        "INSERT INTO comment (uuid, target, body, author, created_at) "
        "SELECT printf ('%08x-0000-4000-a000-%012x', i, i), "
        "printf ('annotation:%08x-0000-4000-9000-%012x', i, i), "
        "'Agreed; let us look at it again at the monthly check-in.', 'alice', 1767225600000000 + i FROM n");
}

static double
pull_once (SlTestPeer *peer,
           const char *dir,
           const char *db,
           guint       run)
{
  g_autofree char *name = g_strdup_printf ("bob-%u.sunlight", run);
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (dir, name, "bob");
  g_autoptr(SlSyncClient) client = sl_test_sync_client (peer, db, ws, "bob");
  SlSyncPull *pull = sl_sync_client_get_pull (client);
  gint64 start = g_get_monotonic_time ();
  double rate;

  sl_test_sync_round (client);
  rate = N_DOCS / seconds_since (start);
  if (sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_APPLIED) != N_DOCS)
    g_error ("pulled %u documents of %u (%u failed)", sl_sync_pull_get_count (pull, SL_OUTBOX_PULL_APPLIED),
             N_DOCS, sl_sync_pull_get_n_failed (pull));
  g_printerr ("pull run %u%s: %.0f docs/s\n", run, run == 0 ? " (warm-up)" : "", rate);
  return rate;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_env = g_getenv ("SL_BENCH_RUNS");
  guint runs = MAX (runs_env != NULL ? (guint)g_ascii_strtoull (runs_env, NULL, 10) : 3, 1);
  g_autoptr(SlTestPeer) peer = sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT);
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *db = NULL;
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  double push_rate;

  db = sl_test_peer_new_db (peer);
  {
    g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (dir, "alice.sunlight", "alice");
    g_autoptr(SlSyncClient) client = sl_test_sync_client (peer, db, ws, "alice");
    gint64 start;

    seed (ws);
    start = g_get_monotonic_time ();
    sl_test_sync_round (client);
    push_rate = N_DOCS / seconds_since (start);
    if (sl_sync_push_get_n_pushed (sl_sync_client_get_push (client)) != N_DOCS)
      g_error ("pushed %u documents of %u", sl_sync_push_get_n_pushed (sl_sync_client_get_push (client)),
               N_DOCS);
  }

  for (guint run = 0; run <= runs; run++)
    {
      double rate = pull_once (peer, dir, db, run);

      if (run > 0)
        g_array_append_val (rates, rate);
    }
  g_array_sort (rates, compare_doubles);

  g_print ("push_docs_per_s=%.0f\n", push_rate);
  g_print ("pull_docs_per_s=%.0f\n", g_array_index (rates, double, rates->len / 2));
  sl_test_remove_tree (dir);
  return 0;
}
