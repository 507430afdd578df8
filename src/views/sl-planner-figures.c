/* sl-planner-figures.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-planner-private.h"
#include "sl-view-text.h"
#include "sl-realloc-scenario.h"
#include "sl-tooltip.h"
#include "sl-workspace-discussion.h"
#include "sl-workspace-realloc.h"

/* What the planner computes: the live balance against the reserve, the
 * expected effect at the current funnel rates (the engine's, nothing
 * recomputed here) and finance's decisions so far. */

static void
set_state_class (GtkWidget  *widget,
                 const char *name)
{
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "dim-label");
  gtk_widget_add_css_class (widget, name);
}

static void
refresh_balance (SlPlanner *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *in = NULL, *left = NULL, *reserve = NULL, *after = NULL;
  g_autofree char *quarter = NULL, *title = NULL, *text = NULL, *subtitle = NULL;
  SlReallocBalance balance;

  if (!sl_workspace_get_realloc_balance (self->workspace, self->plan_id, &balance, &error))
    {
      g_warning ("Could not compute the plan’s balance: %s", error->message);
      return;
    }
  out = sl_view_format_money (self->workspace, balance.out_minor);
  in = sl_view_format_money (self->workspace, balance.in_minor);
  gtk_label_set_label (self->out_label, out);
  gtk_label_set_label (self->in_label, in);

  quarter = sl_period_format (&balance.quarter, NULL);
  /* Translators: %s is a fiscal quarter, e.g. “Q4 FY2025” */
  title = g_strdup_printf (_("Reserve left in %s"), quarter);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->left_row), title);
  left = sl_view_format_money (self->workspace, balance.left_minor);
  reserve = sl_view_format_money (self->workspace, balance.reserve_minor);
  /* Translators: what is left of the reserve, of how much, e.g. “$4,000.00 of $9,000.00” */
  text = g_strdup_printf (_("%s of %s"), left, reserve);
  gtk_label_set_label (self->left_label, text);
  after = sl_view_format_money (self->workspace, balance.left_minor - balance.declared_minor);
  /* Translators: %s is an amount of money */
  subtitle = g_strdup_printf (_("%s after this plan"), after);
  adw_action_row_set_subtitle (self->left_row, subtitle);

  if (balance.n_lines == 0)
    {
      gtk_label_set_label (self->balance_label, _("Add a move to see whether the plan balances."));
      set_state_class (GTK_WIDGET (self->balance_label), "dim-label");
    }
  else if (sl_realloc_balance_check (&balance, sl_workspace_get_currency (self->workspace), &error))
    {
      gtk_label_set_label (self->balance_label,
                           _("Balanced: the money into channels is the money out of them plus the reserve "
                             "draw, and the reserve has it."));
      set_state_class (GTK_WIDGET (self->balance_label), "success");
    }
  else
    {
      gtk_label_set_label (self->balance_label, error->message);
      set_state_class (GTK_WIDGET (self->balance_label), "error");
    }
}

static void
attach_text (SlPlanner  *self,
             const char *text,
             int         column,
             int         row,
             gboolean    heading)
{
  GtkWidget *label = sl_view_attach_label (self->forecast_grid, text, column, row, heading);

  gtk_widget_set_hexpand (label, column == 0);
}

/* A figure, or "—" with the reason as its tooltip. */
static void
attach_value (SlPlanner           *self,
              const SlMetricValue *value,
              int                  column,
              int                  row,
              gboolean             total)
{
  g_autofree char *text = sl_metric_value_format (value, NULL);
  GtkWidget *label;

  attach_text (self, text, column, row, FALSE);
  label = gtk_grid_get_child_at (self->forecast_grid, column, row);
  if (total)
    gtk_widget_add_css_class (label, "heading");
  if (!sl_metric_value_is_defined (value))
    sl_tooltip_set_text (label, sl_metric_reason_get_label (value->reason));
}

static const SlMetricValue *
first_undefined (const SlFunnelForecast *effect)
{
  if (!sl_metric_value_is_defined (&effect->leads))
    return &effect->leads;
  if (!sl_metric_value_is_defined (&effect->customers))
    return &effect->customers;
  if (!sl_metric_value_is_defined (&effect->revenue))
    return &effect->revenue;
  return NULL;
}

static void
attach_effect (SlPlanner              *self,
               int                     row,
               const char             *name,
               const char             *spend,
               const SlFunnelForecast *effect,
               GString                *notes,
               const char             *window_days,
               const char             *day)
{
  const SlMetricValue *undefined = first_undefined (effect);

  attach_text (self, name, 0, row, spend == NULL);
  attach_text (self, spend != NULL ? spend : "", 1, row, FALSE);
  attach_value (self, &effect->leads, 2, row, spend == NULL);
  attach_value (self, &effect->customers, 3, row, spend == NULL);
  attach_value (self, &effect->revenue, 4, row, spend == NULL);
  if (undefined == NULL || spend == NULL)
    return;
  if (notes->len > 0)
    g_string_append_c (notes, '\n');
  /* Translators: why a forecast shows “—”: a channel, the reason (e.g. “no spend”),
   * the number of days (e.g. “90”) and a date */
  g_string_append_printf (notes, _("“—” for %s: %s in the %s days before %s."), name,
                          sl_metric_reason_get_label (undefined->reason), window_days, day);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
refresh_forecast (SlPlanner *self)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GArray) effects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = sl_view_format_day (self->workspace, sl_planner_get_as_of (self));
  g_autofree char *window_days = sl_number_format (SL_FUNNEL_RATES_TRAILING_DAYS, 0, NULL);
  g_autofree char *caption = NULL;
  SlFunnelForecast total;
  guint i;

  /* Translators: a number of days (e.g. “90”), then a date */
  caption = g_strdup_printf (_("Leads, customers and revenue the moves are expected to bring or cost, at each "
                               "channel’s funnel rates over the %s days before %s."), window_days, day);
  gtk_label_set_label (self->forecast_caption, caption);
  clear_grid (self->forecast_grid);
  effects = sl_realloc_forecast (metrics, self->plan_id, sl_planner_get_as_of (self), &total, &error);
  if (effects == NULL)
    {
      g_warning ("Could not forecast the plan: %s", error->message);
      return;
    }

  attach_text (self, _("Channel"), 0, 0, TRUE);
  attach_text (self, _("Spend"), 1, 0, TRUE);
  attach_text (self, _("Leads"), 2, 0, TRUE);
  attach_text (self, _("Customers"), 3, 0, TRUE);
  attach_text (self, _("Revenue"), 4, 0, TRUE);
  for (i = 0; i < effects->len; i++)
    {
      const SlReallocEffect *effect = &g_array_index (effects, SlReallocEffect, i);
      SlChannel *channel = sl_channel_store_lookup (sl_workspace_get_channels (self->workspace),
                                                    effect->channel_id);
      g_autofree char *spend = sl_view_format_money (self->workspace, effect->spend_minor);

      attach_effect (self, i + 1, channel != NULL ? sl_channel_get_name (channel) : "?", spend,
                     &effect->effect, notes, window_days, day);
    }
  if (effects->len > 0)
    attach_effect (self, i + 1, _("Total"), NULL, &total, notes, window_days, day);
  gtk_label_set_label (self->forecast_notes, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->forecast_notes), notes->len > 0);
}

static char *
dup_verdict_title (SlDecision *decision)
{
  const char *verdict = sl_decision_get_verdict (decision);
  const char *author = sl_decision_get_author (decision);

  if (g_strcmp0 (verdict, SL_VERDICT_APPROVE) == 0)
    /* Translators: a decision finance recorded; %s is a person */
    return g_strdup_printf (_("Approved by %s"), author);
  if (g_strcmp0 (verdict, SL_VERDICT_REJECT) == 0)
    /* Translators: a decision finance recorded; %s is a person */
    return g_strdup_printf (_("Rejected by %s"), author);
  if (g_strcmp0 (verdict, SL_VERDICT_DEFER) == 0)
    /* Translators: a decision finance recorded; %s is a person */
    return g_strdup_printf (_("Deferred by %s"), author);
  /* Translators: a note finance recorded; %s is a person */
  return g_strdup_printf (_("Note by %s"), author);
}

static void
refresh_decisions (SlPlanner *self)
{
  GListModel *decisions = G_LIST_MODEL (self->decisions);
  guint n = decisions != NULL ? g_list_model_get_n_items (decisions) : 0;
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (self->decision_list, 0)) != NULL)
    gtk_list_box_remove (self->decision_list, GTK_WIDGET (old));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlDecision) decision = g_list_model_get_item (decisions, i);
      GtkWidget *row = adw_action_row_new ();
      const char *note = sl_decision_get_note (decision);
      g_autofree char *title = dup_verdict_title (decision);
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      if (note != NULL && *note != '\0')
        {
          g_autofree char *escaped_note = g_markup_escape_text (note, -1);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_note);
        }
      gtk_list_box_append (self->decision_list, row);
    }
  gtk_widget_set_visible (self->decisions_group, n > 0);
}

void
sl_planner_figures_refresh (SlPlanner *self)
{
  refresh_balance (self);
  refresh_forecast (self);
  refresh_decisions (self);
}
