/* sl-server-throttle.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Wrong passwords allowed per user name within a window, by default;
 * a client address gets SL_SERVER_THROTTLE_ADDRESS_FACTOR times as many
 * (an office shares one). */
#define SL_SERVER_THROTTLE_DEFAULT_FAILURES 5
#define SL_SERVER_THROTTLE_DEFAULT_WINDOW   60
#define SL_SERVER_THROTTLE_ADDRESS_FACTOR   4

/* Counts wrong passwords per key (a user name, a client address). A key
 * with @limit failures, each less than @window seconds after the first,
 * is locked for @window seconds from the last one; then it starts
 * afresh. Times are monotonic microseconds, given by the caller. Keys
 * of attackers' choosing cannot grow it without bound: past a few
 * thousand keys, those neither locked nor counting are dropped. */
typedef struct _SlServerThrottle SlServerThrottle;

SlServerThrottle *sl_server_throttle_new     (guint              window);
void              sl_server_throttle_free    (SlServerThrottle  *self);
/* Seconds @key stays locked (rounded up), 0 when it is not. */
guint             sl_server_throttle_locked  (SlServerThrottle  *self,
                                              const char        *key,
                                              gint64             now);
/* Failures of @key counting now (0 when locked: see _locked()). */
guint             sl_server_throttle_get_failures (SlServerThrottle *self,
                                              const char        *key,
                                              gint64             now);
/* Counts a failure of @key; TRUE when it locks it now. */
gboolean          sl_server_throttle_fail    (SlServerThrottle  *self,
                                              const char        *key,
                                              guint              limit,
                                              gint64             now);
/* Forgets @key's failures (a right password). */
void              sl_server_throttle_forget  (SlServerThrottle  *self,
                                              const char        *key);
guint             sl_server_throttle_get_window (SlServerThrottle *self);
/* How many keys it holds now. */
guint             sl_server_throttle_get_n_keys (SlServerThrottle *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlServerThrottle, sl_server_throttle_free)

G_END_DECLS
