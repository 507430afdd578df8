/* test-widgets2.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The funnel chart, the heat map and the KPI card on their own, in a
 * window under Xvfb: geometry that follows the values, colours from the
 * palette's families in light and dark, mirroring right to left, "—"
 * with its reason for what is undefined, the keyboard's focus in the
 * accessible description, and the pixels actually drawn. */

#include "config.h"

#include <locale.h>
#include <math.h>

#include <adwaita.h>

#include "sl-tooltip.h"
#include "sl-funnel-chart.h"
#include "sl-heat-map.h"
#include "sl-kpi-card.h"
#include "sl-ui-test-utils.h"
#include "test-widgets2.h"

GtkWindow *
w2_show (GtkWidget *child,
         int        width,
         int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  sl_ui_test_settle (300);
  g_assert_cmpint (gtk_widget_get_width (child), >, 0);
  return window;
}

static double
color_distance (const GdkRGBA *a,
                const GdkRGBA *b)
{
  return sqrt ((a->red - b->red) * (a->red - b->red) + (a->green - b->green) * (a->green - b->green)
               + (a->blue - b->blue) * (a->blue - b->blue));
}

static gboolean
is_red_family (const GdkRGBA *c)
{
  return c->red > c->green + 0.05 && c->red > c->blue + 0.05;
}

static gboolean
is_green_family (const GdkRGBA *c)
{
  return c->green > c->red + 0.05;
}

/* Funnel */

static void
check_funnel_proportions (int window_width)
{
  const double *volumes = w2_funnel_volumes;
  SlFunnelChart *chart = w2_make_funnel (FALSE);
  GtkWindow *window = w2_show (GTK_WIDGET (chart), window_width, 600);
  graphene_rect_t first, area, previous;
  int width = gtk_widget_get_width (GTK_WIDGET (chart));

  g_assert_true (sl_funnel_chart_get_stage_area (chart, 0, &first));
  /* The largest stage spans the chart (up to 800 px), none spills out. */
  g_assert_cmpfloat (fabs (first.size.width - MIN (width, 800)), <, 0.5);
  previous = first;
  for (guint i = 1; i < G_N_ELEMENTS (w2_funnel_volumes); i++)
    {
      g_assert_true (sl_funnel_chart_get_stage_area (chart, i, &area));
      g_assert_cmpfloat (fabs (area.size.width / first.size.width - volumes[i] / volumes[0]), <, 0.002);
      /* Centred, and below the one before with its step in between. */
      g_assert_cmpfloat (fabs ((area.origin.x + area.size.width / 2) - width / 2.0), <, 0.5);
      g_assert_cmpfloat (area.origin.y, >, previous.origin.y + previous.size.height);
      previous = area;
    }
  /* The chart is as tall as it says. */
  g_assert_cmpfloat (previous.origin.y + previous.size.height, <=, gtk_widget_get_height (GTK_WIDGET (chart)) + 0.5);
  gtk_window_destroy (window);
}

static void
test_funnel_proportional (void)
{
  check_funnel_proportions (360);
  check_funnel_proportions (1280);
}

static void
test_funnel_undefined_and_leak (void)
{
  SlFunnelChart *chart = w2_make_funnel (FALSE);
  GtkWindow *window = w2_show (GTK_WIDGET (chart), 600, 600);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *leak_tooltip = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t from, to, step;
  GdkRGBA leaking, plain, pixel;

  sl_funnel_chart_set_step_undefined (chart, 3, "no opportunities", NULL);
  sl_ui_test_settle (50);
  text = sl_funnel_chart_dup_step_text (chart, 3);
  tooltip = sl_funnel_chart_dup_step_tooltip (chart, 3);
  /* "—" on the chart, never a number; why, in the tooltip. */
  g_assert_nonnull (strstr (text, "—"));
  g_assert_null (strstr (text, "no opportunities"));
  g_assert_null (strstr (text, "%"));
  g_assert_nonnull (strstr (tooltip, "—"));
  g_assert_nonnull (strstr (tooltip, "no opportunities"));

  /* The leaking step (MQL → SQL) in the warning colour, the others not. */
  g_assert_true (sl_funnel_chart_get_step_leaking (chart, 1));
  g_assert_false (sl_funnel_chart_get_step_leaking (chart, 0));
  sl_funnel_chart_get_step_color (chart, 1, &leaking);
  sl_funnel_chart_get_step_color (chart, 0, &plain);
  g_assert_cmpfloat (leaking.red, >, leaking.blue + 0.3);
  g_assert_cmpfloat (plain.blue, >, plain.red + 0.3);
  leak_tooltip = sl_funnel_chart_dup_step_tooltip (chart, 1);
  g_assert_nonnull (strstr (leak_tooltip, "41 % vs baseline 52 %"));

  /* Drawn so: the funnel's wall beside the leaking step, clear of its text. */
  g_assert_true (sl_funnel_chart_get_stage_area (chart, 1, &from));
  g_assert_true (sl_funnel_chart_get_stage_area (chart, 2, &to));
  g_assert_true (sl_funnel_chart_get_step_area (chart, 1, &step));
  texture = sl_ui_test_render (GTK_WIDGET (chart));
  sl_ui_test_texture_pixel (texture, (from.origin.x + to.origin.x) / 2 + 4, step.origin.y + step.size.height / 2, &pixel);
  g_assert_cmpfloat (pixel.alpha, >, 0.2);
  g_assert_cmpfloat (pixel.red, >, pixel.blue + 0.3);
  gtk_window_destroy (window);
}

static void
test_funnel_keyboard (void)
{
  SlFunnelChart *chart = w2_make_funnel (FALSE);
  GtkWindow *window = w2_show (GTK_WIDGET (chart), 600, 600);
  g_autofree char *stage_tip = sl_funnel_chart_dup_stage_tooltip (chart, 0);
  g_autofree char *step_tip = sl_funnel_chart_dup_step_tooltip (chart, 0);
  g_autofree char *last_tip = sl_funnel_chart_dup_stage_tooltip (chart, 4);
  g_autofree char *before = sl_funnel_chart_dup_description (chart);
  g_autofree char *after = NULL;
  g_autofree char *last = NULL;

  /* The focused item leads the description; Down reaches the step. */
  g_assert_true (g_str_has_prefix (before, stage_tip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "funnel.move-focus", "i", 1));
  after = sl_funnel_chart_dup_description (chart);
  g_assert_true (g_str_has_prefix (after, step_tip));
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, after);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "funnel.move-focus", "i", G_MAXINT));
  last = sl_funnel_chart_dup_description (chart);
  g_assert_true (g_str_has_prefix (last, last_tip));
  gtk_window_destroy (window);
}

/* Heat map */

static void
test_heat_map_colors (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  SlHeatMap *map = w2_make_heat_map (FALSE);
  GtkWindow *window = w2_show (GTK_WIDGET (map), 900, 300);

  for (guint dark = 0; dark < 2; dark++)
    {
      GdkRGBA zero, weak_neg, strong_neg, weak_pos, strong_pos, huge, full;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      sl_ui_test_settle (50);
      /* Row 1: 0, -0.2, -0.8, 0.2, 0.8, 3.0 (clamped), 1.0 (the scale). */
      sl_heat_map_get_cell_color (map, 1, 0, &zero);
      sl_heat_map_get_cell_color (map, 1, 1, &weak_neg);
      sl_heat_map_get_cell_color (map, 1, 2, &strong_neg);
      sl_heat_map_get_cell_color (map, 1, 3, &weak_pos);
      sl_heat_map_get_cell_color (map, 1, 4, &strong_pos);
      sl_heat_map_get_cell_color (map, 1, 5, &huge);
      sl_heat_map_get_cell_color (map, 1, 6, &full);
      g_assert_true (is_red_family (&weak_neg) && is_red_family (&strong_neg));
      g_assert_true (is_green_family (&weak_pos) && is_green_family (&strong_pos));
      g_assert_false (is_red_family (&zero) || is_green_family (&zero));
      /* Larger magnitudes further from the neutral middle. */
      g_assert_cmpfloat (color_distance (&strong_neg, &zero), >, color_distance (&weak_neg, &zero) + 0.2);
      g_assert_cmpfloat (color_distance (&strong_pos, &zero), >, color_distance (&weak_pos, &zero) + 0.2);
      /* Clamped at the scale. */
      g_assert_cmpfloat (color_distance (&huge, &full), <, 0.001);
      sl_heat_map_set_scale (map, 4.0);
      sl_heat_map_get_cell_color (map, 1, 5, &huge);
      g_assert_cmpfloat (color_distance (&huge, &full), >, 0.05);
      sl_heat_map_set_scale (map, 1.0);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

/* The pixels drawn match the cells' colours, and follow the dark style. */
static void
test_heat_map_pixels (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  SlHeatMap *map = w2_make_heat_map (FALSE);
  GtkWindow *window;
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  graphene_rect_t negative, positive;
  GdkRGBA n, p, want, p_dark;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = w2_show (GTK_WIDGET (map), 900, 300);
  g_assert_true (sl_heat_map_get_cell_area (map, 1, 2, &negative));
  g_assert_true (sl_heat_map_get_cell_area (map, 1, 4, &positive));
  light = sl_ui_test_render (GTK_WIDGET (map));
  /* Near the corner, clear of the text. */
  sl_ui_test_texture_pixel (light, negative.origin.x + 5, negative.origin.y + 5, &n);
  sl_ui_test_texture_pixel (light, positive.origin.x + 5, positive.origin.y + 5, &p);
  g_assert_true (is_red_family (&n));
  g_assert_true (is_green_family (&p));
  sl_heat_map_get_cell_color (map, 1, 4, &want);
  g_assert_cmpfloat (color_distance (&p, &want), <, 0.02);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sl_ui_test_settle (100);
  dark = sl_ui_test_render (GTK_WIDGET (map));
  sl_ui_test_texture_pixel (dark, positive.origin.x + 5, positive.origin.y + 5, &p_dark);
  g_assert_true (is_green_family (&p_dark));
  g_assert_cmpfloat (color_distance (&p, &p_dark), >, 0.05);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
}

static void
test_heat_map_undefined (void)
{
  SlHeatMap *map = w2_make_heat_map (FALSE);
  GtkWindow *window = w2_show (GTK_WIDGET (map), 900, 300);
  g_autofree char *tooltip = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t area;
  GdkRGBA color, pixel;

  /* Row 0, column 3: no spend that month. */
  g_assert_cmpstr (sl_heat_map_get_cell_text (map, 0, 3), ==, "—");
  tooltip = sl_heat_map_dup_cell_tooltip (map, 0, 3);
  g_assert_nonnull (strstr (tooltip, "no spend"));
  g_assert_nonnull (strstr (tooltip, "Paid Search"));
  sl_heat_map_get_cell_color (map, 0, 3, &color);
  g_assert_cmpfloat (color.alpha, <, 0.01);
  /* Drawn neither red nor green: no more than a faint hatch. */
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 3, &area));
  texture = sl_ui_test_render (GTK_WIDGET (map));
  sl_ui_test_texture_pixel (texture, area.origin.x + 3, area.origin.y + area.size.height / 2, &pixel);
  g_assert_false (pixel.alpha > 0.5 && (is_red_family (&pixel) || is_green_family (&pixel)));
  gtk_window_destroy (window);
}

static void
test_heat_map_rtl (void)
{
  SlHeatMap *map = w2_make_heat_map (FALSE);
  GtkWindow *window = w2_show (GTK_WIDGET (map), 900, 300);
  graphene_rect_t first, second, header;

  g_assert_true (sl_heat_map_get_cell_area (map, 0, 0, &first));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 1, &second));
  g_assert_true (sl_heat_map_get_row_header_area (map, 0, &header));
  g_assert_cmpfloat (first.origin.x + first.size.width, <=, second.origin.x);
  g_assert_cmpfloat (header.origin.x + header.size.width, <=, first.origin.x);

  gtk_widget_set_direction (GTK_WIDGET (map), GTK_TEXT_DIR_RTL);
  sl_ui_test_settle (100);
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 0, &first));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 1, &second));
  g_assert_true (sl_heat_map_get_row_header_area (map, 0, &header));
  /* The first month on the right, the channels' names right of it. */
  g_assert_cmpfloat (second.origin.x + second.size.width, <=, first.origin.x);
  g_assert_cmpfloat (first.origin.x + first.size.width, <=, header.origin.x);
  g_assert_cmpfloat (fabs (header.origin.x + header.size.width - gtk_widget_get_width (GTK_WIDGET (map))), <, 0.5);
  gtk_window_destroy (window);
}

static void
test_heat_map_keyboard (void)
{
  SlHeatMap *map = w2_make_heat_map (FALSE);
  GtkWindow *window = w2_show (GTK_WIDGET (map), 900, 300);
  g_autofree char *description = NULL;
  g_autofree char *cell = NULL;
  guint row, column;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "heat-map.move-focus", "(ii)", 1, 1));
  sl_heat_map_get_focus_cell (map, &row, &column);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  description = sl_heat_map_dup_description (map);
  cell = sl_heat_map_dup_cell_tooltip (map, 1, 1);
  g_assert_true (g_str_has_prefix (description, cell));
  gtk_test_accessible_assert_property (map, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* Right to left, the right arrow goes back to the first month. */
  gtk_widget_set_direction (GTK_WIDGET (map), GTK_TEXT_DIR_RTL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "heat-map.move-focus", "(ii)", 0, 1));
  sl_heat_map_get_focus_cell (map, &row, &column);
  g_assert_cmpuint (column, ==, 0);
  /* End: the last month, wherever it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (map), "heat-map.move-focus", "(ii)", 0, G_MAXINT));
  sl_heat_map_get_focus_cell (map, &row, &column);
  g_assert_cmpuint (column, ==, sl_heat_map_get_n_columns (map) - 1);
  gtk_window_destroy (window);
}

/* Twelve months fit a phone-sized window: colour only, no overlap. */
static void
test_heat_map_narrow (void)
{
  SlHeatMap *map = w2_make_heat_map (FALSE);
  GtkWindow *window;
  graphene_rect_t header, first, last;
  int minimum;

  gtk_widget_measure (GTK_WIDGET (map), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 340);
  window = w2_show (GTK_WIDGET (map), 360, 300);
  g_assert_true (sl_heat_map_get_row_header_area (map, 0, &header));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, 0, &first));
  g_assert_true (sl_heat_map_get_cell_area (map, 0, sl_heat_map_get_n_columns (map) - 1, &last));
  g_assert_cmpfloat (header.origin.x + header.size.width, <=, first.origin.x);
  g_assert_cmpfloat (last.origin.x + last.size.width, <=, gtk_widget_get_width (GTK_WIDGET (map)) + 0.5);
  g_assert_cmpfloat (first.size.width, >=, 8);
  gtk_window_destroy (window);
}

/* KPI card */

static void
test_kpi_card (void)
{
  SlKpiCard *card = SL_KPI_CARD (sl_kpi_card_new ());
  GtkWidget *trend = gtk_label_new ("trend");
  GtkWindow *window = w2_show (GTK_WIDGET (card), 360, 300);
  g_autofree char *tooltip = NULL;
  g_autofree char *description = NULL;
  GdkRGBA good, bad;

  sl_kpi_card_set_title (card, "CAC", "Acquisition spend ÷ new customers.");
  sl_kpi_card_set_value (card, "$1,000.00", NULL);
  g_assert_cmpstr (sl_kpi_card_get_value_text (card), ==, "$1,000.00");
  g_assert_cmpstr (sl_tooltip_get_text (GTK_WIDGET (card)), ==, "Acquisition spend ÷ new customers.");

  /* Undefined: "—", and why beside the definition. */
  sl_kpi_card_set_value (card, "$0.00", "no new customers");
  g_assert_cmpstr (sl_kpi_card_get_value_text (card), ==, "—");
  tooltip = g_strdup (sl_tooltip_get_text (GTK_WIDGET (card)));
  g_assert_nonnull (strstr (tooltip, "no new customers"));
  g_assert_nonnull (strstr (tooltip, "Acquisition spend"));

  /* The change's colour says good or bad, whichever way it went. */
  sl_kpi_card_set_change (card, "12 % against May", SL_KPI_CARD_ARROW_UP, SL_KPI_CARD_GOOD);
  sl_kpi_card_get_change_color (card, &good);
  sl_kpi_card_set_change (card, "12 % against May", SL_KPI_CARD_ARROW_UP, SL_KPI_CARD_BAD);
  sl_kpi_card_get_change_color (card, &bad);
  g_assert_cmpint (sl_kpi_card_get_arrow (card), ==, SL_KPI_CARD_ARROW_UP);
  g_assert_true (is_green_family (&good));
  g_assert_true (is_red_family (&bad));

  sl_kpi_card_set_goal (card, "Goal $900.00: $100.00 to go", SL_KPI_CARD_GOAL_BEHIND);
  g_assert_cmpint (sl_kpi_card_get_goal (card), ==, SL_KPI_CARD_GOAL_BEHIND);
  description = sl_kpi_card_dup_description (card);
  g_assert_nonnull (strstr (description, "no new customers"));
  g_assert_nonnull (strstr (description, "12 % against May"));
  g_assert_nonnull (strstr (description, "$100.00 to go"));
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, "CAC");

  /* The trend slot holds the caller's widget, inside the card. */
  sl_kpi_card_set_trend_widget (card, trend);
  g_assert_true (sl_kpi_card_get_trend_widget (card) == trend);
  g_assert_true (gtk_widget_is_ancestor (trend, GTK_WIDGET (card)));
  sl_kpi_card_set_trend_widget (card, NULL);
  g_assert_null (sl_kpi_card_get_trend_widget (card));

  /* A keyboard reaches it. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (card)));
  /* The window's focus, whether or not the X server has made the
   * window active yet. */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (card)));
  gtk_window_destroy (window);
}

static void
test_kpi_card_sizes (void)
{
  SlKpiCard *card = w2_make_kpi_card (0);
  int minimum, natural;

  g_object_ref_sink (card);
  gtk_widget_measure (GTK_WIDGET (card), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  /* In a phone-sized window with room to spare; not a banner in a wide one. */
  g_assert_cmpint (minimum, <=, 336);
  g_assert_cmpint (natural, <=, 420);
  g_object_unref (card);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* The accessible properties, kept where tests can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("Bail out! No display: run the UI tests under xvfb-run\n");
      return 1;
    }
  adw_init ();

  g_test_add_func ("/ui/widgets2/funnel/proportional", test_funnel_proportional);
  g_test_add_func ("/ui/widgets2/funnel/undefined-and-leak", test_funnel_undefined_and_leak);
  g_test_add_func ("/ui/widgets2/funnel/keyboard", test_funnel_keyboard);
  g_test_add_func ("/ui/widgets2/heat-map/colors", test_heat_map_colors);
  g_test_add_func ("/ui/widgets2/heat-map/pixels", test_heat_map_pixels);
  g_test_add_func ("/ui/widgets2/heat-map/undefined", test_heat_map_undefined);
  g_test_add_func ("/ui/widgets2/heat-map/rtl", test_heat_map_rtl);
  g_test_add_func ("/ui/widgets2/heat-map/keyboard", test_heat_map_keyboard);
  g_test_add_func ("/ui/widgets2/heat-map/narrow", test_heat_map_narrow);
  g_test_add_func ("/ui/widgets2/kpi-card/content", test_kpi_card);
  g_test_add_func ("/ui/widgets2/kpi-card/sizes", test_kpi_card_sizes);
  g_test_add_func ("/ui/widgets2/screenshots", w2_test_screenshots);
  return g_test_run ();
}
