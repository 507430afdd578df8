/* sl-month-text.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-period.h"

G_BEGIN_DECLS

/* Months as plan files write them, in a workspace's calendar: the
 * machine name ("2025-03", "1404-01"), a month name or its first three
 * letters or more with the year ("Mar 2025", "March 2025",
 * "Farvardin 1404", in English or the user's language), or an ISO date
 * (the calendar month containing it). */
typedef struct _SlMonthText SlMonthText;

SlMonthText *sl_month_text_new   (SlCalendar    calendar,
                                  int           fiscal_start);
void         sl_month_text_free  (SlMonthText  *self);
/* The month @text names, as a SL_PERIOD_MONTH period. */
gboolean     sl_month_text_parse (SlMonthText  *self,
                                  const char   *text,
                                  SlPeriod     *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlMonthText, sl_month_text_free)

G_END_DECLS
