/* sl-date-text.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-import.h"

G_BEGIN_DECLS

/* Dates as exports write them. A time after the date ("2018-02-26
 * 19:58:54", "2025-03-21T10:00:00Z") is ignored. */

/* Reads @text in @order (not AUTO). FALSE if it is not a real date in
 * that order: 31/02/2025 is refused, never rolled over. */
gboolean  sl_date_text_parse  (const char  *text,
                               SlDateOrder  order,
                               SlDay       *out);
/* The orders that can read @text, as a mask of (1 << SlDateOrder). */
guint     sl_date_text_orders (const char  *text);
/* The one order a mask allows, preferring ISO and YMD; AUTO when day and
 * month order are both possible or none is. */
SlDateOrder sl_date_text_pick (guint        mask);

G_END_DECLS
