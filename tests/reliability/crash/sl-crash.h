/* sl-crash.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The crash-consistency harness: a command run on a copy of a fixture
 * workspace and killed with SIGKILL after a random delay, drawn from a
 * seeded generator within the measured duration of the command; then
 * the killed file is checked.
 */

#pragma once

#include "sl-database.h"

G_BEGIN_DECLS

/* The placeholder the workspace's path replaces in a command line. */
#define SL_CRASH_WORKSPACE "@WORKSPACE@"

/* @full, or a tenth of it (at least 3) with SL_RELIABILITY_QUICK=1. */
guint     sl_crash_rounds            (guint               full);
/* A generator seeded from $SL_CRASH_SEED, or a random seed; the seed is
 * printed with how to run again with it. */
GRand    *sl_crash_rand_new          (void);

/* Removes @path with its -wal, -shm and -journal files. */
void      sl_crash_remove_workspace  (const char         *path);
/* A fresh copy of the closed workspace @from at @to: the stale -wal and
 * -shm of an earlier round at @to are removed first (SQLite would
 * replay them into the new copy). @from must have no -wal left. */
void      sl_crash_copy_workspace    (const char         *from,
                                      const char         *to);

/* Runs @argv to its end, which must succeed; returns how long it took
 * (µs, from before spawning to its exit). */
gint64    sl_crash_run               (const char * const *argv);
/* Runs @argv and sends it SIGKILL @delay µs after spawning. Returns
 * TRUE if the signal ended it, FALSE if it had finished first (then it
 * must have succeeded); *@elapsed: µs until it ended. */
gboolean  sl_crash_run_killed        (const char * const *argv,
                                      gint64              delay,
                                      gint64             *elapsed);
/* How long the operation takes as the machine's load lets it run now:
 * the median of the last three uninterrupted runs. The harnesses measure
 * again every SL_CRASH_MEASURE_EVERY rounds, so kill delays follow the
 * load of the other tests running beside them. */
#define SL_CRASH_MEASURE_EVERY 10

typedef struct
{
  gint64 last[3];
  guint  n;
  gint64 min;   /* of every run measured */
  gint64 max;
} SlCrashClock;

void      sl_crash_clock_add         (SlCrashClock       *clock,
                                      gint64              elapsed);
gint64    sl_crash_clock_get         (const SlCrashClock *clock);
/* @argv with SL_CRASH_WORKSPACE replaced by @path. */
GStrv     sl_crash_argv              (const char * const *argv,
                                      const char         *path);

/* PRAGMA integrity_check on @path with a plain SQLite connection, which
 * recovers a -wal a killed process left: must be "ok". */
void      sl_crash_assert_integrity  (const char         *path);

/* One line per table (sqlite_* aside, by name): the name, the row count
 * and a SHA-256 of every row, rows ordered by all their columns. Columns
 * named uuid, at, or ending in _at (times and random ids, which differ
 * between two runs of the same operation) are left out, and those in
 * @skip (NULL-terminated, may be NULL). */
char     *sl_crash_digest            (SlDatabase         *db,
                                      const char * const *skip);
/* Opens @path as the product does, checks the rollups equal a fresh
 * GROUP BY over the facts, and returns its digest. */
char     *sl_crash_check_workspace   (const char         *path,
                                      const char * const *skip);

/* A whole run of a CLI operation on a workspace: reference runs give
 * the before- and after-state; each round copies @fixture, runs @argv
 * killed at a random point, and checks integrity, rollups and that the
 * file holds all of the operation or none of it. Every tenth round that
 * held none runs the operation again, which must reach the after-state. */
typedef struct
{
  const char         *name;       /* for the messages */
  const char         *fixture;    /* the closed workspace before */
  const char * const *argv;       /* with SL_CRASH_WORKSPACE */
  const char * const *skip;       /* columns left out of digests */
  guint               rounds;     /* in a full run */
} SlCrashCase;

void      sl_crash_run_case          (const SlCrashCase  *crash_case);

/* `sunlight-cli demo --year 2025` written to @dir/fixture.sunlight. */
char     *sl_crash_demo_fixture      (const char         *dir);
/* @dir/spend.csv: @rows rows of daily spend of 2025, a campaign a row
 * in turn: four of the demo's campaigns and 51 of two new channels. */
char     *sl_crash_write_spend_csv   (const char         *dir,
                                      guint               rows);

G_END_DECLS
