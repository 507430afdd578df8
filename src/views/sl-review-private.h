/* sl-review-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-review.h"

G_BEGIN_DECLS

/* Shared by sl-review.c, sl-review-keys.c and sl-review-slide.c. */
struct _SlReview
{
  GtkWidget      parent_instance;

  GtkLabel      *position_label;
  GtkLabel      *date_label;
  GtkMenuButton *agenda_button;
  GtkListBox    *agenda_list;
  GtkStack      *stack;

  SlWorkspace   *workspace;
  SlViewFilter  *filter;
  GPtrArray     *slides;       /* SlReviewSlide, in the agenda's order */
  guint          position;
  SlDay          meeting_day;
  GString       *digits;       /* typed so far */
  guint          digits_id;
  guint          layout_id;
  gboolean       wide;
  gboolean       projector;
  gboolean       compact;
};

/* sl-review-keys.c: Page Down, Right or Space forward; Page Up or Left
 * back (mirrored right to left); Home, End; digits; Ctrl+Enter sends
 * the comment; Escape leaves. TRUE when @keyval was one of them. */
gboolean    sl_review_handle_key      (SlReview          *self,
                                       guint              keyval,
                                       GdkModifierType    state);
/* One item forward (1) or back (-1), staying within the agenda. */
void        sl_review_step            (SlReview          *self,
                                       int                delta);
void        sl_review_clear_digits    (SlReview          *self);

typedef enum
{
  SL_REVIEW_KPIS,        /* the Overview's summary of the period */
  SL_REVIEW_ANNOTATION,  /* a win or loss of the period */
  SL_REVIEW_PLAN,        /* a reallocation plan awaiting decision */
  SL_REVIEW_REQUEST,     /* a budget request */
} SlReviewKind;

/* One item of the meeting's agenda. */
typedef struct
{
  SlReviewKind  kind;
  gint64        id;       /* the record's; 0 for the KPIs */
  char         *doc_id;   /* what its discussion is about; NULL for the KPIs */
} SlReviewItem;

/* sl-review-slide.c: the page of an item in the review's stack. */
typedef struct
{
  SlReviewItem *item;
  GtkWidget    *page;
  GtkLabel     *kind;
  GtkLabel     *title;
  GtkLabel     *subtitle;
  GtkBox       *columns;     /* the numbers, and the discussion beside or under them */
  GtkBox       *numbers;
  SlDiscussion *discussion;  /* NULL for the KPIs */
  gboolean      stale;       /* to refresh before it is shown */
} SlReviewSlide;

/* Takes @item; its discussion's decisions carry @meeting_day. */
SlReviewSlide *sl_review_slide_new     (SlReviewItem   *item,
                                        SlWorkspace    *workspace,
                                        SlDay           meeting_day,
                                        gboolean        wide);
void           sl_review_slide_free    (SlReviewSlide  *slide);
/* The discussion beside the numbers (@wide) or under them. */
void           sl_review_slide_set_wide (SlReviewSlide *slide,
                                        gboolean        wide);
void           sl_review_slide_refresh (SlReviewSlide  *slide,
                                        SlWorkspace    *workspace,
                                        SlViewFilter   *filter,
                                        SlDay           meeting_day);

/* sl-review-agenda.c: the agenda of a meeting on @meeting_day about
 * @period: the KPIs, the wins and losses of the period, the plans
 * proposed, the budget requests submitted (else the latest one).
 * Returns a GPtrArray of SlReviewItem. */
GPtrArray  *sl_review_agenda_build    (SlWorkspace        *workspace,
                                       const SlPeriod     *period);
void        sl_review_item_free       (SlReviewItem       *item);

/* The headings of a slide: what kind of item (“Loss”), its title, and
 * a line about it (its channel and days, its status); each newly
 * allocated. */
void        sl_review_item_describe   (const SlReviewItem *item,
                                       SlWorkspace        *workspace,
                                       SlViewFilter       *filter,
                                       char              **kind,
                                       char              **title,
                                       char              **subtitle);

/* sl-review-slides.c: the numbers of an item, into @box (emptied
 * first), as of @meeting_day. */
void        sl_review_fill_numbers    (const SlReviewItem *item,
                                       SlWorkspace        *workspace,
                                       SlViewFilter       *filter,
                                       SlDay               meeting_day,
                                       GtkBox             *box);


G_END_DECLS
