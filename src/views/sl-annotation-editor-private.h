/* sl-annotation-editor-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-annotation-editor.h"
#include "sl-range-chooser.h"
#include "sl-workspace-annotations.h"

G_BEGIN_DECLS

/* Shared by sl-annotation-editor.c, -choices.c (the channel, campaign,
 * goal and month lists) and -plan.c (a new loss's moves). */

typedef struct
{
  AdwPreferencesGroup *group;
  AdwComboRow         *from_row;
  AdwComboRow         *from_month_row;
  AdwComboRow         *to_row;
  AdwComboRow         *to_month_row;
  AdwEntryRow         *amount_row;
  GtkWidget           *remove_button;
} SlAnnotationEditorLine;

struct _SlAnnotationEditor
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *save_button;
  GtkScrolledWindow   *scroller;
  GtkBox              *content_box;
  GtkLabel            *error_label;
  GtkLabel            *read_only_label;
  AdwPreferencesGroup *what_group;
  AdwComboRow         *kind_row;
  AdwEntryRow         *title_row;
  AdwPreferencesGroup *body_group;
  GtkTextView         *body_view;
  AdwPreferencesGroup *where_group;
  AdwComboRow         *channel_row;
  AdwComboRow         *campaign_row;
  AdwComboRow         *goal_row;
  AdwPreferencesGroup *loss_group;
  AdwEntryRow         *next_steps_row;
  AdwEntryRow         *plan_title_row;
  AdwActionRow        *plan_row;
  GtkBox              *lines_box;
  GtkWidget           *add_line_button;
  AdwPreferencesGroup *experiment_group;
  AdwEntryRow         *hypothesis_row;
  AdwEntryRow         *expected_row;
  AdwEntryRow         *actual_row;
  AdwPreferencesGroup *expense_group;
  AdwEntryRow         *amount_row;
  SlRangeChooser      *range;

  SlWorkspace         *workspace;
  gint64               annotation_id;  /* 0: a new one */
  gint64               plan_id;        /* the plan an edited loss links */
  gboolean             read_only;
  GArray              *channel_ids;    /* gint64 per channel row item; 0: all, the reserve */
  GArray              *campaign_ids;   /* gint64 per campaign row item; 0: none */
  GArray              *goal_ids;       /* gint64 per goal row item; 0: none */
  GArray              *months;         /* SlDay: first days of the months a move picks from */
  GListModel          *line_channels;  /* "Reserve", then the channels */
  GListModel          *month_names;
  GPtrArray           *lines;          /* SlAnnotationEditorLine */
};

/* sl-annotation-editor-choices.c */
void      sl_annotation_editor_fill_choices    (SlAnnotationEditor *self,
                                                SlDay               months_from);
void      sl_annotation_editor_fill_campaigns  (SlAnnotationEditor *self);
guint     sl_annotation_editor_find_id         (GArray             *ids,
                                                gint64              id);
gint64    sl_annotation_editor_selected_id     (AdwComboRow        *row,
                                                GArray             *ids);

/* sl-annotation-editor-plan.c */
SlAnnotationEditorLine *sl_annotation_editor_append_line (SlAnnotationEditor *self);
/* The moves as typed (SlReallocLineSpec), or NULL with an error. */
GArray   *sl_annotation_editor_read_lines      (SlAnnotationEditor *self,
                                                GError            **error);
/* The reserve draw that balances @lines: in − out of the channels. */
gint64    sl_annotation_editor_reserve_draw    (GArray             *lines);

G_END_DECLS
