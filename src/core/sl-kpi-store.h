/* sl-kpi-store.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-kpi.h"
#include "sl-store.h"

G_BEGIN_DECLS

#define SL_TYPE_KPI_STORE (sl_kpi_store_get_type ())
G_DECLARE_FINAL_TYPE (SlKpiStore, sl_kpi_store, SL, KPI_STORE, SlStore)

/* The metrics finance asked for, in the order the Overview shows them. */
SlKpiStore *sl_kpi_store_new    (SlDatabase  *db);
/* The entry of metric key @metric, or NULL (transfer none). */
SlKpi      *sl_kpi_store_lookup (SlKpiStore  *self,
                                 const char  *metric);

G_END_DECLS
