/* sl-spend-importer.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-importer.h"

G_BEGIN_DECLS

#define SL_TYPE_SPEND_IMPORTER (sl_spend_importer_get_type ())
G_DECLARE_FINAL_TYPE (SlSpendImporter, sl_spend_importer, SL, SPEND_IMPORTER, SlImporter)

/* Ad spend exports: a row per day and campaign (or ad) with spend,
 * impressions, clicks and conversions. */

G_END_DECLS
