/* sl-collab-common.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-collab.h"
#include "sl-collab-common.h"
#include "sl-metric.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace-requests.h"

const char * const sl_annotation_kinds[] = {
  SL_ANNOTATION_WIN, SL_ANNOTATION_LOSS, SL_ANNOTATION_EXPERIMENT, SL_ANNOTATION_NOTE,
  SL_ANNOTATION_UNEXPECTED_EXPENSE, NULL
};

static const struct
{
  const char *kind;
  const char *label;
  const char *icon_name;
} kind_info[] = {
  { SL_ANNOTATION_WIN, N_("Win"), "starred-symbolic" },
  { SL_ANNOTATION_LOSS, N_("Loss"), "dialog-warning-symbolic" },
  { SL_ANNOTATION_EXPERIMENT, N_("Experiment"), "system-search-symbolic" },
  { SL_ANNOTATION_NOTE, N_("Note"), "document-edit-symbolic" },
  { SL_ANNOTATION_UNEXPECTED_EXPENSE, N_("Unexpected expense"), "dialog-information-symbolic" },
};

const char *
sl_annotation_kind_get_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_info); i++)
    if (g_strcmp0 (kind_info[i].kind, kind) == 0)
      return _(kind_info[i].label);
  return kind;
}

const char *
sl_annotation_kind_get_icon_name (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_info); i++)
    if (g_strcmp0 (kind_info[i].kind, kind) == 0)
      return kind_info[i].icon_name;
  return "document-edit-symbolic";
}

void
sl_collab_range_to_period (SlWorkspace *workspace,
                           SlDay        first,
                           SlDay        last,
                           SlPeriod    *out)
{
  static const SlPeriodKind kinds[] = { SL_PERIOD_MONTH, SL_PERIOD_QUARTER, SL_PERIOD_FISCAL_YEAR };
  SlCalendar calendar = sl_workspace_get_calendar (workspace);
  int fiscal_start = sl_workspace_get_fiscal_start_month (workspace);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      sl_period_init (out, kinds[i], calendar, fiscal_start, first);
      if (out->first == first && out->last == last)
        return;
    }
  if (!sl_period_init_custom (out, calendar, first, MAX (first, last), NULL))
    sl_period_init (out, SL_PERIOD_DAY, calendar, fiscal_start, first);
}

char *
sl_collab_format_range (SlWorkspace *workspace,
                        SlDay        first,
                        SlDay        last)
{
  SlPeriod period;

  sl_collab_range_to_period (workspace, first, last, &period);
  return sl_period_format (&period, NULL);
}

char *
sl_collab_format_day (SlWorkspace *workspace,
                      gint64       usec)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  SlPeriod day;

  if (local == NULL)
    return g_strdup ("");
  sl_period_init (&day, SL_PERIOD_DAY, sl_workspace_get_calendar (workspace),
                  sl_workspace_get_fiscal_start_month (workspace),
                  sl_day_from_ymd (g_date_time_get_year (local), g_date_time_get_month (local),
                                   g_date_time_get_day_of_month (local)));
  return sl_period_format (&day, NULL);
}

char *
sl_collab_format_target (const char *metric,
                         gint64      target,
                         const char *unit,
                         const char *currency)
{
  SlMetricUnit ratio_unit = SL_METRIC_UNIT_PERCENT;
  SlMetricValue value;
  SlMetric known;

  if (metric != NULL && sl_metric_from_string (metric, &known) && sl_metric_get_unit (known) == SL_METRIC_UNIT_MULTIPLE)
    ratio_unit = SL_METRIC_UNIT_MULTIPLE;
  if (g_strcmp0 (unit, "money") == 0)
    sl_metric_value_init_money (&value, target, currency);
  else if (g_strcmp0 (unit, "basis-points") == 0)
    sl_metric_value_init_fraction (&value, ratio_unit, target, 10000, NULL, SL_METRIC_REASON_NONE);
  else if (g_strcmp0 (unit, "days") == 0)
    sl_metric_value_init_fraction (&value, SL_METRIC_UNIT_DAYS, target, 1, NULL, SL_METRIC_REASON_NONE);
  else
    sl_metric_value_init_count (&value, target);
  return sl_metric_value_format (&value, NULL);
}

gboolean
sl_collab_scope_contains (const SlScope *scope,
                          gint64         channel_id,
                          gint64         campaign_id)
{
  switch (scope->kind)
    {
    case SL_SCOPE_CHANNEL:
      return channel_id == scope->id;
    case SL_SCOPE_CAMPAIGN:
      return campaign_id == scope->id;
    case SL_SCOPE_WORKSPACE:
    default:
      return TRUE;
    }
}

char *
sl_collab_format_scope (SlWorkspace *workspace,
                        gint64       channel_id,
                        gint64       campaign_id)
{
  SlChannel *channel = sl_channel_store_lookup (sl_workspace_get_channels (workspace), channel_id);
  SlCampaign *campaign = sl_campaign_store_lookup (sl_workspace_get_campaigns (workspace), campaign_id);

  if (channel == NULL)
    return g_strdup (_("All channels"));
  if (campaign == NULL)
    return g_strdup (sl_channel_get_name (channel));
  /* Translators: a channel and one of its campaigns, e.g. “Search › Brand” */
  return g_strdup_printf (_("%s › %s"), sl_channel_get_name (channel), sl_campaign_get_name (campaign));
}

void
sl_collab_show_toast (GtkWidget  *widget,
                      const char *message,
                      gboolean    undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  /* Toast titles are Pango markup in libadwaita 1.2; ours are text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

GtkWidget *
sl_collab_new_label (const char *text,
                     const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
sl_collab_set_id_action (GtkWidget  *button,
                         const char *action_name,
                         gint64      id)
{
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

void
sl_collab_show_refusal (GtkLabel          *label,
                        GtkScrolledWindow *scroller,
                        const char        *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), 0);
}

gboolean
sl_collab_finish_save (GtkWindow         *dialog,
                       GtkLabel          *label,
                       GtkScrolledWindow *scroller,
                       const GError      *error,
                       guint              saved_signal,
                       gint64             id)
{
  if (error != NULL)
    {
      sl_collab_show_refusal (label, scroller, error->message);
      return FALSE;
    }
  sl_collab_show_refusal (label, scroller, NULL);
  g_signal_emit (dialog, saved_signal, 0, id);
  gtk_window_destroy (dialog);
  return TRUE;
}

const char *
sl_collab_get_refusal (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

/* Shared items and channels by name */

static GListModel *
get_records (SlWorkspace *workspace,
             const char  *type)
{
  if (g_str_equal (type, "plan"))
    return G_LIST_MODEL (sl_workspace_get_realloc_plans (workspace));
  if (g_str_equal (type, "annotation"))
    return G_LIST_MODEL (sl_workspace_get_annotations (workspace));
  if (g_str_equal (type, "request"))
    return G_LIST_MODEL (sl_workspace_get_budget_requests (workspace));
  if (g_str_equal (type, "goal"))
    return G_LIST_MODEL (sl_workspace_get_goals (workspace));
  return NULL;
}

SlRecord *
sl_collab_lookup_target (SlWorkspace *workspace,
                      const char  *doc_id)
{
  g_autofree char *type = NULL;
  g_autofree char *uuid = NULL;
  GListModel *records;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (doc_id == NULL || !sl_collab_parse_doc_id (doc_id, &type, &uuid))
    return NULL;
  records = get_records (workspace, type);
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(SlRecord) record = g_list_model_get_item (records, i);

      if (g_strcmp0 (sl_record_get_uuid (record), uuid) == 0)
        return record;  /* the store keeps it */
    }
  return NULL;
}

const char *
sl_collab_get_target_title (SlWorkspace *workspace,
                         const char  *doc_id)
{
  SlRecord *record = sl_collab_lookup_target (workspace, doc_id);

  if (SL_IS_REALLOC_PLAN (record))
    return sl_realloc_plan_get_title (SL_REALLOC_PLAN (record));
  if (SL_IS_ANNOTATION (record))
    return sl_annotation_get_title (SL_ANNOTATION (record));
  if (SL_IS_REQUEST (record))
    return sl_budget_request_get_title (SL_REQUEST (record));
  if (SL_IS_GOAL (record))
    return sl_goal_get_objective (SL_GOAL (record));
  return NULL;
}

char *
sl_collab_dup_channel_name (SlWorkspace *workspace,
                                 gint64       channel_id)
{
  SlChannel *channel;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (channel_id == 0)
    return g_strdup (_("Reserve"));
  channel = sl_channel_store_lookup (sl_workspace_get_channels (workspace), channel_id);
  return g_strdup (channel != NULL ? sl_channel_get_name (channel) : _("A deleted channel"));
}
