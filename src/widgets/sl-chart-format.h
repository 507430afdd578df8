/* sl-chart-format.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Formats an axis value (in the units of the values a chart was given)
 * for people; charts know no money or locale of their own. */
typedef char *(*SlChartFormatFunc) (double   value,
                                    gpointer user_data);

/* Rounded axis ticks from 0 (or the lowest value, if negative) to the
 * highest: 1, 2 or 5 × 10ⁿ apart, about @n_wanted of them. Returns a
 * GArray of double, lowest first. */
GArray *sl_chart_nice_ticks (double min,
                             double max,
                             guint  n_wanted);

G_END_DECLS
