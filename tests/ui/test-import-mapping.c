/* test-import-mapping.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The import dialog on exports no preset knows: the user picks each
 * field's column, the channel and how amounts are written, saves that
 * as a mapping, and the next export of that source is recognised and
 * imports as it is; an undated export asks for the day of its rows.
 * Part of test-import (the same window and workspace). */

#include "config.h"

#include "sl-import-mapping.h"
#include "sl-test-utils.h"
#include "sl-ui-test-utils.h"
#include "test-import.h"

#define TIKTOK_HEADER "Stat time;Ad group;Total cost;Impr;Clicks (destination);Purchases\n"

static void
choose_column (SlImportDialog *dialog,
               const char     *field,
               const char     *column)
{
  AdwComboRow *row = find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", field);
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), column))
      {
        adw_combo_row_set_selected (row, i);
        sl_ui_test_settle (50);
        return;
      }
  g_assert_not_reached ();
}

static void
set_entry_row (SlImportDialog *dialog,
               const char     *title,
               const char     *text)
{
  AdwEntryRow *row = find_widget (dialog, ADW_TYPE_ENTRY_ROW, "title", title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  sl_ui_test_settle (50);
}

static gboolean
can_import (SlImportDialog *dialog)
{
  return gtk_widget_is_sensitive (find_widget (dialog, GTK_TYPE_BUTTON, "action-name", "import.start"));
}

static const char *
mapping_subtitle (SlImportDialog *dialog)
{
  return adw_expander_row_get_subtitle (find_widget (dialog, ADW_TYPE_EXPANDER_ROW, NULL, NULL));
}

static gboolean
shows_row (SlImportDialog *dialog,
           const char     *title)
{
  GtkWidget *row = find_widget (dialog, ADW_TYPE_PREFERENCES_ROW, "title", title);

  g_assert_nonnull (row);
  return gtk_widget_is_drawable (row);
}

static void
undo_imports (void)
{
  while (count ("SELECT count (*) FROM import_batch") > 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", "x",
                                               count ("SELECT max (id) FROM import_batch")));
  sl_ui_test_settle (100);
  assert_workspace_empty ();
}

/* Chooses TikTok's columns, then saves them as “TikTok Ads”. */
static void
map_tiktok (SlImportDialog *dialog)
{
  /* Nothing says where the date, channel and spend are: the columns
   * are open to choose them, and Import waits. */
  g_assert_false (can_import (dialog));
  g_assert_true (adw_expander_row_get_expanded (find_widget (dialog, ADW_TYPE_EXPANDER_ROW, NULL, NULL)));
  g_assert_true (shows_row (dialog, "Missing Columns"));
  g_assert_cmpstr (mapping_subtitle (dialog), ==, "Columns by name");
  /* Found by its name, as a preset would. */
  g_assert_cmpuint (adw_combo_row_get_selected (find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", "Impressions")), ==, 4);

  choose_column (dialog, "Date", "Stat time");
  g_assert_cmpstr (mapping_subtitle (dialog), ==, "Custom");
  choose_column (dialog, "Campaign", "Ad group");
  choose_column (dialog, "Spend", "Total cost");
  choose_column (dialog, "Clicks", "Clicks (destination)");
  choose_column (dialog, "Conversions", "Purchases");
  /* The channel is missing still: this export is TikTok's alone. */
  g_assert_false (can_import (dialog));
  g_assert_true (shows_text (dialog, "Channel"));
  set_entry_row (dialog, "C_hannel of Every Row", "TikTok");
  g_assert_true (can_import (dialog));
  g_assert_false (shows_row (dialog, "Missing Columns"));

  /* The day-first dates were found once the date had a column. */
  g_assert_cmpuint (adw_combo_row_get_selected (find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", "Dates Are Written")),
                    ==, 2);
  adw_combo_row_set_selected (find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", "_Amounts Are Written"), 1);
  set_entry_row (dialog, "_Save Mapping As", "TikTok Ads");
}

static void
test_mapping_saved (void)
{
  g_autoptr(GFile) april = write_csv ("tiktok-april.csv",
                                      TIKTOK_HEADER
                                      "03/04/2025;Spring;1.234,50;10000;300;12\n"
                                      "04/04/2025;Spring;0,50;20;1;0\n"
                                      "15/04/2025;Retarget;10,00;500;20;1\n");
  g_autoptr(GFile) may = write_csv ("tiktok-may.csv",
                                    TIKTOK_HEADER
                                    "02/05/2025;Spring;2,00;10;1;0\n");
  g_autoptr(SlImportMapping) saved = NULL;
  g_autoptr(GError) error = NULL;
  SlDatabase *db = sl_workspace_get_database (sl_window_get_workspace (window));
  SlImportDialog *dialog = open_dialog (april);

  map_tiktok (dialog);
  import_and_wait (dialog);

  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 3);
  g_assert_cmpint (count ("SELECT sum (amount_minor) FROM spend"), ==, 124500);
  g_assert_cmpint (count ("SELECT sum (conversions) FROM rollup_day"), ==, 13);
  g_assert_cmpint (count ("SELECT max (day) FROM spend"), ==, sl_day_from_ymd (2025, 4, 15));
  g_assert_cmpint (count ("SELECT count (*) FROM channel WHERE name = 'TikTok'"), ==, 1);
  g_assert_cmpint (count ("SELECT count (*) FROM campaign WHERE name = 'Retarget'"), ==, 1);
  /* Saved with the import, with its channel, dates and decimal comma. */
  g_assert_cmpint (count ("SELECT count (*) FROM import_mapping WHERE source = 'TikTok Ads' AND kind = 'spend'"), ==, 1);
  g_assert_cmpint (count ("SELECT count (*) FROM import_batch WHERE mapping = 'TikTok Ads'"), ==, 1);
  saved = sl_import_mapping_load (db, "TikTok Ads", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->channel, ==, "TikTok");
  g_assert_cmpstr (sl_import_mapping_get_column (saved, "spend"), ==, "Total cost");
  g_assert_cmpstr (sl_import_mapping_get_column (saved, "currency"), ==, "");
  g_assert_cmpint (saved->date_order, ==, SL_DATE_ORDER_DMY);
  g_assert_true (saved->decimal_comma);

  /* The next export of that source is recognised: one click imports it,
   * its 02/05 read day first as saved. */
  dialog = open_dialog (may);
  g_assert_cmpstr (mapping_subtitle (dialog), ==, "TikTok Ads (saved)");
  g_assert_false (adw_expander_row_get_expanded (find_widget (dialog, ADW_TYPE_EXPANDER_ROW, NULL, NULL)));
  g_assert_false (shows_row (dialog, "Missing Columns"));
  g_assert_true (can_import (dialog));
  import_and_wait (dialog);
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 4);
  g_assert_cmpint (count ("SELECT max (day) FROM spend"), ==, sl_day_from_ymd (2025, 5, 2));
  g_assert_cmpint (count ("SELECT sum (amount_minor) FROM spend"), ==, 124700);
  g_assert_cmpint (count ("SELECT count (*) FROM import_batch WHERE mapping = 'TikTok Ads'"), ==, 2);
  g_assert_cmpint (count ("SELECT count (*) FROM import_mapping"), ==, 1);

  undo_imports ();
  g_assert_true (sl_import_mapping_delete (db, "TikTok Ads", &error));
  g_assert_no_error (error);
}

static void
test_undated (void)
{
  g_autoptr(GFile) file = write_csv ("undated.csv",
                                     "Platform,Ad set,Amount spent\n"
                                     "Meta,Spring,10.50\n"
                                     "Meta,Autumn,4.25\n"
                                     "Pinterest,Spring,1.00\n");
  SlImportDialog *dialog = open_dialog (file);
  GtkEntry *day = find_widget (dialog, GTK_TYPE_ENTRY, "placeholder-text", "YYYY-MM-DD");
  GtkCalendar *calendar = find_widget (dialog, GTK_TYPE_CALENDAR, NULL, NULL);
  g_autoptr(GDateTime) date = g_date_time_new_local (2025, 3, 14, 0, 0, 0);

  /* No dates: the day is asked for; the date order means nothing here. */
  g_assert_true (shows_row (dialog, "_Day of Every Row"));
  g_assert_false (shows_row (dialog, "Dates Are Written"));
  g_assert_false (shows_row (dialog, "Missing Columns"));
  g_assert_false (shows_row (dialog, "Closed Deals _File"));
  g_assert_false (can_import (dialog));

  /* Not a day: refused, and said so. */
  gtk_editable_set_text (GTK_EDITABLE (day), "2025-02-30");
  g_assert_false (can_import (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (day), "error"));
  /* The calendar writes the day it is given. */
  gtk_calendar_select_day (calendar, date);
  g_signal_emit_by_name (calendar, "day-selected");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day)), ==, "2025-03-14");
  gtk_editable_set_text (GTK_EDITABLE (day), "2025-03-15");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (day), "error"));
  g_assert_true (can_import (dialog));

  /* Enter in the day imports. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  /* What Enter does in the entry. */
  g_signal_emit_by_name (find_widget (day, GTK_TYPE_TEXT, NULL, NULL), "activate");
  g_assert_true (sl_ui_test_iterate_until (is_null_cb, &dialog, 10000));
  g_assert_cmpint (count ("SELECT count (*) FROM spend"), ==, 3);
  g_assert_cmpint (count ("SELECT count (DISTINCT day) FROM spend"), ==, 1);
  g_assert_cmpint (count ("SELECT min (day) FROM spend"), ==, sl_day_from_ymd (2025, 3, 15));
  g_assert_cmpint (count ("SELECT count (*) FROM channel"), ==, 2);
  undo_imports ();
}

/* Funnels may join a second file; other kinds have no such row. */
static void
test_join_row (void)
{
  g_autoptr(GFile) file = write_csv ("leads.csv",
                                     "mql_id,first_contact_date,origin\n"
                                     "a1,2025-03-01,paid_search\n");
  SlImportDialog *dialog = open_dialog (file);
  AdwComboRow *kind = find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", "What Is in This File");

  g_assert_false (shows_row (dialog, "Closed Deals _File"));
  adw_combo_row_set_selected (kind, SL_IMPORT_FUNNEL);
  sl_ui_test_settle (100);
  g_assert_true (shows_row (dialog, "Closed Deals _File"));
  g_assert_true (shows_text (dialog, "Optional"));
  /* The funnel's own fields to choose from. */
  g_assert_nonnull (find_widget (dialog, ADW_TYPE_COMBO_ROW, "title", "Touchpoints"));
  g_assert_null (find_widget (dialog, ADW_TYPE_ENTRY_ROW, "title", "C_hannel of Every Row"));
  adw_combo_row_set_selected (kind, SL_IMPORT_SPEND);
  sl_ui_test_settle (100);
  g_assert_false (shows_row (dialog, "Closed Deals _File"));
  gtk_window_close (GTK_WINDOW (dialog));
  sl_ui_test_settle (100);
  assert_workspace_empty ();
}

void
add_mapping_tests (void)
{
  g_test_add_func ("/ui/import/mapping/saved", test_mapping_saved);
  g_test_add_func ("/ui/import/mapping/undated", test_undated);
  g_test_add_func ("/ui/import/mapping/join-row", test_join_row);
}
