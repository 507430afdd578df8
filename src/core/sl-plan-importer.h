/* sl-plan-importer.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-importer.h"

G_BEGIN_DECLS

#define SL_TYPE_PLAN_IMPORTER (sl_plan_importer_get_type ())
G_DECLARE_FINAL_TYPE (SlPlanImporter, sl_plan_importer, SL, PLAN_IMPORTER, SlImporter)

/* Budget lines of one version (SlImportOptions.version: plan, request or
 * forecast), one calendar month each, in the workspace's calendar:
 *
 * - long: a row per channel (optionally campaign) and month, with the
 *   amount; "month" is "2025-03" (or "1404-01" in a Solar Hijri
 *   workspace), a month name and year ("Mar 2025", "Farvardin 1404"), or
 *   a date, meaning the calendar month containing it;
 * - wide: no month and no amount column, but columns headed by months
 *   ("Jan 2025", "2025-02"): a line per non-empty month cell.
 *
 * The reserve line: a channel "Reserve", or an empty channel with a true
 * (1, yes, true, x) "is reserve" column. Optional: campaign, goal (by its
 * objective; an unknown one is refused), note. Amounts are in the
 * workspace currency and not negative. A cell that already has a line of
 * the version is refused, never overwritten, so undoing the import puts
 * back exactly what was there. */

G_END_DECLS
