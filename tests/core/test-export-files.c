/* test-export-files.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The files as others read them: the workbook opened by LibreOffice
 * (converted headless to CSV, every sheet, numbers as shown) and its
 * numbers compared with the engine's; the review pack read by poppler
 * (its text, and its pages as pictures in build/screenshots/export). */

#include "config.h"

#include "export-fixture.h"
#include "sl-metrics-rows.h"
#include "sl-timeline.h"

/* "$1,234.50" → "1234.50"; "-$20.00" → "-20.00"; "12.5%" → "12.5". */
static char *
bare_number (const char *shown)
{
  GString *out = g_string_new (NULL);

  for (const char *p = shown; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '.' || *p == '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A cell of the sheet as LibreOffice shows it, against the engine's
 * value: money to the cent with its sign, shares to a tenth of a
 * percent, multiples to a hundredth, undefined as nothing. */
static void
assert_shown (const char          *shown,
              const SlMetricValue *value)
{
  g_autofree char *number = bare_number (shown);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  SlMoney money;
  double x;

  if (!sl_metric_value_is_defined (value))
    {
      g_assert_cmpstr (shown, ==, "");
      return;
    }
  if (value->unit == SL_METRIC_UNIT_MONEY)
    {
      g_autofree char *plain = NULL;

      g_assert_true (sl_metric_value_to_money (value, &money));
      plain = sl_money_format_plain (&money);
      g_assert_cmpstr (number, ==, plain);
      /* A number shown with the money format, not text. */
      g_assert_nonnull (strchr (shown, '$'));
      return;
    }
  g_assert_true (sl_metric_value_to_double (value, &x));
  if (value->unit == SL_METRIC_UNIT_PERCENT)
    {
      g_assert_true (g_str_has_suffix (shown, "%"));
      g_assert_cmpstr (number, ==, g_ascii_formatd (buffer, sizeof buffer, "%.1f", x * 100));
    }
  else if (value->unit == SL_METRIC_UNIT_MULTIPLE)
    g_assert_cmpstr (number, ==, g_ascii_formatd (buffer, sizeof buffer, "%.2f", x));
  else
    g_assert_cmpstr (number, ==, g_ascii_formatd (buffer, sizeof buffer, "%.0f", x));
}

static void
check_channels_sheet (SlWorkspaceFixture    *fixture,
                      const SlExportOptions *options,
                      GPtrArray             *records)
{
  static const SlMetric shown[] = {
    SL_METRIC_SPEND, SL_METRIC_LEADS, SL_METRIC_CPL, SL_METRIC_NEW_CUSTOMERS,
    SL_METRIC_CAC, SL_METRIC_REVENUE, SL_METRIC_ROI, SL_METRIC_CLV_CAC,
  };
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = sl_metrics_get_rows (metrics, &options->period,
                                                sl_workspace_get_campaigns (fixture->ws), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, rows->len + 1);
  g_assert_cmpstr (((GStrv)g_ptr_array_index (records, 0))[2], ==, "Spend");
  for (guint i = 0; i < rows->len; i++)
    {
      SlMetricsRow *row = &g_array_index (rows, SlMetricsRow, i);
      GStrv record = g_ptr_array_index (records, i + 1);

      g_assert_cmpstr (record[0], ==, sl_channel_get_name (sl_channel_store_lookup (
        sl_workspace_get_channels (fixture->ws), row->channel_id)));
      for (guint m = 0; m < G_N_ELEMENTS (shown); m++)
        {
          SlMetricValue value;

          sl_metrics_totals_get (&row->totals, shown[m], &value);
          assert_shown (record[2 + m], &value);
        }
    }
}

static void
check_months_sheet (SlWorkspaceFixture    *fixture,
                    const SlExportOptions *options,
                    GPtrArray             *records)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(SlTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod year;

  sl_workspace_get_fiscal_year (fixture->ws, options->period.last, &year);
  timeline = sl_timeline_compute (metrics, &year, options->as_of, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, sl_timeline_get_n_months (timeline) + 2);
  for (guint m = 0; m <= sl_timeline_get_n_months (timeline); m++)
    {
      guint index = m < sl_timeline_get_n_months (timeline) ? m : SL_TIMELINE_TOTAL;
      const SlTimelineCell *cell = sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, index);
      gint64 amounts[] = { cell->plan_minor, cell->committed_minor, cell->actual_minor, cell->forecast_minor,
                           cell->outlook_minor, cell->variance_minor };
      GStrv record = g_ptr_array_index (records, m + 1);

      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        {
          SlMetricValue value;

          if (i == 3 && !cell->has_forecast)
            sl_metric_value_init_undefined (&value, SL_METRIC_UNIT_MONEY, "USD", SL_METRIC_REASON_NOT_COMPUTED);
          else
            sl_metric_value_init_money (&value, amounts[i], "USD");
          assert_shown (record[3 + i], &value);
        }
      assert_shown (record[9], &cell->variance_share);
    }
}

static void
test_xlsx_libreoffice (SlWorkspaceFixture *fixture,
                       gconstpointer       data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", fixture->dir, "/lo-profile", NULL);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "converted", NULL);
  g_autofree char *path = NULL;
  g_autofree char *channels_csv = g_build_filename (out_dir, "review-Channels.csv", NULL);
  g_autofree char *months_csv = g_build_filename (out_dir, "review-Months.csv", NULL);
  g_autofree char *lines_csv = g_build_filename (out_dir, "review-Plan lines.csv", NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GPtrArray) months = NULL;
  SlExportOptions options;

  /* A real reader or no test: this must not pass without LibreOffice. */
  if (soffice == NULL)
    g_error ("soffice (LibreOffice Calc) is needed to read the exported workbook");

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_XLSX);
  path = export_run (fixture, &options, "review.xlsx");
  {
    /* Every sheet (-1), UTF-8 (76), cells as shown (true), US English. */
    const char *argv[] = {
      soffice, profile, "--headless", "--norestore", "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1",
      "--outdir", out_dir, path, NULL,
    };

    export_spawn (argv);
  }

  channels = export_read_csv (channels_csv);
  check_channels_sheet (fixture, &options, channels);
  months = export_read_csv (months_csv);
  check_months_sheet (fixture, &options, months);
  lines = export_read_csv (lines_csv);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (((GStrv)g_ptr_array_index (lines, 1))[0], ==, EXPORT_PLAN_TITLE);
  g_assert_cmpstr (((GStrv)g_ptr_array_index (lines, 1))[6], ==, "$1,000.00");
}

static void
test_pdf_text (SlWorkspaceFixture *fixture,
               gconstpointer       data)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  SlExportOptions options;
  guint n_pages = 0;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_PDF);
  path = export_run (fixture, &options, "review.pdf");
  text = export_read_pdf (path, "review-en", &n_pages);

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_nonnull (strstr (text, EXPORT_NAME));
  g_assert_nonnull (strstr (text, "March 2025"));
  g_assert_nonnull (strstr (text, EXPORT_WIN_TITLE));
  g_assert_nonnull (strstr (text, EXPORT_NOTE));
  g_assert_nonnull (strstr (text, EXPORT_PLAN_TITLE));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  rows = sl_metrics_get_rows (metrics, &options.period, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      SlMetricsRow *row = &g_array_index (rows, SlMetricsRow, i);
      g_autofree char *formatted = NULL;
      g_autofree char *spend = NULL;
      SlMoney money;

      sl_money_init (&money, row->totals.spend_minor, "USD");
      formatted = sl_money_format (&money, NULL);
      spend = export_normalize (formatted);
      g_assert_nonnull (strstr (text, spend));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("The workbook read by LibreOffice and the review pack read by poppler");

  g_test_add ("/export/xlsx/libreoffice", SlWorkspaceFixture, NULL,
              export_fixture_setup, test_xlsx_libreoffice, sl_workspace_fixture_teardown);
  g_test_add ("/export/pdf/text", SlWorkspaceFixture, NULL,
              export_fixture_setup, test_pdf_text, sl_workspace_fixture_teardown);

  return g_test_run ();
}
