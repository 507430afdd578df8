/* test-export.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CSV exports against the engine's figures, and exports that are
 * cancelled or fail leaving nothing behind. */

#include "config.h"

#include "export-fixture.h"
#include "sl-metrics-rows.h"
#include "sl-timeline.h"



/* A value as the CSV should write it, from the engine's value. */
static char *
expected_text (SlMetricValue *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  SlMoney money;
  double x;

  if (!sl_metric_value_is_defined (value))
    return g_strdup ("");
  if (value->unit == SL_METRIC_UNIT_MONEY)
    {
      g_assert_true (sl_metric_value_to_money (value, &money));
      return sl_money_format_plain (&money);
    }
  g_assert_true (sl_metric_value_to_double (value, &x));
  if (value->unit == SL_METRIC_UNIT_COUNT)
    return g_strdup_printf ("%" G_GINT64_FORMAT, value->num);
  if (value->unit == SL_METRIC_UNIT_PERCENT)
    return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%.2f", x * 100), "%", NULL);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", x));
}

static void
assert_value (GStrv          record,
              guint         *column,
              SlMetricValue *value,
              gboolean       has_why)
{
  g_autofree char *expected = expected_text (value);

  g_assert_cmpstr (record[(*column)++], ==, expected);
  if (has_why)
    g_assert_cmpstr (record[(*column)++], ==,
                     sl_metric_value_is_defined (value) ? "" : sl_metric_reason_get_label (value->reason));
}

static void
test_csv_channels (SlWorkspaceFixture *fixture,
                   gconstpointer       data)
{
  static const SlMetric metrics_shown[] = {
    SL_METRIC_SPEND, SL_METRIC_LEADS, SL_METRIC_CPL, SL_METRIC_NEW_CUSTOMERS,
    SL_METRIC_CAC, SL_METRIC_REVENUE, SL_METRIC_ROI, SL_METRIC_CLV_CAC,
  };
  SlExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_odd = FALSE;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_CSV);
  path = export_run (fixture, &options, "channels.csv");
  records = export_read_csv (path);
  header = g_strjoinv ("|", g_ptr_array_index (records, 0));
  g_assert_cmpstr (header, ==, "Channel|Campaign|Currency|Spend|Leads|CPL|Why no CPL|Customers|CAC|Why no CAC|"
                               "Revenue|ROI|Why no ROI|CLV : CAC|Why no CLV : CAC");

  rows = sl_metrics_get_rows (metrics, &options.period, sl_workspace_get_campaigns (fixture->ws), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, rows->len + 1);
  for (guint i = 0; i < rows->len; i++)
    {
      SlMetricsRow *row = &g_array_index (rows, SlMetricsRow, i);
      GStrv record = g_ptr_array_index (records, i + 1);
      SlChannel *channel = sl_channel_store_lookup (sl_workspace_get_channels (fixture->ws), row->channel_id);
      SlCampaign *campaign = sl_campaign_store_lookup (sl_workspace_get_campaigns (fixture->ws), row->campaign_id);
      guint column = 3;

      g_assert_cmpstr (record[0], ==, sl_channel_get_name (channel));
      g_assert_cmpstr (record[1], ==, campaign != NULL ? sl_campaign_get_name (campaign) : "");
      g_assert_cmpstr (record[2], ==, "USD");
      for (guint m = 0; m < G_N_ELEMENTS (metrics_shown); m++)
        {
          SlMetricValue value;

          sl_metrics_totals_get (&row->totals, metrics_shown[m], &value);
          assert_value (record, &column, &value, m == 2 || m == 4 || m == 6 || m == 7);
        }
      g_assert_cmpuint (g_strv_length (record), ==, column);
      saw_odd |= g_str_equal (record[0], EXPORT_ODD_CHANNEL);
    }
  g_assert_true (saw_odd);

  /* DOMAIN.md's figures, as written: Search's CPL is $20, Social's CAC $1,000. */
  g_assert_cmpstr (((GStrv)g_ptr_array_index (records, 1))[3], ==, "10000.00");
  g_assert_cmpstr (((GStrv)g_ptr_array_index (records, 1))[5], ==, "20.00");
}

static void
test_csv_quoting (SlWorkspaceFixture *fixture,
                  gconstpointer       data)
{
  SlExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_CSV);
  path = export_run (fixture, &options, "quoting.csv");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* UTF-8 behind a byte order mark, CRLF line ends, RFC 4180 quotes. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Channel,Campaign,Currency,"));
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_nonnull (strstr (contents, "\r\n\"Radio, \"\"local\"\" วิทยุ\",,USD,250.50,0,,no leads,"));
  g_assert_nonnull (strstr (contents, "\r\n\"Radio, \"\"local\"\" วิทยุ\",Drive,USD,250.50,"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  g_assert_null (strstr (contents, "\n\n"));
  for (const char *p = strchr (contents, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
}

static void
assert_month (GStrv                 record,
              const SlPeriod       *period,
              const char           *label,
              const SlTimelineCell *cell)
{
  g_autofree char *first = sl_day_to_iso (period->first);
  g_autofree char *last = sl_day_to_iso (period->last);
  gint64 amounts[] = { cell->plan_minor, cell->committed_minor, cell->actual_minor };
  SlMetricValue outlook, variance, share = cell->variance_share, forecast;
  guint column = 4;

  g_assert_cmpstr (record[0], ==, label);
  g_assert_cmpstr (record[1], ==, first);
  g_assert_cmpstr (record[2], ==, last);
  g_assert_cmpstr (record[3], ==, "USD");
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      SlMetricValue value;

      sl_metric_value_init_money (&value, amounts[i], "USD");
      assert_value (record, &column, &value, FALSE);
    }
  sl_metric_value_init_money (&forecast, cell->forecast_minor, "USD");
  if (cell->has_forecast)
    assert_value (record, &column, &forecast, TRUE);
  else
    {
      g_assert_cmpstr (record[column++], ==, "");
      g_assert_cmpstr (record[column++], ==, "no forecast");
    }
  sl_metric_value_init_money (&outlook, cell->outlook_minor, "USD");
  sl_metric_value_init_money (&variance, cell->variance_minor, "USD");
  assert_value (record, &column, &outlook, FALSE);
  assert_value (record, &column, &variance, FALSE);
  assert_value (record, &column, &share, TRUE);
  g_assert_cmpuint (g_strv_length (record), ==, column);
}

static void
test_csv_months (SlWorkspaceFixture *fixture,
                 gconstpointer       data)
{
  SlExportOptions options;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (fixture->ws));
  g_autoptr(SlTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  SlPeriod year;
  guint n;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_CSV);
  options.table = SL_EXPORT_TABLE_MONTHS;
  path = export_run (fixture, &options, "months.csv");
  records = export_read_csv (path);

  /* The fiscal year holding the period, as of the day asked for. */
  sl_workspace_get_fiscal_year (fixture->ws, EXPORT_MAR (31), &year);
  timeline = sl_timeline_compute (metrics, &year, options.as_of, 0, NULL, &error);
  g_assert_no_error (error);
  n = sl_timeline_get_n_months (timeline);
  g_assert_cmpuint (n, ==, 12);
  g_assert_cmpuint (records->len, ==, n + 2);
  for (guint m = 0; m < n; m++)
    {
      const SlPeriod *month = &sl_timeline_get_month (timeline, m)->period;
      g_autofree char *label = sl_period_format (month, NULL);

      assert_month (g_ptr_array_index (records, m + 1), month, label,
                    sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m));
    }
  assert_month (g_ptr_array_index (records, n + 1), &year, "Total",
                sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL));
  /* March's plan and actual spend, as set and imported. */
  g_assert_cmpstr (((GStrv)g_ptr_array_index (records, 3))[4], ==, "20000.00");
  g_assert_cmpstr (((GStrv)g_ptr_array_index (records, 3))[6], ==, "20250.50");
}

static void
test_csv_plan_lines (SlWorkspaceFixture *fixture,
                     gconstpointer       data)
{
  SlExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *header = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) records = NULL;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_CSV);
  options.table = SL_EXPORT_TABLE_PLAN_LINES;
  path = export_run (fixture, &options, "plans.csv");
  records = export_read_csv (path);
  g_assert_cmpuint (records->len, ==, 2);
  header = g_strjoinv ("|", g_ptr_array_index (records, 0));
  g_assert_cmpstr (header, ==, "Plan|Status|From|From month|To|To month|Currency|Amount");
  line = g_strjoinv ("|", g_ptr_array_index (records, 1));
  g_assert_cmpstr (line, ==, EXPORT_PLAN_TITLE "|Approved|Search|March 2025|Social|March 2025|USD|1000.00");

  /* A period the plan does not touch has no lines. */
  g_clear_pointer (&records, g_ptr_array_unref);
  g_clear_pointer (&path, g_free);
  sl_period_init (&options.period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 5, 1));
  path = export_run (fixture, &options, "may.csv");
  records = export_read_csv (path);
  g_assert_cmpuint (records->len, ==, 1);
}

/* Cancelling and failing */

static void
assert_nothing_left (SlWorkspaceFixture *fixture,
                     const char         *path)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (sl_export_run_finish (result, error));
}

static void
test_cancel_async (SlWorkspaceFixture *fixture,
                   gconstpointer       data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.xlsx", NULL);
  GError *error = NULL;
  SlExportOptions options;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_XLSX);
  sl_export_run_async (fixture->path, path, &options, NULL, NULL, cancellable, export_done_cb, &error);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_nothing_left (fixture, path);
}

typedef struct
{
  GCancellable *cancellable;
  const char   *when;    /* cancel once what is being done starts so */
  guint         calls;
  double        last;
} CancelAt;

static void
cancel_at_cb (double      fraction,
              const char *what,
              gpointer    user_data)
{
  CancelAt *at = user_data;

  /* Progress only moves forward, and says what it is doing. */
  g_assert_cmpfloat (fraction, >=, at->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (what);
  at->last = fraction;
  at->calls++;
  if (g_str_has_prefix (what, at->when))
    g_cancellable_cancel (at->cancellable);
}

/* Cancelled between pages and between rows, in the middle of drawing. */
static void
test_cancel_pdf_pages (SlWorkspaceFixture *fixture,
                       gconstpointer       data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autoptr(GError) error = NULL;
  CancelAt at = { cancellable, "Drawing page 1 ", 0, 0.0 };
  SlExportOptions options;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_PDF);
  g_assert_false (sl_export_run (fixture->path, path, &options, cancel_at_cb, &at, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (at.calls, >, 3);
  g_assert_cmpfloat (at.last, <, 1.0);
  assert_nothing_left (fixture, path);
}

static void
test_progress_complete (SlWorkspaceFixture *fixture,
                        gconstpointer       data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "done.csv", NULL);
  g_autoptr(GError) error = NULL;
  CancelAt at = { cancellable, "never", 0, 0.0 };
  SlExportOptions options;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_CSV);
  g_assert_true (sl_export_run (fixture->path, path, &options, cancel_at_cb, &at, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (at.last, ==, 1.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_failure_leaves_nothing (SlWorkspaceFixture *fixture,
                             gconstpointer       data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "out.csv", NULL);
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *no_workspace = g_build_filename (fixture->dir, "missing.sunlight", NULL);
  g_autoptr(GError) error = NULL;
  SlExportOptions options;

  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_CSV);
  g_assert_false (sl_export_run (fixture->path, missing, &options, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  options.format = SL_EXPORT_PDF;
  g_assert_false (sl_export_run (no_workspace, elsewhere, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_FOUND);
  assert_nothing_left (fixture, elsewhere);
}

/* Without its writer module an XLSX export fails, naming the module, and
 * leaves nothing. It points SL_XLSX_MODULE elsewhere for the rest of the
 * process: no other test here writes a workbook. */
static void
test_xlsx_without_module (SlWorkspaceFixture *fixture,
                          gconstpointer       data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  SlExportOptions options;

  g_setenv ("SL_XLSX_MODULE", "/nonexistent/sunlight-xlsx.so", TRUE);
  export_options_init (&options, SL_CALENDAR_GREGORIAN, SL_EXPORT_XLSX);
  g_assert_false (sl_export_run (fixture->path, path, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "sunlight-xlsx"));
  assert_nothing_left (fixture, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("CSV exports match the engine; cancelled or failed exports leave nothing");

#define ADD(path, func) \
  g_test_add (path, SlWorkspaceFixture, NULL, export_fixture_setup, func, sl_workspace_fixture_teardown)
  ADD ("/export/csv/channels", test_csv_channels);
  ADD ("/export/csv/quoting", test_csv_quoting);
  ADD ("/export/csv/months", test_csv_months);
  ADD ("/export/csv/plan-lines", test_csv_plan_lines);
  ADD ("/export/cancel/async", test_cancel_async);
  ADD ("/export/cancel/pdf-pages", test_cancel_pdf_pages);
  ADD ("/export/progress", test_progress_complete);
  ADD ("/export/failure", test_failure_leaves_nothing);
  ADD ("/export/xlsx-without-module", test_xlsx_without_module);
#undef ADD

  return g_test_run ();
}
