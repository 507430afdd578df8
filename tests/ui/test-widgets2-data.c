/* test-widgets2-data.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the widget tests draw, and screenshots of it: each widget light
 * and dark, left to right and right to left (in Persian), in a 360 px
 * and a 1280 px window, into $SL_SCREENSHOT_DIR/widgets2/. */

#include "config.h"

#include <adwaita.h>

#include "sl-sparkline.h"
#include "sl-ui-test-utils.h"
#include "test-widgets2.h"

const double w2_funnel_volumes[5] = { 5000, 2000, 820, 300, 120 };

SlFunnelChart *
w2_make_funnel (gboolean persian)
{
  static const char *const names[2][5] = {
    { "Leads", "MQLs", "SQLs", "Opportunities", "Won" },
    { "سرنخ‌ها", "MQL", "SQL", "فرصت‌ها", "برنده" },
  };
  static const char *const volumes[5] = { "5,000", "2,000", "820", "300", "120" };
  static const char *const conversions[4] = { "40.0 %", "41.0 %", "36.6 %", "40.0 %" };
  static const char *const days[2][4] = {
    { "6 days", "9 days", "14 days", "31 days" },
    { "۶ روز", "۹ روز", "۱۴ روز", "۳۱ روز" },
  };
  SlFunnelChart *chart = SL_FUNNEL_CHART (sl_funnel_chart_new ());

  sl_funnel_chart_set_n_stages (chart, 5);
  for (guint i = 0; i < 5; i++)
    {
      sl_funnel_chart_set_stage (chart, i, names[persian][i], w2_funnel_volumes[i], volumes[i]);
      if (i < 4)
        sl_funnel_chart_set_step (chart, i, conversions[i], days[persian][i]);
    }
  sl_funnel_chart_set_step_leak (chart, 1, persian ? "۴۱٪ در برابر پایهٔ ۵۲٪" : "41 % vs baseline 52 %");
  sl_funnel_chart_set_stage_detail (chart, 3, persian ? "ارزش ۹۳۰٬۰۰۰ دلار · هزینه ۲۱۰٬۰۰۰ دلار"
                                                      : "Pipeline $930,000 · cost $210,000");
  sl_funnel_chart_set_stage_detail (chart, 4, persian ? "درآمد ۴۱۲٬۰۰۰ دلار · هزینه ۹۶٬۰۰۰ دلار"
                                                      : "Revenue $412,000 · cost $96,000");
  return chart;
}

SlHeatMap *
w2_make_heat_map (gboolean persian)
{
  static const char *const rows[2][4] = {
    { "Paid Search", "Email", "Events", "Content" },
    { "جستجوی پولی", "ایمیل", "رویدادها", "محتوا" },
  };
  static const char *const months[2][12] = {
    { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
    { "فرو", "ارد", "خرد", "تیر", "مرد", "شهر", "مهر", "آبا", "آذر", "دی", "بهم", "اسف" },
  };
  static const double values[4][12] = {
    { 0.4, 0.6, 1.2, 0, 0.9, 1.5, 0.7, 0.3, -0.1, 0.5, 0.8, 1.1 },
    { 0, -0.2, -0.8, 0.2, 0.8, 3.0, 1.0, 2.2, 1.4, 0.9, 0.6, 0.2 },
    { -0.6, -0.9, -0.3, 0.1, 0.5, -0.4, 0, 0, -1.0, -0.5, 0.2, 0.7 },
    { 0.1, 0.2, 0.2, 0.3, 0.4, 0.6, 0.5, 0.7, 0.9, 1.3, 1.6, 2.0 },
  };
  SlHeatMap *map = SL_HEAT_MAP (sl_heat_map_new ());

  sl_heat_map_set_size (map, 4, 12);
  for (guint c = 0; c < 12; c++)
    sl_heat_map_set_column_label (map, c, months[persian][c]);
  for (guint r = 0; r < 4; r++)
    {
      sl_heat_map_set_row_label (map, r, rows[persian][r]);
      for (guint c = 0; c < 12; c++)
        {
          g_autofree char *text = g_strdup_printf ("%+.0f %%", values[r][c] * 100);

          sl_heat_map_set_value (map, r, c, values[r][c], text);
        }
    }
  sl_heat_map_set_undefined (map, 0, 3, persian ? "بدون هزینه" : "no spend");
  sl_heat_map_set_undefined (map, 2, 6, persian ? "بدون هزینه" : "no spend");
  sl_heat_map_set_undefined (map, 2, 7, persian ? "بدون هزینه" : "no spend");
  return map;
}

SlKpiCard *
w2_make_kpi_card (guint index)
{
  static const struct {
    const char     *title;
    const char     *definition;
    const char     *value;
    const char     *reason;
    const char     *change;
    SlKpiCardArrow  arrow;
    SlKpiCardTone   tone;
    const char     *goal;
    SlKpiCardGoal   state;
  } cards[] = {
    { "CAC", "Acquisition spend ÷ new customers.", "$1,000.00", NULL, "12.0 % against May 2025",
      SL_KPI_CARD_ARROW_UP, SL_KPI_CARD_BAD, "Goal $900.00: $100.00 to go", SL_KPI_CARD_GOAL_BEHIND },
    { "Revenue", "Won deals' amounts in the period.", "$412,000.00", NULL, "8.5 % against May 2025",
      SL_KPI_CARD_ARROW_UP, SL_KPI_CARD_GOOD, "Goal $400,000.00 met", SL_KPI_CARD_GOAL_MET },
    { "ROI", "(Revenue − spend) ÷ spend.", NULL, "no spend", "No change to show against May 2025 (no spend)",
      SL_KPI_CARD_ARROW_NONE, SL_KPI_CARD_NEUTRAL, "No goal for this period", SL_KPI_CARD_NO_GOAL },
    { "Leads", "New leads in the period.", "5,000", NULL, "0.0 % against May 2025",
      SL_KPI_CARD_ARROW_FLAT, SL_KPI_CARD_NEUTRAL, "Goal 6,000: cannot tell yet", SL_KPI_CARD_GOAL_UNKNOWN },
  };
  static const double trend[] = { 3, 4, 3.5, 5, 4.2, 6, 5.5, 7 };
  static const gboolean defined[] = { TRUE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE };
  SlKpiCard *card = SL_KPI_CARD (sl_kpi_card_new ());
  GtkWidget *sparkline = sl_sparkline_new ();

  g_assert_cmpuint (index, <, G_N_ELEMENTS (cards));
  sl_kpi_card_set_title (card, cards[index].title, cards[index].definition);
  sl_kpi_card_set_value (card, cards[index].value, cards[index].reason);
  sl_kpi_card_set_change (card, cards[index].change, cards[index].arrow, cards[index].tone);
  sl_kpi_card_set_goal (card, cards[index].goal, cards[index].state);
  sl_sparkline_set_values (SL_SPARKLINE (sparkline), trend, defined, cards[index].reason != NULL ? 0 : G_N_ELEMENTS (trend));
  sl_kpi_card_set_trend_widget (card, sparkline);
  return card;
}

static GtkWidget *
make_cards (gboolean persian)
{
  GtkFlowBox *box = GTK_FLOW_BOX (gtk_flow_box_new ());

  gtk_flow_box_set_selection_mode (box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (box, 4);
  gtk_flow_box_set_homogeneous (box, TRUE);
  gtk_flow_box_set_column_spacing (box, 12);
  gtk_flow_box_set_row_spacing (box, 12);
  for (guint i = 0; i < 4; i++)
    gtk_flow_box_append (box, GTK_WIDGET (w2_make_kpi_card (i)));
  return GTK_WIDGET (box);
}

static GtkWidget *
make_funnel (gboolean persian)
{
  return GTK_WIDGET (w2_make_funnel (persian));
}

static GtkWidget *
make_heat_map (gboolean persian)
{
  return GTK_WIDGET (w2_make_heat_map (persian));
}

static void
save_shot (const char  *name,
           GtkWidget *(*make) (gboolean),
           int          width,
           int          height,
           gboolean     dark,
           gboolean     rtl)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s-%d-%s-%s.png", name, width, dark ? "dark" : "light", rtl ? "rtl" : "ltr");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), "widgets2", file, NULL);
  GtkWidget *scrolled;
  GtkWidget *content;
  GtkWidget *widget;
  GtkWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_widget_set_default_direction (rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  widget = make (rtl);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);
  gtk_widget_set_margin_top (widget, 12);
  gtk_widget_set_margin_bottom (widget, 12);
  gtk_box_append (GTK_BOX (content), widget);
  /* As in a view: scrolled, so the window keeps the height asked for. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  window = w2_show (scrolled, width, height);
  gtk_widget_grab_focus (widget);
  gtk_window_set_focus_visible (window, TRUE);
  sl_ui_test_settle (50);
  sl_ui_test_save_screenshot (GTK_WIDGET (window), path);
  g_test_message ("Screenshot: %s", path);
  gtk_window_destroy (window);
}

void
w2_test_screenshots (void)
{
  static const struct { const char *name; GtkWidget *(*make) (gboolean); int height[2]; } widgets[] = {
    { "funnel", make_funnel, { 380, 380 } },
    { "heat-map", make_heat_map, { 180, 200 } },
    { "kpi-cards", make_cards, { 760, 200 } },
  };
  static const int widths[] = { 360, 1280 };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (guint dark = 0; dark < 2; dark++)
        for (guint rtl = 0; rtl < 2; rtl++)
          save_shot (widgets[i].name, widgets[i].make, widths[w], widgets[i].height[w], dark, rtl);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}
