/* collab-fixture.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-test-utils.h"

/* DOMAIN.md's first worked example, in March 2025: Search ("channel A")
 * cost $10,000 for 500 leads and 1 customer, Social ("B") $10,000 for
 * 100 leads (40 MQLs, 20 SQLs) and 10 customers; every sale is $500. */
static inline void
collab_import_domain_example (SlWorkspace *ws,
                              const char  *dir)
{
  g_autoptr(GString) deals = g_string_new ("id,created,mql,sql,won,channel,campaign,amount\n");

  for (int i = 0; i < 500; i++)
    g_string_append_printf (deals, "A%d,2025-03-%02d,%s,%s,%s,Search,Brand,%s\n", i, 1 + i % 28,
                            i == 0 ? "2025-03-02" : "", i == 0 ? "2025-03-03" : "",
                            i == 0 ? "2025-03-20" : "", i == 0 ? "500.00" : "");
  for (int i = 0; i < 100; i++)
    g_string_append_printf (deals, "B%d,2025-03-%02d,%s,%s,%s,Social,Spring,%s\n", i, 1 + i % 28,
                            i < 40 ? "2025-03-05" : "", i < 20 ? "2025-03-10" : "",
                            i < 10 ? "2025-03-25" : "", i < 10 ? "500.00" : "");
  sl_test_workspace_import (ws, dir, "deals.csv", SL_IMPORT_FUNNEL, deals->str);
  sl_test_workspace_import (ws, dir, "spend.csv", SL_IMPORT_SPEND,
                            "date,channel,campaign,spend,currency\n"
                            "2025-03-01,Search,Brand,10000.00,USD\n"
                            "2025-03-01,Social,Spring,10000.00,USD\n");
}

/* Sets the plan (@channel_id 0: the reserve) of the month holding @day. */
static inline void
collab_set_plan (SlWorkspace *ws,
                 gint64       channel_id,
                 SlDay        day,
                 gint64       minor)
{
  g_autoptr(GError) error = NULL;
  SlPeriod month;
  SlMoney amount;

  sl_period_init (&month, SL_PERIOD_MONTH, SL_CALENDAR_GREGORIAN, 1, day);
  sl_money_init (&amount, minor, "USD");
  g_assert_true (sl_workspace_set_budget_amount (ws, SL_BUDGET_PLAN, channel_id, &month, &amount, &error));
  g_assert_no_error (error);
}
