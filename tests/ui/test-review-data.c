/* test-review-data.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a review meeting goes through, written into a workspace through
 * the same calls the pages use. */

#include "config.h"

#include "core/collab-fixture.h"
#include "sl-collab.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-goals.h"
#include "sl-workspace-realloc.h"
#include "sl-workspace-requests.h"
#include "test-review.h"

void
review_data_clear (ReviewData *data)
{
  g_clear_pointer (&data->plan_target, g_free);
}

static gint64
nth_channel (SlWorkspace *ws,
             guint        n)
{
  g_autoptr(SlRecord) channel = g_list_model_get_item (G_LIST_MODEL (sl_workspace_get_channels (ws)), n);

  g_assert_nonnull (channel);
  return sl_record_get_id (channel);
}

static void
add_annotations (SlWorkspace      *ws,
                 int               year,
                 const ReviewData *data)
{
  SlAnnotationSpec win = {
    .kind = SL_ANNOTATION_WIN, .title = "Social closes ten times as often",
    .body = "Ten customers from a hundred leads, at the same spend as Search.",
    .channel_id = data->second_channel,
    .first_day = sl_day_from_ymd (year, 3, 1), .last_day = sl_day_from_ymd (year, 3, 31),
  };
  SlAnnotationSpec loss = {
    .kind = SL_ANNOTATION_LOSS, .title = "Search leads do not close",
    .body = "Five hundred leads and one customer: cheap leads, no business.",
    .channel_id = data->first_channel,
    .first_day = sl_day_from_ymd (year, 3, 1), .last_day = sl_day_from_ymd (year, 3, 31),
    .plan_id = data->plan_id, .next_steps = "Move $1,000 of March to Social; keep the brand terms.",
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (sl_workspace_create_annotation (ws, &win, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sl_workspace_create_annotation (ws, &loss, NULL, &error));
  g_assert_no_error (error);
}

static gint64
add_request (SlWorkspace      *ws,
             int               year,
             const ReviewData *data)
{
  SlGoalSpec goal = { "Grow revenue from Social", NULL, NULL,
                      sl_day_from_ymd (year, 4, 1), sl_day_from_ymd (year, 6, 30) };
  g_autoptr(GError) error = NULL;
  SlPeriod quarter;
  gint64 goal_id = 0, id = 0;

  g_assert_true (sl_workspace_create_goal (ws, &goal, NULL, 0, &goal_id, &error));
  sl_period_init (&quarter, SL_PERIOD_QUARTER, sl_workspace_get_calendar (ws),
                  sl_workspace_get_fiscal_start_month (ws), sl_day_from_ymd (year, 4, 1));
  g_assert_true (sl_workspace_create_budget_request (ws, "Next quarter", &quarter,
                                                     "Double down on Social, hold Search", &id, &error));
  for (int month = 4; month <= 6; month++)
    {
      SlRequestLineSpec first = { data->first_channel, sl_day_from_ymd (year, month, 1), 400000, goal_id };
      SlRequestLineSpec second = { data->second_channel, sl_day_from_ymd (year, month, 1), 800000, goal_id };
      SlRequestLineSpec reserve = { 0, sl_day_from_ymd (year, month, 1), 100000, 0 };

      g_assert_true (sl_workspace_set_request_line (ws, id, &first, &error));
      g_assert_true (sl_workspace_set_request_line (ws, id, &second, &error));
      g_assert_true (sl_workspace_set_request_line (ws, id, &reserve, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sl_workspace_submit_budget_request (ws, id, &error));
  g_assert_no_error (error);
  return id;
}

void
review_data_fill (SlWorkspace *ws,
                  int          year,
                  gboolean     rich,
                  ReviewData  *out)
{
  SlReallocPlanSpec spec = { "Move Search spend to Social",
                             "Social closes ten times as many customers per dollar", NULL, 0, 0 };
  SlReallocLineSpec line = { 0, sl_day_from_ymd (year, 3, 1), 0, sl_day_from_ymd (year, 3, 1), 100000 };
  g_autoptr(GError) error = NULL;
  SlRecord *plan;

  out->first_channel = line.from_channel_id = nth_channel (ws, 0);
  out->second_channel = line.to_channel_id = nth_channel (ws, 1);

  sl_workspace_set_author (ws, "Ann");
  collab_set_plan (ws, out->first_channel, sl_day_from_ymd (year, 3, 1), 500000);

  sl_workspace_set_author (ws, "Dana");
  g_assert_true (sl_workspace_create_realloc_plan (ws, &spec, &line, 1, &out->plan_id, &error));
  g_assert_no_error (error);
  g_assert_true (sl_workspace_propose_realloc_plan (ws, out->plan_id, &error));
  g_assert_no_error (error);
  plan = SL_RECORD (sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (ws), out->plan_id));
  out->plan_target = sl_collab_doc_id ("plan", sl_record_get_uuid (plan));

  if (rich)
    {
      add_annotations (ws, year, out);
      out->request_id = add_request (ws, year, out);
    }
  sl_undo_stack_clear (sl_workspace_get_undo_stack (ws));
}
