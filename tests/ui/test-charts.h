/* test-charts.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-bar-chart.h"
#include "sl-line-chart.h"

G_BEGIN_DECLS

/* test-charts.c */
GtkWindow   *show_in_window (GtkWidget *child,
                             int        width,
                             int        height);
/* Two series over four months, the last undefined ("no spend"). */
SlBarChart  *make_bars      (gboolean   stacked);

/* test-charts-bars.c */
void         add_bar_tests  (void);

/* test-charts-lines.c: a plan and an outlook over a year. */
SlLineChart *make_lines     (void);
void         add_line_tests (void);

/* test-charts-shots.c */
void         test_screenshots (void);

G_END_DECLS
