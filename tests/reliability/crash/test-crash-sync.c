/* test-crash-sync.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `sunlight-cli sync` of 400 goals to a real sunlight-server, killed with
 * SIGKILL at random points of its push and pull: the workspace stays
 * sound; each document is on the server at most once, at its first
 * revision, without conflicts; what the outbox records as pushed is on
 * the server; the checkpoint is not ahead of the server; and the next
 * sync completes to the state of an uninterrupted one.
 */

#include "config.h"

#include "sl-crash.h"
#include "sl-test-json.h"
#include "sl-test-sync.h"
#include "sl-test-utils.h"

#define GOALS  400
#define BATCH  25
#define ROUNDS 100

/* Differ between two syncs of the same workspace to two databases; and
 * applied_json, set when a batch the server stored but the killed
 * client did not record comes back as a conflict and the server's equal
 * version is taken (docs/sync.md): count_unsynced() checks it equals
 * the document the workspace holds. */
static const char * const skip[] = { "db_name", "client_id", "applied_json", NULL };

typedef struct
{
  SlTestPeer *peer;
  char       *dir;
  char       *fixture;
  char       *path;
  char       *db;         /* this round's */
  char       *reference;  /* digest of the workspace synced whole */
  GHashTable *revs;       /* document id → revision, synced whole */
} Harness;

/* id → revision of every document in the round's database; fails on a
 * conflict, a design document or a document the workspace never had. */
static GHashTable *
server_revs (Harness *h)
{
  g_autofree char *path = g_strdup_printf ("/%s/_all_docs?include_docs=true&conflicts=true", h->db);
  g_autoptr(SlTestResponse) response = sl_test_peer_request (h->peer, "GET", path, SL_TEST_PEER_ADMIN, NULL);
  GHashTable *revs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *rows;

  g_assert_cmpuint (response->status, ==, 200);
  rows = json_object_get_array_member (json_node_get_object (response->json), "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonObject *doc = json_object_get_object_member (row, "doc");
      const char *id = json_object_get_string_member (row, "id");

      g_assert_true (g_str_has_prefix (id, "goal:"));
      g_assert_false (json_object_has_member (doc, "_conflicts"));
      /* Each id once. */
      g_assert_true (g_hash_table_insert (revs, g_strdup (id),
                                          g_strdup (json_object_get_string_member (doc, "_rev"))));
    }
  return revs;
}

static gint64
seq_number (const char *seq)
{
  return g_ascii_strtoll (seq[0] == '"' ? seq + 1 : seq, NULL, 10);
}

/* What a killed sync left: pushed as recorded, nothing twice, the
 * checkpoint not past the server. */
static guint
check_killed (Harness *h)
{
  g_autoptr(GHashTable) revs = server_revs (h);
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info_path = g_strdup_printf ("/%s", h->db);
  g_autoptr(SlTestResponse) info = sl_test_peer_request (h->peer, "GET", info_path, SL_TEST_PEER_ADMIN, NULL);
  g_autofree char *last_seq = NULL;
  GHashTableIter iter;
  gpointer id, rev;
  gboolean has_row;

  /* On the server: revisions an uninterrupted sync writes, no others. */
  g_hash_table_iter_init (&iter, revs);
  while (g_hash_table_iter_next (&iter, &id, &rev))
    g_assert_cmpstr (rev, ==, g_hash_table_lookup (h->revs, id));

  db = sl_database_open (h->path, SL_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  stmt = sl_database_prepare (db, "SELECT doc_id, rev FROM sync_doc WHERE dirty = 0", &error);
  g_assert_no_error (error);
  while (sl_database_step_row (db, stmt, &has_row, &error) && has_row)
    g_assert_cmpstr (g_hash_table_lookup (revs, sqlite3_column_text (stmt, 0)), ==,
                     (const char *)sqlite3_column_text (stmt, 1));
  g_assert_no_error (error);

  last_seq = sl_test_query_text (db, "SELECT coalesce ((SELECT last_seq FROM sync_server), '0')");
  g_assert_cmpint (seq_number (g_strchomp (last_seq)), <=,
                   seq_number (sl_test_json_string (info->json, "update_seq")));
  return g_hash_table_size (revs);
}

/* Items not on the server at the revision the workspace has. */
static gint64
count_unsynced (const char *path)
{
  g_autoptr(SlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = sl_database_open (path, SL_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  return sl_test_query_int64 (db, "SELECT count(*) FROM sync_doc WHERE dirty = 1 OR rev IS NULL "
                                  "OR conflict_json IS NOT NULL OR refusal IS NOT NULL "
                                  "OR (applied_json IS NOT NULL AND applied_json <> base_json)");
}

/* Syncs the round's copy to its end: the state of the reference. */
static void
complete (Harness    *h,
          gint64     *elapsed)
{
  g_auto(GStrv) argv = sl_test_sync_cli_argv (h->peer, h->db, h->dir, h->path, "alice", BATCH);
  g_autoptr(GHashTable) revs = NULL;
  g_autofree char *digest = NULL;
  GHashTableIter iter;
  gpointer id, rev;

  *elapsed = sl_crash_run ((const char * const *)argv);
  sl_crash_assert_integrity (h->path);
  digest = sl_crash_check_workspace (h->path, skip);
  revs = server_revs (h);
  g_assert_cmpuint (g_hash_table_size (revs), ==, GOALS);
  g_assert_cmpint (count_unsynced (h->path), ==, 0);
  if (h->reference == NULL)
    {
      h->reference = g_steal_pointer (&digest);
      h->revs = g_steal_pointer (&revs);
      return;
    }
  g_assert_cmpstr (digest, ==, h->reference);
  g_hash_table_iter_init (&iter, revs);
  while (g_hash_table_iter_next (&iter, &id, &rev))
    g_assert_cmpstr (rev, ==, g_hash_table_lookup (h->revs, id));
}

/* A fresh database on the server and a fresh copy of the workspace. */
static void
new_round (Harness *h)
{
  g_free (h->db);
  h->db = sl_test_peer_new_db (h->peer);
  sl_crash_copy_workspace (h->fixture, h->path);
}

/* An uninterrupted sync of a fresh copy to a fresh database, timed. */
static void
measure (Harness      *h,
         SlCrashClock *clock)
{
  gint64 elapsed;

  new_round (h);
  complete (h, &elapsed);
  sl_crash_clock_add (clock, elapsed);
}

static void
make_fixture (Harness *h)
{
  g_autoptr(SlWorkspace) ws = sl_test_sync_workspace (h->dir, "fixture.sunlight", "alice");

  sl_test_sync_seed_goals (ws, GOALS, "alice");
  h->fixture = g_strdup (sl_workspace_get_path (ws));
  h->path = g_build_filename (h->dir, "round.sunlight", NULL);
}

static void
test_sync_killed (void)
{
  Harness h = { sl_test_sync_start_peer (SL_TEST_PEER_SUNLIGHT), sl_test_make_tmp_dir () };
  g_autoptr(GRand) rand = sl_crash_rand_new ();
  guint rounds = sl_crash_rounds (ROUNDS);
  guint killed = 0, none = 0, some = 0, all = 0;
  gint64 start, min_delay = G_MAXINT64, max_delay = 0;
  SlCrashClock clock = { { 0 } };

  make_fixture (&h);
  for (guint i = 0; i < G_N_ELEMENTS (clock.last); i++)
    measure (&h, &clock);
  g_test_message ("sync: %u rounds; %u goals in batches of %u take %.1f ms (median of 3 runs), measured "
                  "again every %u rounds; kill delays uniform in [0, that]", rounds, GOALS, BATCH,
                  sl_crash_clock_get (&clock) / 1000.0, SL_CRASH_MEASURE_EVERY);
  start = g_get_monotonic_time ();
  for (guint round = 1; round <= rounds; round++)
    {
      double fraction = g_rand_double (rand);
      gint64 delay, elapsed;
      g_auto(GStrv) argv = NULL;
      g_autofree char *digest = NULL;
      gboolean was_killed;
      guint on_server;

      if (round % SL_CRASH_MEASURE_EVERY == 0)
        measure (&h, &clock);
      delay = (gint64)(fraction * (double)sl_crash_clock_get (&clock));
      new_round (&h);
      argv = sl_test_sync_cli_argv (h.peer, h.db, h.dir, h.path, "alice", BATCH);
      was_killed = sl_crash_run_killed ((const char * const *)argv, delay, &elapsed);
      sl_crash_assert_integrity (h.path);
      digest = sl_crash_check_workspace (h.path, skip);
      on_server = check_killed (&h);
      if (!was_killed)
        g_assert_cmpstr (digest, ==, h.reference);
      g_test_message ("sync round %u: kill at %.1f ms (%.4f of the run): %s, %u of %u documents on the server",
                      round, delay / 1000.0, fraction, was_killed ? "killed" : "had finished", on_server, GOALS);
      complete (&h, &elapsed);

      killed += was_killed;
      none += on_server == 0;
      some += on_server > 0 && on_server < GOALS;
      all += on_server == GOALS;
      min_delay = MIN (min_delay, delay);
      max_delay = MAX (max_delay, delay);
    }
  g_test_message ("sync: %u rounds in %.1f s (%.0f ms a round, with the sync that completes it): %u killed, "
                  "%u finished first; the server held none of the documents after %u, some after %u, all "
                  "after %u; delays %.1f to %.1f ms; uninterrupted syncs took %.1f to %.1f ms; every next sync "
                  "reached the reference state", rounds,
                  (g_get_monotonic_time () - start) / 1e6, (g_get_monotonic_time () - start) / 1000.0 / rounds,
                  killed, rounds - killed, none, some, all, min_delay / 1000.0, max_delay / 1000.0,
                  clock.min / 1000.0, clock.max / 1000.0);

  g_hash_table_unref (h.revs);
  g_free (h.reference);
  g_free (h.db);
  g_free (h.path);
  g_free (h.fixture);
  sl_test_remove_tree (h.dir);
  g_free (h.dir);
  sl_test_peer_free (h.peer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GIO's debug messages for every connection and file would bury the rounds. */
  g_log_set_debug_enabled (FALSE);

  g_test_add_func ("/reliability/crash/sync", test_sync_killed);

  return g_test_run ();
}
