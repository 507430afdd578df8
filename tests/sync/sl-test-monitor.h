/* sl-test-monitor.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SL_TYPE_TEST_MONITOR (sl_test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (SlTestMonitor, sl_test_monitor, SL, TEST_MONITOR, GObject)

/* A GNetworkMonitor the test switches on and off. */
SlTestMonitor *sl_test_monitor_new           (gboolean       available);
void           sl_test_monitor_set_available (SlTestMonitor *self,
                                              gboolean       available);

G_END_DECLS
