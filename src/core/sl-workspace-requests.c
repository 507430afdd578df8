/* sl-workspace-requests.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWorkspace: budget requests for the next period. */

#define G_LOG_DOMAIN "sunlight-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sl-budget-line.h"
#include "sl-collab.h"
#include "sl-command-group.h"
#include "sl-row-command.h"
#include "sl-set-field-command.h"
#include "sl-workspace-private.h"
#include "sl-workspace-requests.h"

static const char line_sql[] =
  "SELECT id FROM budget_line WHERE version = 'request' AND request_id = ?1 AND first_day = ?2 "
  "AND campaign_id IS NULL AND ((?3 = 0 AND is_reserve = 1) OR (channel_id = ?3 AND is_reserve = 0))";

SlBudgetRequestStore *
sl_workspace_get_budget_requests (SlWorkspace *self)
{
  return sl_workspace_ensure_store (self, SL_TYPE_BUDGET_REQUEST_STORE);
}

gboolean
sl_workspace_create_budget_request (SlWorkspace     *self,
                                    const char      *title,
                                    const SlPeriod  *period,
                                    const char      *rationale,
                                    gint64          *out_id,
                                    GError         **error)
{
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(SlCommand) insert = NULL;
  g_autofree char *text = sl_collab_strip (title);
  g_autofree char *label = NULL;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!sl_collab_check_can_write (self, error))
    return FALSE;
  if (text == NULL)
    return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, _("A budget request needs a title"));

  values = json_object_new ();
  json_object_set_string_member (values, "title", text);
  json_object_set_int_member (values, "first_day", period->first);
  json_object_set_int_member (values, "last_day", period->last);
  json_object_set_int_member (values, "deadline_day", period->first - sl_workspace_get_deadline_offset_days (self));
  json_object_set_string_member (values, "rationale", rationale ? rationale : "");
  json_object_set_string_member (values, "author", sl_workspace_get_author (self));
  json_object_set_int_member (values, "created_at", now);
  json_object_set_int_member (values, "updated_at", now);
  /* Translators: an undo label; %s is a request's title */
  label = g_strdup_printf (_("Add budget request “%s”"), text);
  insert = sl_row_command_new_insert (label, "budget_request", values);
  return sl_collab_run_insert (self, g_object_ref (insert), insert, out_id, error);
}

static SlBudgetRequest *
find_draft (SlWorkspace  *self,
            gint64        request_id,
            GError      **error)
{
  SlBudgetRequest *request = sl_budget_request_store_lookup (sl_workspace_get_budget_requests (self), request_id);

  if (!sl_collab_check_can_write (self, error))
    return NULL;
  if (request == NULL)
    {
      sl_collab_refuse (error, SL_COLLAB_ERROR_NOT_FOUND, _("The budget request no longer exists"));
      return NULL;
    }
  if (g_strcmp0 (sl_budget_request_get_status (request), "draft") != 0)
    {
      sl_collab_refuse (error, SL_COLLAB_ERROR_TRANSITION, _("The budget request was submitted and can no longer change"));
      return NULL;
    }
  return request;
}

static gint64
find_line (SlWorkspace *self,
           gint64       request_id,
           SlDay        first,
           gint64       channel_id,
           GError     **error)
{
  SlDatabase *db = sl_workspace_get_database (self);
  g_autoptr(SlStatement) stmt = sl_database_prepare (db, line_sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, channel_id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return -1;
  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
check_line (SlWorkspace              *self,
            SlBudgetRequest          *request,
            const SlRequestLineSpec  *line,
            SlPeriod                 *month,
            GError                  **error)
{
  if (line->amount_minor < 0)
    return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, _("A requested amount cannot be below zero"));
  if (line->channel_id != 0 && sl_channel_store_lookup (sl_workspace_get_channels (self), line->channel_id) == NULL)
    return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, _("The channel no longer exists"));
  if (line->channel_id != 0 && line->goal_id == 0)
    return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID,
                   _("Each requested line says which goal it serves: choose one"));
  sl_period_init (month, SL_PERIOD_MONTH, sl_workspace_get_calendar (self),
                  sl_workspace_get_fiscal_start_month (self), line->month);
  if (month->first < sl_budget_request_get_first_day (request) ||
      month->first > sl_budget_request_get_last_day (request))
    return sl_collab_refuse (error, SL_COLLAB_ERROR_INVALID, _("The month is not within the period the request is for"));
  return TRUE;
}

static SlCommand *
new_line_command (SlWorkspace              *self,
                  gint64                    request_id,
                  const SlRequestLineSpec  *line,
                  const SlPeriod           *month,
                  const char               *label)
{
  g_autoptr(JsonObject) values = json_object_new ();

  json_object_set_string_member (values, "version", SL_BUDGET_REQUEST);
  if (line->channel_id != 0)
    json_object_set_int_member (values, "channel_id", line->channel_id);
  json_object_set_int_member (values, "is_reserve", line->channel_id == 0);
  json_object_set_int_member (values, "first_day", month->first);
  json_object_set_int_member (values, "last_day", month->last);
  json_object_set_int_member (values, "amount_minor", line->amount_minor);
  json_object_set_string_member (values, "currency", sl_workspace_get_currency (self));
  if (line->goal_id != 0)
    json_object_set_int_member (values, "goal_id", line->goal_id);
  json_object_set_int_member (values, "request_id", request_id);
  return sl_row_command_new_insert (label, "budget_line", values);
}

/* Adds to @group what sets @line of a draft request. */
static gboolean
add_line_commands (SlWorkspace              *self,
                   SlBudgetRequest          *request,
                   const SlRequestLineSpec  *line,
                   SlCommandGroup           *group,
                   GError                  **error)
{
  const char *label = _("Change the budget request");
  gint64 request_id = sl_record_get_id (SL_RECORD (request));
  JsonNode *amount, *goal;
  SlPeriod month;
  gint64 id;

  if (!check_line (self, request, line, &month, error) ||
      (id = find_line (self, request_id, month.first, line->channel_id, error)) < 0)
    return FALSE;
  if (id == 0)
    {
      sl_command_group_add (group, new_line_command (self, request_id, line, &month, label));
      return TRUE;
    }
  amount = json_node_init_int (json_node_alloc (), line->amount_minor);
  goal = line->goal_id != 0 ? json_node_init_int (json_node_alloc (), line->goal_id)
                            : json_node_init_null (json_node_alloc ());
  sl_command_group_add (group, sl_set_field_command_new (label, "budget_line", id, "amount_minor", amount));
  sl_command_group_add (group, sl_set_field_command_new (label, "budget_line", id, "goal_id", goal));
  json_node_unref (amount);
  json_node_unref (goal);
  return TRUE;
}

gboolean
sl_workspace_set_request_line (SlWorkspace              *self,
                               gint64                    request_id,
                               const SlRequestLineSpec  *line,
                               GError                  **error)
{
  g_return_val_if_fail (line != NULL, FALSE);

  return sl_workspace_set_request_lines (self, request_id, line, 1, error);
}

gboolean
sl_workspace_set_request_lines (SlWorkspace              *self,
                                gint64                    request_id,
                                const SlRequestLineSpec  *lines,
                                guint                     n_lines,
                                GError                  **error)
{
  g_autoptr(SlCommandGroup) group = NULL;
  SlBudgetRequest *request;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);

  if ((request = find_draft (self, request_id, error)) == NULL)
    return FALSE;
  /* Translators: an undo label */
  group = sl_command_group_new (_("Change the budget request"));
  for (guint i = 0; i < n_lines; i++)
    {
      for (guint j = 0; j < i; j++)
        g_return_val_if_fail (lines[j].channel_id != lines[i].channel_id ||
                              lines[j].month != lines[i].month, FALSE);
      if (!add_line_commands (self, request, &lines[i], group, error))
        return FALSE;
    }
  if (sl_command_group_get_n_commands (group) == 0)
    return TRUE;
  return sl_workspace_run (self, SL_COMMAND (g_steal_pointer (&group)), error);
}

gboolean
sl_workspace_submit_budget_request (SlWorkspace  *self,
                                    gint64        request_id,
                                    GError      **error)
{
  g_autoptr(JsonNode) status = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  if (find_draft (self, request_id, error) == NULL)
    return FALSE;
  status = json_node_init_string (json_node_alloc (), "submitted");
  /* Translators: an undo label */
  return sl_workspace_run (self, sl_set_field_command_new (_("Submit the budget request"), "budget_request",
                                                           request_id, "status", status),
                           error);
}

gboolean
sl_budget_request_get_reserve (SlDatabase        *db,
                               gint64             request_id,
                               SlRequestReserve  *out,
                               GError           **error)
{
  g_autoptr(SlStatement) stmt = NULL;
  gboolean has_row;
  gint64 low, high;

  g_return_val_if_fail (SL_IS_DATABASE (db), FALSE);

  stmt = sl_database_prepare (db,
                              "SELECT coalesce (sum (amount_minor), 0), "
                              "coalesce (sum (CASE WHEN is_reserve THEN amount_minor END), 0), "
                              "(SELECT currency FROM workspace WHERE id = 1) "
                              "FROM budget_line WHERE version = 'request' AND request_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  if (!sl_database_step_row (db, stmt, &has_row, error))
    return FALSE;

  out->total_minor = sqlite3_column_int64 (stmt, 0);
  out->reserve_minor = sqlite3_column_int64 (stmt, 1);
  sl_metric_value_init_fraction (&out->share, SL_METRIC_UNIT_PERCENT, out->reserve_minor, out->total_minor,
                                 NULL, SL_METRIC_REASON_NO_PLAN);
  /* 5 % ≤ reserve ÷ total ≤ 10 %, exactly: compare reserve × 10000 with the bounds. */
  low = out->total_minor * SL_REQUEST_RESERVE_MIN_BP;
  high = out->total_minor * SL_REQUEST_RESERVE_MAX_BP;
  out->in_range = out->total_minor > 0 && out->reserve_minor * 10000 >= low && out->reserve_minor * 10000 <= high;
  return TRUE;
}

char *
sl_request_reserve_get_warning (const SlRequestReserve *reserve,
                                const char             *currency)
{
  g_autofree char *share = NULL;

  g_return_val_if_fail (reserve != NULL, NULL);

  if (reserve->in_range || reserve->total_minor == 0)
    return NULL;
  share = sl_metric_value_format (&reserve->share, NULL);
  if (reserve->reserve_minor * 10000 < reserve->total_minor * SL_REQUEST_RESERVE_MIN_BP)
    /* Translators: %s is a share, e.g. “3 %” */
    return g_strdup_printf (_("The reserve is %s of the request; keep 5–10 %% back so surprises do not "
                              "become overspend"), share);
  /* Translators: %s is a share, e.g. “14 %” */
  return g_strdup_printf (_("The reserve is %s of the request; more than 10 %% held back may read as "
                            "money without a plan"), share);
}

void
sl_budget_request_get_days_left (SlBudgetRequest *request,
                                 SlDay            today,
                                 SlDay           *deadline,
                                 int             *days_left)
{
  g_return_if_fail (SL_IS_REQUEST (request));

  *deadline = sl_budget_request_get_deadline_day (request);
  *days_left = *deadline != SL_DAY_INVALID ? *deadline - today : 0;
}

gboolean
sl_workspace_work_back (SlWorkspace       *self,
                        gint64             channel_id,
                        gint64             revenue_minor,
                        SlDay              as_of,
                        SlFunnelWorkBack  *out,
                        GError           **error)
{
  g_autoptr(SlMetrics) metrics = NULL;
  SlScope scope = channel_id != 0 ? SL_SCOPE_INIT_CHANNEL (channel_id) : SL_SCOPE_INIT_WORKSPACE;
  SlFunnelRates rates;

  g_return_val_if_fail (SL_IS_WORKSPACE (self), FALSE);

  metrics = sl_metrics_new (sl_workspace_get_database (self));
  if (!sl_funnel_rates_fetch (metrics, &scope, as_of, &rates, error))
    return FALSE;
  sl_funnel_rates_work_back (&rates, revenue_minor, out);
  return TRUE;
}
