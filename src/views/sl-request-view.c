/* sl-request-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-request-view-private.h"
#include "sl-view.h"
#include "sl-view-text.h"
#include "sl-workspace-requests.h"

static void sl_request_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlRequestView, sl_request_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_request_view_view_iface_init))

SlBudgetRequest *
sl_request_view_get_request (SlRequestView *self)
{
  if (self->workspace == NULL || self->request_id == 0)
    return NULL;
  return sl_budget_request_store_lookup (sl_workspace_get_budget_requests (self->workspace), self->request_id);
}

gboolean
sl_request_view_is_editable (SlRequestView *self)
{
  SlBudgetRequest *request = sl_request_view_get_request (self);

  return request != NULL && g_strcmp0 (sl_budget_request_get_status (request), "draft") == 0 &&
         sl_workspace_get_user_role (self->workspace) != SL_USER_ROLE_VIEWER;
}

SlDay
sl_request_view_get_as_of (SlRequestView *self)
{
  SlDay last;

  if (self->as_of != SL_DAY_INVALID)
    return self->as_of;
  last = sl_workspace_get_last_actual_day (self->workspace);
  return last != SL_DAY_INVALID ? last + 1 : sl_day_today ();
}

/* "Due December 18, 2026: 25 days left", red when overdue. */
static void
refresh_deadline (SlRequestView   *self,
                  SlBudgetRequest *request)
{
  SlDay today = self->today != SL_DAY_INVALID ? self->today : sl_day_today ();
  g_autofree char *text = NULL;
  g_autofree char *day = NULL;
  g_autofree char *count = NULL;
  gboolean overdue = FALSE;
  SlDay deadline;
  int left;

  sl_budget_request_get_days_left (request, today, &deadline, &left);
  count = sl_number_format (ABS (left), 0, NULL);
  if (deadline == SL_DAY_INVALID)
    text = g_strdup (_("No deadline"));
  else if (g_strcmp0 (sl_budget_request_get_status (request), "draft") != 0)
    {
      day = sl_view_format_day (self->workspace, deadline);
      /* Translators: %s is a date */
      text = g_strdup_printf (_("Was due %s"), day);
    }
  else if (left > 0)
    {
      day = sl_view_format_day (self->workspace, deadline);
      /* Translators: a date, then a number of days (e.g. “8”) */
      text = g_strdup_printf (ngettext ("Due %s: %s day left", "Due %s: %s days left", left), day, count);
    }
  else if (left == 0)
    {
      day = sl_view_format_day (self->workspace, deadline);
      /* Translators: %s is a date */
      text = g_strdup_printf (_("Due today, %s"), day);
    }
  else
    {
      day = sl_view_format_day (self->workspace, deadline);
      overdue = TRUE;
      /* Translators: a number of days (e.g. “3”), then a date */
      text = g_strdup_printf (ngettext ("Overdue by %s day: it was due %s", "Overdue by %s days: it was due %s",
                                        -left), count, day);
    }
  gtk_label_set_label (self->deadline_label, text);
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "error");
      gtk_widget_add_css_class (self->deadline_icon, "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "error");
      gtk_widget_remove_css_class (self->deadline_icon, "error");
    }
}

static void
refresh_reserve (SlRequestView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *reserve = NULL, *total = NULL, *share = NULL, *text = NULL;
  SlRequestReserve figures;

  if (!sl_budget_request_get_reserve (sl_workspace_get_database (self->workspace), self->request_id, &figures,
                                      &error))
    {
      g_warning ("Could not read the request’s reserve: %s", error->message);
      return;
    }
  reserve = sl_view_format_money (self->workspace, figures.reserve_minor);
  total = sl_view_format_money (self->workspace, figures.total_minor);
  share = sl_metric_value_format (&figures.share, NULL);
  /* Translators: the reserve, the request's total and the reserve's share of it,
   * e.g. “Reserve: $32,000.00 of $400,000.00 (8 %)” */
  text = g_strdup_printf (_("Reserve: %s of %s (%s)"), reserve, total, share);
  gtk_label_set_label (self->reserve_label, text);
  warning = sl_request_reserve_get_warning (&figures, sl_workspace_get_currency (self->workspace));
  gtk_label_set_label (self->reserve_warning, warning != NULL ? warning : "");
  gtk_widget_set_visible (self->reserve_warning_box, warning != NULL);
}

static void
refresh_header (SlRequestView   *self,
                SlBudgetRequest *request)
{
  SlPeriod period;
  g_autofree char *period_text = NULL;
  g_autofree char *line = NULL;
  g_autofree char *caption = NULL;

  sl_period_init_custom (&period, sl_workspace_get_calendar (self->workspace),
                         sl_budget_request_get_first_day (request), sl_budget_request_get_last_day (request), NULL);
  period_text = sl_period_format (&period, NULL);
  /* Translators: a request's days and status, e.g. “Jan 1 – Mar 31, 2027 · Draft” */
  line = g_strdup_printf (_("%s · %s"), period_text,
                          sl_budget_request_status_get_label (sl_budget_request_get_status (request)));
  gtk_label_set_label (self->title_label, sl_budget_request_get_title (request));
  gtk_label_set_label (self->period_label, line);
  refresh_deadline (self, request);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.submit", sl_request_view_is_editable (self));
  gtk_widget_set_visible (self->submit_button, sl_request_view_is_editable (self));
  /* Translators: %s is a currency code such as USD */
  caption = g_strdup_printf (_("Amounts in %s. Each channel’s lines serve the goal chosen on its row."),
                             sl_workspace_get_currency (self->workspace));
  gtk_label_set_label (self->caption, caption);
}

/* The requests to choose from; keeps the one shown, else shows the
 * latest draft, else the latest. */
static void
fill_requests (SlRequestView *self)
{
  GListModel *requests = G_LIST_MODEL (sl_workspace_get_budget_requests (self->workspace));
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (requests);
  guint shown = G_MAXUINT, draft = G_MAXUINT;

  g_array_set_size (self->request_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlBudgetRequest) request = g_list_model_get_item (requests, i);
      gint64 id = sl_record_get_id (SL_RECORD (request));

      gtk_string_list_append (titles, sl_budget_request_get_title (request));
      g_array_append_val (self->request_ids, id);
      if (id == self->request_id)
        shown = i;
      if (g_strcmp0 (sl_budget_request_get_status (request), "draft") == 0)
        draft = i;
    }
  if (shown == G_MAXUINT)
    shown = draft != G_MAXUINT ? draft : n - 1;
  self->updating = TRUE;
  gtk_drop_down_set_model (self->request_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->request_dropdown, n > 0 ? shown : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_visible (GTK_WIDGET (self->request_dropdown), n > 1);
  self->updating = FALSE;
  if (n > 0 && g_array_index (self->request_ids, gint64, shown) != self->request_id)
    {
      self->request_id = g_array_index (self->request_ids, gint64, shown);
      sl_request_view_grid_reload (self);
    }
  else if (n == 0)
    self->request_id = 0;
}

static void
refresh_now (SlRequestView *self)
{
  SlBudgetRequest *request;

  if (self->workspace == NULL)
    return;
  fill_requests (self);
  request = sl_request_view_get_request (self);
  gtk_stack_set_visible_child_name (self->stack, request != NULL ? "request" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.new-quarter",
                                 sl_workspace_get_user_role (self->workspace) != SL_USER_ROLE_VIEWER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.new-year",
                                 sl_workspace_get_user_role (self->workspace) != SL_USER_ROLE_VIEWER);
  if (request == NULL)
    return;
  refresh_header (self, request);
  sl_request_view_grid_refresh (self);
  refresh_reserve (self);
  sl_request_view_workback_refresh (self);
}

static void
refresh (SlRequestView *self)
{
  sl_view_refresh (SL_VIEW (self));
}

static void
workspace_changed_cb (SlRequestView *self,
                      const char    *table)
{
  static const char * const watched[] = {
    "budget_request", "budget_line", "goal", "channel", "workspace", "spend", "deal", NULL,
  };

  if (g_strv_contains (watched, table))
    refresh (self);
}

static void
request_selected_cb (SlRequestView *self)
{
  guint selected = gtk_drop_down_get_selected (self->request_dropdown);

  if (self->updating || selected >= self->request_ids->len)
    return;
  self->request_id = g_array_index (self->request_ids, gint64, selected);
  sl_request_view_grid_reload (self);
  refresh (self);
}

/* A request for the fiscal quarter or year after today's, or the one
 * there is for it already. */
static void
create_request (SlRequestView *self,
                SlPeriodKind   kind)
{
  GListModel *requests = G_LIST_MODEL (sl_workspace_get_budget_requests (self->workspace));
  SlDay today = self->today != SL_DAY_INVALID ? self->today : sl_day_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *period_text = NULL, *title = NULL;
  SlPeriod current, next;
  gint64 id = 0;

  sl_period_init (&current, kind, sl_workspace_get_calendar (self->workspace),
                  sl_workspace_get_fiscal_start_month (self->workspace), today);
  sl_period_next (&current, &next);
  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(SlBudgetRequest) request = g_list_model_get_item (requests, i);

      if (sl_budget_request_get_first_day (request) == next.first &&
          sl_budget_request_get_last_day (request) == next.last)
        id = sl_record_get_id (SL_RECORD (request));
    }
  period_text = sl_period_format (&next, NULL);
  /* Translators: %s is a period, e.g. “Q1 FY2027” */
  title = g_strdup_printf (_("Budget request for %s"), period_text);
  if (id == 0 && !sl_workspace_create_budget_request (self->workspace, title, &next, NULL, &id, &error))
    {
      sl_view_show_error (self->empty_error, error);
      sl_view_show_error (self->header_error, error);
      return;
    }
  sl_view_show_error (self->empty_error, NULL);
  sl_view_show_error (self->header_error, NULL);
  self->request_id = id;
  sl_request_view_grid_reload (self);
  refresh (self);
}

static void
new_quarter_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  create_request (SL_REQUEST_VIEW (widget), SL_PERIOD_QUARTER);
}

static void
new_year_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  create_request (SL_REQUEST_VIEW (widget), SL_PERIOD_FISCAL_YEAR);
}

static void
submit_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SlRequestView *self = SL_REQUEST_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!sl_workspace_submit_budget_request (self->workspace, self->request_id, &error))
    sl_view_show_error (self->header_error, error);
  else
    sl_view_show_error (self->header_error, NULL);
}

static void
sl_request_view_map (GtkWidget *widget)
{
  sl_view_catch_up (SL_VIEW (widget));
  GTK_WIDGET_CLASS (sl_request_view_parent_class)->map (widget);
}

static void
sl_request_view_dispose (GObject *object)
{
  SlRequestView *self = (SlRequestView *)object;

  sl_request_view_set_context (self, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_REQUEST_VIEW);
  g_clear_object (&self->rows);
  g_clear_object (&self->goal_names);
  g_clear_pointer (&self->row_goals, g_hash_table_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  G_OBJECT_CLASS (sl_request_view_parent_class)->dispose (object);
}

static void
sl_request_view_finalize (GObject *object)
{
  SlRequestView *self = (SlRequestView *)object;

  g_array_unref (self->request_ids);
  g_array_unref (self->months);
  g_array_unref (self->goal_ids);
  g_array_unref (self->pending);
  G_OBJECT_CLASS (sl_request_view_parent_class)->finalize (object);
}

static void
sl_request_view_class_init (SlRequestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_request_view_dispose;
  object_class->finalize = sl_request_view_finalize;
  widget_class->map = sl_request_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-request-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SlRequestView, name)
  BIND (stack);
  BIND (empty_error);
  BIND (title_label);
  BIND (period_label);
  BIND (request_dropdown);
  BIND (deadline_icon);
  BIND (deadline_label);
  BIND (submit_button);
  BIND (header_error);
  BIND (caption);
  BIND (column_view);
  BIND (grid_error);
  BIND (reserve_label);
  BIND (reserve_warning_box);
  BIND (reserve_warning);
  BIND (workback_caption);
  BIND (workback_grid);
  BIND (workback_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, request_selected_cb);
  gtk_widget_class_install_action (widget_class, "request.new-quarter", NULL, new_quarter_cb);
  gtk_widget_class_install_action (widget_class, "request.new-year", NULL, new_year_cb);
  gtk_widget_class_install_action (widget_class, "request.submit", NULL, submit_cb);
}

static void
sl_request_view_init (SlRequestView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* In code, where the message can say it is no format. */
  adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                   /* xgettext:no-c-format */
                                   _("Ask finance for the next period’s budget: an amount per channel and month, "
                                     "each serving a goal, and a reserve of 5–10 %."));
  self->request_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->months = g_array_new (FALSE, TRUE, sizeof (SlPeriod));
  self->goal_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->pending = g_array_new (FALSE, TRUE, sizeof (SlRequestLineSpec));
  self->row_goals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->today = SL_DAY_INVALID;
  self->as_of = SL_DAY_INVALID;
  sl_request_view_grid_init (self);
}

void
sl_request_view_set_context (SlRequestView *self,
                             SlWorkspace   *workspace,
                             SlViewFilter  *filter)
{
  g_return_if_fail (SL_IS_REQUEST_VIEW (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  self->request_id = 0;
  if (self->row_goals != NULL)
    {
      g_hash_table_remove_all (self->row_goals);
      g_hash_table_remove_all (self->targets);
    }
  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "notify::user-role", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      refresh (self);
    }
  else if (self->rows != NULL)
    sl_request_view_grid_reload (self);
}

gint64
sl_request_view_get_request_id (SlRequestView *self)
{
  g_return_val_if_fail (SL_IS_REQUEST_VIEW (self), 0);
  sl_view_catch_up (SL_VIEW (self));
  return self->request_id;
}

void
sl_request_view_set_days (SlRequestView *self,
                          SlDay          today,
                          SlDay          as_of)
{
  g_return_if_fail (SL_IS_REQUEST_VIEW (self));
  self->today = today;
  self->as_of = as_of;
  if (self->workspace != NULL)
    refresh (self);
}

GListModel *
sl_request_view_get_rows (SlRequestView *self)
{
  g_return_val_if_fail (SL_IS_REQUEST_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
sl_request_view_get_n_months (SlRequestView *self)
{
  g_return_val_if_fail (SL_IS_REQUEST_VIEW (self), 0);
  return self->months->len;
}

const SlPeriod *
sl_request_view_get_month (SlRequestView *self,
                           guint          month)
{
  g_return_val_if_fail (SL_IS_REQUEST_VIEW (self), NULL);
  g_return_val_if_fail (month < self->months->len, NULL);
  return &g_array_index (self->months, SlPeriod, month);
}

static void
sl_request_view_iface_set_context (SlView       *view,
                                   SlWorkspace  *workspace,
                                   SlViewFilter *filter)
{
  sl_request_view_set_context (SL_REQUEST_VIEW (view), workspace, filter);
}

static void
sl_request_view_iface_refresh (SlView *view)
{
  refresh_now (SL_REQUEST_VIEW (view));
}

static void
sl_request_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_request_view_iface_set_context;
  iface->refresh = sl_request_view_iface_refresh;
}
