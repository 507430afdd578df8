/* sl-workspace-requests.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-budget-request-store.h"
#include "sl-funnel-rates.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Next period's budget request: per channel and month lines (budget_line
 * version "request" with the request's id), each serving a goal, and a
 * reserve line of 5–10 % of the total (outside that range a warning,
 * not a refusal). It is due deadline_offset_days before its period
 * starts (the workspace's finance calendar). */

#define SL_REQUEST_RESERVE_MIN_BP 500
#define SL_REQUEST_RESERVE_MAX_BP 1000

typedef struct
{
  gint64 channel_id;    /* 0: the reserve line */
  SlDay  month;         /* any day of the month */
  gint64 amount_minor;  /* ≥ 0, workspace currency */
  gint64 goal_id;       /* required for a channel's line */
} SlRequestLineSpec;

typedef struct
{
  gint64        total_minor;    /* every line, the reserve's too */
  gint64        reserve_minor;
  SlMetricValue share;          /* reserve ÷ total; undefined for an empty request */
  gboolean      in_range;       /* 5 % ≤ share ≤ 10 % */
} SlRequestReserve;

SlBudgetRequestStore *sl_workspace_get_budget_requests    (SlWorkspace              *self);
/* A draft request for @period (normally next fiscal quarter), due
 * deadline_offset_days before it starts. */
gboolean              sl_workspace_create_budget_request  (SlWorkspace              *self,
                                                           const char               *title,
                                                           const SlPeriod           *period,
                                                           const char               *rationale,
                                                           gint64                   *out_id,
                                                           GError                  **error);
/* Sets the amount and goal of one channel-month (or reserve-month) line
 * of a draft request, adding the line if it has none. */
gboolean              sl_workspace_set_request_line       (SlWorkspace              *self,
                                                           gint64                    request_id,
                                                           const SlRequestLineSpec  *line,
                                                           GError                  **error);
/* Sets several lines (each a different cell) in one undoable step,
 * or none when one is refused. */
gboolean              sl_workspace_set_request_lines      (SlWorkspace              *self,
                                                           gint64                    request_id,
                                                           const SlRequestLineSpec  *lines,
                                                           guint                     n_lines,
                                                           GError                  **error);
/* draft → submitted. */
gboolean              sl_workspace_submit_budget_request  (SlWorkspace              *self,
                                                           gint64                    request_id,
                                                           GError                  **error);
gboolean              sl_budget_request_get_reserve       (SlDatabase               *db,
                                                           gint64                    request_id,
                                                           SlRequestReserve         *out,
                                                           GError                  **error);
/* A warning for people when the reserve is outside 5–10 %, else NULL. */
char                 *sl_request_reserve_get_warning      (const SlRequestReserve   *reserve,
                                                           const char               *currency);
/* The day it is due and the days left from @today (negative: overdue). */
void                  sl_budget_request_get_days_left     (SlBudgetRequest          *request,
                                                           SlDay                     today,
                                                           SlDay                    *deadline,
                                                           int                      *days_left);
/* What reaching @revenue_minor takes in @channel_id (0: the whole
 * workspace) at its rates over the window before @as_of. */
gboolean              sl_workspace_work_back              (SlWorkspace              *self,
                                                           gint64                    channel_id,
                                                           gint64                    revenue_minor,
                                                           SlDay                     as_of,
                                                           SlFunnelWorkBack         *out,
                                                           GError                  **error);

G_END_DECLS
