/* sl-kpi-summary.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One KPI of the Overview and its judgements: exact differences of two
 * fractions (128-bit cross products), the change's verdict from the
 * metric's direction, the goal status from the target's unit. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-kpi-summary.h"
#include "sl-metric-value-private.h"

#define PIPELINE_VELOCITY_KEY "pipeline-velocity"

G_DEFINE_BOXED_TYPE (SlKpiSummary, sl_kpi_summary, sl_kpi_summary_copy, sl_kpi_summary_free)

static const char * const change_keys[] = { "none", "flat", "good", "bad" };
static const char * const goal_keys[] = { "none", "met", "behind", "unknown" };

/* Helpers */

static void
init_not_computed (SlMetricValue *value,
                   SlMetricUnit   unit)
{
  sl_metric_value_init_undefined (value, unit, NULL, SL_METRIC_REASON_NOT_COMPUTED);
}

static void
resolve_key (SlKpiSummary *self)
{
  g_autofree char *key = sl_kpi_key_normalize (self->key);

  if (sl_metric_from_string (key, &self->metric))
    {
      self->kind = SL_KPI_KIND_METRIC;
      self->unit = sl_metric_get_unit (self->metric);
      self->direction = sl_metric_get_direction (self->metric);
    }
  else if (g_str_equal (key, PIPELINE_VELOCITY_KEY))
    {
      self->kind = SL_KPI_KIND_PIPELINE_VELOCITY;
      self->unit = SL_METRIC_UNIT_MONEY;
      self->direction = SL_METRIC_DIRECTION_HIGHER_IS_BETTER;
    }
  else
    {
      self->kind = SL_KPI_KIND_UNKNOWN;
      self->unit = SL_METRIC_UNIT_COUNT;
      self->direction = SL_METRIC_DIRECTION_NEUTRAL;
    }
}

/* @a − @b exactly, in @a's unit; undefined with @a's reason, else
 * @b's as @if_b. */
static void
subtract (const SlMetricValue *a,
          const SlMetricValue *b,
          SlMetricReason       if_b,
          SlMetricValue       *out)
{
  if (!sl_metric_value_is_defined (a))
    sl_metric_value_init_undefined (out, a->unit, a->currency, a->reason);
  else if (!sl_metric_value_is_defined (b))
    sl_metric_value_init_undefined (out, a->unit, a->currency, if_b);
  else
    sl_metric_value_init_fraction128 (out, a->unit, (SlInt128)a->num * b->den - (SlInt128)b->num * a->den,
                                      (SlInt128)a->den * b->den, a->currency, SL_METRIC_REASON_NONE);
}

static int
sign_of (const SlMetricValue *value)
{
  return value->num > 0 ? 1 : (value->num < 0 ? -1 : 0);
}

/* The target as a value of the metric's unit, FALSE if @unit does not
 * fit it. */
static gboolean
target_value (SlMetricUnit   metric_unit,
              gint64         target,
              const char    *unit,
              const char    *currency,
              SlMetricValue *out)
{
  if (g_strcmp0 (unit, "money") == 0 && metric_unit == SL_METRIC_UNIT_MONEY)
    sl_metric_value_init_money (out, target, currency);
  else if (g_strcmp0 (unit, "basis-points") == 0 &&
           (metric_unit == SL_METRIC_UNIT_PERCENT || metric_unit == SL_METRIC_UNIT_MULTIPLE))
    sl_metric_value_init_fraction (out, metric_unit, target, 10000, NULL, SL_METRIC_REASON_NONE);
  else if (g_strcmp0 (unit, "count") == 0 && metric_unit == SL_METRIC_UNIT_COUNT)
    sl_metric_value_init_count (out, target);
  else if (g_strcmp0 (unit, "days") == 0 && metric_unit == SL_METRIC_UNIT_DAYS)
    sl_metric_value_init_fraction (out, SL_METRIC_UNIT_DAYS, target, 1, NULL, SL_METRIC_REASON_NONE);
  else
    return FALSE;
  return TRUE;
}

/* Public API */

char *
sl_kpi_key_normalize (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_strdelimit (g_strdup (key), "_", '-');
}

SlKpiSummary *
sl_kpi_summary_new (const char *key,
                    gint64      goal_id)
{
  SlKpiSummary *self;

  g_return_val_if_fail (key != NULL, NULL);

  self = g_new0 (SlKpiSummary, 1);
  self->key = g_strdup (key);
  self->goal_id = goal_id;
  resolve_key (self);
  init_not_computed (&self->value, self->unit);
  init_not_computed (&self->previous, self->unit);
  init_not_computed (&self->delta, self->unit);
  init_not_computed (&self->change, SL_METRIC_UNIT_PERCENT);
  init_not_computed (&self->target, self->unit);
  init_not_computed (&self->gap, self->unit);
  self->trend = g_array_new (FALSE, TRUE, sizeof (SlMetricValue));
  self->target_first = self->target_last = SL_DAY_INVALID;
  return self;
}

SlKpiSummary *
sl_kpi_summary_copy (const SlKpiSummary *self)
{
  SlKpiSummary *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->key = g_strdup (self->key);
  copy->trend = g_array_copy (self->trend);
  return copy;
}

void
sl_kpi_summary_free (SlKpiSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_array_unref (self->trend);
  g_free (self);
}

const char *
sl_kpi_summary_get_label (const SlKpiSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case SL_KPI_KIND_METRIC:
      return sl_metric_get_label (self->metric);
    case SL_KPI_KIND_PIPELINE_VELOCITY:
      return _("Pipeline velocity");
    case SL_KPI_KIND_UNKNOWN:
    default:
      return self->key;
    }
}

const char *
sl_kpi_summary_get_description (const SlKpiSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case SL_KPI_KIND_METRIC:
      return sl_metric_get_description (self->metric);
    case SL_KPI_KIND_PIPELINE_VELOCITY:
      return _("Open opportunities × win rate × average deal size ÷ sales cycle: the money the pipeline "
               "brings in per day.");
    case SL_KPI_KIND_UNKNOWN:
    default:
      return NULL;
    }
}

void
sl_kpi_summary_set_values (SlKpiSummary        *self,
                           const SlMetricValue *value,
                           const SlMetricValue *previous)
{
  g_return_if_fail (self != NULL && value != NULL && previous != NULL);

  self->value = *value;
  self->previous = *previous;
  subtract (value, previous, SL_METRIC_REASON_NO_PREVIOUS, &self->delta);

  if (!sl_metric_value_is_defined (&self->delta))
    sl_metric_value_init_undefined (&self->change, SL_METRIC_UNIT_PERCENT, NULL, self->delta.reason);
  else if (previous->num == 0)
    sl_metric_value_init_undefined (&self->change, SL_METRIC_UNIT_PERCENT, NULL, SL_METRIC_REASON_PREVIOUS_ZERO);
  else
    /* (a/b − c/d) ÷ |c/d| = (ad − cb) ÷ (b|c|) */
    sl_metric_value_init_fraction128 (&self->change, SL_METRIC_UNIT_PERCENT,
                                      (SlInt128)value->num * previous->den - (SlInt128)previous->num * value->den,
                                      (SlInt128)value->den * ABS (previous->num), NULL, SL_METRIC_REASON_NONE);

  if (!sl_metric_value_is_defined (&self->delta) || self->direction == SL_METRIC_DIRECTION_NEUTRAL)
    self->verdict = SL_KPI_CHANGE_NONE;
  else if (sign_of (&self->delta) == 0)
    self->verdict = SL_KPI_CHANGE_FLAT;
  else
    self->verdict = (sign_of (&self->delta) > 0) == (self->direction == SL_METRIC_DIRECTION_HIGHER_IS_BETTER)
                    ? SL_KPI_CHANGE_GOOD : SL_KPI_CHANGE_BAD;
}

gboolean
sl_kpi_summary_set_target (SlKpiSummary *self,
                           gint64        key_result_id,
                           gint64        target,
                           const char   *unit,
                           SlDay         first,
                           SlDay         last,
                           const char   *currency)
{
  int cmp;

  g_return_val_if_fail (self != NULL, FALSE);

  self->key_result_id = key_result_id;
  self->target_first = first;
  self->target_last = last;
  if (self->kind == SL_KPI_KIND_UNKNOWN || !target_value (self->unit, target, unit, currency, &self->target))
    {
      init_not_computed (&self->target, self->unit);
      init_not_computed (&self->gap, self->unit);
      self->goal_status = SL_KPI_GOAL_UNKNOWN;
      return FALSE;
    }
  subtract (&self->value, &self->target, SL_METRIC_REASON_NOT_COMPUTED, &self->gap);
  if (!sl_metric_value_is_defined (&self->value))
    {
      self->goal_status = SL_KPI_GOAL_UNKNOWN;
      return TRUE;
    }
  /* A neutral metric's target is one to reach, as a higher one's. */
  cmp = sl_metric_value_compare (&self->value, &self->target);
  if (self->direction == SL_METRIC_DIRECTION_LOWER_IS_BETTER)
    self->goal_status = cmp <= 0 ? SL_KPI_GOAL_MET : SL_KPI_GOAL_BEHIND;
  else
    self->goal_status = cmp >= 0 ? SL_KPI_GOAL_MET : SL_KPI_GOAL_BEHIND;
  return TRUE;
}

const char *
sl_kpi_change_to_string (SlKpiChange change)
{
  g_return_val_if_fail ((guint)change < G_N_ELEMENTS (change_keys), NULL);

  return change_keys[change];
}

const char *
sl_kpi_goal_status_to_string (SlKpiGoalStatus status)
{
  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (goal_keys), NULL);

  return goal_keys[status];
}
