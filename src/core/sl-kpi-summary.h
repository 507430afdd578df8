/* sl-kpi-summary.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metric.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* One KPI of the Overview: its value in a period, against the period
 * before and against its goal, and its monthly trend. SlOverview fills
 * them; the judgements (change, goal status) are pure functions here.
 * docs/metrics.md › Overview gives the rules. */

typedef enum
{
  SL_KPI_KIND_METRIC,             /* an SlMetric of the engine */
  SL_KPI_KIND_PIPELINE_VELOCITY,  /* the funnel's pipeline velocity */
  SL_KPI_KIND_UNKNOWN,            /* a key this version does not know */
} SlKpiKind;

typedef enum
{
  SL_KPI_CHANGE_NONE,  /* nothing to judge: a value is undefined, or the metric is neutral */
  SL_KPI_CHANGE_FLAT,  /* the same as before */
  SL_KPI_CHANGE_GOOD,  /* moved the way the metric should */
  SL_KPI_CHANGE_BAD,   /* moved the other way */
} SlKpiChange;

typedef enum
{
  SL_KPI_GOAL_NONE,     /* no key result of the KPI's goal for it overlaps the period */
  SL_KPI_GOAL_MET,      /* at or beyond the target, on the metric's good side */
  SL_KPI_GOAL_BEHIND,   /* short of it */
  SL_KPI_GOAL_UNKNOWN,  /* the value is undefined, or the target's unit does not fit */
} SlKpiGoalStatus;

typedef struct
{
  char              *key;            /* kpi.metric as stored, e.g. "cac" */
  SlKpiKind          kind;
  SlMetric           metric;         /* SL_KPI_KIND_METRIC only */
  SlMetricUnit       unit;
  SlMetricDirection  direction;
  gint64             goal_id;        /* kpi.goal_id; 0: none */

  SlMetricValue      value;          /* in the period */
  SlMetricValue      previous;       /* in the period before, of the same length */
  SlMetricValue      delta;          /* value − previous, in the metric's unit */
  /* (value − previous) ÷ |previous|, a percentage: undefined when either
   * is (NO_PREVIOUS for the previous) or the previous is 0
   * (PREVIOUS_ZERO). */
  SlMetricValue      change;
  SlKpiChange        verdict;

  /* SlMetricValue per month, oldest first: the months of the overview
   * (sl_overview_get_trend_month()), undefined where the metric is. */
  GArray            *trend;

  SlKpiGoalStatus    goal_status;
  gint64             key_result_id;  /* 0: none */
  SlDay              target_first;   /* the key result's days */
  SlDay              target_last;
  SlMetricValue      target;         /* in the metric's unit */
  SlMetricValue      gap;            /* value − target, in the metric's unit */
} SlKpiSummary;

#define SL_TYPE_KPI_SUMMARY (sl_kpi_summary_get_type ())

GType          sl_kpi_summary_get_type        (void) G_GNUC_CONST;
/* A summary of @key ("cac"; "clv_cac" is read as "clv-cac"), every
 * value undefined (NOT_COMPUTED), no goal. */
SlKpiSummary  *sl_kpi_summary_new             (const char          *key,
                                               gint64               goal_id);
SlKpiSummary  *sl_kpi_summary_copy            (const SlKpiSummary  *self);
void           sl_kpi_summary_free            (SlKpiSummary        *self);

/* The name and definition for people, translated (an unknown key is
 * shown as itself, with no definition). */
const char    *sl_kpi_summary_get_label       (const SlKpiSummary  *self);
const char    *sl_kpi_summary_get_description (const SlKpiSummary  *self);

/* Sets value and previous, and from them delta, change and verdict. */
void           sl_kpi_summary_set_values      (SlKpiSummary        *self,
                                               const SlMetricValue *value,
                                               const SlMetricValue *previous);
/* Sets the target of a key result (@target in @unit: "money" in minor
 * units of @currency, "basis-points", "count", "days"), and from the
 * value set before, the goal status and the gap. FALSE (status UNKNOWN)
 * when @unit does not fit the metric. */
gboolean       sl_kpi_summary_set_target      (SlKpiSummary        *self,
                                               gint64               key_result_id,
                                               gint64               target,
                                               const char          *unit,
                                               SlDay                first,
                                               SlDay                last,
                                               const char          *currency);

/* "metric-key" with dashes: "clv_cac" → "clv-cac" (newly allocated). */
char          *sl_kpi_key_normalize           (const char          *key);
/* "none", "flat", "good", "bad"; "none", "met", "behind", "unknown". */
const char    *sl_kpi_change_to_string        (SlKpiChange          change);
const char    *sl_kpi_goal_status_to_string   (SlKpiGoalStatus      status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlKpiSummary, sl_kpi_summary_free)

G_END_DECLS
