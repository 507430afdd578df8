/* sunlight-cli-report-output.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Prints a report three ways: an aligned table for people (money in the
 * locale's format, "—" for an undefined value), and CSV and JSON for
 * programs, exact: money as minor units and a currency code (plus the
 * formatted text), a cost per thing and every ratio also as the exact
 * fraction, an undefined value as empty with its reason. */

#define G_LOG_DOMAIN "sunlight-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sl-csv-reader.h"
#include "sunlight-cli-report.h"

const SlMetric report_metrics[] = {
  SL_METRIC_SPEND, SL_METRIC_LEADS, SL_METRIC_MQLS, SL_METRIC_SQLS, SL_METRIC_OPPORTUNITIES,
  SL_METRIC_NEW_CUSTOMERS, SL_METRIC_REVENUE, SL_METRIC_CPL, SL_METRIC_COST_PER_MQL, SL_METRIC_CAC,
  SL_METRIC_ROI, SL_METRIC_LEAD_TO_CLIENT, SL_METRIC_CLV_CAC,
};
const guint report_n_metrics = G_N_ELEMENTS (report_metrics);

/* Short column titles for the table, in report_metrics' order. */
static const char * const table_titles[] = {
  NC_("report column", "Spend"), NC_("report column", "Leads"), NC_("report column", "MQLs"),
  NC_("report column", "SQLs"), NC_("report column", "Opps"), NC_("report column", "New cust."),
  NC_("report column", "Revenue"), NC_("report column", "CPL"), NC_("report column", "Cost/MQL"),
  NC_("report column", "CAC"), NC_("report column", "ROI"), NC_("report column", "Lead→client"),
  NC_("report column", "CLV:CAC"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_titles) == G_N_ELEMENTS (report_metrics));

/* Why a value is undefined, for programs: stable, never translated (the
 * English of sl_metric_reason_get_label()). */
static const char * const reason_keys[] = {
  [SL_METRIC_REASON_NONE] = "",
  [SL_METRIC_REASON_NO_SPEND] = "no spend",
  [SL_METRIC_REASON_NO_IMPRESSIONS] = "no impressions",
  [SL_METRIC_REASON_NO_CLICKS] = "no clicks",
  [SL_METRIC_REASON_NO_LEADS] = "no leads",
  [SL_METRIC_REASON_NO_MQLS] = "no marketing-qualified leads",
  [SL_METRIC_REASON_NO_SQLS] = "no sales-qualified leads",
  [SL_METRIC_REASON_NO_OPPORTUNITIES] = "no opportunities",
  [SL_METRIC_REASON_NO_CUSTOMERS] = "no new customers",
  [SL_METRIC_REASON_NO_CLOSED_DEALS] = "no closed deals",
  [SL_METRIC_REASON_NO_CONVERSIONS] = "no conversions",
  [SL_METRIC_REASON_NO_REVENUE] = "no revenue",
  [SL_METRIC_REASON_NO_GROSS_PROFIT] = "gross margin unknown",
  [SL_METRIC_REASON_NO_ACCOUNTS] = "no billed accounts",
  [SL_METRIC_REASON_NO_CUSTOMERS_AT_START] = "no customers at the start",
  [SL_METRIC_REASON_NO_CHURN] = "no churn",
  [SL_METRIC_REASON_NO_HEADCOUNT] = "no headcount",
  [SL_METRIC_REASON_NO_DEALS] = "no deals",
  [SL_METRIC_REASON_OVERFLOW] = "too large to compute",
  [SL_METRIC_REASON_NOT_COMPUTED] = "not computed",
  [SL_METRIC_REASON_NO_PLAN] = "no plan",
  [SL_METRIC_REASON_NO_PREVIOUS] = "no figure before",
  [SL_METRIC_REASON_PREVIOUS_ZERO] = "zero before",
};

G_STATIC_ASSERT (G_N_ELEMENTS (reason_keys) == SL_METRIC_N_REASONS);

const char *
report_reason_key (SlMetricReason reason)
{
  g_return_val_if_fail ((guint)reason < G_N_ELEMENTS (reason_keys), "");
  return reason_keys[reason];
}

ReportColumnKind
report_column_kind (SlMetric metric)
{
  switch (sl_metric_get_unit (metric))
    {
    case SL_METRIC_UNIT_COUNT:
      return REPORT_COLUMN_COUNT;
    case SL_METRIC_UNIT_MONEY:
      return metric == SL_METRIC_SPEND || metric == SL_METRIC_REVENUE ? REPORT_COLUMN_AMOUNT : REPORT_COLUMN_PER_THING;
    case SL_METRIC_UNIT_PERCENT:
    case SL_METRIC_UNIT_MULTIPLE:
    case SL_METRIC_UNIT_DAYS:
    default:
      return REPORT_COLUMN_RATIO;
    }
}

/* "new-customers" → "new_customers": names scripts can use as is. */
char *
report_column_key (SlMetric metric)
{
  return g_strdelimit (g_strdup (sl_metric_to_string (metric)), "-", '_');
}

const char *
report_basis_key (SlMetricBasis basis)
{
  return basis == SL_METRIC_BASIS_REVENUE ? "revenue" : basis == SL_METRIC_BASIS_GROSS_PROFIT ? "gross-profit" : "";
}

void
report_row_value (const ReportRow *row,
                  guint            column,
                  SlMetricValue   *out)
{
  sl_metrics_totals_get (&row->totals, report_metrics[column], out);
}

/* Table */

/* Columns a terminal takes to show @text. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
print_cell (const char *text,
            int         width,
            gboolean    right)
{
  int pad = MAX (0, width - display_width (text));

  if (right)
    printf ("%*s%s", pad, "", text);
  else
    printf ("%s%*s", text, pad, "");
}

/* The cells of a row: its name(s), then one per metric. ROI on revenue
 * is marked with a star, explained under the table. */
static GPtrArray *
table_cells (const Report    *report,
             const ReportRow *row,
             gboolean        *on_revenue)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (row->name));
  if (report->by == REPORT_BY_CAMPAIGN)
    g_ptr_array_add (cells, g_strdup (row->channel != NULL ? row->channel : ""));
  for (guint c = 0; c < report_n_metrics; c++)
    {
      SlMetricValue v;
      char *text;

      report_row_value (row, c, &v);
      text = sl_metric_value_format (&v, NULL);
      if (v.basis == SL_METRIC_BASIS_REVENUE)
        {
          char *starred = g_strconcat (text, "*", NULL);

          g_free (text);
          text = starred;
          *on_revenue = TRUE;
        }
      g_ptr_array_add (cells, text);
    }
  return cells;
}

static void
print_table_line (GPtrArray *cells,
                  const int *widths,
                  guint      n_names)
{
  for (guint c = 0; c < cells->len; c++)
    {
      if (c > 0)
        printf ("  ");
      print_cell (g_ptr_array_index (cells, c), widths[c], c >= n_names);
    }
  printf ("\n");
}

static void
print_table_heading (const Report *report)
{
  g_autofree char *label = sl_period_format (&report->period, NULL);
  g_autofree char *first = sl_day_to_iso (report->period.first);
  g_autofree char *last = sl_day_to_iso (report->period.last);

  /* Translators: the workspace's name, the period (e.g. “Q3 FY2025”), then
   * its first and last days */
  printf (_("%s — %s, %s to %s\n"), report->workspace, label, first, last);
  if (report->attributed)
    /* Translators: %s is an attribution model, e.g. “Position-based” */
    printf (_("Revenue as credited by the attribution model: %s\n"), sl_attribution_model_get_label (report->model));
  printf ("\n");
}

void
report_print_table (const Report *report)
{
  guint n_names = report->by == REPORT_BY_CAMPAIGN ? 2 : 1;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autofree int *widths = NULL;
  g_autofree char *rule = NULL;
  gboolean on_revenue = FALSE;
  int total_width = 0;

  /* Translators: the report's first column when it has a row per channel,
   * campaign or month */
  g_ptr_array_add (header, (gpointer)(report->by == REPORT_BY_CHANNEL ? C_("report column", "Channel") :
                                      report->by == REPORT_BY_CAMPAIGN ? C_("report column", "Campaign") :
                                      C_("report column", "Month")));
  if (report->by == REPORT_BY_CAMPAIGN)
    g_ptr_array_add (header, (gpointer)C_("report column", "Channel"));
  for (guint c = 0; c < report_n_metrics; c++)
    g_ptr_array_add (header, (gpointer)g_dpgettext2 (GETTEXT_PACKAGE, "report column", table_titles[c]));

  for (guint r = 0; r < report->rows->len; r++)
    g_ptr_array_add (lines, table_cells (report, g_ptr_array_index (report->rows, r), &on_revenue));
  g_ptr_array_add (lines, table_cells (report, report->total, &on_revenue));

  widths = g_new0 (int, header->len);
  for (guint c = 0; c < header->len; c++)
    {
      widths[c] = display_width (g_ptr_array_index (header, c));
      for (guint r = 0; r < lines->len; r++)
        widths[c] = MAX (widths[c], display_width (g_ptr_array_index ((GPtrArray *)g_ptr_array_index (lines, r), c)));
      total_width += widths[c] + (c > 0 ? 2 : 0);
    }

  print_table_heading (report);
  print_table_line (header, widths, n_names);
  rule = g_strnfill (total_width, '-');
  for (guint r = 0; r < lines->len; r++)
    {
      if (r == lines->len - 1)
        printf ("%s\n", rule);
      print_table_line (g_ptr_array_index (lines, r), widths, n_names);
    }
  if (on_revenue)
    printf ("\n%s\n", _("* ROI on revenue: the gross margin of some won deals is unknown."));
}

/* CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line end
 * quoted, quotes doubled) */

static void
csv_field_int (GString *line,
               gint64   value)
{
  char buffer[24];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  sl_csv_append_field (line, buffer);
}

static void
csv_end_line (GString *line)
{
  g_string_append (line, "\r\n");
  fputs (line->str, stdout);
  g_string_truncate (line, 0);
}

static void
csv_header (const Report *report,
            GString      *line)
{
  static const char * const keys[] = { "row", "channel", "campaign", "month", "first_day", "last_day" };

  sl_csv_append_field (line, keys[0]);
  if (report->by == REPORT_BY_MONTH)
    for (guint i = 3; i < G_N_ELEMENTS (keys); i++)
      sl_csv_append_field (line, keys[i]);
  else
    {
      sl_csv_append_field (line, keys[1]);
      if (report->by == REPORT_BY_CAMPAIGN)
        sl_csv_append_field (line, keys[2]);
    }

  for (guint c = 0; c < report_n_metrics; c++)
    {
      g_autofree char *key = report_column_key (report_metrics[c]);
      ReportColumnKind kind = report_column_kind (report_metrics[c]);
      g_autofree char *minor = g_strconcat (key, "_minor", NULL);
      g_autofree char *currency = g_strconcat (key, "_currency", NULL);
      g_autofree char *fraction = g_strconcat (key, "_fraction", NULL);
      g_autofree char *basis = g_strconcat (key, "_basis", NULL);
      g_autofree char *reason = g_strconcat (key, "_reason", NULL);

      if (kind == REPORT_COLUMN_AMOUNT || kind == REPORT_COLUMN_PER_THING)
        {
          sl_csv_append_field (line, minor);
          sl_csv_append_field (line, currency);
        }
      if (kind == REPORT_COLUMN_PER_THING || kind == REPORT_COLUMN_RATIO)
        sl_csv_append_field (line, fraction);
      sl_csv_append_field (line, key);
      if (report_metrics[c] == SL_METRIC_ROI)
        sl_csv_append_field (line, basis);
      if (kind == REPORT_COLUMN_PER_THING || kind == REPORT_COLUMN_RATIO)
        sl_csv_append_field (line, reason);
    }
  csv_end_line (line);
}

static void
csv_value (GString             *line,
           SlMetric             metric,
           const SlMetricValue *v)
{
  ReportColumnKind kind = report_column_kind (metric);
  gboolean defined = sl_metric_value_is_defined (v);
  g_autofree char *fraction = defined ? g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, v->num, v->den)
                                      : g_strdup ("");
  g_autofree char *shown = NULL;
  SlMoney money;
  double x;

  if (kind == REPORT_COLUMN_COUNT)
    {
      csv_field_int (line, v->num);
      return;
    }
  if (kind == REPORT_COLUMN_AMOUNT || kind == REPORT_COLUMN_PER_THING)
    {
      if (defined && sl_metric_value_to_money (v, &money))
        {
          shown = sl_money_format (&money, NULL);
          csv_field_int (line, money.minor);
          sl_csv_append_field (line, money.currency);
        }
      else
        {
          sl_csv_append_field (line, "");
          sl_csv_append_field (line, "");
        }
    }
  else if (defined && sl_metric_value_to_double (v, &x))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      shown = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", x));
    }
  if (kind != REPORT_COLUMN_AMOUNT)
    sl_csv_append_field (line, fraction);
  sl_csv_append_field (line, shown != NULL ? shown : "");
  if (metric == SL_METRIC_ROI)
    sl_csv_append_field (line, report_basis_key (v->basis));
  if (kind != REPORT_COLUMN_AMOUNT)
    sl_csv_append_field (line, report_reason_key (v->reason));
}

static void
csv_row (const Report    *report,
         const ReportRow *row,
         gboolean         total,
         GString         *line)
{
  sl_csv_append_field (line, total ? "total" : report_by_to_string (report->by));
  if (report->by == REPORT_BY_MONTH)
    {
      g_autofree char *month = total ? g_strdup ("") : sl_period_to_string (&row->period);
      g_autofree char *first = sl_day_to_iso (row->period.first);
      g_autofree char *last = sl_day_to_iso (row->period.last);

      sl_csv_append_field (line, month);
      sl_csv_append_field (line, first);
      sl_csv_append_field (line, last);
    }
  else
    {
      sl_csv_append_field (line, total ? "" : report->by == REPORT_BY_CAMPAIGN ? row->channel : row->name);
      if (report->by == REPORT_BY_CAMPAIGN)
        sl_csv_append_field (line, total ? "" : row->name);
    }
  for (guint c = 0; c < report_n_metrics; c++)
    {
      SlMetricValue v;

      report_row_value (row, c, &v);
      csv_value (line, report_metrics[c], &v);
    }
  csv_end_line (line);
}

void
report_print_csv (const Report *report)
{
  g_autoptr(GString) line = g_string_new (NULL);

  csv_header (report, line);
  for (guint r = 0; r < report->rows->len; r++)
    csv_row (report, g_ptr_array_index (report->rows, r), FALSE, line);
  csv_row (report, report->total, TRUE, line);
}
