/* sl-plan-cell.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-plan-row.h"

G_BEGIN_DECLS

#define SL_TYPE_PLAN_CELL (sl_plan_cell_get_type ())
G_DECLARE_FINAL_TYPE (SlPlanCell, sl_plan_cell, SL, PLAN_CELL, GtkWidget)

/* One amount of the plan grid: an editable label showing a row's amount
 * for @month (G_MAXUINT: the row total, never editable). Emits ::commit
 * with the text when the user finishes editing with a different text;
 * the cell then shows the row's amount again, changed or not. */
GtkWidget   *sl_plan_cell_new          (guint        month,
                                        const char  *month_label);
void         sl_plan_cell_bind         (SlPlanCell  *self,
                                        SlPlanRow   *row);
void         sl_plan_cell_unbind       (SlPlanCell  *self);

SlPlanRow   *sl_plan_cell_get_row      (SlPlanCell  *self);
guint        sl_plan_cell_get_month    (SlPlanCell  *self);
/* The text field the user types in. */
GtkEditable *sl_plan_cell_get_editable (SlPlanCell  *self);

G_END_DECLS
