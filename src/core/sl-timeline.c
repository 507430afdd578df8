/* sl-timeline.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline: gathers plan, committed, forecast and actual per channel
 * and month (sl-timeline-queries.c) and the events (sl-timeline-events.c),
 * then derives the outlook, variance, drivers, burn and warnings
 * (sl-timeline-derive.c). */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-timeline-private.h"

G_DEFINE_BOXED_TYPE (SlTimeline, sl_timeline, sl_timeline_ref, sl_timeline_unref)

static const char settings_sql[] =
  "SELECT currency, deadline_offset_days, checkin_day FROM workspace WHERE id = 1";

/* Helpers */

static void
clear_event (gpointer data)
{
  g_free (((SlTimelineEvent *)data)->title);
}

static SlTimeline *
timeline_new (const SlPeriod *period,
              SlDay           as_of)
{
  SlTimeline *self = g_new0 (SlTimeline, 1);
  g_autoptr(GArray) parts = sl_period_split (period, SL_PERIOD_MONTH);

  g_atomic_ref_count_init (&self->ref_count);
  self->period = *period;
  self->as_of = as_of;
  self->months = g_array_sized_new (FALSE, TRUE, sizeof (SlTimelineMonth), parts->len);
  for (guint m = 0; m < parts->len; m++)
    {
      SlTimelineMonth month = { g_array_index (parts, SlPeriod, m), SL_TIMELINE_FUTURE, 0, 0 };

      if (month.period.last < as_of)
        {
          month.tense = SL_TIMELINE_PAST;
          self->n_actual++;
        }
      else if (month.period.first <= as_of)
        month.tense = SL_TIMELINE_CURRENT;
      g_array_append_val (self->months, month);
    }
  self->channel_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->has_plan = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->cells = g_array_new (FALSE, TRUE, sizeof (SlTimelineCell));
  self->drivers = g_array_new (FALSE, TRUE, sizeof (SlTimelineDriver));
  self->warnings = g_array_new (FALSE, TRUE, sizeof (SlTimelineWarning));
  self->events = g_array_new (FALSE, TRUE, sizeof (SlTimelineEvent));
  g_array_set_clear_func (self->events, clear_event);
  return self;
}

static gboolean
read_settings (SlTimeline  *self,
               SlDatabase  *db,
               int         *deadline_offset,
               int         *checkin_day,
               GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, settings_sql, error);
  gboolean has_row;

  if (stmt == NULL || !sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error_literal (error, SL_DATABASE_ERROR, SL_DATABASE_ERROR_NOT_A_WORKSPACE,
                           "the workspace has no settings row");
      return FALSE;
    }
  g_strlcpy (self->currency, (const char *)sqlite3_column_text (stmt, 0), sizeof self->currency);
  *deadline_offset = sqlite3_column_int (stmt, 1);
  *checkin_day = CLAMP (sqlite3_column_int (stmt, 2), 1, 28);
  return TRUE;
}

static gboolean
gather (SlTimeline  *self,
        SlDatabase  *db,
        gint64       channel_id,
        const char  *locale,
        GError     **error)
{
  int deadline_offset, checkin_day;

  if (!read_settings (self, db, &deadline_offset, &checkin_day, error) ||
      !sl_timeline_read_channels (self, db, channel_id, error))
    return FALSE;
  g_array_set_size (self->has_plan, self->channel_ids->len);
  g_array_set_size (self->cells, (self->channel_ids->len + 1) * (self->months->len + 1));
  return sl_timeline_read_lines (self, db, error) &&
         sl_timeline_read_spend (self, db, channel_id, error) &&
         sl_timeline_read_draws (self, db, error) &&
         sl_timeline_read_events (self, db, deadline_offset, checkin_day, channel_id, locale, error);
}

/* Private API */

SlTimelineCell *
sl_timeline_cell_at (SlTimeline *self,
                     guint       channel,
                     guint       month)
{
  guint row = channel == SL_TIMELINE_TOTAL ? self->channel_ids->len : channel;
  guint column = month == SL_TIMELINE_TOTAL ? self->months->len : month;

  return &g_array_index (self->cells, SlTimelineCell, (gsize)row * (self->months->len + 1) + column);
}

guint
sl_timeline_find_month (SlTimeline *self,
                        SlDay       day)
{
  guint lo = 0, hi = self->months->len;

  if (!sl_period_contains (&self->period, day))
    return SL_TIMELINE_TOTAL;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->months, SlTimelineMonth, mid).period.first <= day)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

SlDay
sl_timeline_day_of_timestamp (gint64 us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (us / G_USEC_PER_SEC);
  int y, m, d;

  if (time == NULL)
    return SL_DAY_INVALID;
  g_date_time_get_ymd (time, &y, &m, &d);
  return sl_day_from_ymd (y, m, d);
}

/* Public API */

SlTimeline *
sl_timeline_compute (SlMetrics       *metrics,
                     const SlPeriod  *period,
                     SlDay            as_of,
                     gint64           channel_id,
                     const char      *locale,
                     GError         **error)
{
  g_autoptr(SlTimeline) self = NULL;

  g_return_val_if_fail (SL_IS_METRICS (metrics), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (as_of != SL_DAY_INVALID, NULL);
  g_return_val_if_fail (channel_id >= 0, NULL);

  self = timeline_new (period, as_of);
  if (!gather (self, sl_metrics_get_database (metrics), channel_id, locale, error))
    return NULL;
  sl_timeline_derive (self);
  return g_steal_pointer (&self);
}

SlTimeline *
sl_timeline_ref (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sl_timeline_unref (SlTimeline *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->months);
  g_array_unref (self->channel_ids);
  g_array_unref (self->has_plan);
  g_array_unref (self->cells);
  g_array_unref (self->drivers);
  g_array_unref (self->warnings);
  g_array_unref (self->events);
  g_free (self);
}

const SlPeriod *
sl_timeline_get_period (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->period;
}

SlDay
sl_timeline_get_as_of (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, SL_DAY_INVALID);

  return self->as_of;
}

const char *
sl_timeline_get_currency (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}

guint
sl_timeline_get_n_months (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->months->len;
}

const SlTimelineMonth *
sl_timeline_get_month (SlTimeline *self,
                       guint       month)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (month < self->months->len, NULL);

  return &g_array_index (self->months, SlTimelineMonth, month);
}

guint
sl_timeline_get_n_actual_months (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_actual;
}

guint
sl_timeline_get_n_channels (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->channel_ids->len;
}

gint64
sl_timeline_get_channel_id (SlTimeline *self,
                            guint       channel)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (channel < self->channel_ids->len, 0);

  return g_array_index (self->channel_ids, gint64, channel);
}

gboolean
sl_timeline_channel_has_plan (SlTimeline *self,
                              guint       channel)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (channel < self->channel_ids->len, FALSE);

  return g_array_index (self->has_plan, gboolean, channel);
}

const SlTimelineCell *
sl_timeline_get_cell (SlTimeline *self,
                      guint       channel,
                      guint       month)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (channel < self->channel_ids->len || channel == SL_TIMELINE_TOTAL, NULL);
  g_return_val_if_fail (month < self->months->len || month == SL_TIMELINE_TOTAL, NULL);

  return sl_timeline_cell_at (self, channel, month);
}

guint
sl_timeline_get_n_drivers (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->drivers->len;
}

const SlTimelineDriver *
sl_timeline_get_driver (SlTimeline *self,
                        guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->drivers->len, NULL);

  return &g_array_index (self->drivers, SlTimelineDriver, index);
}

void
sl_timeline_get_burn (SlTimeline    *self,
                      SlMetricValue *burn,
                      SlMetricValue *elapsed)
{
  g_return_if_fail (self != NULL);

  if (burn != NULL)
    *burn = self->burn;
  if (elapsed != NULL)
    *elapsed = self->elapsed;
}

const SlTimelineReserve *
sl_timeline_get_reserve (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->reserve;
}

gint64
sl_timeline_get_budget_minor (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sl_timeline_cell_at (self, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL)->plan_minor + self->reserve.amount_minor;
}

guint
sl_timeline_get_n_warnings (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->warnings->len;
}

const SlTimelineWarning *
sl_timeline_get_warning (SlTimeline *self,
                         guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  return &g_array_index (self->warnings, SlTimelineWarning, index);
}

guint
sl_timeline_get_n_events (SlTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->events->len;
}

const SlTimelineEvent *
sl_timeline_get_event (SlTimeline *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  return &g_array_index (self->events, SlTimelineEvent, index);
}
