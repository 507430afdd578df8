/* test-view-filter.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-view-filter.h"

static SlDay
iso (const char *text)
{
  SlDay day = SL_DAY_INVALID;

  g_assert_true (sl_day_parse_iso (text, &day, NULL));
  return day;
}

static void
count_cb (SlViewFilter *filter,
          guint        *count)
{
  (*count)++;
}

static SlViewFilter *
new_filter (guint *count)
{
  SlPeriod year;
  SlViewFilter *filter;

  /* FY2026 from April: 2025-04-01 … 2026-03-31. */
  sl_period_init_fiscal_year (&year, SL_CALENDAR_GREGORIAN, 4, 2026);
  filter = sl_view_filter_new (&year);
  g_signal_connect (filter, "changed", G_CALLBACK (count_cb), count);
  return filter;
}

static void
test_period_kind (void)
{
  guint count = 0;
  g_autoptr(SlViewFilter) filter = new_filter (&count);
  const SlPeriod *period;
  g_autofree char *name = NULL;

  /* A month of the year holding the anchor. */
  sl_view_filter_set_period_kind (filter, SL_PERIOD_MONTH, iso ("2025-10-15"));
  period = sl_view_filter_get_period (filter);
  g_assert_cmpint (period->kind, ==, SL_PERIOD_MONTH);
  g_assert_cmpint (period->first, ==, iso ("2025-10-01"));
  g_assert_cmpint (period->last, ==, iso ("2025-10-31"));
  g_assert_cmpuint (count, ==, 1);

  /* An anchor past the period gives the period's last quarter. */
  sl_view_filter_set_period_kind (filter, SL_PERIOD_FISCAL_YEAR, iso ("2025-10-15"));
  sl_view_filter_set_period_kind (filter, SL_PERIOD_QUARTER, iso ("2027-01-01"));
  period = sl_view_filter_get_period (filter);
  name = sl_period_to_string (period);
  g_assert_cmpstr (name, ==, "2026-Q4");
  g_assert_cmpint (period->first, ==, iso ("2026-01-01"));
  g_assert_cmpuint (count, ==, 3);

  /* Stepping keeps the kind; custom keeps the days. */
  sl_view_filter_step (filter, -1);
  g_assert_cmpint (sl_view_filter_get_period (filter)->first, ==, iso ("2025-10-01"));
  sl_view_filter_set_period_kind (filter, SL_PERIOD_CUSTOM, 0);
  period = sl_view_filter_get_period (filter);
  g_assert_cmpint (period->kind, ==, SL_PERIOD_CUSTOM);
  g_assert_cmpint (period->first, ==, iso ("2025-10-01"));
  g_assert_cmpint (period->last, ==, iso ("2025-12-31"));
  g_assert_cmpuint (count, ==, 5);

  /* Setting the same period again is no change. */
  sl_view_filter_set_period (filter, period);
  sl_view_filter_step (filter, 0);
  g_assert_cmpuint (count, ==, 5);
}

static void
test_scope (void)
{
  guint count = 0;
  g_autoptr(SlViewFilter) filter = new_filter (&count);
  SlScope scope;

  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CHANNEL (7));
  sl_view_filter_get_scope (filter, &scope);
  g_assert_cmpint (scope.kind, ==, SL_SCOPE_CHANNEL);
  g_assert_cmpint (scope.id, ==, 7);
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CHANNEL (7));
  g_assert_cmpuint (count, ==, 1);

  /* No id means every channel. */
  sl_view_filter_set_scope (filter, &SL_SCOPE_INIT_CAMPAIGN (0));
  sl_view_filter_get_scope (filter, &scope);
  g_assert_cmpint (scope.kind, ==, SL_SCOPE_WORKSPACE);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_attribution (void)
{
  guint count = 0;
  g_autoptr(SlViewFilter) filter = new_filter (&count);
  g_autofree char *origin = NULL;
  g_autofree char *model = NULL;

  origin = sl_view_filter_dup_attribution_string (filter);
  g_assert_cmpstr (origin, ==, "origin");
  g_assert_false (sl_view_filter_get_attributed (filter));

  g_assert_true (sl_view_filter_set_attribution_string (filter, "first-touch"));
  g_assert_true (sl_view_filter_get_attributed (filter));
  g_assert_cmpint (sl_view_filter_get_model (filter), ==, SL_ATTRIBUTION_FIRST_TOUCH);
  model = sl_view_filter_dup_attribution_string (filter);
  g_assert_cmpstr (model, ==, "first-touch");
  g_assert_cmpuint (count, ==, 1);

  g_assert_false (sl_view_filter_set_attribution_string (filter, "loudest"));
  g_assert_true (sl_view_filter_get_attributed (filter));
  g_assert_true (sl_view_filter_set_attribution_string (filter, "origin"));
  g_assert_false (sl_view_filter_get_attributed (filter));
  g_assert_cmpuint (count, ==, 2);
}

static void
test_search (void)
{
  guint count = 0;
  g_autoptr(SlViewFilter) filter = new_filter (&count);

  g_assert_true (sl_view_filter_matches (filter, "Anything"));
  sl_view_filter_set_search (filter, "  evene ");
  g_assert_cmpstr (sl_view_filter_get_search (filter), ==, "evene");
  g_assert_true (sl_view_filter_matches (filter, "Salon Évènement 2025"));
  g_assert_false (sl_view_filter_matches (filter, "Paid search"));
  g_assert_false (sl_view_filter_matches (filter, NULL));
  sl_view_filter_set_search (filter, "evene");
  g_assert_cmpuint (count, ==, 1);
  sl_view_filter_set_search (filter, NULL);
  g_assert_true (sl_view_filter_matches (filter, "Paid search"));
  g_assert_cmpuint (count, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/view-filter/period-kind", test_period_kind);
  g_test_add_func ("/core/view-filter/scope", test_scope);
  g_test_add_func ("/core/view-filter/attribution", test_attribution);
  g_test_add_func ("/core/view-filter/search", test_search);

  return g_test_run ();
}
