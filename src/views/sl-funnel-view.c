/* sl-funnel-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-tooltip.h"
#include "sl-funnel-chart.h"
#include "sl-funnel-view.h"
#include "sl-funnel.h"
#include "sl-leak.h"
#include "sl-metrics-rows.h"
#include "sl-rtl-scroll.h"
#include "sl-view.h"

struct _SlFunnelView
{
  AdwBin        parent_instance;

  GtkStack     *stack;
  GtkBox       *chart_box;
  GtkGrid      *stage_grid;
  GtkLabel     *velocity_label;
  GtkListBox   *leak_list;
  GtkGrid      *channel_grid;
  GtkScrolledWindow *stage_scroller;
  GtkScrolledWindow *channel_scroller;
  SlFunnelChart *chart;

  SlWorkspace  *workspace;
  SlViewFilter *filter;
};

static void sl_funnel_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlFunnelView, sl_funnel_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_funnel_view_view_iface_init))

/* The count metric of each stage, for its name. */
static const SlMetric stage_metrics[SL_FUNNEL_N_STAGES] = {
  SL_METRIC_IMPRESSIONS, SL_METRIC_CLICKS, SL_METRIC_LEADS, SL_METRIC_MQLS,
  SL_METRIC_SQLS, SL_METRIC_OPPORTUNITIES, SL_METRIC_NEW_CUSTOMERS,
};

/* Short names, for column titles and leaks. */
static const char * const stage_short_names[SL_FUNNEL_N_STAGES] = {
  NC_("funnel stage", "Impressions"), NC_("funnel stage", "Clicks"), NC_("funnel stage", "Leads"),
  NC_("funnel stage", "MQLs"), NC_("funnel stage", "SQLs"), NC_("funnel stage", "Opportunities"),
  NC_("funnel stage", "Won"),
};

static const char *
stage_name (SlFunnelStage stage)
{
  return sl_metric_get_label (stage_metrics[stage]);
}

static const char *
stage_short_name (SlFunnelStage stage)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "funnel stage", stage_short_names[stage]);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
add_cell (GtkGrid    *grid,
          int         column,
          int         row,
          const char *text,
          const char *tooltip,
          gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  sl_tooltip_set_text (label, tooltip);
  if (header)
    gtk_widget_add_css_class (label, "dim-label");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

/* A figure, "—" with the reason when undefined, nothing where the
 * figure does not apply (NOT_COMPUTED: the last stage's conversion). */
static void
add_value (GtkGrid             *grid,
           int                  column,
           int                  row,
           const SlMetricValue *value)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (value->reason == SL_METRIC_REASON_NOT_COMPUTED)
    return;
  text = sl_metric_value_format (value, NULL);
  if (!sl_metric_value_is_defined (value))
    /* Translators: why a figure is undefined, e.g. “Undefined: no leads” */
    tooltip = g_strdup_printf (_("Undefined: %s"), sl_metric_reason_get_label (value->reason));
  add_cell (grid, column, row, text, tooltip, FALSE);
}

static void
fill_stages (SlFunnelView   *self,
             const SlFunnel *funnel)
{
  static const char *headers[] = {
    N_("Stage"), N_("Volume"), N_("Moves on"), N_("Median days from previous"),
    N_("Cost each"), N_("Value each"),
  };

  clear_grid (self->stage_grid);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    add_cell (self->stage_grid, c, 0, _(headers[c]), NULL, TRUE);
  for (guint i = 0; i < funnel->n_steps; i++)
    {
      const SlFunnelStep *step = &funnel->steps[i];
      g_autofree char *volume = sl_number_format ((double)step->volume, 0, NULL);

      add_cell (self->stage_grid, 0, i + 1, stage_name (step->stage),
                sl_metric_get_description (stage_metrics[step->stage]), FALSE);
      add_cell (self->stage_grid, 1, i + 1, volume, NULL, FALSE);
      add_value (self->stage_grid, 2, i + 1, &step->conversion);
      add_value (self->stage_grid, 3, i + 1, &step->days);
      add_value (self->stage_grid, 4, i + 1, &step->cost);
      add_value (self->stage_grid, 5, i + 1, &step->value);
    }
}

static void
fill_velocity (SlFunnelView   *self,
               const SlFunnel *funnel)
{
  g_autofree char *open = sl_number_format ((double)funnel->open_opportunities, 0, NULL);
  g_autofree char *win_rate = sl_metric_value_format (&funnel->win_rate, NULL);
  g_autofree char *deal = sl_metric_value_format (&funnel->average_deal_size, NULL);
  g_autofree char *cycle = sl_metric_value_format (&funnel->sales_cycle_days, NULL);
  g_autofree char *velocity = sl_metric_value_format (&funnel->pipeline_velocity, NULL);
  g_autofree char *text = NULL;

  /* Translators: open opportunities, win rate, average deal size, sales
   * cycle (a number of days) and pipeline velocity (money per day) */
  text = g_strdup_printf (_("Open opportunities: %s  ·  Win rate: %s  ·  Average deal: %s  ·  "
                            "Sales cycle: %s  ·  Pipeline velocity: %s a day"),
                          open, win_rate, deal, cycle, velocity);
  gtk_label_set_label (self->velocity_label, text);
}

static const char *
channel_name (SlFunnelView *self,
              gint64        id)
{
  SlChannel *channel = sl_channel_store_lookup (sl_workspace_get_channels (self->workspace), id);

  return channel != NULL ? sl_channel_get_name (channel) : "?";
}

/* The leaks of the scope's channel, or of every channel. */
static void
fill_leaks (SlFunnelView *self,
            GArray       *leaks,
            gint64        channel_id)
{
  GtkWidget *row;
  guint shown = 0;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->leak_list))) != NULL)
    gtk_list_box_remove (self->leak_list, row);

  for (guint i = 0; leaks != NULL && i < leaks->len; i++)
    {
      const SlLeak *leak = &g_array_index (leaks, SlLeak, i);
      g_autofree char *rate = sl_metric_value_format (&leak->rate, NULL);
      g_autofree char *baseline = sl_metric_value_format (&leak->baseline, NULL);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *icon;

      if (channel_id != 0 && leak->channel_id != channel_id)
        continue;
      /* Translators: a stage, the next stage: e.g. “Leads → MQLs” */
      title = g_strdup_printf (_("%s → %s"), stage_short_name (leak->from), stage_short_name (leak->from + 1));
      /* Translators: where a conversion fell (all channels or one), then
       * the rate now and over the three periods before */
      subtitle = g_strdup_printf (_("%s: %s of them moved on, against %s in the three periods before"),
                                  leak->channel_id != 0 ? channel_name (self, leak->channel_id) : _("All channels"),
                                  rate, baseline);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->leak_list, row);
      shown++;
    }
  if (shown == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No conversion rate fell below its baseline"));
      gtk_list_box_append (self->leak_list, row);
    }
}

static void
fill_channels (SlFunnelView *self,
               SlMetrics    *metrics)
{
  static const struct { SlFunnelStage from, to; } rates[] = {
    { SL_FUNNEL_LEAD, SL_FUNNEL_MQL },
    { SL_FUNNEL_MQL, SL_FUNNEL_SQL },
    { SL_FUNNEL_SQL, SL_FUNNEL_OPPORTUNITY },
    { SL_FUNNEL_OPPORTUNITY, SL_FUNNEL_WON },
    { SL_FUNNEL_LEAD, SL_FUNNEL_WON },
  };
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SlScope scope;
  gint64 only;
  int r = 1;

  clear_grid (self->channel_grid);
  rows = sl_metrics_get_rows (metrics, sl_view_filter_get_period (self->filter), NULL, NULL, &error);
  if (rows == NULL)
    {
      g_warning ("Could not compute the channels' funnels: %s", error->message);
      return;
    }
  add_cell (self->channel_grid, 0, 0, _("Channel"), NULL, TRUE);
  add_cell (self->channel_grid, 1, 0, stage_short_name (SL_FUNNEL_LEAD), NULL, TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (rates); k++)
    {
      g_autofree char *title = g_strdup_printf (_("%s → %s"), stage_short_name (rates[k].from),
                                                stage_short_name (rates[k].to));

      add_cell (self->channel_grid, k + 2, 0, title, NULL, TRUE);
    }

  sl_view_filter_get_scope (self->filter, &scope);
  only = sl_campaign_store_get_scope_channel (sl_workspace_get_campaigns (self->workspace), &scope);
  for (guint i = 0; i < rows->len; i++)
    {
      const SlMetricsRow *row = &g_array_index (rows, SlMetricsRow, i);
      const char *name = channel_name (self, row->channel_id);
      g_autofree char *leads = NULL;

      if ((only != 0 && row->channel_id != only) || !sl_view_filter_matches (self->filter, name))
        continue;
      leads = sl_number_format ((double)row->totals.leads, 0, NULL);
      add_cell (self->channel_grid, 0, r, name, NULL, FALSE);
      add_cell (self->channel_grid, 1, r, leads, NULL, FALSE);
      for (guint k = 0; k < G_N_ELEMENTS (rates); k++)
        {
          SlMetricValue rate;

          sl_metrics_totals_conversion (&row->totals, rates[k].from, rates[k].to, &rate);
          add_value (self->channel_grid, k + 2, r, &rate);
        }
      r++;
    }
}

/* Does the step from @stage leak, for the chart's scope (the whole
 * workspace, or the scope's channel)? */
static const SlLeak *
find_leak (GArray        *leaks,
           gint64         channel_id,
           SlFunnelStage  stage)
{
  for (guint i = 0; leaks != NULL && i < leaks->len; i++)
    {
      const SlLeak *leak = &g_array_index (leaks, SlLeak, i);

      if (leak->channel_id == channel_id && leak->from == stage)
        return leak;
    }
  return NULL;
}

/* The funnel from leads to won: what marketing hands to sales. */
static void
fill_chart (SlFunnelView   *self,
            const SlFunnel *funnel,
            GArray         *leaks,
            gint64          channel_id)
{
  guint first = 0, n;

  while (first < funnel->n_steps && funnel->steps[first].stage < SL_FUNNEL_LEAD)
    first++;
  n = funnel->n_steps - first;
  sl_funnel_chart_set_n_stages (self->chart, n);
  for (guint i = 0; i < n; i++)
    {
      const SlFunnelStep *step = &funnel->steps[first + i];
      g_autofree char *volume = sl_number_format ((double)step->volume, 0, NULL);
      g_autofree char *days_text = NULL;
      const SlLeak *leak;

      sl_funnel_chart_set_stage (self->chart, i, stage_short_name (step->stage), (double)step->volume, volume);
      /* Value against cost: what one is worth, what one costs. */
      if (sl_metric_value_is_defined (&step->value) || sl_metric_value_is_defined (&step->cost))
        {
          g_autofree char *worth = sl_metric_value_format (&step->value, NULL);
          g_autofree char *cost = sl_metric_value_format (&step->cost, NULL);
          /* Translators: what one item of a funnel stage is worth, then what it costs */
          g_autofree char *detail = g_strdup_printf (_("worth %s each, cost %s"), worth, cost);

          sl_funnel_chart_set_stage_detail (self->chart, i, detail);
        }
      if (i + 1 == n)
        break;
      /* The median days to reach the next stage. */
      if (sl_metric_value_is_defined (&funnel->steps[first + i + 1].days))
        days_text = sl_metric_value_format (&funnel->steps[first + i + 1].days, NULL);
      if (sl_metric_value_is_defined (&step->conversion))
        {
          g_autofree char *conversion = sl_metric_value_format (&step->conversion, NULL);

          sl_funnel_chart_set_step (self->chart, i, conversion, days_text);
        }
      else
        sl_funnel_chart_set_step_undefined (self->chart, i, sl_metric_reason_get_label (step->conversion.reason),
                                            days_text);
      leak = find_leak (leaks, channel_id, step->stage);
      if (leak != NULL)
        {
          g_autofree char *rate = sl_metric_value_format (&leak->rate, NULL);
          g_autofree char *baseline = sl_metric_value_format (&leak->baseline, NULL);
          g_autofree char *text = NULL;

          /* Translators: a conversion rate and its usual level, e.g. “41 % vs baseline 52 %” */
          text = g_strdup_printf (_("%s vs baseline %s"), rate, baseline);
          sl_funnel_chart_set_step_leak (self->chart, i, text);
        }
    }
}

static void
refresh_now (SlFunnelView *self)
{
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(SlFunnel) funnel = NULL;
  g_autoptr(GArray) leaks = NULL;
  g_autoptr(GError) error = NULL;
  SlScope scope;
  gint64 channel_id;

  if (self->workspace == NULL)
    return;
  metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  sl_view_filter_get_scope (self->filter, &scope);
  funnel = sl_funnel_compute (metrics, sl_view_filter_get_period (self->filter), &scope, &error);
  if (funnel == NULL)
    {
      g_warning ("Could not compute the funnel: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  leaks = sl_leak_find (metrics, sl_view_filter_get_period (self->filter), SL_LEAK_DEFAULT_MARGIN_BP, &error);
  if (leaks == NULL)
    {
      g_warning ("Could not look for leaks: %s", error->message);
      g_clear_error (&error);
    }
  channel_id = sl_campaign_store_get_scope_channel (sl_workspace_get_campaigns (self->workspace), &scope);
  fill_chart (self, funnel, leaks, channel_id);
  fill_stages (self, funnel);
  fill_velocity (self, funnel);
  fill_leaks (self, leaks, channel_id);
  fill_channels (self, metrics);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (self->workspace))) > 0
                                    ? "funnel" : "empty");
}

/* Hidden views catch up when they are shown. */
static void
refresh (SlFunnelView *self)
{
  sl_view_refresh (SL_VIEW (self));
}

static void
sl_funnel_view_map (GtkWidget *widget)
{
  sl_view_catch_up (SL_VIEW (widget));
  GTK_WIDGET_CLASS (sl_funnel_view_parent_class)->map (widget);
}

static void
sl_funnel_view_dispose (GObject *object)
{
  SlFunnelView *self = (SlFunnelView *)object;

  sl_funnel_view_set_context (self, NULL, NULL);
  /* AdwBin unparents its child itself; let it before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_FUNNEL_VIEW);

  G_OBJECT_CLASS (sl_funnel_view_parent_class)->dispose (object);
}

static void
sl_funnel_view_class_init (SlFunnelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_funnel_view_dispose;
  widget_class->map = sl_funnel_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-funnel-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, chart_box);
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, stage_grid);
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, velocity_label);
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, leak_list);
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, channel_grid);
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, stage_scroller);
  gtk_widget_class_bind_template_child (widget_class, SlFunnelView, channel_scroller);
}

static void
sl_funnel_view_init (SlFunnelView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart = SL_FUNNEL_CHART (sl_funnel_chart_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Funnel from leads to won deals"), -1);
  gtk_box_append (self->chart_box, GTK_WIDGET (self->chart));
  /* Wide tables in a narrow window start at their start, also right to left. */
  sl_rtl_scroll_attach (GTK_SCROLLABLE (gtk_scrolled_window_get_child (self->stage_scroller)));
  sl_rtl_scroll_attach (GTK_SCROLLABLE (gtk_scrolled_window_get_child (self->channel_scroller)));
}

static void
workspace_changed_cb (SlFunnelView *self)
{
  refresh (self);
}

void
sl_funnel_view_set_context (SlFunnelView *self,
                            SlWorkspace  *workspace,
                            SlViewFilter *filter)
{
  g_return_if_fail (SL_IS_FUNNEL_VIEW (self));
  g_return_if_fail ((workspace == NULL) == (filter == NULL));

  if (self->filter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter, self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->filter, filter);
  if (filter == NULL)
    return;
  g_signal_connect_object (filter, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

const char *
sl_funnel_view_get_stage_text (SlFunnelView *self,
                               guint         row,
                               guint         column)
{
  GtkWidget *label;

  g_return_val_if_fail (SL_IS_FUNNEL_VIEW (self), NULL);

  label = gtk_grid_get_child_at (self->stage_grid, column, row + 1);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

char *
sl_funnel_view_dup_leaks_text (SlFunnelView *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (SL_IS_FUNNEL_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->leak_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) != NULL)
      g_string_append_printf (text, "%s: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (text, FALSE);
}

SlFunnelChart *
sl_funnel_view_get_chart (SlFunnelView *self)
{
  g_return_val_if_fail (SL_IS_FUNNEL_VIEW (self), NULL);
  return self->chart;
}

static void
sl_funnel_view_iface_set_context (SlView       *view,
                       SlWorkspace  *workspace,
                       SlViewFilter *filter)
{
  sl_funnel_view_set_context (SL_FUNNEL_VIEW (view), workspace, filter);
}

static void
sl_funnel_view_iface_refresh (SlView *view)
{
  refresh_now (SL_FUNNEL_VIEW (view));
}

static void
sl_funnel_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_funnel_view_iface_set_context;
  iface->refresh = sl_funnel_view_iface_refresh;
}
