/* sl-timeline-events.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline's events: the request deadlines and monthly check-ins
 * the workspace settings imply, the finance_event rows (a generated
 * event is left out when a row of its kind falls on its day: the row is
 * the same event, named by a person) and the reallocation plans applied
 * in the period. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-timeline-private.h"

static const char finance_events_sql[] =
  "SELECT id, kind, day, title FROM finance_event WHERE day BETWEEN ?1 AND ?2";

/* Applied plans, and whether each touches channel ?1 (0: any); a plan
 * without lines touches every channel. */
static const char applied_plans_sql[] =
  "SELECT p.id, p.title, ifnull (p.applied_at, p.updated_at), "
  "  ?1 = 0 OR NOT EXISTS (SELECT 1 FROM realloc_line l WHERE l.plan_id = p.id) "
  "  OR EXISTS (SELECT 1 FROM realloc_line l WHERE l.plan_id = p.id "
  "             AND (l.from_channel_id = ?1 OR l.to_channel_id = ?1)) "
  "FROM realloc_plan p WHERE p.status = 'applied'";

static const char * const kind_keys[] = {
  [SL_TIMELINE_EVENT_DEADLINE] = "deadline",
  [SL_TIMELINE_EVENT_CHECK_IN] = "check-in",
  [SL_TIMELINE_EVENT_REVIEW] = "review",
  [SL_TIMELINE_EVENT_REALLOCATION] = "reallocation",
};

static const char * const kind_labels[] = {
  [SL_TIMELINE_EVENT_DEADLINE] = N_("Deadline"),
  [SL_TIMELINE_EVENT_CHECK_IN] = N_("Check-in"),
  [SL_TIMELINE_EVENT_REVIEW] = N_("Review"),
  [SL_TIMELINE_EVENT_REALLOCATION] = N_("Reallocation"),
};

/* Helpers */

static void
append_event (SlTimeline          *self,
              SlDay                day,
              SlTimelineEventKind  kind,
              char                *title,
              gint64               id)
{
  SlTimelineEvent event = { day, kind, title, id };

  g_array_append_val (self->events, event);
}

static gboolean
is_stored (GHashTable          *stored,
           SlTimelineEventKind  kind,
           SlDay                day)
{
  gint64 key = (gint64)day * 8 + kind;

  return g_hash_table_contains (stored, &key);
}

static gboolean
read_finance_events (SlTimeline  *self,
                     SlDatabase  *db,
                     GHashTable  *stored,
                     GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, finance_events_sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->period.first);
  sqlite3_bind_int (stmt, 2, self->period.last);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      const char *kind_text;
      SlTimelineEventKind kind;
      SlDay day;

      if (!has_row)
        return TRUE;
      kind_text = (const char *)sqlite3_column_text (stmt, 1);
      kind = g_strcmp0 (kind_text, "deadline") == 0 ? SL_TIMELINE_EVENT_DEADLINE
           : g_strcmp0 (kind_text, "check-in") == 0 ? SL_TIMELINE_EVENT_CHECK_IN
           : SL_TIMELINE_EVENT_REVIEW;
      day = sqlite3_column_int (stmt, 2);
      append_event (self, day, kind, g_strdup ((const char *)sqlite3_column_text (stmt, 3)),
                    sqlite3_column_int64 (stmt, 0));
      g_hash_table_add (stored, g_memdup2 (&(gint64) { (gint64)day * 8 + kind }, sizeof (gint64)));
    }
  return FALSE;
}

/* A request is due @offset days before each fiscal quarter starts. */
static void
add_deadlines (SlTimeline  *self,
               GHashTable  *stored,
               int          offset,
               const char  *locale)
{
  SlPeriod quarter;

  sl_period_init (&quarter, SL_PERIOD_QUARTER, self->period.calendar, self->period.fiscal_start,
                  self->period.first);
  for (;; sl_period_next (&quarter, &quarter))
    {
      SlDay due = quarter.first - offset;
      g_autofree char *name = NULL;

      if (due > self->period.last)
        return;
      if (due < self->period.first || is_stored (stored, SL_TIMELINE_EVENT_DEADLINE, due))
        continue;
      name = sl_period_format (&quarter, locale);
      /* Translators: %s is a fiscal quarter, e.g. "Q3 FY2026" */
      append_event (self, due, SL_TIMELINE_EVENT_DEADLINE, g_strdup_printf (_("Budget request for %s due"), name), 0);
    }
}

/* The check-in falls on day @checkin_day (1–28) of every month. */
static void
add_check_ins (SlTimeline  *self,
               GHashTable  *stored,
               int          checkin_day,
               const char  *locale)
{
  for (guint m = 0; m < self->months->len; m++)
    {
      const SlPeriod *part = &g_array_index (self->months, SlTimelineMonth, m).period;
      g_autofree char *name = NULL;
      SlPeriod month;
      SlDay day;

      sl_period_init (&month, SL_PERIOD_MONTH, part->calendar, part->fiscal_start, part->first);
      day = month.first + checkin_day - 1;
      if (!sl_period_contains (part, day) || is_stored (stored, SL_TIMELINE_EVENT_CHECK_IN, day))
        continue;
      name = sl_period_format (&month, locale);
      /* Translators: %s is a month, e.g. "October 2026" */
      append_event (self, day, SL_TIMELINE_EVENT_CHECK_IN, g_strdup_printf (_("Monthly check-in, %s"), name), 0);
    }
}

static gboolean
read_applied_plans (SlTimeline  *self,
                    SlDatabase  *db,
                    gint64       channel_id,
                    GError     **error)
{
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, applied_plans_sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, channel_id);
  while (sl_database_step_row (db, stmt, &has_row, error))
    {
      SlDay day;

      if (!has_row)
        return TRUE;
      day = sl_timeline_day_of_timestamp (sqlite3_column_int64 (stmt, 2));
      if (sqlite3_column_int (stmt, 3) && sl_period_contains (&self->period, day))
        append_event (self, day, SL_TIMELINE_EVENT_REALLOCATION,
                      g_strdup ((const char *)sqlite3_column_text (stmt, 1)), sqlite3_column_int64 (stmt, 0));
    }
  return FALSE;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const SlTimelineEvent *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->id < y->id ? -1 : (x->id > y->id);
}

/* Private API */

gboolean
sl_timeline_read_events (SlTimeline  *self,
                         SlDatabase  *db,
                         int          deadline_offset_days,
                         int          checkin_day,
                         gint64       channel_id,
                         const char  *locale,
                         GError     **error)
{
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!read_finance_events (self, db, stored, error))
    return FALSE;
  add_deadlines (self, stored, deadline_offset_days, locale);
  add_check_ins (self, stored, checkin_day, locale);
  if (!read_applied_plans (self, db, channel_id, error))
    return FALSE;
  g_array_sort (self->events, compare_events);
  return TRUE;
}

/* Public API */

const char *
sl_timeline_event_kind_to_string (SlTimelineEventKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_keys), NULL);

  return kind_keys[kind];
}

const char *
sl_timeline_event_kind_get_label (SlTimelineEventKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_labels), NULL);

  return _(kind_labels[kind]);
}
