/* sl-metrics-rows.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-attribution-result.h"
#include "sl-metrics-rows.h"

const SlMetricsRowColumn sl_metrics_row_columns[SL_METRICS_ROW_N_COLUMNS] = {
  { SL_METRIC_SPEND, N_("Spend") },
  { SL_METRIC_LEADS, N_("Leads") },
  /* Translators: column title, cost per lead */
  { SL_METRIC_CPL, N_("CPL") },
  { SL_METRIC_NEW_CUSTOMERS, N_("Customers") },
  /* Translators: column title, customer acquisition cost */
  { SL_METRIC_CAC, N_("CAC") },
  { SL_METRIC_REVENUE, N_("Revenue") },
  /* Translators: column title, return on marketing investment */
  { SL_METRIC_ROI, N_("ROI") },
  /* Translators: column title, customer lifetime value to acquisition cost */
  { SL_METRIC_CLV_CAC, N_("CLV : CAC") },
};

void
sl_metrics_totals_apply_credit (SlMetricsTotals        *totals,
                                const SlAttributionRow *credit)
{
  g_return_if_fail (totals != NULL);

  totals->won_minor = credit != NULL ? credit->credited_minor : 0;
  totals->won_gross_profit_minor = credit != NULL ? credit->credited_gross_profit_minor : 0;
  /* Which share of the credit came from deals without a margin is not
   * known: any such deal puts ROI on revenue; profit margin then counts
   * the whole credit. */
  totals->won_unknown_gp = credit != NULL ? credit->n_deals - credit->n_deals_with_gross_profit : 0;
  totals->won_unknown_gp_minor = 0;
}

/* Campaign id → its SlAttributionRow in @attribution. */
static GHashTable *
index_campaign_credits (SlAttributionResult *attribution)
{
  GHashTable *credits = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < sl_attribution_result_get_n_rows (attribution); i++)
    {
      const SlAttributionRow *credit = sl_attribution_result_get_row (attribution, i);

      if (credit->campaign_id != 0)
        g_hash_table_insert (credits, (gpointer)&credit->campaign_id, (gpointer)credit);
    }
  return credits;
}

void
sl_metrics_campaign_ids (SlCampaignStore *campaigns,
                         GArray         **campaign_ids,
                         GArray         **channel_ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (campaigns));

  g_return_if_fail (SL_IS_CAMPAIGN_STORE (campaigns));

  *campaign_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  *channel_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (campaigns), i);
      gint64 id = sl_record_get_id (SL_RECORD (campaign));
      gint64 channel_id = sl_campaign_get_channel_id (campaign);

      g_array_append_val (*campaign_ids, id);
      g_array_append_val (*channel_ids, channel_id);
    }
}

/* The campaigns @ids and their totals over @period, by the channel they
 * belong to (@channel_ids): channel id → GArray of SlMetricsRow. */
static GHashTable *
campaign_rows_by_channel (SlMetrics       *self,
                          const SlPeriod  *period,
                          GArray          *ids,
                          GArray          *channel_ids,
                          GHashTable      *credits,
                          GError         **error)
{
  g_autoptr(GArray) table = NULL;
  g_autoptr(GHashTable) by_channel = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify)g_array_unref);

  table = sl_metrics_campaign_table (self, period, ids, SL_METRICS_ROW_PARTS, error);
  if (table == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 channel_id = g_array_index (channel_ids, gint64, i);
      SlMetricsRow row = { channel_id, g_array_index (ids, gint64, i), g_array_index (table, SlMetricsTotals, i) };
      GArray *list = g_hash_table_lookup (by_channel, &channel_id);

      if (credits != NULL)
        sl_metrics_totals_apply_credit (&row.totals, g_hash_table_lookup (credits, &row.campaign_id));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (SlMetricsRow));
          g_hash_table_insert (by_channel, g_memdup2 (&channel_id, sizeof channel_id), list);
        }
      g_array_append_val (list, row);
    }
  return g_steal_pointer (&by_channel);
}

GArray *
sl_metrics_get_rows (SlMetrics                *self,
                     const SlPeriod           *period,
                     SlCampaignStore          *campaigns,
                     const SlAttributionModel *model,
                     GError                  **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) channel_ids = NULL;

  g_return_val_if_fail (campaigns == NULL || SL_IS_CAMPAIGN_STORE (campaigns), NULL);

  if (campaigns != NULL)
    sl_metrics_campaign_ids (campaigns, &ids, &channel_ids);
  return sl_metrics_get_rows_for (self, period, ids, channel_ids, model, error);
}

GArray *
sl_metrics_get_rows_for (SlMetrics                *self,
                         const SlPeriod           *period,
                         GArray                   *campaign_ids,
                         GArray                   *channel_ids,
                         const SlAttributionModel *model,
                         GError                  **error)
{
  g_autoptr(GArray) table = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(SlAttributionResult) attribution = NULL;
  g_autoptr(GHashTable) credits = NULL;
  g_autoptr(GHashTable) by_channel = NULL;

  g_return_val_if_fail (SL_IS_METRICS (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail ((campaign_ids == NULL) == (channel_ids == NULL), NULL);
  g_return_val_if_fail (campaign_ids == NULL || campaign_ids->len == channel_ids->len, NULL);

  table = sl_metrics_channel_table (self, period, SL_METRICS_ROW_PARTS, error);
  if (table == NULL)
    return NULL;
  if (model != NULL)
    {
      attribution = sl_attribution_run (sl_metrics_get_database (self), *model, period, 0, error);
      if (attribution == NULL)
        return NULL;
      sl_metrics_table_apply_attribution (table, attribution);
      if (campaign_ids != NULL)
        credits = index_campaign_credits (attribution);
    }

  if (campaign_ids != NULL &&
      (by_channel = campaign_rows_by_channel (self, period, campaign_ids, channel_ids, credits, error)) == NULL)
    return NULL;

  rows = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricsRow), table->len);
  for (guint i = 0; i < table->len; i++)
    {
      SlMetricsTotals *totals = &g_array_index (table, SlMetricsTotals, i);
      SlMetricsRow row = { totals->scope.id, 0, *totals };
      GArray *children = by_channel != NULL ? g_hash_table_lookup (by_channel, &row.channel_id) : NULL;

      g_array_append_val (rows, row);
      if (children != NULL)
        g_array_append_vals (rows, children->data, children->len);
    }
  return g_steal_pointer (&rows);
}
