/* sl-timeline-view-lists.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Timeline's lists: overspend warnings and the finance calendar;
 * and the helpers the view's files share. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-timeline-view-private.h"

/* Shared helpers */

char *
sl_timeline_view_format_minor (SlTimelineView *self,
                               gint64          minor)
{
  SlMoney money;

  sl_money_init (&money, minor, sl_workspace_get_currency (self->workspace));
  return sl_money_format (&money, NULL);
}

char *
sl_timeline_view_month_name (const SlPeriod *month)
{
  return sl_calendar_month_name (month->calendar, month->index, NULL);
}

const char *
sl_timeline_view_channel_name (SlTimelineView *self,
                               gint64          id)
{
  SlChannel *channel = sl_channel_store_lookup (sl_workspace_get_channels (self->workspace), id);

  return channel != NULL ? sl_channel_get_name (channel) : "?";
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

static void
append_row (GtkListBox *list,
            const char *title,
            const char *subtitle,
            const char *icon_name,
            const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      if (css_class != NULL)
        gtk_widget_add_css_class (icon, css_class);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_append (list, row);
}

static char *
dup_warning_text (SlTimelineView          *self,
                  SlTimeline              *timeline,
                  const SlTimelineWarning *warning)
{
  g_autofree char *over = sl_timeline_view_format_minor (self, warning->over_minor);
  g_autofree char *month = NULL;

  if (warning->month != SL_TIMELINE_TOTAL)
    month = sl_timeline_view_month_name (&sl_timeline_get_month (timeline, warning->month)->period);
  switch (warning->kind)
    {
    case SL_TIMELINE_WARNING_PERIOD_OVER_PLAN:
      {
        g_autofree char *beyond = sl_timeline_view_format_minor (self, warning->beyond_reserve_minor);

        if (warning->beyond_reserve_minor <= 0)
          /* Translators: how much the year is expected over plan */
          return g_strdup_printf (_("The year is heading %s over plan; what is left of the reserve covers it"), over);
        /* Translators: how much the year is expected over plan, and how much of it the reserve does not cover */
        return g_strdup_printf (_("The year is heading %s over plan; %s of it beyond what is left of the reserve"),
                                over, beyond);
      }
    case SL_TIMELINE_WARNING_RESERVE_OVERDRAWN:
      /* Translators: by how much reallocation plans overdrew the reserve */
      return g_strdup_printf (_("Reallocation plans drew %s more than the reserve holds"), over);
    case SL_TIMELINE_WARNING_ACTUAL_OVER_PLAN:
      /* Translators: a channel, a month, and how much it spent over its plan */
      return g_strdup_printf (_("%s spent %s over plan in %s"), sl_timeline_view_channel_name (self, warning->channel_id), over, month);
    case SL_TIMELINE_WARNING_OUTLOOK_OVER_PLAN:
    default:
      /* Translators: a channel, a month, and how much it is expected to spend over its plan */
      return g_strdup_printf (_("%s is expected %s over plan in %s"), sl_timeline_view_channel_name (self, warning->channel_id), over,
                              month);
    }
}

/* The year's and the reserve's warnings, then the largest channel-month
 * overspends; the rest are counted. */
#define MAX_MONTH_WARNINGS 5

/* Largest overspend first. */
static int
compare_over (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SlTimelineWarning *x = *(SlTimelineWarning * const *)a;
  const SlTimelineWarning *y = *(SlTimelineWarning * const *)b;

  return (y->over_minor > x->over_minor) - (y->over_minor < x->over_minor);
}

void
sl_timeline_view_fill_warnings (SlTimelineView *self,
                                SlTimeline     *timeline)
{
  guint n = sl_timeline_get_n_warnings (timeline);
  g_autoptr(GPtrArray) months = g_ptr_array_new ();
  guint shown = 0;

  clear_list (self->warning_list);
  for (guint w = 0; w < n; w++)
    {
      const SlTimelineWarning *warning = sl_timeline_get_warning (timeline, w);

      if (warning->month == SL_TIMELINE_TOTAL)
        {
          g_autofree char *text = dup_warning_text (self, timeline, warning);

          append_row (self->warning_list, text, NULL, "dialog-warning-symbolic", "warning");
        }
      else
        g_ptr_array_add (months, (gpointer)warning);
    }
  g_ptr_array_sort_with_data (months, compare_over, NULL);
  for (; shown < months->len && shown < MAX_MONTH_WARNINGS; shown++)
    {
      g_autofree char *text = dup_warning_text (self, timeline, g_ptr_array_index (months, shown));

      append_row (self->warning_list, text, NULL, "dialog-warning-symbolic", "warning");
    }
  if (shown < months->len)
    {
      g_autofree char *count = sl_number_format (months->len - shown, 0, NULL);
      /* Translators: %s is a number, in the locale's digits */
      g_autofree char *more = g_strdup_printf (ngettext ("%s more smaller overspend this year",
                                                         "%s more smaller overspends this year",
                                                         months->len - shown),
                                               count);

      append_row (self->warning_list, more, NULL, NULL, NULL);
    }
  if (n == 0)
    append_row (self->warning_list, _("Every month is at or under plan"), NULL, "emblem-ok-symbolic", "success");
}

void
sl_timeline_view_fill_events (SlTimelineView *self,
                              SlTimeline     *timeline,
                              SlDay           as_of)
{
  guint shown = 0;

  clear_list (self->event_list);
  for (guint e = 0; e < sl_timeline_get_n_events (timeline) && shown < 6; e++)
    {
      const SlTimelineEvent *event = sl_timeline_get_event (timeline, e);
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      SlPeriod day;
      int days;

      if (event->day < as_of)
        continue;
      sl_period_init (&day, SL_PERIOD_DAY, sl_workspace_get_calendar (self->workspace),
                      sl_workspace_get_fiscal_start_month (self->workspace), event->day);
      when = sl_period_format (&day, NULL);
      days = event->day - as_of;
      /* Translators: a date, then how far it is; e.g. “December 5, 2026 — in 12 days” */
      if (days == 0)
        subtitle = g_strdup_printf (_("%s — today"), when);
      else
        {
          g_autofree char *count = sl_number_format (days, 0, NULL);

          /* Translators: a date, then a number of days (in the locale's digits) */
          subtitle = g_strdup_printf (ngettext ("%s — in %s day", "%s — in %s days", days), when, count);
        }
      append_row (self->event_list, event->title, subtitle,
                  event->kind == SL_TIMELINE_EVENT_DEADLINE ? "alarm-symbolic" : "x-office-calendar-symbolic", NULL);
      shown++;
    }
  if (shown == 0)
    append_row (self->event_list, _("Nothing due for the rest of the year"), NULL, NULL, NULL);
}

