/* sl-revenue-importer.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-importer.h"

G_BEGIN_DECLS

#define SL_TYPE_REVENUE_IMPORTER (sl_revenue_importer_get_type ())
G_DECLARE_FINAL_TYPE (SlRevenueImporter, sl_revenue_importer, SL, REVENUE_IMPORTER, SlImporter)

/* Revenue per customer and month, into customer_mrr:
 *
 * - MRR rows (a "mrr" column): customer, month ("2025-03", or a date:
 *   its Gregorian month), the month's recurring revenue, optionally its
 *   gross profit;
 * - or transactions (an "amount" column): customer, date, amount, summed
 *   per customer and Gregorian month.
 *
 * Rows of one customer and month add up, in either form; their gross
 * profit is kept only when every one of them has it. Amounts may not be
 * negative (refunds are not imported) and are converted to the workspace
 * currency at the month's rate. Customers are found by external id and
 * made when missing, acquired on their first transaction's day (MRR: the
 * first month's first day), with the channel and campaign of their first
 * row that names one; existing customers are left as they are. A month
 * for which a customer already has revenue from an earlier import is
 * refused. The sums are kept in memory (a customer × month table) and
 * written when the file is read. Presets: "cdnow" (Fader & Hardie's CDNOW
 * purchases) and "generic". */

G_END_DECLS
