/* sl-demo.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The demo workspace: a year of a B2B software company's marketing, made
 * up deterministically from a seed. Everything random comes from private
 * splitmix64 streams (one per part, so that asking for more spend rows
 * changes nothing but the spend rows) and money is integer cents only:
 * the same options give the same rows on every machine.
 *
 * Decisions worth knowing:
 *  - "Now" is October 15 of the fiscal year. Spend, deals, customers and
 *    MRR (a revenue report: one row per customer and month, October the
 *    last) stop there; forecast lines cover October, the month in course,
 *    to December. The pipeline starts empty on January 1, so the first
 *    customers come in March.
 *  - Seasonality: plan weights per channel and month (Paid Social and
 *    Display high in summer, Events in spring and autumn, Paid Search and
 *    Partner/Referral peak in Q4); spend follows plan within a few percent
 *    except Paid Social (+15–20% in June–August) and Events (+25% in
 *    September); weekdays carry about twice a weekend day's spend.
 *  - Touchpoints: 1–4 per won deal, on distinct channels, ordered by day;
 *    position 0 is the first touch, which is the deal's channel and
 *    campaign of origin on its lead day; later touches fall between the
 *    lead day and the opportunity day.
 *  - Deals reaching SQL get a sales rep as owner; earlier leads have none.
 *    Opportunities carry an amount (annual contract value); only won
 *    deals carry gross profit.
 *  - The rollups are one INSERT … SELECT … GROUP BY at the end. While it
 *    runs, the connection's sorter may use up to four worker threads
 *    (the limit is restored after) and, when a progress callback is
 *    given, a progress handler reports (it is removed after; the
 *    connection must not have one of its own). PRAGMAs stay as they are.
 *  - With spend_rows > 0 each campaign-day's spend is split into several
 *    rows ("ad groups") whose amounts add up exactly; below the natural
 *    size, a row carries the campaign's days that got no row of their
 *    own (the days after a campaign's last row are dropped).
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-demo.h"
#include "sl-sql.h"
#include "sl-money.h"

#define N_CHANNELS   7
#define N_CAMPAIGNS  21
#define N_GOALS      3
#define N_REPS       6
#define MAX_SPEND_ROWS G_GINT64_CONSTANT (10000000000)
#define PROGRESS_ROWS  100000
/* The progress bar, by where the time goes with many spend rows: the
 * inserts, then the rollup's sort (about 25 SQLite instructions per spend
 * row), then the commit's checkpoint. */
#define PROGRESS_SPEND_FIRST  0.02
#define PROGRESS_SPEND_LAST   0.70
#define PROGRESS_ROLLUP_FIRST 0.72
#define PROGRESS_ROLLUP_LAST  0.90
#define ROLLUP_OPS_PER_ROW    25
#define ROLLUP_OPS_STEP       2500000
#define US_PER_DAY   G_GINT64_CONSTANT (86400000000)
#define US_PER_HOUR  G_GINT64_CONSTANT (3600000000)
#define CURRENCY     "USD"

G_DEFINE_QUARK (sl-demo-error-quark, sl_demo_error)

/* Random numbers */

typedef struct
{
  guint64 state;
} DemoRng;

enum {
  STREAM_IDS = 1,
  STREAM_PLAN,
  STREAM_CELLS,
  STREAM_ROWS,
  STREAM_DEALS,
  STREAM_CUSTOMERS,
};

static guint64
rng_next (DemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_init (DemoRng *rng,
          guint32  seed,
          guint    stream)
{
  rng->state = ((guint64)seed << 32) ^ ((guint64)stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  rng_next (rng);
}

/* 0 ≤ result < n (0 when n is 0). */
static gint64
rng_below (DemoRng *rng,
           gint64   n)
{
  return n > 0 ? (gint64)(rng_next (rng) % (guint64)n) : 0;
}

/* lo ≤ result ≤ hi */
static gint64
rng_between (DemoRng *rng,
             gint64   lo,
             gint64   hi)
{
  return lo + rng_below (rng, hi - lo + 1);
}

static gboolean
rng_chance (DemoRng *rng,
            int      per_mille)
{
  return rng_below (rng, 1000) < per_mille;
}

/* A version 4 UUID made of the stream's bits. */
static void
rng_uuid (DemoRng *rng,
          char     out[37])
{
  guint64 hi = rng_next (rng);
  guint64 lo = rng_next (rng);

  hi = (hi & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF0FFF)) | G_GUINT64_CONSTANT (0x0000000000004000);
  lo = (lo & G_GUINT64_CONSTANT (0x3FFFFFFFFFFFFFFF)) | G_GUINT64_CONSTANT (0x8000000000000000);
  g_snprintf (out, 37, "%08x-%04x-%04x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint)(hi >> 32), (guint)((hi >> 16) & 0xFFFF), (guint)(hi & 0xFFFF),
              (guint)(lo >> 48), lo & G_GUINT64_CONSTANT (0xFFFFFFFFFFFF));
}

/* The company */

#define FLAT_12(v) { v, v, v, v, v, v, v, v, v, v, v, v }

enum { GOAL_ARR, GOAL_CHURN, GOAL_CAC };

typedef struct
{
  const char *name;
  const char *kind;
  const char *color;
  int         share;            /* permille of the channels' budget */
  int         season[12];       /* plan weight per month, 1000 = average */
  int         spend_ratio[12];  /* actual ÷ plan per month, permille */
  int         efficiency[12];   /* leads per dollar per month, permille */
  gint64      cpl;              /* cents per lead at efficiency 1000 */
  gint64      cpc;              /* cents per click; 0: no clicks (events) */
  int         ctr_bp;           /* clicks ÷ impressions */
  int         cvr_bp;           /* platform conversions ÷ clicks */
  int         p_mql, p_sql, p_opp, p_win;   /* permille reaching the next stage */
  int         mql_lag, sql_lag, opp_lag;    /* days */
  int         cycle_min, cycle_span;        /* opportunity to close, days */
  gint64      deal_min, deal_max;           /* annual contract value, dollars */
  int         churn;            /* monthly churn of its customers, permille */
  int         touch_weight;     /* how often it assists other channels' deals */
  int         goal;             /* the goal its plan lines serve, or -1 */
} DemoChannel;

/* Display brings many cheap leads that rarely buy; Events and partners
 * few dear ones that do (DOMAIN.md, worked example 1). Paid Social pays
 * off in summer and not in winter (example 4) and overspends in summer;
 * Events overspends in September. */
static const DemoChannel channels[N_CHANNELS] = {
  { "Paid Search", "paid", "#3584e4", 220,
    { 900, 920, 980, 1000, 1000, 950, 900, 900, 1050, 1100, 1150, 1150 },
    { 980, 990, 1000, 970, 990, 1000, 980, 990, 1000, 1010, 1000, 1000 },
    FLAT_12 (1000),
    20000, 400, 400, 600, 550, 350, 700, 280, 5, 6, 10, 25, 40, 6000, 24000, 25, 25, GOAL_ARR },
  { "Paid Social", "paid", "#9141ac", 150,
    { 850, 850, 900, 950, 1050, 1250, 1300, 1250, 1000, 950, 850, 800 },
    { 960, 970, 980, 990, 1040, 1160, 1200, 1140, 990, 980, 1000, 1000 },
    { 600, 650, 800, 950, 1200, 1500, 1600, 1500, 1100, 900, 700, 600 },
    15000, 250, 90, 400, 400, 250, 600, 220, 4, 9, 12, 30, 45, 5000, 18000, 35, 15, -1 },
  { "Display", "paid", "#ff7800", 100,
    { 800, 800, 900, 950, 1050, 1200, 1250, 1150, 950, 1000, 1050, 900 },
    { 950, 940, 960, 950, 970, 960, 950, 960, 950, 960, 1000, 1000 },
    FLAT_12 (1000),
    5000, 120, 12, 150, 200, 170, 650, 220, 7, 14, 14, 35, 50, 4000, 12000, 60, 10, -1 },
  { "Email", "owned", "#2ec27e", 40,
    { 1000, 1000, 1000, 1000, 1000, 950, 900, 900, 1050, 1100, 1100, 1000 },
    { 990, 1000, 990, 1000, 990, 980, 990, 1000, 990, 1000, 1000, 1000 },
    FLAT_12 (1000),
    8000, 25, 250, 300, 600, 300, 700, 300, 3, 5, 8, 20, 30, 5000, 15000, 20, 25, GOAL_CHURN },
  { "Content/SEO", "organic", "#e5a50a", 130,
    { 950, 950, 1000, 1000, 1000, 950, 900, 950, 1050, 1050, 1100, 1050 },
    { 1000, 990, 1010, 1000, 990, 980, 970, 990, 1000, 990, 1000, 1000 },
    FLAT_12 (1000),
    18000, 150, 300, 500, 500, 300, 650, 270, 6, 10, 10, 30, 40, 6000, 24000, 20, 20, GOAL_ARR },
  { "Events", "events", "#e01b24", 220,
    { 400, 600, 1400, 1200, 1300, 900, 400, 700, 1700, 1600, 1300, 500 },
    { 980, 990, 1000, 1010, 1050, 990, 970, 1020, 1250, 1080, 1000, 1000 },
    FLAT_12 (1000),
    45000, 0, 0, 0, 850, 550, 750, 400, 2, 5, 10, 25, 35, 15000, 48000, 12, 5, GOAL_CAC },
  { "Partner/Referral", "partner", "#986a44", 140,
    { 800, 850, 900, 950, 950, 950, 900, 950, 1050, 1150, 1250, 1300 },
    { 990, 980, 1000, 990, 1000, 990, 980, 1000, 990, 1000, 1000, 1000 },
    FLAT_12 (1000),
    32000, 300, 200, 800, 800, 500, 750, 380, 2, 4, 8, 20, 35, 12000, 40000, 10, 5, GOAL_CAC },
};

enum { CH_PAID_SEARCH, CH_PAID_SOCIAL, CH_DISPLAY, CH_EMAIL, CH_CONTENT, CH_EVENTS, CH_PARTNER };

typedef struct
{
  int         channel;
  const char *name;
  int         weight;       /* share of the channel's spend while active */
  int         first_month;  /* active months of the year, 1–12 */
  int         last_month;
  const char *id_prefix;    /* the ad platform's id, or NULL */
} DemoCampaign;

static const DemoCampaign campaigns[N_CAMPAIGNS] = {
  { CH_PAID_SEARCH, "Brand Keywords", 25, 1, 12, "gads" },
  { CH_PAID_SEARCH, "Competitor Keywords", 20, 1, 12, "gads" },
  { CH_PAID_SEARCH, "Generic – Budget Planning Software", 35, 1, 12, "gads" },
  { CH_PAID_SEARCH, "Remarketing Lists for Search", 20, 1, 12, "gads" },
  { CH_PAID_SOCIAL, "LinkedIn Lead Gen Forms", 45, 1, 12, "li" },
  { CH_PAID_SOCIAL, "Facebook Retargeting", 30, 1, 12, "fb" },
  { CH_PAID_SOCIAL, "Instagram Summer Awareness", 25, 5, 9, "fb" },
  { CH_DISPLAY, "Programmatic Prospecting", 50, 1, 12, "dv360" },
  { CH_DISPLAY, "Retargeting Banners", 30, 1, 12, "dv360" },
  { CH_DISPLAY, "Industry Sites Sponsorship", 20, 1, 12, NULL },
  { CH_EMAIL, "Monthly Newsletter", 40, 1, 12, NULL },
  { CH_EMAIL, "Trial Nurture Sequence", 60, 1, 12, NULL },
  { CH_CONTENT, "Blog and Guides", 40, 1, 12, NULL },
  { CH_CONTENT, "Ebook: Budget Planning 101", 30, 3, 12, NULL },
  { CH_CONTENT, "Webinar Series", 30, 1, 12, NULL },
  { CH_EVENTS, "Regional Roadshow", 30, 1, 12, NULL },
  { CH_EVENTS, "SaaStr Annual Booth", 50, 8, 9, NULL },
  { CH_EVENTS, "Customer Summit", 40, 4, 6, NULL },
  { CH_PARTNER, "Agency Partner Program", 40, 1, 12, NULL },
  { CH_PARTNER, "Customer Referral Rewards", 35, 1, 12, NULL },
  { CH_PARTNER, "Marketplace Listing", 25, 1, 12, "mkt" },
};

typedef struct
{
  int         channel;
  int         campaign;     /* index, or -1 */
  int         number;
  int         first_month;
  int         last_month;
  int         share;        /* permille of the channel's plan in those months */
  const char *note;
} DemoPurchaseOrder;

static const DemoPurchaseOrder purchase_orders[] = {
  { CH_CONTENT, -1, 17, 1, 12, 350, "Content agency retainer" },
  { CH_EVENTS, 17, 23, 4, 6, 600, "Customer Summit venue and catering" },
  { CH_DISPLAY, 7, 31, 7, 12, 400, "Programmatic insertion order, second half" },
  { CH_EVENTS, 16, 42, 8, 9, 700, "SaaStr booth, sponsorship package and travel" },
  { CH_PARTNER, 20, 55, 1, 12, 150, "Marketplace listing, annual fee" },
};

static const char * const reps[N_REPS] = {
  "Alex Morgan", "Priya Natarajan", "Diego Fernández", "Mei Chen", "Tom Becker", "Sara Haddad",
};

static const char * const company_first[] = {
  "Bluefin", "Cedar", "Harbor", "Lumen", "Northstar", "Oakridge", "Pioneer", "Quarry",
  "Redwood", "Summit", "Tidewater", "Vantage", "Willow", "Alder", "Birch", "Copper",
  "Driftwood", "Ember", "Falcon", "Granite", "Juniper", "Kestrel", "Meridian", "Sierra",
};

static const char * const company_second[] = {
  "Analytics", "Logistics", "Health", "Foods", "Robotics", "Studios", "Energy", "Retail",
  "Labs", "Partners", "Outdoor", "Media", "Systems", "Financial", "Freight", "Software",
};

static const char * const month_names[12] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/* The metrics finance asked for, in the Overview's order. */
static const struct { const char *metric; int goal; } kpis[] = {
  { "revenue", -1 }, { "arr", GOAL_ARR }, { "cac", GOAL_CAC }, { "clv-cac", GOAL_CAC },
  { "roi", -1 }, { "cpl", -1 }, { "win-rate", -1 }, { "churn", GOAL_CHURN },
  { "lead-to-client", -1 }, { "mql-to-sql-days", GOAL_CAC },
};

/* The writer */

typedef struct
{
  gint64 amount;
  gint64 impressions;
  gint64 clicks;
  gint64 conversions;
} DemoCell;

typedef struct
{
  guint32 order;        /* generation order, the last sort key */
  int     channel;
  int     campaign;
  SlDay   lead, mql, sql, opportunity, won, lost;
  gint64  amount;       /* 0: none */
  gint64  gross_profit;
  int     margin;       /* permille */
  int     owner;        /* -1: none */
  gint64  id;
  gint64  customer_id;
} DemoDeal;

typedef struct
{
  SlDatabase          *db;
  const SlDemoOptions *options;
  SlDemoProgressFunc   progress;
  gpointer             user_data;

  DemoRng              rng_ids, rng_plan, rng_cells, rng_rows, rng_deals, rng_customers;

  int                  year;
  SlDay                month_first[13];  /* [12]: January 1 of the next year */
  SlDay                now;
  int                  now_month;        /* 1–12 */
  gint64               now_us;
  int                  reserve_bp;
  int                  deadline_offset;
  int                  checkin_day;

  gint64               batch_id;
  gint64               channel_ids[N_CHANNELS];
  gint64               campaign_ids[N_CAMPAIGNS];
  gint64               goal_ids[N_GOALS];
  gint64               arr_key_result_id;

  gint64               plan_minor[N_CHANNELS][12];
  DemoCell            *cells;            /* [day of year][campaign] */
  GArray              *deal_list;        /* DemoDeal */
  GPtrArray           *won;              /* DemoDeal*, by won day */

  gint64               spend_target;     /* rows to write */
  gint64               spend_rows;       /* rows written */
  gint64               fact_rows;
  gint64               rollup_ops;       /* SQLite instructions so far */
  gint64               rollup_ops_total; /* and the estimate of all */
} DemoWriter;

#define CELL(w, day, campaign) ((w)->cells[((day) - (w)->month_first[0]) * N_CAMPAIGNS + (campaign)])

/* Helpers */

static void
report_progress (DemoWriter *w,
                 double      fraction)
{
  if (w->progress != NULL)
    w->progress (CLAMP (fraction, 0.0, 1.0), w->user_data);
}

static gint64
us_at (SlDay day,
       int   hour)
{
  return (gint64)day * US_PER_DAY + hour * US_PER_HOUR;
}

static int
month_of (DemoWriter *w,
          SlDay       day)
{
  int m = 0;

  while (m < 11 && day >= w->month_first[m + 1])
    m++;
  return m + 1;
}

static gboolean
campaign_active (int ci,
                 int month)
{
  return month >= campaigns[ci].first_month && month <= campaigns[ci].last_month;
}

/* Splits @total into @n parts proportional to @weights that add up to
 * @total exactly. total × Σweights must fit in 63 bits. */
static void
split_exact (gint64        total,
             const gint64 *weights,
             int           n,
             gint64       *out)
{
  gint64 sum = 0, acc = 0, previous = 0;

  for (int i = 0; i < n; i++)
    sum += weights[i];
  for (int i = 0; i < n; i++)
    {
      gint64 next;

      acc += weights[i];
      next = sum > 0 ? total * acc / sum : (i == n - 1 ? total : 0);
      out[i] = next - previous;
      previous = next;
    }
}

/* The @k-th of @n even parts of @total. */
static inline gint64
even_part (gint64 total,
           gint64 k,
           gint64 n)
{
  return total * (k + 1) / n - total * k / n;
}

static gboolean
step_insert (DemoWriter    *w,
             sqlite3_stmt  *stmt,
             gint64        *out_id,
             GError       **error)
{
  if (!sl_database_step_done (w->db, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sl_database_last_insert_id (w->db);
  return TRUE;
}

/* The workspace row and the batch */

static gboolean
insert_workspace_row (SlDatabase  *db,
                      const char  *uuid,
                      const char  *name,
                      const char  *currency,
                      SlCalendar   calendar,
                      int          fiscal_start_month,
                      int          reserve_basis_points,
                      gint64       created_at,
                      GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  if (!sl_currency_is_valid (currency))
    {
      g_set_error (error, SL_MONEY_ERROR, SL_MONEY_ERROR_UNKNOWN_CURRENCY,
                   /* Translators: %s is what the user typed as a currency code */
                   _("“%s” is not an ISO 4217 currency code"), currency);
      return FALSE;
    }
  if (fiscal_start_month < 1 || fiscal_start_month > 12)
    {
      g_set_error (error, SL_PERIOD_ERROR, SL_PERIOD_ERROR_RANGE,
                   _("The fiscal year must start in a month from 1 to 12"));
      return FALSE;
    }
  if (reserve_basis_points < 0 || reserve_basis_points > 10000)
    {
      g_set_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_INVALID,
                   _("The reserve must be between 0%% and 100%% of the budget"));
      return FALSE;
    }

  stmt = sl_database_prepare (db,
                              "INSERT INTO workspace (id, uuid, name, currency, calendar, "
                              "fiscal_start_month, reserve_basis_points, created_at) "
                              "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sl_calendar_to_string (calendar), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, fiscal_start_month);
  sqlite3_bind_int (stmt, 6, reserve_basis_points);
  sqlite3_bind_int64 (stmt, 7, created_at);
  return sl_database_step_done (db, stmt, error);
}

static gboolean
check_empty (DemoWriter  *w,
             GError     **error)
{
  gint64 n = 0;

  if (!sl_database_query_int64 (w->db,
                                "SELECT (SELECT count(*) FROM channel) + (SELECT count(*) FROM campaign)"
                                " + (SELECT count(*) FROM goal) + (SELECT count(*) FROM kpi)"
                                " + (SELECT count(*) FROM finance_event) + (SELECT count(*) FROM headcount)"
                                " + (SELECT count(*) FROM import_batch) + (SELECT count(*) FROM budget_line)"
                                " + (SELECT count(*) FROM spend) + (SELECT count(*) FROM deal)"
                                " + (SELECT count(*) FROM customer) + (SELECT count(*) FROM rollup_day)",
                                &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_NOT_EMPTY,
                   /* Translators: %s is a file name */
                   _("“%s” already holds data; the demo needs an empty workspace"),
                   sl_database_get_path (w->db));
      return FALSE;
    }
  return TRUE;
}

/* Reads the settings of an existing workspace row, or writes the demo's. */
static gboolean
ensure_workspace (DemoWriter  *w,
                  GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  char uuid[37];
  gboolean has_row;

  rng_uuid (&w->rng_ids, uuid);
  stmt = sl_database_prepare (w->db,
                              "SELECT currency, reserve_basis_points, deadline_offset_days, checkin_day "
                              "FROM workspace WHERE id = 1",
                              error);
  if (stmt == NULL || !sl_database_step_row (w->db, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_clear_pointer (&stmt, sl_statement_release);
      w->reserve_bp = 800;
      w->deadline_offset = 14;
      w->checkin_day = 5;
      return insert_workspace_row (w->db, uuid, "Northwind Demo", CURRENCY, SL_CALENDAR_GREGORIAN,
                                   1, w->reserve_bp, us_at (w->month_first[0] - 31, 9), error);
    }

  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), CURRENCY) != 0)
    {
      g_set_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_INVALID,
                   /* Translators: %s is a currency code such as EUR */
                   _("The demo is in US dollars, but this workspace uses %s"),
                   (const char *)sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  w->reserve_bp = sqlite3_column_int (stmt, 1);
  w->deadline_offset = sqlite3_column_int (stmt, 2);
  w->checkin_day = sqlite3_column_int (stmt, 3);
  return TRUE;
}

static gboolean
insert_batch (DemoWriter  *w,
              GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha256 = NULL;

  text = g_strdup_printf ("sunlight-demo seed=%u rows=%lld year=%d",
                          w->options->seed, (long long)w->options->spend_rows, w->year);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO import_batch (kind, file_name, sha256, author, imported_at) "
                              "VALUES ('demo', 'demo', ?1, 'Sunlight demo', ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, w->now_us);
  return step_insert (w, stmt, &w->batch_id, error);
}

/* Channels, campaigns, goals, KPIs, the finance calendar */

static gboolean
insert_channels (DemoWriter  *w,
                 GError     **error)
{
  g_autoptr(SlStatement) ch = NULL;
  g_autoptr(SlStatement) ca = NULL;
  char uuid[37];

  ch = sl_database_prepare (w->db,
                            "INSERT INTO channel (uuid, name, kind, color, position) VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (ch == NULL)
    return FALSE;
  for (int c = 0; c < N_CHANNELS; c++)
    {
      rng_uuid (&w->rng_ids, uuid);
      sqlite3_bind_text (ch, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ch, 2, channels[c].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (ch, 3, channels[c].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (ch, 4, channels[c].color, -1, SQLITE_STATIC);
      sqlite3_bind_int (ch, 5, c);
      if (!step_insert (w, ch, &w->channel_ids[c], error))
        return FALSE;
    }

  ca = sl_database_prepare (w->db,
                            "INSERT INTO campaign (uuid, channel_id, name, external_id, first_day, last_day) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (ca == NULL)
    return FALSE;
  for (int i = 0; i < N_CAMPAIGNS; i++)
    {
      char external_id[32];

      rng_uuid (&w->rng_ids, uuid);
      sqlite3_bind_text (ca, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (ca, 2, w->channel_ids[campaigns[i].channel]);
      sqlite3_bind_text (ca, 3, campaigns[i].name, -1, SQLITE_STATIC);
      if (campaigns[i].id_prefix != NULL)
        {
          g_snprintf (external_id, sizeof external_id, "%s-%u", campaigns[i].id_prefix,
                      (guint)rng_between (&w->rng_ids, 100000000, 999999999));
          sqlite3_bind_text (ca, 4, external_id, -1, SQLITE_TRANSIENT);
        }
      else
        sqlite3_bind_null (ca, 4);
      sqlite3_bind_int (ca, 5, w->month_first[campaigns[i].first_month - 1]);
      sqlite3_bind_int (ca, 6, w->month_first[campaigns[i].last_month] - 1);
      if (!step_insert (w, ca, &w->campaign_ids[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_key_result (DemoWriter  *w,
                   int          goal,
                   const char  *metric,
                   gint64       target,
                   const char  *unit,
                   int          position,
                   gint64      *out_id,
                   GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO key_result (goal_id, metric, target, unit, first_day, last_day, position) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->goal_ids[goal]);
  sqlite3_bind_text (stmt, 2, metric, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, target);
  sqlite3_bind_text (stmt, 4, unit, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, w->month_first[0]);
  sqlite3_bind_int (stmt, 6, w->month_first[12] - 1);
  sqlite3_bind_int (stmt, 7, position);
  return step_insert (w, stmt, out_id, error);
}

/* The ARR goal's wording and target are set once the customers are
 * known (update_arr_goal()). */
static gboolean
insert_goals (DemoWriter  *w,
              GError     **error)
{
  static const struct { const char *objective; const char *description; } goals[N_GOALS] = {
    { "Grow ARR", "New-business ARR from marketing-sourced customers, by the end of the year." },
    { "Cut monthly churn to 2%", "Keep the customers we win: onboarding and nurture emails for every new account." },
    { "Acquire customers at a CAC under $5,000",
      "Spend where leads turn into customers, not where leads are cheap; keep CLV:CAC at 3 or better." },
  };
  g_autoptr(SlStatement) stmt = NULL;
  gint64 created = us_at (w->month_first[0] + 5, 10);
  char uuid[37];

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO goal (uuid, objective, description, framework, first_day, last_day, "
                              "author, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, 'okr', ?4, ?5, 'Dana Whitfield (CFO)', ?6, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (int g = 0; g < N_GOALS; g++)
    {
      rng_uuid (&w->rng_ids, uuid);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, goals[g].objective, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, goals[g].description, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, w->month_first[0]);
      sqlite3_bind_int (stmt, 5, w->month_first[12] - 1);
      sqlite3_bind_int64 (stmt, 6, created);
      if (!step_insert (w, stmt, &w->goal_ids[g], error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sl_statement_release);

  return insert_key_result (w, GOAL_ARR, "arr", 0, "money", 0, &w->arr_key_result_id, error) &&
         insert_key_result (w, GOAL_CHURN, "churn", 200, "basis-points", 0, NULL, error) &&
         insert_key_result (w, GOAL_CAC, "cac", 500000, "money", 0, NULL, error) &&
         insert_key_result (w, GOAL_CAC, "clv-cac", 30000, "basis-points", 1, NULL, error) &&
         insert_key_result (w, GOAL_CAC, "mql-to-sql-days", 7, "days", 2, NULL, error);
}

static gboolean
insert_kpis (DemoWriter  *w,
             GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (w->db, "INSERT INTO kpi (metric, position, goal_id) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kpis); i++)
    {
      sqlite3_bind_text (stmt, 1, kpis[i].metric, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, i);
      sl_sql_bind_id (stmt, 3, kpis[i].goal >= 0 ? w->goal_ids[kpis[i].goal] : 0);
      if (!step_insert (w, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_event (DemoWriter  *w,
              const char  *kind,
              SlDay        day,
              const char  *title,
              GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (w->db, "INSERT INTO finance_event (kind, day, title) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  return step_insert (w, stmt, NULL, error);
}

/* Request deadlines before each quarter (and the next year's first),
 * monthly check-ins, and a review early in each quarter (the second
 * Tuesday of its first month). */
static gboolean
insert_finance_events (DemoWriter  *w,
                       GError     **error)
{
  char title[128];

  for (int q = 0; q <= 4; q++)
    {
      int year = w->year + (q == 4 ? 1 : 0);

      g_snprintf (title, sizeof title, "Q%d %d budget request due", q % 4 + 1, year);
      if (!insert_event (w, "deadline", w->month_first[q * 3] - w->deadline_offset, title, error))
        return FALSE;
    }
  for (int m = 0; m < 12; m++)
    {
      g_snprintf (title, sizeof title, "Monthly check-in: %s", month_names[m]);
      if (!insert_event (w, "check-in", w->month_first[m] + w->checkin_day - 1, title, error))
        return FALSE;
    }
  for (int q = 0; q < 4; q++)
    {
      SlDay day = w->month_first[q * 3] + 7;

      while (sl_day_weekday (day) != 2)
        day++;
      g_snprintf (title, sizeof title, "Quarterly budget review: Q%d %d", q + 1, w->year);
      if (!insert_event (w, "review", day, title, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_headcount (DemoWriter  *w,
                  GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  int employees = 78 + (int)rng_below (&w->rng_plan, 10);

  stmt = sl_database_prepare (w->db, "INSERT INTO headcount (month_day, role, count) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (int m = 0; m < w->now_month; m++)
    {
      employees += (int)rng_below (&w->rng_plan, 3);
      sqlite3_bind_int (stmt, 1, w->month_first[m]);
      sqlite3_bind_text (stmt, 2, "employees", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, employees);
      if (!step_insert (w, stmt, NULL, error))
        return FALSE;
      sqlite3_bind_text (stmt, 2, "sales-reps", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, N_REPS);
      if (!step_insert (w, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The budget */

/* The year's total is a multiple of $10,000, so the reserve is an exact
 * number of cents for any whole basis points; the channels get the rest,
 * in round hundreds of dollars when the reserve allows. */
static void
compute_plan (DemoWriter *w,
              gint64      reserve_out[12])
{
  gint64 weights[N_CHANNELS * 12];
  gint64 parts[N_CHANNELS * 12];
  gint64 month_totals[12] = { 0 };
  gint64 total = (110 + rng_below (&w->rng_plan, 21)) * G_GINT64_CONSTANT (1000000);
  gint64 reserve = total / 10000 * w->reserve_bp;
  gint64 rest = total - reserve;
  gint64 unit = rest % 10000 == 0 ? 10000 : 100;
  gint64 reserve_unit = reserve % 10000 == 0 ? 10000 : (reserve % 100 == 0 ? 100 : 1);

  for (int c = 0; c < N_CHANNELS; c++)
    for (int m = 0; m < 12; m++)
      weights[c * 12 + m] = channels[c].share * channels[c].season[m] / 10 *
                            rng_between (&w->rng_plan, 95, 105);
  split_exact (rest / unit, weights, N_CHANNELS * 12, parts);
  for (int c = 0; c < N_CHANNELS; c++)
    for (int m = 0; m < 12; m++)
      {
        w->plan_minor[c][m] = parts[c * 12 + m] * unit;
        month_totals[m] += parts[c * 12 + m];
      }

  split_exact (reserve / reserve_unit, month_totals, 12, reserve_out);
  for (int m = 0; m < 12; m++)
    reserve_out[m] *= reserve_unit;
}

typedef struct
{
  const char *version;
  int         channel;    /* -1: the reserve */
  int         campaign;   /* -1: none */
  SlDay       first_day;
  SlDay       last_day;
  gint64      amount;
  int         goal;       /* -1: none */
  const char *note;
  const char *reference;
} DemoLine;

static gboolean
insert_line (DemoWriter      *w,
             const DemoLine  *line,
             GError         **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  char uuid[37];

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO budget_line (uuid, version, channel_id, campaign_id, is_reserve, "
                              "first_day, last_day, amount_minor, currency, goal_id, batch_id, note, reference) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return FALSE;
  rng_uuid (&w->rng_ids, uuid);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, line->version, -1, SQLITE_STATIC);
  sl_sql_bind_id (stmt, 3, line->channel >= 0 ? w->channel_ids[line->channel] : 0);
  sl_sql_bind_id (stmt, 4, line->campaign >= 0 ? w->campaign_ids[line->campaign] : 0);
  sqlite3_bind_int (stmt, 5, line->channel < 0);
  sqlite3_bind_int (stmt, 6, line->first_day);
  sqlite3_bind_int (stmt, 7, line->last_day);
  sqlite3_bind_int64 (stmt, 8, line->amount);
  sqlite3_bind_text (stmt, 9, CURRENCY, -1, SQLITE_STATIC);
  sl_sql_bind_id (stmt, 10, line->goal >= 0 ? w->goal_ids[line->goal] : 0);
  sqlite3_bind_int64 (stmt, 11, w->batch_id);
  sqlite3_bind_text (stmt, 12, line->note != NULL ? line->note : "", -1, SQLITE_TRANSIENT);
  if (line->reference != NULL)
    sqlite3_bind_text (stmt, 13, line->reference, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 13);
  return step_insert (w, stmt, NULL, error);
}

static gboolean
insert_purchase_orders (DemoWriter  *w,
                        GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (purchase_orders); i++)
    {
      const DemoPurchaseOrder *po = &purchase_orders[i];
      char reference[32];
      gint64 planned = 0;
      DemoLine line = { "committed", po->channel, po->campaign,
                        w->month_first[po->first_month - 1], w->month_first[po->last_month] - 1,
                        0, -1, po->note, reference };

      for (int m = po->first_month - 1; m < po->last_month; m++)
        planned += w->plan_minor[po->channel][m];
      line.amount = planned * po->share / 1000 / 50000 * 50000;
      g_snprintf (reference, sizeof reference, "PO-%d-%04d", w->year, po->number);
      if (!insert_line (w, &line, error))
        return FALSE;
    }
  return TRUE;
}

/* Plan lines per channel and month, the reserve per month, forecasts for
 * October to December and the purchase orders. */
static gboolean
insert_budget (DemoWriter  *w,
               GError     **error)
{
  gint64 reserve[12];

  compute_plan (w, reserve);

  for (int m = 0; m < 12; m++)
    {
      DemoLine line = { "plan", -1, -1, w->month_first[m], w->month_first[m + 1] - 1,
                        reserve[m], -1, "Discretionary reserve (CMO)", NULL };

      for (int c = 0; c < N_CHANNELS; c++)
        {
          DemoLine plan = { "plan", c, -1, w->month_first[m], w->month_first[m + 1] - 1,
                            w->plan_minor[c][m], channels[c].goal, NULL, NULL };

          if (!insert_line (w, &plan, error))
            return FALSE;
        }
      if (!insert_line (w, &line, error))
        return FALSE;
    }

  for (int m = w->now_month - 1; m < 12; m++)
    for (int c = 0; c < N_CHANNELS; c++)
      {
        gint64 ratio = channels[c].spend_ratio[m] + rng_between (&w->rng_plan, -20, 20);
        DemoLine forecast = { "forecast", c, -1, w->month_first[m], w->month_first[m + 1] - 1,
                              (w->plan_minor[c][m] * ratio / 1000 + 5000) / 10000 * 10000,
                              channels[c].goal, "Updated at the October check-in", NULL };

        if (!insert_line (w, &forecast, error))
          return FALSE;
      }

  return insert_purchase_orders (w, error);
}

/* Spend */

static int
weekday_weight (SlDay day)
{
  switch (sl_day_weekday (day))
    {
    case 5: return 1000;
    case 6: return 600;
    case 7: return 550;
    default: return 1100;
    }
}

static void
fill_cell_metrics (DemoWriter *w,
                   int         c,
                   DemoCell   *cell)
{
  const DemoChannel *ch = &channels[c];

  if (ch->cpc == 0)
    {
      cell->conversions = cell->amount / 8000;   /* badge scans */
      return;
    }
  cell->clicks = cell->amount * 1000 / (ch->cpc * rng_between (&w->rng_cells, 850, 1150));
  cell->impressions = cell->clicks * 10000 / ch->ctr_bp * rng_between (&w->rng_cells, 900, 1100) / 1000;
  cell->conversions = cell->clicks * ch->cvr_bp * rng_between (&w->rng_cells, 700, 1300) / 10000000;
}

/* Actual spend of channel @c in month @m (0–11) split over its active
 * campaigns and then over the days, weekdays heavier. */
static void
compute_channel_month (DemoWriter *w,
                       int         c,
                       int         m)
{
  gint64 actual = w->plan_minor[c][m] *
                  (channels[c].spend_ratio[m] + rng_between (&w->rng_cells, -30, 30)) / 1000;
  gint64 weights[N_CAMPAIGNS] = { 0 };
  gint64 amounts[N_CAMPAIGNS];
  gint64 day_weights[31];
  gint64 day_amounts[31];
  int n_days = w->month_first[m + 1] - w->month_first[m];

  for (int i = 0; i < N_CAMPAIGNS; i++)
    if (campaigns[i].channel == c && campaign_active (i, m + 1))
      weights[i] = campaigns[i].weight * rng_between (&w->rng_cells, 800, 1200);
  split_exact (actual, weights, N_CAMPAIGNS, amounts);

  for (int i = 0; i < N_CAMPAIGNS; i++)
    {
      if (weights[i] == 0)
        continue;
      for (int d = 0; d < n_days; d++)
        day_weights[d] = weekday_weight (w->month_first[m] + d) * rng_between (&w->rng_cells, 850, 1150);
      split_exact (amounts[i], day_weights, n_days, day_amounts);
      for (int d = 0; d < n_days; d++)
        {
          DemoCell *cell = &CELL (w, w->month_first[m] + d, i);

          cell->amount = day_amounts[d];
          fill_cell_metrics (w, c, cell);
        }
    }
}

static void
compute_cells (DemoWriter *w)
{
  w->cells = g_new0 (DemoCell, (gsize)(w->month_first[12] - w->month_first[0]) * N_CAMPAIGNS);
  for (int m = 0; m < w->now_month; m++)
    for (int c = 0; c < N_CHANNELS; c++)
      compute_channel_month (w, c, m);
}

static gint64
count_cells (DemoWriter *w)
{
  gint64 n = 0;

  for (SlDay day = w->month_first[0]; day <= w->now; day++)
    for (int i = 0; i < N_CAMPAIGNS; i++)
      n += campaign_active (i, month_of (w, day));
  return n;
}

/* The hot loop: one cached statement, no allocation. */
static inline gboolean
insert_spend_row (DemoWriter    *w,
                  sqlite3_stmt  *stmt,
                  SlDay          day,
                  int            campaign,
                  gint64         amount,
                  gint64         impressions,
                  gint64         clicks,
                  gint64         conversions,
                  GError       **error)
{
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int64 (stmt, 3, w->campaign_ids[campaign]);
  sqlite3_bind_int64 (stmt, 4, amount);
  sqlite3_bind_int64 (stmt, 6, impressions);
  sqlite3_bind_int64 (stmt, 7, clicks);
  sqlite3_bind_int64 (stmt, 8, conversions);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sl_database_set_error (w->db, error, _("Could not write to the workspace"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (G_UNLIKELY (++w->spend_rows % PROGRESS_ROWS == 0))
    report_progress (w, PROGRESS_SPEND_FIRST + (PROGRESS_SPEND_LAST - PROGRESS_SPEND_FIRST) *
                        w->spend_rows / w->spend_target);
  return TRUE;
}

/* Writes @cell as @n rows ("ad groups") adding up to it exactly; pairs of
 * rows trade a random part of their amounts so they are not all equal. */
static gboolean
insert_cell_rows (DemoWriter    *w,
                  sqlite3_stmt  *stmt,
                  SlDay          day,
                  int            campaign,
                  const DemoCell *cell,
                  gint64         n,
                  GError       **error)
{
  for (gint64 k = 0; k < n; k += 2)
    {
      gint64 a0 = even_part (cell->amount, k, n);
      gint64 a1 = k + 1 < n ? even_part (cell->amount, k + 1, n) : 0;

      if (k + 1 < n)
        {
          guint64 bits = rng_next (&w->rng_rows);
          gint64 shift = (gint64)((bits >> 1) % (guint64)(MIN (a0, a1) / 2 + 1));

          if (bits & 1)
            shift = -shift;
          a0 += shift;
          a1 -= shift;
        }
      if (!insert_spend_row (w, stmt, day, campaign, a0, even_part (cell->impressions, k, n),
                             even_part (cell->clicks, k, n), even_part (cell->conversions, k, n), error))
        return FALSE;
      if (k + 1 < n &&
          !insert_spend_row (w, stmt, day, campaign, a1, even_part (cell->impressions, k + 1, n),
                             even_part (cell->clicks, k + 1, n), even_part (cell->conversions, k + 1, n), error))
        return FALSE;
    }
  return TRUE;
}

/* One row per active campaign and day up to now; with spend_rows, cell i
 * of K gets ⌊(i+1)N/K⌋ − ⌊iN/K⌋ rows, exactly N in all. */
static gboolean
insert_spend (DemoWriter  *w,
              GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  DemoCell pending[N_CAMPAIGNS] = { { 0 } };
  gint64 n_cells = count_cells (w);
  gint64 index = 0;

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO spend (batch_id, day, campaign_id, amount_minor, currency, "
                              "amount_ws_minor, impressions, clicks, conversions) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->batch_id);
  sqlite3_bind_text (stmt, 5, CURRENCY, -1, SQLITE_STATIC);
  w->spend_target = w->options->spend_rows > 0 ? w->options->spend_rows : n_cells;

  for (SlDay day = w->month_first[0]; day <= w->now; day++)
    {
      int month = month_of (w, day);

      for (int i = 0; i < N_CAMPAIGNS; i++)
        {
          const DemoCell *cell = &CELL (w, day, i);
          gint64 n;

          if (!campaign_active (i, month))
            continue;
          n = w->spend_target * (index + 1) / n_cells - w->spend_target * index / n_cells;
          index++;
          pending[i].amount += cell->amount;
          pending[i].impressions += cell->impressions;
          pending[i].clicks += cell->clicks;
          pending[i].conversions += cell->conversions;
          if (n == 0)
            continue;
          if (!insert_cell_rows (w, stmt, day, i, &pending[i], n, error))
            return FALSE;
          memset (&pending[i], 0, sizeof pending[i]);
        }
    }
  return TRUE;
}

/* The funnel */

static SlDay
pick_lead_day (DemoWriter *w,
               int         campaign,
               int         m,
               gint64      spend)
{
  gint64 r = rng_below (&w->rng_deals, spend);
  SlDay last = MIN (w->month_first[m + 1] - 1, w->now);

  for (SlDay day = w->month_first[m]; day < last; day++)
    {
      r -= CELL (w, day, campaign).amount;
      if (r < 0)
        return day;
    }
  return last;
}

/* Moves a lead through the stages; a stage whose day would come after
 * now is not reached yet. */
static void
advance_deal (DemoWriter *w,
              DemoDeal   *deal)
{
  const DemoChannel *ch = &channels[deal->channel];
  DemoRng *rng = &w->rng_deals;
  SlDay day;

  day = deal->lead + (SlDay)rng_below (rng, ch->mql_lag + 1);
  if (!rng_chance (rng, ch->p_mql) || day > w->now)
    return;
  deal->mql = day;

  day += 1 + (SlDay)(rng_below (rng, ch->sql_lag) + rng_below (rng, ch->sql_lag));
  if (!rng_chance (rng, ch->p_sql) || day > w->now)
    return;
  deal->sql = day;
  deal->owner = (int)rng_below (rng, N_REPS);

  day += 1 + (SlDay)rng_below (rng, ch->opp_lag);
  if (!rng_chance (rng, ch->p_opp) || day > w->now)
    return;
  deal->opportunity = day;
  {
    /* Skewed towards small deals, rounded to $10. */
    gint64 skew = rng_below (rng, 1001) * rng_below (rng, 1001) / 1000;
    gint64 dollars = ch->deal_min + (ch->deal_max - ch->deal_min) * skew / 1000;

    deal->amount = dollars / 10 * 1000;
    deal->margin = (int)rng_between (rng, 600, 750);
  }

  day += ch->cycle_min + (SlDay)rng_below (rng, ch->cycle_span + 1);
  if (rng_chance (rng, ch->p_win))
    {
      if (day <= w->now)
        {
          deal->won = day;
          deal->gross_profit = deal->amount * deal->margin / 1000;
        }
    }
  else if (day <= w->now)
    deal->lost = day;
}

/* Leads of a campaign in a month follow its spend up to now. */
static void
generate_campaign_month (DemoWriter *w,
                         int         campaign,
                         int         m)
{
  const DemoChannel *ch = &channels[campaigns[campaign].channel];
  gint64 spend = 0, expected;
  gint64 n;

  for (SlDay day = w->month_first[m]; day < w->month_first[m + 1] && day <= w->now; day++)
    spend += CELL (w, day, campaign).amount;
  if (spend <= 0)
    return;

  expected = spend * ch->efficiency[m] / ch->cpl * rng_between (&w->rng_deals, 850, 1150) / 1000;
  n = expected / 1000 + (rng_below (&w->rng_deals, 1000) < expected % 1000);
  for (gint64 k = 0; k < n; k++)
    {
      DemoDeal deal = { w->deal_list->len, campaigns[campaign].channel, campaign,
                        SL_DAY_INVALID, SL_DAY_INVALID, SL_DAY_INVALID, SL_DAY_INVALID,
                        SL_DAY_INVALID, SL_DAY_INVALID, 0, 0, 0, -1, 0, 0 };

      deal.lead = pick_lead_day (w, campaign, m, spend);
      advance_deal (w, &deal);
      g_array_append_val (w->deal_list, deal);
    }
}

static int
compare_deals_by_lead (gconstpointer a,
                       gconstpointer b)
{
  const DemoDeal *x = a, *y = b;

  if (x->lead != y->lead)
    return x->lead < y->lead ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static int
compare_deals_by_won (gconstpointer a,
                      gconstpointer b)
{
  const DemoDeal *x = *(DemoDeal * const *)a, *y = *(DemoDeal * const *)b;

  if (x->won != y->won)
    return x->won < y->won ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static void
generate_deals (DemoWriter *w)
{
  w->deal_list = g_array_sized_new (FALSE, FALSE, sizeof (DemoDeal), 8192);
  for (int m = 0; m < w->now_month; m++)
    for (int i = 0; i < N_CAMPAIGNS; i++)
      generate_campaign_month (w, i, m);
  g_array_sort (w->deal_list, compare_deals_by_lead);

  w->won = g_ptr_array_new ();
  for (guint i = 0; i < w->deal_list->len; i++)
    {
      DemoDeal *deal = &g_array_index (w->deal_list, DemoDeal, i);

      if (deal->won != SL_DAY_INVALID)
        g_ptr_array_add (w->won, deal);
    }
  g_ptr_array_sort (w->won, compare_deals_by_won);
}

/* Customers and their MRR */

static gboolean
insert_mrr (DemoWriter     *w,
            const DemoDeal *deal,
            GError        **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gint64 mrr = MAX (deal->amount / 12, 100);

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO customer_mrr (customer_id, month_day, mrr_minor, gross_profit_minor, "
                              "currency, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deal->customer_id);
  sqlite3_bind_text (stmt, 5, CURRENCY, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, w->batch_id);

  /* Through the month of now: later months have no revenue yet. */
  for (int m = month_of (w, deal->won) - 1; m < w->now_month; m++)
    {
      int roll;

      sqlite3_bind_int (stmt, 2, w->month_first[m]);
      sqlite3_bind_int64 (stmt, 3, mrr);
      sqlite3_bind_int64 (stmt, 4, mrr * deal->margin / 1000);
      if (!step_insert (w, stmt, NULL, error))
        return FALSE;
      w->fact_rows++;

      roll = (int)rng_below (&w->rng_customers, 1000);
      if (roll < channels[deal->channel].churn)
        break;
      else if (roll < channels[deal->channel].churn + 40)
        mrr += mrr * rng_between (&w->rng_customers, 100, 300) / 1000;   /* expansion */
      else if (roll < channels[deal->channel].churn + 50)
        mrr = MAX (mrr - mrr * rng_between (&w->rng_customers, 50, 150) / 1000, 100);
    }
  return TRUE;
}

static gboolean
insert_customers (DemoWriter  *w,
                  GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO customer (external_id, name, acquired_day, channel_id, campaign_id, batch_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < w->won->len; i++)
    {
      DemoDeal *deal = g_ptr_array_index (w->won, i);
      char external_id[16];
      char name[64];

      g_snprintf (external_id, sizeof external_id, "C-%06u", i + 1);
      g_snprintf (name, sizeof name, "%s %s",
                  company_first[rng_below (&w->rng_customers, G_N_ELEMENTS (company_first))],
                  company_second[rng_below (&w->rng_customers, G_N_ELEMENTS (company_second))]);
      sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, deal->won);
      sqlite3_bind_int64 (stmt, 4, w->channel_ids[deal->channel]);
      sqlite3_bind_int64 (stmt, 5, w->campaign_ids[deal->campaign]);
      sqlite3_bind_int64 (stmt, 6, w->batch_id);
      if (!step_insert (w, stmt, &deal->customer_id, error))
        return FALSE;
      w->fact_rows++;
    }
  g_clear_pointer (&stmt, sl_statement_release);

  for (guint i = 0; i < w->won->len; i++)
    if (!insert_mrr (w, g_ptr_array_index (w->won, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
insert_deals (DemoWriter  *w,
              GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO deal (batch_id, external_id, channel_id, campaign_id, customer_id, "
                              "lead_day, mql_day, sql_day, opportunity_day, won_day, lost_day, amount_minor, "
                              "gross_profit_minor, currency, owner) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->batch_id);
  sqlite3_bind_text (stmt, 14, CURRENCY, -1, SQLITE_STATIC);

  for (guint i = 0; i < w->deal_list->len; i++)
    {
      DemoDeal *deal = &g_array_index (w->deal_list, DemoDeal, i);
      char external_id[16];

      g_snprintf (external_id, sizeof external_id, "D-%06u", i + 1);
      sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, w->channel_ids[deal->channel]);
      sqlite3_bind_int64 (stmt, 4, w->campaign_ids[deal->campaign]);
      sl_sql_bind_id (stmt, 5, deal->customer_id);
      sl_sql_bind_day (stmt, 6, deal->lead);
      sl_sql_bind_day (stmt, 7, deal->mql);
      sl_sql_bind_day (stmt, 8, deal->sql);
      sl_sql_bind_day (stmt, 9, deal->opportunity);
      sl_sql_bind_day (stmt, 10, deal->won);
      sl_sql_bind_day (stmt, 11, deal->lost);
      if (deal->amount > 0)
        sqlite3_bind_int64 (stmt, 12, deal->amount);
      else
        sqlite3_bind_null (stmt, 12);
      if (deal->won != SL_DAY_INVALID)
        sqlite3_bind_int64 (stmt, 13, deal->gross_profit);
      else
        sqlite3_bind_null (stmt, 13);
      if (deal->owner >= 0)
        sqlite3_bind_text (stmt, 15, reps[deal->owner], -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 15);
      if (!step_insert (w, stmt, &deal->id, error))
        return FALSE;
      w->fact_rows++;
    }
  return TRUE;
}

static int
pick_campaign (DemoWriter *w,
               int         channel,
               SlDay       day)
{
  int month = month_of (w, day);
  gint64 total = 0, r;

  for (int i = 0; i < N_CAMPAIGNS; i++)
    if (campaigns[i].channel == channel && campaign_active (i, month))
      total += campaigns[i].weight;
  r = rng_below (&w->rng_customers, total);
  for (int i = 0; i < N_CAMPAIGNS; i++)
    if (campaigns[i].channel == channel && campaign_active (i, month))
      {
        r -= campaigns[i].weight;
        if (r < 0)
          return i;
      }
  g_assert_not_reached ();
  return 0;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  SlDay x = *(const SlDay *)a, y = *(const SlDay *)b;

  return x < y ? -1 : (x > y);
}

/* First touch: the deal's origin on its lead day; then up to three other
 * channels between the lead and the opportunity. */
static gboolean
insert_touchpoints (DemoWriter     *w,
                    const DemoDeal *deal,
                    sqlite3_stmt   *stmt,
                    GError        **error)
{
  gint64 roll = rng_below (&w->rng_customers, 100);
  int n = roll < 30 ? 1 : roll < 65 ? 2 : roll < 90 ? 3 : 4;
  gboolean used[N_CHANNELS] = { FALSE };
  int touch_channels[4];
  SlDay days[4];

  touch_channels[0] = deal->channel;
  used[deal->channel] = TRUE;
  days[0] = deal->lead;
  for (int t = 1; t < n; t++)
    {
      gint64 total = 0, r;

      for (int c = 0; c < N_CHANNELS; c++)
        total += used[c] ? 0 : channels[c].touch_weight;
      r = rng_below (&w->rng_customers, total);
      for (int c = 0; c < N_CHANNELS; c++)
        if (!used[c] && (r -= channels[c].touch_weight) < 0)
          {
            touch_channels[t] = c;
            used[c] = TRUE;
            break;
          }
      days[t] = (SlDay)rng_between (&w->rng_customers, deal->lead, deal->opportunity);
    }
  qsort (days + 1, n - 1, sizeof days[0], compare_days);

  for (int t = 0; t < n; t++)
    {
      int campaign = t == 0 ? deal->campaign : pick_campaign (w, touch_channels[t], days[t]);

      sqlite3_bind_int64 (stmt, 1, deal->id);
      sqlite3_bind_int (stmt, 2, days[t]);
      sqlite3_bind_int64 (stmt, 3, w->channel_ids[touch_channels[t]]);
      sqlite3_bind_int64 (stmt, 4, w->campaign_ids[campaign]);
      sqlite3_bind_int (stmt, 5, t);
      if (!step_insert (w, stmt, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_funnel (DemoWriter  *w,
               GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  generate_deals (w);
  if (!insert_customers (w, error) || !insert_deals (w, error))
    return FALSE;

  stmt = sl_database_prepare (w->db,
                              "INSERT INTO touchpoint (deal_id, day, channel_id, campaign_id, position) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < w->won->len; i++)
    if (!insert_touchpoints (w, g_ptr_array_index (w->won, i), stmt, error))
      return FALSE;
  return TRUE;
}

/* Rollups and final touches */

static int
rollup_progress_cb (gpointer user_data)
{
  DemoWriter *w = user_data;

  w->rollup_ops += ROLLUP_OPS_STEP;
  report_progress (w, PROGRESS_ROLLUP_FIRST + (PROGRESS_ROLLUP_LAST - PROGRESS_ROLLUP_FIRST) *
                      MIN (1.0, (double)w->rollup_ops / w->rollup_ops_total));
  return 0;
}

static gboolean
insert_rollups (DemoWriter  *w,
                GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  sqlite3 *handle;
  int threads;
  gboolean ok;

  stmt = sl_database_prepare (w->db,
    "INSERT INTO rollup_day (day, campaign_id, channel_id, spend_minor, impressions, clicks, conversions, "
    "  leads, mqls, sqls, opportunities, won, lost, won_minor, won_gross_profit_minor) "
    "SELECT f.day, f.campaign_id, c.channel_id, sum (f.spend), sum (f.impressions), sum (f.clicks), "
    "  sum (f.conversions), sum (f.leads), sum (f.mqls), sum (f.sqls), sum (f.opportunities), "
    "  sum (f.won), sum (f.lost), sum (f.won_minor), sum (f.won_gp) "
    "FROM ("
    "  SELECT day, campaign_id, sum (amount_ws_minor) AS spend, sum (impressions) AS impressions, "
    "    sum (clicks) AS clicks, sum (conversions) AS conversions, 0 AS leads, 0 AS mqls, 0 AS sqls, "
    "    0 AS opportunities, 0 AS won, 0 AS lost, 0 AS won_minor, 0 AS won_gp "
    "  FROM spend GROUP BY day, campaign_id "
    "  UNION ALL SELECT lead_day, campaign_id, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 "
    "    FROM deal WHERE campaign_id IS NOT NULL "
    "  UNION ALL SELECT mql_day, campaign_id, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 "
    "    FROM deal WHERE campaign_id IS NOT NULL AND mql_day IS NOT NULL "
    "  UNION ALL SELECT sql_day, campaign_id, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0 "
    "    FROM deal WHERE campaign_id IS NOT NULL AND sql_day IS NOT NULL "
    "  UNION ALL SELECT opportunity_day, campaign_id, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0 "
    "    FROM deal WHERE campaign_id IS NOT NULL AND opportunity_day IS NOT NULL "
    "  UNION ALL SELECT won_day, campaign_id, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, "
    "    ifnull (amount_minor, 0), ifnull (gross_profit_minor, 0) "
    "    FROM deal WHERE campaign_id IS NOT NULL AND won_day IS NOT NULL "
    "  UNION ALL SELECT lost_day, campaign_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 "
    "    FROM deal WHERE campaign_id IS NOT NULL AND lost_day IS NOT NULL"
    ") AS f JOIN campaign AS c ON c.id = f.campaign_id "
    "GROUP BY f.campaign_id, f.day",
    error);
  if (stmt == NULL)
    return FALSE;

  /* The GROUP BY over spend is a sort; let SQLite sort on more cores,
   * and report progress while it runs. */
  handle = sl_database_get_handle (w->db);
  threads = sqlite3_limit (handle, SQLITE_LIMIT_WORKER_THREADS, MIN (g_get_num_processors (), 4));
  if (w->progress != NULL)
    {
      w->rollup_ops_total = ROLLUP_OPS_PER_ROW * (w->spend_rows + w->fact_rows) + 1;
      sqlite3_progress_handler (handle, ROLLUP_OPS_STEP, rollup_progress_cb, w);
    }
  ok = step_insert (w, stmt, NULL, error);
  if (w->progress != NULL)
    sqlite3_progress_handler (handle, 0, NULL, NULL);
  sqlite3_limit (handle, SQLITE_LIMIT_WORKER_THREADS, threads);
  return ok;
}

/* The ARR goal: this year's new ARR at now, projected to December with
 * a stretch, rounded up to $100,000. */
static gboolean
update_arr_goal (DemoWriter  *w,
                 GError     **error)
{
  g_autoptr(SlStatement) read = NULL;
  g_autoptr(SlStatement) goal = NULL;
  g_autoptr(SlStatement) result = NULL;
  char objective[96];
  gboolean has_row;
  gint64 arr, target, hundreds;

  read = sl_database_prepare (w->db, "SELECT ifnull (sum (mrr_minor), 0) FROM customer_mrr WHERE month_day = ?1",
                              error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int (read, 1, w->month_first[w->now_month - 1]);
  if (!sl_database_step_row (w->db, read, &has_row, error))
    return FALSE;
  arr = sqlite3_column_int64 (read, 0) * 12;

  hundreds = (arr * 13 / 10 + 9999999) / 10000000;   /* in $100,000 */
  target = MAX (hundreds, 1) * 10000000;
  if (target >= 100000000)
    g_snprintf (objective, sizeof objective, "Grow ARR to $%d.%dM by the end of %d",
                (int)(target / 100000000), (int)(target / 10000000 % 10), w->year);
  else
    g_snprintf (objective, sizeof objective, "Grow ARR to $%dk by the end of %d",
                (int)(target / 100000), w->year);

  goal = sl_database_prepare (w->db, "UPDATE goal SET objective = ?1 WHERE id = ?2", error);
  if (goal == NULL)
    return FALSE;
  sqlite3_bind_text (goal, 1, objective, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (goal, 2, w->goal_ids[GOAL_ARR]);
  if (!step_insert (w, goal, NULL, error))
    return FALSE;

  result = sl_database_prepare (w->db, "UPDATE key_result SET target = ?1 WHERE id = ?2", error);
  if (result == NULL)
    return FALSE;
  sqlite3_bind_int64 (result, 1, target);
  sqlite3_bind_int64 (result, 2, w->arr_key_result_id);
  return step_insert (w, result, NULL, error);
}

static gboolean
finish_batch (DemoWriter  *w,
              GError     **error)
{
  g_autoptr(SlStatement) stmt = NULL;

  stmt = sl_database_prepare (w->db, "UPDATE import_batch SET rows_accepted = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->spend_rows + w->fact_rows);
  sqlite3_bind_int64 (stmt, 2, w->batch_id);
  return step_insert (w, stmt, NULL, error);
}

static gboolean
write_all (DemoWriter  *w,
           GError     **error)
{
  if (!check_empty (w, error) ||
      !ensure_workspace (w, error) ||
      !insert_batch (w, error) ||
      !insert_channels (w, error) ||
      !insert_goals (w, error) ||
      !insert_kpis (w, error) ||
      !insert_finance_events (w, error) ||
      !insert_headcount (w, error) ||
      !insert_budget (w, error))
    return FALSE;
  report_progress (w, PROGRESS_SPEND_FIRST);

  compute_cells (w);
  if (!insert_spend (w, error))
    return FALSE;
  report_progress (w, PROGRESS_SPEND_LAST);

  if (!insert_funnel (w, error))
    return FALSE;
  report_progress (w, PROGRESS_ROLLUP_FIRST);

  if (!insert_rollups (w, error) || !update_arr_goal (w, error) || !finish_batch (w, error))
    return FALSE;
  report_progress (w, PROGRESS_ROLLUP_LAST);
  return TRUE;
}

static void
writer_init (DemoWriter          *w,
             SlDatabase          *db,
             const SlDemoOptions *options,
             SlDemoProgressFunc   progress,
             gpointer             user_data)
{
  memset (w, 0, sizeof *w);
  w->db = db;
  w->options = options;
  w->progress = progress;
  w->user_data = user_data;
  w->year = options->fiscal_year;

  rng_init (&w->rng_ids, options->seed, STREAM_IDS);
  rng_init (&w->rng_plan, options->seed, STREAM_PLAN);
  rng_init (&w->rng_cells, options->seed, STREAM_CELLS);
  rng_init (&w->rng_rows, options->seed, STREAM_ROWS);
  rng_init (&w->rng_deals, options->seed, STREAM_DEALS);
  rng_init (&w->rng_customers, options->seed, STREAM_CUSTOMERS);

  for (int m = 0; m < 12; m++)
    w->month_first[m] = sl_day_from_ymd (w->year, m + 1, 1);
  w->month_first[12] = sl_day_from_ymd (w->year + 1, 1, 1);
  w->now = sl_day_from_ymd (w->year, 10, 15);
  w->now_month = 10;
  w->now_us = us_at (w->now, 17);
}

static void
writer_clear (DemoWriter *w)
{
  g_clear_pointer (&w->cells, g_free);
  g_clear_pointer (&w->won, g_ptr_array_unref);
  g_clear_pointer (&w->deal_list, g_array_unref);
}

/**
 * sl_demo_write:
 * @db: an empty, migrated workspace
 * @options: the seed, the number of spend rows and the year
 * @progress: (nullable): called with the share done, about every 100,000 rows
 * @user_data: for @progress
 * @error: a location for an error
 *
 * Writes the demo workspace in one transaction; on error nothing is
 * written. Refuses a workspace that already holds data, or whose
 * currency is not USD.
 */
gboolean
sl_demo_write (SlDatabase           *db,
               const SlDemoOptions  *options,
               SlDemoProgressFunc    progress,
               gpointer              user_data,
               GError              **error)
{
  DemoWriter w;
  gboolean ok;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->fiscal_year < 1971 || options->fiscal_year > 9998)
    {
      g_set_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_INVALID,
                   /* Translators: %d is a year */
                   _("The demo year must be between 1971 and 9998, not %d"), options->fiscal_year);
      return FALSE;
    }
  if (options->spend_rows < 0 || options->spend_rows > MAX_SPEND_ROWS)
    {
      g_set_error (error, SL_DEMO_ERROR, SL_DEMO_ERROR_INVALID,
                   _("The number of spend rows must be between 0 and 10,000,000,000"));
      return FALSE;
    }

  writer_init (&w, db, options, progress, user_data);
  report_progress (&w, 0.0);

  if (!sl_database_begin (db, error))
    return FALSE;
  ok = write_all (&w, error);
  writer_clear (&w);
  if (!ok)
    {
      sl_database_rollback (db);
      return FALSE;
    }
  if (!sl_database_commit (db, error))
    return FALSE;

  report_progress (&w, 1.0);
  return TRUE;
}

/**
 * sl_workspace_row_insert:
 *
 * Writes the settings row of a new workspace: a random uuid, the current
 * time, and the given name, currency, calendar, fiscal start month and
 * reserve. Fails when the currency, month or reserve is out of range, or
 * when the workspace already has its row.
 */
gboolean
sl_workspace_row_insert (SlDatabase  *db,
                         const char  *name,
                         const char  *currency,
                         SlCalendar   calendar,
                         int          fiscal_start_month,
                         int          reserve_basis_points,
                         GError     **error)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (calendar <= SL_CALENDAR_THAI, FALSE);

  uuid = g_uuid_string_random ();
  return insert_workspace_row (db, uuid, name, currency, calendar, fiscal_start_month,
                               reserve_basis_points, g_get_real_time (), error);
}
