/* sl-goals-view-groups.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Goals page's groups: a goal with its key results and what serves
 * it, and finance's KPI list. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-collab-common.h"
#include "sl-goals-view-private.h"
#include "sl-workspace-goals.h"

/* met, on the way, cannot tell, as the Overview's cards show them. */
static const struct
{
  const char *icon_name;
  const char *css_class;
  const char *label;
} status_info[] = {
  [SL_KPI_GOAL_NONE] = { NULL, "dim-label", NULL },
  [SL_KPI_GOAL_MET] = { "object-select-symbolic", "success", N_("Met") },
  [SL_KPI_GOAL_BEHIND] = { "dialog-warning-symbolic", "warning", N_("On the way") },
  [SL_KPI_GOAL_UNKNOWN] = { "dialog-question-symbolic", "dim-label", N_("Cannot tell") },
};

static GtkWidget *
new_action_row (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* The key result's figure over its own days, for the whole workspace. */
static void
compute_status (SlGoalsView  *self,
                SlMetrics    *metrics,
                SlKeyResult  *kr,
                SlKpiSummary *summary)
{
  g_autoptr(GError) error = NULL;
  SlPeriod period;
  SlMetricValue value;

  if (summary->kind == SL_KPI_KIND_METRIC &&
      sl_period_init_custom (&period, sl_workspace_get_calendar (self->workspace), sl_key_result_get_first_day (kr),
                             sl_key_result_get_last_day (kr), &error) &&
      sl_metrics_compute (metrics, summary->metric, &period, &SL_SCOPE_INIT_WORKSPACE, &value, &error))
    sl_kpi_summary_set_values (summary, &value, &value);
  else if (error != NULL)
    g_warning ("Could not compute a key result: %s", error->message);
  sl_kpi_summary_set_target (summary, sl_record_get_id (SL_RECORD (kr)), sl_key_result_get_target (kr),
                             sl_key_result_get_unit (kr), sl_key_result_get_first_day (kr),
                             sl_key_result_get_last_day (kr), sl_workspace_get_currency (self->workspace));
}

static GtkWidget *
create_key_result_row (SlGoalsView *self,
                       SlMetrics   *metrics,
                       SlKeyResult *kr)
{
  g_autoptr(SlKpiSummary) summary = sl_kpi_summary_new (sl_key_result_get_metric (kr), sl_key_result_get_goal_id (kr));
  g_autofree char *target = sl_collab_format_target (sl_key_result_get_metric (kr), sl_key_result_get_target (kr),
                                                     sl_key_result_get_unit (kr),
                                                     sl_workspace_get_currency (self->workspace));
  g_autofree char *days = sl_collab_format_range (self->workspace, sl_key_result_get_first_day (kr),
                                                  sl_key_result_get_last_day (kr));
  g_autofree char *now = NULL;
  g_autofree char *subtitle = NULL;
  SlGoalsViewStatus *status = g_new0 (SlGoalsViewStatus, 1);
  gint64 *id = g_new (gint64, 1);
  GtkWidget *row, *image, *label;

  compute_status (self, metrics, kr, summary);
  now = sl_metric_value_format (&summary->value, NULL);
  /* Translators: a key result's target, the days it is measured over,
   * and the figure over those days so far, e.g.
   * “Target $5,000,000.00 over FY2025 · now $3,912,440.00” */
  subtitle = g_strdup_printf (_("Target %s over %s · now %s"), target, days, now);
  row = new_action_row (sl_kpi_summary_get_label (summary), subtitle);

  image = gtk_image_new_from_icon_name (status_info[summary->goal_status].icon_name);
  gtk_widget_add_css_class (image, status_info[summary->goal_status].css_class);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  label = gtk_label_new (_(status_info[summary->goal_status].label));
  gtk_widget_add_css_class (label, status_info[summary->goal_status].css_class);
  if (!sl_metric_value_is_defined (&summary->value))
    gtk_widget_set_tooltip_text (label, sl_metric_reason_get_label (summary->value.reason));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  status->status = summary->goal_status;
  status->value = summary->value;
  *id = sl_record_get_id (SL_RECORD (kr));
  g_hash_table_replace (self->statuses, id, status);
  return row;
}

static void
append_count (GString    *text,
              guint       n,
              const char *part)
{
  if (n == 0)
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

/* “2 budget lines · 1 plan · 1 experiment” in the locale's digits, or NULL. */
static char *
format_support (const SlGoalSupport *support)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint others = support->annotations - support->experiments;
  g_autofree char *n_lines = sl_number_format (support->budget_lines, 0, NULL);
  g_autofree char *n_requests = sl_number_format (support->requests, 0, NULL);
  g_autofree char *n_plans = sl_number_format (support->plans, 0, NULL);
  g_autofree char *n_experiments = sl_number_format (support->experiments, 0, NULL);
  g_autofree char *n_others = sl_number_format (others, 0, NULL);
  g_autofree char *n_kpis = sl_number_format (support->kpis, 0, NULL);
  /* Translators: %s is a number, in the locale's digits */
  g_autofree char *lines = g_strdup_printf (ngettext ("%s budget line", "%s budget lines", support->budget_lines),
                                            n_lines);
  /* Translators: %s is a number, in the locale's digits */
  g_autofree char *requests = g_strdup_printf (ngettext ("%s budget request", "%s budget requests",
                                                         support->requests), n_requests);
  /* Translators: %s is a number, in the locale's digits */
  g_autofree char *plans = g_strdup_printf (ngettext ("%s reallocation plan", "%s reallocation plans",
                                                      support->plans), n_plans);
  /* Translators: %s is a number, in the locale's digits */
  g_autofree char *experiments = g_strdup_printf (ngettext ("%s experiment", "%s experiments",
                                                            support->experiments), n_experiments);
  /* Translators: %s is a number, in the locale's digits */
  g_autofree char *notes = g_strdup_printf (ngettext ("%s win, loss or note", "%s wins, losses or notes", others),
                                            n_others);
  /* Translators: %s is a number, in the locale's digits */
  g_autofree char *kpis = g_strdup_printf (ngettext ("%s KPI", "%s KPIs", support->kpis), n_kpis);

  append_count (text, support->budget_lines, lines);
  append_count (text, support->requests, requests);
  append_count (text, support->plans, plans);
  append_count (text, support->experiments, experiments);
  append_count (text, others, notes);
  append_count (text, support->kpis, kpis);
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static GtkWidget *
create_support_row (SlGoalsView *self,
                    gint64       goal_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SlGoalSupport support = { 0 };

  if (!sl_workspace_get_goal_support (self->workspace, goal_id, &support, &error))
    g_warning ("Could not count what serves a goal: %s", error->message);
  text = format_support (&support);
  return new_action_row (_("What serves it"), text != NULL ? text : _("Nothing is tied to this goal yet"));
}

static GtkWidget *
new_header_button (const char *icon_name,
                   const char *tooltip,
                   const char *action_name,
                   gint64      goal_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  return sl_collab_set_id_action (button, action_name, goal_id);
}

/* The objective, its days, framework, author and description, and the
 * buttons that edit and delete it. */
static GtkWidget *
create_header (SlGoalsView *self,
               SlGoal      *goal)
{
  gint64 id = sl_record_get_id (SL_RECORD (goal));
  g_autofree char *days = sl_collab_format_range (self->workspace, sl_goal_get_first_day (goal),
                                                  sl_goal_get_last_day (goal));
  g_autofree char *meta = NULL;
  const char *description = sl_goal_get_description (goal);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  /* Translators: a goal's days, framework and author, e.g. “FY2025 · OKR · Dana” */
  meta = g_strdup_printf (_("%s · %s · %s"), days,
                          g_strcmp0 (sl_goal_get_framework (goal), "v2mom") == 0 ? _("V2MOM") : _("OKR"),
                          sl_goal_get_author (goal));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), sl_collab_new_label (sl_goal_get_objective (goal), "heading"));
  gtk_box_append (GTK_BOX (labels), sl_collab_new_label (meta, "dim-label"));
  if (description != NULL && *description != '\0')
    gtk_box_append (GTK_BOX (labels), sl_collab_new_label (description, "dim-label"));
  gtk_box_append (GTK_BOX (header), labels);
  gtk_box_append (GTK_BOX (header), new_header_button ("document-edit-symbolic", _("Edit goal"), "goals.edit", id));
  gtk_box_append (GTK_BOX (header), new_header_button ("user-trash-symbolic", _("Delete goal"), "goals.delete", id));
  return header;
}

GtkWidget *
sl_goals_view_create_goal_group (SlGoalsView *self,
                                 SlMetrics   *metrics,
                                 SlGoal      *goal)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GListModel *key_results = G_LIST_MODEL (sl_workspace_get_key_results (self->workspace));
  gint64 id = sl_record_get_id (SL_RECORD (goal));
  guint n = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sl_goal_get_objective (goal), -1);
  for (guint i = 0; i < g_list_model_get_n_items (key_results); i++)
    {
      g_autoptr(SlKeyResult) kr = g_list_model_get_item (key_results, i);

      if (sl_key_result_get_goal_id (kr) != id)
        continue;
      gtk_list_box_append (GTK_LIST_BOX (list), create_key_result_row (self, metrics, kr));
      n++;
    }
  if (n == 0)
    gtk_list_box_append (GTK_LIST_BOX (list), new_action_row (_("No key results yet"),
                                                               _("Edit the goal to say what measures it.")));
  gtk_list_box_append (GTK_LIST_BOX (list), create_support_row (self, id));
  gtk_box_append (GTK_BOX (card), create_header (self, goal));
  gtk_box_append (GTK_BOX (card), list);
  g_object_set_data (G_OBJECT (card), "goal-id", GSIZE_TO_POINTER ((gsize)id));
  return card;
}

static void
kpi_goal_changed_cb (AdwComboRow *row,
                     GParamSpec  *pspec,
                     SlGoalsView *self)
{
  GArray *goal_ids = g_object_get_data (G_OBJECT (row), "goal-ids");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL || selected >= goal_ids->len)
    return;
  if (!sl_workspace_link_kpi_goal (self->workspace, g_object_get_data (G_OBJECT (row), "metric"),
                                   g_array_index (goal_ids, gint64, selected), &error))
    sl_collab_show_toast (GTK_WIDGET (self), error->message, FALSE);
}

static GtkWidget *
create_kpi_row (SlGoalsView *self,
                SlKpi       *kpi,
                GListModel  *names,
                GArray      *goal_ids)
{
  g_autoptr(SlKpiSummary) summary = sl_kpi_summary_new (sl_kpi_get_metric_key (kpi), sl_kpi_get_goal_id (kpi));
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  for (guint i = 0; i < goal_ids->len; i++)
    if (g_array_index (goal_ids, gint64, i) == sl_kpi_get_goal_id (kpi))
      selected = i;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_kpi_summary_get_label (summary));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), names);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data_full (G_OBJECT (row), "metric", g_strdup (sl_kpi_get_metric_key (kpi)), g_free);
  g_object_set_data_full (G_OBJECT (row), "goal-ids", g_array_ref (goal_ids), (GDestroyNotify)g_array_unref);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (kpi_goal_changed_cb), self, 0);
  return row;
}

void
sl_goals_view_fill_kpis (SlGoalsView *self)
{
  GListModel *goals = G_LIST_MODEL (sl_workspace_get_goals (self->workspace));
  GListModel *kpis = G_LIST_MODEL (sl_workspace_get_kpis (self->workspace));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  for (guint i = 0; i < self->kpi_rows->len; i++)
    adw_preferences_group_remove (self->kpi_group, self->kpi_rows->pdata[i]);
  g_ptr_array_set_size (self->kpi_rows, 0);

  gtk_string_list_append (names, _("No goal"));
  g_array_append_val (goal_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(SlGoal) goal = g_list_model_get_item (goals, i);
      gint64 id = sl_record_get_id (SL_RECORD (goal));

      gtk_string_list_append (names, sl_goal_get_objective (goal));
      g_array_append_val (goal_ids, id);
    }
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(SlKpi) kpi = g_list_model_get_item (kpis, i);
      GtkWidget *row = create_kpi_row (self, kpi, G_LIST_MODEL (names), goal_ids);

      adw_preferences_group_add (self->kpi_group, row);
      g_ptr_array_add (self->kpi_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_group), self->kpi_rows->len > 0);
}
