/* sl-channels-view-prefetch.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Channels view's figures read on a worker thread with its own
 * connection to the workspace: started when the view gets its workspace
 * before it is shown, it reads the period's rows and then the fiscal
 * year's ROI by month on the second core while the window is built. The
 * view takes each when it needs it, waiting if it must. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include "sl-channels-view-private.h"

struct _SlChannelsPrefetch
{
  gatomicrefcount     ref_count;
  GMutex              lock;
  GCond               cond;
  char               *path;
  SlPeriod            period;
  gboolean            attributed;
  SlAttributionModel  model;
  GArray             *campaign_ids;
  GArray             *channel_ids;
  SlPeriod            year;
  gboolean            rows_done;
  GArray             *rows;     /* SlMetricsRow; NULL if not read */
  gboolean            matrix_done;
  SlMetricsMatrix    *matrix;   /* NULL if not read */
};

static void
prefetch_unref (SlChannelsPrefetch *prefetch)
{
  if (!g_atomic_ref_count_dec (&prefetch->ref_count))
    return;
  g_clear_pointer (&prefetch->rows, g_array_unref);
  g_clear_pointer (&prefetch->matrix, sl_metrics_matrix_unref);
  g_clear_pointer (&prefetch->campaign_ids, g_array_unref);
  g_clear_pointer (&prefetch->channel_ids, g_array_unref);
  g_mutex_clear (&prefetch->lock);
  g_cond_clear (&prefetch->cond);
  g_free (prefetch->path);
  g_free (prefetch);
}

static gpointer
prefetch_thread (gpointer data)
{
  SlChannelsPrefetch *prefetch = data;
  g_autoptr(SlDatabase) db = sl_database_open (prefetch->path, SL_DATABASE_OPEN_EXISTING, NULL);
  g_autoptr(SlMetrics) metrics = db != NULL ? sl_metrics_new (db) : NULL;
  GArray *rows = NULL;
  SlMetricsMatrix *matrix = NULL;

  if (metrics != NULL)
    rows = sl_metrics_get_rows_for (metrics, &prefetch->period, prefetch->campaign_ids, prefetch->channel_ids,
                                    prefetch->attributed ? &prefetch->model : NULL, NULL);
  g_mutex_lock (&prefetch->lock);
  prefetch->rows = rows;
  prefetch->rows_done = TRUE;
  g_cond_broadcast (&prefetch->cond);
  g_mutex_unlock (&prefetch->lock);

  if (metrics != NULL)
    matrix = sl_metrics_get_matrix (metrics, &prefetch->year, SL_PERIOD_MONTH, NULL);
  g_mutex_lock (&prefetch->lock);
  prefetch->matrix = matrix;
  prefetch->matrix_done = TRUE;
  g_cond_broadcast (&prefetch->cond);
  g_mutex_unlock (&prefetch->lock);

  prefetch_unref (prefetch);
  return NULL;
}

void
sl_channels_view_prefetch (SlChannelsView *self)
{
  const char *path = sl_database_get_path (sl_workspace_get_database (self->workspace));
  const SlPeriod *period = sl_view_filter_get_period (self->filter);
  SlChannelsPrefetch *prefetch;

  sl_channels_view_clear_prefetch (self);
  if (path == NULL || !g_path_is_absolute (path))
    return;
  prefetch = g_new0 (SlChannelsPrefetch, 1);
  g_atomic_ref_count_init (&prefetch->ref_count);
  g_mutex_init (&prefetch->lock);
  g_cond_init (&prefetch->cond);
  prefetch->path = g_strdup (path);
  prefetch->period = *period;
  prefetch->attributed = sl_view_filter_get_attributed (self->filter);
  prefetch->model = sl_view_filter_get_model (self->filter);
  sl_metrics_campaign_ids (sl_workspace_get_campaigns (self->workspace),
                           &prefetch->campaign_ids, &prefetch->channel_ids);
  sl_workspace_get_fiscal_year (self->workspace, period->first, &prefetch->year);
  /* One reference for the thread, one for the view. */
  g_atomic_ref_count_inc (&prefetch->ref_count);
  g_thread_unref (g_thread_new ("sl-channels", prefetch_thread, prefetch));
  self->prefetch = prefetch;
}

void
sl_channels_view_clear_prefetch (SlChannelsView *self)
{
  g_clear_pointer (&self->prefetch, prefetch_unref);
}

GArray *
sl_channels_view_take_prefetched_rows (SlChannelsView *self)
{
  SlChannelsPrefetch *prefetch = self->prefetch;
  const SlPeriod *period = sl_view_filter_get_period (self->filter);
  gboolean attributed = sl_view_filter_get_attributed (self->filter);
  GArray *rows;

  if (prefetch == NULL || !sl_period_equal (&prefetch->period, period) ||
      prefetch->attributed != attributed ||
      (attributed && prefetch->model != sl_view_filter_get_model (self->filter)))
    return NULL;
  g_mutex_lock (&prefetch->lock);
  while (!prefetch->rows_done)
    g_cond_wait (&prefetch->cond, &prefetch->lock);
  rows = g_steal_pointer (&prefetch->rows);
  g_mutex_unlock (&prefetch->lock);
  return rows;
}

SlMetricsMatrix *
sl_channels_view_take_prefetched_matrix (SlChannelsView *self,
                                         const SlPeriod *year)
{
  SlChannelsPrefetch *prefetch = self->prefetch;
  SlMetricsMatrix *matrix;

  if (prefetch == NULL || !sl_period_equal (&prefetch->year, year))
    return NULL;
  g_mutex_lock (&prefetch->lock);
  while (!prefetch->matrix_done)
    g_cond_wait (&prefetch->cond, &prefetch->lock);
  matrix = g_steal_pointer (&prefetch->matrix);
  g_mutex_unlock (&prefetch->lock);
  /* Read once: later changes are read on the spot. */
  sl_channels_view_clear_prefetch (self);
  return matrix;
}
