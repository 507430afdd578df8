/* sl-request-view-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-budget-request.h"
#include "sl-request-view.h"

G_BEGIN_DECLS

struct _SlRequestView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkLabel          *empty_error;
  GtkLabel          *title_label;
  GtkLabel          *period_label;
  GtkDropDown       *request_dropdown;
  GtkWidget         *deadline_icon;
  GtkLabel          *deadline_label;
  GtkWidget         *submit_button;
  GtkLabel          *header_error;
  GtkLabel          *caption;
  GtkColumnView     *column_view;
  GtkLabel          *grid_error;
  GtkLabel          *reserve_label;
  GtkWidget         *reserve_warning_box;
  GtkLabel          *reserve_warning;
  GtkLabel          *workback_caption;
  GtkGrid           *workback_grid;
  GtkLabel          *workback_error;

  SlWorkspace       *workspace;
  gint64             request_id;
  GArray            *request_ids;  /* gint64 per choice of the dropdown */
  SlBudgetLineStore *lines;        /* the request's */
  GListStore        *rows;         /* SlPlanRow: channels, the reserve, the totals */
  GArray            *months;       /* SlPeriod */
  GtkStringList     *goal_names;   /* "Choose a goal", then the goals */
  GArray            *goal_ids;     /* gint64 per goal name; 0: none */
  GHashTable        *row_goals;    /* channel id → goal chosen (gint64 *) */
  GHashTable        *targets;      /* channel id → target revenue typed (char *) */
  GArray            *pending;      /* SlRequestLineSpec typed for a row without a goal */
  SlDay              today;        /* SL_DAY_INVALID: the real one */
  SlDay              as_of;        /* SL_DAY_INVALID: after the last actual day */
  gboolean           updating;     /* setting the widgets, not the user */
};

/* sl-request-view.c */
SlBudgetRequest *sl_request_view_get_request   (SlRequestView *self);
/* A draft, and the user may write. */
gboolean         sl_request_view_is_editable   (SlRequestView *self);
SlDay            sl_request_view_get_as_of     (SlRequestView *self);

/* sl-request-view-grid.c: channels × months, goals, the reserve. */
void             sl_request_view_grid_init     (SlRequestView *self);
void             sl_request_view_grid_reload   (SlRequestView *self);
void             sl_request_view_grid_refresh  (SlRequestView *self);
/* The goal the lines of @channel_id serve (0: none chosen). */
gint64           sl_request_view_get_row_goal  (SlRequestView *self,
                                                gint64         channel_id);

/* sl-request-view-workback.c: revenue targets worked back. */
void             sl_request_view_workback_refresh (SlRequestView *self);

G_END_DECLS
