/* sl-notes-view-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-annotation.h"
#include "sl-notes-view.h"

G_BEGIN_DECLS

/* Shared by sl-notes-view.c and sl-notes-view-rows.c (an annotation's
 * row and what it shows when opened). */
struct _SlNotesView
{
  AdwBin         parent_instance;

  GtkDropDown   *kind_dropdown;
  GtkLabel      *count_label;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkListBox    *list;

  SlWorkspace   *workspace;
  SlViewFilter  *filter;
  GPtrArray     *rows;        /* AdwExpanderRow per annotation shown */
  guint          refresh_id;
  gboolean       stale;       /* changed since last shown */
};

/* A collapsed row; what it shows is made the first time it opens. */
GtkWidget *sl_notes_view_create_row   (SlNotesView  *self,
                                       SlAnnotation *annotation);
gint64     sl_notes_view_row_get_id   (GtkWidget    *row);
/* Makes what the row shows, if not made yet. */
void       sl_notes_view_fill_row     (SlNotesView  *self,
                                       GtkWidget    *row);

G_END_DECLS
