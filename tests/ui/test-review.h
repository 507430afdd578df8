/* test-review.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-application.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* What test-review-data.c put into a workspace. */
typedef struct
{
  gint64  first_channel;   /* in the channels' order */
  gint64  second_channel;
  gint64  plan_id;         /* proposed: moves $1,000 of March from the first to the second */
  char   *plan_target;     /* its document id */
  gint64  request_id;      /* submitted, with @rich; else 0 */
} ReviewData;

void      review_data_clear  (ReviewData  *data);
/* Into @ws, in March of @year: Ann sets the first channel's plan to
 * $5,000 (a budget change); Dana proposes moving $1,000 of it to the
 * second channel. With @rich, also a win on the second channel, a loss
 * on the first linked to the plan, and a submitted request for Q2 with
 * a goal. The undo stack is cleared. */
void      review_data_fill   (SlWorkspace *ws,
                              int          year,
                              gboolean     rich,
                              ReviewData  *out);

/* test-history.c */
void      history_add_tests      (void);

/* test-review-shots.c */
void      review_shots_add_tests (void);
/* Shared with it by test-review.c. */
SlWindow *review_open_window  (const char *path,
                               int         width,
                               int         height);
SlApplication *review_get_app (void);
void      review_key          (GtkWidget       *widget,
                               guint            keyval,
                               GdkModifierType  state);

G_END_DECLS
