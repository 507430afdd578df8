/* test-crash-server.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sunlight-server killed with SIGKILL at random points while a client
 * posts batches to _bulk_docs, then restarted on the same data: its
 * SQLite file passes integrity_check, every revision it acknowledged
 * (201) is there, and each batch is all or nothing, as the server writes
 * one batch in one transaction (src/server/README.md, sl_server_db_write()).
 */

#include "config.h"

#include <signal.h>

#include "sl-crash.h"
#include "sl-server-store.h"
#include "sl-test-json.h"
#include "sl-test-peer.h"
#include "sl-test-utils.h"

#define BATCHES 20
#define DOCS    100    /* a batch */
#define ROUNDS  100

typedef struct
{
  SlTestPeer *peer;
  char       *url;                 /* of the round's _bulk_docs */
  GBytes     *bodies[BATCHES];
  GBytes     *answers[BATCHES];    /* the 201s received, in order */
  guint       n_acked;
  guint       other_status;        /* an answer that was not 201, or 0 */
  char       *transport_error;     /* what ended the client, if anything */
} Round;

static GBytes *
batch_body (guint batch)
{
  g_autoptr(GString) body = g_string_new ("{\"docs\":[");

  for (guint i = 0; i < DOCS; i++)
    g_string_append_printf (body, "%s{\"_id\":\"b%u-d%03u\",\"type\":\"crash\",\"batch\":%u,\"n\":%u,"
                            "\"note\":\"%0200u\"}", i ? "," : "", batch, i, batch, i, batch * DOCS + i);
  g_string_append (body, "]}");
  return g_string_free_to_bytes (g_steal_pointer (&body));
}

/* The client: posts the batches one after the other until one fails. */
static gpointer
post_batches (gpointer data)
{
  Round *round = data;
  g_autoptr(SoupSession) session = sl_test_http_session_new ();

  for (guint k = 0; k < BATCHES; k++)
    {
      g_autoptr(GError) error = NULL;
      guint status = 0;
      GBytes *answer = sl_test_http_try_send (session, "POST", round->url, SL_TEST_PEER_ADMIN,
                                              SL_TEST_PEER_ADMIN_PASSWORD, "application/json",
                                              round->bodies[k], NULL, NULL, &status, NULL, &error);

      if (answer == NULL)
        {
          round->transport_error = g_strdup (error->message);
          break;
        }
      if (status != 201)
        {
          round->other_status = status;
          g_bytes_unref (answer);
          break;
        }
      round->answers[round->n_acked++] = answer;
    }
  return NULL;
}

static void
round_clear (Round *round)
{
  for (guint k = 0; k < BATCHES; k++)
    {
      g_clear_pointer (&round->bodies[k], g_bytes_unref);
      g_clear_pointer (&round->answers[k], g_bytes_unref);
    }
  g_clear_pointer (&round->url, g_free);
  g_clear_pointer (&round->transport_error, g_free);
}

/* id → revision of what the server holds in @db. */
static GHashTable *
stored_revs (SlTestPeer *peer,
             const char *db)
{
  g_autofree char *path = g_strdup_printf ("/%s/_all_docs", db);
  g_autoptr(SlTestResponse) response = sl_test_peer_request (peer, "GET", path, SL_TEST_PEER_ADMIN, NULL);
  GHashTable *revs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *rows;

  g_assert_cmpuint (response->status, ==, 200);
  rows = json_object_get_array_member (json_node_get_object (response->json), "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);

      g_assert_true (g_hash_table_insert (revs, g_strdup (sl_test_json_string (row, "id")),
                                          g_strdup (sl_test_json_string (row, "value.rev"))));
    }
  return revs;
}

/* Every document of an acknowledged batch is there at the revision
 * the answer gave. */
static void
check_acked (GHashTable *revs,
             GBytes     *answer,
             guint       batch)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  g_autoptr(JsonNode) results = sl_test_json_parse (text);
  JsonArray *array = json_node_get_array (results);

  g_assert_cmpuint (json_array_get_length (array), ==, DOCS);
  for (guint i = 0; i < DOCS; i++)
    {
      JsonNode *result = json_array_get_element (array, i);
      g_autofree char *id = g_strdup_printf ("b%u-d%03u", batch, i);

      g_assert_cmpstr (sl_test_json_string (result, "id"), ==, id);
      g_assert_true (json_object_get_boolean_member (json_node_get_object (result), "ok"));
      g_assert_cmpstr (g_hash_table_lookup (revs, id), ==, sl_test_json_string (result, "rev"));
    }
}

/* How many documents of @batch the server holds. */
static guint
count_batch (GHashTable *revs,
             guint       batch)
{
  guint n = 0;

  for (guint i = 0; i < DOCS; i++)
    {
      g_autofree char *id = g_strdup_printf ("b%u-d%03u", batch, i);

      n += g_hash_table_contains (revs, id);
    }
  return n;
}

typedef struct
{
  guint  finished;         /* the client had all its answers before the kill */
  guint  in_flight_kept;   /* the batch being written when killed: stored */
  guint  in_flight_lost;   /* … not stored */
  guint  acked;            /* batches acknowledged, all rounds */
  gint64 min_delay;
  gint64 max_delay;
} Tally;

/* The batch the client was waiting for: all or none of it. */
static void
check_rest (GHashTable *revs,
            guint       n_acked,
            Tally      *tally)
{
  guint stored = n_acked * DOCS;

  for (guint k = n_acked; k < BATCHES; k++)
    {
      guint n = count_batch (revs, k);

      if (k == n_acked && n == DOCS)
        tally->in_flight_kept++;
      else if (k == n_acked)
        {
          g_assert_cmpuint (n, ==, 0);
          tally->in_flight_lost++;
        }
      else
        g_assert_cmpuint (n, ==, 0);
      stored += n;
    }
  g_assert_cmpuint (g_hash_table_size (revs), ==, stored);
}

/* One round; @delay G_MAXINT64: no kill. Returns how long the client
 * took (µs). */
static gint64
run_round (SlTestPeer *peer,
           guint       number,
           double      fraction,
           gint64      delay,
           Tally      *tally)
{
  g_autofree char *db = sl_test_peer_new_db (peer);
  g_autofree char *store = g_build_filename (sl_test_peer_get_data_dir (peer), SL_SERVER_STORE_FILE, NULL);
  g_autofree char *db_path = g_strdup_printf ("/%s", db);
  g_autoptr(GHashTable) revs = NULL;
  g_autoptr(SlTestResponse) deleted = NULL;
  Round round = { peer, g_strdup_printf ("%s/%s/_bulk_docs", sl_test_peer_get_url (peer), db) };
  guint in_flight_kept = tally->in_flight_kept;
  GThread *client;
  gint64 start, elapsed;

  for (guint k = 0; k < BATCHES; k++)
    round.bodies[k] = batch_body (k);
  start = g_get_monotonic_time ();
  client = g_thread_new ("bulk-docs", post_batches, &round);
  if (delay != G_MAXINT64)
    {
      gint64 left = start + delay - g_get_monotonic_time ();

      if (left > 0)
        g_usleep ((gulong)left);
      sl_test_peer_kill (peer, SIGKILL);
    }
  g_thread_join (client);
  elapsed = g_get_monotonic_time () - start;
  if (delay != G_MAXINT64)
    sl_test_peer_restart (peer);

  g_assert_cmpuint (round.other_status, ==, 0);
  if (delay == G_MAXINT64)
    g_assert_cmpuint (round.n_acked, ==, BATCHES);
  sl_crash_assert_integrity (store);
  revs = stored_revs (peer, db);
  for (guint k = 0; k < round.n_acked; k++)
    check_acked (revs, round.answers[k], k);
  check_rest (revs, round.n_acked, tally);
  tally->acked += round.n_acked;
  tally->finished += round.n_acked == BATCHES;
  if (delay != G_MAXINT64)
    g_test_message ("server round %u: kill at %.1f ms (%.4f of the run): %u of %u batches acknowledged%s",
                    number, delay / 1000.0, fraction, round.n_acked, BATCHES,
                    round.n_acked == BATCHES ? "" : tally->in_flight_kept > in_flight_kept
                    ? ", the next one stored whole" : ", the next one not stored");

  /* Keeps the file small for the next rounds' integrity_check. */
  deleted = sl_test_peer_request (peer, "DELETE", db_path, SL_TEST_PEER_ADMIN, NULL);
  g_assert_cmpuint (deleted->status, ==, 200);
  round_clear (&round);
  return elapsed;
}

static void
test_server_killed (void)
{
  g_autoptr(SlTestPeer) peer = sl_test_peer_start (SL_TEST_PEER_SUNLIGHT);
  g_autoptr(GRand) rand = sl_crash_rand_new ();
  guint rounds = sl_crash_rounds (ROUNDS);
  Tally tally = { 0, 0, 0, 0, G_MAXINT64, 0 };
  SlCrashClock clock = { { 0 } };
  gint64 start;

  for (guint i = 0; i < G_N_ELEMENTS (clock.last); i++)
    sl_crash_clock_add (&clock, run_round (peer, 0, 1.0, G_MAXINT64, &tally));
  g_test_message ("server: %u rounds; %u batches of %u documents take %.1f ms (median of 3 runs), "
                  "measured again every %u rounds; kill delays uniform in [0, that]", rounds, BATCHES, DOCS,
                  sl_crash_clock_get (&clock) / 1000.0, SL_CRASH_MEASURE_EVERY);

  tally = (Tally) { 0, 0, 0, 0, G_MAXINT64, 0 };
  start = g_get_monotonic_time ();
  for (guint number = 1; number <= rounds; number++)
    {
      double fraction = g_rand_double (rand);
      gint64 delay;

      if (number % SL_CRASH_MEASURE_EVERY == 0)
        {
          Tally unkilled = { 0, 0, 0, 0, G_MAXINT64, 0 };

          sl_crash_clock_add (&clock, run_round (peer, 0, 1.0, G_MAXINT64, &unkilled));
        }
      delay = (gint64)(fraction * (double)sl_crash_clock_get (&clock));
      run_round (peer, number, fraction, delay, &tally);
      tally.min_delay = MIN (tally.min_delay, delay);
      tally.max_delay = MAX (tally.max_delay, delay);
    }
  g_test_message ("server: %u rounds in %.1f s (%.0f ms a round, with the restart): %u batches acknowledged "
                  "and all there after the restart; the client had all its answers in %u rounds; the batch "
                  "in flight was stored whole in %u and not at all in %u; delays %.1f to %.1f ms; "
                  "uninterrupted runs took %.1f to %.1f ms; integrity_check ok after every restart", rounds, (g_get_monotonic_time () - start) / 1e6,
                  (g_get_monotonic_time () - start) / 1000.0 / rounds, tally.acked, tally.finished,
                  tally.in_flight_kept, tally.in_flight_lost, tally.min_delay / 1000.0, tally.max_delay / 1000.0,
                  clock.min / 1000.0, clock.max / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* GIO's debug messages for every connection and file would bury the rounds. */
  g_log_set_debug_enabled (FALSE);

  g_test_add_func ("/reliability/crash/server", test_server_killed);

  return g_test_run ();
}
