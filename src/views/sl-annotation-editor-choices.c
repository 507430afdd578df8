/* sl-annotation-editor-choices.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The annotation editor's lists: channels, campaigns, goals, and the
 * months a loss's plan moves money between. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-annotation-editor-private.h"
#include "sl-workspace-goals.h"

#define N_MONTHS 24  /* the fiscal year of the annotation and the next */

guint
sl_annotation_editor_find_id (GArray *ids,
                              gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

gint64
sl_annotation_editor_selected_id (AdwComboRow *row,
                                  GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static const char *
channel_name (gpointer record)
{
  return sl_channel_get_name (record);
}

static const char *
campaign_name (gpointer record)
{
  return sl_campaign_get_name (record);
}

static const char *
goal_name (gpointer record)
{
  return sl_goal_get_objective (record);
}

/* @first_name (id 0), then every record of @records named by @get_name. */
static GListModel *
new_names (GListModel   *records,
           const char   *first_name,
           const char *(*get_name) (gpointer),
           gint64        only_channel,
           GArray       *ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (names, first_name);
  g_array_append_val (ids, none);
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(SlRecord) record = g_list_model_get_item (records, i);
      gint64 id = sl_record_get_id (record);

      if (only_channel != 0 && sl_campaign_get_channel_id (SL_CAMPAIGN (record)) != only_channel)
        continue;
      gtk_string_list_append (names, get_name (record));
      g_array_append_val (ids, id);
    }
  return G_LIST_MODEL (names);
}

static void
fill_months (SlAnnotationEditor *self,
             SlDay               months_from)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  SlPeriod month;

  sl_workspace_get_fiscal_year (self->workspace, months_from, &month);
  sl_period_init (&month, SL_PERIOD_MONTH, sl_workspace_get_calendar (self->workspace),
                  sl_workspace_get_fiscal_start_month (self->workspace), month.first);
  g_array_set_size (self->months, 0);
  for (guint i = 0; i < N_MONTHS; i++)
    {
      g_autofree char *name = sl_period_format (&month, NULL);

      g_array_append_val (self->months, month.first);
      gtk_string_list_append (names, name);
      sl_period_next (&month, &month);
    }
  g_clear_object (&self->month_names);
  self->month_names = G_LIST_MODEL (names);
}

void
sl_annotation_editor_fill_choices (SlAnnotationEditor *self,
                                   SlDay               months_from)
{
  GListModel *channels = G_LIST_MODEL (sl_workspace_get_channels (self->workspace));
  g_autoptr(GArray) line_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) channel_names = NULL;
  g_autoptr(GListModel) goal_names = NULL;

  channel_names = new_names (channels, _("All channels"), channel_name, 0, self->channel_ids);
  adw_combo_row_set_model (self->channel_row, channel_names);
  /* The same channels, in the same order, for the lines of a plan. */
  g_clear_object (&self->line_channels);
  self->line_channels = new_names (channels, _("The reserve"), channel_name, 0, line_ids);
  goal_names = new_names (G_LIST_MODEL (sl_workspace_get_goals (self->workspace)), _("No goal"),
                          goal_name, 0, self->goal_ids);
  adw_combo_row_set_model (self->goal_row, goal_names);
  fill_months (self, months_from);
  sl_annotation_editor_fill_campaigns (self);
}

void
sl_annotation_editor_fill_campaigns (SlAnnotationEditor *self)
{
  gint64 channel_id = sl_annotation_editor_selected_id (self->channel_row, self->channel_ids);
  g_autoptr(GListModel) names = NULL;

  names = new_names (channel_id != 0 ? G_LIST_MODEL (sl_workspace_get_campaigns (self->workspace)) : NULL,
                     _("No campaign"), campaign_name, channel_id, self->campaign_ids);
  adw_combo_row_set_model (self->campaign_row, names);
  adw_combo_row_set_selected (self->campaign_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_row), self->campaign_ids->len > 1);
}
