/* sl-review-slide.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlReview: the page of one agenda item — what it is, its title, its
 * numbers and, beside them when the screen is wide, its discussion. */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-review-private.h"
#include "sl-collab-common.h"

void
sl_review_slide_free (SlReviewSlide *slide)
{
  sl_review_item_free (slide->item);
  g_free (slide);
}

static GtkWidget *
create_discussion_column (SlReviewSlide *slide,
                          SlWorkspace   *workspace,
                          SlDay          meeting_day)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  slide->discussion = SL_DISCUSSION (sl_discussion_new ());
  sl_discussion_set_context (slide->discussion, workspace);
  sl_discussion_set_target (slide->discussion, slide->item->doc_id);
  sl_discussion_set_meeting_day (slide->discussion, meeting_day);
  gtk_box_append (GTK_BOX (column), sl_collab_new_label (_("Discussion"), "title-3"));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (slide->discussion));
  gtk_widget_set_hexpand (column, TRUE);
  return column;
}

SlReviewSlide *
sl_review_slide_new (SlReviewItem *item,
                     SlWorkspace  *workspace,
                     SlDay         meeting_day,
                     gboolean      wide)
{
  SlReviewSlide *slide = g_new0 (SlReviewSlide, 1);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  slide->item = item;
  slide->stale = TRUE;
  slide->kind = GTK_LABEL (sl_collab_new_label (NULL, "review-kind"));
  slide->title = GTK_LABEL (sl_collab_new_label (NULL, "title-1"));
  slide->subtitle = GTK_LABEL (sl_collab_new_label (NULL, "dim-label"));
  slide->columns = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 36));
  slide->numbers = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_hexpand (GTK_WIDGET (slide->numbers), TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (slide->columns), 18);
  gtk_box_append (slide->columns, GTK_WIDGET (slide->numbers));
  if (item->doc_id != NULL)
    gtk_box_append (slide->columns, create_discussion_column (slide, workspace, meeting_day));
  sl_review_slide_set_wide (slide, wide);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->subtitle));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->columns));
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  slide->page = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (slide->page), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (slide->page), clamp);
  return slide;
}

void
sl_review_slide_set_wide (SlReviewSlide *slide,
                          gboolean       wide)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (slide->columns),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_homogeneous (slide->columns, wide);
}

void
sl_review_slide_refresh (SlReviewSlide *slide,
                         SlWorkspace   *workspace,
                         SlViewFilter  *filter,
                         SlDay          meeting_day)
{
  g_autofree char *kind = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  slide->stale = FALSE;
  if (workspace == NULL)
    return;
  sl_review_item_describe (slide->item, workspace, filter, &kind, &title, &subtitle);
  gtk_label_set_label (slide->kind, kind);
  gtk_label_set_label (slide->title, title);
  gtk_label_set_label (slide->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (slide->subtitle), subtitle != NULL && subtitle[0] != '\0');
  sl_review_fill_numbers (slide->item, workspace, filter, meeting_day, slide->numbers);
}
