/* test-history.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The History page of the real application: finance's record lists the
 * decision and the budget change, filters by person with its own
 * dropdown and by channel with the header's filter, and follows new
 * changes; its screenshots, wide and narrow, light and dark. */

#include "config.h"

#include "sl-demo.h"
#include "sl-history-item.h"
#include "sl-history-view.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "sl-ui-test-window.h"
#include "sl-workspace-discussion.h"
#include "test-review.h"

#define YEAR 2025

/* Fiona approves the plan in the review of March 12. */
static void
approve_in_march (SlWorkspace      *ws,
                  const ReviewData *data)
{
  g_autoptr(GError) error = NULL;

  sl_workspace_set_user_role (ws, SL_USER_ROLE_FINANCE);
  sl_workspace_set_author (ws, "Fiona");
  g_assert_true (sl_workspace_record_decision (ws, data->plan_target, SL_VERDICT_APPROVE, "For March only",
                                               sl_day_from_ymd (YEAR, 3, 12), NULL, &error));
  g_assert_no_error (error);
}

static SlHistoryView *
show_history (SlWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "history");
  sl_ui_test_settle (300);
  g_assert_cmpstr (sl_window_get_view (window), ==, "history");
  {
    g_autoptr(GPtrArray) views = sl_ui_test_find_all (GTK_WIDGET (window), SL_TYPE_HISTORY_VIEW);

    g_assert_cmpuint (views->len, ==, 1);
    return views->pdata[0];
  }
}

static SlHistoryItem *
get_item (SlHistoryView *view,
          guint          i)
{
  g_autoptr(SlHistoryItem) item = g_list_model_get_item (sl_history_view_get_items (view), i);

  return item;  /* the store keeps it */
}

static void
choose_person (SlHistoryView *view,
               const char    *name)
{
  GtkWidget *dropdown = sl_ui_test_get_named (GTK_WIDGET (view), "history-person");
  GListModel *people = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (people), i), name) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
        sl_ui_test_settle (50);
        return;
      }
  g_error ("%s is not in the person filter", name);
}

static guint
n_items (SlHistoryView *view)
{
  return g_list_model_get_n_items (sl_history_view_get_items (view));
}

static void
test_lists_and_filters (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *amount = NULL;
  ReviewData data = { 0 };
  SlHistoryItem *item;
  SlHistoryView *view;
  SlWindow *window;
  SlScope scope;
  SlMoney money;

  {
    g_autoptr(SlWorkspace) ws = sl_test_workspace_new (dir, "history.sunlight");

    review_data_fill (ws, YEAR, FALSE, &data);
    approve_in_march (ws, &data);
    path = g_strdup (sl_workspace_get_path (ws));
  }
  window = review_open_window (path, 1280, 800);
  view = show_history (window);

  /* Newest first: Fiona's decision, then Ann's change of Search's March. */
  g_assert_cmpuint (n_items (view), ==, 2);
  item = get_item (view, 0);
  g_assert_cmpint (sl_history_item_get_kind (item), ==, SL_AUDIT_DECISION);
  g_assert_cmpstr (sl_history_item_get_author (item), ==, "Fiona");
  g_assert_nonnull (strstr (sl_history_item_get_title (item), "Approved"));
  g_assert_nonnull (strstr (sl_history_item_get_title (item), "Move Search spend to Social"));
  g_assert_nonnull (strstr (sl_history_item_get_detail (item), "For March only"));
  item = get_item (view, 1);
  g_assert_cmpint (sl_history_item_get_kind (item), ==, SL_AUDIT_BUDGET_CHANGE);
  g_assert_cmpstr (sl_history_item_get_author (item), ==, "Ann");
  sl_money_init (&money, 500000, "USD");
  amount = sl_money_format (&money, NULL);
  /* No amount before, $5,000 after. */
  g_assert_true (g_str_has_suffix (sl_history_item_get_detail (item), amount));
  g_assert_nonnull (strstr (sl_history_item_get_detail (item), "— →"));

  /* The person filter. */
  choose_person (view, "Ann");
  g_assert_cmpuint (n_items (view), ==, 1);
  g_assert_cmpstr (sl_history_item_get_author (get_item (view, 0)), ==, "Ann");
  choose_person (view, "Fiona");
  g_assert_cmpuint (n_items (view), ==, 1);
  g_assert_cmpint (sl_history_item_get_kind (get_item (view, 0)), ==, SL_AUDIT_DECISION);
  choose_person (view, "Everyone");
  g_assert_cmpuint (n_items (view), ==, 2);

  /* The header's channel: the plan moves money into the second
   * channel, and nothing touches the third. */
  scope = SL_SCOPE_INIT_CHANNEL (data.second_channel);
  sl_view_filter_set_scope (sl_window_get_view_filter (window), &scope);
  sl_ui_test_settle (50);
  g_assert_cmpuint (n_items (view), ==, 1);
  g_assert_cmpint (sl_history_item_get_kind (get_item (view, 0)), ==, SL_AUDIT_DECISION);
  scope = SL_SCOPE_INIT_CHANNEL (data.second_channel + 1);
  sl_view_filter_set_scope (sl_window_get_view_filter (window), &scope);
  sl_ui_test_settle (50);
  g_assert_cmpuint (n_items (view), ==, 0);
  {
    g_autoptr(GPtrArray) pages = sl_ui_test_find_all (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);

    sl_ui_test_settle (300);
    g_assert_cmpuint (pages->len, ==, 1);
    g_assert_true (gtk_widget_get_mapped (pages->pdata[0]));
    g_assert_cmpstr (adw_status_page_get_title (pages->pdata[0]), ==, "Nothing Recorded Yet");
  }
  scope = SL_SCOPE_INIT_WORKSPACE;
  sl_view_filter_set_scope (sl_window_get_view_filter (window), &scope);

  /* A change made now shows at once. */
  {
    g_autoptr(GError) error = NULL;
    SlPeriod april;

    sl_period_init (&april, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (YEAR, 4, 1));
    sl_money_init (&money, 250000, "USD");
    g_assert_true (sl_workspace_set_budget_amount (sl_window_get_workspace (window), SL_BUDGET_PLAN,
                                                   data.first_channel, &april, &money, &error));
    g_assert_no_error (error);
  }
  sl_ui_test_settle (50);
  g_assert_cmpuint (n_items (view), ==, 3);
  g_assert_cmpint (sl_history_item_get_kind (get_item (view, 0)), ==, SL_AUDIT_BUDGET_CHANGE);

  review_data_clear (&data);
  sl_test_remove_tree (dir);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sunlight", NULL);
  ReviewData data = { 0 };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlDatabase) db = sl_database_open (path, SL_DATABASE_CREATE, &error);
    SlDemoOptions options = { .seed = 1, .spend_rows = 0, .fiscal_year = YEAR };

    g_assert_no_error (error);
    sl_demo_write (db, &options, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SlWorkspace) ws = sl_workspace_open (path, &error);

    g_assert_no_error (error);
    review_data_fill (ws, YEAR, TRUE, &data);
    approve_in_march (ws, &data);
  }
  for (guint wide = 0; wide < 2; wide++)
    {
      SlWindow *window = review_open_window (path, wide ? 1280 : 360, wide ? 800 : 720);
      SlHistoryView *view = show_history (window);
      g_assert_cmpuint (n_items (view), >=, 2);
      for (guint dark = 0; dark < 2; dark++)
        {
          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
          sl_ui_test_settle (300);
          sl_ui_test_save_shot (GTK_WIDGET (window), "history", wide, dark, rtl);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  review_data_clear (&data);
  sl_test_remove_tree (dir);
}

void
history_add_tests (void)
{
  g_test_add_func ("/ui/history/lists-and-filters", test_lists_and_filters);
  g_test_add_func ("/ui/history/screenshots", test_screenshots);
}
