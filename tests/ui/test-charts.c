/* test-charts.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chart widgets on their own, in a window under Xvfb: geometry that
 * follows the values (bars proportional, negatives below zero, stacks
 * adding up), undefined values drawn as nothing with their reason,
 * mirroring right to left, and the pixels actually drawn. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include <adwaita.h>

#include "sl-bar-chart.h"
#include "sl-chart-axis.h"
#include "sl-funnel-chart.h"
#include "sl-heat-map.h"
#include "sl-kpi-card.h"
#include "sl-sparkline.h"
#include "sl-ui-test-utils.h"
#include "test-charts.h"

static gboolean
child_allocated_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

GtkWindow *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  /* A loaded machine may take a while to map it: wait for that, then
   * for the layout to settle. */
  g_assert_true (sl_ui_test_iterate_until (child_allocated_cb, child, 10000));
  sl_ui_test_settle (200);
  return window;
}

SlBarChart *
make_bars (gboolean stacked)
{
  SlBarChart *chart = SL_BAR_CHART (sl_bar_chart_new ());
  const double values[2][3] = { { 100, 250, -50 }, { 40, 60, 30 } };

  sl_bar_chart_set_stacked (chart, stacked);
  sl_bar_chart_set_size (chart, 2, 4);
  sl_bar_chart_set_series_name (chart, 0, "A");
  sl_bar_chart_set_series_name (chart, 1, "B");
  for (guint c = 0; c < 4; c++)
    {
      g_autofree char *label = g_strdup_printf ("M%u", c + 1);

      sl_bar_chart_set_category (chart, c, label);
    }
  for (guint s = 0; s < 2; s++)
    for (guint c = 0; c < 3; c++)
      {
        g_autofree char *text = g_strdup_printf ("%.0f", values[s][c]);

        sl_bar_chart_set_value (chart, s, c, values[s][c], text);
      }
  sl_bar_chart_set_undefined (chart, 0, 3, "no spend");
  sl_bar_chart_set_undefined (chart, 1, 3, "no spend");
  return chart;
}

static void
test_bars_grouped (void)
{
  SlBarChart *chart = make_bars (FALSE);
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 600, 300);
  graphene_rect_t a1, a2, a3, b1;
  double zero = sl_bar_chart_get_zero_y (chart);
  g_autofree char *tooltip = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkRGBA pixel, color;

  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 0, &a1));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 1, &a2));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 2, &a3));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 1, 0, &b1));
  /* Heights in proportion to the values, standing on the zero line. */
  g_assert_cmpfloat (fabs (a2.size.height / a1.size.height - 2.5), <, 0.01);
  g_assert_cmpfloat (fabs (b1.size.height / a1.size.height - 0.4), <, 0.01);
  g_assert_cmpfloat (fabs (a1.origin.y + a1.size.height - zero), <, 0.01);
  /* A negative value hangs below it. */
  g_assert_cmpfloat (fabs (a3.origin.y - zero), <, 0.01);
  g_assert_cmpfloat (fabs (a3.size.height / a1.size.height - 0.5), <, 0.01);
  /* Side by side, in order. */
  g_assert_cmpfloat (b1.origin.x, >=, a1.origin.x + a1.size.width - 0.01);
  /* Undefined: no bar, and the reason. */
  g_assert_false (sl_bar_chart_get_bar_area (chart, 0, 3, &a1));
  tooltip = sl_bar_chart_dup_tooltip (chart, 0, 3);
  g_assert_nonnull (strstr (tooltip, "—"));
  g_assert_nonnull (strstr (tooltip, "no spend"));

  /* The bar is drawn in its series' colour. */
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 1, &a2));
  texture = sl_ui_test_render (GTK_WIDGET (chart));
  sl_ui_test_texture_pixel (texture, a2.origin.x + a2.size.width / 2, a2.origin.y + a2.size.height / 2, &pixel);
  sl_bar_chart_get_series_color (chart, 0, &color);
  g_assert_cmpfloat (fabs (pixel.blue - color.blue), <, 0.12);
  g_assert_cmpfloat (fabs (pixel.red - color.red), <, 0.12);

  /* Right to left: the first month on the right. */
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  sl_ui_test_settle (300);
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 0, &a1));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 1, &a2));
  g_assert_cmpfloat (a1.origin.x, >, a2.origin.x);
  gtk_window_destroy (window);
}

static void
test_bars_stacked (void)
{
  SlBarChart *chart = make_bars (TRUE);
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 600, 300);
  graphene_rect_t a, b, a2, b2;

  /* B sits on A; together as tall as 140 against 310 next door. */
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 0, &a));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 1, 0, &b));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 1, &a2));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 1, 1, &b2));
  g_assert_cmpfloat (fabs (b.origin.y + b.size.height - a.origin.y), <, 0.01);
  g_assert_cmpfloat (fabs ((a.size.height + b.size.height) / (a2.size.height + b2.size.height) - 140.0 / 310.0), <, 0.01);
  g_assert_cmpfloat (fabs (a.origin.x - b.origin.x), <, 0.01);
  gtk_window_destroy (window);
}

static void
test_funnel_chart (void)
{
  SlFunnelChart *chart = SL_FUNNEL_CHART (sl_funnel_chart_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 500, 400);
  graphene_rect_t first, second;

  sl_funnel_chart_set_n_stages (chart, 3);
  sl_funnel_chart_set_stage (chart, 0, "Leads", 1000, "1,000");
  sl_funnel_chart_set_stage (chart, 1, "MQLs", 400, "400");
  sl_funnel_chart_set_stage (chart, 2, "Won", 0, "0");
  sl_funnel_chart_set_step (chart, 0, "40 %", NULL);
  sl_funnel_chart_set_step_leak (chart, 0, "40 % vs baseline 52 %");
  sl_ui_test_settle (300);
  g_assert_true (sl_funnel_chart_get_stage_area (chart, 0, &first));
  g_assert_true (sl_funnel_chart_get_stage_area (chart, 1, &second));
  g_assert_cmpfloat (fabs (second.size.width / first.size.width - 0.4), <, 0.01);
  g_assert_cmpfloat (fabs ((first.origin.x + first.size.width / 2) - (second.origin.x + second.size.width / 2)), <, 0.01);
  g_assert_true (sl_funnel_chart_get_step_leaking (chart, 0));
  g_assert_false (sl_funnel_chart_get_step_leaking (chart, 1));
  /* A stage of nothing is still visible, not a negative width. */
  g_assert_true (sl_funnel_chart_get_stage_area (chart, 2, &second));
  g_assert_cmpfloat (second.size.width, >, 0);
  gtk_window_destroy (window);
}

static void
test_heat_map_pixels (void)
{
  SlHeatMap *map = SL_HEAT_MAP (sl_heat_map_new ());
  GtkWindow *window;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t negative, positive, weak;
  GdkRGBA n, p, w;
  g_autofree char *tooltip = NULL;

  sl_heat_map_set_size (map, 1, 4);
  sl_heat_map_set_row_label (map, 0, "Paid Search");
  sl_heat_map_set_value (map, 0, 0, -0.8, "-80 %");
  sl_heat_map_set_value (map, 0, 1, 3.0, "+300 %");
  sl_heat_map_set_value (map, 0, 2, 0.1, "+10 %");
  sl_heat_map_set_undefined (map, 0, 3, "no spend");
  window = show_in_window (GTK_WIDGET (map), 500, 100);
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 0, &negative));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 1, &positive));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 2, &weak));
  texture = sl_ui_test_render (GTK_WIDGET (map));
  /* Near the corner, clear of the text. */
  sl_ui_test_texture_pixel (texture, negative.origin.x + 6, negative.origin.y + 6, &n);
  sl_ui_test_texture_pixel (texture, positive.origin.x + 6, positive.origin.y + 6, &p);
  sl_ui_test_texture_pixel (texture, weak.origin.x + 6, weak.origin.y + 6, &w);
  g_assert_cmpfloat (n.red, >, n.green + 0.2);
  g_assert_cmpfloat (p.green, >, p.red + 0.2);
  /* A small value is paler (nearer the scale's grey middle) than a large one. */
  g_assert_cmpfloat (w.green - w.red, <, p.green - p.red - 0.2);
  g_assert_cmpstr (sl_heat_map_get_cell_text (map, 0, 3), ==, "—");
  tooltip = sl_heat_map_dup_cell_tooltip (map, 0, 3);
  g_assert_nonnull (strstr (tooltip, "no spend"));
  gtk_window_destroy (window);
}

static void
test_sparkline_gaps (void)
{
  SlSparkline *line = SL_SPARKLINE (sl_sparkline_new ());
  const double values[] = { 1, 2, 0, 4, 3 };
  const gboolean defined[] = { TRUE, TRUE, FALSE, TRUE, TRUE };
  GtkWindow *window = show_in_window (GTK_WIDGET (line), 200, 40);
  graphene_point_t first, last, p;

  sl_sparkline_set_values (line, values, defined, G_N_ELEMENTS (values));
  sl_ui_test_settle (300);
  g_assert_true (sl_sparkline_get_point (line, 0, &first));
  g_assert_true (sl_sparkline_get_point (line, 4, &last));
  g_assert_false (sl_sparkline_get_point (line, 2, &p));
  g_assert_true (sl_sparkline_get_point (line, 3, &p));
  /* Higher values higher up; time runs left to right… */
  g_assert_cmpfloat (p.y, <, first.y);
  g_assert_cmpfloat (first.x, <, last.x);
  /* …or right to left. */
  gtk_widget_set_direction (GTK_WIDGET (line), GTK_TEXT_DIR_RTL);
  g_assert_true (sl_sparkline_get_point (line, 0, &first));
  g_assert_true (sl_sparkline_get_point (line, 4, &last));
  g_assert_cmpfloat (first.x, >, last.x);
  gtk_window_destroy (window);
}

static void
test_kpi_card (void)
{
  SlKpiCard *card = SL_KPI_CARD (sl_kpi_card_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (card), 300, 200);

  sl_kpi_card_set_title (card, "CAC", "Acquisition spend ÷ new customers.");
  sl_kpi_card_set_value (card, "$1,000.00", NULL);
  g_assert_cmpstr (sl_kpi_card_get_value_text (card), ==, "$1,000.00");
  sl_kpi_card_set_value (card, "$0.00", "no new customers");
  g_assert_cmpstr (sl_kpi_card_get_value_text (card), ==, "—");
  sl_kpi_card_set_change (card, "12 %", SL_KPI_CARD_ARROW_UP, SL_KPI_CARD_BAD);
  g_assert_cmpint (sl_kpi_card_get_change (card), ==, SL_KPI_CARD_BAD);
  sl_kpi_card_set_goal (card, "Goal met", SL_KPI_CARD_GOAL_MET);
  g_assert_cmpint (sl_kpi_card_get_goal (card), ==, SL_KPI_CARD_GOAL_MET);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }
  adw_init ();

  g_test_add_func ("/ui/charts/bars-grouped", test_bars_grouped);
  g_test_add_func ("/ui/charts/bars-stacked", test_bars_stacked);
  g_test_add_func ("/ui/charts/funnel", test_funnel_chart);
  g_test_add_func ("/ui/charts/heat-map", test_heat_map_pixels);
  g_test_add_func ("/ui/charts/sparkline", test_sparkline_gaps);
  g_test_add_func ("/ui/charts/kpi-card", test_kpi_card);
  add_bar_tests ();
  add_line_tests ();
  g_test_add_func ("/ui/charts/screenshots", test_screenshots);
  return g_test_run ();
}
