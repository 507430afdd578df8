/* sl-notes-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-metric.h"
#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

#define SL_TYPE_NOTES_VIEW (sl_notes_view_get_type ())
G_DECLARE_FINAL_TYPE (SlNotesView, sl_notes_view, SL, NOTES_VIEW, AdwBin)

/* The Wins & Losses page: the annotations of the period, channel or
 * campaign and search the header bar sets, of the kinds chosen, newest
 * period first; each opens on what it says, the figures it cites as
 * they were written beside today's, its plan, goal and outcome.
 * Actions: notes.new (also Ctrl+Shift+N), and notes.edit, notes.outcome
 * and notes.delete with the annotation's id (int64). */
void        sl_notes_view_set_context     (SlNotesView  *self,
                                           SlWorkspace  *workspace,
                                           SlViewFilter *filter);
/* NULL: every kind; else SL_ANNOTATION_WIN… */
void        sl_notes_view_set_kind_filter (SlNotesView  *self,
                                           const char   *kind);
guint       sl_notes_view_get_n_shown     (SlNotesView  *self);
gint64      sl_notes_view_get_shown_id    (SlNotesView  *self,
                                           guint         index);
/* The expander row of annotation @id, or NULL when it is not shown. */
GtkWidget  *sl_notes_view_get_row         (SlNotesView  *self,
                                           gint64        id);
/* The figure of @metric the row of @id shows, as written (@now FALSE)
 * or today's; the row is expanded to show it. NULL if not shown. */
const char *sl_notes_view_get_figure_text (SlNotesView  *self,
                                           gint64        id,
                                           SlMetric      metric,
                                           gboolean      now);

G_END_DECLS
