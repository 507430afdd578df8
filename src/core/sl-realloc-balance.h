/* sl-realloc-balance.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-database.h"
#include "sl-period.h"

G_BEGIN_DECLS

/* A reallocation plan's live balance. Money out of channels must equal
 * money into channels, or the difference comes from the reserve: the
 * plan declares that draw (reserve_draw_minor; negative gives money
 * back), and its lines to and from the reserve must add up to it. The
 * draw may not exceed what is left of the reserve: the plan version's
 * reserve lines in the fiscal quarter of the plan's earliest month,
 * minus what applied plans of that quarter drew. */
typedef struct
{
  gint64   out_minor;         /* leaving channels */
  gint64   in_minor;          /* entering channels */
  gint64   difference_minor;  /* in − out: what the reserve covers */
  gint64   declared_minor;    /* the plan's reserve draw */
  SlPeriod quarter;           /* whose reserve it draws on */
  gint64   reserve_minor;     /* the quarter's reserve lines */
  gint64   drawn_minor;       /* by the quarter's applied plans, this one aside */
  gint64   left_minor;        /* reserve − drawn, before this plan */
  guint    n_lines;
  gboolean balanced;          /* difference = declared */
  gboolean within_reserve;    /* declared ≤ left */
} SlReallocBalance;

gboolean sl_realloc_balance_compute (SlDatabase              *db,
                                     gint64                   plan_id,
                                     SlCalendar               calendar,
                                     int                      fiscal_start,
                                     SlReallocBalance        *out,
                                     GError                 **error);
/* FALSE with SL_COLLAB_ERROR_UNBALANCED or _RESERVE, the amounts in
 * @currency in the message, when @balance breaks a rule. */
gboolean sl_realloc_balance_check   (const SlReallocBalance  *balance,
                                     const char              *currency,
                                     GError                 **error);
/* What is left of the reserve of @period (see above), @except_plan_id's
 * draw aside (0: none). */
gboolean sl_realloc_reserve_left    (SlDatabase              *db,
                                     const SlPeriod          *period,
                                     gint64                   except_plan_id,
                                     gint64                  *reserve_minor,
                                     gint64                  *drawn_minor,
                                     GError                 **error);

G_END_DECLS
