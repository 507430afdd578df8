/* sl-scenario-compare.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-realloc-plan.h"
#include "sl-realloc-scenario.h"
#include "sl-scenario-compare.h"
#include "sl-tooltip.h"
#include "sl-view-text.h"

struct _SlScenarioCompare
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkGrid        *grid;

  SlWorkspace    *workspace;
  char           *group;
  SlDay           as_of;
  guint           n_plans;
};

G_DEFINE_FINAL_TYPE (SlScenarioCompare, sl_scenario_compare, ADW_TYPE_WINDOW)

static const char * const field_labels[] = {
  [SL_SCENARIO_FIELD_TITLE] = NULL,
  [SL_SCENARIO_FIELD_STATUS] = N_("Status"),
  [SL_SCENARIO_FIELD_MOVED] = N_("Spend moved"),
  [SL_SCENARIO_FIELD_DRAW] = N_("Reserve draw"),
  [SL_SCENARIO_FIELD_LEFT] = N_("Reserve left after it"),
  [SL_SCENARIO_FIELD_LEADS] = N_("Forecast leads"),
  [SL_SCENARIO_FIELD_CUSTOMERS] = N_("Forecast customers"),
  [SL_SCENARIO_FIELD_REVENUE] = N_("Forecast revenue"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_labels) == SL_SCENARIO_N_FIELDS);

static GtkWidget *
attach (SlScenarioCompare *self,
        const char        *text,
        guint              column,
        SlScenarioField    field)
{
  GtkWidget *label = sl_view_attach_label (self->grid, text, column, field,
                                           column == 0 || field == SL_SCENARIO_FIELD_TITLE);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  return label;
}

static void
attach_value (SlScenarioCompare   *self,
              const SlMetricValue *value,
              guint                column,
              SlScenarioField      field)
{
  g_autofree char *text = sl_metric_value_format (value, NULL);
  GtkWidget *label = attach (self, text, column, field);

  if (!sl_metric_value_is_defined (value))
    sl_tooltip_set_text (label, sl_metric_reason_get_label (value->reason));
}

static void
attach_plan (SlScenarioCompare   *self,
             const SlScenarioRow *row,
             guint                column)
{
  g_autofree char *moved = sl_view_format_money (self->workspace, row->moved_minor);
  g_autofree char *draw = sl_view_format_money (self->workspace, row->reserve_draw_minor);
  g_autofree char *left = sl_view_format_money (self->workspace, row->reserve_left_minor);

  attach (self, row->title, column, SL_SCENARIO_FIELD_TITLE);
  attach (self, sl_realloc_status_get_label (row->status), column, SL_SCENARIO_FIELD_STATUS);
  attach (self, moved, column, SL_SCENARIO_FIELD_MOVED);
  attach (self, draw, column, SL_SCENARIO_FIELD_DRAW);
  attach (self, left, column, SL_SCENARIO_FIELD_LEFT);
  attach_value (self, &row->effect.leads, column, SL_SCENARIO_FIELD_LEADS);
  attach_value (self, &row->effect.customers, column, SL_SCENARIO_FIELD_CUSTOMERS);
  attach_value (self, &row->effect.revenue, column, SL_SCENARIO_FIELD_REVENUE);
}

static void
refresh (SlScenarioCompare *self)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_plans = 0;
  rows = sl_realloc_compare_scenarios (metrics, self->group, sl_workspace_get_calendar (self->workspace),
                                       sl_workspace_get_fiscal_start_month (self->workspace), self->as_of, &error);
  if (rows == NULL)
    {
      g_warning ("Could not compare the scenarios: %s", error->message);
      return;
    }
  for (guint f = SL_SCENARIO_FIELD_STATUS; f < SL_SCENARIO_N_FIELDS; f++)
    attach (self, _(field_labels[f]), 0, f);
  for (guint i = 0; i < rows->len; i++)
    attach_plan (self, &g_array_index (rows, SlScenarioRow, i), i + 1);
  self->n_plans = rows->len;
}

static void
workspace_changed_cb (SlScenarioCompare *self,
                      const char        *table)
{
  if (g_str_has_prefix (table, "realloc_") || g_str_equal (table, "budget_line"))
    refresh (self);
}

static void
sl_scenario_compare_dispose (GObject *object)
{
  SlScenarioCompare *self = (SlScenarioCompare *)object;

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->group, g_free);
  G_OBJECT_CLASS (sl_scenario_compare_parent_class)->dispose (object);
}

static void
sl_scenario_compare_class_init (SlScenarioCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_scenario_compare_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sl_scenario_compare_init (SlScenarioCompare *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Compare Scenarios"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  gtk_box_append (GTK_BOX (box), header);

  self->grid = GTK_GRID (grid);
  gtk_widget_set_name (grid, "scenarios");
  gtk_grid_set_column_spacing (self->grid, 24);
  gtk_grid_set_row_spacing (self->grid, 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenarios side by side"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 440);
  gtk_window_set_title (GTK_WINDOW (self), _("Compare Scenarios"));
}

GtkWidget *
sl_scenario_compare_new (SlWorkspace *workspace,
                         const char  *scenario_group,
                         SlDay        as_of)
{
  SlScenarioCompare *self;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (scenario_group != NULL, NULL);

  self = g_object_new (SL_TYPE_SCENARIO_COMPARE, NULL);
  self->workspace = g_object_ref (workspace);
  self->group = g_strdup (scenario_group);
  self->as_of = as_of;
  adw_window_title_set_subtitle (self->window_title, scenario_group);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}

guint
sl_scenario_compare_get_n_plans (SlScenarioCompare *self)
{
  g_return_val_if_fail (SL_IS_SCENARIO_COMPARE (self), 0);
  return self->n_plans;
}

const char *
sl_scenario_compare_get_text (SlScenarioCompare *self,
                              guint              plan,
                              SlScenarioField    field)
{
  GtkWidget *label;

  g_return_val_if_fail (SL_IS_SCENARIO_COMPARE (self), NULL);
  g_return_val_if_fail (plan < self->n_plans && field < SL_SCENARIO_N_FIELDS, NULL);

  label = gtk_grid_get_child_at (self->grid, plan + 1, field);
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}
