/* sl-when-text.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-workspace.h"

G_BEGIN_DECLS

/* When something was written, for people: the day in @workspace's
 * calendar and the local time, “Nov 23, 2026 10:12”. @usec is µs since
 * the epoch (UTC). */
char *sl_when_text_format       (SlWorkspace *workspace,
                                 gint64       usec);
/* The day or the month holding @day, in @workspace's calendar:
 * “Nov 23, 2026”, “November 2026”. */
char *sl_when_text_format_day   (SlWorkspace *workspace,
                                 SlDay        day);
char *sl_when_text_format_month (SlWorkspace *workspace,
                                 SlDay        day);

G_END_DECLS
