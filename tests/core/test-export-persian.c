/* test-export-persian.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The review pack in Persian: laid out right to left, its text shaped
 * and extracted again, its pages saved (build/screenshots/export) to
 * look at. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "export-fixture.h"
#include "sl-metrics-rows.h"

#define PERSIAN_NAME "بازاریابی نورث‌ویند"

static void
test_pdf_persian (SlWorkspaceFixture *fixture,
                  gconstpointer       data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *path = NULL;
  g_autofree char *extracted = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *heading = NULL;
  SlExportOptions options;
  guint n_pages = 0;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_PDF);
  /* Persian is written right to left: the pack is laid out so. */
  g_assert_true (options.rtl);
  path = export_run (fixture, &options, "review-fa.pdf");
  extracted = export_read_pdf (path, "review-fa", &n_pages);
  text = export_normalize_full (extracted, TRUE);
  name = export_normalize_full (PERSIAN_NAME, TRUE);
  note = export_normalize_full (EXPORT_NOTE, TRUE);

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_nonnull (strstr (text, name));
  g_assert_nonnull (strstr (text, note));
  /* Headings in Persian, and amounts with Persian digits. */
  g_assert_cmpstr (_("Key figures"), !=, "Key figures");
  heading = export_normalize_full (_("Key figures"), TRUE);
  g_assert_nonnull (strstr (text, heading));

  rows = sl_metrics_get_rows (metrics, &options.period, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *formatted = NULL;
      g_autofree char *spend = NULL;
      SlMoney money;

      sl_money_init (&money, g_array_index (rows, SlMetricsRow, i).totals.spend_minor, "USD");
      formatted = sl_money_format (&money, NULL);
      g_assert_nonnull (strstr (formatted, "۰"));
      spend = export_normalize_full (formatted, TRUE);
      g_assert_nonnull (strstr (text, spend));
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("SL_LOCALE_DIR");

  g_setenv ("LANGUAGE", "fa", TRUE);
  /* ICU reads the locale from the environment, like the real app's. */
  g_setenv ("LC_ALL", "fa_IR.UTF-8", TRUE);
  if (setlocale (LC_ALL, "fa_IR.UTF-8") == NULL)
    {
      g_printerr ("Bail out! The fa_IR.UTF-8 locale is missing (build-aux/dev test makes it)\n");
      return 1;
    }
  g_assert_nonnull (locale_dir);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/pdf/persian", SlWorkspaceFixture, PERSIAN_NAME,
              export_fixture_setup, test_pdf_persian, sl_workspace_fixture_teardown);
  return g_test_run ();
}
