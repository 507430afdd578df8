/* sl-rollup.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include "sl-rollup.h"

typedef struct
{
  gint64        campaign_id;
  gint64        channel_id;
  SlDay         day;
  SlRollupDelta sums;
} Cell;

struct _SlRollup
{
  GHashTable *cells;   /* Cell* keyed by itself */
};

/* The facts of rollup_day, grouped afresh: spend, then each funnel stage
 * counted on the day it was reached. ?1 limits it to one batch (NULL: all). */
#define FACTS_SQL \
  "SELECT campaign_id, day, sum (spend) AS spend, sum (impressions) AS impressions, " \
  "  sum (clicks) AS clicks, sum (conversions) AS conversions, sum (leads) AS leads, " \
  "  sum (mqls) AS mqls, sum (sqls) AS sqls, sum (opportunities) AS opportunities, " \
  "  sum (won) AS won, sum (lost) AS lost, sum (won_minor) AS won_minor, " \
  "  sum (won_gp) AS won_gp FROM (" \
  " SELECT campaign_id, day, amount_ws_minor AS spend, impressions, clicks, conversions, " \
  "   0 AS leads, 0 AS mqls, 0 AS sqls, 0 AS opportunities, 0 AS won, 0 AS lost, " \
  "   0 AS won_minor, 0 AS won_gp FROM spend WHERE ?1 IS NULL OR batch_id = ?1" \
  " UNION ALL SELECT campaign_id, lead_day, 0,0,0,0, 1,0,0,0,0,0,0,0 FROM deal " \
  "   WHERE lead_day IS NOT NULL AND campaign_id IS NOT NULL AND (?1 IS NULL OR batch_id = ?1)" \
  " UNION ALL SELECT campaign_id, mql_day, 0,0,0,0, 0,1,0,0,0,0,0,0 FROM deal " \
  "   WHERE mql_day IS NOT NULL AND campaign_id IS NOT NULL AND (?1 IS NULL OR batch_id = ?1)" \
  " UNION ALL SELECT campaign_id, sql_day, 0,0,0,0, 0,0,1,0,0,0,0,0 FROM deal " \
  "   WHERE sql_day IS NOT NULL AND campaign_id IS NOT NULL AND (?1 IS NULL OR batch_id = ?1)" \
  " UNION ALL SELECT campaign_id, opportunity_day, 0,0,0,0, 0,0,0,1,0,0,0,0 FROM deal " \
  "   WHERE opportunity_day IS NOT NULL AND campaign_id IS NOT NULL AND (?1 IS NULL OR batch_id = ?1)" \
  " UNION ALL SELECT campaign_id, won_day, 0,0,0,0, 0,0,0,0,1,0, coalesce (amount_minor, 0), " \
  "   coalesce (gross_profit_minor, 0) FROM deal " \
  "   WHERE won_day IS NOT NULL AND campaign_id IS NOT NULL AND (?1 IS NULL OR batch_id = ?1)" \
  " UNION ALL SELECT campaign_id, lost_day, 0,0,0,0, 0,0,0,0,0,1,0,0 FROM deal " \
  "   WHERE lost_day IS NOT NULL AND campaign_id IS NOT NULL AND (?1 IS NULL OR batch_id = ?1)" \
  ") GROUP BY campaign_id, day"

static guint
cell_hash (gconstpointer key)
{
  const Cell *cell = key;
  guint64 h = ((guint64)cell->campaign_id << 32) ^ (guint32)cell->day;

  /* A 64-bit finalizer (MurmurHash3's): every input bit moves the
   * low bits the table uses. */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return (guint)h;
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  const Cell *x = a, *y = b;

  return x->campaign_id == y->campaign_id && x->day == y->day;
}

SlRollup *
sl_rollup_new (void)
{
  SlRollup *rollup = g_new0 (SlRollup, 1);

  rollup->cells = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
  return rollup;
}

void
sl_rollup_free (SlRollup *rollup)
{
  if (rollup == NULL)
    return;
  g_hash_table_unref (rollup->cells);
  g_free (rollup);
}

void
sl_rollup_add (SlRollup            *rollup,
               gint64               campaign_id,
               gint64               channel_id,
               SlDay                day,
               const SlRollupDelta *delta)
{
  Cell key = { campaign_id, channel_id, day };
  Cell *cell = g_hash_table_lookup (rollup->cells, &key);
  gint64 *sums;
  const gint64 *add = (const gint64 *)delta;

  if (cell == NULL)
    {
      cell = g_memdup2 (&key, sizeof key);
      g_hash_table_add (rollup->cells, cell);
    }

  /* Every member is a gint64: add them as an array. Overflow would need
   * more than 9.2e18 minor units in one campaign-day. */
  sums = (gint64 *)&cell->sums;
  for (gsize i = 0; i < sizeof (SlRollupDelta) / sizeof (gint64); i++)
    sums[i] += add[i];
}

guint
sl_rollup_get_size (SlRollup *rollup)
{
  return g_hash_table_size (rollup->cells);
}

gboolean
sl_rollup_flush (SlRollup    *rollup,
                 SlDatabase  *db,
                 GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  GHashTableIter iter;
  Cell *cell;

  stmt = sl_database_prepare (db,
                              "INSERT INTO rollup_day (campaign_id, day, channel_id, spend_minor, "
                              "impressions, clicks, conversions, leads, mqls, sqls, opportunities, "
                              "won, lost, won_minor, won_gross_profit_minor) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
                              "ON CONFLICT (campaign_id, day) DO UPDATE SET "
                              "spend_minor = spend_minor + excluded.spend_minor, "
                              "impressions = impressions + excluded.impressions, "
                              "clicks = clicks + excluded.clicks, "
                              "conversions = conversions + excluded.conversions, "
                              "leads = leads + excluded.leads, mqls = mqls + excluded.mqls, "
                              "sqls = sqls + excluded.sqls, "
                              "opportunities = opportunities + excluded.opportunities, "
                              "won = won + excluded.won, lost = lost + excluded.lost, "
                              "won_minor = won_minor + excluded.won_minor, "
                              "won_gross_profit_minor = won_gross_profit_minor + excluded.won_gross_profit_minor",
                              error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, rollup->cells);
  while (g_hash_table_iter_next (&iter, (gpointer *)&cell, NULL))
    {
      const gint64 *sums = (const gint64 *)&cell->sums;

      sqlite3_bind_int64 (stmt, 1, cell->campaign_id);
      sqlite3_bind_int (stmt, 2, cell->day);
      sqlite3_bind_int64 (stmt, 3, cell->channel_id);
      for (int i = 0; i < 12; i++)
        sqlite3_bind_int64 (stmt, 4 + i, sums[i]);
      if (!sl_database_step_done (db, stmt, error))
        return FALSE;
    }

  g_hash_table_remove_all (rollup->cells);
  return TRUE;
}

gboolean
sl_rollup_subtract_batch (SlDatabase  *db,
                          gint64       batch_id,
                          GError     **error)
{
  g_autoptr(SlStatement) update = NULL;

  update = sl_database_prepare (db,
                                "UPDATE rollup_day SET spend_minor = rollup_day.spend_minor - f.spend, "
                                "impressions = rollup_day.impressions - f.impressions, clicks = rollup_day.clicks - f.clicks, "
                                "conversions = rollup_day.conversions - f.conversions, leads = rollup_day.leads - f.leads, "
                                "mqls = rollup_day.mqls - f.mqls, sqls = rollup_day.sqls - f.sqls, "
                                "opportunities = rollup_day.opportunities - f.opportunities, won = rollup_day.won - f.won, "
                                "lost = rollup_day.lost - f.lost, won_minor = rollup_day.won_minor - f.won_minor, "
                                "won_gross_profit_minor = rollup_day.won_gross_profit_minor - f.won_gp "
                                "FROM (" FACTS_SQL ") AS f "
                                "WHERE rollup_day.campaign_id = f.campaign_id AND rollup_day.day = f.day",
                                error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, batch_id);
  return sl_database_step_done (db, update, error);
}

gboolean
sl_rollup_prune (SlDatabase  *db,
                 GError     **error)
{
  g_autoptr(SlStatement) prune = NULL;

  /* An all-zero row stays only where an all-zero spend row explains it
   * (a fresh GROUP BY has it too); any funnel event makes a count > 0. */
  prune = sl_database_prepare (db,
                               "DELETE FROM rollup_day WHERE spend_minor = 0 AND impressions = 0 "
                               "AND clicks = 0 AND conversions = 0 AND leads = 0 AND mqls = 0 "
                               "AND sqls = 0 AND opportunities = 0 AND won = 0 AND lost = 0 "
                               "AND won_minor = 0 AND won_gross_profit_minor = 0 "
                               "AND (campaign_id, day) NOT IN (SELECT campaign_id, day FROM spend "
                               "  WHERE amount_ws_minor = 0 AND impressions = 0 AND clicks = 0 "
                               "  AND conversions = 0)",
                               error);
  return prune != NULL && sl_database_step_done (db, prune, error);
}

gboolean
sl_rollup_verify (SlDatabase  *db,
                  gint64      *n_diff,
                  GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;

  /* Both ways round: rows missing from either side count. */
  stmt = sl_database_prepare (db,
                              "WITH fresh AS (" FACTS_SQL "), "
                              "kept AS (SELECT campaign_id, day, spend_minor, impressions, clicks, "
                              "  conversions, leads, mqls, sqls, opportunities, won, lost, won_minor, "
                              "  won_gross_profit_minor FROM rollup_day) "
                              "SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept)) + "
                              "(SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh)) + "
                              "(SELECT count(*) FROM rollup_day r JOIN campaign c ON c.id = r.campaign_id "
                              "  WHERE r.channel_id <> c.channel_id)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_null (stmt, 1);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;

  *n_diff = has_row ? sqlite3_column_int64 (stmt, 0) : -1;
  return TRUE;
}
