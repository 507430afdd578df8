/* sl-metrics-rows.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-attribution-result.h"
#include "sl-metrics-rows.h"

void
sl_metrics_totals_apply_credit (SlMetricsTotals        *totals,
                                const SlAttributionRow *credit)
{
  g_return_if_fail (totals != NULL);

  totals->won_minor = credit != NULL ? credit->credited_minor : 0;
  totals->won_gross_profit_minor = credit != NULL ? credit->credited_gross_profit_minor : 0;
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

static gboolean
append_campaigns (SlMetrics       *self,
                  const SlPeriod  *period,
                  GListModel      *campaigns,
                  gint64           channel_id,
                  GHashTable      *credits,
                  GArray          *rows,
                  GError         **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(SlCampaign) campaign = g_list_model_get_item (campaigns, i);
      SlMetricsRow row = { channel_id, sl_record_get_id (SL_RECORD (campaign)) };
      SlScope scope = SL_SCOPE_INIT_CAMPAIGN (row.campaign_id);

      if (sl_campaign_get_channel_id (campaign) != channel_id)
        continue;
      if (!sl_metrics_get_totals (self, period, &scope, SL_METRICS_ROW_PARTS, &row.totals, error))
        return FALSE;
      if (credits != NULL)
        sl_metrics_totals_apply_credit (&row.totals, g_hash_table_lookup (credits, &row.campaign_id));
      g_array_append_val (rows, row);
    }
  return TRUE;
}

GArray *
sl_metrics_get_rows (SlMetrics                *self,
                     const SlPeriod           *period,
                     SlCampaignStore          *campaigns,
                     const SlAttributionModel *model,
                     GError                  **error)
{
  g_autoptr(GArray) table = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(SlAttributionResult) attribution = NULL;
  g_autoptr(GHashTable) credits = NULL;

  g_return_val_if_fail (SL_IS_METRICS (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (campaigns == NULL || SL_IS_CAMPAIGN_STORE (campaigns), NULL);

  table = sl_metrics_channel_table (self, period, SL_METRICS_ROW_PARTS, error);
  if (table == NULL)
    return NULL;
  if (model != NULL)
    {
      attribution = sl_attribution_run (sl_metrics_get_database (self), *model, period, 0, error);
      if (attribution == NULL)
        return NULL;
      sl_metrics_table_apply_attribution (table, attribution);
      if (campaigns != NULL)
        credits = index_campaign_credits (attribution);
    }

  rows = g_array_sized_new (FALSE, TRUE, sizeof (SlMetricsRow), table->len);
  for (guint i = 0; i < table->len; i++)
    {
      SlMetricsTotals *totals = &g_array_index (table, SlMetricsTotals, i);
      SlMetricsRow row = { totals->scope.id, 0, *totals };

      g_array_append_val (rows, row);
      if (campaigns != NULL &&
          !append_campaigns (self, period, G_LIST_MODEL (campaigns), row.channel_id, credits, rows, error))
        return NULL;
    }
  return g_steal_pointer (&rows);
}
