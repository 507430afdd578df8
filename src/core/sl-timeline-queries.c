/* sl-timeline-queries.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline's reads: the budget lines overlapping the period (one
 * query, spread over the months by days in C), the spend of its days
 * before the as-of day (one grouped query over rollup_day, bucketed into
 * months in C) and the reserve draws of approved and applied plans. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-attribution.h"
#include "sl-timeline-private.h"

static const char channels_sql[] = "SELECT id FROM channel ORDER BY position, id";

/* Requests are next period's proposals, not this period's figures. */
static const char lines_sql[] =
  "SELECT version, channel_id, campaign_id IS NOT NULL, is_reserve, first_day, last_day, amount_minor "
  "FROM budget_line WHERE version IN ('plan', 'forecast', 'committed') AND request_id IS NULL "
  "AND first_day <= ?2 AND last_day >= ?1 AND currency = ?3";

static const char * const spend_sql[] = {
  "SELECT channel_id, day, sum (spend_minor) FROM rollup_day "
  "WHERE day BETWEEN ?1 AND ?2 GROUP BY channel_id, day",
  "SELECT channel_id, day, sum (spend_minor) FROM rollup_day "
  "WHERE channel_id = ?3 AND day BETWEEN ?1 AND ?2 GROUP BY channel_id, day",
};

static const char draws_sql[] =
  "SELECT p.id, p.reserve_draw_minor, ifnull (p.applied_at, p.updated_at), l.id IS NOT NULL, "
  "l.from_channel_id IS NULL, l.to_channel_id IS NULL, l.from_first_day, l.to_first_day, l.amount_minor "
  "FROM realloc_plan p LEFT JOIN realloc_line l ON l.plan_id = p.id "
  "WHERE p.status IN ('approved', 'applied') AND p.currency = ?1 ORDER BY p.id";

enum { LINE_PLAN, LINE_FORECAST, LINE_COMMITTED, N_LINE_VERSIONS };

/* One version's lines of one channel in one month, channel-level lines
 * and campaign-level lines apart. */
typedef struct
{
  gint64   sum[2];
  gboolean seen[2];
} LineCell;

typedef struct
{
  guint     n_channels;
  guint     n_months;
  LineCell *cells;   /* [version][channel][month] */
  gboolean *any;     /* [version][channel][level]: a line in the period */
} LineSums;

#define LINE_CELL(s, v, c, m) \
  (&(s)->cells[((gsize)(v) * (s)->n_channels + (c)) * (s)->n_months + (m)])
#define LINE_ANY(s, v, c, level) \
  ((s)->any[((gsize)(v) * (s)->n_channels + (c)) * 2 + (level)])

/* Helpers */

static int
line_version (const char *text)
{
  if (g_strcmp0 (text, "plan") == 0)
    return LINE_PLAN;
  if (g_strcmp0 (text, "forecast") == 0)
    return LINE_FORECAST;
  return LINE_COMMITTED;
}

static guint
find_channel (SlTimeline *self,
              gint64      channel_id)
{
  for (guint i = 0; i < self->channel_ids->len; i++)
    if (g_array_index (self->channel_ids, gint64, i) == channel_id)
      return i;
  return SL_TIMELINE_TOTAL;
}

/* Spreads @amount of a line of days [@first, @last] over the months in
 * proportion to the days of each it covers, exactly (the shares and the
 * part outside the period add up to @amount); @covers marks the months
 * it covers. */
static void
spread_line (SlTimeline *self,
             SlDay       first,
             SlDay       last,
             gint64      amount,
             gint64     *shares,
             gboolean   *covers)
{
  guint n = self->months->len;
  g_autofree guint64 *weights = g_new0 (guint64, n + 1);
  g_autofree gint64 *parts = g_new0 (gint64, n + 1);
  guint64 inside = 0;

  for (guint m = 0; m < n; m++)
    {
      const SlPeriod *p = &g_array_index (self->months, SlTimelineMonth, m).period;
      gint64 overlap = (gint64)MIN (last, p->last) - MAX (first, p->first) + 1;

      covers[m] = overlap > 0;
      weights[m] = overlap > 0 ? (guint64)overlap : 0;
      inside += weights[m];
    }
  weights[n] = (guint64)((gint64)last - first + 1) - inside;
  sl_attribution_apportion (amount, weights, n + 1, parts);
  memcpy (shares, parts, n * sizeof (gint64));
}

static void
add_line (SlTimeline *self,
          LineSums   *sums,
          int         version,
          guint       channel,
          int         level,
          SlDay       first,
          SlDay       last,
          gint64      amount)
{
  guint n = self->months->len;
  g_autofree gint64 *shares = g_new0 (gint64, n);
  g_autofree gboolean *covers = g_new0 (gboolean, n);

  spread_line (self, first, last, amount, shares, covers);
  for (guint m = 0; m < n; m++)
    {
      LineCell *cell;

      if (!covers[m])
        continue;
      if (channel == SL_TIMELINE_TOTAL)
        {
          g_array_index (self->months, SlTimelineMonth, m).reserve_minor += shares[m];
          continue;
        }
      cell = LINE_CELL (sums, version, channel, m);
      cell->sum[level] += shares[m];
      cell->seen[level] = TRUE;
    }
  if (channel != SL_TIMELINE_TOTAL)
    LINE_ANY (sums, version, channel, level) = TRUE;
}

/* Plan and forecast: a channel's own lines; its campaigns' lines only
 * when it has none of that version in the period (campaign lines
 * otherwise break the channel's down). Committed lines (purchase orders)
 * all add up. */
static void
store_lines (SlTimeline *self,
             LineSums   *sums)
{
  for (guint c = 0; c < sums->n_channels; c++)
    {
      int plan_level = LINE_ANY (sums, LINE_PLAN, c, 0) ? 0 : 1;
      int forecast_level = LINE_ANY (sums, LINE_FORECAST, c, 0) ? 0 : 1;

      g_array_index (self->has_plan, gboolean, c) = LINE_ANY (sums, LINE_PLAN, c, plan_level);
      for (guint m = 0; m < sums->n_months; m++)
        {
          SlTimelineCell *cell = sl_timeline_cell_at (self, c, m);
          LineCell *plan = LINE_CELL (sums, LINE_PLAN, c, m);
          LineCell *forecast = LINE_CELL (sums, LINE_FORECAST, c, m);
          LineCell *committed = LINE_CELL (sums, LINE_COMMITTED, c, m);

          cell->plan_minor = plan->sum[plan_level];
          cell->forecast_minor = forecast->sum[forecast_level];
          cell->has_forecast = forecast->seen[forecast_level];
          cell->committed_minor = committed->sum[0] + committed->sum[1];
        }
    }
}

/* Public (private) API */

gboolean
sl_timeline_read_channels (SlTimeline  *self,
                           SlDatabase  *db,
                           gint64       channel_id,
                           GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  if (channel_id > 0)
    {
      g_array_append_val (self->channel_ids, channel_id);
      return TRUE;
    }
  stmt = sl_database_prepare (db, channels_sql, error);
  if (stmt == NULL)
    return FALSE;
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      gint64 id;

      if (!has_row)
        return TRUE;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (self->channel_ids, id);
    }
  return FALSE;
}

gboolean
sl_timeline_read_lines (SlTimeline  *self,
                        SlDatabase  *db,
                        GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  LineSums sums = { self->channel_ids->len, self->months->len, NULL, NULL };
  g_autofree LineCell *cells = NULL;
  g_autofree gboolean *any = NULL;
  gboolean has_row;

  cells = sums.cells = g_new0 (LineCell, (gsize)N_LINE_VERSIONS * sums.n_channels * sums.n_months);
  any = sums.any = g_new0 (gboolean, (gsize)N_LINE_VERSIONS * sums.n_channels * 2);
  stmt = sl_database_prepare (db, lines_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->period.first);
  sqlite3_bind_int (stmt, 2, self->period.last);
  sqlite3_bind_text (stmt, 3, self->currency, -1, SQLITE_TRANSIENT);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      int version;
      guint channel;

      if (!has_row)
        {
          store_lines (self, &sums);
          return TRUE;
        }
      version = line_version ((const char *)sqlite3_column_text (stmt, 0));
      if (sqlite3_column_int (stmt, 3))
        {
          /* The reserve: its plan lines only. */
          if (version == LINE_PLAN)
            add_line (self, &sums, version, SL_TIMELINE_TOTAL, 0, sqlite3_column_int (stmt, 4),
                      sqlite3_column_int (stmt, 5), sqlite3_column_int64 (stmt, 6));
          continue;
        }
      channel = find_channel (self, sqlite3_column_int64 (stmt, 1));
      if (channel != SL_TIMELINE_TOTAL)
        add_line (self, &sums, version, channel, sqlite3_column_int (stmt, 2) ? 1 : 0,
                  sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5), sqlite3_column_int64 (stmt, 6));
    }
  return FALSE;
}

gboolean
sl_timeline_read_spend (SlTimeline  *self,
                        SlDatabase  *db,
                        gint64       channel_id,
                        GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  SlDay last = MIN ((gint64)self->period.last, (gint64)self->as_of - 1);
  gboolean has_row;

  /* Only the days before the as-of day: what was known on it. */
  if (last < self->period.first)
    return TRUE;
  stmt = sl_database_prepare (db, spend_sql[channel_id > 0], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->period.first);
  sqlite3_bind_int (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, channel_id);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      guint channel, month;

      if (!has_row)
        return TRUE;
      channel = find_channel (self, sqlite3_column_int64 (stmt, 0));
      month = sl_timeline_find_month (self, sqlite3_column_int (stmt, 1));
      if (channel != SL_TIMELINE_TOTAL && month != SL_TIMELINE_TOTAL)
        sl_timeline_cell_at (self, channel, month)->actual_minor += sqlite3_column_int64 (stmt, 2);
    }
  return FALSE;
}

/* Reserve draws */

typedef struct
{
  gint64   id;
  gint64   reserve_draw;
  SlDay    day;            /* when it was applied (or last changed) */
  gboolean touches_reserve;
  SlDay    first_to_day;   /* the earliest month it moves money into */
  gint64  *drawn;          /* per month, from its reserve lines */
} PlanDraw;

static void
plan_add_line (SlTimeline  *self,
               PlanDraw    *plan,
               SlStatement *stmt)
{
  gboolean from_reserve = sqlite3_column_int (stmt, 4);
  gboolean to_reserve = sqlite3_column_int (stmt, 5);
  SlDay to_day = sqlite3_column_int (stmt, 7);
  guint month;

  plan->first_to_day = MIN (plan->first_to_day, to_day);
  if (!from_reserve && !to_reserve)
    return;
  plan->touches_reserve = TRUE;
  /* Out of the reserve in the month it is taken from; back into it in
   * the month it returns to. */
  month = sl_timeline_find_month (self, from_reserve ? sqlite3_column_int (stmt, 6) : to_day);
  if (month != SL_TIMELINE_TOTAL)
    plan->drawn[month] += (from_reserve ? 1 : -1) * sqlite3_column_int64 (stmt, 8);
}

/* A plan whose lines do not touch the reserve draws its
 * reserve_draw_minor in the first month it moves money into (or, with
 * no lines, when it was applied). */
static void
plan_finish (SlTimeline *self,
             PlanDraw   *plan)
{
  gboolean counted = FALSE;

  if (plan->id == 0)
    return;
  if (!plan->touches_reserve && plan->reserve_draw != 0)
    {
      guint month = sl_timeline_find_month (self, plan->first_to_day != G_MAXINT32 ? plan->first_to_day
                                                                                 : plan->day);

      if (month != SL_TIMELINE_TOTAL)
        plan->drawn[month] += plan->reserve_draw;
    }
  for (guint m = 0; m < self->months->len; m++)
    {
      g_array_index (self->months, SlTimelineMonth, m).reserve_drawn_minor += plan->drawn[m];
      self->reserve.drawn_minor += plan->drawn[m];
      counted |= plan->drawn[m] != 0;
    }
  self->reserve.n_plans += counted;
}

static void
plan_start (PlanDraw    *plan,
            SlStatement *stmt,
            guint        n_months)
{
  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->reserve_draw = sqlite3_column_int64 (stmt, 1);
  plan->day = sl_timeline_day_of_timestamp (sqlite3_column_int64 (stmt, 2));
  plan->touches_reserve = FALSE;
  plan->first_to_day = G_MAXINT32;
  memset (plan->drawn, 0, n_months * sizeof (gint64));
}

gboolean
sl_timeline_read_draws (SlTimeline  *self,
                        SlDatabase  *db,
                        GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree gint64 *drawn = g_new0 (gint64, self->months->len);
  PlanDraw plan = { 0, 0, 0, FALSE, G_MAXINT32, drawn };
  gboolean has_row;

  stmt = sl_database_prepare (db, draws_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->currency, -1, SQLITE_TRANSIENT);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      if (!has_row)
        {
          plan_finish (self, &plan);
          return TRUE;
        }
      if (sqlite3_column_int64 (stmt, 0) != plan.id)
        {
          plan_finish (self, &plan);
          plan_start (&plan, stmt, self->months->len);
        }
      if (sqlite3_column_int (stmt, 3))
        plan_add_line (self, &plan, stmt);
    }
  return FALSE;
}
