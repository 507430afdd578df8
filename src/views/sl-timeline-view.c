/* sl-timeline-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-rtl-scroll.h"
#include "sl-bar-chart.h"
#include "sl-collab-common.h"
#include "sl-timeline-view-private.h"
#include "sl-view.h"
#include "sl-workspace-annotations.h"

static void sl_timeline_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlTimelineView, sl_timeline_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_timeline_view_view_iface_init))

static char *
format_axis (double   value,
             gpointer user_data)
{
  SlTimelineView *self = user_data;
  int exponent = sl_currency_exponent (sl_workspace_get_currency (self->workspace));
  double scale = 1;

  for (int i = 0; i < exponent; i++)
    scale *= 10;
  return sl_number_format (value / scale, 0, NULL);
}

static void
fill_summary (SlTimelineView *self,
              SlTimeline     *timeline)
{
  const SlTimelineCell *total = sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL);
  const SlTimelineReserve *reserve = sl_timeline_get_reserve (timeline);
  g_autofree char *budget = sl_timeline_view_format_minor (self, sl_timeline_get_budget_minor (timeline));
  g_autofree char *actual = sl_timeline_view_format_minor (self, total->cumulative_actual_minor);
  g_autofree char *outlook = sl_timeline_view_format_minor (self, total->outlook_minor);
  g_autofree char *variance = sl_timeline_view_format_minor (self, total->variance_minor);
  g_autofree char *variance_share = sl_metric_value_format (&total->variance_share, NULL);
  g_autofree char *reserve_amount = sl_timeline_view_format_minor (self, reserve->amount_minor);
  g_autofree char *reserve_drawn = sl_timeline_view_format_minor (self, reserve->drawn_minor);
  g_autofree char *reserve_left = sl_timeline_view_format_minor (self, reserve->left_minor);
  g_autofree char *burn_text = NULL;
  g_autofree char *elapsed_text = NULL;
  g_autofree char *text = NULL;
  SlMetricValue burn, elapsed;

  sl_timeline_get_burn (timeline, &burn, &elapsed);
  burn_text = sl_metric_value_format (&burn, NULL);
  elapsed_text = sl_metric_value_format (&elapsed, NULL);
  /* Translators: the budget; spend so far, the share of the plan it is and
   * the share of the year gone; the outlook and its variance against plan
   * (money, share); the reserve, what plans drew from it, what is left */
  text = g_strdup_printf (_("Budget %s  ·  Spent %s, %s of plan with %s of the year gone  ·  "
                            "Outlook %s, variance %s (%s)  ·  Reserve %s, drawn %s, %s left"),
                          budget, actual, burn_text, elapsed_text, outlook, variance, variance_share,
                          reserve_amount, reserve_drawn, reserve_left);
  gtk_label_set_label (self->summary_label, text);
}

/* Where @day falls, in months from the timeline's start. */
static double
month_position (SlTimeline *timeline,
                SlDay       day)
{
  for (guint m = 0; m < sl_timeline_get_n_months (timeline); m++)
    {
      const SlPeriod *month = &sl_timeline_get_month (timeline, m)->period;

      if (sl_period_contains (month, day))
        return m + (day - month->first + 0.5) / sl_period_n_days (month);
    }
  return -1;
}

static void
fill_chart (SlTimelineView *self,
            SlTimeline     *timeline)
{
  guint n = sl_timeline_get_n_months (timeline);

  sl_timeline_chart_set_n_months (self->chart, n);
  for (guint m = 0; m < n; m++)
    {
      const SlTimelineMonth *month = sl_timeline_get_month (timeline, m);
      const SlTimelineCell *cell = sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m);
      g_autofree char *name = sl_timeline_view_month_name (&month->period);
      g_autofree char *plan = sl_timeline_view_format_minor (self, cell->plan_minor);
      g_autofree char *committed = sl_timeline_view_format_minor (self, cell->committed_minor);
      g_autofree char *actual = sl_timeline_view_format_minor (self, cell->actual_minor);
      g_autofree char *outlook = sl_timeline_view_format_minor (self, cell->outlook_minor);
      g_autofree char *variance = sl_timeline_view_format_minor (self, cell->variance_minor);
      g_autofree char *tooltip = NULL;

      /* Translators: a month, then its plan, committed, actual, outlook and variance */
      tooltip = g_strdup_printf (_("%s\nPlan %s · Committed %s · Actual %s\nOutlook %s · Variance %s"),
                                 name, plan, committed, actual, outlook, variance);
      sl_timeline_chart_set_month (self->chart, m, name, (double)cell->plan_minor, (double)cell->outlook_minor,
                                   cell->plan_minor > 0 && cell->outlook_minor > cell->plan_minor, tooltip);
      sl_timeline_chart_set_month_texts (self->chart, m, plan, outlook);
    }
  sl_timeline_chart_set_n_actual (self->chart, sl_timeline_get_n_actual_months (timeline));
  for (guint e = 0; e < sl_timeline_get_n_events (timeline); e++)
    {
      const SlTimelineEvent *event = sl_timeline_get_event (timeline, e);
      double position = month_position (timeline, event->day);

      if (position >= 0)
        sl_timeline_chart_add_marker (self->chart, position, event->kind, event->title);
    }
}

/* The wins, losses and notes of @channel_id (0: of any) whose days
 * meet the timeline's: the spikes explained. */
static void
add_annotation_markers (SlTimelineView *self,
                        SlTimeline     *timeline,
                        gint64          channel_id)
{
  GListModel *annotations = G_LIST_MODEL (sl_workspace_get_annotations (self->workspace));
  guint n_months = sl_timeline_get_n_months (timeline);
  SlDay first, last;

  if (n_months == 0)
    return;
  first = sl_timeline_get_month (timeline, 0)->period.first;
  last = sl_timeline_get_month (timeline, n_months - 1)->period.last;
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(SlAnnotation) annotation = g_list_model_get_item (annotations, i);
      g_autofree char *label = NULL;

      if (sl_annotation_get_first_day (annotation) > last || sl_annotation_get_last_day (annotation) < first ||
          (channel_id != 0 && sl_annotation_get_channel_id (annotation) != channel_id))
        continue;
      /* Translators: a marker's tooltip: an annotation's kind and title, e.g. “Win: Webinar leads doubled” */
      label = g_strdup_printf (_("%s: %s"), sl_annotation_kind_get_label (sl_annotation_get_kind (annotation)),
                               sl_annotation_get_title (annotation));
      /* In the middle of its days (of those the timeline shows). */
      sl_timeline_chart_add_marker (self->chart,
                                    (month_position (timeline, MAX (first, sl_annotation_get_first_day (annotation))) +
                                     month_position (timeline, MIN (last, sl_annotation_get_last_day (annotation)))) / 2,
                                    SL_TIMELINE_CHART_MARKER_NOTE, label);
    }
}

/* Each channel's outlook, stacked month by month. */
static void
fill_channel_chart (SlTimelineView *self,
                    SlTimeline     *timeline)
{
  guint n_months = sl_timeline_get_n_months (timeline);
  guint n_channels = sl_timeline_get_n_channels (timeline);

  sl_bar_chart_set_size (self->channel_chart, n_channels, n_months);
  for (guint m = 0; m < n_months; m++)
    {
      g_autofree char *name = sl_timeline_view_month_name (&sl_timeline_get_month (timeline, m)->period);

      sl_bar_chart_set_category (self->channel_chart, m, name);
    }
  for (guint c = 0; c < n_channels; c++)
    {
      sl_bar_chart_set_series_name (self->channel_chart, c,
                                    sl_timeline_view_channel_name (self, sl_timeline_get_channel_id (timeline, c)));
      for (guint m = 0; m < n_months; m++)
        {
          const SlTimelineCell *cell = sl_timeline_get_cell (timeline, c, m);
          g_autofree char *text = sl_timeline_view_format_minor (self, cell->outlook_minor);

          sl_bar_chart_set_value (self->channel_chart, c, m, (double)cell->outlook_minor, text);
        }
    }
}

static void
fill_drivers (SlTimelineView *self,
              SlTimeline     *timeline)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint d = 0; d < sl_timeline_get_n_drivers (timeline); d++)
    {
      const SlTimelineDriver *driver = sl_timeline_get_driver (timeline, d);
      g_autofree char *name = sl_timeline_view_month_name (&sl_timeline_get_month (timeline, driver->month)->period);
      g_autofree char *amount = sl_timeline_view_format_minor (self, driver->variance_minor);
      g_autofree char *share = sl_metric_value_format (&driver->share, NULL);

      if (d > 0)
        g_string_append (text, ", ");
      /* Translators: a month, its variance against plan, and its share of the year's variance */
      g_string_append_printf (text, _("%s (%s, %s)"), name, amount, share);
    }
  if (text->len == 0)
    gtk_label_set_label (self->drivers_label, _("No variance against plan."));
  else
    {
      /* Translators: %s lists months with their variance, e.g. “June ($12,000, 60 %)” */
      g_autofree char *line = g_strdup_printf (_("Most of the variance came from %s."), text->str);

      gtk_label_set_label (self->drivers_label, line);
    }
}

static void
add_cell (GtkGrid    *grid,
          int         column,
          int         row,
          const char *text,
          gboolean    header,
          gboolean    over)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, header ? "dim-label" : "numeric");
  if (over)
    gtk_widget_add_css_class (label, "error");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
fill_month_row (SlTimelineView       *self,
                int                   row,
                int                   column,
                const SlTimelineCell *cell)
{
  const gint64 amounts[] = {
    cell->plan_minor, cell->committed_minor, cell->actual_minor, cell->forecast_minor,
    cell->outlook_minor, cell->variance_minor,
  };
  g_autofree char *share = sl_metric_value_format (&cell->variance_share, NULL);
  g_autofree char *cumulative = sl_timeline_view_format_minor (self, cell->cumulative_variance_minor);

  for (guint k = 0; k < G_N_ELEMENTS (amounts); k++)
    {
      g_autofree char *text = sl_timeline_view_format_minor (self, amounts[k]);

      add_cell (self->month_grid, column, row + k, text, FALSE, k == 5 && amounts[k] > 0);
    }
  add_cell (self->month_grid, column, row + 6, share, FALSE, cell->variance_minor > 0);
  add_cell (self->month_grid, column, row + 7, cumulative, FALSE, cell->cumulative_variance_minor > 0);
}

static void
fill_months (SlTimelineView *self,
             SlTimeline     *timeline)
{
  static const char *rows[] = {
    N_("Plan"), N_("Committed"), N_("Actual"), N_("Forecast"), N_("Outlook"), N_("Variance"),
    /* xgettext:no-c-format */
    N_("Variance %"), N_("Cumulative variance"),
  };
  guint n = sl_timeline_get_n_months (timeline);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->month_grid))) != NULL)
    gtk_grid_remove (self->month_grid, child);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    add_cell (self->month_grid, 0, r + 1, _(rows[r]), TRUE, FALSE);
  for (guint m = 0; m <= n; m++)
    {
      g_autofree char *name = m < n ? sl_timeline_view_month_name (&sl_timeline_get_month (timeline, m)->period)
                                    : g_strdup (_("Year"));

      add_cell (self->month_grid, m + 1, 0, name, TRUE, FALSE);
      fill_month_row (self, 1, m + 1,
                      sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, m < n ? m : SL_TIMELINE_TOTAL));
    }
}

static void
refresh_now (SlTimelineView *self)
{
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(SlTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  SlDay as_of = self->as_of;
  SlPeriod year;
  SlScope scope;

  if (self->workspace == NULL)
    return;
  /* Actuals are known up to the last day imported: later months are
   * still estimates, even when their dates have passed. */
  if (as_of == SL_DAY_INVALID)
    {
      SlDay last = sl_workspace_get_last_actual_day (self->workspace);

      as_of = sl_day_today ();
      if (last != SL_DAY_INVALID && last + 1 < as_of)
        as_of = last + 1;
    }
  metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  sl_workspace_get_fiscal_year (self->workspace, sl_view_filter_get_period (self->filter)->first, &year);
  sl_view_filter_get_scope (self->filter, &scope);
  timeline = sl_timeline_compute (metrics, &year, as_of,
                                  sl_campaign_store_get_scope_channel (sl_workspace_get_campaigns (self->workspace),
                                                                       &scope),
                                  NULL, &error);
  if (timeline == NULL)
    {
      g_warning ("Could not compute the timeline: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_summary (self, timeline);
  fill_chart (self, timeline);
  add_annotation_markers (self, timeline,
                          sl_campaign_store_get_scope_channel (sl_workspace_get_campaigns (self->workspace), &scope));
  fill_channel_chart (self, timeline);
  fill_drivers (self, timeline);
  sl_timeline_view_fill_warnings (self, timeline);
  fill_months (self, timeline);
  /* Deadlines count down from the real today, whatever the figures' day. */
  sl_timeline_view_fill_events (self, timeline, self->as_of != SL_DAY_INVALID ? self->as_of : sl_day_today ());
  gtk_stack_set_visible_child_name (self->stack,
                                    sl_timeline_get_budget_minor (timeline) != 0 ||
                                    sl_timeline_get_cell (timeline, SL_TIMELINE_TOTAL, SL_TIMELINE_TOTAL)->actual_minor != 0
                                    ? "timeline" : "empty");
}

/* Hidden views catch up when they are shown. */
static void
refresh (SlTimelineView *self)
{
  sl_view_refresh (SL_VIEW (self));
}

static void
sl_timeline_view_map (GtkWidget *widget)
{
  sl_view_catch_up (SL_VIEW (widget));
  GTK_WIDGET_CLASS (sl_timeline_view_parent_class)->map (widget);
}

static void
sl_timeline_view_dispose (GObject *object)
{
  SlTimelineView *self = (SlTimelineView *)object;

  sl_timeline_view_set_context (self, NULL, NULL);
  /* AdwBin unparents its child itself; let it before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_TIMELINE_VIEW);

  G_OBJECT_CLASS (sl_timeline_view_parent_class)->dispose (object);
}

static void
sl_timeline_view_class_init (SlTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_timeline_view_dispose;
  widget_class->map = sl_timeline_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, chart_box);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, drivers_label);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, warning_list);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, month_scroller);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, event_list);
  gtk_widget_class_bind_template_child (widget_class, SlTimelineView, channel_box);
}

static void
sl_timeline_view_init (SlTimelineView *self)
{
  self->as_of = SL_DAY_INVALID;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart = SL_TIMELINE_CHART (sl_timeline_chart_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Plan and outlook by month"), -1);
  sl_timeline_chart_set_formatter (self->chart, format_axis, self, NULL);
  gtk_box_append (self->chart_box, GTK_WIDGET (self->chart));
  self->channel_chart = SL_BAR_CHART (sl_bar_chart_new ());
  sl_bar_chart_set_stacked (self->channel_chart, TRUE);
  sl_bar_chart_set_formatter (self->channel_chart, format_axis, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->channel_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outlook by channel and month"), -1);
  gtk_box_append (self->channel_box, GTK_WIDGET (self->channel_chart));
  sl_rtl_scroll_attach (GTK_SCROLLABLE (gtk_scrolled_window_get_child (self->month_scroller)));
}

static void
workspace_changed_cb (SlTimelineView *self)
{
  refresh (self);
}

void
sl_timeline_view_set_context (SlTimelineView *self,
                              SlWorkspace    *workspace,
                              SlViewFilter   *filter)
{
  g_return_if_fail (SL_IS_TIMELINE_VIEW (self));
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

void
sl_timeline_view_set_as_of (SlTimelineView *self,
                            SlDay           as_of)
{
  g_return_if_fail (SL_IS_TIMELINE_VIEW (self));

  self->as_of = as_of;
  if (self->filter != NULL)
    refresh (self);
}

SlTimelineChart *
sl_timeline_view_get_chart (SlTimelineView *self)
{
  g_return_val_if_fail (SL_IS_TIMELINE_VIEW (self), NULL);
  return self->chart;
}

const char *
sl_timeline_view_get_cell_text (SlTimelineView *self,
                                guint           row,
                                guint           column)
{
  GtkWidget *label;

  g_return_val_if_fail (SL_IS_TIMELINE_VIEW (self), NULL);

  label = gtk_grid_get_child_at (self->month_grid, column + 1, row + 1);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

char *
sl_timeline_view_dup_warnings_text (SlTimelineView *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (SL_IS_TIMELINE_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->warning_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_string_append_printf (text, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (text, FALSE);
}

static void
sl_timeline_view_iface_set_context (SlView       *view,
                       SlWorkspace  *workspace,
                       SlViewFilter *filter)
{
  sl_timeline_view_set_context (SL_TIMELINE_VIEW (view), workspace, filter);
}

static void
sl_timeline_view_iface_refresh (SlView *view)
{
  refresh_now (SL_TIMELINE_VIEW (view));
}

static void
sl_timeline_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_timeline_view_iface_set_context;
  iface->refresh = sl_timeline_view_iface_refresh;
}
