/* test-widgets2.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-funnel-chart.h"
#include "sl-heat-map.h"
#include "sl-kpi-card.h"

G_BEGIN_DECLS

/* The volumes of w2_make_funnel()'s five stages, leads to won. */
extern const double w2_funnel_volumes[5];

/* Presents @child alone in a window of @width × @height and lets it
 * settle. */
GtkWindow     *w2_show              (GtkWidget *child,
                                     int        width,
                                     int        height);
/* Leads to won; the MQL → SQL step leaks ("41 % vs baseline 52 %"); the
 * last two stages carry value versus cost. Names in Persian with
 * @persian. */
SlFunnelChart *w2_make_funnel       (gboolean   persian);
/* Four channels × twelve months. Row 0 ("Paid Search"): column 3
 * undefined ("no spend"). Row 1: 0, -0.2, -0.8, 0.2, 0.8, 3.0, 1.0, …
 * at the default scale of 1. */
SlHeatMap     *w2_make_heat_map     (gboolean   persian);
/* Card @index of four: a bad change behind its goal, a good one that
 * met it, an undefined value, a level one; with sparklines. */
SlKpiCard     *w2_make_kpi_card     (guint      index);

void           w2_test_screenshots  (void);

G_END_DECLS
