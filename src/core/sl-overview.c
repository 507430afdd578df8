/* sl-overview.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Overview: the KPI list, then the totals of every part the KPIs
 * need for the period, the period before and the twelve trend months
 * (two engine calls and one series), the credit of an attribution model,
 * the pipeline velocity, the key results, and the flags. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-attribution-result.h"
#include "sl-metrics-private.h"
#include "sl-metrics-rows.h"
#include "sl-overview-private.h"

#define N_TREND_MONTHS 12

struct _SlOverview
{
  gatomicrefcount  ref_count;
  SlScope          scope;
  /* [0] the period, [1] the one before, then the trend months. */
  GArray          *periods;   /* SlPeriod */
  GPtrArray       *kpis;      /* SlKpiSummary */
  GPtrArray       *flags;     /* SlFlag, or NULL */
};

G_DEFINE_BOXED_TYPE (SlOverview, sl_overview, sl_overview_ref, sl_overview_unref)

static const char kpis_sql[] = "SELECT metric, ifnull (goal_id, 0) FROM kpi ORDER BY position, metric";

/* Key results of each KPI's goal overlapping the period, the one
 * overlapping most first, then the latest. */
static const char key_results_sql[] =
  "SELECT kpi.metric, kr.metric, kr.id, kr.target, kr.unit, kr.first_day, kr.last_day "
  "FROM kpi JOIN key_result kr ON kr.goal_id = kpi.goal_id "
  "WHERE kr.first_day <= ?2 AND kr.last_day >= ?1 "
  "ORDER BY min (kr.last_day, ?2) - max (kr.first_day, ?1) DESC, kr.last_day DESC, kr.position, kr.id";

static const char campaign_channel_sql[] = "SELECT channel_id FROM campaign WHERE id = ?1";

/* Helpers */

static gboolean
read_kpis (SlOverview  *self,
           SlDatabase  *db,
           GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, kpis_sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      if (!has_row)
        return TRUE;
      g_ptr_array_add (self->kpis, sl_kpi_summary_new ((const char *)sqlite3_column_text (stmt, 0),
                                                       sqlite3_column_int64 (stmt, 1)));
    }
  return FALSE;
}

/* The twelve months ending with the one holding @period's last day. */
static void
add_trend_months (SlOverview     *self,
                  const SlPeriod *period)
{
  SlPeriod month;
  SlPeriod months[N_TREND_MONTHS];

  sl_period_init (&month, SL_PERIOD_MONTH, period->calendar, period->fiscal_start, period->last);
  for (int i = N_TREND_MONTHS - 1; i >= 0; i--)
    {
      months[i] = month;
      sl_period_previous (&month, &month);
    }
  g_array_append_vals (self->periods, months, N_TREND_MONTHS);
}

static SlMetricsParts
needed_parts (SlOverview *self)
{
  SlMetricsParts parts = 0;

  for (guint i = 0; i < self->kpis->len; i++)
    {
      const SlKpiSummary *kpi = g_ptr_array_index (self->kpis, i);

      if (kpi->kind == SL_KPI_KIND_METRIC)
        parts |= sl_metric_get_parts (kpi->metric);
      else if (kpi->kind == SL_KPI_KIND_PIPELINE_VELOCITY)
        parts |= SL_METRICS_PART_FUNNEL;
    }
  return parts;
}

/* The totals of every period: the engine for the period and the one
 * before, a series for the trend months. */
static GArray *
gather_totals (SlOverview      *self,
               SlMetrics       *metrics,
               SlMetricsParts   parts,
               GError         **error)
{
  g_autoptr(GArray) totals = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricsTotals), self->periods->len);
  g_autoptr(GArray) series = NULL;
  const SlPeriod *first = &g_array_index (self->periods, SlPeriod, 2);
  const SlPeriod *last = &g_array_index (self->periods, SlPeriod, self->periods->len - 1);
  SlPeriod trend;

  g_array_set_size (totals, 2);
  for (guint i = 0; i < 2; i++)
    if (!sl_metrics_get_totals (metrics, &g_array_index (self->periods, SlPeriod, i), &self->scope, parts,
                                &g_array_index (totals, SlMetricsTotals, i), error))
      return NULL;

  if (!sl_period_init_custom (&trend, first->calendar, first->first, last->last, error))
    return NULL;
  series = sl_metrics_get_series (metrics, &trend, SL_PERIOD_MONTH, &self->scope, parts, error);
  if (series == NULL)
    return NULL;
  g_array_append_vals (totals, series->data, series->len);
  return g_steal_pointer (&totals);
}

/* What the scope was credited under @model in each period. */
static gboolean
apply_credit (SlOverview          *self,
              SlMetrics           *metrics,
              SlAttributionModel   model,
              GArray              *totals,
              GError             **error)
{
  gint64 channel = self->scope.kind == SL_SCOPE_CHANNEL ? self->scope.id : 0;

  for (guint i = 0; i < self->periods->len; i++)
    {
      g_autoptr(SlAttributionResult) result = NULL;
      const SlAttributionRow *credit = NULL;

      result = sl_attribution_run (sl_metrics_get_database (metrics), model,
                                   &g_array_index (self->periods, SlPeriod, i), channel, error);
      if (result == NULL)
        return FALSE;
      if (channel != 0)
        credit = sl_attribution_result_lookup_channel (result, channel);
      else
        for (guint r = 0; r < sl_attribution_result_get_n_rows (result) && credit == NULL; r++)
          if (sl_attribution_result_get_row (result, r)->campaign_id == self->scope.id)
            credit = sl_attribution_result_get_row (result, r);
      sl_metrics_totals_apply_credit (&g_array_index (totals, SlMetricsTotals, i), credit);
    }
  return TRUE;
}

static void
fill_kpi (SlKpiSummary *kpi,
          GArray       *totals,
          GArray       *velocity)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricValue), totals->len);

  g_array_set_size (values, totals->len);
  for (guint i = 0; i < totals->len; i++)
    {
      SlMetricValue *v = &g_array_index (values, SlMetricValue, i);

      if (kpi->kind == SL_KPI_KIND_METRIC)
        sl_metrics_totals_get (&g_array_index (totals, SlMetricsTotals, i), kpi->metric, v);
      else if (kpi->kind == SL_KPI_KIND_PIPELINE_VELOCITY)
        *v = g_array_index (velocity, SlMetricValue, i);
      else
        sl_metric_value_init_undefined (v, kpi->unit, NULL, SL_METRIC_REASON_NOT_COMPUTED);
    }
  sl_kpi_summary_set_values (kpi, &g_array_index (values, SlMetricValue, 0),
                             &g_array_index (values, SlMetricValue, 1));
  g_array_set_size (kpi->trend, 0);
  g_array_append_vals (kpi->trend, &g_array_index (values, SlMetricValue, 2), totals->len - 2);
}

static SlKpiSummary *
find_kpi (SlOverview *self,
          const char *key)
{
  for (guint i = 0; i < self->kpis->len; i++)
    if (g_strcmp0 (((SlKpiSummary *)g_ptr_array_index (self->kpis, i))->key, key) == 0)
      return g_ptr_array_index (self->kpis, i);
  return NULL;
}

/* The first key result (in key_results_sql's order) of each KPI's goal
 * naming the KPI's metric. */
static gboolean
read_key_results (SlOverview  *self,
                  SlDatabase  *db,
                  const char  *currency,
                  GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, key_results_sql, error);
  const SlPeriod *period = &g_array_index (self->periods, SlPeriod, 0);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      SlKpiSummary *kpi;
      g_autofree char *kpi_key = NULL;
      g_autofree char *kr_key = NULL;

      if (!has_row)
        return TRUE;
      kpi = find_kpi (self, (const char *)sqlite3_column_text (stmt, 0));
      kpi_key = sl_kpi_key_normalize ((const char *)sqlite3_column_text (stmt, 0));
      kr_key = sl_kpi_key_normalize ((const char *)sqlite3_column_text (stmt, 1));
      if (kpi == NULL || kpi->key_result_id != 0 || !g_str_equal (kpi_key, kr_key))
        continue;
      sl_kpi_summary_set_target (kpi, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                                 (const char *)sqlite3_column_text (stmt, 4), sqlite3_column_int (stmt, 5),
                                 sqlite3_column_int (stmt, 6), currency);
    }
  return FALSE;
}

static gint64
scope_channel (SlOverview *self,
               SlDatabase *db)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row = FALSE;

  if (self->scope.kind != SL_SCOPE_CAMPAIGN)
    return self->scope.kind == SL_SCOPE_CHANNEL ? self->scope.id : 0;
  stmt = sl_database_prepare (db, campaign_channel_sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, self->scope.id);
  if (!sl_database_step_row (db, stmt, &has_row, NULL) || !has_row)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* The flags of the period; with a channel (or a campaign's channel) in
 * scope, only that channel's. */
static gboolean
check_flags (SlOverview           *self,
             SlMetrics            *metrics,
             const SlFlagsOptions *options,
             GError              **error)
{
  gint64 channel = scope_channel (self, sl_metrics_get_database (metrics));

  self->flags = sl_flags_check (metrics, &g_array_index (self->periods, SlPeriod, 0), options, error);
  if (self->flags == NULL)
    return FALSE;
  for (guint i = self->flags->len; channel != 0 && i-- > 0;)
    if (((SlFlag *)g_ptr_array_index (self->flags, i))->channel_id != channel)
      g_ptr_array_remove_index (self->flags, i);
  return TRUE;
}

static gboolean
compute_kpis (SlOverview                *self,
              SlMetrics                 *metrics,
              const SlAttributionModel  *model,
              GError                   **error)
{
  SlMetricsParts parts = needed_parts (self);
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GArray) velocity = NULL;
  gboolean has_velocity = FALSE;

  totals = gather_totals (self, metrics, parts, error);
  if (totals == NULL)
    return FALSE;
  for (guint i = 0; i < self->kpis->len; i++)
    has_velocity |= ((SlKpiSummary *)g_ptr_array_index (self->kpis, i))->kind == SL_KPI_KIND_PIPELINE_VELOCITY;
  /* By origin, as the Funnel view shows it. */
  if (has_velocity &&
      (velocity = sl_overview_compute_velocity (metrics, &self->scope, self->periods, totals, error)) == NULL)
    return FALSE;
  if (model != NULL && self->scope.kind != SL_SCOPE_WORKSPACE && (parts & SL_METRICS_PART_FUNNEL) &&
      !apply_credit (self, metrics, *model, totals, error))
    return FALSE;

  for (guint i = 0; i < self->kpis->len; i++)
    fill_kpi (g_ptr_array_index (self->kpis, i), totals, velocity);
  return read_key_results (self, sl_metrics_get_database (metrics),
                           g_array_index (totals, SlMetricsTotals, 0).currency, error);
}

/* Public API */

SlOverview *
sl_overview_compute (SlMetrics                *metrics,
                     const SlPeriod           *period,
                     const SlScope            *scope,
                     const SlAttributionModel *model,
                     const SlFlagsOptions     *flags_options,
                     GError                  **error)
{
  g_autoptr(SlOverview) self = NULL;
  SlPeriod previous;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (period != NULL && scope != NULL, NULL);
  g_return_val_if_fail ((guint)scope->kind <= SL_SCOPE_CAMPAIGN, NULL);

  self = g_new0 (SlOverview, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->scope = *scope;
  self->periods = g_array_new (FALSE, TRUE, sizeof (SlPeriod));
  self->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_kpi_summary_free);
  sl_period_previous (period, &previous);
  g_array_append_val (self->periods, *period);
  g_array_append_val (self->periods, previous);
  add_trend_months (self, period);

  if (!read_kpis (self, sl_metrics_get_database (metrics), error) ||
      (self->kpis->len > 0 && !compute_kpis (self, metrics, model, error)))
    return NULL;
  if (flags_options != NULL && !check_flags (self, metrics, flags_options, error))
    return NULL;
  return g_steal_pointer (&self);
}

SlOverview *
sl_overview_ref (SlOverview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sl_overview_unref (SlOverview *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->periods);
  g_ptr_array_unref (self->kpis);
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  g_free (self);
}

const SlPeriod *
sl_overview_get_period (SlOverview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &g_array_index (self->periods, SlPeriod, 0);
}

const SlPeriod *
sl_overview_get_previous_period (SlOverview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &g_array_index (self->periods, SlPeriod, 1);
}

void
sl_overview_get_scope (SlOverview *self,
                       SlScope    *out)
{
  g_return_if_fail (self != NULL && out != NULL);

  *out = self->scope;
}

guint
sl_overview_get_n_kpis (SlOverview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kpis->len;
}

const SlKpiSummary *
sl_overview_get_kpi (SlOverview *self,
                     guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->kpis->len, NULL);

  return g_ptr_array_index (self->kpis, index);
}

guint
sl_overview_get_n_trend_months (SlOverview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->periods->len - 2;
}

const SlPeriod *
sl_overview_get_trend_month (SlOverview *self,
                             guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->periods->len - 2, NULL);

  return &g_array_index (self->periods, SlPeriod, index + 2);
}

GPtrArray *
sl_overview_get_flags (SlOverview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->flags;
}
