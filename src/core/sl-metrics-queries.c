/* sl-metrics-queries.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The metrics engine's queries. Funnel figures are sums of rollup_day
 * over the period's days (an index range: the cost is the days × campaigns
 * shown, not the history); customer figures read customer_mrr by billing
 * month (indexed by month); the rest is in docs/metrics.md. Every
 * fetcher adds into an SlMetricsTarget: one total, or one per channel. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-metrics-private.h"

#define FUNNEL_COLUMNS \
  "sum (spend_minor), sum (impressions), sum (clicks), sum (conversions), sum (leads), " \
  "sum (mqls), sum (sqls), sum (opportunities), sum (won), sum (lost), sum (won_minor), " \
  "sum (won_gross_profit_minor)"

/* One statement per scope, so that each uses its index: (day),
 * (channel_id, day) or the key (campaign_id, day); the last lists the
 * whole workspace by campaign (a campaign table). Tables take the rows
 * unsummed and add them up by channel or campaign: a GROUP BY over a
 * year of rollups is a sort that costs more than reading them, and they
 * are read along the key, campaign by campaign (the index on day would
 * look each row up in the table again). */
#define FUNNEL_FIELDS \
  "spend_minor, impressions, clicks, conversions, leads, mqls, sqls, opportunities, " \
  "won, lost, won_minor, won_gross_profit_minor"
static const char * const funnel_sql[] = {
  [SL_SCOPE_WORKSPACE] = "SELECT channel_id, " FUNNEL_FIELDS " FROM rollup_day "
                         "WHERE campaign_id IN (SELECT id FROM campaign) AND day BETWEEN ?1 AND ?2",
  [SL_SCOPE_CHANNEL] = "SELECT channel_id, " FUNNEL_COLUMNS " FROM rollup_day "
                       "WHERE channel_id = ?9 AND day BETWEEN ?1 AND ?2 GROUP BY channel_id",
  [SL_SCOPE_CAMPAIGN] = "SELECT channel_id, " FUNNEL_COLUMNS " FROM rollup_day "
                        "WHERE campaign_id = ?9 AND day BETWEEN ?1 AND ?2 GROUP BY channel_id",
  [SL_SCOPE_CAMPAIGN + 1] = "SELECT campaign_id, " FUNNEL_FIELDS " FROM rollup_day "
                            "WHERE campaign_id IN (SELECT id FROM campaign) AND day BETWEEN ?1 AND ?2",
};

/* A campaign's channel, as rollup_day has it. */
#define DEAL_SCOPE SL_METRICS_DEAL_SCOPE
#define CUSTOMER_SCOPE \
  "(?8 = 0 OR (?8 = 1 AND cu.channel_id = ?9) OR (?8 = 2 AND cu.campaign_id = ?9))"

/* The statements below come in two forms: rows keyed by channel, and by
 * campaign for a campaign table (SlMetricsTarget.by_campaign). */
#define KEYED(SQL) { SQL ("channel_id"), SQL ("campaign_id") }

/* Won deals whose gross profit is unknown (the partial index on won_day). */
#define UNKNOWN_GP_SQL(key) \
  "SELECT c." key ", count(*), sum (ifnull (d.amount_minor, 0)) FROM deal d " \
  "JOIN campaign c ON c.id = d.campaign_id " \
  "WHERE d.won_day BETWEEN ?1 AND ?2 AND d.gross_profit_minor IS NULL AND " DEAL_SCOPE " " \
  "GROUP BY c." key
/* A campaign table keys deals by their campaign, c.id. */
static const char * const unknown_gp_sql[] = { UNKNOWN_GP_SQL ("channel_id"), UNKNOWN_GP_SQL ("id") };

/* One billing month ?1 against the month before, ?2. */
#define MONTH_SQL(key) \
  "SELECT cu." key ", count(*), sum (m.mrr_minor), " \
  "  sum (CASE WHEN m.gross_profit_minor IS NOT NULL THEN m.mrr_minor ELSE 0 END), " \
  "  sum (ifnull (m.gross_profit_minor, 0)), " \
  "  sum (CASE WHEN p.customer_id IS NOT NULL THEN m.mrr_minor - p.mrr_minor ELSE 0 END) " \
  "FROM customer_mrr m JOIN customer cu ON cu.id = m.customer_id " \
  "LEFT JOIN customer_mrr p ON p.customer_id = m.customer_id AND p.month_day = ?2 " \
  "WHERE m.month_day = ?1 AND " CUSTOMER_SCOPE " GROUP BY cu." key
static const char * const month_sql[] = KEYED (MONTH_SQL);

/* Customers billed in month ?1, and how many of them are billed in ?2. */
#define KEPT_SQL(key) \
  "SELECT cu." key ", count(*), count(m.customer_id) " \
  "FROM customer_mrr p JOIN customer cu ON cu.id = p.customer_id " \
  "LEFT JOIN customer_mrr m ON m.customer_id = p.customer_id AND m.month_day = ?2 " \
  "WHERE p.month_day = ?1 AND " CUSTOMER_SCOPE " GROUP BY cu." key
static const char * const kept_sql[] = KEYED (KEPT_SQL);

#define MRR_SQL(key) \
  "SELECT cu." key ", sum (m.mrr_minor) FROM customer_mrr m " \
  "JOIN customer cu ON cu.id = m.customer_id " \
  "WHERE m.month_day = ?1 AND " CUSTOMER_SCOPE " GROUP BY cu." key
static const char * const mrr_sql[] = KEYED (MRR_SQL);

/* The days of stage ?3 and ?4 (SlFunnelStage numbers) of the deals
 * that reached ?4 in the period. */
#define STAGE_DAY(n) \
  "CASE " n " WHEN 2 THEN d.lead_day WHEN 3 THEN d.mql_day WHEN 4 THEN d.sql_day " \
  "WHEN 5 THEN d.opportunity_day WHEN 6 THEN d.won_day END"
static const char stage_days_sql[] =
  "SELECT c.channel_id, days FROM (SELECT d.campaign_id, " STAGE_DAY ("?4") " - " STAGE_DAY ("?3") " AS days, "
  "  " STAGE_DAY ("?4") " AS reached FROM deal d) AS d "
  "JOIN campaign c ON c.id = d.campaign_id "
  "WHERE d.reached BETWEEN ?1 AND ?2 AND d.days IS NOT NULL AND " DEAL_SCOPE;

static const char headcount_sql[] =
  "SELECT role, count(*), sum (count) FROM headcount WHERE month_day BETWEEN ?1 AND ?2 GROUP BY role";

#define OBSERVED_CUSTOMERS_SQL(key) \
  "SELECT cu." key ", count(*) FROM customer cu " \
  "WHERE cu.acquired_day <= ?1 AND " CUSTOMER_SCOPE " GROUP BY cu." key
static const char * const observed_customers_sql[] = KEYED (OBSERVED_CUSTOMERS_SQL);
#define OBSERVED_PROFIT_SQL(key) \
  "SELECT cu." key ", sum (m.gross_profit_minor), count(m.gross_profit_minor) FROM customer cu " \
  "JOIN customer_mrr m ON m.customer_id = cu.id " \
  "WHERE cu.acquired_day <= ?1 AND m.month_day <= ?1 AND " CUSTOMER_SCOPE " GROUP BY cu." key
static const char * const observed_profit_sql[] = KEYED (OBSERVED_PROFIT_SQL);

/* Helpers */

SlDay
sl_metrics_month_first (SlDay day)
{
  int y, m, d;

  sl_day_to_ymd (day, &y, &m, &d);
  return sl_day_from_ymd (y, m, 1);
}

SlDay
sl_metrics_month_next (SlDay month_first)
{
  int y, m, d;

  sl_day_to_ymd (month_first, &y, &m, &d);
  return m == 12 ? sl_day_from_ymd (y + 1, 1, 1) : sl_day_from_ymd (y, m + 1, 1);
}

static SlDay
month_previous (SlDay month_first)
{
  return sl_metrics_month_first (month_first - 1);
}

SlMetricsTotals *
sl_metrics_target_lookup (SlMetricsTarget *target,
                          gint64           channel_id)
{
  gpointer index;

  if (target->single != NULL)
    return target->single;
  index = g_hash_table_lookup (target->index, &channel_id);
  if (index == NULL)
    return NULL;
  return &g_array_index (target->rows, SlMetricsTotals, GPOINTER_TO_UINT (index) - 1);
}

void
sl_metrics_bind_scope (SlStatement   *stmt,
                       const SlScope *scope)
{
  sqlite3_bind_int (stmt, 8, scope->kind);
  sqlite3_bind_int64 (stmt, 9, scope->id);
}

gboolean
sl_metrics_read_currency (SlMetrics  *self,
                          char        currency[4],
                          GError    **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  stmt = sl_database_prepare (sl_metrics_get_database (self), "SELECT currency FROM workspace WHERE id = 1", error);
  if (stmt == NULL || !sl_database_step_row (sl_metrics_get_database (self), stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_WORKSPACE,
                           "the workspace has no settings row");
      return FALSE;
    }
  g_strlcpy (currency, (const char *)sqlite3_column_text (stmt, 0), 4);
  return TRUE;
}

/* Steps @stmt to its end, handing each row to @func with the totals of
 * the row's channel (column 0), if the target keeps it. */
typedef void (*RowFunc) (SlStatement     *stmt,
                         SlMetricsTotals *totals,
                         gpointer         user_data);

static gboolean
for_each_row (SlMetrics        *self,
              SlStatement      *stmt,
              SlMetricsTarget  *target,
              RowFunc           func,
              gpointer          user_data,
              GError          **error)
{
  gboolean has_row;

  while (sl_database_step_row (sl_metrics_get_database (self), stmt, &has_row, error))
    {
      SlMetricsTotals *totals;

      if (!has_row)
        return TRUE;
      totals = sl_metrics_target_lookup (target, sqlite3_column_int64 (stmt, 0));
      if (totals != NULL)
        func (stmt, totals, user_data);
    }
  return FALSE;
}

/* Funnel */

static void
add_funnel_row (SlStatement     *stmt,
                SlMetricsTotals *t,
                gpointer         user_data)
{
  sl_metrics_add_funnel_columns (stmt, t);
}

void
sl_metrics_add_funnel_columns (SlStatement     *stmt,
                               SlMetricsTotals *t)
{
  t->spend_minor += sqlite3_column_int64 (stmt, 1);
  t->impressions += sqlite3_column_int64 (stmt, 2);
  t->clicks += sqlite3_column_int64 (stmt, 3);
  t->conversions += sqlite3_column_int64 (stmt, 4);
  t->leads += sqlite3_column_int64 (stmt, 5);
  t->mqls += sqlite3_column_int64 (stmt, 6);
  t->sqls += sqlite3_column_int64 (stmt, 7);
  t->opportunities += sqlite3_column_int64 (stmt, 8);
  t->won += sqlite3_column_int64 (stmt, 9);
  t->lost += sqlite3_column_int64 (stmt, 10);
  t->won_minor += sqlite3_column_int64 (stmt, 11);
  t->won_gross_profit_minor += sqlite3_column_int64 (stmt, 12);
}

static void
add_unknown_gp_row (SlStatement     *stmt,
                    SlMetricsTotals *t,
                    gpointer         user_data)
{
  sl_metrics_add_unknown_gp_columns (stmt, t);
}

void
sl_metrics_add_unknown_gp_columns (SlStatement     *stmt,
                                   SlMetricsTotals *t)
{
  t->won_unknown_gp += sqlite3_column_int64 (stmt, 1);
  t->won_unknown_gp_minor += sqlite3_column_int64 (stmt, 2);
}

gboolean
sl_metrics_fetch_funnel (SlMetrics        *self,
                         SlDay             first,
                         SlDay             last,
                         const SlScope    *scope,
                         SlMetricsTarget  *target,
                         GError          **error)
{
  g_autoptr(SlStatement) sums = NULL;
  g_autoptr(SlStatement) unknown = NULL;

  g_return_val_if_fail (!target->by_campaign || scope->kind == SL_SCOPE_WORKSPACE, FALSE);

  sums = sl_database_prepare (sl_metrics_get_database (self),
                              funnel_sql[target->by_campaign ? SL_SCOPE_CAMPAIGN + 1 : scope->kind], error);
  if (sums == NULL)
    return FALSE;
  sqlite3_bind_int (sums, 1, first);
  sqlite3_bind_int (sums, 2, last);
  sqlite3_bind_int64 (sums, 9, scope->id);
  if (!for_each_row (self, sums, target, add_funnel_row, NULL, error))
    return FALSE;

  unknown = sl_database_prepare (sl_metrics_get_database (self), unknown_gp_sql[target->by_campaign], error);
  if (unknown == NULL)
    return FALSE;
  sqlite3_bind_int (unknown, 1, first);
  sqlite3_bind_int (unknown, 2, last);
  sl_metrics_bind_scope (unknown, scope);
  return for_each_row (self, unknown, target, add_unknown_gp_row, NULL, error);
}

/* Customers */

static void
add_month_row (SlStatement     *stmt,
               SlMetricsTotals *t,
               gpointer         user_data)
{
  t->account_months += sqlite3_column_int64 (stmt, 1);
  t->billed_minor += sqlite3_column_int64 (stmt, 2);
  t->known_gp_billed_minor += sqlite3_column_int64 (stmt, 3);
  t->billed_gross_profit_minor += sqlite3_column_int64 (stmt, 4);
  t->expansion_minor += sqlite3_column_int64 (stmt, 5);
}

static void
add_churn_row (SlStatement     *stmt,
               SlMetricsTotals *t,
               gpointer         user_data)
{
  t->at_risk += sqlite3_column_int64 (stmt, 1);
  t->churned += sqlite3_column_int64 (stmt, 1) - sqlite3_column_int64 (stmt, 2);
}

static void
add_kept_row (SlStatement     *stmt,
              SlMetricsTotals *t,
              gpointer         user_data)
{
  t->start_customers += sqlite3_column_int64 (stmt, 1);
  t->kept_customers += sqlite3_column_int64 (stmt, 2);
}

static void
add_mrr_row (SlStatement     *stmt,
             SlMetricsTotals *t,
             gpointer         user_data)
{
  t->mrr_minor += sqlite3_column_int64 (stmt, 1);
}

static gboolean
run_months (SlMetrics        *self,
            const char *const sql[2],
            SlDay             a,
            SlDay             b,
            const SlScope    *scope,
            SlMetricsTarget  *target,
            RowFunc           func,
            GError          **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (sl_metrics_get_database (self), sql[target->by_campaign], error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, a);
  sqlite3_bind_int (stmt, 2, b);
  sl_metrics_bind_scope (stmt, scope);
  return for_each_row (self, stmt, target, func, NULL, error);
}

static void
count_billing_month (SlMetricsTarget *target)
{
  if (target->single != NULL)
    target->single->billing_months++;
  else
    for (guint i = 0; i < target->rows->len; i++)
      g_array_index (target->rows, SlMetricsTotals, i).billing_months++;
}

gboolean
sl_metrics_fetch_customers (SlMetrics        *self,
                            SlDay             first,
                            SlDay             last,
                            const SlScope    *scope,
                            SlMetricsTarget  *target,
                            GError          **error)
{
  SlDay month = sl_metrics_month_first (first);
  SlDay first_month, last_month = 0;

  /* Billing months whose first day lies in the period. */
  if (month < first)
    month = sl_metrics_month_next (month);
  first_month = month;
  for (; month <= last; month = sl_metrics_month_next (month))
    {
      if (!run_months (self, month_sql, month, month_previous (month), scope, target, add_month_row, error) ||
          !run_months (self, kept_sql, month_previous (month), month, scope, target, add_churn_row, error))
        return FALSE;
      count_billing_month (target);
      last_month = month;
    }

  if (last_month != 0 &&
      !run_months (self, kept_sql, month_previous (first_month), last_month, scope, target, add_kept_row, error))
    return FALSE;
  return run_months (self, mrr_sql, sl_metrics_month_first (last), 0, scope, target, add_mrr_row, error);
}

/* Lifecycle */

static void
collect_days (SlStatement     *stmt,
              SlMetricsTotals *t,
              gpointer         user_data)
{
  GHashTable *days = user_data;
  GArray *list = g_hash_table_lookup (days, t);
  gint64 value = sqlite3_column_int64 (stmt, 1);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (days, t, list);
    }
  g_array_append_val (list, value);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : (x > y);
}

gboolean
sl_metrics_fetch_lifecycle (SlMetrics        *self,
                            SlDay             first,
                            SlDay             last,
                            const SlScope    *scope,
                            SlFunnelStage     from,
                            SlFunnelStage     to,
                            SlMetricsTarget  *target,
                            GError          **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
  GHashTableIter iter;
  SlMetricsTotals *t;
  GArray *list;

  stmt = sl_database_prepare (sl_metrics_get_database (self), stage_days_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  sqlite3_bind_int (stmt, 3, from);
  sqlite3_bind_int (stmt, 4, to);
  sl_metrics_bind_scope (stmt, scope);
  if (!for_each_row (self, stmt, target, collect_days, days, error))
    return FALSE;

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, (gpointer *)&t, (gpointer *)&list))
    sl_metrics_totals_set_median (t, list);
  return TRUE;
}

void
sl_metrics_totals_set_median (SlMetricsTotals *t,
                              GArray          *days)
{
  guint n = days->len;

  g_array_sort (days, compare_int64);
  t->lifecycle_deals = n;
  if (n == 0)
    t->lifecycle_median_x2 = 0;
  else
    t->lifecycle_median_x2 = n % 2 == 1 ? 2 * g_array_index (days, gint64, n / 2)
                                        : g_array_index (days, gint64, n / 2 - 1) + g_array_index (days, gint64, n / 2);
}

/* Headcount (a single scope) and observed CLV. */

gboolean
sl_metrics_fetch_headcount (SlMetrics        *self,
                            SlDay             first,
                            SlDay             last,
                            SlMetricsTotals  *t,
                            GError          **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (sl_metrics_get_database (self), headcount_sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  while (sl_database_step_row (sl_metrics_get_database (self), stmt, &has_row, error))
    {
      const char *role;

      if (!has_row)
        return TRUE;
      role = (const char *)sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (role, "employees") == 0)
        {
          t->employee_months = sqlite3_column_int64 (stmt, 1);
          t->employees_sum = sqlite3_column_int64 (stmt, 2);
        }
      else if (g_strcmp0 (role, "sales-reps") == 0)
        {
          t->rep_months = sqlite3_column_int64 (stmt, 1);
          t->reps_sum = sqlite3_column_int64 (stmt, 2);
        }
    }
  return FALSE;
}

static void
add_observed_customers (SlStatement     *stmt,
                        SlMetricsTotals *t,
                        gpointer         user_data)
{
  t->observed_customers += sqlite3_column_int64 (stmt, 1);
}

static void
add_observed_profit (SlStatement     *stmt,
                     SlMetricsTotals *t,
                     gpointer         user_data)
{
  t->observed_gross_profit_minor += sqlite3_column_int64 (stmt, 1);
  t->observed_known_rows += sqlite3_column_int64 (stmt, 2);
}

gboolean
sl_metrics_fetch_observed (SlMetrics        *self,
                           SlDay             last,
                           const SlScope    *scope,
                           SlMetricsTarget  *target,
                           GError          **error)
{
  return run_months (self, observed_customers_sql, last, 0, scope, target, add_observed_customers, error) &&
         run_months (self, observed_profit_sql, last, 0, scope, target, add_observed_profit, error);
}
