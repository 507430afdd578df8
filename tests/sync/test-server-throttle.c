/* test-server-throttle.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wrong-password counters of sunlight-server, on a clock of the
 * test's own: when a key locks, for how long, and that attackers'
 * keys cannot grow them without bound.
 */

#include "config.h"

#include "sl-server-throttle.h"

#define S(seconds) ((gint64) ((seconds) * (double) G_USEC_PER_SEC))

static void
test_locks_after_limit (void)
{
  g_autoptr(SlServerThrottle) throttle = sl_server_throttle_new (60);
  gint64 t = S (1000);

  g_assert_false (sl_server_throttle_fail (throttle, "name:alice", 3, t));
  g_assert_false (sl_server_throttle_fail (throttle, "name:alice", 3, t + S (10)));
  g_assert_cmpuint (sl_server_throttle_locked (throttle, "name:alice", t + S (10)), ==, 0);
  g_assert_cmpuint (sl_server_throttle_get_failures (throttle, "name:alice", t + S (10)), ==, 2);
  g_assert_cmpuint (sl_server_throttle_get_failures (throttle, "name:alice", t + S (61)), ==, 0);
  g_assert_true (sl_server_throttle_fail (throttle, "name:alice", 3, t + S (20)));

  /* A full window from the failure that locked it, rounded up. */
  g_assert_cmpuint (sl_server_throttle_locked (throttle, "name:alice", t + S (20)), ==, 60);
  g_assert_cmpuint (sl_server_throttle_locked (throttle, "name:alice", t + S (79.5)), ==, 1);
  g_assert_cmpuint (sl_server_throttle_locked (throttle, "name:bob", t + S (20)), ==, 0);
  /* Failures while locked neither extend nor count. */
  g_assert_false (sl_server_throttle_fail (throttle, "name:alice", 3, t + S (30)));
  g_assert_cmpuint (sl_server_throttle_locked (throttle, "name:alice", t + S (30)), ==, 50);

  /* Past the lock it starts afresh. */
  g_assert_cmpuint (sl_server_throttle_locked (throttle, "name:alice", t + S (80)), ==, 0);
  g_assert_false (sl_server_throttle_fail (throttle, "name:alice", 3, t + S (81)));
  g_assert_false (sl_server_throttle_fail (throttle, "name:alice", 3, t + S (82)));
  g_assert_true (sl_server_throttle_fail (throttle, "name:alice", 3, t + S (83)));
}

static void
test_window_and_forget (void)
{
  g_autoptr(SlServerThrottle) throttle = sl_server_throttle_new (60);
  gint64 t = S (5000);

  /* Failures further apart than the window never add up. */
  for (guint i = 0; i < 10; i++)
    g_assert_false (sl_server_throttle_fail (throttle, "address:192.0.2.7", 3, t + S (61 * i)));

  g_assert_false (sl_server_throttle_fail (throttle, "name:fred", 3, t));
  g_assert_false (sl_server_throttle_fail (throttle, "name:fred", 3, t + S (1)));
  sl_server_throttle_forget (throttle, "name:fred");
  g_assert_false (sl_server_throttle_fail (throttle, "name:fred", 3, t + S (2)));
  g_assert_false (sl_server_throttle_fail (throttle, "name:fred", 3, t + S (3)));
  g_assert_true (sl_server_throttle_fail (throttle, "name:fred", 3, t + S (4)));
}

/* Thousands of made-up names: stale ones go, locked ones stay. */
static void
test_bounded (void)
{
  g_autoptr(SlServerThrottle) throttle = sl_server_throttle_new (60);
  gint64 t = S (100);

  g_assert_true (sl_server_throttle_fail (throttle, "name:alice", 1, t + S (100)));
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *key = g_strdup_printf ("name:mallory%u", i);

      sl_server_throttle_fail (throttle, key, 5, t + S (i / 100));
    }
  g_assert_cmpuint (sl_server_throttle_get_n_keys (throttle), <=, 4096);
  g_assert_cmpuint (sl_server_throttle_locked (throttle, "name:alice", t + S (101)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/server-throttle/locks-after-limit", test_locks_after_limit);
  g_test_add_func ("/sync/server-throttle/window-and-forget", test_window_and_forget);
  g_test_add_func ("/sync/server-throttle/bounded", test_bounded);

  return g_test_run ();
}
