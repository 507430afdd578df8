/* sl-collab-common.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-annotation.h"
#include "sl-metrics-totals.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Words, figures and toasts the Goals and Wins & Losses pages share. */

/* The kinds in the order the pages offer them (NULL-terminated). */
extern const char * const sl_annotation_kinds[];

/* "Win", "Loss"…, translated; the kind itself when unknown. */
const char *sl_annotation_kind_get_label     (const char     *kind);
const char *sl_annotation_kind_get_icon_name (const char     *kind);

/* The period @first…@last is in @workspace's calendar: its month,
 * quarter or fiscal year when it is exactly one, else a custom range. */
void        sl_collab_range_to_period        (SlWorkspace    *workspace,
                                              SlDay           first,
                                              SlDay           last,
                                              SlPeriod       *out);
/* "March 2025", "Q3 FY2025", "Mar 3 – 19, 2025". */
char       *sl_collab_format_range           (SlWorkspace    *workspace,
                                              SlDay           first,
                                              SlDay           last);
/* The local day of @usec (µs since the epoch), in @workspace's calendar. */
char       *sl_collab_format_day             (SlWorkspace    *workspace,
                                              gint64          usec);
/* A key result's target in its unit: "$1,000.00", "2.0 %", "3.0×" (basis
 * points of a multiple such as CLV : CAC), "7 days". */
char       *sl_collab_format_target          (const char     *metric,
                                              gint64          target,
                                              const char     *unit,
                                              const char     *currency);
/* Whether an item on @channel_id (0: the whole workspace) and
 * @campaign_id (0: none) is within @scope. */
gboolean    sl_collab_scope_contains         (const SlScope  *scope,
                                              gint64          channel_id,
                                              gint64          campaign_id);
/* "Search", "Search › Brand", "All channels". */
char       *sl_collab_format_scope           (SlWorkspace    *workspace,
                                              gint64          channel_id,
                                              gint64          campaign_id);

/* The shared item a document id ("plan:<uuid>", "annotation:<uuid>",
 * "request:<uuid>", "goal:<uuid>") names in @workspace: an
 * SlReallocPlan, SlAnnotation, SlBudgetRequest or SlGoal, or NULL when
 * there is none (transfer none: the workspace's stores hold it). */
SlRecord   *sl_collab_lookup_target          (SlWorkspace    *workspace,
                                              const char     *doc_id);
/* Its title for people (a goal's objective), or NULL. */
const char *sl_collab_get_target_title       (SlWorkspace    *workspace,
                                              const char     *doc_id);
/* A budget line's channel by name; 0 is the reserve. */
char       *sl_collab_dup_channel_name       (SlWorkspace    *workspace,
                                              gint64          channel_id);

/* Shows @message in the window's toast overlay above @widget, with an
 * Undo button (win.undo) when @undo. */
void        sl_collab_show_toast             (GtkWidget      *widget,
                                              const char     *message,
                                              gboolean        undo);

/* A label wrapping at words, aligned to the start, with @css_class
 * (NULL: none). */
GtkWidget  *sl_collab_new_label              (const char     *text,
                                              const char     *css_class);
/* Sets @button (returned) to activate @action_name with @id (int64). */
GtkWidget  *sl_collab_set_id_action          (GtkWidget      *button,
                                              const char     *action_name,
                                              gint64          id);
/* A dialog's refusal above its form (@label): shown with @message, and
 * scrolled to; hidden for NULL. */
void        sl_collab_show_refusal           (GtkLabel          *label,
                                              GtkScrolledWindow *scroller,
                                              const char        *message);
/* Ends a dialog's Save: with @error, shows it in @label and returns
 * FALSE; else emits @saved_signal with @id and closes @dialog. */
gboolean    sl_collab_finish_save            (GtkWindow         *dialog,
                                              GtkLabel          *label,
                                              GtkScrolledWindow *scroller,
                                              const GError      *error,
                                              guint              saved_signal,
                                              gint64             id);
/* The refusal shown in @label, or NULL. */
const char *sl_collab_get_refusal            (GtkLabel       *label);

G_END_DECLS
