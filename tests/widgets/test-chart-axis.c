/* test-chart-axis.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The charts' value axes and colours, without a display: ticks that are
 * round, few, cover the values and are no coarser than they need be;
 * series colours apart in light and dark; a diverging scale from bad
 * through nothing to good. */

#include "config.h"

#include <math.h>

#include "sl-chart-axis.h"
#include "sl-chart-palette.h"

/* Every property a set of ticks must have for @min..@max. */
static void
assert_ticks_fit (const SlChartAxis *axis,
                  double             min,
                  double             max,
                  guint              max_ticks,
                  gboolean           from_zero)
{
  double step = sl_chart_axis_get_step (axis);
  double tolerance = step * 1e-9;

  g_assert_cmpuint (axis->n_ticks, >=, 3);
  g_assert_cmpuint (axis->n_ticks, <=, CLAMP (max_ticks, 3, 7));
  g_assert_true (axis->mantissa == 1 || axis->mantissa == 2 || axis->mantissa == 5);
  g_assert_cmpfloat (sl_chart_axis_get_min (axis), <=, min + tolerance);
  g_assert_cmpfloat (sl_chart_axis_get_max (axis), >=, max - tolerance);
  if (from_zero)
    {
      g_assert_cmpfloat (sl_chart_axis_get_min (axis), <=, 0);
      g_assert_cmpfloat (sl_chart_axis_get_max (axis), >=, 0);
    }
  for (guint i = 0; i + 1 < axis->n_ticks; i++)
    {
      double a = sl_chart_axis_get_tick (axis, i);
      double b = sl_chart_axis_get_tick (axis, i + 1);

      g_assert_cmpfloat (fabs (b - a - step), <, tolerance);
      /* On multiples of the step, so 0 is a tick whenever it is inside. */
      g_assert_cmpfloat (fabs (a / step - round (a / step)), <, 1e-6);
    }
}

static void
test_axis_cases (void)
{
  static const struct {
    double min, max;
    guint max_ticks;
    gboolean from_zero;
    double first, step, last;
  } cases[] = {
    { 0, 1234, 5, TRUE, 0, 500, 1500 },
    { 0, 1100, 7, TRUE, 0, 200, 1200 },
    { 0, 100, 5, TRUE, 0, 50, 100 },
    { 0, 0.37, 5, TRUE, 0, 0.1, 0.4 },
    { -30, 90, 5, TRUE, -50, 50, 100 },
    { -30, 70, 7, TRUE, -40, 20, 80 },
    { -120, -10, 5, TRUE, -150, 50, 0 },
    { 0, 0, 5, TRUE, 0, 0.5, 1 },
    /* A line from 80 to 100 gets its own scale… */
    { 80, 100, 6, FALSE, 80, 5, 100 },
    /* …from 10 to 100 starts at zero. */
    { 10, 100, 6, FALSE, 0, 20, 100 },
    { 5, 5, 5, TRUE, 0, 2, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SlChartAxis axis;

      sl_chart_axis_init (&axis, cases[i].min, cases[i].max, cases[i].max_ticks, cases[i].from_zero);
      assert_ticks_fit (&axis, cases[i].min, cases[i].max, cases[i].max_ticks, cases[i].from_zero);
      g_assert_cmpfloat_with_epsilon (sl_chart_axis_get_min (&axis), cases[i].first, 1e-9);
      g_assert_cmpfloat_with_epsilon (sl_chart_axis_get_step (&axis), cases[i].step, 1e-9);
      g_assert_cmpfloat_with_epsilon (sl_chart_axis_get_max (&axis), cases[i].last, 1e-9);
    }
}

/* A step one notch finer (5 → 2, 2 → 1, 1 → 0.5) would need too many ticks. */
static void
assert_finest (const SlChartAxis *axis,
               double             min,
               double             max,
               guint              max_ticks)
{
  double step = sl_chart_axis_get_step (axis);
  double finer = axis->mantissa == 5 ? step * 2 / 5 : step / 2;
  double lo = MIN (min, sl_chart_axis_get_min (axis) + step * 0.5);
  double hi = MAX (max, sl_chart_axis_get_max (axis) - step * 0.5);
  double n = ceil (hi / finer - 1e-9) - floor (lo / finer + 1e-9) + 1;

  /* Only meaningful when the widening to 0 is not what set the range. */
  if (axis->n_ticks > 3)
    g_assert_cmpfloat (n, >, CLAMP (max_ticks, 3, 7));
}

static void
test_axis_random (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      double magnitude = pow (10, g_test_rand_int_range (-4, 13));
      double a = g_test_rand_double_range (-1, 1) * magnitude;
      double b = g_test_rand_double_range (-1, 1) * magnitude;
      guint max_ticks = g_test_rand_int_range (1, 10);
      gboolean from_zero = g_test_rand_bit ();
      SlChartAxis axis;

      sl_chart_axis_init (&axis, MIN (a, b), MAX (a, b), max_ticks, from_zero);
      assert_ticks_fit (&axis, MIN (a, b), MAX (a, b), max_ticks, from_zero);
      if (from_zero && MIN (a, b) < 0 && MAX (a, b) > 0)
        assert_finest (&axis, MIN (a, b), MAX (a, b), max_ticks);
    }
}

static void
test_axis_exact (void)
{
  SlChartAxis axis;
  g_autofree char *text = NULL;
  g_autoptr(GArray) ticks = NULL;

  sl_chart_axis_init (&axis, 0, 0.3, 4, TRUE);
  g_assert_cmpuint (axis.n_ticks, ==, 4);
  /* Exactly 0.3, not 0.30000000000000004. */
  g_assert_true (sl_chart_axis_get_tick (&axis, 3) == 0.3);
  text = g_strdup_printf ("%.17g", sl_chart_axis_get_tick (&axis, 3));
  g_assert_cmpstr (text, ==, "0.29999999999999999");
  /* No "-0" on an axis that crosses zero. */
  sl_chart_axis_init (&axis, -3, 3, 7, TRUE);
  for (guint i = 0; i < axis.n_ticks; i++)
    if (sl_chart_axis_get_tick (&axis, i) == 0)
      g_assert_false (signbit (sl_chart_axis_get_tick (&axis, i)));
  g_assert_cmpfloat (sl_chart_axis_get_fraction (&axis, 0), ==, 0.5);
  g_assert_cmpfloat (sl_chart_axis_get_fraction (&axis, 3), ==, 1.0);
  /* Nonsense in, an axis still out. */
  sl_chart_axis_init (&axis, NAN, INFINITY, 5, FALSE);
  assert_ticks_fit (&axis, 0, 0, 5, FALSE);
  ticks = sl_chart_nice_ticks (0, 1234, 4);
  g_assert_cmpuint (ticks->len, ==, 4);
  g_assert_cmpfloat (g_array_index (ticks, double, 3), ==, 1500);
  g_assert_cmpuint (sl_chart_axis_ticks_for_length (40), ==, 3);
  g_assert_cmpuint (sl_chart_axis_ticks_for_length (200), ==, 6);
  g_assert_cmpuint (sl_chart_axis_ticks_for_length (2000), ==, 7);
}

static gboolean
same_color (const GdkRGBA *a,
            const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 0.01 && fabs (a->green - b->green) < 0.01
         && fabs (a->blue - b->blue) < 0.01 && fabs (a->alpha - b->alpha) < 0.01;
}

static void
test_palette_series (void)
{
  for (int dark = 0; dark <= 1; dark++)
    for (guint i = 0; i < 14; i++)
      {
        GdkRGBA a, other_mode;

        sl_chart_palette_series (i, dark, &a);
        g_assert_cmpfloat (a.alpha, ==, 1);
        sl_chart_palette_series (i, !dark, &other_mode);
        g_assert_false (same_color (&a, &other_mode));
        /* No two series of the first fourteen alike. */
        for (guint j = 0; j < i; j++)
          {
            GdkRGBA b;

            sl_chart_palette_series (j, dark, &b);
            g_assert_false (same_color (&a, &b));
          }
      }
}

static void
test_palette_diverging (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      GdkRGBA positive, negative, neutral, c, half, white, black;

      sl_chart_palette_positive (dark, &positive);
      sl_chart_palette_negative (dark, &negative);
      sl_chart_palette_neutral (dark, &neutral);
      g_assert_cmpfloat (positive.green, >, positive.red + 0.3);
      g_assert_cmpfloat (negative.red, >, negative.green + 0.3);
      sl_chart_palette_diverging (1, dark, &c);
      g_assert_true (same_color (&c, &positive));
      sl_chart_palette_diverging (7, dark, &c);
      g_assert_true (same_color (&c, &positive));
      sl_chart_palette_diverging (-1, dark, &c);
      g_assert_true (same_color (&c, &negative));
      sl_chart_palette_diverging (0, dark, &c);
      g_assert_true (same_color (&c, &neutral));
      sl_chart_palette_diverging (NAN, dark, &c);
      g_assert_true (same_color (&c, &neutral));
      /* Half way is between the two ends. */
      sl_chart_palette_diverging (0.5, dark, &half);
      g_assert_cmpfloat (fabs (half.green - (neutral.green + positive.green) / 2), <, 0.01);
      /* Readable text: white on the dark blue, black on the light yellow. */
      sl_chart_palette_color (SL_CHART_HUE_BLUE, 5, &c);
      sl_chart_palette_text_on (&c, &white);
      g_assert_cmpfloat (white.red, ==, 1);
      sl_chart_palette_color (SL_CHART_HUE_YELLOW, 1, &c);
      sl_chart_palette_text_on (&c, &black);
      g_assert_cmpfloat (black.red, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widgets/axis/cases", test_axis_cases);
  g_test_add_func ("/widgets/axis/random", test_axis_random);
  g_test_add_func ("/widgets/axis/exact", test_axis_exact);
  g_test_add_func ("/widgets/palette/series", test_palette_series);
  g_test_add_func ("/widgets/palette/diverging", test_palette_diverging);
  return g_test_run ();
}
