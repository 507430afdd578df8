/* sl-crash-case.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl_crash_run_case(): the rounds of a CLI operation killed at random.
 */

#include "config.h"

#include "sl-crash.h"
#include "sl-test-utils.h"

/* "none" or "all": which of the two states @digest is, or a failure. */
static const char *
which_state (const char *name,
             guint       round,
             const char *digest,
             const char *before,
             const char *after)
{
  if (g_str_equal (digest, before))
    return "none";
  if (g_str_equal (digest, after))
    return "all";
  g_error ("%s, round %u: the workspace holds part of the operation.\nbefore:\n%s\nafter:\n%s\nkilled:\n%s",
           name, round, before, after, digest);
  return NULL;
}

/* Runs the operation to its end on a fresh copy: the after-state. */
static char *
reference_run (const SlCrashCase  *crash_case,
               const char * const *argv,
               const char         *path,
               SlCrashClock       *clock)
{
  sl_crash_copy_workspace (crash_case->fixture, path);
  sl_crash_clock_add (clock, sl_crash_run (argv));
  sl_crash_assert_integrity (path);
  return sl_crash_check_workspace (path, crash_case->skip);
}

typedef struct
{
  guint  killed;      /* SIGKILL ended it */
  guint  finished;    /* it ended before the signal */
  guint  none;        /* rounds that held none of the operation */
  guint  all;
  guint  rerun;       /* of the “none” rounds, run again */
  gint64 min_delay;
  gint64 max_delay;
} Tally;

static void
one_round (const SlCrashCase  *crash_case,
           const char * const *argv,
           const char         *path,
           guint               round,
           double              fraction,
           gint64              duration,
           const char         *before,
           const char         *after,
           Tally              *tally)
{
  gint64 delay = (gint64)(fraction * (double)duration);
  g_autofree char *digest = NULL;
  const char *state;
  gboolean killed;
  gint64 elapsed;

  sl_crash_copy_workspace (crash_case->fixture, path);
  killed = sl_crash_run_killed (argv, delay, &elapsed);
  sl_crash_assert_integrity (path);
  digest = sl_crash_check_workspace (path, crash_case->skip);
  state = which_state (crash_case->name, round, digest, before, after);
  g_test_message ("%s round %u: kill at %.1f ms (%.4f of the run): %s, holds %s of it", crash_case->name,
                  round, delay / 1000.0, fraction, killed ? "killed" : "had finished", state);
  if (!killed)
    g_assert_cmpstr (state, ==, "all");

  tally->killed += killed;
  tally->finished += !killed;
  tally->min_delay = MIN (tally->min_delay, delay);
  tally->max_delay = MAX (tally->max_delay, delay);
  if (g_str_equal (state, "all"))
    {
      tally->all++;
      return;
    }
  tally->none++;
  /* What a kill left does not stand in the way of doing it again. */
  if (round % 10 == 0)
    {
      g_autofree char *again = NULL;

      sl_crash_run (argv);
      sl_crash_assert_integrity (path);
      again = sl_crash_check_workspace (path, crash_case->skip);
      g_assert_cmpstr (again, ==, after);
      tally->rerun++;
    }
}

void
sl_crash_run_case (const SlCrashCase *crash_case)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "round.sunlight", NULL);
  g_auto(GStrv) argv = sl_crash_argv (crash_case->argv, path);
  g_autoptr(GRand) rand = sl_crash_rand_new ();
  guint rounds = sl_crash_rounds (crash_case->rounds);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SlCrashClock clock = { { 0 } };
  Tally tally = { 0, 0, 0, 0, 0, G_MAXINT64, 0 };
  gint64 start;

  sl_crash_copy_workspace (crash_case->fixture, path);
  sl_crash_assert_integrity (path);
  before = sl_crash_check_workspace (path, crash_case->skip);

  /* The after-state, the same from every run (what differs between
   * runs is left out of digests), and the time the operation takes. */
  after = reference_run (crash_case, (const char * const *)argv, path, &clock);
  g_assert_cmpstr (before, !=, after);
  for (guint i = 1; i < G_N_ELEMENTS (clock.last); i++)
    {
      g_autofree char *digest = reference_run (crash_case, (const char * const *)argv, path, &clock);

      g_assert_cmpstr (digest, ==, after);
    }
  g_test_message ("%s: %u rounds; the operation takes %.1f ms (median of 3 runs), measured again every "
                  "%u rounds; kill delays uniform in [0, that]", crash_case->name, rounds,
                  sl_crash_clock_get (&clock) / 1000.0, SL_CRASH_MEASURE_EVERY);

  start = g_get_monotonic_time ();
  for (guint round = 1; round <= rounds; round++)
    {
      if (round % SL_CRASH_MEASURE_EVERY == 0)
        {
          g_autofree char *digest = reference_run (crash_case, (const char * const *)argv, path, &clock);

          g_assert_cmpstr (digest, ==, after);
        }
      one_round (crash_case, (const char * const *)argv, path, round, g_rand_double (rand),
                 sl_crash_clock_get (&clock), before, after, &tally);
    }

  g_test_message ("%s: %u rounds in %.1f s (%.0f ms a round): %u killed, %u finished first; "
                  "%u held none of the operation (%u of them run again to the end), %u all of it; "
                  "delays %.1f to %.1f ms; uninterrupted runs took %.1f to %.1f ms; integrity_check ok "
                  "and rollups equal to a fresh GROUP BY after every round", crash_case->name, rounds,
                  (g_get_monotonic_time () - start) / 1e6,
                  (g_get_monotonic_time () - start) / 1000.0 / rounds, tally.killed, tally.finished,
                  tally.none, tally.rerun, tally.all, tally.min_delay / 1000.0, tally.max_delay / 1000.0,
                  clock.min / 1000.0, clock.max / 1000.0);
  g_assert_cmpuint (tally.killed + tally.finished, ==, rounds);
  sl_test_remove_tree (dir);
}
