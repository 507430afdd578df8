/* test-charts-shots.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each chart light and dark, left to right and right to left, narrow
 * and wide, saved to look at (CI keeps build/screenshots/). */

#include "config.h"

#include <adwaita.h>

#include "sl-sparkline.h"
#include "sl-ui-test-utils.h"
#include "test-charts.h"

typedef GtkWidget *(*ChartFactory) (void);

static GtkWidget *
make_bars_grouped (void)
{
  SlBarChart *chart = make_bars (FALSE);

  sl_bar_chart_set_reference_name (chart, "Budget");
  for (guint c = 0; c < 4; c++)
    sl_bar_chart_set_reference (chart, c, 200, "200");
  return GTK_WIDGET (chart);
}

static GtkWidget *
make_bars_stacked (void)
{
  return GTK_WIDGET (make_bars (TRUE));
}

static GtkWidget *
make_line (void)
{
  return GTK_WIDGET (make_lines ());
}

static GtkWidget *
make_sparkline (void)
{
  const double values[] = { 3, 4, 3.5, 0, 5, 6, 5.5, 7 };
  const gboolean defined[] = { TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE };
  GtkWidget *line = sl_sparkline_new ();

  sl_sparkline_set_values (SL_SPARKLINE (line), values, defined, G_N_ELEMENTS (values));
  gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
  return line;
}

static void
save_one (const char   *name,
          ChartFactory  make,
          int           width,
          int           height,
          gboolean      dark,
          gboolean      rtl)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s-%d-%s-%s.png", name, width, dark ? "dark" : "light",
                                           rtl ? "rtl" : "ltr");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT),
                                            "charts", file, NULL);
  GtkWidget *chart = make ();
  GtkWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_set_direction (chart, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  window = show_in_window (chart, width, height);
  /* With the keyboard focus on the first category: its callout shows. */
  gtk_widget_grab_focus (chart);
  gtk_window_set_focus_visible (window, TRUE);
  sl_ui_test_settle (50);
  sl_ui_test_save_screenshot (GTK_WIDGET (window), path);
  g_test_message ("Screenshot: %s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (window);
}

void
test_screenshots (void)
{
  static const struct { const char *name; ChartFactory make; int height; } charts[] = {
    { "bars-grouped", make_bars_grouped, 280 },
    { "bars-stacked", make_bars_stacked, 280 },
    { "lines", make_line, 280 },
    { "sparkline", make_sparkline, 60 },
  };
  /* Wide in all four looks; narrow light left to right, dark right to left. */
  static const struct { int width; gboolean dark, rtl; } looks[] = {
    { 720, FALSE, FALSE }, { 720, TRUE, FALSE }, { 720, FALSE, TRUE }, { 720, TRUE, TRUE },
    { 360, FALSE, FALSE }, { 360, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    for (guint l = 0; l < G_N_ELEMENTS (looks); l++)
      save_one (charts[i].name, charts[i].make, charts[i].height < 100 ? looks[l].width / 2 : looks[l].width,
                charts[i].height, looks[l].dark, looks[l].rtl);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}
