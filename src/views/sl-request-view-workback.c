/* sl-request-view-workback.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-request-view-private.h"
#include "sl-tooltip.h"
#include "sl-view-text.h"
#include "sl-workspace-requests.h"

/* Working back from revenue: per channel, a revenue target typed in and
 * what it takes at the channel's current funnel rates (customers, SQLs,
 * MQLs, leads, spend; sl_workspace_work_back()), with a button putting
 * that spend in the request, spread over its months. */

enum {
  COLUMN_NAME,
  COLUMN_TARGET,
  COLUMN_CUSTOMERS,
  COLUMN_SQLS,
  COLUMN_MQLS,
  COLUMN_LEADS,
  COLUMN_SPEND,
  COLUMN_USE,
};

static GtkWidget *
attach_label (SlRequestView *self,
              const char    *text,
              int            column,
              int            row,
              gboolean       heading)
{
  return sl_view_attach_label (self->workback_grid, text, column, row, heading);
}

static void
set_value (GtkWidget           *label,
           const SlMetricValue *value)
{
  g_autofree char *text = value != NULL ? sl_metric_value_format (value, NULL) : g_strdup ("");

  gtk_label_set_label (GTK_LABEL (label), text);
  sl_tooltip_set_text (label, value != NULL && !sl_metric_value_is_defined (value)
                                ? sl_metric_reason_get_label (value->reason) : NULL);
}

/* Reads the target typed for @channel_id; FALSE when there is none or
 * it is not an amount (shown under the grid). */
static gboolean
read_target (SlRequestView *self,
             gint64         channel_id,
             gint64        *minor)
{
  const char *text = g_hash_table_lookup (self->targets, &channel_id);
  g_autoptr(GError) error = NULL;
  SlMoney amount;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (!sl_money_parse (text, sl_workspace_get_currency (self->workspace), NULL, &amount, &error))
    {
      sl_view_show_error (self->workback_error, error);
      return FALSE;
    }
  *minor = amount.minor;
  return TRUE;
}

/* Fills row @row (channel @channel_id) from its target. */
static void
update_row (SlRequestView *self,
            int            row,
            gint64         channel_id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *use = gtk_grid_get_child_at (self->workback_grid, COLUMN_USE, row);
  SlFunnelWorkBack back;
  gboolean has = FALSE;
  gint64 target;
  SlMoney spend;

  sl_view_show_error (self->workback_error, NULL);
  if (read_target (self, channel_id, &target))
    {
      has = sl_workspace_work_back (self->workspace, channel_id, target, sl_request_view_get_as_of (self),
                                    &back, &error);
      if (!has)
        g_warning ("Could not work back the target: %s", error->message);
    }
  set_value (gtk_grid_get_child_at (self->workback_grid, COLUMN_CUSTOMERS, row), has ? &back.customers : NULL);
  set_value (gtk_grid_get_child_at (self->workback_grid, COLUMN_SQLS, row), has ? &back.sqls : NULL);
  set_value (gtk_grid_get_child_at (self->workback_grid, COLUMN_MQLS, row), has ? &back.mqls : NULL);
  set_value (gtk_grid_get_child_at (self->workback_grid, COLUMN_LEADS, row), has ? &back.leads : NULL);
  set_value (gtk_grid_get_child_at (self->workback_grid, COLUMN_SPEND, row), has ? &back.spend : NULL);
  gtk_widget_set_sensitive (use, has && sl_request_view_is_editable (self) &&
                                 sl_metric_value_to_money (&back.spend, &spend) && spend.minor > 0);
}

static void
target_changed_cb (SlRequestView *self,
                   GtkEditable   *entry)
{
  gint64 channel_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "channel-id"));
  int row;

  g_hash_table_insert (self->targets, g_memdup2 (&channel_id, sizeof channel_id),
                       g_strdup (gtk_editable_get_text (entry)));
  gtk_grid_query_child (self->workback_grid, GTK_WIDGET (entry), NULL, &row, NULL, NULL);
  update_row (self, row, channel_id);
}

/* Puts the worked-back spend of @channel_id in the request, spread over
 * its months: the remainder of the division goes to the first months,
 * a minor unit each, so that the months add up to the spend exactly. */
static void
use_clicked_cb (SlRequestView *self,
                GtkButton     *button)
{
  gint64 channel_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "channel-id"));
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (SlRequestLineSpec));
  g_autoptr(GError) error = NULL;
  guint n = self->months->len;
  SlFunnelWorkBack back;
  gint64 target;
  SlMoney spend;

  if (n == 0 || !read_target (self, channel_id, &target) ||
      !sl_workspace_work_back (self->workspace, channel_id, target, sl_request_view_get_as_of (self), &back,
                               &error) ||
      !sl_metric_value_to_money (&back.spend, &spend) || spend.minor <= 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      SlRequestLineSpec line = {
        channel_id, g_array_index (self->months, SlPeriod, i).first,
        spend.minor / n + ((guint64)i < (guint64)(spend.minor % n) ? 1 : 0),
        sl_request_view_get_row_goal (self, channel_id),
      };

      g_array_append_val (lines, line);
    }
  if (!sl_workspace_set_request_lines (self->workspace, self->request_id, (SlRequestLineSpec *)lines->data,
                                       lines->len, &error))
    sl_view_show_error (self->workback_error, error);
}

static void
attach_channel (SlRequestView *self,
                SlChannel     *channel,
                int            row)
{
  gint64 id = sl_record_get_id (SL_RECORD (channel));
  const char *text = g_hash_table_lookup (self->targets, &id);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use"));
  g_autofree char *name = NULL;

  attach_label (self, sl_channel_get_name (channel), COLUMN_NAME, row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  g_object_set_data (G_OBJECT (entry), "channel-id", GSIZE_TO_POINTER (id));
  name = g_strdup_printf ("target-%" G_GINT64_FORMAT, id);
  gtk_widget_set_name (entry, name);
  g_free (name);
  /* Translators: accessible name of a revenue target; %s is a channel name */
  name = g_strdup_printf (_("Revenue target for %s"), sl_channel_get_name (channel));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_grid_attach (self->workback_grid, entry, COLUMN_TARGET, row, 1, 1);
  for (int column = COLUMN_CUSTOMERS; column <= COLUMN_SPEND; column++)
    attach_label (self, "", column, row, FALSE);
  g_free (name);
  name = g_strdup_printf ("spend-%" G_GINT64_FORMAT, id);
  gtk_widget_set_name (gtk_grid_get_child_at (self->workback_grid, COLUMN_SPEND, row), name);

  g_free (name);
  name = g_strdup_printf ("use-%" G_GINT64_FORMAT, id);
  gtk_widget_set_name (use, name);
  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (use, _("Put this spend in the request, spread over its months"));
  g_object_set_data (G_OBJECT (use), "channel-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (use, "clicked", G_CALLBACK (use_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (self->workback_grid, use, COLUMN_USE, row, 1, 1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (target_changed_cb), self, G_CONNECT_SWAPPED);
  update_row (self, row, id);
}

void
sl_request_view_workback_refresh (SlRequestView *self)
{
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (self->workspace));
  g_autofree char *caption = NULL;
  g_autofree char *day = NULL;
  g_autofree char *window_days = NULL;
  GtkWidget *child;
  SlPeriod as_of;

  sl_period_init (&as_of, SL_PERIOD_DAY, sl_workspace_get_calendar (self->workspace),
                  sl_workspace_get_fiscal_start_month (self->workspace), sl_request_view_get_as_of (self));
  day = sl_period_format (&as_of, NULL);
  window_days = sl_number_format (SL_FUNNEL_RATES_TRAILING_DAYS, 0, NULL);
  /* Translators: a number of days (e.g. “90”), then a date */
  caption = g_strdup_printf (_("Type the revenue a channel should bring in: what it takes is worked back "
                               "through its funnel, at its rates over the %s days before %s, to the spend "
                               "to ask for."), window_days, day);
  gtk_label_set_label (self->workback_caption, caption);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->workback_grid))) != NULL)
    gtk_grid_remove (self->workback_grid, child);
  attach_label (self, _("Channel"), COLUMN_NAME, 0, TRUE);
  attach_label (self, _("Target revenue"), COLUMN_TARGET, 0, TRUE);
  attach_label (self, _("Customers"), COLUMN_CUSTOMERS, 0, TRUE);
  attach_label (self, _("SQLs"), COLUMN_SQLS, 0, TRUE);
  attach_label (self, _("MQLs"), COLUMN_MQLS, 0, TRUE);
  attach_label (self, _("Leads"), COLUMN_LEADS, 0, TRUE);
  attach_label (self, _("Spend"), COLUMN_SPEND, 0, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (channels); i++)
    {
      g_autoptr(SlChannel) channel = g_list_model_get_item (channels, i);

      attach_channel (self, channel, i + 1);
    }
}
