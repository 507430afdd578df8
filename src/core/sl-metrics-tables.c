/* sl-metrics-tables.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The engine's many-at-once answers: the channel table, the periods ×
 * channels matrix (the month × channel ROI matrix) and the acquisition
 * cohorts. Each is a few grouped queries, never one query per cell. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-attribution-result.h"
#include "sl-metrics-private.h"
#include "sl-metrics-rows.h"

struct _SlMetricsMatrix
{
  gatomicrefcount  ref_count;
  GArray          *periods;      /* SlPeriod */
  GArray          *channel_ids;  /* gint64 */
  GArray          *cells;        /* SlMetricsTotals, channel-major */
};

G_DEFINE_BOXED_TYPE (SlMetricsMatrix, sl_metrics_matrix, sl_metrics_matrix_ref, sl_metrics_matrix_unref)

#define CELL(matrix, c, p) \
  g_array_index ((matrix)->cells, SlMetricsTotals, (gsize)(c) * (matrix)->periods->len + (p))

/* Every channel, in the order the views list them. */
static GArray *
list_channels (SlDatabase  *db,
               GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row;

  stmt = sl_database_prepare (db, "SELECT id FROM channel ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      gint64 id;

      if (!has_row)
        return g_steal_pointer (&ids);
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return NULL;
}

static void
target_init_table (SlMetricsTarget *target,
                   GArray          *table)
{
  target->single = NULL;
  target->by_campaign = FALSE;
  target->rows = table;
  target->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < table->len; i++)
    g_hash_table_insert (target->index, &g_array_index (table, SlMetricsTotals, i).scope.id,
                         GUINT_TO_POINTER (i + 1));
}

GArray *
sl_metrics_channel_table (SlMetrics       *self,
                          const SlPeriod  *period,
                          SlMetricsParts   parts,
                          GError         **error)
{
  SlDatabase *db;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) table = NULL;
  g_autoptr(GHashTable) index = NULL;
  SlMetricsTarget target;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  char currency[4];
  gboolean ok;

  g_return_val_if_fail (SL_IS_METRICS (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail ((parts & ~(SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS |
                                   SL_METRICS_PART_LIFECYCLE)) == 0, NULL);

  db = sl_metrics_get_database (self);
  if (!sl_metrics_read_currency (self, currency, error) || (ids = list_channels (db, error)) == NULL)
    return NULL;

  table = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricsTotals), ids->len);
  g_array_set_size (table, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      SlScope scope = SL_SCOPE_INIT_CHANNEL (g_array_index (ids, gint64, i));

      sl_metrics_totals_init (&g_array_index (table, SlMetricsTotals, i), &scope, currency);
      g_array_index (table, SlMetricsTotals, i).parts = parts;
    }

  target_init_table (&target, table);
  index = target.index;
  ok = (!(parts & SL_METRICS_PART_FUNNEL) ||
        sl_metrics_fetch_funnel (self, period->first, period->last, &all, &target, error)) &&
       (!(parts & SL_METRICS_PART_CUSTOMERS) ||
        sl_metrics_fetch_customers (self, period->first, period->last, &all, &target, error)) &&
       (!(parts & SL_METRICS_PART_LIFECYCLE) ||
        sl_metrics_fetch_lifecycle (self, period->first, period->last, &all,
                                    SL_FUNNEL_MQL, SL_FUNNEL_SQL, &target, error));
  return ok ? g_steal_pointer (&table) : NULL;
}

GArray *
sl_metrics_campaign_table (SlMetrics       *self,
                           const SlPeriod  *period,
                           GArray          *campaign_ids,
                           SlMetricsParts   parts,
                           GError         **error)
{
  g_autoptr(GArray) table = NULL;
  g_autoptr(GHashTable) index = NULL;
  SlMetricsTarget target;
  SlScope all = SL_SCOPE_INIT_WORKSPACE;
  char currency[4];
  gboolean ok;

  g_return_val_if_fail (SL_IS_METRICS (self), NULL);
  g_return_val_if_fail (period != NULL && campaign_ids != NULL, NULL);
  g_return_val_if_fail ((parts & ~(SL_METRICS_PART_FUNNEL | SL_METRICS_PART_CUSTOMERS)) == 0, NULL);

  if (!sl_metrics_read_currency (self, currency, error))
    return NULL;
  table = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricsTotals), campaign_ids->len);
  g_array_set_size (table, campaign_ids->len);
  for (guint i = 0; i < campaign_ids->len; i++)
    {
      SlScope scope = SL_SCOPE_INIT_CAMPAIGN (g_array_index (campaign_ids, gint64, i));

      sl_metrics_totals_init (&g_array_index (table, SlMetricsTotals, i), &scope, currency);
      g_array_index (table, SlMetricsTotals, i).parts = parts;
    }

  target_init_table (&target, table);
  target.by_campaign = TRUE;
  index = target.index;
  ok = (!(parts & SL_METRICS_PART_FUNNEL) ||
        sl_metrics_fetch_funnel (self, period->first, period->last, &all, &target, error)) &&
       (!(parts & SL_METRICS_PART_CUSTOMERS) ||
        sl_metrics_fetch_customers (self, period->first, period->last, &all, &target, error));
  return ok ? g_steal_pointer (&table) : NULL;
}

void
sl_metrics_table_apply_attribution (GArray              *table,
                                    SlAttributionResult *attribution)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (attribution != NULL);

  for (guint i = 0; i < table->len; i++)
    {
      SlMetricsTotals *t = &g_array_index (table, SlMetricsTotals, i);
      const SlAttributionRow *row;

      if (!(t->parts & SL_METRICS_PART_FUNNEL) || t->scope.kind != SL_SCOPE_CHANNEL)
        continue;
      row = sl_attribution_result_lookup_channel (attribution, t->scope.id);
      sl_metrics_totals_apply_credit (t, row);
    }
}

/* The matrix */

/* The rollups themselves, added up into the cells in C: grouping them
 * in SQL is a sort that costs more than reading them. Read along the
 * key, campaign by campaign: the index on day would look each row up in
 * the table again. */
static const char matrix_funnel_sql[] =
  "SELECT channel_id, day, spend_minor, impressions, clicks, conversions, leads, "
  "mqls, sqls, opportunities, won, lost, won_minor, won_gross_profit_minor "
  "FROM rollup_day WHERE campaign_id IN (SELECT id FROM campaign) AND day BETWEEN ?1 AND ?2";

static const char matrix_unknown_gp_sql[] =
  "SELECT c.channel_id, d.won_day, count(*), sum (ifnull (d.amount_minor, 0)) FROM deal d "
  "JOIN campaign c ON c.id = d.campaign_id "
  "WHERE d.won_day BETWEEN ?1 AND ?2 AND d.gross_profit_minor IS NULL "
  "GROUP BY c.channel_id, d.won_day";

/* The index of the part of @periods holding @day (it is in one). */
static guint
find_period (GArray *periods,
             SlDay   day)
{
  guint lo = 0, hi = periods->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (periods, SlPeriod, mid).first <= day)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
matrix_fill (SlMetricsMatrix  *matrix,
             SlDatabase       *db,
             const char       *sql,
             SlDay             first,
             SlDay             last,
             gboolean          unknown_gp,
             GError          **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, sql, error);
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < matrix->channel_ids->len; i++)
    g_hash_table_insert (index, &g_array_index (matrix->channel_ids, gint64, i), GUINT_TO_POINTER (i + 1));

  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      gint64 channel_id;
      gpointer c;
      SlMetricsTotals *t;
      gint64 v[12];

      if (!has_row)
        return TRUE;
      channel_id = sqlite3_column_int64 (stmt, 0);
      c = g_hash_table_lookup (index, &channel_id);
      if (c == NULL)
        continue;
      t = &CELL (matrix, GPOINTER_TO_UINT (c) - 1,
                 find_period (matrix->periods, sqlite3_column_int (stmt, 1)));
      for (int k = 0; k < (unknown_gp ? 2 : 12); k++)
        v[k] = sqlite3_column_int64 (stmt, 2 + k);
      if (unknown_gp)
        {
          t->won_unknown_gp += v[0];
          t->won_unknown_gp_minor += v[1];
          continue;
        }
      t->spend_minor += v[0];
      t->impressions += v[1];
      t->clicks += v[2];
      t->conversions += v[3];
      t->leads += v[4];
      t->mqls += v[5];
      t->sqls += v[6];
      t->opportunities += v[7];
      t->won += v[8];
      t->lost += v[9];
      t->won_minor += v[10];
      t->won_gross_profit_minor += v[11];
    }
  return FALSE;
}

SlMetricsMatrix *
sl_metrics_get_matrix (SlMetrics       *self,
                       const SlPeriod  *period,
                       SlPeriodKind     kind,
                       GError         **error)
{
  g_autoptr(SlMetricsMatrix) matrix = NULL;
  SlDatabase *db;
  char currency[4];

  g_return_val_if_fail (SL_IS_METRICS (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  db = sl_metrics_get_database (self);
  matrix = g_new0 (SlMetricsMatrix, 1);
  g_atomic_ref_count_init (&matrix->ref_count);
  matrix->periods = sl_period_split (period, kind);
  matrix->cells = g_array_new (FALSE, TRUE, sizeof (SlMetricsTotals));
  if (!sl_metrics_read_currency (self, currency, error) ||
      (matrix->channel_ids = list_channels (db, error)) == NULL)
    return NULL;

  g_array_set_size (matrix->cells, matrix->channel_ids->len * matrix->periods->len);
  for (guint c = 0; c < matrix->channel_ids->len; c++)
    for (guint p = 0; p < matrix->periods->len; p++)
      {
        SlScope scope = SL_SCOPE_INIT_CHANNEL (g_array_index (matrix->channel_ids, gint64, c));

        sl_metrics_totals_init (&CELL (matrix, c, p), &scope, currency);
        CELL (matrix, c, p).parts = SL_METRICS_PART_FUNNEL;
      }

  if (!matrix_fill (matrix, db, matrix_funnel_sql, period->first, period->last, FALSE, error) ||
      !matrix_fill (matrix, db, matrix_unknown_gp_sql, period->first, period->last, TRUE, error))
    return NULL;
  return g_steal_pointer (&matrix);
}

SlMetricsMatrix *
sl_metrics_matrix_ref (SlMetricsMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, NULL);

  g_atomic_ref_count_inc (&matrix->ref_count);
  return matrix;
}

void
sl_metrics_matrix_unref (SlMetricsMatrix *matrix)
{
  g_return_if_fail (matrix != NULL);

  if (!g_atomic_ref_count_dec (&matrix->ref_count))
    return;
  g_clear_pointer (&matrix->periods, g_array_unref);
  g_clear_pointer (&matrix->channel_ids, g_array_unref);
  g_clear_pointer (&matrix->cells, g_array_unref);
  g_free (matrix);
}

guint
sl_metrics_matrix_get_n_periods (SlMetricsMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);

  return matrix->periods->len;
}

const SlPeriod *
sl_metrics_matrix_get_period (SlMetricsMatrix *matrix,
                              guint            period_index)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (period_index < matrix->periods->len, NULL);

  return &g_array_index (matrix->periods, SlPeriod, period_index);
}

guint
sl_metrics_matrix_get_n_channels (SlMetricsMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);

  return matrix->channel_ids->len;
}

gint64
sl_metrics_matrix_get_channel_id (SlMetricsMatrix *matrix,
                                  guint            channel_index)
{
  g_return_val_if_fail (matrix != NULL, 0);
  g_return_val_if_fail (channel_index < matrix->channel_ids->len, 0);

  return g_array_index (matrix->channel_ids, gint64, channel_index);
}

const SlMetricsTotals *
sl_metrics_matrix_get_totals (SlMetricsMatrix *matrix,
                              guint            channel_index,
                              guint            period_index)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (channel_index < matrix->channel_ids->len, NULL);
  g_return_val_if_fail (period_index < matrix->periods->len, NULL);

  return &CELL (matrix, channel_index, period_index);
}

void
sl_metrics_matrix_get_value (SlMetricsMatrix *matrix,
                             SlMetric         metric,
                             guint            channel_index,
                             guint            period_index,
                             SlMetricValue   *out)
{
  const SlMetricsTotals *t = sl_metrics_matrix_get_totals (matrix, channel_index, period_index);

  g_return_if_fail (t != NULL);
  sl_metrics_totals_get (t, metric, out);
}

/* Cohorts */

static const char cohort_size_sql[] =
  "SELECT count(*) FROM customer cu WHERE cu.acquired_day BETWEEN ?1 AND ?2 AND "
  "(?8 = 0 OR (?8 = 1 AND cu.channel_id = ?9) OR (?8 = 2 AND cu.campaign_id = ?9))";
static const char cohort_active_sql[] =
  "SELECT m.month_day, count(*) FROM customer cu JOIN customer_mrr m ON m.customer_id = cu.id "
  "WHERE cu.acquired_day BETWEEN ?1 AND ?2 AND m.month_day BETWEEN ?3 AND ?4 AND "
  "(?8 = 0 OR (?8 = 1 AND cu.channel_id = ?9) OR (?8 = 2 AND cu.campaign_id = ?9)) "
  "GROUP BY m.month_day ORDER BY m.month_day";

void
sl_cohort_free (SlCohort *cohort)
{
  if (cohort == NULL)
    return;
  g_clear_pointer (&cohort->active, g_array_unref);
  g_free (cohort);
}

void
sl_cohort_get_retention (const SlCohort *cohort,
                         guint           month,
                         SlMetricValue  *out)
{
  g_return_if_fail (cohort != NULL && out != NULL);

  sl_metric_value_init_fraction (out, SL_METRIC_UNIT_PERCENT,
                                 month < cohort->active->len ? g_array_index (cohort->active, gint64, month) : 0,
                                 cohort->size, NULL, SL_METRIC_REASON_NO_CUSTOMERS);
}

static gboolean
fill_cohort (SlDatabase     *db,
             SlCohort       *cohort,
             const SlScope  *scope,
             SlDay           until_month,
             GError        **error)
{
  g_autoptr(SlStatement) size = NULL;
  g_autoptr(SlStatement) active = NULL;
  gboolean has_row;

  size = sl_database_prepare (db, cohort_size_sql, error);
  if (size == NULL)
    return FALSE;
  sqlite3_bind_int (size, 1, cohort->acquired.first);
  sqlite3_bind_int (size, 2, cohort->acquired.last);
  sl_metrics_bind_scope (size, scope);
  if (!sl_database_step_row (db, size, &has_row, error))
    return FALSE;
  cohort->size = sqlite3_column_int64 (size, 0);

  /* One zero per billing month, then the counts over them. */
  for (SlDay m = cohort->first_month; m <= until_month; m = sl_metrics_month_next (m))
    {
      gint64 zero = 0;

      g_array_append_val (cohort->active, zero);
    }

  active = sl_database_prepare (db, cohort_active_sql, error);
  if (active == NULL)
    return FALSE;
  sqlite3_bind_int (active, 1, cohort->acquired.first);
  sqlite3_bind_int (active, 2, cohort->acquired.last);
  sqlite3_bind_int (active, 3, cohort->first_month);
  sqlite3_bind_int (active, 4, until_month);
  sl_metrics_bind_scope (active, scope);
  while (sl_database_step_row (db, active, &has_row, error))
    {
      SlDay month;
      guint k = 0;

      if (!has_row)
        return TRUE;
      month = sqlite3_column_int (active, 0);
      for (SlDay m = cohort->first_month; m < month; m = sl_metrics_month_next (m))
        k++;
      if (k < cohort->active->len)
        g_array_index (cohort->active, gint64, k) = sqlite3_column_int64 (active, 1);
    }
  return FALSE;
}

GPtrArray *
sl_metrics_get_cohorts (SlMetrics       *self,
                        const SlPeriod  *period,
                        const SlScope   *scope,
                        SlDay            until,
                        GError         **error)
{
  g_autoptr(GPtrArray) cohorts = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_cohort_free);
  g_autoptr(GArray) months = NULL;
  SlDay until_month;

  g_return_val_if_fail (SL_IS_METRICS (self), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);

  until_month = sl_metrics_month_first (until);
  months = sl_period_split (period, SL_PERIOD_MONTH);
  for (guint i = 0; i < months->len; i++)
    {
      g_autoptr(SlCohort) cohort = g_new0 (SlCohort, 1);

      cohort->acquired = g_array_index (months, SlPeriod, i);
      cohort->first_month = sl_metrics_month_first (cohort->acquired.first);
      cohort->active = g_array_new (FALSE, TRUE, sizeof (gint64));
      if (!fill_cohort (sl_metrics_get_database (self), cohort, scope, until_month, error))
        return NULL;
      g_ptr_array_add (cohorts, g_steal_pointer (&cohort));
    }
  return g_steal_pointer (&cohorts);
}
