/* sl-workspace-settings.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: undoable edits of its settings and of its list of KPIs,
 * each one command on the undo stack, checked before it is written. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-kpi-command.h"
#include "sl-set-field-command.h"
#include "sl-workspace.h"

G_DEFINE_QUARK (sl-workspace-error-quark, sl_workspace_error)

static gboolean
set_field (SlWorkspace  *self,
           const char   *label,
           const char   *column,
           JsonNode     *value,
           GError      **error)
{
  g_autoptr(JsonNode) owned = value;

  return sl_workspace_run (self, sl_set_field_command_new (label, "workspace", 1, column, owned), error);
}

static gboolean
set_int (SlWorkspace  *self,
         const char   *label,
         const char   *column,
         int           current,
         int           value,
         GError      **error)
{
  if (value == current)
    return TRUE;
  return set_field (self, label, column, json_node_init_int (json_node_alloc (), value), error);
}

static gboolean
check_range (int           value,
             int           min,
             int           max,
             const char   *message,
             GError      **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error_literal (error, SL_WORKSPACE_ERROR, SL_WORKSPACE_ERROR_INVALID_SETTING, message);
  return FALSE;
}

gboolean
sl_workspace_set_name (SlWorkspace  *self,
                       const char   *name,
                       GError      **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, SL_WORKSPACE_ERROR, SL_WORKSPACE_ERROR_INVALID_SETTING,
                           _("A workspace needs a name"));
      return FALSE;
    }
  if (g_strcmp0 (stripped, sl_workspace_get_name (self)) == 0)
    return TRUE;

  /* Translators: an undo label */
  return set_field (self, _("Rename the workspace"), "name",
                    json_node_init_string (json_node_alloc (), stripped), error);
}

gboolean
sl_workspace_set_calendar (SlWorkspace  *self,
                           SlCalendar    calendar,
                           GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (!check_range (calendar, SL_CALENDAR_GREGORIAN, SL_CALENDAR_THAI,
                    _("That calendar is not one Sunlight knows"), error))
    return FALSE;
  if (calendar == sl_workspace_get_calendar (self))
    return TRUE;

  /* Translators: an undo label */
  return set_field (self, _("Change the calendar"), "calendar",
                    json_node_init_string (json_node_alloc (), sl_calendar_to_string (calendar)), error);
}

gboolean
sl_workspace_set_fiscal_start_month (SlWorkspace  *self,
                                     int           month,
                                     GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  return check_range (month, 1, 12, _("The fiscal year must start in a month from 1 to 12"), error) &&
         /* Translators: an undo label */
         set_int (self, _("Change the start of the fiscal year"), "fiscal_start_month",
                  sl_workspace_get_fiscal_start_month (self), month, error);
}

gboolean
sl_workspace_set_reserve_basis_points (SlWorkspace  *self,
                                       int           basis_points,
                                       GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  return check_range (basis_points, 0, 10000,
                      _("The reserve must be from 0 to 100 percent of the budget"), error) &&
         /* Translators: an undo label */
         set_int (self, _("Change the reserve"), "reserve_basis_points",
                  sl_workspace_get_reserve_basis_points (self), basis_points, error);
}

gboolean
sl_workspace_set_deadline_offset_days (SlWorkspace  *self,
                                       int           days,
                                       GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (days < 0 || days > SL_WORKSPACE_MAX_DEADLINE_OFFSET)
    {
      g_autofree char *most = sl_number_format (SL_WORKSPACE_MAX_DEADLINE_OFFSET, 0, NULL);

      g_set_error (error, SL_WORKSPACE_ERROR, SL_WORKSPACE_ERROR_INVALID_SETTING,
                   /* Translators: %s is the most days allowed, 365, in your digits */
                   _("The budget request deadline must be from 0 to %s days before the quarter"),
                   most);
      return FALSE;
    }

  /* Translators: an undo label */
  return set_int (self, _("Change the budget request deadline"), "deadline_offset_days",
                  sl_workspace_get_deadline_offset_days (self), days, error);
}

gboolean
sl_workspace_set_checkin_day (SlWorkspace  *self,
                              int           day,
                              GError      **error)
{
  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (day < 1 || day > SL_WORKSPACE_MAX_CHECKIN_DAY)
    {
      g_autofree char *last = sl_number_format (SL_WORKSPACE_MAX_CHECKIN_DAY, 0, NULL);

      g_set_error (error, SL_WORKSPACE_ERROR, SL_WORKSPACE_ERROR_INVALID_SETTING,
                   /* Translators: %s is the last day allowed, 28 (every month has it), in your digits */
                   _("The monthly check-in must fall on a day from 1 to %s"),
                   last);
      return FALSE;
    }

  /* Translators: an undo label */
  return set_int (self, _("Change the check-in day"), "checkin_day",
                  sl_workspace_get_checkin_day (self), day, error);
}

/* The list of KPIs */

static const char *
metric_label (const char *key)
{
  SlMetric metric;

  return sl_metric_from_string (key, &metric) ? sl_metric_get_label (metric) : key;
}

gboolean
sl_workspace_add_kpi (SlWorkspace  *self,
                      SlMetric      metric,
                      GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail ((guint)metric < SL_METRIC_N_METRICS, FALSE);

  /* Translators: an undo label; %s is a metric, e.g. “Cost per lead (CPL)” */
  label = g_strdup_printf (_("Add %s to the Overview"), sl_metric_get_label (metric));
  return sl_workspace_run (self, sl_kpi_command_new_add (label, metric), error);
}

gboolean
sl_workspace_remove_kpi (SlWorkspace  *self,
                         const char   *metric,
                         GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);

  /* Translators: an undo label; %s is a metric, e.g. “Cost per lead (CPL)” */
  label = g_strdup_printf (_("Remove %s from the Overview"), metric_label (metric));
  return sl_workspace_run (self, sl_kpi_command_new_remove (label, metric), error);
}

gboolean
sl_workspace_move_kpi (SlWorkspace  *self,
                       const char   *metric,
                       int           delta,
                       GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  label = g_strdup_printf (delta < 0
                           /* Translators: an undo label; %s is a metric, e.g. “Cost per lead (CPL)” */
                           ? _("Move %s up the Overview")
                           /* Translators: an undo label; %s is a metric, e.g. “Cost per lead (CPL)” */
                           : _("Move %s down the Overview"),
                           metric_label (metric));
  return sl_workspace_run (self, sl_kpi_command_new_move (label, metric, delta), error);
}
