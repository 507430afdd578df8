/* sl-chart-format.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sl-chart-format.h"

GArray *
sl_chart_nice_ticks (double min,
                     double max,
                     guint  n_wanted)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double raw, magnitude, step, first;

  g_return_val_if_fail (isfinite (min) && isfinite (max), ticks);

  min = MIN (min, 0);
  max = MAX (max, 0);
  if (max - min <= 0)
    max = min + 1;
  raw = (max - min) / MAX (n_wanted, 1);
  magnitude = pow (10, floor (log10 (raw)));
  if (raw <= magnitude)
    step = magnitude;
  else if (raw <= 2 * magnitude)
    step = 2 * magnitude;
  else if (raw <= 5 * magnitude)
    step = 5 * magnitude;
  else
    step = 10 * magnitude;
  first = floor (min / step) * step;
  for (double v = first; v < max + step * 0.999; v += step)
    {
      double tick = fabs (v) < step * 1e-9 ? 0 : v;

      g_array_append_val (ticks, tick);
    }
  return ticks;
}
