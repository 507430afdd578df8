/* sl-chart-axis.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Formats an axis value (in the units of the values a chart was given)
 * for people; charts know no money or locale of their own. Returns a
 * newly allocated string. */
typedef char *(*SlChartFormatFunc) (double   value,
                                    gpointer user_data);

/* Rounded ticks for a value axis: 1, 2 or 5 × 10ⁿ apart, 3 to 7 of them,
 * the first at or below the lowest value and the last at or above the
 * highest. Plain data, no display needed. */
typedef struct {
  /* Tick i is (first_index + i) × mantissa × 10^exponent: whole numbers
   * times the step, so 0.1 + 0.2 never reads 0.30000000000000004. */
  gint64 first_index;
  int    mantissa;   /* 1, 2 or 5 */
  int    exponent;
  guint  n_ticks;    /* 3 to 7 */
} SlChartAxis;

/* Ticks covering @min..@max, at most @max_ticks (clamped to 3..7).
 * With @from_zero they reach 0 (bars stand on it); otherwise 0 is
 * included when the values are nearer to it than they are apart, so a
 * line from 80 to 100 gets its own scale. Non-finite values count as 0. */
void    sl_chart_axis_init          (SlChartAxis       *axis,
                                     double             min,
                                     double             max,
                                     guint              max_ticks,
                                     gboolean           from_zero);
double  sl_chart_axis_get_tick      (const SlChartAxis *axis,
                                     guint              i);
double  sl_chart_axis_get_step      (const SlChartAxis *axis);
double  sl_chart_axis_get_min       (const SlChartAxis *axis);
double  sl_chart_axis_get_max       (const SlChartAxis *axis);
/* Where @value lies: 0 at the first tick, 1 at the last. */
double  sl_chart_axis_get_fraction  (const SlChartAxis *axis,
                                     double             value);

/* How many ticks suit an axis @length pixels long (one per ~40 px, 3..7). */
guint   sl_chart_axis_ticks_for_length (double          length);

/* The ticks of sl_chart_axis_init (@min, @max, @n_wanted, TRUE) as a
 * GArray of double, lowest first. */
GArray *sl_chart_nice_ticks         (double             min,
                                     double             max,
                                     guint              n_wanted);

G_END_DECLS
