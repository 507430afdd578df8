/* test-charts-lines.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlLineChart and the sparkline's texts: points where their values say,
 * gaps (never 0) where they are undefined, solid actuals then a dashed
 * forecast, warnings in red, markers and bands where their positions
 * say with their tooltips, mirroring right to left, and the pixels. */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "sl-chart-palette.h"
#include "sl-sparkline.h"
#include "sl-ui-test-utils.h"
#include "test-charts.h"

static const char * const months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* A plan and an outlook over a year: actuals to July, then the
 * forecast; April has no figures; October and November go over plan. */
SlLineChart *
make_lines (void)
{
  SlLineChart *chart = SL_LINE_CHART (sl_line_chart_new ());
  const double plan[12] = { 100, 100, 120, 120, 120, 150, 150, 150, 150, 180, 180, 120 };
  const double outlook[12] = { 90, 105, 118, 0, 130, 140, 160, 150, 140, 210, 200, 110 };

  sl_line_chart_set_size (chart, 2, 12);
  sl_line_chart_set_series_name (chart, 0, "Plan");
  sl_line_chart_set_series_name (chart, 1, "Outlook");
  sl_line_chart_set_dashed_name (chart, "Forecast");
  sl_line_chart_set_n_solid (chart, 1, 7);
  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *p = g_strdup_printf ("%.0f", plan[m]);
      g_autofree char *o = g_strdup_printf ("%.0f", outlook[m]);

      sl_line_chart_set_label (chart, m, months[m]);
      sl_line_chart_set_value (chart, 0, m, plan[m], p);
      if (m == 3)
        sl_line_chart_set_undefined (chart, 1, m, "no spend imported");
      else
        sl_line_chart_set_value (chart, 1, m, outlook[m], o);
    }
  sl_line_chart_set_warning (chart, 1, 9, TRUE);
  sl_line_chart_set_warning (chart, 1, 10, TRUE);
  sl_line_chart_add_band (chart, 9, 11, TRUE, "Over plan");
  sl_line_chart_add_marker (chart, 3.0, SL_CHART_HUE_RED, "Q1 close", "Finance deadline: Q1 close");
  sl_line_chart_add_marker (chart, 6.5, SL_CHART_HUE_PURPLE, "Check-in", "Budget check-in with finance");
  return chart;
}

static void
get_point (SlLineChart      *chart,
           guint             series,
           guint             point,
           graphene_point_t *out)
{
  g_assert_true (sl_line_chart_get_point (chart, series, point, out));
}

static void
test_lines_geometry (void)
{
  SlLineChart *chart = make_lines ();
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 720, 300);
  graphene_point_t jan, feb, jun, sep, oct, p;
  graphene_rect_t plot, label;
  gboolean dashed;
  double zero;
  g_autofree char *april = NULL;
  const SlChartAxis *axis = sl_line_chart_get_axis (chart);

  /* The axis covers 90..210 from 0 in round steps. */
  g_assert_cmpfloat (sl_chart_axis_get_min (axis), ==, 0);
  g_assert_cmpfloat (sl_chart_axis_get_max (axis), >=, 210);
  g_assert_cmpfloat (sl_chart_axis_get_max (axis), <, 210 + sl_chart_axis_get_step (axis));
  sl_line_chart_get_plot_area (chart, &plot);
  zero = plot.origin.y + plot.size.height;
  /* Months left to right, heights in proportion. */
  get_point (chart, 0, 0, &jan);
  get_point (chart, 0, 1, &feb);
  get_point (chart, 0, 5, &jun);
  g_assert_cmpfloat (jan.x, <, feb.x);
  g_assert_cmpfloat (fabs ((zero - jun.y) / (zero - jan.y) - 150.0 / 100.0), <, 0.01);
  /* April's outlook is undefined: no point, no segment either side. */
  g_assert_false (sl_line_chart_get_point (chart, 1, 3, &p));
  g_assert_true (sl_line_chart_get_segment (chart, 1, 1, NULL));
  g_assert_false (sl_line_chart_get_segment (chart, 1, 2, NULL));
  g_assert_false (sl_line_chart_get_segment (chart, 1, 3, NULL));
  april = sl_line_chart_dup_point_text (chart, 3);
  g_assert_nonnull (strstr (april, "Outlook: — (no spend imported)"));
  g_assert_nonnull (strstr (april, "Plan: 120"));
  /* Actuals through July (0..6) solid, then dashed; the plan all solid. */
  g_assert_true (sl_line_chart_get_segment (chart, 1, 5, &dashed));
  g_assert_false (dashed);
  g_assert_true (sl_line_chart_get_segment (chart, 1, 6, &dashed));
  g_assert_true (dashed);
  g_assert_true (sl_line_chart_get_segment (chart, 1, 10, &dashed));
  g_assert_true (dashed);
  g_assert_true (sl_line_chart_get_segment (chart, 0, 10, &dashed));
  g_assert_false (dashed);

  /* Right to left: January on the right, the axis's labels too. */
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  sl_ui_test_settle (100);
  sl_line_chart_get_plot_area (chart, &plot);
  get_point (chart, 0, 0, &jan);
  get_point (chart, 0, 8, &sep);
  get_point (chart, 1, 9, &oct);
  g_assert_cmpfloat (jan.x, >, sep.x);
  g_assert_cmpfloat (sep.x, >, oct.x);
  g_assert_cmpfloat (jan.x, >, plot.origin.x + plot.size.width * 0.9);
  g_assert_true (sl_line_chart_get_tick_area (chart, 0, &label));
  g_assert_cmpfloat (label.origin.x, >=, plot.origin.x + plot.size.width);
  gtk_window_destroy (window);
}

/* The quarter's close sits between March and April, its tooltip under
 * it; the overspend band covers October and November only. */
static void
test_lines_marks (void)
{
  SlLineChart *chart = make_lines ();
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 720, 300);
  graphene_point_t mar, apr, sep, oct, nov, dec;
  graphene_rect_t line, label, check_label, band;
  g_autofree char *tip = NULL;
  g_autofree char *beside = NULL;
  g_autofree char *october = NULL;

  get_point (chart, 0, 2, &mar);
  get_point (chart, 0, 3, &apr);
  g_assert_true (sl_line_chart_get_marker_area (chart, 0, &line, &label));
  g_assert_false (sl_line_chart_get_marker_area (chart, 2, &line, &label));
  g_assert_true (sl_line_chart_get_marker_area (chart, 0, &line, &label));
  g_assert_cmpfloat (fabs (line.origin.x - (mar.x + apr.x) / 2), <=, 1);
  g_assert_cmpfloat (label.size.width, >, 0);
  g_assert_cmpfloat (label.origin.y + label.size.height, <=, line.origin.y);
  g_assert_true (sl_line_chart_get_marker_area (chart, 1, NULL, &check_label));
  g_assert_false (graphene_rect_intersection (&label, &check_label, NULL));
  tip = sl_line_chart_dup_tooltip_at (chart, line.origin.x, line.origin.y + line.size.height / 2);
  g_assert_cmpstr (tip, ==, "Q1 close\nFinance deadline: Q1 close");
  beside = sl_line_chart_dup_tooltip_at (chart, line.origin.x + 20, line.origin.y + line.size.height / 2);
  g_assert_true (g_str_has_prefix (beside, "Apr\n"));

  get_point (chart, 0, 8, &sep);
  get_point (chart, 0, 9, &oct);
  get_point (chart, 0, 10, &nov);
  get_point (chart, 0, 11, &dec);
  g_assert_true (sl_line_chart_get_band_area (chart, 0, &band));
  g_assert_cmpfloat (band.origin.x, <, oct.x);
  g_assert_cmpfloat (band.origin.x + band.size.width, >, nov.x);
  g_assert_cmpfloat (band.origin.x, >, sep.x);
  g_assert_cmpfloat (band.origin.x + band.size.width, <, dec.x);
  october = sl_line_chart_dup_point_text (chart, 9);
  g_assert_nonnull (strstr (october, "Over plan"));
  gtk_window_destroy (window);
}

static gboolean
close_colors (const GdkRGBA *a,
              const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 0.06 && fabs (a->green - b->green) < 0.06 && fabs (a->blue - b->blue) < 0.06;
}

/* The drawing itself: a warning point red, a plan point in its series'
 * colour. */
static void
test_lines_pixels (void)
{
  SlLineChart *chart = make_lines ();
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 720, 300);
  g_autoptr(GdkTexture) texture = sl_ui_test_render (GTK_WIDGET (chart));
  graphene_point_t oct, feb;
  GdkRGBA pixel, expected, red;

  get_point (chart, 1, 9, &oct);
  sl_ui_test_texture_pixel (texture, oct.x, oct.y, &pixel);
  sl_line_chart_get_point_color (chart, 1, 9, &red);
  g_assert_cmpfloat (red.red, >, red.green + 0.4);
  g_assert_true (close_colors (&pixel, &red));
  get_point (chart, 0, 1, &feb);
  sl_ui_test_texture_pixel (texture, feb.x, feb.y, &pixel);
  sl_line_chart_get_series_color (chart, 0, &expected);
  g_assert_true (close_colors (&pixel, &expected));
  gtk_window_destroy (window);
}

/* From 80 to 100 the axis needs no zero, unless asked. */
static void
test_lines_from_zero (void)
{
  SlLineChart *chart = SL_LINE_CHART (sl_line_chart_new ());
  GtkWindow *window;

  sl_line_chart_set_size (chart, 1, 3);
  sl_line_chart_set_value (chart, 0, 0, 80, "80");
  sl_line_chart_set_value (chart, 0, 1, 100, "100");
  sl_line_chart_set_value (chart, 0, 2, 90, "90");
  sl_line_chart_set_from_zero (chart, FALSE);
  window = show_in_window (GTK_WIDGET (chart), 400, 240);
  g_assert_cmpfloat (sl_chart_axis_get_min (sl_line_chart_get_axis (chart)), >, 0);
  g_assert_cmpfloat (sl_chart_axis_get_min (sl_line_chart_get_axis (chart)), <=, 80);
  sl_line_chart_set_from_zero (chart, TRUE);
  sl_ui_test_settle (100);
  g_assert_cmpfloat (sl_chart_axis_get_min (sl_line_chart_get_axis (chart)), ==, 0);
  gtk_window_destroy (window);
}

/* No points, no series, a single point: drawn without a fault; a lone
 * point between gaps still has its place. */
static void
test_lines_sparse (void)
{
  static const guint sizes[][2] = { { 0, 0 }, { 2, 0 }, { 0, 3 }, { 1, 3 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      SlLineChart *chart = SL_LINE_CHART (sl_line_chart_new ());
      GtkWindow *window;
      graphene_point_t p;
      g_autoptr(GdkTexture) texture = NULL;

      sl_line_chart_set_size (chart, sizes[i][0], sizes[i][1]);
      if (sizes[i][0] == 1)
        sl_line_chart_set_value (chart, 0, 1, -5, "-5");
      sl_line_chart_add_marker (chart, 0.5, SL_CHART_HUE_BLUE, "Start", NULL);
      window = show_in_window (GTK_WIDGET (chart), 300, 200);
      g_assert_false (sl_line_chart_get_point (chart, 0, 0, &p));
      g_assert_cmpint (sl_line_chart_get_point (chart, 0, 1, &p), ==, sizes[i][0] == 1);
      g_assert_false (sl_line_chart_get_segment (chart, 0, 0, NULL));
      g_assert_false (sl_line_chart_get_segment (chart, 0, 1, NULL));
      gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", G_MAXINT);
      sl_ui_test_settle (50);
      texture = sl_ui_test_render (GTK_WIDGET (chart));
      g_assert_nonnull (texture);
      gtk_window_destroy (window);
    }
}

static void
test_sparkline_texts (void)
{
  SlSparkline *line = SL_SPARKLINE (sl_sparkline_new ());
  const double values[] = { 1, 0, 3 };
  const gboolean defined[] = { TRUE, FALSE, TRUE };
  GtkWindow *window = show_in_window (GTK_WIDGET (line), 200, 40);
  g_autofree char *undefined = NULL;
  g_autofree char *last = NULL;

  sl_sparkline_set_values (line, values, defined, G_N_ELEMENTS (values));
  g_assert_null (sl_sparkline_dup_point_text (line, 0));
  sl_sparkline_set_point_text (line, 0, "Jan", "€1");
  sl_sparkline_set_point_text (line, 1, "Feb", "no leads");
  sl_sparkline_set_point_text (line, 2, "Mar", "€3");
  undefined = sl_sparkline_dup_point_text (line, 1);
  g_assert_cmpstr (undefined, ==, "Feb: — (no leads)");
  /* The focus starts on the latest value and moves with the keys. */
  g_assert_cmpuint (sl_sparkline_get_focus_point (line), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (line), "chart.move-focus", "i", -1);
  g_assert_cmpuint (sl_sparkline_get_focus_point (line), ==, 1);
  gtk_widget_set_direction (GTK_WIDGET (line), GTK_TEXT_DIR_RTL);
  gtk_widget_activate_action (GTK_WIDGET (line), "chart.move-focus", "i", -1);
  g_assert_cmpuint (sl_sparkline_get_focus_point (line), ==, 2);
  last = sl_sparkline_dup_point_text (line, 2);
  g_assert_cmpstr (last, ==, "Mar: €3");
  gtk_window_destroy (window);
}

void
add_line_tests (void)
{
  g_test_add_func ("/ui/charts/lines-geometry", test_lines_geometry);
  g_test_add_func ("/ui/charts/lines-marks", test_lines_marks);
  g_test_add_func ("/ui/charts/lines-pixels", test_lines_pixels);
  g_test_add_func ("/ui/charts/lines-from-zero", test_lines_from_zero);
  g_test_add_func ("/ui/charts/lines-sparse", test_lines_sparse);
  g_test_add_func ("/ui/charts/sparkline-texts", test_sparkline_texts);
}
