/* sl-plan-view-columns.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-plan-cell.h"
#include "sl-plan-grid.h"
#include "sl-plan-row.h"
#include "sl-plan-view-private.h"

/* The plan grid's columns: the row names, one editable column per month
 * (made here since the number of months depends on the calendar), and
 * the row totals. */

static void
show_toast (SlPlanView *self,
            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  /* Toast titles are Pango markup in libadwaita 1.2; ours are text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 8);
  /* About what the user just typed: show it now, not after older toasts. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
cell_commit_cb (SlPlanView *self,
                const char *text,
                SlPlanCell *cell)
{
  g_autoptr(GError) error = NULL;
  SlPlanRow *row = sl_plan_cell_get_row (cell);
  guint month = sl_plan_cell_get_month (cell);
  SlMoney amount;
  gboolean has_amount = *text != '\0';

  if (self->workspace == NULL || month >= self->months->len)
    return;

  if ((has_amount &&
       !sl_money_parse (text, sl_plan_row_get_currency (row), NULL, &amount, &error)) ||
      !sl_workspace_set_budget_amount (self->workspace, SL_BUDGET_PLAN,
                                       sl_plan_row_get_channel_id (row),
                                       &g_array_index (self->months, SlPeriod, month),
                                       has_amount ? &amount : NULL, &error))
    show_toast (self, error->message);
}

void
sl_plan_view_rebuild_columns (SlPlanView *self)
{
  sl_plan_grid_remove_columns (self->column_view);
  sl_plan_grid_append_column (self->column_view, _("Channel"), sl_plan_grid_name_factory_new ());
  sl_plan_grid_append_months (self->column_view, self->months, G_CALLBACK (cell_commit_cb), self);
  sl_plan_grid_align_titles (self->column_view, 1);
}
