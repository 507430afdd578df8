/* sl-chart-axis.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sl-chart-axis.h"

#define MIN_TICKS 3
#define MAX_TICKS 7

static double
scale (double value,
       int    exponent)
{
  /* Dividing by an exact power of ten keeps 3 × 0.1 at 0.3. */
  return exponent >= 0 ? value * pow (10, exponent) : value / pow (10, -exponent);
}

/* The range to cover: @min..@max, widened to 0 when asked or sensible,
 * and to something when it is a single value. */
static void
widen_range (double   *min,
             double   *max,
             gboolean  from_zero)
{
  double lo = isfinite (*min) ? *min : 0;
  double hi = isfinite (*max) ? *max : 0;

  if (lo > hi)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  /* Zero is sensible when the values are nearer to it than apart. */
  if (from_zero || (lo > 0 && lo <= hi - lo) || (hi < 0 && -hi <= hi - lo))
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  /* A single value (not 0): half of it either side. */
  if (hi - lo <= 0)
    {
      double half = fabs (lo) / 2;

      if (half == 0)
        hi = 1;
      lo -= half;
      hi += half;
    }
  *min = lo;
  *max = hi;
}

static guint
count_ticks (double lo,
             double hi,
             double step,
             gint64 *first)
{
  gint64 a = (gint64)floor (lo / step + 1e-9);
  gint64 b = (gint64)ceil (hi / step - 1e-9);

  *first = a;
  return (guint)(b - a + 1);
}

void
sl_chart_axis_init (SlChartAxis *axis,
                    double       min,
                    double       max,
                    guint        max_ticks,
                    gboolean     from_zero)
{
  static const int mantissas[] = { 1, 2, 5 };
  double lo = min, hi = max;
  int e0;

  g_return_if_fail (axis != NULL);

  max_ticks = CLAMP (max_ticks, MIN_TICKS, MAX_TICKS);
  widen_range (&lo, &hi, from_zero);
  e0 = (int)floor (log10 ((hi - lo) / (max_ticks - 1))) - 1;
  /* The finest step that needs no more than max_ticks ticks. */
  for (int e = e0; e <= e0 + 3; e++)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        gint64 first;
        guint n = count_ticks (lo, hi, scale (mantissas[m], e), &first);

        if (n <= max_ticks)
          {
            axis->first_index = first;
            axis->mantissa = mantissas[m];
            axis->exponent = e;
            axis->n_ticks = n;
            goto found;
          }
      }
  g_assert_not_reached ();

found:
  /* A single step: one more, on the side away from zero. */
  while (axis->n_ticks < MIN_TICKS)
    {
      if (sl_chart_axis_get_max (axis) > 0 || sl_chart_axis_get_min (axis) >= 0)
        axis->n_ticks++;
      else
        {
          axis->first_index--;
          axis->n_ticks++;
        }
    }
}

double
sl_chart_axis_get_tick (const SlChartAxis *axis,
                        guint              i)
{
  double tick;

  g_return_val_if_fail (axis != NULL, 0);

  tick = scale ((double)((axis->first_index + (gint64)i) * axis->mantissa), axis->exponent);
  return tick == 0 ? 0 : tick;  /* never -0 */
}

double
sl_chart_axis_get_step (const SlChartAxis *axis)
{
  g_return_val_if_fail (axis != NULL, 1);
  return scale (axis->mantissa, axis->exponent);
}

double
sl_chart_axis_get_min (const SlChartAxis *axis)
{
  return sl_chart_axis_get_tick (axis, 0);
}

double
sl_chart_axis_get_max (const SlChartAxis *axis)
{
  g_return_val_if_fail (axis != NULL && axis->n_ticks > 0, 1);
  return sl_chart_axis_get_tick (axis, axis->n_ticks - 1);
}

double
sl_chart_axis_get_fraction (const SlChartAxis *axis,
                            double             value)
{
  double lo = sl_chart_axis_get_min (axis);
  double hi = sl_chart_axis_get_max (axis);

  return hi > lo ? (value - lo) / (hi - lo) : 0;
}

guint
sl_chart_axis_ticks_for_length (double length)
{
  if (!(length > 0))
    return MIN_TICKS;
  return (guint)CLAMP (length / 40 + 1, MIN_TICKS, MAX_TICKS);
}

GArray *
sl_chart_nice_ticks (double min,
                     double max,
                     guint  n_wanted)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  SlChartAxis axis;

  sl_chart_axis_init (&axis, min, max, n_wanted + 1, TRUE);
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      double tick = sl_chart_axis_get_tick (&axis, i);

      g_array_append_val (ticks, tick);
    }
  return ticks;
}
