/* sl-planner-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-decision-store.h"
#include "sl-discussion.h"
#include "sl-planner.h"
#include "sl-realloc-plan.h"

G_BEGIN_DECLS

struct _SlPlanner
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkLabel        *title_label;
  GtkLabel        *status_label;
  GtkLabel        *byline_label;
  GtkWidget       *propose_button;
  GtkWidget       *withdraw_button;
  GtkWidget       *apply_button;
  GtkWidget       *delete_button;
  GtkWidget       *approve_button;
  GtkWidget       *reject_button;
  GtkLabel        *action_error;
  AdwEntryRow     *title_row;
  AdwComboRow     *goal_row;
  GtkTextView     *rationale_view;
  GtkWidget       *rationale_save;
  GtkLabel        *details_error;
  GtkListBox      *line_list;
  GtkWidget       *add_group;
  AdwComboRow     *from_channel_row;
  AdwComboRow     *from_month_row;
  AdwComboRow     *to_channel_row;
  AdwComboRow     *to_month_row;
  AdwEntryRow     *amount_row;
  GtkLabel        *line_error;
  GtkLabel        *out_label;
  GtkLabel        *in_label;
  AdwEntryRow     *draw_row;
  GtkLabel        *draw_error;
  GtkWidget       *draw_fixed_row;
  GtkLabel        *draw_label;
  AdwActionRow    *left_row;
  GtkLabel        *left_label;
  GtkLabel        *balance_label;
  GtkLabel        *forecast_caption;
  GtkGrid         *forecast_grid;
  GtkLabel        *forecast_notes;
  GtkWidget       *decisions_group;
  SlDiscussion    *discussion;
  GtkListBox      *decision_list;

  SlWorkspace     *workspace;
  gint64           plan_id;
  SlDay            as_of;          /* SL_DAY_INVALID: the default */
  GArray          *months;         /* SlPeriod: the months the form offers */
  GArray          *channel_ids;    /* gint64 per channel choice; 0: the reserve */
  GArray          *goal_ids;       /* gint64 per goal choice; 0: none */
  SlDecisionStore *decisions;
  gboolean         stale;          /* changed while hidden */
  gboolean         updating;       /* setting the widgets, not the user */
};

/* sl-planner.c */
SlReallocPlan *sl_planner_get_plan        (SlPlanner   *self);
/* A draft, and the user may write. */
gboolean       sl_planner_is_editable     (SlPlanner   *self);
SlDay          sl_planner_get_as_of       (SlPlanner   *self);

/* sl-planner-lines.c: the moves, the form adding one, the reserve draw. */
void           sl_planner_lines_init      (SlPlanner   *self);
void           sl_planner_lines_reset     (SlPlanner   *self);
void           sl_planner_lines_refresh   (SlPlanner   *self);
void           sl_planner_class_add_lines (GtkWidgetClass *widget_class);

/* sl-planner-figures.c: balance, forecast and decisions. */
void           sl_planner_figures_refresh (SlPlanner   *self);

/* sl-planner-actions.c: the status actions and dialogs. */
void           sl_planner_class_add_actions (GtkWidgetClass *widget_class);
void           sl_planner_update_actions  (SlPlanner   *self);

G_END_DECLS
