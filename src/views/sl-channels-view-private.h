/* sl-channels-view-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-channel-item.h"
#include "sl-channels-view.h"

G_BEGIN_DECLS

typedef struct _SlChannelsPrefetch SlChannelsPrefetch;

/* Shared by sl-channels-view.c, -columns.c (the table's columns and
 * orders) and -heat.c (ROI by month). */
struct _SlChannelsView
{
  AdwBin           parent_instance;

  GtkStack        *stack;
  GtkColumnView   *column_view;
  GtkLabel        *total_label;
  GtkBox          *heat_box;

  SlWorkspace     *workspace;
  SlViewFilter    *filter;
  GListStore      *channels;     /* SlChannelItem */
  GtkSortListModel *sorted;      /* GtkTreeListRow */
  GtkSorter       *result_sorter;  /* the default order, by business result */
  GHashTable      *items;        /* "channel:campaign" → SlChannelItem, reused */
  SlHeatMap       *heat_map;
  SlMetricsMatrix *matrix;       /* ROI by month of the fiscal year shown, credited */
  SlPeriod         matrix_year;
  int              matrix_model; /* -1: channel of origin */
  char            *heat_key;     /* what the heat map shows: matrix and rows */
  SlChannelsPrefetch *prefetch;  /* figures being read on another thread */
  GPtrArray       *flags;        /* SlFlag of flags_period; NULL: not checked */
  SlPeriod         flags_period;
  guint            flags_idle_id;
};


/* sl-channels-view-columns.c */
SlChannelItem *sl_channels_view_row_item      (gpointer        row);
void           sl_channels_view_build_columns (SlChannelsView *self);

/* sl-channels-view-heat.c: the heat map for @items, the channel lines. */
/* Starts reading the period's rows and the fiscal year's matrix on a
 * worker thread, for a view about to be shown; the view then waits for
 * each, if it still must (sl-channels-view-prefetch.c). Clearing drops a
 * prefetch not used (its thread ends on its own). The takers return NULL
 * when none was started for the filter as it is now, or it failed. */
void             sl_channels_view_prefetch              (SlChannelsView *self);
GArray          *sl_channels_view_take_prefetched_rows  (SlChannelsView *self);
SlMetricsMatrix *sl_channels_view_take_prefetched_matrix (SlChannelsView *self,
                                                         const SlPeriod *year);
void             sl_channels_view_clear_prefetch        (SlChannelsView *self);
void           sl_channels_view_update_heat_map (SlChannelsView *self,
                                                 SlMetrics      *metrics,
                                                 GPtrArray      *items);

G_END_DECLS
