/* sl-attribution.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sl-attribution.h"
#include "sl-attribution-result-private.h"

/* The apportioning needs a 128-bit product, as sl_money_scale() does. */
#ifndef __SIZEOF_INT128__
# error "sl-attribution.c needs a compiler with __int128"
#endif

typedef unsigned __int128 Uint128;

typedef struct
{
  Uint128 remainder;
  guint64 floor;
  guint   index;
} Remainder;

static const struct
{
  const char *name;
  const char *label;
} models[SL_ATTRIBUTION_N_MODELS] = {
  [SL_ATTRIBUTION_FIRST_TOUCH]    = { "first-touch",    NC_("attribution model", "First touch") },
  [SL_ATTRIBUTION_LAST_TOUCH]     = { "last-touch",     NC_("attribution model", "Last touch") },
  [SL_ATTRIBUTION_LINEAR]         = { "linear",         NC_("attribution model", "Linear") },
  [SL_ATTRIBUTION_POSITION_BASED] = { "position-based", NC_("attribution model", "Position-based") },
  [SL_ATTRIBUTION_TIME_DECAY]     = { "time-decay",     NC_("attribution model", "Time decay") },
};

/* round (2^(62 − r/7)) for r = 0 … 6, half to even, from 60-digit
 * decimal arithmetic. A touch d days older than the most recent one
 * weighs decay[d % 7] >> (d / 7): 2^(−d/7) relative to it, in Q62. */
static const guint64 decay[SL_ATTRIBUTION_HALF_LIFE_DAYS] = {
  G_GUINT64_CONSTANT (4611686018427387904),
  G_GUINT64_CONSTANT (4176913159044679998),
  G_GUINT64_CONSTANT (3783129091722077557),
  G_GUINT64_CONSTANT (3426469543337905161),
  G_GUINT64_CONSTANT (3103434550280682425),
  G_GUINT64_CONSTANT (2810854112683428997),
  G_GUINT64_CONSTANT (2545857086650907337),
};

/* Deals won in [?1, ?2] with their touches on or before the won day, in
 * touch order: by day, then position, then row. ?3 limits the deals to
 * those that can credit that channel (0: all). */
#define DEALS_SQL \
  "SELECT d.id, d.won_day, coalesce (d.amount_minor, 0), d.gross_profit_minor, " \
  "  coalesce (d.channel_id, 0), coalesce (d.campaign_id, 0), " \
  "  t.day, t.channel_id, coalesce (t.campaign_id, 0) " \
  "FROM deal d LEFT JOIN touchpoint t ON t.deal_id = d.id AND t.day <= d.won_day " \
  "WHERE d.won_day BETWEEN ?1 AND ?2 " \
  "  AND (?3 = 0 OR d.channel_id = ?3 " \
  "       OR EXISTS (SELECT 1 FROM touchpoint x WHERE x.deal_id = d.id AND x.channel_id = ?3)) " \
  "ORDER BY d.id, t.day, t.position, t.id"

/* One deal as the query returns it, touches gathered. */
typedef struct
{
  gint64   id;
  SlDay    won_day;
  gint64   amount_minor;
  gboolean has_gross_profit;
  gint64   gross_profit_minor;
  gint64   channel_id;     /* of origin: the fallback without touches */
  gint64   campaign_id;
  GArray  *touches;        /* SlAttributionTouch */
  GArray  *days;           /* SlDay, parallel to touches */
  GArray  *weights;        /* guint64 */
  GArray  *shares;         /* gint64 */
} Deal;

static guint64
time_decay_weight (guint days_older)
{
  guint halvings = days_older / SL_ATTRIBUTION_HALF_LIFE_DAYS;

  if (halvings >= 64)
    return 0;
  return decay[days_older % SL_ATTRIBUTION_HALF_LIFE_DAYS] >> halvings;
}

const char *
sl_attribution_model_to_string (SlAttributionModel model)
{
  g_return_val_if_fail ((guint)model < SL_ATTRIBUTION_N_MODELS, NULL);

  return models[model].name;
}

gboolean
sl_attribution_model_from_string (const char         *text,
                                  SlAttributionModel *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < SL_ATTRIBUTION_N_MODELS; i++)
    if (g_strcmp0 (text, models[i].name) == 0)
      {
        *out = (SlAttributionModel)i;
        return TRUE;
      }
  return FALSE;
}

const char *
sl_attribution_model_get_label (SlAttributionModel model)
{
  g_return_val_if_fail ((guint)model < SL_ATTRIBUTION_N_MODELS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "attribution model", models[model].label);
}

void
sl_attribution_model_weights (SlAttributionModel  model,
                              const SlDay        *days,
                              guint               n_touches,
                              SlDay               conversion_day,
                              guint64            *weights)
{
  g_return_if_fail ((guint)model < SL_ATTRIBUTION_N_MODELS);
  g_return_if_fail (n_touches > 0);
  g_return_if_fail (weights != NULL);
  g_return_if_fail (model != SL_ATTRIBUTION_TIME_DECAY || days != NULL);

  switch (model)
    {
    case SL_ATTRIBUTION_FIRST_TOUCH:
    case SL_ATTRIBUTION_LAST_TOUCH:
      for (guint i = 0; i < n_touches; i++)
        weights[i] = 0;
      weights[model == SL_ATTRIBUTION_FIRST_TOUCH ? 0 : n_touches - 1] = 1;
      break;

    case SL_ATTRIBUTION_LINEAR:
      for (guint i = 0; i < n_touches; i++)
        weights[i] = 1;
      break;

    case SL_ATTRIBUTION_POSITION_BASED:
      /* With m = n − 2 middle touches, the ends weigh 2m each and every
       * middle touch 1: 2m + m + 2m = 5m, so 40 %, 20 % ÷ m, 40 %. One
       * or two touches share equally. */
      for (guint i = 0; i < n_touches; i++)
        weights[i] = 1;
      if (n_touches > 2)
        weights[0] = weights[n_touches - 1] = 2 * (guint64)(n_touches - 2);
      break;

    case SL_ATTRIBUTION_TIME_DECAY:
      {
        gint64 newest = G_MININT64;

        /* Days are measured back from the most recent touch (a touch
         * after the conversion counts as on it): the common factor
         * 2^(−d_min/7) cancels out and the newest touch weighs 2^62. */
        for (guint i = 0; i < n_touches; i++)
          newest = MAX (newest, MIN ((gint64)days[i], (gint64)conversion_day));
        for (guint i = 0; i < n_touches; i++)
          {
            gint64 older = newest - MIN ((gint64)days[i], (gint64)conversion_day);

            weights[i] = time_decay_weight ((guint)MIN (older, (gint64)G_MAXUINT));
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Largest remainder first, the earlier touch first among equals. */
static int
compare_remainders (const void *a,
                    const void *b)
{
  const Remainder *x = a, *y = b;

  if (x->remainder != y->remainder)
    return x->remainder > y->remainder ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

gboolean
sl_attribution_apportion (gint64         amount,
                          const guint64 *weights,
                          guint          n,
                          gint64        *shares)
{
  g_autofree Remainder *remainders = NULL;
  Uint128 total = 0;
  guint64 magnitude, given = 0, left;

  g_return_val_if_fail (weights != NULL || n == 0, FALSE);
  g_return_val_if_fail (shares != NULL || n == 0, FALSE);

  for (guint i = 0; i < n; i++)
    total += weights[i];
  if (total == 0)
    return FALSE;

  /* |G_MININT64| = 2^63 fits in a guint64. */
  magnitude = amount < 0 ? -(guint64)amount : (guint64)amount;
  remainders = g_new (Remainder, n);

  /* Floors first: |amount| × w < 2^127 and total < 2^96: no overflow. */
  for (guint i = 0; i < n; i++)
    {
      Uint128 product = (Uint128)magnitude * weights[i];

      remainders[i].floor = (guint64)(product / total);
      remainders[i].remainder = product % total;
      remainders[i].index = i;
      given += remainders[i].floor;
    }

  /* Σ remainder = total × left with every remainder below the total, so
   * fewer than n units are left, and at least left + 1 remainders are
   * not 0: a touch of weight 0 never gets one. */
  left = magnitude - given;
  if (left > 0)
    {
      qsort (remainders, n, sizeof *remainders, compare_remainders);
      for (guint i = 0; i < left; i++)
        remainders[i].floor++;
    }

  for (guint i = 0; i < n; i++)
    {
      guint64 share = remainders[i].floor;
      gint64 *out = &shares[remainders[i].index];

      /* Negated without overflow, down to G_MININT64. */
      if (amount >= 0)
        *out = (gint64)share;
      else
        *out = share == 0 ? 0 : -(gint64)(share - 1) - 1;
    }
  return TRUE;
}

static void
deal_clear (Deal *deal)
{
  g_clear_pointer (&deal->touches, g_array_unref);
  g_clear_pointer (&deal->days, g_array_unref);
  g_clear_pointer (&deal->weights, g_array_unref);
  g_clear_pointer (&deal->shares, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Deal, deal_clear)

/* Starts @deal from the current row of DEALS_SQL. */
static void
deal_begin (Deal        *deal,
            SlStatement *stmt)
{
  deal->id = sqlite3_column_int64 (stmt, 0);
  deal->won_day = sqlite3_column_int (stmt, 1);
  deal->amount_minor = sqlite3_column_int64 (stmt, 2);
  deal->has_gross_profit = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  deal->gross_profit_minor = sqlite3_column_int64 (stmt, 3);
  deal->channel_id = sqlite3_column_int64 (stmt, 4);
  deal->campaign_id = sqlite3_column_int64 (stmt, 5);
  g_array_set_size (deal->touches, 0);
  g_array_set_size (deal->days, 0);
}

/* Adds the touch of the current row of DEALS_SQL, if it has one. */
static void
deal_add_touch (Deal        *deal,
                SlStatement *stmt)
{
  SlAttributionTouch touch = { 0 };

  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    return;
  touch.day = sqlite3_column_int (stmt, 6);
  touch.channel_id = sqlite3_column_int64 (stmt, 7);
  touch.campaign_id = sqlite3_column_int64 (stmt, 8);
  g_array_append_val (deal->touches, touch);
  g_array_append_val (deal->days, touch.day);
}

/* Weighs and splits @deal, then credits it to @result. A deal without a
 * touch on or before its won day falls back to its origin: one touch on
 * the deal's own channel and campaign, on the won day. */
static gboolean
deal_credit (Deal                 *deal,
             SlAttributionModel    model,
             SlAttributionResult  *result,
             GError              **error)
{
  SlAttributionTouch *touches;
  guint n;

  if (deal->touches->len == 0)
    {
      SlAttributionTouch origin = {
        .channel_id = deal->channel_id,
        .campaign_id = deal->campaign_id,
        .day = deal->won_day,
      };

      g_array_append_val (deal->touches, origin);
      g_array_append_val (deal->days, origin.day);
    }

  n = deal->touches->len;
  touches = (SlAttributionTouch *)(gpointer)deal->touches->data;
  g_array_set_size (deal->weights, n);
  g_array_set_size (deal->shares, n);
  sl_attribution_model_weights (model, (const SlDay *)(gpointer)deal->days->data, n, deal->won_day,
                                (guint64 *)(gpointer)deal->weights->data);

  /* Every model gives some touch a weight > 0, so these cannot fail. */
  if (!sl_attribution_apportion (deal->amount_minor, (const guint64 *)(gpointer)deal->weights->data, n,
                                 (gint64 *)(gpointer)deal->shares->data))
    g_assert_not_reached ();
  for (guint i = 0; i < n; i++)
    {
      touches[i].weight = g_array_index (deal->weights, guint64, i);
      touches[i].share_minor = g_array_index (deal->shares, gint64, i);
    }

  if (deal->has_gross_profit)
    {
      if (!sl_attribution_apportion (deal->gross_profit_minor, (const guint64 *)(gpointer)deal->weights->data, n,
                                     (gint64 *)(gpointer)deal->shares->data))
        g_assert_not_reached ();
      for (guint i = 0; i < n; i++)
        touches[i].gross_profit_share_minor = g_array_index (deal->shares, gint64, i);
    }

  return sl_attribution_result_add_deal (result, deal->amount_minor, deal->has_gross_profit,
                                         deal->gross_profit_minor, touches, n, error);
}

/* The workspace currency; "XXX" (ISO 4217's "no currency") in a file
 * without a settings row. */
static gboolean
read_currency (SlDatabase  *db,
               char         currency[4],
               GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  const char *text;

  stmt = sl_database_prepare (db, "SELECT currency FROM workspace WHERE id = 1", error);
  if (stmt == NULL || !sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;

  text = has_row ? (const char *)sqlite3_column_text (stmt, 0) : NULL;
  g_strlcpy (currency, text != NULL && strlen (text) == 3 ? text : "XXX", 4);
  return TRUE;
}

SlAttributionResult *
sl_attribution_run (SlDatabase          *db,
                    SlAttributionModel   model,
                    const SlPeriod      *period,
                    gint64               channel_id,
                    GError             **error)
{
  g_autoptr(SlAttributionResult) result = NULL;
  g_autoptr(SlStatement) stmt = NULL;
  g_auto(Deal) deal = { 0 };
  gboolean has_row, in_deal = FALSE;
  char currency[4];

  g_return_val_if_fail (SL_IS_DATABASE (db), NULL);
  g_return_val_if_fail ((guint)model < SL_ATTRIBUTION_N_MODELS, NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (channel_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!read_currency (db, currency, error))
    return NULL;

  stmt = sl_database_prepare (db, DEALS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  sqlite3_bind_int64 (stmt, 3, channel_id);

  result = sl_attribution_result_new (model, period, channel_id, currency);
  deal.touches = g_array_new (FALSE, FALSE, sizeof (SlAttributionTouch));
  deal.days = g_array_new (FALSE, FALSE, sizeof (SlDay));
  deal.weights = g_array_new (FALSE, FALSE, sizeof (guint64));
  deal.shares = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (;;)
    {
      if (!sl_database_step_row (db, stmt, &has_row, error))
        return NULL;

      /* A new deal, or the end: the deal gathered so far is complete. */
      if (in_deal && (!has_row || sqlite3_column_int64 (stmt, 0) != deal.id))
        {
          if (!deal_credit (&deal, model, result, error))
            return NULL;
          in_deal = FALSE;
        }
      if (!has_row)
        break;

      if (!in_deal)
        {
          deal_begin (&deal, stmt);
          in_deal = TRUE;
        }
      deal_add_touch (&deal, stmt);
    }

  sl_attribution_result_finish (result);
  return g_steal_pointer (&result);
}
