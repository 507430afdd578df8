/* sl-attribution-result.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <string.h>

#include "sl-attribution-result-private.h"
#include "sl-money.h"

/* A row while deals are added: last_deal counts each deal once per row
 * (a deal's touches are added together, so a row seen again by the same
 * deal has last_deal equal to the current deal's serial). */
typedef struct
{
  SlAttributionRow row;
  guint            last_deal;
} Cell;

struct _SlAttributionResult
{
  gatomicrefcount    ref_count;
  SlAttributionModel model;
  SlPeriod           period;
  gint64             channel_id;
  char               currency[4];

  guint              n_deals;
  gint64             revenue_minor;
  gint64             gross_profit_minor;
  gint64             credited_minor;

  GHashTable        *cells;      /* Cell* by (channel, campaign), until finished */
  GHashTable        *channels;   /* Cell* by channel, until finished */
  GArray            *rows;       /* SlAttributionRow, once finished */
  GArray            *channel_rows;
};

G_DEFINE_BOXED_TYPE (SlAttributionResult, sl_attribution_result,
                     sl_attribution_result_ref, sl_attribution_result_unref)

static guint
cell_hash (gconstpointer key)
{
  const SlAttributionRow *row = key;
  guint64 h = ((guint64)row->channel_id * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) ^ (guint64)row->campaign_id;

  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  return (guint)h;
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  const SlAttributionRow *x = a, *y = b;

  return x->channel_id == y->channel_id && x->campaign_id == y->campaign_id;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SlAttributionRow *x = a, *y = b;

  if (x->channel_id != y->channel_id)
    return x->channel_id < y->channel_id ? -1 : 1;
  if (x->campaign_id != y->campaign_id)
    return x->campaign_id < y->campaign_id ? -1 : 1;
  return 0;
}

/* *acc += value, or FALSE with the money overflow error. */
static gboolean
add_money (SlAttributionResult  *self,
           gint64               *acc,
           gint64                value,
           GError              **error)
{
  SlMoney a, b, sum;

  if (sl_int64_add_checked (*acc, value, acc))
    return TRUE;

  /* Let SlMoney word the error, naming the currency. */
  sl_money_init (&a, *acc, self->currency);
  sl_money_init (&b, value, self->currency);
  return sl_money_add (&a, &b, &sum, error);
}

static Cell *
lookup_cell (GHashTable *table,
             gint64      channel_id,
             gint64      campaign_id)
{
  SlAttributionRow key = { .channel_id = channel_id, .campaign_id = campaign_id };
  Cell *cell = g_hash_table_lookup (table, &key);

  if (cell == NULL)
    {
      cell = g_new0 (Cell, 1);
      cell->row = key;
      g_hash_table_add (table, cell);
    }
  return cell;
}

static gboolean
credit_cell (SlAttributionResult       *self,
             Cell                      *cell,
             const SlAttributionTouch  *touch,
             gboolean                   has_gross_profit,
             GError                   **error)
{
  if (!add_money (self, &cell->row.credited_minor, touch->share_minor, error))
    return FALSE;
  if (has_gross_profit &&
      !add_money (self, &cell->row.credited_gross_profit_minor, touch->gross_profit_share_minor, error))
    return FALSE;
  if (cell->last_deal != self->n_deals)
    {
      cell->last_deal = self->n_deals;
      cell->row.n_deals++;
      if (has_gross_profit)
        cell->row.n_deals_with_gross_profit++;
    }
  return TRUE;
}

static GArray *
sorted_rows (GHashTable *table)
{
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (SlAttributionRow), g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (rows, ((Cell *)key)->row);
  g_array_sort (rows, compare_rows);
  return rows;
}

SlAttributionResult *
sl_attribution_result_new (SlAttributionModel  model,
                           const SlPeriod     *period,
                           gint64              channel_id,
                           const char         *currency)
{
  SlAttributionResult *self;

  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (currency != NULL && strlen (currency) == 3, NULL);

  self = g_new0 (SlAttributionResult, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = model;
  self->period = *period;
  self->channel_id = channel_id;
  memcpy (self->currency, currency, 4);
  self->cells = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
  self->channels = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
  return self;
}

gboolean
sl_attribution_result_add_deal (SlAttributionResult       *self,
                                gint64                     revenue_minor,
                                gboolean                   has_gross_profit,
                                gint64                     gross_profit_minor,
                                const SlAttributionTouch  *touches,
                                guint                      n_touches,
                                GError                   **error)
{
  gboolean counted = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->rows == NULL, FALSE);
  g_return_val_if_fail (touches != NULL || n_touches == 0, FALSE);

  for (guint i = 0; i < n_touches; i++)
    {
      const SlAttributionTouch *touch = &touches[i];

      if (touch->weight == 0 || (self->channel_id != 0 && touch->channel_id != self->channel_id))
        continue;

      if (!counted)
        {
          /* The deal's serial: rows compare it with their last_deal. */
          counted = TRUE;
          self->n_deals++;
          if (!add_money (self, &self->revenue_minor, revenue_minor, error) ||
              (has_gross_profit && !add_money (self, &self->gross_profit_minor, gross_profit_minor, error)))
            return FALSE;
        }

      if (!add_money (self, &self->credited_minor, touch->share_minor, error) ||
          !credit_cell (self, lookup_cell (self->cells, touch->channel_id, touch->campaign_id),
                        touch, has_gross_profit, error) ||
          !credit_cell (self, lookup_cell (self->channels, touch->channel_id, 0),
                        touch, has_gross_profit, error))
        return FALSE;
    }
  return TRUE;
}

void
sl_attribution_result_finish (SlAttributionResult *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->rows == NULL);

  self->rows = sorted_rows (self->cells);
  self->channel_rows = sorted_rows (self->channels);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
}

SlAttributionResult *
sl_attribution_result_ref (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sl_attribution_result_unref (SlAttributionResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->channel_rows, g_array_unref);
  g_free (self);
}

SlAttributionModel
sl_attribution_result_get_model (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->model;
}

const SlPeriod *
sl_attribution_result_get_period (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->period;
}

gint64
sl_attribution_result_get_channel_id (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->channel_id;
}

const char *
sl_attribution_result_get_currency (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}

guint
sl_attribution_result_get_n_deals (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_deals;
}

gint64
sl_attribution_result_get_revenue_minor (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->revenue_minor;
}

gint64
sl_attribution_result_get_gross_profit_minor (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->gross_profit_minor;
}

gint64
sl_attribution_result_get_credited_minor (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->credited_minor;
}

guint
sl_attribution_result_get_n_rows (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->rows != NULL, 0);

  return self->rows->len;
}

const SlAttributionRow *
sl_attribution_result_get_row (SlAttributionResult *self,
                               guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->rows != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return &g_array_index (self->rows, SlAttributionRow, index);
}

guint
sl_attribution_result_get_n_channels (SlAttributionResult *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->channel_rows != NULL, 0);

  return self->channel_rows->len;
}

const SlAttributionRow *
sl_attribution_result_get_channel (SlAttributionResult *self,
                                   guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->channel_rows != NULL, NULL);
  g_return_val_if_fail (index < self->channel_rows->len, NULL);

  return &g_array_index (self->channel_rows, SlAttributionRow, index);
}

const SlAttributionRow *
sl_attribution_result_lookup_channel (SlAttributionResult *self,
                                      gint64               channel_id)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->channel_rows != NULL, NULL);

  /* Binary search: the rows are sorted by channel id. */
  hi = self->channel_rows->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SlAttributionRow *row = &g_array_index (self->channel_rows, SlAttributionRow, mid);

      if (row->channel_id == channel_id)
        return row;
      if (row->channel_id < channel_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}
