/* sl-review-slides.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlReview: the numbers of each agenda item, large enough for a
 * projector: the KPIs as the Overview shows them; a win's or loss's
 * figures as they were when it was written; a plan's moves and what it
 * takes from the reserve; a request's total, reserve and deadline. */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-annotation-snapshot.h"
#include "sl-overview.h"
#include "sl-overview-view.h"
#include "sl-review-private.h"
#include "sl-collab-common.h"
#include "sl-view-text.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace-requests.h"

/* What a win or loss cites, of its snapshot. */
static const SlMetric annotation_figures[] = {
  SL_METRIC_SPEND, SL_METRIC_LEADS, SL_METRIC_NEW_CUSTOMERS,
  SL_METRIC_REVENUE, SL_METRIC_CAC, SL_METRIC_ROI,
};

/* A paragraph, when there is something to say. */
static void
add_paragraph (GtkBox     *box,
               const char *text)
{
  if (text != NULL && text[0] != '\0')
    gtk_box_append (box, sl_collab_new_label (text, NULL));
}

static GtkFlowBox *
create_figures (GtkBox *box)
{
  GtkWidget *figures = gtk_flow_box_new ();

  /* Read, not stepped through: Tab goes on to the discussion (GTK 4.8's
   * flow box keeps Tab when none of its children takes the focus). */
  gtk_widget_set_can_focus (figures, FALSE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (figures), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (figures), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (figures), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (figures), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (figures), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (figures), 12);
  gtk_box_append (box, figures);
  return GTK_FLOW_BOX (figures);
}

/* A big number over what it is. */
static void
add_figure (GtkFlowBox *figures,
            const char *label,
            const char *value)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *child;

  gtk_box_append (GTK_BOX (card), sl_collab_new_label (value, "title-2"));
  gtk_box_append (GTK_BOX (card), sl_collab_new_label (label, "dim-label"));
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "review-figure");
  gtk_flow_box_append (figures, card);
  child = gtk_widget_get_parent (card);
  /* Read, not stepped through: the agenda keeps the keys. */
  gtk_widget_set_focusable (child, FALSE);
}

static void
add_money_figure (GtkFlowBox  *figures,
                  SlWorkspace *workspace,
                  const char  *label,
                  gint64       minor)
{
  g_autofree char *text = sl_view_format_money (workspace, minor);

  add_figure (figures, label, text);
}

static void
add_section (GtkBox     *box,
             const char *heading,
             const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  gtk_box_append (box, sl_collab_new_label (heading, "heading"));
  add_paragraph (box, text);
}

static GtkListBox *
create_list (GtkBox *box)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (box, list);
  return GTK_LIST_BOX (list);
}

static void
add_list_row (GtkListBox *list,
              const char *title,
              const char *subtitle,
              const char *amount)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (list, row);
}

static void
add_warning (GtkBox     *box,
             const char *text)
{
  GtkWidget *label = sl_collab_new_label (text, "warning");

  gtk_box_append (box, label);
}

/* The KPIs */

static void
fill_kpis (SlWorkspace  *workspace,
           SlViewFilter *filter,
           GtkBox       *box)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (workspace));
  g_autoptr(SlOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  SlAttributionModel model = sl_view_filter_get_model (filter);
  GtkWidget *cards;
  SlScope scope;

  sl_view_filter_get_scope (filter, &scope);
  overview = sl_overview_compute (metrics, sl_view_filter_get_period (filter), &scope,
                                  sl_view_filter_get_attributed (filter) ? &model : NULL, NULL, &error);
  if (overview == NULL || sl_overview_get_n_kpis (overview) == 0)
    {
      gtk_box_append (box, sl_collab_new_label (overview == NULL ? error->message
                                        : _("No key figures yet: choose them in Preferences › Overview"), "dim-label"));
      return;
    }
  previous = sl_period_format (sl_overview_get_previous_period (overview), NULL);
  cards = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (cards), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (cards), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (cards), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (cards), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (cards), 12);
  for (guint i = 0; i < sl_overview_get_n_kpis (overview); i++)
    gtk_flow_box_append (GTK_FLOW_BOX (cards),
                         sl_overview_view_create_card (sl_overview_get_kpi (overview, i), previous));
  gtk_box_append (box, cards);
}

/* A win or a loss */

static void
fill_annotation (SlWorkspace  *workspace,
                 SlAnnotation *annotation,
                 GtkBox       *box)
{
  const char *snapshot = sl_annotation_get_snapshot (annotation);
  GtkFlowBox *figures;
  SlReallocPlan *plan;

  add_paragraph (box, sl_annotation_get_body (annotation));
  gtk_box_append (box, sl_collab_new_label (_("The figures when it was written"), "heading"));
  figures = create_figures (box);
  for (guint i = 0; i < G_N_ELEMENTS (annotation_figures); i++)
    {
      g_autofree char *value = NULL;
      SlMetricValue figure;

      if (snapshot == NULL || !sl_annotation_snapshot_get_value (snapshot, annotation_figures[i], &figure, NULL))
        continue;
      value = sl_metric_value_format (&figure, NULL);
      add_figure (figures, sl_metric_get_label (annotation_figures[i]), value);
    }
  add_section (box, _("Next steps"), sl_annotation_get_next_steps (annotation));
  plan = sl_annotation_get_plan_id (annotation) != 0
         ? sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (workspace),
                                         sl_annotation_get_plan_id (annotation))
         : NULL;
  if (plan != NULL)
    add_section (box, _("Reallocation plan"), sl_realloc_plan_get_title (plan));
}

/* A plan */

static void
add_plan_lines (SlWorkspace *workspace,
                gint64       plan_id,
                GtkBox      *box)
{
  GListModel *lines = G_LIST_MODEL (sl_workspace_get_realloc_lines (workspace));
  GtkListBox *list = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlReallocLine) line = g_list_model_get_item (lines, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *from_month = NULL;
      g_autofree char *to_month = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *amount = NULL;

      if (sl_realloc_line_get_plan_id (line) != plan_id)
        continue;
      if (list == NULL)
        list = create_list (box);
      from = sl_collab_dup_channel_name (workspace, sl_realloc_line_get_from_channel_id (line));
      to = sl_collab_dup_channel_name (workspace, sl_realloc_line_get_to_channel_id (line));
      from_month = sl_view_format_month (workspace, sl_realloc_line_get_from_first_day (line));
      to_month = sl_view_format_month (workspace, sl_realloc_line_get_to_first_day (line));
      /* Translators: money moved from one channel (or the reserve) to another, e.g. “Search → Social”;
       * use ← in right-to-left scripts */
      title = g_strdup_printf (C_("money moved", "%s → %s"), from, to);
      /* Translators: the months money moves from and to, e.g. “March 2025 → April 2025” */
      subtitle = g_strdup_printf (C_("money moved", "%s → %s"), from_month, to_month);
      amount = sl_view_format_money (workspace, sl_realloc_line_get_amount_minor (line));
      add_list_row (list, title, subtitle, amount);
    }
}

static void
fill_plan (SlWorkspace   *workspace,
           SlReallocPlan *plan,
           GtkBox        *box)
{
  const char *currency = sl_workspace_get_currency (workspace);
  gint64 id = sl_record_get_id (SL_RECORD (plan));
  g_autoptr(GError) error = NULL;
  SlReallocBalance balance;
  GtkFlowBox *figures;

  add_paragraph (box, sl_realloc_plan_get_rationale (plan));
  if (!sl_workspace_get_realloc_balance (workspace, id, &balance, &error))
    {
      add_warning (box, error->message);
      return;
    }
  figures = create_figures (box);
  add_money_figure (figures, workspace, _("Moved out"), balance.out_minor);
  add_money_figure (figures, workspace, _("Moved in"), balance.in_minor);
  add_money_figure (figures, workspace, _("From the reserve"), balance.declared_minor);
  add_money_figure (figures, workspace, _("Reserve left before it"), balance.left_minor);
  if (!sl_realloc_balance_check (&balance, currency, &error))
    add_warning (box, error->message);
  add_plan_lines (workspace, id, box);
}

/* A budget request */

static void
add_request_channels (SlWorkspace *workspace,
                      gint64       request_id,
                      GtkBox      *box)
{
  g_autoptr(SlBudgetLineStore) lines = sl_budget_line_store_new_for_request (sl_workspace_get_database (workspace),
                                                                             request_id);
  g_autoptr(GHashTable) totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (workspace));
  g_autoptr(GError) error = NULL;
  GtkListBox *list = NULL;

  if (!sl_store_reload (SL_STORE (lines), &error))
    {
      add_warning (box, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (lines)); i++)
    {
      g_autoptr(SlBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (lines), i);
      gint64 key = sl_budget_line_get_is_reserve (line) ? 0 : sl_budget_line_get_channel_id (line);
      gint64 *total = g_hash_table_lookup (totals, &key);
      SlMoney amount;

      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (totals, g_memdup2 (&key, sizeof key), total);
        }
      sl_budget_line_get_amount (line, &amount);
      *total += amount.minor;
    }
  /* In the channels' order, the reserve last. */
  for (guint i = 0; i <= g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlRecord) channel = i < g_list_model_get_n_items (channels) ? g_list_model_get_item (channels, i) : NULL;
      gint64 key = channel != NULL ? sl_record_get_id (channel) : 0;
      gint64 *total = g_hash_table_lookup (totals, &key);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      if (total == NULL)
        continue;
      if (list == NULL)
        list = create_list (box);
      name = sl_collab_dup_channel_name (workspace, key);
      text = sl_view_format_money (workspace, *total);
      add_list_row (list, name, NULL, text);
    }
}

/* “in 12 days” over “Due Dec 5, 2026”. */
static void
add_deadline_figure (GtkFlowBox      *figures,
                     SlWorkspace     *workspace,
                     SlBudgetRequest *request,
                     SlDay            today)
{
  g_autofree char *day = NULL;
  g_autofree char *count = NULL;
  g_autofree char *when = NULL;
  g_autofree char *label = NULL;
  SlDay deadline;
  int days_left;

  sl_budget_request_get_days_left (request, today, &deadline, &days_left);
  if (deadline == SL_DAY_INVALID)
    {
      add_figure (figures, _("Due"), _("No deadline"));
      return;
    }
  day = sl_view_format_day (workspace, deadline);
  count = sl_number_format (ABS (days_left), 0, NULL);
  if (days_left == 0)
    when = g_strdup (_("Today"));
  else if (days_left < 0)
    /* Translators: how long ago the request's deadline passed; %s is a number of days */
    when = g_strdup_printf (ngettext ("%s day ago", "%s days ago", ABS (days_left)), count);
  else
    /* Translators: how long until the request's deadline; %s is a number of days */
    when = g_strdup_printf (ngettext ("In %s day", "In %s days", days_left), count);
  /* Translators: %s is the day the budget request is due */
  label = g_strdup_printf (_("Due %s"), day);
  add_figure (figures, label, when);
}

static void
fill_request (SlWorkspace     *workspace,
              SlBudgetRequest *request,
              SlDay            today,
              GtkBox          *box)
{
  const char *currency = sl_workspace_get_currency (workspace);
  gint64 id = sl_record_get_id (SL_RECORD (request));
  g_autoptr(GError) error = NULL;
  g_autofree char *share = NULL;
  g_autofree char *warning = NULL;
  SlRequestReserve reserve;
  GtkFlowBox *figures;

  add_paragraph (box, sl_budget_request_get_rationale (request));
  if (!sl_budget_request_get_reserve (sl_workspace_get_database (workspace), id, &reserve, &error))
    {
      add_warning (box, error->message);
      return;
    }
  figures = create_figures (box);
  add_money_figure (figures, workspace, _("Total asked for"), reserve.total_minor);
  add_money_figure (figures, workspace, _("Reserve"), reserve.reserve_minor);
  share = sl_metric_value_format (&reserve.share, NULL);
  add_figure (figures, _("Reserve share"), share);
  add_deadline_figure (figures, workspace, request, today);
  warning = sl_request_reserve_get_warning (&reserve, currency);
  if (warning != NULL)
    add_warning (box, warning);
  add_request_channels (workspace, id, box);
}

void
sl_review_fill_numbers (const SlReviewItem *item,
                        SlWorkspace        *workspace,
                        SlViewFilter       *filter,
                        SlDay               meeting_day,
                        GtkBox             *box)
{
  GtkWidget *child;
  SlRecord *record = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  if (item->kind == SL_REVIEW_KPIS)
    {
      fill_kpis (workspace, filter, box);
      return;
    }
  if (item->kind == SL_REVIEW_ANNOTATION)
    record = SL_RECORD (sl_annotation_store_lookup (sl_workspace_get_annotations (workspace), item->id));
  else if (item->kind == SL_REVIEW_PLAN)
    record = SL_RECORD (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (workspace), item->id));
  else if (item->kind == SL_REVIEW_REQUEST)
    record = SL_RECORD (sl_budget_request_store_lookup (sl_workspace_get_budget_requests (workspace), item->id));

  if (SL_IS_ANNOTATION (record))
    fill_annotation (workspace, SL_ANNOTATION (record), box);
  else if (SL_IS_REALLOC_PLAN (record))
    fill_plan (workspace, SL_REALLOC_PLAN (record), box);
  else if (SL_IS_REQUEST (record))
    fill_request (workspace, SL_REQUEST (record), meeting_day, box);
}
