/* sl-annotation-editor.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* Writes or edits a win, loss, experiment, note or unexpected expense.
 * A new loss is written with the reallocation plan that answers it, in
 * one undoable edit; an experiment states its hypothesis, expected
 * outcome and goal first and its actual outcome later. Only the author
 * edits an annotation: others see it read-only. Save writes and closes
 * (emitting ::saved with the id); a refusal is shown above the form,
 * which keeps what was typed. */

#define SL_TYPE_ANNOTATION_EDITOR (sl_annotation_editor_get_type ())
G_DECLARE_FINAL_TYPE (SlAnnotationEditor, sl_annotation_editor, SL, ANNOTATION_EDITOR, AdwWindow)

/* @annotation_id 0: a new annotation, on the period and channel or
 * campaign @filter shows (NULL: the default fiscal year, every channel). */
GtkWidget  *sl_annotation_editor_new            (GtkWindow          *parent,
                                                 SlWorkspace        *workspace,
                                                 SlViewFilter       *filter,
                                                 gint64              annotation_id);
/* What Save does: FALSE when refused (the editor stays, saying why). */
gboolean    sl_annotation_editor_save           (SlAnnotationEditor *self);
/* The refusal shown, or NULL. */
const char *sl_annotation_editor_get_error      (SlAnnotationEditor *self);
/* Whether it only shows an annotation (by someone else). */
gboolean    sl_annotation_editor_get_read_only  (SlAnnotationEditor *self);
/* Picks the kind (SL_ANNOTATION_WIN…) of a new annotation. */
void        sl_annotation_editor_set_kind       (SlAnnotationEditor *self,
                                                 const char         *kind);
/* The lines of a new loss's plan. */
guint       sl_annotation_editor_get_n_lines    (SlAnnotationEditor *self);
void        sl_annotation_editor_add_line       (SlAnnotationEditor *self);
/* The rows: "kind", "title", "body" (a GtkTextView), "channel",
 * "campaign", "goal", "period" (an SlRangeChooser), "next-steps",
 * "plan-title", "plan", "hypothesis", "expected", "actual", "amount",
 * and the buttons "save" and "add-line". */
GtkWidget  *sl_annotation_editor_get_field      (SlAnnotationEditor *self,
                                                 const char         *name);
/* Line @index's rows: "from", "from-month", "to", "to-month", "amount",
 * "remove". */
GtkWidget  *sl_annotation_editor_get_line_field (SlAnnotationEditor *self,
                                                 guint               index,
                                                 const char         *name);

G_END_DECLS
