/* test-attribution.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sl-attribution.h"
#include "sl-attribution-result.h"
#include "sl-demo.h"
#include "sl-test-utils.h"

#define Q(db, sql) sl_test_query_int64 ((db), (sql))
#define MAX_TOUCHES 12

static const SlAttributionModel all_models[] = {
  SL_ATTRIBUTION_FIRST_TOUCH, SL_ATTRIBUTION_LAST_TOUCH, SL_ATTRIBUTION_LINEAR,
  SL_ATTRIBUTION_POSITION_BASED, SL_ATTRIBUTION_TIME_DECAY,
};

/* Shares of @amount for touches @days_before the conversion under @model. */
static void
split_deal (SlAttributionModel  model,
            gint64              amount,
            const int          *days_before,
            guint               n,
            gint64             *shares)
{
  const SlDay won = sl_day_from_ymd (2025, 3, 20);
  SlDay days[MAX_TOUCHES];
  guint64 weights[MAX_TOUCHES];

  g_assert_cmpuint (n, <=, MAX_TOUCHES);
  for (guint i = 0; i < n; i++)
    days[i] = won - days_before[i];
  sl_attribution_model_weights (model, days, n, won, weights);
  g_assert_true (sl_attribution_apportion (amount, weights, n, shares));
}

#define assert_shares(shares, ...) \
  G_STMT_START { \
    const gint64 expected_[] = { __VA_ARGS__ }; \
    for (guint i_ = 0; i_ < G_N_ELEMENTS (expected_); i_++) \
      g_assert_cmpint ((shares)[i_], ==, expected_[i_]); \
  } G_STMT_END

static void
test_model_strings (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_models); i++)
    {
      SlAttributionModel model = (SlAttributionModel)-1;
      const char *name = sl_attribution_model_to_string (all_models[i]);

      g_assert_nonnull (name);
      g_assert_true (sl_attribution_model_from_string (name, &model));
      g_assert_cmpint (model, ==, all_models[i]);
      g_assert_nonnull (sl_attribution_model_get_label (all_models[i]));
    }
  g_assert_cmpstr (sl_attribution_model_to_string (SL_ATTRIBUTION_FIRST_TOUCH), ==, "first-touch");
  g_assert_cmpstr (sl_attribution_model_to_string (SL_ATTRIBUTION_LAST_TOUCH), ==, "last-touch");
  g_assert_cmpstr (sl_attribution_model_to_string (SL_ATTRIBUTION_LINEAR), ==, "linear");
  g_assert_cmpstr (sl_attribution_model_to_string (SL_ATTRIBUTION_POSITION_BASED), ==, "position-based");
  g_assert_cmpstr (sl_attribution_model_to_string (SL_ATTRIBUTION_TIME_DECAY), ==, "time-decay");
  g_assert_cmpstr (sl_attribution_model_get_label (SL_ATTRIBUTION_POSITION_BASED), ==, "Position-based");

  for (guint i = 0; i < 4; i++)
    {
      static const char * const bad[] = { "", "Linear", "first_touch", "time-decay " };
      SlAttributionModel model = SL_ATTRIBUTION_LINEAR;

      g_assert_false (sl_attribution_model_from_string (bad[i], &model));
    }
}

/* The brief's deal: 1,000.00 over three touches, 14, 7 and 0 days
 * before the win. */
static void
test_hand_three_touches (void)
{
  const int days[] = { 14, 7, 0 };
  gint64 s[3];

  split_deal (SL_ATTRIBUTION_FIRST_TOUCH, 100000, days, 3, s);
  assert_shares (s, 100000, 0, 0);
  split_deal (SL_ATTRIBUTION_LAST_TOUCH, 100000, days, 3, s);
  assert_shares (s, 0, 0, 100000);
  /* 33,333.33… each: the leftover cent goes to the first touch. */
  split_deal (SL_ATTRIBUTION_LINEAR, 100000, days, 3, s);
  assert_shares (s, 33334, 33333, 33333);
  split_deal (SL_ATTRIBUTION_POSITION_BASED, 100000, days, 3, s);
  assert_shares (s, 40000, 20000, 40000);
  /* Weights ¼, ½, 1 of 1¾: 14,285.71…, 28,571.43…, 57,142.86…; the
   * floors leave two cents, for the remainders ⁶⁄₇ (last) and ⁵⁄₇ (first). */
  split_deal (SL_ATTRIBUTION_TIME_DECAY, 100000, days, 3, s);
  assert_shares (s, 14286, 28571, 57143);
}

static void
test_hand_edge_cases (void)
{
  const int one[] = { 5 }, two[] = { 9, 2 }, four[] = { 30, 20, 10, 0 };
  const int five[] = { 4, 3, 2, 1, 0 }, same_day[] = { 0, 0, 0 }, odd[] = { 3, 0 };
  gint64 s[5];

  /* One touch takes everything under every model. */
  for (guint m = 0; m < G_N_ELEMENTS (all_models); m++)
    {
      split_deal (all_models[m], 123456, one, 1, s);
      assert_shares (s, 123456);
    }

  /* Two touches: position-based is 50/50. */
  split_deal (SL_ATTRIBUTION_POSITION_BASED, 100001, two, 2, s);
  assert_shares (s, 50001, 50000);
  split_deal (SL_ATTRIBUTION_POSITION_BASED, 100000, four, 4, s);
  assert_shares (s, 40000, 10000, 10000, 40000);
  /* 20 % over three middle touches: 6,666.67 each; two cents left, to
   * the first two of the tied middle touches. */
  split_deal (SL_ATTRIBUTION_POSITION_BASED, 100000, five, 5, s);
  assert_shares (s, 40000, 6667, 6667, 6666, 40000);
  /* 1,000.01 linear over three: two leftover cents. */
  split_deal (SL_ATTRIBUTION_LINEAR, 100001, five, 3, s);
  assert_shares (s, 33334, 33334, 33333);

  /* Time decay: touches on one day share equally, like linear. */
  split_deal (SL_ATTRIBUTION_TIME_DECAY, 100000, same_day, 3, s);
  assert_shares (s, 33334, 33333, 33333);
  /* 3 days and 0: 2^(−3/7) = 0.742997…, 100,000 × w ÷ (1 + w) =
   * 42,627.56… (50-digit arithmetic): 42,628 and 57,372. */
  split_deal (SL_ATTRIBUTION_TIME_DECAY, 100000, odd, 2, s);
  assert_shares (s, 42628, 57372);
  /* 30, 20, 10, 0 days: 3,284.956, 8,842.446, 23,802.099, 64,070.499;
   * the floors leave two cents, for .956 (first) and .499 (last). */
  split_deal (SL_ATTRIBUTION_TIME_DECAY, 100000, four, 4, s);
  assert_shares (s, 3285, 8842, 23802, 64071);

  /* Refunds split like sales, with the sign. */
  split_deal (SL_ATTRIBUTION_LINEAR, -100000, five, 3, s);
  assert_shares (s, -33334, -33333, -33333);
  split_deal (SL_ATTRIBUTION_LINEAR, 0, five, 3, s);
  assert_shares (s, 0, 0, 0);
}

static void
test_apportion_edges (void)
{
  const guint64 zeros[] = { 0, 0 }, one[] = { 1 }, pair[] = { 1, 1 }, three[] = { 1, 1, 1 };
  const guint64 wide[] = { G_MAXUINT64, G_MAXUINT64, 1, G_MAXUINT64 };
  gint64 s[4] = { 7, 7, 7, 7 };

  /* No weight: nothing to split on, shares untouched. */
  g_assert_false (sl_attribution_apportion (100, zeros, 2, s));
  assert_shares (s, 7, 7);

  g_assert_true (sl_attribution_apportion (G_MAXINT64, one, 1, s));
  assert_shares (s, G_MAXINT64);
  g_assert_true (sl_attribution_apportion (G_MININT64, one, 1, s));
  assert_shares (s, G_MININT64);
  g_assert_true (sl_attribution_apportion (G_MININT64, pair, 2, s));
  assert_shares (s, G_MININT64 / 2, G_MININT64 / 2);
  g_assert_true (sl_attribution_apportion (G_MAXINT64, pair, 2, s));
  assert_shares (s, G_MAXINT64 / 2 + 1, G_MAXINT64 / 2);
  /* 2^63 − 1 = 3 × 3074457345618258602 + 1. */
  g_assert_true (sl_attribution_apportion (G_MAXINT64, three, 3, s));
  assert_shares (s, G_GINT64_CONSTANT (3074457345618258603), G_GINT64_CONSTANT (3074457345618258602),
                 G_GINT64_CONSTANT (3074457345618258602));
  /* Two cents over three equal touches: the first two. */
  g_assert_true (sl_attribution_apportion (2, three, 3, s));
  assert_shares (s, 1, 1, 0);
  /* Weights whose total passes 2^64. */
  g_assert_true (sl_attribution_apportion (1000, wide, 4, s));
  assert_shares (s, 334, 333, 0, 333);
}

/* A random amount, from cents to the edges of int64. */
static gint64
random_amount (void)
{
  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      return g_test_rand_int_range (0, 1000);
    case 1:
      return g_test_rand_int_range (0, G_MAXINT32);
    case 2:
      return (gint64)(((guint64)(guint32)g_test_rand_int () << 32) | (guint32)g_test_rand_int ());
    default:
      return g_test_rand_bit () ? G_MAXINT64 - g_test_rand_int_range (0, 3) : G_MININT64 + g_test_rand_int_range (0, 3);
    }
}

static guint64
random_weight (void)
{
  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      return 0;
    case 1:
      return g_test_rand_int_range (1, 4);
    case 2:
      return (guint32)g_test_rand_int ();
    default:
      return ((guint64)(guint32)g_test_rand_int () << 32) | (guint32)g_test_rand_int ();
    }
}

/* Exact: the shares add up; each is within one unit of its ideal value
 * |amount| × w ÷ W, below it by less than one or above by less than
 * one; and a share rounded up never has a smaller remainder than one
 * rounded down (ties: the earlier one). */
static void
assert_apportioned (gint64         amount,
                    const guint64 *weights,
                    guint          n,
                    const gint64  *shares)
{
  unsigned __int128 total = 0;
  guint64 magnitude = amount < 0 ? -(guint64)amount : (guint64)amount;
  __int128 sum = 0;
  int up_last = -1, down_first = -1;
  unsigned __int128 up_min = 0, down_max = 0;

  for (guint i = 0; i < n; i++)
    {
      total += weights[i];
      sum += shares[i];
      g_assert_true (amount >= 0 ? shares[i] >= 0 : shares[i] <= 0);
    }
  g_assert_true (sum == amount);

  for (guint i = 0; i < n; i++)
    {
      guint64 share = amount < 0 ? -(guint64)shares[i] : (guint64)shares[i];
      unsigned __int128 ideal = (unsigned __int128)magnitude * weights[i];
      unsigned __int128 floor = ideal / total, remainder = ideal % total;

      g_assert_true (share == floor || (share == floor + 1 && remainder > 0));
      if (weights[i] == 0)
        g_assert_cmpint (shares[i], ==, 0);
      if (remainder == 0)
        continue;
      if (share > floor)
        {
          /* The smallest remainder rounded up, the last one on ties. */
          if (up_last < 0 || remainder <= up_min)
            {
              up_min = remainder;
              up_last = i;
            }
        }
      else if (down_first < 0 || remainder > down_max)
        {
          down_max = remainder;
          down_first = i;
        }
    }
  if (up_last >= 0 && down_first >= 0)
    g_assert_true (up_min > down_max || (up_min == down_max && up_last < down_first));
}

static void
test_apportion_random (void)
{
  for (guint round = 0; round < 20000; round++)
    {
      guint n = g_test_rand_int_range (1, MAX_TOUCHES + 1);
      guint64 weights[MAX_TOUCHES];
      gint64 shares[MAX_TOUCHES], again[MAX_TOUCHES];
      gint64 amount = random_amount ();
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        any |= (weights[i] = random_weight ()) > 0;
      if (!any)
        {
          g_assert_false (sl_attribution_apportion (amount, weights, n, shares));
          continue;
        }
      g_assert_true (sl_attribution_apportion (amount, weights, n, shares));
      assert_apportioned (amount, weights, n, shares);
      g_assert_true (sl_attribution_apportion (amount, weights, n, again));
      g_assert_cmpmem (shares, n * sizeof shares[0], again, n * sizeof again[0]);
    }
}

/* Every model on random deals: exact sums, no negative share, the same
 * answer twice, and time-decay weights as 2^(−d/7) says. */
static void
test_models_random (void)
{
  const SlDay won = sl_day_from_ymd (2025, 6, 30);

  for (guint round = 0; round < 5000; round++)
    {
      guint n = g_test_rand_int_range (1, MAX_TOUCHES + 1);
      gint64 amount = g_test_rand_bit () ? g_test_rand_int_range (0, 100000000) : random_amount ();
      SlDay days[MAX_TOUCHES];

      if (amount < 0)
        amount = -(amount + 1);
      for (guint i = 0; i < n; i++)
        days[i] = won - g_test_rand_int_range (0, g_test_rand_bit () ? 30 : 500);

      for (guint m = 0; m < G_N_ELEMENTS (all_models); m++)
        {
          guint64 weights[MAX_TOUCHES], weights2[MAX_TOUCHES];
          gint64 shares[MAX_TOUCHES], again[MAX_TOUCHES];
          gint64 sum = 0;

          sl_attribution_model_weights (all_models[m], days, n, won, weights);
          g_assert_true (sl_attribution_apportion (amount, weights, n, shares));
          for (guint i = 0; i < n; i++)
            {
              g_assert_cmpint (shares[i], >=, 0);
              sum += shares[i];
            }
          g_assert_cmpint (sum, ==, amount);
          assert_apportioned (amount, weights, n, shares);

          sl_attribution_model_weights (all_models[m], days, n, won, weights2);
          g_assert_true (sl_attribution_apportion (amount, weights2, n, again));
          g_assert_cmpmem (weights, sizeof (guint64) * n, weights2, sizeof (guint64) * n);
          g_assert_cmpmem (shares, sizeof (gint64) * n, again, sizeof (gint64) * n);

          if (all_models[m] == SL_ATTRIBUTION_TIME_DECAY)
            {
              SlDay newest = days[0];
              guint64 top = 0;

              for (guint i = 0; i < n; i++)
                newest = MAX (newest, days[i]);
              for (guint i = 0; i < n; i++)
                top = MAX (top, weights[i]);
              g_assert_true (top == G_GUINT64_CONSTANT (1) << 62);
              for (guint i = 0; i < n; i++)
                {
                  double expected = exp2 (-(double)(newest - days[i]) / 7.0);
                  double got = ldexp ((double)weights[i], -62);

                  /* Exact to the doubles' precision, plus the truncation of
                   * the shift (below 2^−62). */
                  g_assert_cmpfloat (fabs (got - expected), <=, expected * 1e-15 + ldexp (1, -61));
                }
            }
        }
    }
}

/* Workspaces */

#define NONE G_MININT64   /* a NULL column */

enum { SEARCH = 1, SOCIAL = 2, EMAIL = 3 };
enum { BRAND = 11, SPRING = 21, NEWS = 31 };

static void
exec_bound (SlDatabase   *db,
            const char   *sql,
            guint         n,
            const gint64 *values)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = sl_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    if (values[i] == NONE)
      sqlite3_bind_null (stmt, i + 1);
    else
      sqlite3_bind_int64 (stmt, i + 1, values[i]);
  sl_database_step_done (db, stmt, &error);
  g_assert_no_error (error);
}

#define EXEC(db, sql, ...) \
  G_STMT_START { \
    const gint64 values_[] = { __VA_ARGS__ }; \
    exec_bound ((db), (sql), G_N_ELEMENTS (values_), values_); \
  } G_STMT_END

static SlDay
march (int mday)
{
  return sl_day_from_ymd (2025, 3, mday);
}

static void
add_deal (SlDatabase *db,
          gint64      id,
          SlDay       won_day,
          gint64      amount,
          gint64      gross_profit,
          gint64      channel,
          gint64      campaign)
{
  EXEC (db, "INSERT INTO deal (id, batch_id, external_id, won_day, amount_minor, gross_profit_minor, "
            "channel_id, campaign_id, currency) VALUES (?1, 1, 'D' || ?1, ?2, ?3, ?4, ?5, ?6, 'USD')",
        id, won_day, amount, gross_profit, channel, campaign);
}

static void
add_touch (SlDatabase *db,
           gint64      deal,
           gint64      position,
           SlDay       day,
           gint64      channel,
           gint64      campaign)
{
  EXEC (db, "INSERT INTO touchpoint (deal_id, position, day, channel_id, campaign_id) "
            "VALUES (?1, ?2, ?3, ?4, ?5)", deal, position, day, channel, campaign);
}

/* Three channels with a campaign each, and deals in and around March
 * 2025 that cover the edge cases. */
static void
fill_workspace (SlDatabase *db)
{
  g_autoptr(GError) error = NULL;

  sl_database_exec (db,
                    "INSERT INTO import_batch (id, kind, file_name, sha256, imported_at) "
                    "  VALUES (1, 'funnel', 'deals.csv', '', 0);"
                    "INSERT INTO channel (id, uuid, name) VALUES (1, 'c1', 'Search'), "
                    "  (2, 'c2', 'Social'), (3, 'c3', 'Email');"
                    "INSERT INTO campaign (id, uuid, channel_id, name) VALUES (11, 'k1', 1, 'Brand'), "
                    "  (21, 'k2', 2, 'Spring'), (31, 'k3', 3, 'News');", &error);
  g_assert_no_error (error);

  /* 1: the brief's deal, 14, 7 and 0 days before its win. */
  add_deal (db, 1, march (20), 100000, 30000, SEARCH, BRAND);
  add_touch (db, 1, 1, march (6), SEARCH, BRAND);
  add_touch (db, 1, 2, march (13), SOCIAL, SPRING);
  add_touch (db, 1, 3, march (20), EMAIL, NEWS);
  /* 2: no touches: its origin takes it all. No gross profit. */
  add_deal (db, 2, march (25), 50001, NONE, SOCIAL, SPRING);
  /* 3: won in April; 4: lost in March; 5: open. None counts. */
  add_deal (db, 3, sl_day_from_ymd (2025, 4, 2), 777700, NONE, SEARCH, BRAND);
  add_touch (db, 3, 1, march (30), SEARCH, BRAND);
  EXEC (db, "INSERT INTO deal (id, batch_id, external_id, lost_day, amount_minor, channel_id) "
            "VALUES (4, 1, 'D4', ?1, 5000, 1), (5, 1, 'D5', NULL, 9900, 2)", march (12));
  add_touch (db, 4, 1, march (1), SOCIAL, SPRING);
  /* 6: a touch without campaign, and one after the win, which is ignored. */
  add_deal (db, 6, march (10), 20000, 5000, EMAIL, NEWS);
  add_touch (db, 6, 1, march (1), SEARCH, NONE);
  add_touch (db, 6, 2, march (15), SEARCH, BRAND);
  /* 7: won without an amount: a deal, no money. */
  add_deal (db, 7, march (31), NONE, NONE, SEARCH, BRAND);
  add_touch (db, 7, 1, march (2), SEARCH, BRAND);
  /* 8: positions written against the days: the days give the order. */
  add_deal (db, 8, march (28), 10000, NONE, EMAIL, NEWS);
  add_touch (db, 8, 1, march (21), EMAIL, NEWS);
  add_touch (db, 8, 2, march (14), SOCIAL, SPRING);
}

typedef struct
{
  gint64 channel_id;
  gint64 campaign_id;
  gint64 credited_minor;
  guint  n_deals;
  gint64 credited_gross_profit_minor;
} ExpectedRow;

static void
assert_rows (SlAttributionResult *result,
             gboolean             channels,
             const ExpectedRow   *expected,
             guint                n_expected)
{
  guint n = channels ? sl_attribution_result_get_n_channels (result) : sl_attribution_result_get_n_rows (result);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    {
      const SlAttributionRow *row = channels ? sl_attribution_result_get_channel (result, i)
                                             : sl_attribution_result_get_row (result, i);

      g_assert_cmpint (row->channel_id, ==, expected[i].channel_id);
      g_assert_cmpint (row->campaign_id, ==, expected[i].campaign_id);
      g_assert_cmpint (row->credited_minor, ==, expected[i].credited_minor);
      g_assert_cmpuint (row->n_deals, ==, expected[i].n_deals);
      g_assert_cmpint (row->credited_gross_profit_minor, ==, expected[i].credited_gross_profit_minor);
    }
}

static SlAttributionResult *
run (SlDatabase         *db,
     SlAttributionModel  model,
     const SlPeriod     *period,
     gint64              channel_id)
{
  g_autoptr(GError) error = NULL;
  SlAttributionResult *result = sl_attribution_run (db, model, period, channel_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (sl_attribution_result_get_model (result), ==, model);
  g_assert_cmpint (sl_attribution_result_get_channel_id (result), ==, channel_id);
  g_assert_true (sl_period_equal (sl_attribution_result_get_period (result), period));
  return result;
}

/* March 2025: deals 1, 2, 6, 7 and 8; 180,001 of revenue, 35,000 of
 * gross profit (deals 1 and 6). */
static void
assert_march_totals (SlAttributionResult *result)
{
  g_assert_cmpstr (sl_attribution_result_get_currency (result), ==, "USD");
  g_assert_cmpuint (sl_attribution_result_get_n_deals (result), ==, 5);
  g_assert_cmpint (sl_attribution_result_get_revenue_minor (result), ==, 180001);
  g_assert_cmpint (sl_attribution_result_get_credited_minor (result), ==, 180001);
  g_assert_cmpint (sl_attribution_result_get_gross_profit_minor (result), ==, 35000);
}

static void
test_run_hand (SlImportFixture *fixture,
               gconstpointer    data)
{
  SlDatabase *db = fixture->db;
  SlPeriod period;

  fill_workspace (db);
  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, march (1));

  {
    g_autoptr(SlAttributionResult) r = run (db, SL_ATTRIBUTION_FIRST_TOUCH, &period, 0);
    static const ExpectedRow rows[] = {
      { SEARCH, 0, 20000, 1, 5000 }, { SEARCH, BRAND, 100000, 2, 30000 }, { SOCIAL, SPRING, 60001, 2, 0 },
    };
    static const ExpectedRow channels[] = { { SEARCH, 0, 120000, 3, 35000 }, { SOCIAL, 0, 60001, 2, 0 } };

    assert_march_totals (r);
    assert_rows (r, FALSE, rows, G_N_ELEMENTS (rows));
    assert_rows (r, TRUE, channels, G_N_ELEMENTS (channels));
    g_assert_cmpint (sl_attribution_result_get_row (r, 1)->n_deals_with_gross_profit, ==, 1);
    g_assert_null (sl_attribution_result_lookup_channel (r, EMAIL));
    g_assert_cmpint (sl_attribution_result_lookup_channel (r, SOCIAL)->credited_minor, ==, 60001);
  }
  {
    g_autoptr(SlAttributionResult) r = run (db, SL_ATTRIBUTION_LAST_TOUCH, &period, 0);
    static const ExpectedRow rows[] = {
      { SEARCH, 0, 20000, 1, 5000 }, { SEARCH, BRAND, 0, 1, 0 }, { SOCIAL, SPRING, 50001, 1, 0 },
      { EMAIL, NEWS, 110000, 2, 30000 },
    };

    assert_march_totals (r);
    assert_rows (r, FALSE, rows, G_N_ELEMENTS (rows));
  }
  {
    g_autoptr(SlAttributionResult) r = run (db, SL_ATTRIBUTION_LINEAR, &period, 0);
    static const ExpectedRow rows[] = {
      { SEARCH, 0, 20000, 1, 5000 }, { SEARCH, BRAND, 33334, 2, 10000 }, { SOCIAL, SPRING, 88334, 3, 10000 },
      { EMAIL, NEWS, 38333, 2, 10000 },
    };

    assert_march_totals (r);
    assert_rows (r, FALSE, rows, G_N_ELEMENTS (rows));
  }
  {
    g_autoptr(SlAttributionResult) r = run (db, SL_ATTRIBUTION_POSITION_BASED, &period, 0);
    static const ExpectedRow rows[] = {
      { SEARCH, 0, 20000, 1, 5000 }, { SEARCH, BRAND, 40000, 2, 12000 }, { SOCIAL, SPRING, 75001, 3, 6000 },
      { EMAIL, NEWS, 45000, 2, 12000 },
    };

    assert_march_totals (r);
    assert_rows (r, FALSE, rows, G_N_ELEMENTS (rows));
  }
  {
    /* Deal 1: 14,286 / 28,571 / 57,143 (gross profit 30,000 × ¼, ½, 1
     * of 1¾: 4,285.71, 8,571.43, 17,142.86). Deal 8: Social 14 days
     * before, Email 7: ½ and 1, so 3,333 and 6,667. */
    g_autoptr(SlAttributionResult) r = run (db, SL_ATTRIBUTION_TIME_DECAY, &period, 0);
    static const ExpectedRow rows[] = {
      { SEARCH, 0, 20000, 1, 5000 }, { SEARCH, BRAND, 14286, 2, 4286 }, { SOCIAL, SPRING, 81905, 3, 8571 },
      { EMAIL, NEWS, 63810, 2, 17143 },
    };

    assert_march_totals (r);
    assert_rows (r, FALSE, rows, G_N_ELEMENTS (rows));
  }
}

/* Limited to one channel: only its credit, every deal still split over
 * all its touches. */
static void
test_run_channel (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(SlAttributionResult) social = NULL;
  g_autoptr(SlAttributionResult) all = NULL;
  g_autoptr(SlAttributionResult) email = NULL;
  SlPeriod period;
  static const ExpectedRow rows[] = { { SOCIAL, SPRING, 88334, 3, 10000 } };
  static const ExpectedRow channels[] = { { SOCIAL, 0, 88334, 3, 10000 } };

  fill_workspace (fixture->db);
  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, march (1));

  social = run (fixture->db, SL_ATTRIBUTION_LINEAR, &period, SOCIAL);
  assert_rows (social, FALSE, rows, 1);
  assert_rows (social, TRUE, channels, 1);
  g_assert_cmpuint (sl_attribution_result_get_n_deals (social), ==, 3);
  /* Deals 1, 2 and 8, whole. */
  g_assert_cmpint (sl_attribution_result_get_revenue_minor (social), ==, 160001);
  g_assert_cmpint (sl_attribution_result_get_credited_minor (social), ==, 88334);

  /* The channel's row equals its row in the unlimited run. */
  all = run (fixture->db, SL_ATTRIBUTION_LINEAR, &period, 0);
  g_assert_cmpmem (sl_attribution_result_lookup_channel (all, SOCIAL), sizeof (SlAttributionRow),
                   sl_attribution_result_get_channel (social, 0), sizeof (SlAttributionRow));

  /* First touch gives Email nothing, though deals 6 and 8 come from it. */
  email = run (fixture->db, SL_ATTRIBUTION_FIRST_TOUCH, &period, EMAIL);
  g_assert_cmpuint (sl_attribution_result_get_n_rows (email), ==, 0);
  g_assert_cmpuint (sl_attribution_result_get_n_deals (email), ==, 0);
  g_assert_cmpint (sl_attribution_result_get_revenue_minor (email), ==, 0);
}

static void
test_run_empty_and_no_origin (SlImportFixture *fixture,
                              gconstpointer    data)
{
  g_autoptr(SlAttributionResult) empty = NULL;
  g_autoptr(SlAttributionResult) april = NULL;
  SlPeriod period;
  static const ExpectedRow rows[] = { { 0, 0, 100, 1, 0 }, { SEARCH, BRAND, 777700, 1, 0 } };

  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, march (1));
  empty = run (fixture->db, SL_ATTRIBUTION_TIME_DECAY, &period, 0);
  g_assert_cmpuint (sl_attribution_result_get_n_rows (empty), ==, 0);
  g_assert_cmpuint (sl_attribution_result_get_n_channels (empty), ==, 0);
  g_assert_cmpint (sl_attribution_result_get_credited_minor (empty), ==, 0);

  /* A deal with neither touches nor origin: channel 0, campaign 0. */
  fill_workspace (fixture->db);
  add_deal (fixture->db, 9, sl_day_from_ymd (2025, 4, 1), 100, NONE, NONE, NONE);
  sl_period_init (&period, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, sl_day_from_ymd (2025, 4, 1));
  for (guint m = 0; m < G_N_ELEMENTS (all_models); m++)
    {
      g_clear_pointer (&april, sl_attribution_result_unref);
      april = run (fixture->db, all_models[m], &period, 0);
      assert_rows (april, FALSE, rows, G_N_ELEMENTS (rows));
      g_assert_cmpint (sl_attribution_result_get_credited_minor (april), ==, 777800);
    }
}

/* Real workspaces */

/* The spec's formulas in doubles, for one channel: what @channel_id
 * should be credited, to within a minor unit per deal. */
static double
reference_credit (SlDatabase         *db,
                  SlAttributionModel  model,
                  const SlPeriod     *period,
                  gint64              channel_id)
{
  g_autoptr(SlStatement) deals = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;
  double credit = 0;

  deals = sl_database_prepare (db, "SELECT id, won_day, coalesce (amount_minor, 0), coalesce (channel_id, 0) "
                                   "FROM deal WHERE won_day BETWEEN ?1 AND ?2", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (deals, 1, period->first);
  sqlite3_bind_int (deals, 2, period->last);
  while (sl_database_step_row (db, deals, &has_row, &error) && has_row)
    {
      g_autoptr(SlStatement) touches = NULL;
      gint64 deal = sqlite3_column_int64 (deals, 0), won = sqlite3_column_int (deals, 1);
      double amount = (double)sqlite3_column_int64 (deals, 2), total = 0, mine = 0;
      gint64 channels[64];
      double weights[64];
      guint n = 0;
      gboolean touch_row;

      touches = sl_database_prepare (db, "SELECT day, channel_id FROM touchpoint WHERE deal_id = ?1 "
                                         "AND day <= ?2 ORDER BY day, position", &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (touches, 1, deal);
      sqlite3_bind_int64 (touches, 2, won);
      while (sl_database_step_row (db, touches, &touch_row, &error) && touch_row)
        {
          g_assert_cmpuint (n, <, G_N_ELEMENTS (weights));
          weights[n] = exp2 (-(double)(won - sqlite3_column_int (touches, 0)) / 7.0);
          channels[n++] = sqlite3_column_int64 (touches, 1);
        }
      g_assert_no_error (error);
      if (n == 0)
        {
          weights[0] = 1;
          channels[n++] = sqlite3_column_int64 (deals, 3);
        }

      for (guint i = 0; i < n; i++)
        {
          switch (model)
            {
            case SL_ATTRIBUTION_FIRST_TOUCH:
              weights[i] = i == 0;
              break;
            case SL_ATTRIBUTION_LAST_TOUCH:
              weights[i] = i == n - 1;
              break;
            case SL_ATTRIBUTION_LINEAR:
              weights[i] = 1;
              break;
            case SL_ATTRIBUTION_POSITION_BASED:
              weights[i] = n == 1 ? 1 : n == 2 ? 0.5 : i == 0 || i == n - 1 ? 0.4 : 0.2 / (n - 2);
              break;
            case SL_ATTRIBUTION_TIME_DECAY:
            default:
              break;
            }
          total += weights[i];
        }
      for (guint i = 0; i < n; i++)
        if (channels[i] == channel_id)
          mine += weights[i];
      credit += amount * mine / total;
    }
  g_assert_no_error (error);
  return credit;
}

/* Conservation and the formulas, checked on every model over @period. */
static void
check_period (SlDatabase     *db,
              const SlPeriod *period)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revenue, gross_profit, n_deals;
  gboolean has_row;

  stmt = sl_database_prepare (db, "SELECT coalesce (sum (amount_minor), 0), coalesce (sum (gross_profit_minor), 0), "
                                  "count(*) FROM deal WHERE won_day BETWEEN ?1 AND ?2", &error);
  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, period->first);
  sqlite3_bind_int (stmt, 2, period->last);
  sl_database_step_row (db, stmt, &has_row, &error);
  g_assert_no_error (error);
  revenue = sqlite3_column_int64 (stmt, 0);
  gross_profit = sqlite3_column_int64 (stmt, 1);
  n_deals = sqlite3_column_int64 (stmt, 2);

  for (guint m = 0; m < G_N_ELEMENTS (all_models); m++)
    {
      g_autoptr(SlAttributionResult) r = run (db, all_models[m], period, 0);
      g_autoptr(SlAttributionResult) again = run (db, all_models[m], period, 0);
      gint64 sum = 0, gp_sum = 0, channel_sum = 0;
      guint c = 0;

      g_assert_cmpint (sl_attribution_result_get_revenue_minor (r), ==, revenue);
      g_assert_cmpint (sl_attribution_result_get_credited_minor (r), ==, revenue);
      g_assert_cmpint (sl_attribution_result_get_gross_profit_minor (r), ==, gross_profit);
      g_assert_cmpint (sl_attribution_result_get_n_deals (r), ==, n_deals);

      /* The same input gives the same rows, bit for bit. */
      g_assert_cmpuint (sl_attribution_result_get_n_rows (r), ==, sl_attribution_result_get_n_rows (again));
      for (guint i = 0; i < sl_attribution_result_get_n_rows (r); i++)
        g_assert_cmpmem (sl_attribution_result_get_row (r, i), sizeof (SlAttributionRow),
                         sl_attribution_result_get_row (again, i), sizeof (SlAttributionRow));

      /* Rows sum exactly, none negative; channel rows sum their campaigns. */
      for (guint i = 0; i < sl_attribution_result_get_n_rows (r); i++)
        {
          const SlAttributionRow *row = sl_attribution_result_get_row (r, i);

          g_assert_cmpint (row->credited_minor, >=, 0);
          g_assert_cmpuint (row->n_deals, >, 0);
          sum += row->credited_minor;
          gp_sum += row->credited_gross_profit_minor;
        }
      g_assert_cmpint (sum, ==, revenue);
      g_assert_cmpint (gp_sum, ==, gross_profit);

      for (guint i = 0; i < sl_attribution_result_get_n_channels (r); i++)
        {
          const SlAttributionRow *channel = sl_attribution_result_get_channel (r, i);
          gint64 campaigns = 0;
          guint max_deals = 0, sum_deals = 0;
          double expected = reference_credit (db, all_models[m], period, channel->channel_id);

          for (; c < sl_attribution_result_get_n_rows (r) &&
                 sl_attribution_result_get_row (r, c)->channel_id == channel->channel_id; c++)
            {
              campaigns += sl_attribution_result_get_row (r, c)->credited_minor;
              max_deals = MAX (max_deals, sl_attribution_result_get_row (r, c)->n_deals);
              sum_deals += sl_attribution_result_get_row (r, c)->n_deals;
            }
          g_assert_cmpint (campaigns, ==, channel->credited_minor);
          g_assert_cmpuint (channel->n_deals, >=, max_deals);
          g_assert_cmpuint (channel->n_deals, <=, sum_deals);
          /* Each deal's share is off its exact value by less than a unit. */
          g_assert_cmpfloat (fabs ((double)channel->credited_minor - expected), <=, channel->n_deals + 1e-9 * revenue);
          channel_sum += channel->credited_minor;
        }
      g_assert_cmpuint (c, ==, sl_attribution_result_get_n_rows (r));
      g_assert_cmpint (channel_sum, ==, revenue);
    }
}

/* @period, cut into months, each checked, and the whole. */
static void
check_months (SlDatabase     *db,
              const SlPeriod *period)
{
  g_autoptr(GArray) months = sl_period_split (period, SL_PERIOD_MONTH);

  check_period (db, period);
  for (guint i = 0; i < months->len; i++)
    check_period (db, &g_array_index (months, SlPeriod, i));
}

/* The demo workspace has touchpoints: 1–4 per won deal. */
static void
test_real_demo (void)
{
  g_autofree char *dir = sl_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sunlight", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlDatabase) db = NULL;
  SlDemoOptions options = { 7, 0, 2025 };
  SlPeriod year;

  db = sl_database_open (path, SL_DATABASE_CREATE, &error);
  g_assert_no_error (error);
  sl_demo_write (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Multi-touch deals, or this test would prove little. */
  g_assert_cmpint (Q (db, "SELECT count(*) FROM (SELECT deal_id FROM touchpoint GROUP BY deal_id "
                          "HAVING count(*) >= 3)"), >, 10);
  g_assert_cmpint (Q (db, "SELECT count(*) FROM deal WHERE won_day IS NOT NULL"), >, 50);

  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 1, 2025);
  check_months (db, &year);

  g_clear_object (&db);
  sl_test_remove_tree (dir);
}

static void
period_of_won_deals (SlDatabase *db,
                     SlPeriod   *period)
{
  g_autoptr(GError) error = NULL;

  sl_period_init_custom (period, SL_CALENDAR_GREGORIAN,
                         Q (db, "SELECT min (won_day) FROM deal"), Q (db, "SELECT max (won_day) FROM deal"), &error);
  g_assert_no_error (error);
}

/* Maven's CRM export has no touchpoints: every deal falls back to its
 * origin, under every model. */
static void
test_real_maven (SlImportFixture *fixture,
                 gconstpointer    data)
{
  g_autofree char *path = sl_test_shared_data ("maven-crm/sales_pipeline.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(SlAttributionResult) r = NULL;
  SlImportOptions options;
  SlPeriod all;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM touchpoint"), ==, 0);

  period_of_won_deals (fixture->db, &all);
  check_months (fixture->db, &all);

  /* The reference figures of ../shared/data/README.md. */
  r = run (fixture->db, SL_ATTRIBUTION_POSITION_BASED, &all, 0);
  g_assert_cmpuint (sl_attribution_result_get_n_deals (r), ==, 4238);
  g_assert_cmpint (sl_attribution_result_get_credited_minor (r), ==, 1000553400);
}

/* Olist: 842 won deals without amounts or touchpoints; each origin
 * channel is credited the deals the README counts for it. */
static void
test_real_olist (SlImportFixture *fixture,
                 gconstpointer    data)
{
  static const struct { const char *origin; guint won; } origins[] = {
    { "organic_search", 271 }, { "paid_search", 195 }, { "social", 75 }, { "unknown", 179 },
    { "direct_traffic", 56 }, { "email", 15 }, { "referral", 24 }, { "other", 4 }, { "display", 6 },
    { "other_publicities", 3 }, { "Unattributed", 14 },
  };
  g_autofree char *mqls = sl_test_shared_data ("olist-funnel/olist_marketing_qualified_leads_dataset.csv");
  g_autofree char *closed = sl_test_shared_data ("olist-funnel/olist_closed_deals_dataset.csv");
  g_autoptr(GFile) file = g_file_new_for_path (mqls);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(SlAttributionResult) r = NULL;
  SlImportOptions options;
  SlPeriod all;

  sl_import_options_init (&options, SL_IMPORT_FUNNEL);
  options.preset = "olist";
  options.join_path = closed;
  result = sl_import_fixture_import (fixture, file, &options);

  period_of_won_deals (fixture->db, &all);
  check_period (fixture->db, &all);

  r = run (fixture->db, SL_ATTRIBUTION_TIME_DECAY, &all, 0);
  g_assert_cmpuint (sl_attribution_result_get_n_deals (r), ==, 842);
  g_assert_cmpuint (sl_attribution_result_get_n_channels (r), ==, G_N_ELEMENTS (origins));
  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      g_autoptr(SlStatement) stmt = NULL;
      g_autoptr(GError) error = NULL;
      gboolean has_row;

      stmt = sl_database_prepare (fixture->db, "SELECT id FROM channel WHERE name = ?1", &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, origins[i].origin, -1, SQLITE_STATIC);
      sl_database_step_row (fixture->db, stmt, &has_row, &error);
      g_assert_no_error (error);
      g_assert_true (has_row);
      g_assert_cmpuint (sl_attribution_result_lookup_channel (r, sqlite3_column_int64 (stmt, 0))->n_deals,
                        ==, origins[i].won);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Attribution models: weights, exact apportioning, runs over workspaces");

  g_test_add_func ("/core/attribution/model/strings", test_model_strings);
  g_test_add_func ("/core/attribution/model/three-touches", test_hand_three_touches);
  g_test_add_func ("/core/attribution/model/edge-cases", test_hand_edge_cases);
  g_test_add_func ("/core/attribution/model/random", test_models_random);
  g_test_add_func ("/core/attribution/apportion/edges", test_apportion_edges);
  g_test_add_func ("/core/attribution/apportion/random", test_apportion_random);

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/attribution/run/hand", test_run_hand);
  ADD ("/core/attribution/run/channel", test_run_channel);
  ADD ("/core/attribution/run/empty-and-no-origin", test_run_empty_and_no_origin);
  ADD ("/core/attribution/real/maven", test_real_maven);
  ADD ("/core/attribution/real/olist", test_real_olist);
#undef ADD
  g_test_add_func ("/core/attribution/real/demo", test_real_demo);

  return g_test_run ();
}
