/* sl-plan-view-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-plan-view.h"

G_BEGIN_DECLS

struct _SlPlanView
{
  AdwBin             parent_instance;

  GtkStack          *stack;
  GtkColumnView     *column_view;
  GtkLabel          *caption;

  SlWorkspace       *workspace;
  SlBudgetLineStore *lines;
  GListStore        *rows;       /* SlPlanRow: channels, reserve, total */
  GHashTable        *row_index;  /* channel id (gint64*) → row position + 1 */
  GArray            *months;     /* SlPeriod */
  SlPeriod           fiscal_year;
  gboolean           has_period;
  gboolean           stale;      /* a period set while hidden, not loaded yet */
  guint              recompute_id;
};

/* sl-plan-view-columns.c: the columns of the current months. */
void sl_plan_view_rebuild_columns (SlPlanView *self);

G_END_DECLS
