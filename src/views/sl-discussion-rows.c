/* sl-discussion-rows.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlDiscussion: a row per comment or decision. A decision shows its
 * verdict, its note and a lock: it is final, and a later decision is
 * recorded beside it, never over it. */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-discussion-private.h"
#include "sl-collab-common.h"
#include "sl-tooltip.h"
#include "sl-view-text.h"

static gint64
get_created_at (SlRecord *record)
{
  if (SL_IS_COMMENT (record))
    return sl_comment_get_created_at (SL_COMMENT (record));
  return sl_decision_get_created_at (SL_DECISION (record));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  SlRecord *first = *(SlRecord **)a;
  SlRecord *second = *(SlRecord **)b;
  gint64 at_a = get_created_at (first), at_b = get_created_at (second);

  if (at_a != at_b)
    return at_a < at_b ? -1 : 1;
  /* Written in the same microsecond: the comment, then the decision. */
  if (SL_IS_COMMENT (first) != SL_IS_COMMENT (second))
    return SL_IS_COMMENT (first) ? -1 : 1;
  return sl_record_get_id (first) < sl_record_get_id (second) ? -1 : 1;
}

GPtrArray *
sl_discussion_merge_entries (GListModel *comments,
                             GListModel *decisions)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *models[] = { comments, decisions };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; models[m] != NULL && i < g_list_model_get_n_items (models[m]); i++)
      g_ptr_array_add (entries, g_list_model_get_item (models[m], i));
  /* A stable sort: the stores are oldest first already. */
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/* Author and time on one line; the box to add a verdict to. */
static GtkWidget *
create_header (SlWorkspace *workspace,
               const char  *author,
               gint64       created_at)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *who = sl_collab_new_label (author != NULL && author[0] != '\0' ? author : _("Someone"), "heading");
  g_autofree char *when_text = sl_view_format_time (workspace, created_at);
  GtkWidget *when = sl_collab_new_label (when_text, "dim-label");

  gtk_widget_add_css_class (when, "caption");
  gtk_widget_set_hexpand (when, TRUE);
  gtk_widget_set_valign (when, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (who, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), when);
  return box;
}

static GtkWidget *
create_row (GtkWidget *header,
            GtkWidget *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

GtkWidget *
sl_discussion_create_comment_row (SlWorkspace *workspace,
                                  SlComment   *comment)
{
  GtkWidget *header = create_header (workspace, sl_comment_get_author (comment),
                                     sl_comment_get_created_at (comment));
  GtkWidget *row = create_row (header, sl_collab_new_label (sl_comment_get_body (comment), NULL));

  gtk_widget_add_css_class (row, "comment");
  return row;
}

const char *
sl_discussion_get_verdict_icon (const char *verdict)
{
  if (g_strcmp0 (verdict, "approve") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (verdict, "reject") == 0)
    return "window-close-symbolic";
  if (g_strcmp0 (verdict, "defer") == 0)
    return "alarm-symbolic";
  return "document-edit-symbolic";
}

char *
sl_discussion_dup_decision_text (SlWorkspace *workspace,
                                 const char  *note,
                                 SlDay        meeting_day)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (SL_IS_WORKSPACE (workspace), NULL);

  if (meeting_day == SL_DAY_INVALID)
    return g_strdup (note != NULL && note[0] != '\0' ? note : _("No note"));
  day = sl_view_format_day (workspace, meeting_day);
  if (note == NULL || note[0] == '\0')
    /* Translators: %s is the day of the review meeting */
    return g_strdup_printf (_("In the review of %s"), day);
  /* Translators: the day of the review meeting, then the decision's note */
  return g_strdup_printf (_("In the review of %s: %s"), day, note);
}

GtkWidget *
sl_discussion_create_decision_row (SlWorkspace *workspace,
                                   SlDecision  *decision)
{
  const char *verdict = sl_decision_get_verdict (decision);
  GtkWidget *header = create_header (workspace, sl_decision_get_author (decision),
                                     sl_decision_get_created_at (decision));
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  g_autofree char *text = sl_discussion_dup_decision_text (workspace, sl_decision_get_note (decision),
                                                          sl_decision_get_meeting_day (decision));
  GtkWidget *row;

  gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name (sl_discussion_get_verdict_icon (verdict)));
  gtk_box_append (GTK_BOX (badge), gtk_label_new (sl_decision_verdict_get_label (verdict)));
  gtk_widget_add_css_class (badge, "verdict");
  gtk_widget_add_css_class (badge, verdict);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_insert_child_after (GTK_BOX (header), badge, gtk_widget_get_first_child (header));

  gtk_widget_add_css_class (lock, "dim-label");
  sl_tooltip_set_text (lock, _("Final: a decision is never changed; a later one is recorded beside it"));
  gtk_box_append (GTK_BOX (header), lock);

  row = create_row (header, sl_collab_new_label (text, NULL));
  gtk_widget_add_css_class (row, "decision");
  gtk_widget_add_css_class (row, verdict);
  return row;
}
