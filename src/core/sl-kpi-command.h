/* sl-kpi-command.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-command.h"
#include "sl-metric.h"

G_BEGIN_DECLS

#define SL_KPI_ERROR (sl_kpi_error_quark ())

typedef enum
{
  SL_KPI_ERROR_LISTED,      /* adding a metric the list already has */
  SL_KPI_ERROR_NOT_LISTED,  /* removing or moving one it does not have */
  SL_KPI_ERROR_CANNOT_MOVE, /* moving the first up or the last down */
} SlKpiError;

#define SL_TYPE_KPI_COMMAND (sl_kpi_command_get_type ())
G_DECLARE_FINAL_TYPE (SlKpiCommand, sl_kpi_command, SL, KPI_COMMAND, SlCommand)

GQuark     sl_kpi_error_quark         (void);

/* Edits of the list of metrics finance asked for (table kpi). Undo puts
 * the list back exactly as it was, rows and positions; redo brings a
 * row back under the same rowid. */

/* Adds @metric at the end of the list. */
SlCommand *sl_kpi_command_new_add     (const char *label,
                                       SlMetric    metric);
/* Removes the entry of metric key @metric (known to this version or not). */
SlCommand *sl_kpi_command_new_remove  (const char *label,
                                       const char *metric);
/* Moves the entry of @metric one place up (@delta -1) or down (+1). */
SlCommand *sl_kpi_command_new_move    (const char *label,
                                       const char *metric,
                                       int         delta);

G_END_DECLS
