/* sl-funnel-importer.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-importer.h"

G_BEGIN_DECLS

#define SL_TYPE_FUNNEL_IMPORTER (sl_funnel_importer_get_type ())
G_DECLARE_FINAL_TYPE (SlFunnelImporter, sl_funnel_importer, SL, FUNNEL_IMPORTER, SlImporter)

/* CRM exports of leads and deals: a row per lead with its id, the day it
 * reached each funnel stage, where it came from, what it was worth and
 * the touches before it.
 *
 * - Stage days: created (the lead; may be empty for an open deal with no
 *   date yet), mql, sql, opportunity, won, lost. Instead of won/lost
 *   columns a stage column ("Won", "Closed won", "Lost", "Closed lost";
 *   anything else is open) with a close date gives the won or lost day.
 *   A deal both won and lost is refused; days out of funnel order are
 *   kept as they are (real data has them).
 * - Channel and campaign of origin: an empty channel is "Unattributed",
 *   so every deal has a campaign and counts in the rollups.
 * - Amount (not negative) and gross profit: a gross-profit amount, or a
 *   "margin" column in percent of the amount ("35", "35 %", −100…100);
 *   the amount in another currency is converted at the rate of the month
 *   of the deal's last stage day. Stored in the workspace currency.
 * - Touchpoints: "CHANNEL@DATE" or "CHANNEL/CAMPAIGN@DATE" entries
 *   separated by ';' ("Search@2025-03-01;Email/Spring@2025-03-04"), dates
 *   in the file's date order; stored in the order written, position 1 first.
 * - Ids are unique within a file ("duplicate id … (first on line N)").
 *
 * With SlImportOptions.join_path, a second file's rows (held in memory,
 * keyed by id) add the won day, lost day and owner to the main file's
 * rows with the same id; an id of that file missing from the main file
 * fails the import. Presets: "olist" (Olist's MQLs, joined with its
 * closed deals), "maven" (Maven Analytics' sales pipeline), "generic". */

G_END_DECLS
