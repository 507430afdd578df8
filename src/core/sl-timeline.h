/* sl-timeline.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-metrics.h"

G_BEGIN_DECLS

/* The Timeline's figures: a period (normally a fiscal year) split into
 * the months of its calendar, each with plan, committed, actual and
 * forecast spend per channel, the outlook, the variance against plan,
 * the burn, the reserve, overspend warnings and the finance calendar's
 * events. Everything is computed as of one day the caller passes (the
 * view passes today, tests a fixed day): months that ended before it
 * are actuals, the rest are estimates. docs/metrics.md › Timeline gives
 * every rule. */

/* As a channel index: every channel shown, summed; as a month index:
 * the whole period. */
#define SL_TIMELINE_TOTAL G_MAXUINT

typedef enum
{
  SL_TIMELINE_PAST,     /* ended before the as-of day: its actuals count */
  SL_TIMELINE_CURRENT,  /* holds the as-of day */
  SL_TIMELINE_FUTURE,   /* starts after the as-of day */
} SlTimelineTense;

/* Money in minor units of the workspace currency. */
typedef struct
{
  gint64        plan_minor;        /* approved plan lines (not the reserve) */
  gint64        committed_minor;   /* purchase orders and contracts */
  gint64        actual_minor;      /* spend on the days before the as-of day */
  gint64        forecast_minor;    /* forecast lines; 0 when there are none */
  gboolean      has_forecast;      /* some forecast line covers the cell */
  /* Actual for past months; for the current and later months the
   * forecast, or the larger of plan and committed without one (and for
   * the current month never less than its actual so far). */
  gint64        outlook_minor;
  gint64        variance_minor;    /* outlook − plan: > 0 is over budget */
  SlMetricValue variance_share;    /* variance ÷ plan; undefined (NO_PLAN) */
  /* From the period's first month to this one (for the whole period:
   * the period's sums again). */
  gint64        cumulative_plan_minor;
  gint64        cumulative_actual_minor;
  gint64        cumulative_outlook_minor;
  gint64        cumulative_variance_minor;
  SlMetricValue cumulative_variance_share;
} SlTimelineCell;

typedef struct
{
  SlPeriod        period;               /* the month, clipped to the timeline's period */
  SlTimelineTense tense;
  gint64          reserve_minor;        /* the reserve lines' share of the month */
  gint64          reserve_drawn_minor;  /* what plans drew from it in the month */
} SlTimelineMonth;

/* A month that caused much of the period's variance. */
typedef struct
{
  guint         month;            /* index */
  gint64        variance_minor;   /* its variance, all channels shown */
  SlMetricValue share;            /* of the period's variance */
} SlTimelineDriver;

typedef struct
{
  gint64 amount_minor;   /* the reserve lines of the period */
  gint64 drawn_minor;    /* taken by approved and applied reallocation plans */
  gint64 left_minor;     /* amount − drawn (negative: overdrawn) */
  guint  n_plans;        /* plans that drew from it (or gave back) */
} SlTimelineReserve;

typedef enum
{
  SL_TIMELINE_WARNING_PERIOD_OVER_PLAN,   /* the period's outlook exceeds its plan */
  SL_TIMELINE_WARNING_RESERVE_OVERDRAWN,  /* plans drew more than the reserve holds */
  SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN,   /* a channel spent more than its month's plan */
  SL_TIMELINE_WARNING_OUTLOOK_OVER_PLAN,  /* a channel is expected to */
} SlTimelineWarningKind;

typedef struct
{
  SlTimelineWarningKind kind;
  guint                 channel;      /* index, or SL_TIMELINE_TOTAL */
  gint64                channel_id;   /* 0 with SL_TIMELINE_TOTAL */
  guint                 month;        /* index, or SL_TIMELINE_TOTAL */
  gint64                amount_minor; /* actual or outlook; the reserve's draws */
  gint64                limit_minor;  /* the plan; the reserve */
  gint64                over_minor;   /* amount − limit, > 0 */
  /* PERIOD_OVER_PLAN: what the reserve left does not cover, ≥ 0. */
  gint64                beyond_reserve_minor;
} SlTimelineWarning;

typedef enum
{
  SL_TIMELINE_EVENT_DEADLINE,      /* a budget request is due */
  SL_TIMELINE_EVENT_CHECK_IN,      /* the monthly check-in */
  SL_TIMELINE_EVENT_REVIEW,        /* a budget review (finance_event only) */
  SL_TIMELINE_EVENT_REALLOCATION,  /* a reallocation plan was applied */
} SlTimelineEventKind;

typedef struct
{
  SlDay               day;
  SlTimelineEventKind kind;
  char               *title;   /* translated when implied by the settings */
  /* The finance_event or realloc_plan row; 0 for the deadlines and
   * check-ins the workspace settings imply. */
  gint64              id;
} SlTimelineEvent;

typedef struct _SlTimeline SlTimeline;

#define SL_TYPE_TIMELINE (sl_timeline_get_type ())

GType                    sl_timeline_get_type            (void) G_GNUC_CONST;

/* The timeline of @period as of @as_of, for every channel (@channel_id
 * 0) or one. @locale formats the periods in generated event titles
 * (NULL: the current one). A few grouped queries over budget_line,
 * rollup_day, realloc_plan/realloc_line and finance_event. */
SlTimeline              *sl_timeline_compute             (SlMetrics       *metrics,
                                                          const SlPeriod  *period,
                                                          SlDay            as_of,
                                                          gint64           channel_id,
                                                          const char      *locale,
                                                          GError         **error);
SlTimeline              *sl_timeline_ref                 (SlTimeline      *self);
void                     sl_timeline_unref               (SlTimeline      *self);

const SlPeriod          *sl_timeline_get_period          (SlTimeline      *self);
SlDay                    sl_timeline_get_as_of           (SlTimeline      *self);
const char              *sl_timeline_get_currency        (SlTimeline      *self);

guint                    sl_timeline_get_n_months        (SlTimeline      *self);
const SlTimelineMonth   *sl_timeline_get_month           (SlTimeline      *self,
                                                          guint            month);
/* The outlook series is actual for months [0, n) and estimated from n
 * on: n is the index where actuals stop. */
guint                    sl_timeline_get_n_actual_months (SlTimeline      *self);

/* The channels shown, in the channels' order (one with a @channel_id). */
guint                    sl_timeline_get_n_channels      (SlTimeline      *self);
gint64                   sl_timeline_get_channel_id      (SlTimeline      *self,
                                                          guint            channel);
/* Whether the channel has any plan line in the period: a channel
 * without a plan gets no overspend warning. */
gboolean                 sl_timeline_channel_has_plan    (SlTimeline      *self,
                                                          guint            channel);
/* @channel and @month may be SL_TIMELINE_TOTAL. */
const SlTimelineCell    *sl_timeline_get_cell            (SlTimeline      *self,
                                                          guint            channel,
                                                          guint            month);

/* The months causing most of the period's variance (all channels
 * shown), largest first: the fewest covering 80 % of it, at most 3,
 * each varying in the direction of the total. None without variance. */
guint                    sl_timeline_get_n_drivers       (SlTimeline      *self);
const SlTimelineDriver  *sl_timeline_get_driver          (SlTimeline      *self,
                                                          guint            index);

/* Actual so far ÷ the period's plan (undefined without a plan), and
 * the share of the period's days before the as-of day. */
void                     sl_timeline_get_burn            (SlTimeline      *self,
                                                          SlMetricValue   *burn,
                                                          SlMetricValue   *elapsed);

/* The workspace's reserve in the period (whatever channel is shown). */
const SlTimelineReserve *sl_timeline_get_reserve         (SlTimeline      *self);
/* The period's plan and reserve: the budget. */
gint64                   sl_timeline_get_budget_minor    (SlTimeline      *self);

/* The period's warning first, then the reserve's, then channel-months
 * by month and channel. */
guint                    sl_timeline_get_n_warnings      (SlTimeline      *self);
const SlTimelineWarning *sl_timeline_get_warning         (SlTimeline      *self,
                                                          guint            index);

/* By day; on one day deadlines, check-ins, reviews, reallocations. */
guint                    sl_timeline_get_n_events        (SlTimeline      *self);
const SlTimelineEvent   *sl_timeline_get_event           (SlTimeline      *self,
                                                          guint            index);

/* "deadline", "check-in", "review", "reallocation". */
const char              *sl_timeline_event_kind_to_string (SlTimelineEventKind kind);
/* "Deadline", "Check-in"…, translated. */
const char              *sl_timeline_event_kind_get_label (SlTimelineEventKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlTimeline, sl_timeline_unref)

G_END_DECLS
