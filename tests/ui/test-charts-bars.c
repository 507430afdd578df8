/* test-charts-bars.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlBarChart beyond the bars' sizes: the axis (round, covering the
 * values and references, labelled by the caller, on the right in RTL),
 * references, the focused category and its keys, tooltips mirrored,
 * colours redrawn in dark, a narrow window. */

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "sl-chart-palette.h"
#include "sl-ui-test-utils.h"
#include "test-charts.h"

static guint n_formatted;

static char *
format_units (double   value,
              gpointer user_data)
{
  n_formatted++;
  return g_strdup_printf ("%s%g", (const char *)user_data, value);
}

static void
assert_axis_covers (const SlChartAxis *axis,
                    double             min,
                    double             max)
{
  double step = sl_chart_axis_get_step (axis);

  g_assert_true (axis->mantissa == 1 || axis->mantissa == 2 || axis->mantissa == 5);
  g_assert_cmpuint (axis->n_ticks, >=, 3);
  g_assert_cmpuint (axis->n_ticks, <=, 7);
  g_assert_cmpfloat (sl_chart_axis_get_min (axis), <=, MIN (min, 0));
  g_assert_cmpfloat (sl_chart_axis_get_max (axis), >=, max);
  /* No wasted step at either end. */
  g_assert_cmpfloat (sl_chart_axis_get_min (axis), >, MIN (min, 0) - step);
  g_assert_cmpfloat (sl_chart_axis_get_max (axis), <, max + step);
}

/* The axis covers -50..250 in round steps, its labels come from the
 * formatter, at the left of the plot, or at its right in RTL. */
static void
test_bars_axis (void)
{
  SlBarChart *chart = make_bars (FALSE);
  GtkWindow *window;
  graphene_rect_t plot, label, first, last;
  const SlChartAxis *axis;

  n_formatted = 0;
  sl_bar_chart_set_formatter (chart, format_units, (gpointer)"€", NULL);
  window = show_in_window (GTK_WIDGET (chart), 600, 300);
  axis = sl_bar_chart_get_axis (chart);
  assert_axis_covers (axis, -50, 250);
  g_assert_cmpuint (n_formatted, >=, axis->n_ticks);
  sl_bar_chart_get_plot_area (chart, &plot);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_assert_true (sl_bar_chart_get_tick_area (chart, i, &label));
      g_assert_cmpfloat (label.origin.x + label.size.width, <=, plot.origin.x);
      g_assert_cmpfloat (label.origin.x, >=, 0);
    }
  g_assert_false (sl_bar_chart_get_tick_area (chart, axis->n_ticks, &label));
  /* The zero tick's label is level with the zero line. */
  for (guint i = 0; i < axis->n_ticks; i++)
    if (sl_chart_axis_get_tick (axis, i) == 0)
      {
        sl_bar_chart_get_tick_area (chart, i, &label);
        g_assert_cmpfloat (fabs (label.origin.y + label.size.height / 2 - sl_bar_chart_get_zero_y (chart)), <, 1);
      }

  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  sl_ui_test_settle (100);
  sl_bar_chart_get_plot_area (chart, &plot);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_assert_true (sl_bar_chart_get_tick_area (chart, i, &label));
      g_assert_cmpfloat (label.origin.x, >=, plot.origin.x + plot.size.width);
      g_assert_cmpfloat (label.origin.x + label.size.width, <=, gtk_widget_get_width (GTK_WIDGET (chart)));
    }
  /* The first month at the right, the last at the left. */
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 0, &first));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 2, &last));
  g_assert_cmpfloat (first.origin.x, >, plot.origin.x + plot.size.width * 0.75);
  g_assert_cmpfloat (last.origin.x, <, first.origin.x);
  gtk_window_destroy (window);
}

/* A budget above every bar: the axis reaches it, its line is level with
 * its value, and the category's text names it. */
static void
test_bars_reference (void)
{
  SlBarChart *chart = make_bars (TRUE);
  GtkWindow *window;
  graphene_rect_t line, bar, zero_bar;
  g_autofree char *text = NULL;
  double zero;

  sl_bar_chart_set_reference_name (chart, "Budget");
  sl_bar_chart_set_reference (chart, 1, 420, "€420");
  window = show_in_window (GTK_WIDGET (chart), 600, 300);
  assert_axis_covers (sl_bar_chart_get_axis (chart), -50, 420);
  g_assert_false (sl_bar_chart_get_reference_area (chart, 0, &line));
  g_assert_true (sl_bar_chart_get_reference_area (chart, 1, &line));
  /* Stacked, 250 + 60 = 310 tall: the budget line is 420/310 as high. */
  g_assert_true (sl_bar_chart_get_bar_area (chart, 1, 1, &bar));
  g_assert_true (sl_bar_chart_get_bar_area (chart, 0, 1, &zero_bar));
  zero = sl_bar_chart_get_zero_y (chart);
  g_assert_cmpfloat (fabs ((zero - (line.origin.y + 1)) / (zero - bar.origin.y) - 420.0 / 310.0), <, 0.02);
  /* Across the category's bars. */
  g_assert_cmpfloat (line.origin.x, <=, bar.origin.x);
  g_assert_cmpfloat (line.origin.x + line.size.width, >=, bar.origin.x + bar.size.width);
  text = sl_bar_chart_dup_category_text (chart, 1);
  g_assert_nonnull (strstr (text, "M2"));
  g_assert_nonnull (strstr (text, "Budget: €420"));
  g_assert_nonnull (strstr (text, "A: 250"));
  gtk_window_destroy (window);
}

/* Left and Right move the focused category the way they point. */
static void
test_bars_focus (void)
{
  SlBarChart *chart = make_bars (FALSE);
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 600, 300);

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  g_assert_cmpuint (sl_bar_chart_get_focus_category (chart), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", -1);
  g_assert_cmpuint (sl_bar_chart_get_focus_category (chart), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", 1);
  g_assert_cmpuint (sl_bar_chart_get_focus_category (chart), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", G_MAXINT);
  g_assert_cmpuint (sl_bar_chart_get_focus_category (chart), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", 1);
  g_assert_cmpuint (sl_bar_chart_get_focus_category (chart), ==, 3);

  /* Right to left, Right goes back in time. */
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", 1);
  g_assert_cmpuint (sl_bar_chart_get_focus_category (chart), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", G_MININT);
  g_assert_cmpuint (sl_bar_chart_get_focus_category (chart), ==, 0);
  gtk_window_destroy (window);
}

/* Hovering the rightmost slot right to left is the first month; an
 * undefined value's text has the dash and the reason, never 0. */
static void
test_bars_tooltips (void)
{
  SlBarChart *chart = make_bars (FALSE);
  GtkWindow *window = show_in_window (GTK_WIDGET (chart), 600, 300);
  graphene_rect_t plot, bar;
  g_autofree char *first = NULL;
  g_autofree char *right = NULL;
  g_autofree char *undefined = NULL;
  g_autofree char *above = NULL;

  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  sl_ui_test_settle (100);
  sl_bar_chart_get_plot_area (chart, &plot);
  right = sl_bar_chart_dup_tooltip_at (chart, plot.origin.x + plot.size.width - 2, plot.origin.y + 10);
  first = sl_bar_chart_dup_category_text (chart, 0);
  g_assert_cmpstr (right, ==, first);
  g_assert_true (g_str_has_prefix (right, "M1\n"));
  g_assert_nonnull (strstr (right, "B: 40"));
  /* Over a bar, its category. */
  g_assert_true (sl_bar_chart_get_bar_area (chart, 1, 2, &bar));
  g_free (right);
  right = sl_bar_chart_dup_tooltip_at (chart, bar.origin.x + 1, bar.origin.y + 1);
  g_assert_true (g_str_has_prefix (right, "M3\n"));
  /* Above the plot (the legend), none. */
  above = sl_bar_chart_dup_tooltip_at (chart, bar.origin.x + 1, plot.origin.y - 2);
  g_assert_null (above);
  undefined = sl_bar_chart_dup_category_text (chart, 3);
  g_assert_nonnull (strstr (undefined, "A: — (no spend)"));
  g_assert_null (strstr (undefined, "0"));
  gtk_window_destroy (window);
}

static void
bar_pixel (SlBarChart *chart,
           guint       series,
           guint       category,
           GdkRGBA    *out)
{
  g_autoptr(GdkTexture) texture = sl_ui_test_render (GTK_WIDGET (chart));
  graphene_rect_t bar;

  g_assert_true (sl_bar_chart_get_bar_area (chart, series, category, &bar));
  sl_ui_test_texture_pixel (texture, bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2, out);
}

static gboolean
close_colors (const GdkRGBA *a,
              const GdkRGBA *b)
{
  return fabs (a->red - b->red) < 0.05 && fabs (a->green - b->green) < 0.05 && fabs (a->blue - b->blue) < 0.05;
}

/* Drawn in the palette's colours, and again in the dark ones when the
 * style turns dark. */
static void
test_bars_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  SlBarChart *chart = make_bars (FALSE);
  GtkWindow *window;
  GdkRGBA light, dark, pixel;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = show_in_window (GTK_WIDGET (chart), 600, 300);
  sl_chart_palette_series (1, FALSE, &light);
  sl_chart_palette_series (1, TRUE, &dark);
  g_assert_false (close_colors (&light, &dark));
  bar_pixel (chart, 1, 1, &pixel);
  g_assert_true (close_colors (&pixel, &light));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sl_ui_test_settle (100);
  bar_pixel (chart, 1, 1, &pixel);
  g_assert_true (close_colors (&pixel, &dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

/* In a phone-sized window everything stays inside the chart. */
static void
test_bars_narrow (void)
{
  SlBarChart *chart = make_bars (FALSE);
  GtkWindow *window;
  graphene_rect_t plot, label, bar;
  int min_width, height;

  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 320);
  sl_bar_chart_set_formatter (chart, format_units, (gpointer)"€", NULL);
  window = show_in_window (GTK_WIDGET (chart), 360, 240);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), <=, 360);
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  sl_bar_chart_get_plot_area (chart, &plot);
  g_assert_cmpfloat (plot.size.width, >, 240);
  g_assert_cmpfloat (plot.size.height, >, 100);
  g_assert_cmpfloat (plot.origin.y + plot.size.height, <, height);
  for (guint i = 0; sl_bar_chart_get_tick_area (chart, i, &label); i++)
    g_assert_cmpfloat (label.origin.x, >=, 0);
  for (guint c = 0; c < 3; c++)
    {
      g_assert_true (sl_bar_chart_get_bar_area (chart, 0, c, &bar));
      g_assert_cmpfloat (bar.size.width, >, 8);
    }
  gtk_window_destroy (window);
}

/* No categories, no series, or neither: drawn without a fault. */
static void
test_bars_empty (void)
{
  static const guint sizes[][2] = { { 0, 0 }, { 2, 0 }, { 0, 3 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      SlBarChart *chart = SL_BAR_CHART (sl_bar_chart_new ());
      GtkWindow *window;
      graphene_rect_t bar;
      g_autoptr(GdkTexture) texture = NULL;

      sl_bar_chart_set_size (chart, sizes[i][0], sizes[i][1]);
      sl_bar_chart_set_stacked (chart, i == 1);
      window = show_in_window (GTK_WIDGET (chart), 300, 200);
      g_assert_false (sl_bar_chart_get_bar_area (chart, 0, 0, &bar));
      g_assert_cmpfloat (sl_chart_axis_get_min (sl_bar_chart_get_axis (chart)), ==, 0);
      g_assert_cmpfloat (sl_chart_axis_get_max (sl_bar_chart_get_axis (chart)), >, 0);
      gtk_widget_activate_action (GTK_WIDGET (chart), "chart.move-focus", "i", 1);
      sl_ui_test_settle (50);
      texture = sl_ui_test_render (GTK_WIDGET (chart));
      g_assert_nonnull (texture);
      gtk_window_destroy (window);
    }
}

void
add_bar_tests (void)
{
  g_test_add_func ("/ui/charts/bars-axis", test_bars_axis);
  g_test_add_func ("/ui/charts/bars-reference", test_bars_reference);
  g_test_add_func ("/ui/charts/bars-focus", test_bars_focus);
  g_test_add_func ("/ui/charts/bars-tooltips", test_bars_tooltips);
  g_test_add_func ("/ui/charts/bars-dark", test_bars_dark);
  g_test_add_func ("/ui/charts/bars-narrow", test_bars_narrow);
  g_test_add_func ("/ui/charts/bars-empty", test_bars_empty);
}
