/* sl-channels-view-heat.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Channels view's ROI by month: the fiscal year's months × channels,
 * kept while the year and the credit stay the same. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include "sl-attribution-result.h"
#include "sl-channels-view-private.h"

/* The months × channels of the fiscal year holding the period, revenue
 * credited as the filter says; kept while neither changes. */
static SlMetricsMatrix *
get_matrix (SlChannelsView *self,
            SlMetrics      *metrics)
{
  const SlPeriod *period = sl_view_filter_get_period (self->filter);
  int model = sl_view_filter_get_attributed (self->filter) ? (int)sl_view_filter_get_model (self->filter) : -1;
  g_autoptr(GError) error = NULL;
  SlPeriod year;

  sl_workspace_get_fiscal_year (self->workspace, period->first, &year);
  if (self->matrix != NULL && sl_period_equal (&year, &self->matrix_year) && model == self->matrix_model)
    return self->matrix;

  g_clear_pointer (&self->matrix, sl_metrics_matrix_unref);
  g_clear_pointer (&self->heat_key, g_free);
  self->matrix = sl_channels_view_take_prefetched_matrix (self, &year);
  if (self->matrix == NULL)
    self->matrix = sl_metrics_get_matrix (metrics, &year, SL_PERIOD_MONTH, &error);
  if (self->matrix == NULL)
    {
      g_warning ("Could not compute ROI by month: %s", error->message);
      return NULL;
    }
  self->matrix_year = year;
  self->matrix_model = model;
  return self->matrix;
}

/* The ROI of channel @c in month @p, credited under the filter's model. */
static void
matrix_roi (SlChannelsView  *self,
            SlMetricsMatrix *matrix,
            GPtrArray       *credits,
            guint            c,
            guint            p,
            SlMetricValue   *out)
{
  SlMetricsTotals totals = *sl_metrics_matrix_get_totals (matrix, c, p);

  if (credits != NULL)
    {
      g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (SlMetricsTotals));

      g_array_append_val (one, totals);
      sl_metrics_table_apply_attribution (one, g_ptr_array_index (credits, p));
      totals = g_array_index (one, SlMetricsTotals, 0);
    }
  sl_metrics_totals_get (&totals, SL_METRIC_ROI, out);
}

/* Each month's attribution, when revenue is credited under a model. */
static GPtrArray *
month_credits (SlChannelsView  *self,
               SlMetricsMatrix *matrix)
{
  GPtrArray *credits;

  if (!sl_view_filter_get_attributed (self->filter))
    return NULL;
  credits = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_attribution_result_unref);
  for (guint p = 0; p < sl_metrics_matrix_get_n_periods (matrix); p++)
    {
      g_autoptr(GError) error = NULL;
      SlAttributionResult *result = sl_attribution_run (sl_workspace_get_database (self->workspace),
                                                        sl_view_filter_get_model (self->filter),
                                                        sl_metrics_matrix_get_period (matrix, p), 0, &error);

      if (result == NULL)
        {
          g_warning ("Could not credit revenue: %s", error->message);
          g_ptr_array_unref (credits);
          return NULL;
        }
      g_ptr_array_add (credits, result);
    }
  return credits;
}

void
sl_channels_view_update_heat_map (SlChannelsView *self,
                                  SlMetrics      *metrics,
                                  GPtrArray      *items)
{
  SlMetricsMatrix *matrix = get_matrix (self, metrics);
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GString) key = NULL;
  guint n_periods;

  if (matrix == NULL)
    return;
  /* The same matrix and the same rows: nothing to redo. */
  key = g_string_new (NULL);
  g_string_append_printf (key, "%p", matrix);
  for (guint r = 0; r < items->len; r++)
    g_string_append_printf (key, ":%" G_GINT64_FORMAT, sl_channel_item_get_channel_id (items->pdata[r]));
  if (g_strcmp0 (key->str, self->heat_key) == 0)
    return;
  g_free (self->heat_key);
  self->heat_key = g_string_free (g_steal_pointer (&key), FALSE);

  credits = month_credits (self, matrix);
  n_periods = sl_metrics_matrix_get_n_periods (matrix);
  sl_heat_map_set_size (self->heat_map, items->len, n_periods);
  for (guint p = 0; p < n_periods; p++)
    {
      const SlPeriod *month = sl_metrics_matrix_get_period (matrix, p);
      g_autofree char *name = sl_calendar_month_name (month->calendar, month->index, NULL);

      sl_heat_map_set_column_label (self->heat_map, p, name);
    }
  /* A row per channel line of the table, in the channels' order. */
  for (guint r = 0; r < items->len; r++)
    {
      gint64 id = sl_channel_item_get_channel_id (items->pdata[r]);

      sl_heat_map_set_row_label (self->heat_map, r, sl_channel_item_get_name (items->pdata[r]));
      for (guint c = 0; c < sl_metrics_matrix_get_n_channels (matrix); c++)
        {
          if (sl_metrics_matrix_get_channel_id (matrix, c) != id)
            continue;
          for (guint p = 0; p < n_periods; p++)
            {
              g_autofree char *text = NULL;
              SlMetricValue roi;
              double x;

              matrix_roi (self, matrix, credits, c, p, &roi);
              text = sl_metric_value_format (&roi, NULL);
              if (sl_metric_value_to_double (&roi, &x))
                sl_heat_map_set_value (self->heat_map, r, p, x, text);
              else
                sl_heat_map_set_undefined (self->heat_map, r, p, sl_metric_reason_get_label (roi.reason));
            }
        }
    }
}

