/* sl-metric.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sl-metric.h"

typedef struct
{
  const char     *key;
  const char     *label;
  const char     *description;
  SlMetricUnit    unit;
  SlMetricsParts  parts;
} MetricInfo;

#define FUNNEL    SL_METRICS_PART_FUNNEL
#define CUSTOMERS SL_METRICS_PART_CUSTOMERS
#define COUNT     SL_METRIC_UNIT_COUNT
#define MONEY     SL_METRIC_UNIT_MONEY
#define PERCENT   SL_METRIC_UNIT_PERCENT

static const MetricInfo metrics[SL_METRIC_N_METRICS] = {
  [SL_METRIC_SPEND] = { "spend", N_("Spend"),
    N_("Marketing spend in the period."), MONEY, FUNNEL },
  [SL_METRIC_IMPRESSIONS] = { "impressions", N_("Impressions"),
    N_("Times the ads were shown."), COUNT, FUNNEL },
  [SL_METRIC_CLICKS] = { "clicks", N_("Clicks"),
    N_("Clicks on the ads."), COUNT, FUNNEL },
  [SL_METRIC_CONVERSIONS] = { "conversions", N_("Conversions"),
    N_("Purchases or sign-ups the ad platforms report."), COUNT, FUNNEL },
  [SL_METRIC_LEADS] = { "leads", N_("Leads"),
    N_("Leads created in the period."), COUNT, FUNNEL },
  [SL_METRIC_MQLS] = { "mqls", N_("Marketing-qualified leads"),
    N_("Leads that showed intent in the period (MQL)."), COUNT, FUNNEL },
  [SL_METRIC_SQLS] = { "sqls", N_("Sales-qualified leads"),
    N_("Leads sales accepted in the period (SQL)."), COUNT, FUNNEL },
  [SL_METRIC_OPPORTUNITIES] = { "opportunities", N_("Opportunities"),
    N_("Opportunities opened in the period."), COUNT, FUNNEL },
  [SL_METRIC_NEW_CUSTOMERS] = { "new-customers", N_("New customers"),
    N_("Deals won in the period: each is a new customer."), COUNT, FUNNEL },
  [SL_METRIC_LOST_DEALS] = { "lost-deals", N_("Lost deals"),
    N_("Deals lost in the period."), COUNT, FUNNEL },
  [SL_METRIC_REVENUE] = { "revenue", N_("Revenue"),
    N_("Closed-won revenue in the period."), MONEY, FUNNEL },
  [SL_METRIC_GROSS_PROFIT] = { "gross-profit", N_("Gross profit"),
    N_("Gross profit of the deals won in the period whose margin is known."), MONEY, FUNNEL },
  [SL_METRIC_AVERAGE_DEAL_SIZE] = { "average-deal-size", N_("Average deal size"),
    N_("Revenue ÷ deals won."), MONEY, FUNNEL },
  [SL_METRIC_REVENUE_PER_LEAD] = { "revenue-per-lead", N_("Value of a lead"),
    N_("Revenue ÷ leads: what a lead is worth."), MONEY, FUNNEL },
  [SL_METRIC_PROFIT_MARGIN] = { "profit-margin", N_("Profit margin"),
    N_("Gross profit ÷ revenue, over the won deals whose margin is known."), PERCENT, FUNNEL },
  [SL_METRIC_CTR] = { "ctr", N_("Click-through rate"),
    N_("Clicks ÷ impressions."), PERCENT, FUNNEL },
  [SL_METRIC_CLICK_TO_LEAD] = { "click-to-lead", N_("Click to lead"),
    N_("Leads ÷ clicks."), PERCENT, FUNNEL },
  [SL_METRIC_LEAD_TO_MQL] = { "lead-to-mql", N_("Lead to MQL"),
    N_("Marketing-qualified leads ÷ leads."), PERCENT, FUNNEL },
  [SL_METRIC_MQL_TO_SQL] = { "mql-to-sql", N_("MQL to SQL"),
    N_("Sales-qualified leads ÷ marketing-qualified leads."), PERCENT, FUNNEL },
  [SL_METRIC_SQL_TO_OPPORTUNITY] = { "sql-to-opportunity", N_("SQL to opportunity"),
    N_("Opportunities ÷ sales-qualified leads."), PERCENT, FUNNEL },
  [SL_METRIC_OPPORTUNITY_TO_WON] = { "opportunity-to-won", N_("Opportunity to won"),
    N_("Deals won ÷ opportunities."), PERCENT, FUNNEL },
  [SL_METRIC_LEAD_TO_CLIENT] = { "lead-to-client", N_("Lead-to-client rate"),
    N_("New customers ÷ leads."), PERCENT, FUNNEL },
  [SL_METRIC_WIN_RATE] = { "win-rate", N_("Win rate"),
    N_("Deals won ÷ deals closed (won and lost)."), PERCENT, FUNNEL },
  [SL_METRIC_CPL] = { "cpl", N_("Cost per lead (CPL)"),
    N_("Marketing spend ÷ leads created in the period."), MONEY, FUNNEL },
  [SL_METRIC_COST_PER_MQL] = { "cost-per-mql", N_("Cost per MQL"),
    N_("Marketing spend ÷ marketing-qualified leads."), MONEY, FUNNEL },
  [SL_METRIC_COST_PER_SQL] = { "cost-per-sql", N_("Cost per SQL"),
    N_("Marketing spend ÷ sales-qualified leads."), MONEY, FUNNEL },
  [SL_METRIC_COST_PER_OPPORTUNITY] = { "cost-per-opportunity", N_("Cost per opportunity"),
    N_("Marketing spend ÷ opportunities; compare with CPL to expose low-quality leads."), MONEY, FUNNEL },
  [SL_METRIC_COST_PER_ACQUISITION] = { "cost-per-acquisition", N_("Cost per acquisition"),
    N_("Marketing spend ÷ conversions (purchases or sign-ups)."), MONEY, FUNNEL },
  [SL_METRIC_CAC] = { "cac", N_("Customer acquisition cost (CAC)"),
    N_("Acquisition spend ÷ new customers acquired."), MONEY, FUNNEL },
  [SL_METRIC_NET_REVENUE_MINUS_CAC] = { "net-revenue-minus-cac", N_("Net revenue minus CAC"),
    N_("Gross profit per new customer minus the CAC; on revenue when a margin is unknown."), MONEY, FUNNEL },
  [SL_METRIC_ROI] = { "roi", N_("Return on marketing investment (ROI)"),
    N_("(Gross profit − spend) ÷ spend; on revenue when a margin is unknown."), PERCENT, FUNNEL },
  [SL_METRIC_BILLED_REVENUE] = { "billed-revenue", N_("Billed revenue"),
    N_("Revenue billed to customers in the period’s months."), MONEY, CUSTOMERS },
  [SL_METRIC_EXPANSION_REVENUE] = { "expansion-revenue", N_("Expansion revenue"),
    N_("Increase in monthly revenue from existing customers, net of contraction."), MONEY, CUSTOMERS },
  [SL_METRIC_MRR] = { "mrr", N_("Monthly recurring revenue (MRR)"),
    N_("Revenue billed in the month holding the period’s last day."), MONEY, CUSTOMERS },
  [SL_METRIC_ARR] = { "arr", N_("Annual recurring revenue (ARR)"),
    N_("MRR × 12."), MONEY, CUSTOMERS },
  [SL_METRIC_ARPA] = { "arpa", N_("Average revenue per account (ARPA)"),
    N_("Billed revenue ÷ accounts billed, per month."), MONEY, CUSTOMERS },
  [SL_METRIC_RETENTION] = { "retention", N_("Customer retention"),
    N_("Customers billed in the month before the period and still billed in its last month ÷ the former."), PERCENT, CUSTOMERS },
  [SL_METRIC_CHURN] = { "churn", N_("Customer churn"),
    N_("1 − retention: the share of the customers at the start that were lost by the end."), PERCENT, CUSTOMERS },
  [SL_METRIC_MONTHLY_CHURN] = { "monthly-churn", N_("Monthly churn"),
    N_("Customers lost from one month to the next ÷ customers of the earlier month, over the period’s months."), PERCENT, CUSTOMERS },
  [SL_METRIC_CLV] = { "clv", N_("Customer lifetime value (CLV)"),
    N_("ARPA × gross margin ÷ monthly churn."), MONEY, CUSTOMERS },
  [SL_METRIC_CLV_CAC] = { "clv-cac", N_("CLV : CAC"),
    N_("CLV ÷ CAC: about 3 is healthy; far above means under-investing in growth."), SL_METRIC_UNIT_MULTIPLE, CUSTOMERS | FUNNEL },
  [SL_METRIC_CLV_OBSERVED] = { "clv-observed", N_("Observed CLV"),
    N_("Gross profit so far per customer acquired by the period’s end."), MONEY, SL_METRICS_PART_OBSERVED_CLV },
  [SL_METRIC_REVENUE_PER_EMPLOYEE] = { "revenue-per-employee", N_("Revenue per employee"),
    N_("Revenue ÷ average number of employees in the period."), MONEY, FUNNEL | SL_METRICS_PART_HEADCOUNT },
  [SL_METRIC_REVENUE_PER_REP] = { "revenue-per-rep", N_("Revenue per sales rep"),
    N_("Revenue ÷ average number of sales reps in the period."), MONEY, FUNNEL | SL_METRICS_PART_HEADCOUNT },
  [SL_METRIC_MQL_TO_SQL_DAYS] = { "mql-to-sql-days", N_("MQL to SQL lifecycle"),
    N_("Median days from marketing-qualified to sales-qualified, of the leads qualified by sales in the period."),
    SL_METRIC_UNIT_DAYS, SL_METRICS_PART_LIFECYCLE },
};

#undef FUNNEL
#undef CUSTOMERS
#undef COUNT
#undef MONEY
#undef PERCENT

#define NEUTRAL SL_METRIC_DIRECTION_NEUTRAL
#define HIGHER  SL_METRIC_DIRECTION_HIGHER_IS_BETTER
#define LOWER   SL_METRIC_DIRECTION_LOWER_IS_BETTER

/* Spend is neither good nor bad by itself: what it buys is. More of
 * every stage of the funnel is better, fewer lost deals; every cost per
 * thing, churn and the days to qualify a lead are better lower. */
static const SlMetricDirection directions[SL_METRIC_N_METRICS] = {
  [SL_METRIC_SPEND] = NEUTRAL,
  [SL_METRIC_IMPRESSIONS] = HIGHER,
  [SL_METRIC_CLICKS] = HIGHER,
  [SL_METRIC_CONVERSIONS] = HIGHER,
  [SL_METRIC_LEADS] = HIGHER,
  [SL_METRIC_MQLS] = HIGHER,
  [SL_METRIC_SQLS] = HIGHER,
  [SL_METRIC_OPPORTUNITIES] = HIGHER,
  [SL_METRIC_NEW_CUSTOMERS] = HIGHER,
  [SL_METRIC_LOST_DEALS] = LOWER,
  [SL_METRIC_REVENUE] = HIGHER,
  [SL_METRIC_GROSS_PROFIT] = HIGHER,
  [SL_METRIC_AVERAGE_DEAL_SIZE] = HIGHER,
  [SL_METRIC_REVENUE_PER_LEAD] = HIGHER,
  [SL_METRIC_PROFIT_MARGIN] = HIGHER,
  [SL_METRIC_CTR] = HIGHER,
  [SL_METRIC_CLICK_TO_LEAD] = HIGHER,
  [SL_METRIC_LEAD_TO_MQL] = HIGHER,
  [SL_METRIC_MQL_TO_SQL] = HIGHER,
  [SL_METRIC_SQL_TO_OPPORTUNITY] = HIGHER,
  [SL_METRIC_OPPORTUNITY_TO_WON] = HIGHER,
  [SL_METRIC_LEAD_TO_CLIENT] = HIGHER,
  [SL_METRIC_WIN_RATE] = HIGHER,
  [SL_METRIC_CPL] = LOWER,
  [SL_METRIC_COST_PER_MQL] = LOWER,
  [SL_METRIC_COST_PER_SQL] = LOWER,
  [SL_METRIC_COST_PER_OPPORTUNITY] = LOWER,
  [SL_METRIC_COST_PER_ACQUISITION] = LOWER,
  [SL_METRIC_CAC] = LOWER,
  [SL_METRIC_NET_REVENUE_MINUS_CAC] = HIGHER,
  [SL_METRIC_ROI] = HIGHER,
  [SL_METRIC_BILLED_REVENUE] = HIGHER,
  [SL_METRIC_EXPANSION_REVENUE] = HIGHER,
  [SL_METRIC_MRR] = HIGHER,
  [SL_METRIC_ARR] = HIGHER,
  [SL_METRIC_ARPA] = HIGHER,
  [SL_METRIC_RETENTION] = HIGHER,
  [SL_METRIC_CHURN] = LOWER,
  [SL_METRIC_MONTHLY_CHURN] = LOWER,
  [SL_METRIC_CLV] = HIGHER,
  [SL_METRIC_CLV_CAC] = HIGHER,
  [SL_METRIC_CLV_OBSERVED] = HIGHER,
  [SL_METRIC_REVENUE_PER_EMPLOYEE] = HIGHER,
  [SL_METRIC_REVENUE_PER_REP] = HIGHER,
  [SL_METRIC_MQL_TO_SQL_DAYS] = LOWER,
};

#undef NEUTRAL
#undef HIGHER
#undef LOWER

const char *
sl_metric_to_string (SlMetric metric)
{
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, NULL);

  return metrics[metric].key;
}

gboolean
sl_metric_from_string (const char *text,
                       SlMetric   *out)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < SL_METRIC_N_METRICS; i++)
    if (strcmp (text, metrics[i].key) == 0)
      {
        if (out != NULL)
          *out = (SlMetric)i;
        return TRUE;
      }
  return FALSE;
}

const char *
sl_metric_get_label (SlMetric metric)
{
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, NULL);

  return _(metrics[metric].label);
}

const char *
sl_metric_get_description (SlMetric metric)
{
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, NULL);

  return _(metrics[metric].description);
}

SlMetricUnit
sl_metric_get_unit (SlMetric metric)
{
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, SL_METRIC_UNIT_COUNT);

  return metrics[metric].unit;
}

SlMetricsParts
sl_metric_get_parts (SlMetric metric)
{
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, 0);

  return metrics[metric].parts;
}

SlMetricDirection
sl_metric_get_direction (SlMetric metric)
{
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, SL_METRIC_DIRECTION_NEUTRAL);

  return directions[metric];
}
