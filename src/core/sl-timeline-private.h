/* sl-timeline-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-timeline.h"

G_BEGIN_DECLS

struct _SlTimeline
{
  gatomicrefcount    ref_count;
  SlPeriod           period;
  SlDay              as_of;
  char               currency[4];
  GArray            *months;       /* SlTimelineMonth */
  GArray            *channel_ids;  /* gint64, in the channels' order */
  GArray            *has_plan;     /* gboolean per channel */
  /* (n_channels + 1) rows × (n_months + 1) columns, row-major; the last
   * row sums the channels, the last column the months. */
  GArray            *cells;        /* SlTimelineCell */
  guint              n_actual;
  GArray            *drivers;      /* SlTimelineDriver */
  GArray            *warnings;     /* SlTimelineWarning */
  GArray            *events;       /* SlTimelineEvent */
  SlTimelineReserve  reserve;
  SlMetricValue      burn;
  SlMetricValue      elapsed;
};

/* The cell of a channel (or SL_TIMELINE_TOTAL) and month (or
 * SL_TIMELINE_TOTAL), writable. */
SlTimelineCell *sl_timeline_cell_at          (SlTimeline  *self,
                                              guint        channel,
                                              guint        month);
/* The index of the month holding @day, or SL_TIMELINE_TOTAL when the
 * period does not hold it. */
guint           sl_timeline_find_month       (SlTimeline  *self,
                                              SlDay        day);
/* The local day of a timestamp (µs since the epoch). */
SlDay           sl_timeline_day_of_timestamp (gint64       us);

/* sl-timeline-queries.c: fill the cells' plan, committed, forecast and
 * actual, the channels' has_plan, the months' reserve and draws. */
gboolean        sl_timeline_read_channels    (SlTimeline  *self,
                                              SlDatabase  *db,
                                              gint64       channel_id,
                                              GError     **error);
gboolean        sl_timeline_read_lines       (SlTimeline  *self,
                                              SlDatabase  *db,
                                              GError     **error);
gboolean        sl_timeline_read_spend       (SlTimeline  *self,
                                              SlDatabase  *db,
                                              gint64       channel_id,
                                              GError     **error);
gboolean        sl_timeline_read_draws       (SlTimeline  *self,
                                              SlDatabase  *db,
                                              GError     **error);

/* sl-timeline-derive.c: everything else, once the figures are in. */
void            sl_timeline_derive           (SlTimeline  *self);

/* sl-timeline-events.c */
gboolean        sl_timeline_read_events      (SlTimeline  *self,
                                              SlDatabase  *db,
                                              int          deadline_offset_days,
                                              int          checkin_day,
                                              gint64       channel_id,
                                              const char  *locale,
                                              GError     **error);

G_END_DECLS
