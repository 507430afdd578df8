/* test-import-revenue.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-import-batch.h"
#include "sl-importer.h"
#include "sl-test-utils.h"

#define Q(db, sql) sl_test_query_int64 ((db), (sql))

static gint64
mrr_of (SlDatabase *db,
        const char *customer,
        const char *month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (sum (m.mrr_minor), -1) FROM customer_mrr m "
                                          "JOIN customer c ON c.id = m.customer_id WHERE c.external_id = '%s' "
                                          "AND date (m.month_day * 86400, 'unixepoch') = '%s-01'",
                                          customer, month);

  return Q (db, sql);
}

static void
test_revenue_transactions (SlImportFixture *fixture,
                           gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "orders.csv",
                                                   "customer,date,amount,channel,campaign,name\n"
                                                   "C1,2025-01-05,10.00,Search,Brand,Ann\n"
                                                   "C1,2025-01-20,5.50,,,\n"
                                                   "C2,2025-01-07,0.00,,,\n"
                                                   "C1,2025-02-01,3.00,Social,,Anne\n"
                                                   "C3,2025-03-15,100.00,,Spring,\n"
                                                   "007,2025-01-31,1.00,,,\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 6);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 4);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer_mrr"), ==, 5);
  g_assert_cmpint (mrr_of (fixture->db, "C1", "2025-01"), ==, 1550);
  g_assert_cmpint (mrr_of (fixture->db, "C1", "2025-02"), ==, 300);
  g_assert_cmpint (mrr_of (fixture->db, "C2", "2025-01"), ==, 0);
  g_assert_cmpint (mrr_of (fixture->db, "C3", "2025-03"), ==, 10000);
  /* Ids are text: the zeros stay. */
  g_assert_cmpint (mrr_of (fixture->db, "007", "2025-01"), ==, 100);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer_mrr WHERE gross_profit_minor IS NOT NULL"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer_mrr WHERE currency = 'USD' AND batch_id = 1"), ==, 5);

  /* Acquired on the first purchase, with its first row's channel. */
  g_assert_cmpint (Q (fixture->db, "SELECT acquired_day FROM customer WHERE external_id = 'C1'"), ==, sl_day_from_ymd (2025, 1, 5));
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer c JOIN channel ch ON ch.id = c.channel_id "
                                   "JOIN campaign ca ON ca.id = c.campaign_id WHERE c.external_id = 'C1' "
                                   "AND ch.name = 'Search' AND ca.name = 'Brand' AND c.name = 'Ann'"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer c JOIN channel ch ON ch.id = c.channel_id "
                                   "WHERE c.external_id = 'C3' AND ch.name = 'Unattributed'"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer WHERE external_id = 'C2' AND channel_id IS NULL"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel WHERE name = 'Social'"), ==, 0);
}

static void
test_revenue_mrr (SlImportFixture *fixture,
                  gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "mrr.csv",
                                                   "Customer ID,Month,MRR,Gross profit\n"
                                                   "A,2025-01,100.00,70.00\n"
                                                   "A,2025-02-15,100.00,70.00\n"
                                                   "A,2025-02,50.00,\n"
                                                   "B,2025-03,20.00,5.00\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 4);
  g_assert_cmpint (mrr_of (fixture->db, "A", "2025-01"), ==, 10000);
  g_assert_cmpint (mrr_of (fixture->db, "A", "2025-02"), ==, 15000);
  g_assert_cmpint (Q (fixture->db, "SELECT gross_profit_minor FROM customer_mrr m JOIN customer c "
                                   "ON c.id = m.customer_id WHERE c.external_id = 'A' AND m.month_day = 20089"), ==, 7000);
  /* One row of February has no gross profit: the month's is unknown. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer_mrr WHERE gross_profit_minor IS NULL"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT acquired_day FROM customer WHERE external_id = 'A'"), ==, sl_day_from_ymd (2025, 1, 1));
  g_assert_cmpint (Q (fixture->db, "SELECT acquired_day FROM customer WHERE external_id = 'B'"), ==, sl_day_from_ymd (2025, 3, 1));
}

static void
test_revenue_existing_customers (SlImportFixture *fixture,
                                 gconstpointer    data)
{
  g_autoptr(GFile) jan = sl_import_fixture_write (fixture, "jan.csv", "customer,month,mrr\nA,2025-01,10.00\n", -1);
  g_autoptr(GFile) feb = sl_import_fixture_write (fixture, "feb.csv", "customer,month,mrr\nA,2025-02,12.00\nB,2025-02,1.00\n", -1);
  g_autoptr(SlImportResult) first = NULL;
  g_autoptr(SlImportResult) second = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  first = sl_import_fixture_import (fixture, jan, &options);
  second = sl_import_fixture_import (fixture, feb, &options);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 2);
  g_assert_cmpint (Q (fixture->db, "SELECT batch_id FROM customer WHERE external_id = 'A'"), ==, first->batch_id);
  /* Existing customers are left as they were. */
  g_assert_cmpint (Q (fixture->db, "SELECT acquired_day FROM customer WHERE external_id = 'A'"), ==, sl_day_from_ymd (2025, 1, 1));

  /* Never overwrite a month an earlier import gave revenue. */
  sl_import_fixture_assert_refused (fixture, "customer,month,mrr\nC,2025-03,1.00\nA,2025-01,11.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW,
                                    "bad.csv:3: column “customer”: customer “A” already has revenue for 2025-01 (import 1)");
}

/* Undoing the import that made a customer keeps it while a later
 * import's revenue refers to it (it used to cascade into that revenue). */
static void
test_revenue_undo_shared_customer (SlImportFixture *fixture,
                                   gconstpointer    data)
{
  g_autoptr(GFile) jan = sl_import_fixture_write (fixture, "jan.csv", "customer,month,mrr,channel\nA,2025-01,10.00,Search\n", -1);
  g_autoptr(GFile) feb = sl_import_fixture_write (fixture, "feb.csv", "customer,month,mrr\nA,2025-02,12.00\nB,2025-02,1.00\n", -1);
  g_autoptr(GFile) mar = sl_import_fixture_write (fixture, "mar.csv", "customer,month,mrr\nA,2025-03,14.00\n", -1);
  g_autoptr(SlImportResult) r1 = NULL;
  g_autoptr(SlImportResult) r2 = NULL;
  g_autoptr(SlImportResult) r3 = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  r1 = sl_import_fixture_import (fixture, jan, &options);
  r2 = sl_import_fixture_import (fixture, feb, &options);
  r3 = sl_import_fixture_import (fixture, mar, &options);

  g_assert_true (sl_import_batch_undo (fixture->db, r1->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mrr_of (fixture->db, "A", "2025-01"), ==, -1);
  g_assert_cmpint (mrr_of (fixture->db, "A", "2025-02"), ==, 1200);
  g_assert_cmpint (mrr_of (fixture->db, "A", "2025-03"), ==, 1400);
  /* A and its channel pass to the oldest import that still uses it. */
  g_assert_cmpint (Q (fixture->db, "SELECT batch_id FROM customer WHERE external_id = 'A'"), ==, r2->batch_id);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer c JOIN channel ch ON ch.id = c.channel_id "
                                   "WHERE c.external_id = 'A' AND ch.name = 'Search'"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT batch_id FROM channel WHERE name = 'Search'"), ==, r2->batch_id);

  g_assert_true (sl_import_batch_undo (fixture->db, r2->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mrr_of (fixture->db, "A", "2025-03"), ==, 1400);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (Q (fixture->db, "SELECT batch_id FROM customer"), ==, r3->batch_id);

  g_assert_true (sl_import_batch_undo (fixture->db, r3->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer_mrr"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM channel"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_revenue_bad_input (SlImportFixture *fixture,
                        gconstpointer    data)
{
  static const char header[] = "customer,date,amount,currency\n";
  static const struct
  {
    const char *body;
    const char *needle;
  } cases[] = {
    { ",2025-01-05,1.00,\n", "bad.csv:2: column “customer”: the customer is empty" },
    { "A,2025-02-29,1.00,\n", "column “date”" },
    { "A,2025-01-05,,\n", "column “amount”" },
    { "A,2025-01-05,-1.00,\n", "negative" },
    { "A,2025-01-05,1.001,\n", "decimals" },
    { "A,2025-01-05,92233720368547758.08,\n", "too large" },
    { "A,2025-01-05,92233720368547758.07,\nA,2025-01-06,0.01,\n", "bad.csv:3: column “amount”: the month’s revenue" },
    { "A,2025-01-05,1.00,EUR\n", "exchange rate" },
    { "A,2025-01-05,1.00,EURO\n", "ISO 4217" },
  };
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = g_strconcat (header, cases[i].body, NULL);

      g_test_message ("case %u: %s", i, cases[i].body);
      sl_import_fixture_assert_refused (fixture, contents, -1, &options,
                                        SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, cases[i].needle);
    }
  sl_import_fixture_assert_refused (fixture, "customer,month,mrr\nA,2025-13,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_BAD_ROW, "column “month”");
  sl_import_fixture_assert_refused (fixture, "customer,date\nA,2025-01-05\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "bad.csv:1: no column for “amount”");
  sl_import_fixture_assert_refused (fixture, "customer,amount\nA,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "no column for “date”");
  sl_import_fixture_assert_refused (fixture, "date,amount\n2025-01-05,1.00\n", -1, &options,
                                    SL_IMPORT_ERROR, SL_IMPORT_ERROR_MISSING_COLUMN, "“customer”");
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 0);
}

static void
test_revenue_valid_rows (SlImportFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GFile) file = sl_import_fixture_write (fixture, "partly.csv",
                                                   "customer,date,amount\n"
                                                   "A,2025-01-05,1.00\n"
                                                   "B,2025-01-05,lots\n"
                                                   "A,2025-01-32,1.00\n"
                                                   "A,2025-01-06,2.00\n", -1);
  g_autoptr(SlImportResult) result = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  options.policy = SL_IMPORT_VALID_ROWS;
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpuint (result->rows_accepted, ==, 2);
  g_assert_cmpuint (result->rows_rejected, ==, 2);
  /* B had no valid row: it is not made. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (mrr_of (fixture->db, "A", "2025-01"), ==, 300);
}

/* ../shared/data/cdnow: README.md's reference figures. */
static void
test_real_cdnow (SlImportFixture *fixture,
                 gconstpointer    data)
{
  static const struct { const char *month; gint64 active, revenue, january; } months[] = {
    { "1997-01", 7846, 29906017, 7846 }, { "1997-02", 9633, 37959003, 1157 },
    { "1997-03", 9524, 39315527, 964 }, { "1997-04", 2822, 14282449, 810 },
    { "1997-05", 2214, 10793330, 679 }, { "1997-06", 2339, 10839587, 736 },
    { "1997-07", 2180, 12207888, 720 }, { "1997-08", 1772, 8836769, 582 },
    { "1997-09", 1739, 8194880, 559 }, { "1997-10", 1839, 8978077, 594 },
    { "1997-11", 2028, 11544864, 673 }, { "1997-12", 1864, 9557735, 634 },
    { "1998-01", 1537, 7675678, 528 }, { "1998-02", 1551, 7709696, 511 },
    { "1998-03", 2060, 10897015, 664 }, { "1998-04", 1437, 6623152, 472 },
    { "1998-05", 1488, 7098966, 497 }, { "1998-06", 1506, 7610930, 498 },
  };
  g_autofree char *path = sl_test_shared_data ("cdnow/CDNOW_master.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  /* Whitespace-separated and found by its header, with nothing given. */
  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  result = sl_import_fixture_import (fixture, file, &options);
  g_assert_cmpstr (result->preset, ==, "cdnow");
  g_assert_cmpint (result->date_order, ==, SL_DATE_ORDER_YMD);
  g_assert_cmpuint (result->rows_accepted, ==, 69659);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 23570);
  g_assert_cmpint (Q (fixture->db, "SELECT sum (mrr_minor) FROM customer_mrr"), ==, 250031563);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer WHERE external_id = '00001'"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *where = g_strdup_printf ("strftime ('%%Y-%%m', m.month_day * 86400, 'unixepoch') = '%s'",
                                                months[i].month);
      g_autofree char *active = g_strdup_printf ("SELECT count(*) FROM customer_mrr m WHERE %s", where);
      g_autofree char *revenue = g_strdup_printf ("SELECT sum (mrr_minor) FROM customer_mrr m WHERE %s", where);
      /* Retention of the January-1997 acquisition cohort. */
      g_autofree char *january = g_strdup_printf ("SELECT count(*) FROM customer_mrr m JOIN customer c "
                                                  "ON c.id = m.customer_id WHERE %s AND c.acquired_day "
                                                  "BETWEEN 9862 AND 9892", where);

      g_assert_cmpint (Q (fixture->db, active), ==, months[i].active);
      g_assert_cmpint (Q (fixture->db, revenue), ==, months[i].revenue);
      g_assert_cmpint (Q (fixture->db, january), ==, months[i].january);
    }
  /* Acquisition cohorts by first-purchase month. */
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer WHERE acquired_day BETWEEN 9862 AND 9892"), ==, 7846);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer WHERE acquired_day BETWEEN 9893 AND 9920"), ==, 8476);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer WHERE acquired_day BETWEEN 9921 AND 9951"), ==, 7248);

  g_assert_true (sl_import_batch_undo (fixture->db, result->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (Q (fixture->db, "SELECT count(*) FROM customer_mrr"), ==, 0);
}

static void
test_real_cdnow_preview (void)
{
  g_autofree char *path = sl_test_shared_data ("cdnow/CDNOW_master.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SlImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  SlImportOptions options;

  sl_import_options_init (&options, SL_IMPORT_REVENUE);
  preview = sl_import_preview (NULL, file, &options, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->preset, ==, "cdnow");
  g_assert_cmpint (preview->delimiter, ==, SL_CSV_DELIMITER_WHITESPACE);
  g_assert_cmpint (preview->date_order, ==, SL_DATE_ORDER_YMD);
  g_assert_cmpuint (g_strv_length (preview->header), ==, 4);
  g_assert_cmpuint (preview->rows->len, ==, 5);
  g_assert_cmpstr (((char **)g_ptr_array_index (preview->rows, 0))[0], ==, "00001");
  g_assert_cmpuint (g_strv_length (preview->missing), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_summary ("Importing revenue: transactions and MRR per customer and month");

#define ADD(path, func) g_test_add (path, SlImportFixture, NULL, sl_import_fixture_setup, func, sl_import_fixture_teardown)
  ADD ("/core/import/revenue/transactions", test_revenue_transactions);
  ADD ("/core/import/revenue/mrr", test_revenue_mrr);
  ADD ("/core/import/revenue/existing-customers", test_revenue_existing_customers);
  ADD ("/core/import/revenue/undo-shared-customer", test_revenue_undo_shared_customer);
  ADD ("/core/import/revenue/bad-input", test_revenue_bad_input);
  ADD ("/core/import/revenue/valid-rows", test_revenue_valid_rows);
  ADD ("/core/import/real/cdnow", test_real_cdnow);
#undef ADD
  g_test_add_func ("/core/import/real/cdnow-preview", test_real_cdnow_preview);

  return g_test_run ();
}
