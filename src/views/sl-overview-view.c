/* sl-overview-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-kpi-card.h"
#include "sl-overview.h"
#include "sl-overview-view.h"
#include "sl-sparkline.h"
#include "sl-view.h"

struct _SlOverviewView
{
  AdwBin        parent_instance;

  GtkStack     *stack;
  GtkFlowBox   *cards;
  GtkListBox   *flag_list;

  SlWorkspace  *workspace;
  SlViewFilter *filter;
  GPtrArray    *card_widgets;  /* SlKpiCard, in order */
  GPtrArray    *flags;         /* SlFlag of the period */
  GtkListBoxRow *more_row;     /* "Show n more flags", or NULL */
  guint         n_flags_shown;
  guint         n_flags;
};

static void sl_overview_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlOverviewView, sl_overview_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_overview_view_view_iface_init))

static void
set_change (SlKpiCard          *card,
            const SlKpiSummary *kpi,
            const char         *previous_label)
{
  g_autofree char *text = NULL;
  SlKpiCardArrow arrow = SL_KPI_CARD_ARROW_NONE;
  SlKpiCardTone tone = SL_KPI_CARD_NEUTRAL;

  if (!sl_metric_value_is_defined (&kpi->change))
    {
      /* Translators: the period before, then why there is no change to show */
      text = g_strdup_printf (_("No change to show against %s (%s)"), previous_label,
                              sl_metric_reason_get_label (kpi->change.reason));
    }
  else
    {
      g_autofree char *change = sl_metric_value_format (&kpi->change, NULL);

      /* Translators: the change in percent, and the period before, e.g. “12.0 % against May 2025” */
      text = g_strdup_printf (_("%s against %s"), change, previous_label);
      arrow = kpi->change.num > 0 ? SL_KPI_CARD_ARROW_UP
              : kpi->change.num < 0 ? SL_KPI_CARD_ARROW_DOWN : SL_KPI_CARD_ARROW_FLAT;
      tone = kpi->verdict == SL_KPI_CHANGE_GOOD ? SL_KPI_CARD_GOOD
             : kpi->verdict == SL_KPI_CHANGE_BAD ? SL_KPI_CARD_BAD : SL_KPI_CARD_NEUTRAL;
    }
  sl_kpi_card_set_change (card, text, arrow, tone);
}

static void
set_goal (SlKpiCard          *card,
          const SlKpiSummary *kpi)
{
  g_autofree char *target = sl_metric_value_format (&kpi->target, NULL);
  g_autofree char *text = NULL;
  SlMetricValue gap = kpi->gap;
  g_autofree char *gap_text = NULL;

  switch (kpi->goal_status)
    {
    case SL_KPI_GOAL_MET:
      /* Translators: the goal's target, e.g. “Goal $1,000,000.00 met” */
      text = g_strdup_printf (_("Goal %s met"), target);
      sl_kpi_card_set_goal (card, text, SL_KPI_CARD_GOAL_MET);
      break;
    case SL_KPI_GOAL_BEHIND:
      if (sl_metric_value_is_defined (&gap) && gap.num < 0)
        gap.num = -gap.num;
      gap_text = sl_metric_value_format (&gap, NULL);
      /* Translators: the goal's target and how far the figure is from it */
      text = g_strdup_printf (_("Goal %s: %s to go"), target, gap_text);
      sl_kpi_card_set_goal (card, text, SL_KPI_CARD_GOAL_BEHIND);
      break;
    case SL_KPI_GOAL_UNKNOWN:
      /* Translators: the goal's target, when the figure cannot be compared with it */
      text = g_strdup_printf (_("Goal %s: cannot tell yet"), target);
      sl_kpi_card_set_goal (card, text, SL_KPI_CARD_GOAL_UNKNOWN);
      break;
    case SL_KPI_GOAL_NONE:
    default:
      sl_kpi_card_set_goal (card, _("No goal for this period"), SL_KPI_CARD_NO_GOAL);
      break;
    }
}

static void
set_trend (SlKpiCard          *card,
           const SlKpiSummary *kpi)
{
  guint n = kpi->trend != NULL ? kpi->trend->len : 0;
  g_autofree double *values = g_new0 (double, MAX (n, 1));
  g_autofree gboolean *defined = g_new0 (gboolean, MAX (n, 1));
  GtkWidget *sparkline = sl_sparkline_new ();

  for (guint i = 0; i < n; i++)
    defined[i] = sl_metric_value_to_double (&g_array_index (kpi->trend, SlMetricValue, i), &values[i]);
  sl_sparkline_set_values (SL_SPARKLINE (sparkline), values, defined, n);
  /* The card takes the focus: one tab stop per card, not two. */
  gtk_widget_set_focusable (sparkline, FALSE);
  sl_kpi_card_set_trend_widget (card, sparkline);
}

GtkWidget *
sl_overview_view_create_card (const SlKpiSummary *kpi,
                              const char         *previous_label)
{
  SlKpiCard *card = SL_KPI_CARD (sl_kpi_card_new ());
  g_autofree char *value = sl_metric_value_format (&kpi->value, NULL);

  sl_kpi_card_set_title (card, sl_kpi_summary_get_label (kpi), sl_kpi_summary_get_description (kpi));
  sl_kpi_card_set_value (card, value, sl_metric_value_is_defined (&kpi->value)
                                      ? NULL : sl_metric_reason_get_label (kpi->value.reason));
  set_change (card, kpi, previous_label);
  set_goal (card, kpi);
  set_trend (card, kpi);
  return GTK_WIDGET (card);
}

static void
fill_cards (SlOverviewView *self,
            SlOverview     *overview)
{
  g_autofree char *previous = sl_period_format (sl_overview_get_previous_period (overview), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);
  g_ptr_array_set_size (self->card_widgets, 0);

  for (guint i = 0; i < sl_overview_get_n_kpis (overview); i++)
    {
      GtkWidget *card = sl_overview_view_create_card (sl_overview_get_kpi (overview, i), previous);

      gtk_flow_box_append (self->cards, card);
      g_ptr_array_add (self->card_widgets, card);
    }
}

/* The first flags show at once (the checker puts the gravest kinds
 * first); the others on request, so a long list does not slow the view. */
#define FIRST_FLAGS 5

/* A label of a flag's row. Whole words: wrapping anywhere makes GTK
 * shape the text once per character when it measures the narrowest the
 * row can be, and a page of flags then takes a second to lay out. */
static GtkWidget *
new_flag_label (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
append_flag (SlOverviewView *self,
             const SlFlag   *flag)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *name = NULL;

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), new_flag_label (flag->message, "flag-title"));
  if (flag->action != NULL)
    gtk_box_append (GTK_BOX (text), new_flag_label (flag->action, "dim-label"));
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "flag-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  name = flag->action != NULL ? g_strconcat (flag->message, " ", flag->action, NULL) : g_strdup (flag->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_insert (self->flag_list, row, self->n_flags_shown++);
}

void
sl_overview_view_show_all_flags (SlOverviewView *self)
{
  g_return_if_fail (SL_IS_OVERVIEW_VIEW (self));

  if (self->more_row == NULL || self->flags == NULL)
    return;
  gtk_list_box_remove (self->flag_list, GTK_WIDGET (self->more_row));
  self->more_row = NULL;
  for (guint i = self->n_flags_shown; i < self->flags->len; i++)
    append_flag (self, g_ptr_array_index (self->flags, i));
}

static void
flag_list_activated_cb (SlOverviewView *self,
                        GtkListBoxRow  *row)
{
  if (row == self->more_row)
    sl_overview_view_show_all_flags (self);
}

static void
fill_flags (SlOverviewView *self,
            SlOverview     *overview)
{
  GPtrArray *flags = sl_overview_get_flags (overview);
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->flag_list))) != NULL)
    gtk_list_box_remove (self->flag_list, row);
  g_clear_pointer (&self->flags, g_ptr_array_unref);
  self->flags = flags != NULL ? g_ptr_array_ref (flags) : NULL;
  self->more_row = NULL;
  self->n_flags_shown = 0;
  self->n_flags = flags != NULL ? flags->len : 0;
  for (guint i = 0; i < self->n_flags && i < FIRST_FLAGS; i++)
    append_flag (self, g_ptr_array_index (flags, i));
  if (self->n_flags > FIRST_FLAGS)
    {
      g_autofree char *count = sl_number_format (self->n_flags - FIRST_FLAGS, 0, NULL);
      /* Translators: %s is a number of further flags, in the locale's digits */
      g_autofree char *text = g_strdup_printf (ngettext ("Show %s more flag", "Show %s more flags",
                                                         self->n_flags - FIRST_FLAGS), count);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_append (self->flag_list, row);
      self->more_row = GTK_LIST_BOX_ROW (row);
    }
  if (self->n_flags == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing to raise with finance this period"));
      gtk_list_box_append (self->flag_list, row);
    }
}

static void
refresh_now (SlOverviewView *self)
{
  g_autoptr(SlMetrics) metrics = NULL;
  g_autoptr(SlOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  SlAttributionModel model;
  SlFlagsOptions options;
  SlScope scope;

  if (self->workspace == NULL)
    return;
  metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  sl_view_filter_get_scope (self->filter, &scope);
  model = sl_view_filter_get_model (self->filter);
  sl_flags_options_init (&options);
  overview = sl_overview_compute (metrics, sl_view_filter_get_period (self->filter), &scope,
                                  sl_view_filter_get_attributed (self->filter) ? &model : NULL, &options, &error);
  if (overview == NULL)
    {
      g_warning ("Could not compute the overview: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_cards (self, overview);
  fill_flags (self, overview);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (sl_workspace_get_channels (self->workspace))) > 0
                                    ? "overview" : "empty");
}

/* Hidden views catch up when they are shown. */
static void
refresh (SlOverviewView *self)
{
  sl_view_refresh (SL_VIEW (self));
}

static void
sl_overview_view_map (GtkWidget *widget)
{
  sl_view_catch_up (SL_VIEW (widget));
  GTK_WIDGET_CLASS (sl_overview_view_parent_class)->map (widget);
}

static void
sl_overview_view_dispose (GObject *object)
{
  SlOverviewView *self = (SlOverviewView *)object;

  sl_overview_view_set_context (self, NULL, NULL);
  /* AdwBin unparents its child itself; let it before the template. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_OVERVIEW_VIEW);
  g_clear_pointer (&self->card_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->flags, g_ptr_array_unref);

  G_OBJECT_CLASS (sl_overview_view_parent_class)->dispose (object);
}

static void
sl_overview_view_class_init (SlOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_overview_view_dispose;
  widget_class->map = sl_overview_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewView, cards);
  gtk_widget_class_bind_template_child (widget_class, SlOverviewView, flag_list);
  gtk_widget_class_bind_template_callback (widget_class, flag_list_activated_cb);
}

static void
sl_overview_view_init (SlOverviewView *self)
{
  self->card_widgets = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
workspace_changed_cb (SlOverviewView *self)
{
  refresh (self);
}

void
sl_overview_view_set_context (SlOverviewView *self,
                              SlWorkspace    *workspace,
                              SlViewFilter   *filter)
{
  g_return_if_fail (SL_IS_OVERVIEW_VIEW (self));
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

GPtrArray *
sl_overview_view_get_cards (SlOverviewView *self)
{
  g_return_val_if_fail (SL_IS_OVERVIEW_VIEW (self), NULL);
  return self->card_widgets;
}

guint
sl_overview_view_get_n_flags (SlOverviewView *self)
{
  g_return_val_if_fail (SL_IS_OVERVIEW_VIEW (self), 0);
  return self->n_flags;
}

guint
sl_overview_view_get_n_flags_shown (SlOverviewView *self)
{
  g_return_val_if_fail (SL_IS_OVERVIEW_VIEW (self), 0);
  return self->n_flags_shown;
}

static void
sl_overview_view_iface_set_context (SlView       *view,
                       SlWorkspace  *workspace,
                       SlViewFilter *filter)
{
  sl_overview_view_set_context (SL_OVERVIEW_VIEW (view), workspace, filter);
}

static void
sl_overview_view_iface_refresh (SlView *view)
{
  refresh_now (SL_OVERVIEW_VIEW (view));
}

static void
sl_overview_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_overview_view_iface_set_context;
  iface->refresh = sl_overview_view_iface_refresh;
}
