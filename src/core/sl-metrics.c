/* sl-metrics.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The metrics engine: its public API over the fetchers of
 * sl-metrics-queries.c. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-attribution-result.h"
#include "sl-metric-value-private.h"
#include "sl-metrics-private.h"

struct _SlMetrics
{
  GObject     parent_instance;
  SlDatabase *db;
};

G_DEFINE_FINAL_TYPE (SlMetrics, sl_metrics, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* GObject */

static void
sl_metrics_dispose (GObject *object)
{
  SlMetrics *self = (SlMetrics *)object;

  g_clear_object (&self->db);
  G_OBJECT_CLASS (sl_metrics_parent_class)->dispose (object);
}

static void
sl_metrics_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlMetrics *self = SL_METRICS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_metrics_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlMetrics *self = SL_METRICS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_metrics_class_init (SlMetricsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sl_metrics_dispose;
  object_class->get_property = sl_metrics_get_property;
  object_class->set_property = sl_metrics_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SL_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sl_metrics_init (SlMetrics *self)
{
}

/* Public API */

SlMetrics *
sl_metrics_new (SlDatabase *db)
{
  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);

  return g_object_new (SL_TYPE_METRICS, "database", db, NULL);
}

SlDatabase *
sl_metrics_get_database (SlMetrics *self)
{
  g_return_val_if_fail (SL_IS_METRICS (self), NULL);

  return self->db;
}

gboolean
sl_metrics_get_totals (SlMetrics        *self,
                       const SlPeriod   *period,
                       const SlScope    *scope,
                       SlMetricsParts    parts,
                       SlMetricsTotals  *out,
                       GError          **error)
{
  SlMetricsTarget target = { out, NULL, NULL };
  char currency[4];

  g_return_val_if_fail (SL_IS_METRICS (self), FALSE);
  g_return_val_if_fail (period != NULL && scope != NULL && out != NULL, FALSE);
  g_return_val_if_fail ((guint)scope->kind <= SL_SCOPE_CAMPAIGN, FALSE);

  if (!sl_metrics_read_currency (self, currency, error))
    return FALSE;
  sl_metrics_totals_init (out, scope, currency);

  if ((parts & SL_METRICS_PART_FUNNEL) &&
      !sl_metrics_fetch_funnel (self, period->first, period->last, scope, &target, error))
    return FALSE;
  if ((parts & SL_METRICS_PART_CUSTOMERS) &&
      !sl_metrics_fetch_customers (self, period->first, period->last, scope, &target, error))
    return FALSE;
  if ((parts & SL_METRICS_PART_HEADCOUNT) &&
      !sl_metrics_fetch_headcount (self, period->first, period->last, out, error))
    return FALSE;
  if ((parts & SL_METRICS_PART_LIFECYCLE) &&
      !sl_metrics_fetch_lifecycle (self, period->first, period->last, scope,
                                   SL_FUNNEL_MQL, SL_FUNNEL_SQL, &target, error))
    return FALSE;
  if ((parts & SL_METRICS_PART_OBSERVED_CLV) &&
      !sl_metrics_fetch_observed (self, period->last, scope, &target, error))
    return FALSE;

  out->parts = parts;
  return TRUE;
}

gboolean
sl_metrics_compute (SlMetrics       *self,
                    SlMetric         metric,
                    const SlPeriod  *period,
                    const SlScope   *scope,
                    SlMetricValue   *out,
                    GError         **error)
{
  SlMetricsTotals totals;

  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!sl_metrics_get_totals (self, period, scope, sl_metric_get_parts (metric), &totals, error))
    return FALSE;
  sl_metrics_totals_get (&totals, metric, out);
  return TRUE;
}

gboolean
sl_metrics_conversion (SlMetrics       *self,
                       const SlPeriod  *period,
                       const SlScope   *scope,
                       SlFunnelStage    from,
                       SlFunnelStage    to,
                       SlMetricValue   *out,
                       GError         **error)
{
  SlMetricsTotals totals;

  g_return_val_if_fail (from < to && to <= SL_FUNNEL_WON, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!sl_metrics_get_totals (self, period, scope, SL_METRICS_PART_FUNNEL, &totals, error))
    return FALSE;
  sl_metrics_totals_conversion (&totals, from, to, out);
  return TRUE;
}

gboolean
sl_metrics_stage_days (SlMetrics       *self,
                       const SlPeriod  *period,
                       const SlScope   *scope,
                       SlFunnelStage    from,
                       SlFunnelStage    to,
                       SlMetricValue   *out,
                       GError         **error)
{
  SlMetricsTotals totals;
  SlMetricsTarget target = { &totals, NULL, NULL };

  g_return_val_if_fail (SL_IS_METRICS (self), FALSE);
  g_return_val_if_fail (period != NULL && scope != NULL && out != NULL, FALSE);
  g_return_val_if_fail (from >= SL_FUNNEL_LEAD && from < to && to <= SL_FUNNEL_WON, FALSE);

  sl_metrics_totals_init (&totals, scope, "");
  if (!sl_metrics_fetch_lifecycle (self, period->first, period->last, scope, from, to, &target, error))
    return FALSE;
  totals.parts = SL_METRICS_PART_LIFECYCLE;
  sl_metrics_totals_get (&totals, SL_METRIC_MQL_TO_SQL_DAYS, out);
  return TRUE;
}

gboolean
sl_metrics_attributed_revenue (SlMetrics           *self,
                               SlAttributionModel   model,
                               const SlPeriod      *period,
                               const SlScope       *scope,
                               SlMetricValue       *out,
                               GError             **error)
{
  g_autoptr(SlAttributionResult) result = NULL;
  gint64 credited = 0;

  g_return_val_if_fail (SL_IS_METRICS (self), FALSE);
  g_return_val_if_fail (period != NULL && scope != NULL && out != NULL, FALSE);

  result = sl_attribution_run (self->db, model, period,
                               scope->kind == SL_SCOPE_CHANNEL ? scope->id : 0, error);
  if (result == NULL)
    return FALSE;

  for (guint i = 0; i < sl_attribution_result_get_n_rows (result); i++)
    {
      const SlAttributionRow *row = sl_attribution_result_get_row (result, i);

      if (row->channel_id == 0)
        continue;
      if ((scope->kind == SL_SCOPE_CHANNEL && row->channel_id != scope->id) ||
          (scope->kind == SL_SCOPE_CAMPAIGN && row->campaign_id != scope->id))
        continue;
      credited += row->credited_minor;
    }
  sl_metric_value_init_money (out, credited, sl_attribution_result_get_currency (result));
  return TRUE;
}
