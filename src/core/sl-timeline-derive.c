/* sl-timeline-derive.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the timeline derives from the gathered figures: the outlook and
 * variance of every cell, the running sums, the months driving the
 * variance, the overspend warnings and the burn. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-metric-value-private.h"
#include "sl-timeline-private.h"

/* The smallest set of months covering this share of the variance… */
#define DRIVER_COVER_NUM 4
#define DRIVER_COVER_DEN 5
/* …and at most this many. */
#define MAX_DRIVERS      3

static void
set_variance (SlTimelineCell *cell)
{
  cell->variance_minor = cell->outlook_minor - cell->plan_minor;
  sl_metric_value_init_fraction (&cell->variance_share, SL_METRIC_UNIT_PERCENT, cell->variance_minor,
                                 cell->plan_minor, NULL, SL_METRIC_REASON_NO_PLAN);
}

/* Past: what was spent. Otherwise the forecast, or without one the
 * larger of plan and committed (money under contract will be spent);
 * the current month never less than what it has spent already. */
static void
set_outlook (SlTimelineCell  *cell,
             SlTimelineTense  tense)
{
  gint64 estimate = cell->has_forecast ? cell->forecast_minor : MAX (cell->plan_minor, cell->committed_minor);

  if (tense == SL_TIMELINE_PAST)
    cell->outlook_minor = cell->actual_minor;
  else if (tense == SL_TIMELINE_CURRENT)
    cell->outlook_minor = MAX (estimate, cell->actual_minor);
  else
    cell->outlook_minor = estimate;
  set_variance (cell);
}

static void
add_cell (SlTimelineCell       *sum,
          const SlTimelineCell *cell)
{
  sum->plan_minor += cell->plan_minor;
  sum->committed_minor += cell->committed_minor;
  sum->actual_minor += cell->actual_minor;
  sum->forecast_minor += cell->forecast_minor;
  sum->has_forecast |= cell->has_forecast;
  sum->outlook_minor += cell->outlook_minor;
}

/* Running sums along a row; the whole period's column repeats them. */
static void
set_cumulative (SlTimeline *self,
                guint       channel)
{
  SlTimelineCell run = { 0 };
  SlTimelineCell *period = sl_timeline_cell_at (self, channel, SL_TIMELINE_TOTAL);

  for (guint m = 0; m <= self->months->len; m++)
    {
      SlTimelineCell *cell = sl_timeline_cell_at (self, channel, m == self->months->len ? SL_TIMELINE_TOTAL : m);

      if (m < self->months->len)
        add_cell (&run, cell);
      else
        {
          *period = run;
          set_variance (period);
        }
      cell->cumulative_plan_minor = run.plan_minor;
      cell->cumulative_actual_minor = run.actual_minor;
      cell->cumulative_outlook_minor = run.outlook_minor;
      cell->cumulative_variance_minor = run.outlook_minor - run.plan_minor;
      sl_metric_value_init_fraction (&cell->cumulative_variance_share, SL_METRIC_UNIT_PERCENT,
                                     cell->cumulative_variance_minor, run.plan_minor, NULL,
                                     SL_METRIC_REASON_NO_PLAN);
    }
}

static void
derive_cells (SlTimeline *self)
{
  guint n_channels = self->channel_ids->len;

  for (guint m = 0; m < self->months->len; m++)
    {
      SlTimelineTense tense = g_array_index (self->months, SlTimelineMonth, m).tense;
      SlTimelineCell *total = sl_timeline_cell_at (self, SL_TIMELINE_TOTAL, m);

      for (guint c = 0; c < n_channels; c++)
        {
          set_outlook (sl_timeline_cell_at (self, c, m), tense);
          add_cell (total, sl_timeline_cell_at (self, c, m));
        }
      set_variance (total);
      self->reserve.amount_minor += g_array_index (self->months, SlTimelineMonth, m).reserve_minor;
    }
  for (guint c = 0; c < n_channels; c++)
    set_cumulative (self, c);
  set_cumulative (self, SL_TIMELINE_TOTAL);
  self->reserve.left_minor = self->reserve.amount_minor - self->reserve.drawn_minor;
}

static int
compare_drivers (gconstpointer a,
                 gconstpointer b)
{
  const SlTimelineDriver *x = a, *y = b;
  gint64 dx = ABS (x->variance_minor), dy = ABS (y->variance_minor);

  if (dx != dy)
    return dx > dy ? -1 : 1;
  return x->month < y->month ? -1 : (x->month > y->month);
}

/* The months varying in the direction of the period's variance, largest
 * first, until they cover 80 % of it (at most three). */
static void
find_drivers (SlTimeline *self)
{
  gint64 total = sl_timeline_cell_at (self, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL)->variance_minor;
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (SlTimelineDriver));
  gint64 covered = 0;

  if (total == 0)
    return;
  for (guint m = 0; m < self->months->len; m++)
    {
      SlTimelineDriver driver = { m, sl_timeline_cell_at (self, SL_TIMELINE_TOTAL, m)->variance_minor };

      if ((driver.variance_minor > 0) == (total > 0) && driver.variance_minor != 0)
        g_array_append_val (candidates, driver);
    }
  g_array_sort (candidates, compare_drivers);
  for (guint i = 0; i < candidates->len && self->drivers->len < MAX_DRIVERS; i++)
    {
      SlTimelineDriver *driver = &g_array_index (candidates, SlTimelineDriver, i);

      if ((SlInt128)covered * DRIVER_COVER_DEN >= (SlInt128)ABS (total) * DRIVER_COVER_NUM)
        break;
      sl_metric_value_init_fraction (&driver->share, SL_METRIC_UNIT_PERCENT, driver->variance_minor, total,
                                     NULL, SL_METRIC_REASON_NONE);
      covered += ABS (driver->variance_minor);
      g_array_append_val (self->drivers, *driver);
    }
}

static void
append_warning (SlTimeline            *self,
                SlTimelineWarningKind  kind,
                guint                  channel,
                guint                  month,
                gint64                 amount,
                gint64                 limit)
{
  SlTimelineWarning warning = {
    kind, channel, channel == SL_TIMELINE_TOTAL ? 0 : g_array_index (self->channel_ids, gint64, channel),
    month, amount, limit, amount - limit, 0,
  };

  if (kind == SL_TIMELINE_WARNING_PERIOD_OVER_PLAN)
    warning.beyond_reserve_minor = MAX (0, warning.over_minor - MAX (0, self->reserve.left_minor));
  g_array_append_val (self->warnings, warning);
}

static gboolean
any_plan (SlTimeline *self)
{
  for (guint c = 0; c < self->has_plan->len; c++)
    if (g_array_index (self->has_plan, gboolean, c))
      return TRUE;
  return FALSE;
}

/* Only channels with a plan in the period are checked: there is no
 * plan to overspend otherwise. */
static void
find_warnings (SlTimeline *self)
{
  const SlTimelineCell *period = sl_timeline_cell_at (self, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL);

  if (any_plan (self) && period->outlook_minor > period->plan_minor)
    append_warning (self, SL_TIMELINE_WARNING_PERIOD_OVER_PLAN, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL,
                    period->outlook_minor, period->plan_minor);
  if (self->reserve.drawn_minor > self->reserve.amount_minor)
    append_warning (self, SL_TIMELINE_WARNING_RESERVE_OVERDRAWN, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL,
                    self->reserve.drawn_minor, self->reserve.amount_minor);

  for (guint m = 0; m < self->months->len; m++)
    for (guint c = 0; c < self->channel_ids->len; c++)
      {
        const SlTimelineCell *cell = sl_timeline_cell_at (self, c, m);
        SlTimelineTense tense = g_array_index (self->months, SlTimelineMonth, m).tense;

        if (!g_array_index (self->has_plan, gboolean, c))
          continue;
        if (tense != SL_TIMELINE_FUTURE && cell->actual_minor > cell->plan_minor)
          append_warning (self, SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN, c, m, cell->actual_minor, cell->plan_minor);
        else if (tense != SL_TIMELINE_PAST && cell->outlook_minor > cell->plan_minor)
          append_warning (self, SL_TIMELINE_WARNING_OUTLOOK_OVER_PLAN, c, m, cell->outlook_minor, cell->plan_minor);
      }
}

static void
set_burn (SlTimeline *self)
{
  const SlTimelineCell *period = sl_timeline_cell_at (self, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL);
  gint64 n_days = sl_period_n_days (&self->period);
  gint64 before = CLAMP ((gint64)self->as_of - self->period.first, 0, n_days);

  sl_metric_value_init_fraction (&self->burn, SL_METRIC_UNIT_PERCENT, period->actual_minor, period->plan_minor,
                                 NULL, SL_METRIC_REASON_NO_PLAN);
  sl_metric_value_init_fraction (&self->elapsed, SL_METRIC_UNIT_PERCENT, before, n_days, NULL,
                                 SL_METRIC_REASON_NONE);
}

/* Private API */

void
sl_timeline_derive (SlTimeline *self)
{
  derive_cells (self);
  find_drivers (self);
  find_warnings (self);
  set_burn (self);
}
