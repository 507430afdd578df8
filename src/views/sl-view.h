/* sl-view.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sl-view-filter.h"
#include "sl-workspace.h"

G_BEGIN_DECLS

/* A page of the window's content: the analysis views and the pages of
 * the conversation with finance. The window makes each the first time it
 * is shown and hands it the workspace and the filter the header bar
 * sets (pages that do not follow the filter ignore it). A page that is
 * hidden when its data changes catches up when it is shown. */

#define SL_TYPE_VIEW (sl_view_get_type ())
G_DECLARE_INTERFACE (SlView, sl_view, SL, VIEW, GtkWidget)

struct _SlViewInterface
{
  GTypeInterface parent_iface;

  void (*set_context) (SlView       *self,
                       SlWorkspace  *workspace,
                       SlViewFilter *filter);
  /* Reads the page's data again and shows it; for sl_view_refresh(). */
  void (*refresh)     (SlView       *self);
};

/* @workspace and @filter are both NULL or both set. */
void     sl_view_set_context (SlView       *self,
                              SlWorkspace  *workspace,
                              SlViewFilter *filter);

/* The page's data changed: refreshes it now if it is shown, else marks
 * it to catch up when it is. */
void     sl_view_refresh     (SlView       *self);
/* Refreshes the page if its data changed while it was hidden. Pages call
 * it from their map handler, before chaining up; the window calls it on
 * the page it opens on when it is realized, so the page is filled in
 * before the window first measures itself, not after. */
void     sl_view_catch_up    (SlView       *self);
/* Whether the page has changes to catch up on. */
gboolean sl_view_is_stale    (SlView       *self);

G_END_DECLS
