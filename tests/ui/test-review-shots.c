/* test-review-shots.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Screenshots of the review meeting on the demo workspace with a win, a
 * loss, a proposed plan and a submitted request: a laptop's 1280×800 and
 * a projector's 1920×1080, light and dark, into build/screenshots/ (with
 * "-fa" when run in Persian). The type is larger on the projector. */

#include "config.h"

#include "sl-collab.h"
#include "sl-demo.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-requests.h"
#include "test-review.h"

#define DEMO_YEAR 2025

/* A question on the plan and its answer, and a note on the request. */
static void
add_conversation (SlWorkspace      *ws,
                  const ReviewData *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  SlRecord *record;

  sl_workspace_set_author (ws, "Fiona");
  g_assert_true (sl_workspace_add_comment (ws, data->plan_target, "Why not Events?", NULL, &error));
  sl_workspace_set_author (ws, "Dana");
  g_assert_true (sl_workspace_add_comment (ws, data->plan_target,
                                           "Events has no leads this quarter: nothing to compare yet.", NULL, &error));
  g_assert_no_error (error);
  record = SL_RECORD (sl_budget_request_store_lookup (sl_workspace_get_budget_requests (ws), data->request_id));
  request = sl_collab_doc_id ("request", sl_record_get_uuid (record));
  sl_workspace_set_author (ws, "Fiona");
  g_assert_true (sl_workspace_record_decision (ws, request, SL_VERDICT_DEFER, "After the March figures close",
                                               sl_day_from_ymd (DEMO_YEAR, 3, 12), NULL, &error));
  g_assert_no_error (error);
  sl_undo_stack_clear (sl_workspace_get_undo_stack (ws));
}

static char *
write_demo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "meeting.sunlight", NULL);
  g_autoptr(GError) error = NULL;
  SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = DEMO_YEAR };
  ReviewData data = { 0 };

  {
    g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_CREATE, &error);

    g_assert_no_error (error);
    sl_demo_write (db, &options, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(SlWorkspace) ws = sl_workspace_open (path, &error);

    g_assert_no_error (error);
    review_data_fill (ws, DEMO_YEAR, TRUE, &data);
    add_conversation (ws, &data);
  }
  review_data_clear (&data);
  return g_steal_pointer (&path);
}

static void
save (SlWindow   *window,
      const char *what,
      int         width,
      gboolean    dark)
{
  const char *dir = g_getenv ("SL_SCREENSHOT_DIR");
  gboolean rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  g_autofree char *name = g_strdup_printf ("review-%s-%d-%s%s.png", what, width, dark ? "dark" : "light",
                                           rtl ? "-fa" : "");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : g_test_get_dir (G_TEST_BUILT), name, NULL);

  sl_ui_test_save_screenshot (GTK_WIDGET (window), path);
  g_test_message ("Screenshot: %s", path);
}

/* The size of the title type of the item shown. */
static double
title_size (SlReview *review)
{
  g_autoptr(GPtrArray) labels = sl_ui_test_find_all (GTK_WIDGET (review), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_widget_has_css_class (labels->pdata[i], "title-1"))
      {
        PangoContext *context = gtk_widget_get_pango_context (labels->pdata[i]);
        PangoFontDescription *font = pango_context_get_font_description (context);

        return pango_font_description_get_size (font) / (double)PANGO_SCALE;
      }
  g_assert_not_reached ();
  return 0;
}

/* Holds the meeting at @width × @height, and screenshots every kind of
 * item when @shoot; returns the size of its title type. */
static double
hold_meeting (const char *path,
              int         width,
              int         height,
              gboolean    shoot)
{
  static const char * const what[] = { "kpis", "win", "loss", "plan", "request" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  SlWindow *window = review_open_window (path, width, height);
  SlReview *review;
  double size;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  sl_ui_test_settle (400);
  review = sl_window_get_review (window);
  /* Fullscreen: the whole screen, but for a frame's shadow. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (review)), >=, width - 20);
  /* KPIs, a win, a loss, the plan, the request. */
  g_assert_cmpuint (sl_review_get_n_items (review), ==, G_N_ELEMENTS (what));
  size = title_size (review);
  for (guint i = 0; shoot && i < G_N_ELEMENTS (what); i++)
    for (guint dark = 0; dark < 2; dark++)
      {
        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                         : ADW_COLOR_SCHEME_FORCE_LIGHT);
        sl_review_go_to (review, i);
        sl_ui_test_settle (400);
        save (window, what[i], width, dark);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  sl_ui_test_settle (100);
  return size;
}

static void
set_finance (void)
{
  GSettings *settings = sl_application_get_settings (review_get_app ());

  g_settings_set_string (settings, "user-role", "finance");
  g_settings_set_string (settings, "author-name", "Fiona");
}

static void
test_screenshots (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = write_demo (dir);

  set_finance ();
  hold_meeting (path, 1280, 800, TRUE);
  sl_test_remove_tree (dir);
}

/* A projector's 1920 × 1080 needs a screen that large: meson's
 * review-projector test runs this under an Xvfb of its own. */
static void
test_projector (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double laptop, projector;

  dir = sl_test_make_tmp_dir ();
  path = write_demo (dir);
  set_finance ();
  laptop = hold_meeting (path, 1280, 800, FALSE);
  projector = hold_meeting (path, 1920, 1080, TRUE);
  /* Larger type on a projector's width. */
  g_assert_cmpfloat (projector, >, laptop);
  sl_test_remove_tree (dir);
}

static gboolean
screen_holds_a_projector (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle screen;

  gdk_monitor_get_geometry (monitor, &screen);
  return screen.width >= 1920 && screen.height >= 1080;
}

void
review_shots_add_tests (void)
{
  g_test_add_func ("/ui/review/screenshots", test_screenshots);
  /* Only where it can run (the review-projector test's own Xvfb): a
   * skipped test would count as one not passed. */
  if (screen_holds_a_projector ())
    g_test_add_func ("/ui/review/projector", test_projector);
}
