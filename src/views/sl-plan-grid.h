/* sl-plan-grid.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-period.h"

G_BEGIN_DECLS

/* The columns of a grid of SlPlanRows × months (the budget plan, a
 * budget request): the row names, one SlPlanCell per month, the totals. */

/* A month's column title: its short name. */
char               *sl_plan_grid_month_title         (const SlPeriod *month);
/* The row names' factory (SlPlanRow items). */
GtkListItemFactory *sl_plan_grid_name_factory_new    (void);
/* Amount cells of @month (G_MAXUINT: the row totals); @commit_cb
 * (swapped, on @object) gets each cell's ::commit. */
GtkListItemFactory *sl_plan_grid_cell_factory_new    (guint           month,
                                                      const char     *month_label,
                                                      GCallback       commit_cb,
                                                      gpointer        object);
void                sl_plan_grid_append_column       (GtkColumnView  *column_view,
                                                      const char     *title,
                                                      GtkListItemFactory *factory);
/* A column per month of @months (SlPeriod), then the row totals'. */
void                sl_plan_grid_append_months       (GtkColumnView  *column_view,
                                                      GArray         *months,
                                                      GCallback       commit_cb,
                                                      gpointer        object);
void                sl_plan_grid_remove_columns      (GtkColumnView  *column_view);
/* The index of the month of @months holding @day, or G_MAXUINT. */
guint               sl_plan_grid_find_month          (GArray         *months,
                                                      SlDay           day);
/* Aligns the titles of the amount columns (all but the first @n_leading)
 * to the end, like their amounts. */
void                sl_plan_grid_align_titles        (GtkColumnView  *column_view,
                                                      guint           n_leading);

G_END_DECLS
